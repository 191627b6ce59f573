"""The progress ledger (台账): what departments report back on each milestone and target.

The plan's safeguards ask for 台账式管理 (ledger-style management): the
coordinating office keeps, for every task, who did what by when. A ledger
holds two kinds of rows:

- a :class:`MilestoneEntry` says how far one milestone (or one task that has
  no milestone) has got: not started, in progress, done on a date, dropped;
- a :class:`TargetActual` records the figure a numeric target had reached on
  a date (青年人才 21 800 人 as of 2023-10-15); a target may have several,
  one per date, so the ledger keeps the history;
- an :class:`ObligationEntry` says how far one unit has got with one of the
  safeguards' obligations (S1.6: 各县区、市直领域牵头部门要在本行动计划印发1个月内
  制定具体落实方案), and an :class:`ObligationActual` records the figure of a
  safeguard's target (S2.1: 案例不少于7项), for one unit or county or for the
  obligation as a whole.

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
import re
from typing import Any

import attrs
from attrs import field, frozen

__all__ = [
    "Ledger",
    "MilestoneEntry",
    "ObligationActual",
    "ObligationEntry",
    "Problem",
    "Progress",
    "TargetActual",
]


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
        found = _WORDS.get(key) or _WORDS.get(key.replace(" ", ""))
        if found is not None:
            return found
        accepted = "; ".join(
            f"{s.label} ({s.value}): " + "、".join(w for w, v in _SYNONYMS if v is s) for s in cls
        )
        hint = _AMBIGUOUS.get(key.replace(" ", ""), "")
        msg = f"unknown status {text!r}{hint}: use one of {accepted}"
        raise ValueError(msg)


_LABELS = {
    Progress.NOT_STARTED: "未启动",
    Progress.IN_PROGRESS: "推进中",
    Progress.DONE: "已完成",
    Progress.DROPPED: "已取消",
}

#: The words people write for each status (docs/ledger.md lists them); the label comes first.
_SYNONYMS: tuple[tuple[str, Progress], ...] = (
    *((w, Progress.NOT_STARTED) for w in ("未启动", "未开始", "尚未启动", "not started")),
    *((w, Progress.IN_PROGRESS) for w in ("推进中", "进行中", "正在推进", "在办", "in progress")),
    *((w, Progress.DONE) for w in ("已完成", "完成", "已办结", "办结", "done", "completed")),
    *((w, Progress.DROPPED) for w in ("已取消", "取消", "不再实施", "dropped", "cancelled", "canceled")),
)
_WORDS = dict(_SYNONYMS) | {w.replace(" ", ""): s for w, s in _SYNONYMS}
#: Words that say something, but not which status: the message says what to write instead.
_AMBIGUOUS = {
    "未完成": " (not done yet: write 推进中 if work has begun, 未启动 if not)",
    "是": " (yes to what? write 已完成 with the completion date)",
    "✓": " (a tick: write 已完成 with the completion date)",
    "√": " (a tick: write 已完成 with the completion date)",
}


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name == "milestone":
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        msg = f"{type(instance).__name__}.{attribute.name} must be a positive integer, got {value!r}"
        raise ValueError(msg)


def _check_completion(where: str, status: Progress, completed: dt.date | None) -> None:
    """A row has a completion date exactly when its status is done (a milestone's or an obligation's)."""
    if status is Progress.DONE and completed is None:
        msg = f"{where}: status done needs a completion date"
        raise ValueError(msg)
    if status is not Progress.DONE and completed is not None:
        msg = f"{where}: status {status.value} contradicts completion date {completed}"
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
    #: The round this row belongs to (数据截至): what was known on that date. None: an undated row,
    #: which holds at every date until a dated row of the same milestone replaces it.
    as_of: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        _check_completion(
            f"MilestoneEntry(task={self.task}, milestone={self.milestone})", self.status, self.completed
        )

    @property
    def key(self) -> tuple[int, int | None]:
        """What identifies the milestone: (task, 1-based index or None)."""
        return (self.task, self.milestone)

    @property
    def round_key(self) -> tuple[int, int | None, dt.date | None]:
        """What identifies the row in a ledger of several rounds: the milestone and the as-of date."""
        return (self.task, self.milestone, self.as_of)


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


_OBLIGATION_KEY = re.compile(r"S[1-9]\d*\.[1-9]\d*")


def _obligation_key(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _OBLIGATION_KEY.fullmatch(value):
        name = f"{type(instance).__name__}.{attribute.name}"
        msg = f"{name} must be an obligation key such as 'S1.6', got {value!r}"
        raise ValueError(msg)


@frozen
class ObligationEntry:
    """The reported state of one obligation of the safeguards (``S1.6``), for one unit or as a whole.

    An obligation falls on many units at once (S1.6 on every county and every
    area's lead unit), and each does its own share: ``unit`` is the unit or
    county (曹县) whose share the row reports. A row without a unit speaks
    for the obligation as a whole (the coordinating office reporting that
    every scheme was filed) and holds for every unit that has no row of its
    own. The rules of :class:`MilestoneEntry` apply: a completion date
    exactly when done.
    """

    obligation: str = field(validator=_obligation_key)
    status: Progress = field(validator=attrs.validators.instance_of(Progress))
    completed: dt.date | None = None
    unit: str | None = None
    note: str = ""
    evidence: str = ""
    source: str = ""
    as_of: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        where = f"ObligationEntry(obligation={self.obligation!r}, unit={self.unit!r})"
        _check_completion(where, self.status, self.completed)

    @property
    def key(self) -> tuple[str, str | None]:
        """What identifies the share reported: (obligation key, unit or None for the whole)."""
        return (self.obligation, self.unit)

    @property
    def round_key(self) -> tuple[str, str | None, dt.date | None]:
        """What identifies the row in a ledger of several rounds: the share and the as-of date."""
        return (self.obligation, self.unit, self.as_of)


@frozen
class ObligationActual:
    """The figure a safeguard's target had reached on ``as_of`` (``target``: 1-based, in the obligation).

    ``unit`` is the county (or unit) whose figure it is, for a target set per
    county (各县区…案例数量参照市直部门执行); None for a target of the whole.
    """

    obligation: str = field(validator=_obligation_key)
    target: int = field(validator=_positive)
    value: float = field(validator=attrs.validators.instance_of((int, float)))
    as_of: dt.date = field(validator=attrs.validators.instance_of(dt.date))
    unit: str | None = None
    note: str = ""
    evidence: str = ""
    source: str = ""

    @property
    def key(self) -> tuple[str, int, str | None, dt.date]:
        """What identifies the row: (obligation, target index, unit, as-of date)."""
        return (self.obligation, self.target, self.unit, self.as_of)


@frozen
class Problem:
    """One thing wrong in a ledger file: where (file and line, or JSON path) and what.

    >>> print(Problem("ledger.csv", "line 7", "unknown task 196"))
    ledger.csv:line 7: unknown task 196
    """

    file: str
    where: str
    message: str
    #: A warning (an unknown column that is ignored) loses nothing the unit reported: it does
    #: not make ``ledger check`` fail.
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.file}:{self.where}: {kind}{self.message}"


def _to_tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


def _no_duplicates(instance: Ledger, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    seen: dict[object, object] = {}
    for row in value:
        key = row.round_key if isinstance(row, (MilestoneEntry, ObligationEntry)) else row.key
        if key in seen:
            msg = f"Ledger.{attribute.name} holds {key} twice ({seen[key]} and {row.source})"
            raise ValueError(msg)
        seen[key] = row.source or "?"


def _round_order(entry: MilestoneEntry | ObligationEntry) -> dt.date:
    return dt.date.min if entry.as_of is None else entry.as_of


@frozen
class Ledger:
    """The good rows of a ledger: one entry per milestone and round, one actual per target and date.

    A ledger may hold several monthly rounds (数据截至): :meth:`entry` with
    ``as_of`` gives each milestone's latest row dated on or before it.
    """

    entries: tuple[MilestoneEntry, ...] = field(default=(), converter=_to_tuple, validator=_no_duplicates)
    actuals: tuple[TargetActual, ...] = field(default=(), converter=_to_tuple, validator=_no_duplicates)
    #: The safeguards' own deadlines (保障措施), reported like milestones: ``task`` is the
    #: safeguard's number, ``milestone`` the 1-based index of the deadline in it.
    safeguards: tuple[MilestoneEntry, ...] = field(default=(), converter=_to_tuple, validator=_no_duplicates)
    #: The safeguards' obligations (S1.6), reported per unit or county, or as a whole.
    obligations: tuple[ObligationEntry, ...] = field(
        default=(), converter=_to_tuple, validator=_no_duplicates
    )
    #: The figures of the safeguards' targets (S2.1's 不少于7项), per date.
    obligation_actuals: tuple[ObligationActual, ...] = field(
        default=(), converter=_to_tuple, validator=_no_duplicates
    )
    #: Each milestone's latest row; those with rows of several rounds also in ``_rounds``, oldest first
    #: (most milestones have one row: 100 000 rows should not make 100 000 lists).
    _latest: dict[tuple[int, int | None], MilestoneEntry] = field(
        init=False, repr=False, eq=False, factory=dict
    )
    _rounds: dict[tuple[int, int | None], list[MilestoneEntry]] = field(
        init=False, repr=False, eq=False, factory=dict
    )
    _by_target: dict[tuple[int, int], list[TargetActual]] = field(
        init=False, repr=False, eq=False, factory=dict
    )

    _by_obligation: dict[tuple[str, str | None], list[ObligationEntry]] = field(
        init=False, repr=False, eq=False, factory=dict
    )
    _by_obligation_target: dict[tuple[str, int, str | None], list[ObligationActual]] = field(
        init=False, repr=False, eq=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        for share in sorted(self.obligations, key=_round_order):
            self._by_obligation.setdefault(share.key, []).append(share)
        for figure in sorted(self.obligation_actuals, key=lambda a: a.as_of):
            self._by_obligation_target.setdefault((figure.obligation, figure.target, figure.unit), []).append(
                figure
            )
        latest, rounds = self._latest, self._rounds
        for entry in sorted(self.entries, key=_round_order):
            key = entry.key
            if key in latest:
                rounds.setdefault(key, [latest[key]]).append(entry)
            latest[key] = entry
        for actual in sorted(self.actuals, key=lambda a: a.as_of):
            self._by_target.setdefault((actual.task, actual.target), []).append(actual)

    def entry(self, task: int, milestone: int | None, as_of: dt.date | None = None) -> MilestoneEntry | None:
        """The entry for a milestone (1-based index; None for a task without milestones).

        With several rounds, the latest row dated on or before ``as_of`` (any
        date when None); an undated row counts as the earliest.
        """
        latest = self._latest.get((task, milestone))
        if as_of is None or latest is None or latest.as_of is None or latest.as_of <= as_of:
            return latest
        for entry in reversed(self._rounds.get((task, milestone), ())):
            if entry.as_of is None or entry.as_of <= as_of:
                return entry
        return None

    def rounds(self) -> tuple[dt.date, ...]:
        """The as-of dates of the ledger's rounds, in order (undated rows are no round)."""
        return tuple(sorted({e.as_of for e in self.entries if e.as_of is not None}))

    def actual(self, task: int, target: int, as_of: dt.date | None = None) -> TargetActual | None:
        """The latest actual of a target dated on or before ``as_of`` (any date when None)."""
        found = self._by_target.get((task, target), [])
        if as_of is None:
            return found[-1] if found else None
        for actual in reversed(found):
            if actual.as_of <= as_of:
                return actual
        return None

    def obligation(
        self, key: str, unit: str | None = None, as_of: dt.date | None = None
    ) -> ObligationEntry | None:
        """The row reporting ``unit``'s share of obligation ``key`` (None: the obligation as a whole).

        The latest dated on or before ``as_of`` (any date when None); an
        undated row counts as the earliest. A unit without a row of its own
        is not given the whole's row here: :func:`heze_plan.progress.assessment.status` does that.
        """
        found = self._by_obligation.get((key, unit), [])
        if as_of is None:
            return found[-1] if found else None
        for share in reversed(found):
            if share.as_of is None or share.as_of <= as_of:
                return share
        return None

    def obligation_actual(
        self, key: str, target: int, unit: str | None = None, as_of: dt.date | None = None
    ) -> ObligationActual | None:
        """The latest figure of a target of obligation ``key`` for ``unit``, dated on or before ``as_of``."""
        found = self._by_obligation_target.get((key, target, unit), [])
        if as_of is None:
            return found[-1] if found else None
        for figure in reversed(found):
            if figure.as_of <= as_of:
                return figure
        return None
