"""The milestones a feed shows, and the UID each keeps for ever.

A feed is built from a selection: tasks (all their milestones),
``(task, milestone)`` pairs and the items of the query selections
(:func:`heze_plan.query.milestones` and :func:`heze_plan.query.tasks` and
what they narrow down to). :func:`entries` turns it into :class:`Entry`
values, each milestone once, in calendar order; :func:`milestone_uid` names
each one independently of the selection, so the same milestone has the same
UID in every feed and every run.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from attrs import frozen

from heze_plan.model.plan import Milestone, Plan, Task
from heze_plan.query.selections import MilestoneRef

__all__ = ["Entry", "entries", "milestone_uid"]

#: The namespace of the name-based UUIDs that serve as UIDs; fixed forever.
_UID_NAMESPACE = uuid.UUID("0b1c7e4e-6d2a-5c55-9d1e-3a7f1f2c8e40")


@frozen
class Entry:
    """One milestone of one task: the ``index``-th of ``task.milestones``, counted from 1 (节点1/2)."""

    task: Task
    index: int

    @property
    def milestone(self) -> Milestone:
        """The milestone itself."""
        return self.task.milestones[self.index - 1]


def entries(
    plan: Plan, selection: Iterable[Task | Entry | MilestoneRef | tuple[Task, Milestone]] | None = None
) -> tuple[Entry, ...]:
    """The milestones of a selection, each once, by due date, task number and position.

    ``selection`` holds tasks (all their milestones), ``(task, milestone)``
    pairs, entries and :class:`~heze_plan.query.MilestoneRef` values (so a
    :class:`~heze_plan.query.TaskSelection` or a
    :class:`~heze_plan.query.MilestoneSelection` goes in as it is); ``None``
    means the whole plan. Tasks without a deadline have no
    milestone and contribute nothing.

    >>> import heze_plan
    >>> plan = heze_plan.load()
    >>> two = plan.task(2)
    >>> [(e.task.number, e.index) for e in entries(plan, [plan.task(8), (two, two.milestones[0])])]
    [(2, 1), (8, 1), (8, 2)]
    """
    chosen: set[tuple[int, int]] = set()
    found: list[Entry] = []
    for item in plan.tasks if selection is None else selection:
        if isinstance(item, Task):
            pairs = [Entry(item, i) for i in range(1, len(item.milestones) + 1)]
        elif isinstance(item, (Entry, MilestoneRef)):
            if not 1 <= item.index <= len(item.task.milestones):
                msg = f"task {item.task.number} has no milestone number {item.index}"
                raise ValueError(msg)
            pairs = [Entry(item.task, item.index)]
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Task):
            task, milestone = item
            if milestone not in task.milestones:
                msg = f"task {task.number} has no milestone {milestone!r}"
                raise ValueError(msg)
            pairs = [Entry(task, task.milestones.index(milestone) + 1)]
        else:
            msg = f"a selection holds tasks, entries, MilestoneRef or (task, milestone) pairs, got {item!r}"
            raise TypeError(msg)
        for entry in pairs:
            key = (entry.task.number, entry.index)
            if key not in chosen:
                chosen.add(key)
                found.append(entry)
    return tuple(sorted(found, key=lambda e: (e.milestone.due, e.task.number, e.index)))


def milestone_uid(plan: Plan, task: int, number: int, component: str = "VEVENT") -> str:
    """The UID of a milestone's event (or to-do): the same in every feed and every run.

    A name-based UUID (RFC 7986 §5.3 recommends UUIDs) of the document
    number, the task number and the milestone's number in the task (from 1).

    >>> import heze_plan
    >>> milestone_uid(heze_plan.load(), 8, 1) == milestone_uid(heze_plan.load(), 8, 1)
    True
    >>> milestone_uid(heze_plan.load(), 8, 1).endswith("@heze-plan")
    True
    """
    kind = "" if component == "VEVENT" else f"/{component}"
    name = f"{plan.document.number}/task/{task}/milestone/{number}{kind}"
    return f"{uuid.uuid5(_UID_NAMESPACE, name)}@heze-plan"
