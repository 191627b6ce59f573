"""The plan-level deadlines of the safeguards (保障措施): which they are, who must act, their UIDs.

A safeguard can set a deadline of its own that belongs to no task: the
Heze plan's first safeguard says 各县区、市直领域牵头部门要在本行动计划印发1个月内
制定具体落实方案，并报市营转办备案 (due 2023-08-29). The parser records it as a
milestone of the safeguard; this module makes it an entry of the calendar
feeds, next to the tasks' milestones (:mod:`heze_plan.calendar.entries`).

Who must act is not worked out here: it is the
:class:`~heze_plan.model.plan.Obligation` of the safeguard whose sentence
states the deadline (:attr:`heze_plan.model.plan.Obligation.actors`, read by
:mod:`heze_plan.parsing.obligations`: the subject before 要, so that
报市营转办备案 names a recipient, not an actor). A plan without obligations
(an export written before they existed) has them read from the safeguard's
text on the spot. A deadline whose obligation names nobody is still in the
whole-plan feed, with 未指明 as who must act.

>>> import heze_plan
>>> plan = heze_plan.load()
>>> (entry, _) = safeguard_entries(plan)
>>> entry.milestone.phrase, entry.milestone.due.isoformat()
('印发1个月内', '2023-08-29')
>>> who = actors(plan, entry)
>>> len(who), "各县区政府、管委会" in who, "市营转办" in who
(19, True, False)
"""

from __future__ import annotations

import uuid

from attrs import frozen

from heze_plan.model.plan import Milestone, Obligation, Plan, Safeguard

__all__ = ["SafeguardEntry", "actors", "obligation", "safeguard_entries", "safeguard_uid", "subject"]

#: The same namespace as the tasks' UIDs (:func:`heze_plan.calendar.entries.milestone_uid`); the names differ.
_UID_NAMESPACE = uuid.UUID("0b1c7e4e-6d2a-5c55-9d1e-3a7f1f2c8e40")
_SENTENCE_ENDS = "。；;"


@frozen
class SafeguardEntry:
    """One deadline of one safeguard: the ``index``-th of ``safeguard.milestones``, counted from 1."""

    safeguard: Safeguard
    index: int

    @property
    def milestone(self) -> Milestone:
        """The milestone itself."""
        return self.safeguard.milestones[self.index - 1]


def safeguard_entries(plan: Plan) -> tuple[SafeguardEntry, ...]:
    """Every deadline of the plan's safeguards, by due date, safeguard number and position."""
    found = [SafeguardEntry(s, i) for s in plan.safeguards for i in range(1, len(s.milestones) + 1)]
    return tuple(sorted(found, key=lambda e: (e.milestone.due, e.safeguard.number, e.index)))


def subject(entry: SafeguardEntry) -> str:
    """The deadline's sentence up to its phrase: where the text says who must act.

    >>> import heze_plan
    >>> subject(safeguard_entries(heze_plan.load())[0])
    '各县区、市直领域牵头部门要在本行动计划'
    """
    text = entry.safeguard.text
    start = 0
    for milestone in entry.safeguard.milestones[: entry.index]:
        found = text.find(milestone.phrase, start)
        if found == -1:  # a phrase the parser normalised: the whole text is the subject
            return text
        position, start = found, found + len(milestone.phrase)
    begin = max(text.rfind(end, 0, position) for end in _SENTENCE_ENDS) + 1
    return text[begin:position]


def obligation(plan: Plan, entry: SafeguardEntry) -> Obligation | None:
    """The obligation whose sentence states the deadline, or ``None`` if none does."""
    safeguard = entry.safeguard
    found = safeguard.obligations
    if not found:  # a plan exported before obligations existed: read them from the text now
        from heze_plan.parsing.obligations import obligations_of  # noqa: PLC0415 - loads the whole parser

        found = obligations_of(plan, safeguard)
    milestone = entry.milestone
    return next(
        (
            o
            for o in found
            if o.phrase == milestone.phrase and o.due == milestone.due and o.phrase in o.action
        ),
        None,
    )


def actors(plan: Plan, entry: SafeguardEntry) -> tuple[str, ...]:
    """The units that must act on a safeguard's deadline, in registry order: its obligation's actors."""
    found = obligation(plan, entry)
    return found.actors if found is not None else ()


def safeguard_uid(plan: Plan, number: int, milestone: int, component: str = "VEVENT") -> str:
    """The UID of a safeguard deadline's event (or to-do): the same in every feed and every run.

    A name-based UUID of the document number, the safeguard's number and the
    milestone's number (from 1); the name says ``safeguard`` where a task's says
    ``task``, so no task's UID can be the same.

    >>> import heze_plan
    >>> safeguard_uid(heze_plan.load(), 1, 1).endswith("@heze-plan")
    True
    """
    kind = "" if component == "VEVENT" else f"/{component}"
    name = f"{plan.document.number}/safeguard/{number}/milestone/{milestone}{kind}"
    return f"{uuid.uuid5(_UID_NAMESPACE, name)}@heze-plan"
