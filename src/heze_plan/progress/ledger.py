"""The progress ledger (台账): what departments report back on each milestone and target.

The plan's safeguards ask for 台账式管理 (ledger-style management): the
coordinating office keeps, for every task, who did what by when. A ledger
holds two kinds of rows:

- a :class:`MilestoneEntry` says how far one milestone (or one task that has
  no milestone) has got: not started, in progress, done on a date, dropped;
- a :class:`TargetActual` records the figure a numeric target had reached on
  a date (青年人才 21 800 人 as of 2023-10-15); a target may have several,
  one per date, so the ledger keeps the history.

Milestones are named by task number plus the 1-based index of the milestone
within the task, or its due date when that date is unique in the task (task
136 has two milestones due 2023-12-31, so there the index is required).

Reading a file (:mod:`heze_plan.progress.ledger_files`) checks every row and returns the
good rows together with every problem; the classes here refuse contradictory
rows (done without a completion date) so that a bad ledger cannot be built
in code either.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs
from attrs import field, frozen

__all__ = ["Ledger", "MilestoneEntry", "Problem", "Progress", "TargetActual"]


class Progress(enum.Enum):
    """How far a milestone has got, as its department reports it."""

    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """The Chinese label used in the template: 未启动, 推进中, 已完成, 已取消.

        >>> Progress.DONE.label
        '已完成'
        """
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Progress:
        """The status a label names, in English or Chinese, ignoring case, spaces and ``_``.

        >>> Progress.parse("推进中"), Progress.parse("In_Progress")
        (<Progress.IN_PROGRESS: 'in progress'>, <Progress.IN_PROGRESS: 'in progress'>)
        """
        key = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
        for status in cls:
            if key in (status.value, status.label):
                return status
        accepted = ", ".join(f"{s.value!r} / {s.label}" for s in cls)
        msg = f"unknown status {text!r}: use one of {accepted}"
        raise ValueError(msg)


_LABELS = {
    Progress.NOT_STARTED: "未启动",
    Progress.IN_PROGRESS: "推进中",
    Progress.DONE: "已完成",
    Progress.DROPPED: "已取消",
}


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name == "milestone":
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        msg = f"{type(instance).__name__}.{attribute.name} must be a positive integer, got {value!r}"
        raise ValueError(msg)


@frozen
class MilestoneEntry:
    """The reported state of one milestone, or of a task without milestones (``milestone=None``).

    ``completed`` is given exactly when the status is done: a done milestone
    needs its date to be judged on time or late, and any other status with a
    date contradicts itself. ``source`` says where the row came from
    (``ledger.csv:12``) so that a report can point back to it.
    """

    task: int = field(validator=_positive)
    milestone: int | None = field(validator=_positive)
    status: Progress = field(validator=attrs.validators.instance_of(Progress))
    completed: dt.date | None = None
    unit: str | None = None
    note: str = ""
    evidence: str = ""
    source: str = ""

    def __attrs_post_init__(self) -> None:
        where = f"MilestoneEntry(task={self.task}, milestone={self.milestone})"
        if self.status is Progress.DONE and self.completed is None:
            msg = f"{where}: status done needs a completion date"
            raise ValueError(msg)
        if self.status is not Progress.DONE and self.completed is not None:
            msg = f"{where}: status {self.status.value} contradicts completion date {self.completed}"
            raise ValueError(msg)

    @property
    def key(self) -> tuple[int, int | None]:
        """What identifies the milestone: (task, 1-based index or None)."""
        return (self.task, self.milestone)


@frozen
class TargetActual:
    """The figure a target had reached on ``as_of`` (``target`` is its 1-based index in the task)."""

    task: int = field(validator=_positive)
    target: int = field(validator=_positive)
    value: float = field(validator=attrs.validators.instance_of((int, float)))
    as_of: dt.date = field(validator=attrs.validators.instance_of(dt.date))
    unit: str | None = None
    note: str = ""
    evidence: str = ""
    source: str = ""

    @property
    def key(self) -> tuple[int, int, dt.date]:
        """What identifies the row: (task, target index, as-of date)."""
        return (self.task, self.target, self.as_of)


@frozen
class Problem:
    """One thing wrong in a ledger file: where (file and line, or JSON path) and what.

    >>> print(Problem("ledger.csv", "line 7", "unknown task 196"))
    ledger.csv:line 7: unknown task 196
    """

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.where}: {self.message}"


def _to_tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


def _no_duplicates(instance: Ledger, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    seen: dict[object, object] = {}
    for row in value:
        if row.key in seen:
            msg = f"Ledger.{attribute.name} holds {row.key} twice ({seen[row.key]} and {row.source})"
            raise ValueError(msg)
        seen[row.key] = row.source or "?"


@frozen
class Ledger:
    """The good rows of a ledger: at most one entry per milestone, one actual per target and date."""

    entries: tuple[MilestoneEntry, ...] = field(default=(), converter=_to_tuple, validator=_no_duplicates)
    actuals: tuple[TargetActual, ...] = field(default=(), converter=_to_tuple, validator=_no_duplicates)

    def entry(self, task: int, milestone: int | None) -> MilestoneEntry | None:
        """The entry for a milestone (1-based index; None for a task without milestones)."""
        for entry in self.entries:
            if entry.key == (task, milestone):
                return entry
        return None

    def actual(self, task: int, target: int, as_of: dt.date | None = None) -> TargetActual | None:
        """The latest actual of a target dated on or before ``as_of`` (any date when None)."""
        found = [
            a
            for a in self.actuals
            if (a.task, a.target) == (task, target) and (as_of is None or a.as_of <= as_of)
        ]
        return max(found, key=lambda a: a.as_of) if found else None
