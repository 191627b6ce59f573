"""What a feed says about progress: a milestone's state from the ledger, as event text and properties.

With a :class:`StatusSource` (a ledger and the date it is read for) in the
feed options, each event shows how its milestone stands on that date
(:func:`heze_plan.progress.assessment.milestone_status`):

- done (on time or late): the title starts with 【已完成】 and the description
  gives the completion date; a to-do gets ``STATUS:COMPLETED``, ``COMPLETED``
  and ``PERCENT-COMPLETE:100``; the reminders are left out;
- overdue: the title starts with 【逾期】;
- dropped: the title starts with 【已取消】, ``STATUS:CANCELLED`` on the event
  or to-do (RFC 5545 §3.8.1.11), no reminders;
- reported in progress or not started (and not overdue): the description
  says so; an in-progress to-do gets ``STATUS:IN-PROCESS``.

An event whose milestone has no ledger row and is not overdue says exactly
what it says without a ledger. Nothing here depends on the as-of date except
through the state itself (no "N days overdue", no "as of" in the event), so
an event changes, and its ``SEQUENCE`` moves, only on the day its state does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs
from attrs import field, frozen

from heze_plan.calendar.entries import Entry, entries
from heze_plan.calendar.event_text import chinese_date
from heze_plan.model.plan import Milestone, Plan, Task
from heze_plan.progress.assessment import ItemStatus, State, milestone_status
from heze_plan.progress.ledger import Ledger, MilestoneEntry, Progress

__all__ = [
    "COMPLETED_TIME",
    "StatusSource",
    "completed_at",
    "entry_status",
    "event_status",
    "feed_status_note",
    "has_reminders",
    "marks",
    "status_lines",
    "summary_mark",
    "todo_status",
]

_CST = dt.timezone(dt.timedelta(hours=8), "CST")
#: A ledger gives a completion date, not a time: a to-do's ``COMPLETED`` is 18:00 China time that day
#: (10:00 UTC), the end of the working day, so the date reads the same in China and in UTC.
COMPLETED_TIME = dt.time(18, tzinfo=_CST)

_DONE = frozenset({State.DONE_ON_TIME, State.DONE_LATE})
_MARKS = {State.DONE_ON_TIME: "【已完成】", State.DONE_LATE: "【已完成】", State.OVERDUE: "【逾期】"}


@frozen
class StatusSource:
    """Where a feed's status comes from: the good rows of a ledger, read for ``as_of``."""

    ledger: Ledger = field(validator=attrs.validators.instance_of(Ledger))
    as_of: dt.date = field()

    @as_of.validator
    def _check_as_of(self, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            msg = f"StatusSource.as_of must be a date, got {value!r}"
            raise ValueError(msg)

    @property
    def revised(self) -> dt.datetime:
        """Midnight (China time) of the as-of date, in UTC: when the status was last revised."""
        return dt.datetime.combine(self.as_of, dt.time(), _CST).astimezone(dt.timezone.utc)


def entry_status(plan: Plan, source: StatusSource, entry: Entry) -> ItemStatus:
    """The state of an entry's milestone on the source's as-of date.

    >>> import heze_plan
    >>> from heze_plan.progress.ledger import MilestoneEntry, Progress
    >>> plan = heze_plan.load()
    >>> done = MilestoneEntry(2, 1, Progress.DONE, dt.date(2023, 9, 26))
    >>> source = StatusSource(Ledger([done]), dt.date(2023, 10, 15))
    >>> entry_status(plan, source, Entry(plan.task(2), 1)).state.value
    'done on time'
    """
    return milestone_status(plan, source.ledger, entry.task.number, entry.index, as_of=source.as_of)


def _reported(item: ItemStatus) -> MilestoneEntry | None:
    """The ledger row the event shows: not a completion that, as of the date, has not happened yet."""
    entry = item.entry
    if entry is None or (entry.status is Progress.DONE and item.state not in _DONE):
        return None
    return entry


def summary_mark(item: ItemStatus) -> str:
    """What the title starts with: 【已完成】, 【逾期】, 【已取消】 or nothing.

    >>> summary_mark(ItemStatus(2, 1, 1, (), dt.date(2023, 9, 30), "", "", State.OVERDUE, -5, 5, None))
    '【逾期】'
    """
    return _MARKS.get(item.state, "【已取消】" if item.state is State.DROPPED else "")


def status_lines(item: ItemStatus) -> list[str]:
    """The description's lines on progress (none for a milestone the ledger is silent on, not overdue)."""
    entry = _reported(item)
    completed = entry.completed if entry is not None else None
    if item.state is State.DONE_ON_TIME and completed is not None:
        lines = [f"完成情况：按期完成，完成于{chinese_date(completed)}"]
    elif item.state is State.DONE_LATE and completed is not None and item.days_late is not None:
        lines = [f"完成情况：逾期完成，完成于{chinese_date(completed)}，晚于截止日{item.days_late}天"]
    elif item.state is State.DROPPED:
        lines = ["完成情况：已取消"]
    elif item.state is State.OVERDUE:
        progress = f"，台账进度为{entry.status.label}" if entry is not None else "，进度台账未报完成"
        lines = [f"完成情况：已逾期{progress}"]
    elif entry is not None:
        lines = [f"完成情况：{entry.status.label}"]
    else:
        return []
    if entry is not None:
        if entry.unit:
            lines.append(f"填报单位：{entry.unit}")
        if entry.note:
            lines.append(f"台账说明：{entry.note}")
        if entry.evidence:
            lines.append(f"佐证材料：{entry.evidence}")
    return lines


def has_reminders(item: ItemStatus) -> bool:
    """Whether the event keeps its reminders: not once the milestone is done or dropped."""
    return item.state not in _DONE and item.state is not State.DROPPED


def event_status(item: ItemStatus) -> str | None:
    """A ``VEVENT``'s ``STATUS``: ``CANCELLED`` for a dropped milestone, else none (RFC 5545 §3.8.1.11)."""
    return "CANCELLED" if item.state is State.DROPPED else None


def completed_at(day: dt.date) -> dt.datetime:
    """The ``COMPLETED`` date-time (UTC, RFC 5545 §3.8.2.1) of a milestone completed on ``day``.

    >>> completed_at(dt.date(2023, 9, 26)).isoformat()
    '2023-09-26T10:00:00+00:00'
    """
    return dt.datetime.combine(day, COMPLETED_TIME).astimezone(dt.timezone.utc)


def todo_status(item: ItemStatus) -> tuple[str, dt.datetime | None]:
    """A ``VTODO``'s ``STATUS`` and, when completed, its ``COMPLETED`` time (RFC 5545 §3.8.1.11, §3.8.2.1).

    ``NEEDS-ACTION`` unless the ledger says otherwise: ``COMPLETED``,
    ``CANCELLED``, or ``IN-PROCESS`` for a milestone reported in progress.
    """
    entry = _reported(item)
    if item.state in _DONE and entry is not None and entry.completed is not None:
        return "COMPLETED", completed_at(entry.completed)
    if item.state is State.DROPPED:
        return "CANCELLED", None
    if entry is not None and entry.status is Progress.IN_PROGRESS:
        return "IN-PROCESS", None
    return "NEEDS-ACTION", None


def feed_status_note(source: StatusSource) -> str:
    """The sentence the calendar's description ends with: what the marks mean.

    It names no date: a run with a later as-of date and no change of status
    must write the same bytes (each changed event's ``LAST-MODIFIED`` says
    when its status last changed).

    >>> feed_status_note(StatusSource(Ledger(), dt.date(2023, 10, 15)))
    '完成情况据进度台账：已完成的标【已完成】，逾期未完成的标【逾期】，已取消的标【已取消】。'
    """
    return "完成情况据进度台账：已完成的标【已完成】，逾期未完成的标【逾期】，已取消的标【已取消】。"


def marks(
    plan: Plan, source: StatusSource, selection: Iterable[Task | Entry | tuple[Task, Milestone]] | None = None
) -> dict[str, int]:
    """How many events of a selection carry each mark: ``{"已完成": 29, "逾期": 6, "已取消": 1}``.

    Marks no event carries are left out; the keys are in that order.
    """
    found = [summary_mark(entry_status(plan, source, e)).strip("【】") for e in entries(plan, selection)]
    return {mark: found.count(mark) for mark in ("已完成", "逾期", "已取消") if mark in found}
