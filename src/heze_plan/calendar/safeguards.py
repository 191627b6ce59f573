"""The plan-level deadlines of the safeguards (保障措施): which they are, who must act, their UIDs.

A safeguard can set a deadline of its own that belongs to no task: the
Heze plan's first safeguard says 各县区、市直领域牵头部门要在本行动计划印发1个月内
制定具体落实方案，并报市营转办备案 (due 2023-08-29). The parser records it as a
milestone of the safeguard; this module makes it an entry of the calendar
feeds, next to the tasks' milestones (:mod:`heze_plan.calendar.entries`).

Who must act is read from the deadline's sentence, up to the deadline phrase
(its subject; what follows, such as 报市营转办备案, names a recipient):

- 领域牵头部门 / 领域牵头单位, or 各领域 on its own (not 各领域责任单位): the
  lead units of every area (the union of :attr:`~heze_plan.model.plan.Area.lead_units`);
- 各县区 on its own: the registry's collectives of the county governments, whose
  name starts with 各县区政府 (各县区政府、管委会), through which a county acts
  (各县区法院 are courts, and count only where the text names them);
- any registry unit the subject names by its canonical name.

A deadline whose subject names none of these is still in the whole-plan
feed, with 未指明 as who must act.

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

import re
import uuid

from attrs import frozen

from heze_plan.model.plan import Milestone, Plan, Safeguard

__all__ = ["SafeguardEntry", "actors", "safeguard_entries", "safeguard_uid", "subject"]

#: The same namespace as the tasks' UIDs (:func:`heze_plan.calendar.entries.milestone_uid`); the names differ.
_UID_NAMESPACE = uuid.UUID("0b1c7e4e-6d2a-5c55-9d1e-3a7f1f2c8e40")
_AREA_LEADS = re.compile(r"领域牵头(?:部门|单位)|各领域(?!责任)")
_COUNTIES = re.compile(r"各县区(?!法院)")
_COUNTY_GOVERNMENTS = "各县区政府"
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


def actors(plan: Plan, entry: SafeguardEntry) -> tuple[str, ...]:
    """The units that must act on a safeguard's deadline, in registry order (see the module's rule)."""
    words = subject(entry)
    names: set[str] = {unit.name for unit in plan.units if unit.name in words}
    if _AREA_LEADS.search(words):
        names.update(name for area in plan.areas for name in area.lead_units)
    if _COUNTIES.search(words):
        names.update(
            u.name
            for u in plan.units
            if u.name.startswith(_COUNTY_GOVERNMENTS) and u.kind.value == "collective"
        )
    return tuple(unit.name for unit in plan.units if unit.name in names)


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
