"""Compliance checks over a whole plan: every finding, not only the first.

The model's validators already refuse objects that are wrong on their own
(a unit named twice). These checks cover what only the whole plan can tell
(and a task without a lead unit, which a plan of the family may have when
its source names only 责任单位): numbering, the registry, dates against the plan
year and the date of issue. Each rule has a stable id, so that findings can
be filtered, counted and documented.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

import attrs

from heze_plan.model.plan import Milestone, Plan

__all__ = ["RULES", "Finding", "check"]

#: Every rule, by id, with what it requires.
RULES: dict[str, str] = {
    "task-lead": "every task has at least one lead unit",
    "task-numbering": "task numbers run 1..N without gaps or repeats",
    "area-numbering": "area numbers run 1..N without gaps or repeats",
    "area-lead": "where any area names lead units (领域牵头部门), every area does",
    "task-area": "every task belongs to an area of the plan",
    "unit-registry": "every unit named by an area, task or safeguard is in the registry",
    "unit-duplicate": "no unit is registered twice, and no alias names two units",
    "deadline-year": "every deadline lies within the plan year",
    "deadline-issued": "no deadline falls before the plan was issued",
    "target-milestone": "every target refers to an existing milestone of its task",
}


@attrs.frozen
class Finding:
    """One breach of a rule."""

    rule: str
    message: str
    task: int | None = None

    def __str__(self) -> str:
        where = f"task {self.task}: " if self.task is not None else ""
        return f"[{self.rule}] {where}{self.message}"


def _numbering(numbers: list[int], what: str, rule: str) -> Iterator[Finding]:
    counts = Counter(numbers)
    for number, count in sorted(counts.items()):
        if count > 1:
            yield Finding(rule, f"{what} {number} appears {count} times", number if what == "task" else None)
    for number in sorted(set(range(1, max(numbers, default=0) + 1)) - set(numbers)):
        yield Finding(rule, f"{what} {number} is missing: numbers run 1..{max(numbers)}")
    for index, (before, after) in enumerate(itertools.pairwise(numbers)):
        if after < before:
            yield Finding(rule, f"{what} {after} comes after {what} {before} (position {index + 2})")


def _task_leads(plan: Plan) -> Iterator[Finding]:
    for task in plan.tasks:
        if not task.lead_units:
            what = "only responsible units" if task.responsible_units else "no owner at all"
            yield Finding("task-lead", f"names no lead unit ({what})", task.number)


def _areas(plan: Plan) -> Iterator[Finding]:
    # Heze names a lead for every area; most plans of the family name none, which is no fault.
    if any(area.lead_units for area in plan.areas):
        for area in plan.areas:
            if not area.lead_units:
                yield Finding("area-lead", f"area {area.number} {area.name} names no lead unit")
    area_numbers = {a.number for a in plan.areas}
    for task in plan.tasks:
        if task.area not in area_numbers:
            yield Finding("task-area", f"belongs to area {task.area}, which the plan lacks", task.number)


def _registry(plan: Plan) -> Iterator[Finding]:
    registered = Counter(unit.name for unit in plan.units)
    for area in plan.areas:
        for name in area.lead_units:
            if name not in registered:
                yield Finding("unit-registry", f"area {area.number} names unregistered unit {name!r}")
    for task in plan.tasks:
        for name in task.units:
            if name not in registered:
                yield Finding("unit-registry", f"names unregistered unit {name!r}", task.number)
    for safeguard in plan.safeguards:
        for name in safeguard.units:
            if name not in registered:
                yield Finding(
                    "unit-registry", f"safeguard {safeguard.number} names unregistered unit {name!r}"
                )


def _duplicates(plan: Plan) -> Iterator[Finding]:
    registered = Counter(unit.name for unit in plan.units)
    for name, count in sorted(registered.items()):
        if count > 1:
            yield Finding("unit-duplicate", f"unit {name!r} is registered {count} times")
    aliases = Counter(alias for unit in plan.units for alias in unit.aliases)
    for alias, count in sorted(aliases.items()):
        if count > 1 or alias in registered:
            yield Finding("unit-duplicate", f"alias {alias!r} names more than one unit")


def _deadlines(plan: Plan, milestones: tuple[Milestone, ...], task: int | None) -> Iterator[Finding]:
    issued = plan.document.printed or plan.document.adopted
    for milestone in milestones:
        when = f"{milestone.phrase} ({milestone.due.isoformat()})"
        if milestone.due.year != plan.year:
            yield Finding("deadline-year", f"{when} lies outside the plan year {plan.year}", task)
        elif issued is not None and milestone.due < issued:
            yield Finding(
                "deadline-issued", f"{when} falls before the plan was issued ({issued.isoformat()})", task
            )


def _all_deadlines(plan: Plan) -> Iterator[Finding]:
    for task in plan.tasks:
        yield from _deadlines(plan, task.milestones, task.number)
    for safeguard in plan.safeguards:
        yield from _deadlines(plan, safeguard.milestones, None)


def _targets(plan: Plan) -> Iterator[Finding]:
    for task in plan.tasks:
        for target in task.targets:
            if target.milestone is not None and target.milestone > len(task.milestones):
                yield Finding(
                    "target-milestone", f"target {target.phrase!r} names a missing milestone", task.number
                )


def check(plan: Plan) -> list[Finding]:
    """Every finding on ``plan``, in the order of the rules, then of the tasks.

    An empty list means the plan passes every rule in :data:`~heze_plan.model.checks.RULES`.

    >>> import heze_plan
    >>> heze_plan.check(heze_plan.load())
    []
    """
    findings = [
        *_task_leads(plan),
        *_numbering([t.number for t in plan.tasks], "task", "task-numbering"),
        *_numbering([a.number for a in plan.areas], "area", "area-numbering"),
        *_areas(plan),
        *_registry(plan),
        *_duplicates(plan),
        *_all_deadlines(plan),
        *_targets(plan),
    ]
    order = list(RULES)
    findings.sort(key=lambda f: order.index(f.rule))
    return findings
