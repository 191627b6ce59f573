"""An iCalendar feed of a plan's deadlines: one all-day event per milestone.

>>> import heze_plan
>>> plan = heze_plan.load()
>>> feed = build_calendar(plan, [plan.task(8)])
>>> for event in feed.events:
...     print(event["SUMMARY"], event.DTSTART, event.DTEND)
8. 优化企业全生命周期集成服务体系（节点1/2） 2023-09-30 2023-10-01
8. 优化企业全生命周期集成服务体系（节点2/2） 2023-11-30 2023-12-01

What makes the feed fit for subscription (RFC 5545, RFC 7986):

- UIDs are derived from the plan's document number, the task number and the
  milestone's index in the task (a name-based UUID, RFC 7986 §5.3), so they
  do not depend on which tasks are selected or in which order;
- nothing comes from the clock or chance: ``DTSTAMP`` and ``LAST-MODIFIED``
  come from the data's revision time (by default the plan's printed date),
  and ``SEQUENCE`` moves only when an event's content changes (see
  :mod:`heze_plan.calendar.revisions`);
- each event is a whole day (``DTSTART;VALUE=DATE`` and the exclusive
  ``DTEND`` the day after) and transparent to free/busy searches;
- an event has the same content in every feed it appears in (a unit's
  feed, an area's, the whole plan's): one UID, one text, one SEQUENCE;
- reminders (``VALARM``) go off at 09:00 China time on working days: the
  one ``n`` days before on the last working day on or before the due date
  minus ``n`` days (调休 included); a due date that is not a working day
  says so and names the last working day before it
  (:mod:`heze_plan.common.workdays`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
from attrs import field, frozen

from heze_plan.calendar._component import (
    Header,
    Item,
    digest_of,
    header_lines,
    item_properties,
    serialize,
    timezone_lines,
)
from heze_plan.calendar._ical import content_line, text_value, utc_value
from heze_plan.calendar.entries import Entry, entries, milestone_uid
from heze_plan.calendar.event_text import (
    SAFEGUARD_CATEGORY,
    alarm_text,
    description_text,
    safeguard_description,
    safeguard_summary,
    summary_text,
)
from heze_plan.calendar.revisions import HASH_PROPERTY, Revision, Revisions
from heze_plan.calendar.safeguards import SafeguardEntry, safeguard_entries, safeguard_uid
from heze_plan.calendar.status_marks import (
    StatusSource,
    entry_status,
    event_status,
    feed_status_note,
    has_reminders,
    status_lines,
    summary_mark,
    todo_status,
)
from heze_plan.common.workdays import last_working_day_on_or_before
from heze_plan.model.plan import Milestone, Plan, Task
from heze_plan.progress.assessment import ItemStatus
from heze_plan.query.selections import MilestoneRef

if TYPE_CHECKING:  # pragma: no cover
    import icalendar

__all__ = [
    "PRODID",
    "TIMEZONE",
    "Component",
    "FeedItems",
    "FeedOptions",
    "RenderedFeed",
    "build_calendar",
    "data_revised",
    "reminder_days",
    "render_feed",
]

#: Identifies the program that wrote a feed; a previous feed must carry the same one.
PRODID = "-//heze_plan//heze-plan deadline feed//ZH"
#: The plan's time zone (China Standard Time, UTC+8, no daylight saving since 1991).
TIMEZONE = "Asia/Shanghai"
_CST = dt.timezone(dt.timedelta(hours=8), "CST")
#: Reminders go off at this local time on their day.
_REMINDER_HOUR = 9


class Component(enum.Enum):
    """Which components represent a milestone: events (the default), to-dos, or both."""

    EVENT = "event"
    TODO = "todo"
    BOTH = "both"


def _reminder_days(value: Iterable[int]) -> tuple[int, ...]:
    days = tuple(value)
    for day in days:
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 366:
            msg = f"FeedOptions.reminders must hold whole days from 0 to 366, got {day!r} in {days!r}"
            raise ValueError(msg)
    if len(set(days)) != len(days):
        msg = f"FeedOptions.reminders names a day twice: {days!r}"
        raise ValueError(msg)
    return tuple(sorted(days, reverse=True))


def _aware(
    instance: object, attribute: attrs.Attribute[dt.datetime | None], value: dt.datetime | None
) -> None:
    if value is not None and (not isinstance(value, dt.datetime) or value.tzinfo is None):
        msg = f"FeedOptions.revised must be a timezone-aware datetime, got {value!r}"
        raise ValueError(msg)


@frozen
class FeedOptions:
    """How a feed is named and what its events carry.

    ``reminders`` are whole days before the due date; each reminder goes off
    at 09:00 on its day (0 is the due date itself); ``()`` switches them off.
    ``unit`` names the unit a feed is made for (its default name); the
    events themselves are the same in every feed, so that one UID always has
    one text (the lead units are in each description). ``revised`` is
    when the data was last revised (the default is
    :func:`data_revised`, or with ``status`` the later of that and its
    as-of date); ``refresh`` is how often clients should fetch. ``status``
    (a ledger and its as-of date) makes each event show how its milestone
    stands (see :mod:`heze_plan.calendar.status_marks`); without it no event mentions
    progress.
    """

    name: str | None = None
    description: str | None = None
    reminders: tuple[int, ...] = field(default=(7, 1), converter=_reminder_days)
    components: Component = field(default=Component.EVENT, validator=attrs.validators.instance_of(Component))
    unit: str | None = None
    revised: dt.datetime | None = field(default=None, validator=_aware)
    refresh: dt.timedelta = field(default=dt.timedelta(days=1))
    status: StatusSource | None = field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(StatusSource))
    )
    #: Where the feed set is served (ending in ``/``): each event's ``URL`` is its anchor in ``index.html``.
    base_url: str | None = None
    #: The ``URL`` of one event (set for each event from ``base_url``).
    url: str | None = None

    @refresh.validator
    def _check_refresh(self, attribute: attrs.Attribute[dt.timedelta], value: dt.timedelta) -> None:
        if not isinstance(value, dt.timedelta) or value < dt.timedelta(minutes=1):
            msg = f"FeedOptions.refresh must be at least one minute, got {value!r}"
            raise ValueError(msg)


def data_revised(plan: Plan) -> dt.datetime:
    """When the plan's data was last revised: midnight (China time) of its printed date.

    Falls back on the adoption date, then on the first day of the plan year.

    >>> import heze_plan
    >>> data_revised(heze_plan.load()).isoformat()
    '2023-07-28T16:00:00+00:00'
    """
    document = plan.document
    day = document.printed or document.adopted or dt.date(plan.year, 1, 1)
    return dt.datetime.combine(day, dt.time(), _CST).astimezone(dt.timezone.utc)


def reminder_days(due: dt.date, reminders: Iterable[int]) -> list[dt.date]:
    """The working days the reminders ``reminders`` days before ``due`` go off on, earliest first.

    A reminder ``n`` days before goes off on the last working day on or
    before ``due - n`` (China's calendar, 调休 included); two that fall on the
    same working day are one.

    >>> [d.isoformat() for d in reminder_days(dt.date(2023, 9, 30), (7, 1))]
    ['2023-09-22', '2023-09-28']
    """
    days = {last_working_day_on_or_before(due - dt.timedelta(days=n)) for n in reminders}
    return sorted(days)


def _alarms(due: dt.date, summary: str, options: FeedOptions) -> tuple[tuple[dt.datetime, str], ...]:
    """Reminders at 09:00 China time on their working days, as absolute UTC times (RFC 5545 §3.8.6.3)."""
    return tuple(
        (
            dt.datetime.combine(day, dt.time(_REMINDER_HOUR), _CST).astimezone(dt.timezone.utc),
            alarm_text(day, due, summary),
        )
        for day in reminder_days(due, options.reminders)
    )


def _item(plan: Plan, entry: Entry, options: FeedOptions, kind: str) -> Item:
    status = None if options.status is None else entry_status(plan, options.status, entry)
    summary = summary_text(entry)  # the same in every feed: one UID, one text
    description = description_text(plan, entry)
    if status is not None:
        summary = summary_mark(status) + summary
        description = _with_status(description, status_lines(status))
    return _assemble(
        kind,
        entry.milestone.due,
        uid=milestone_uid(plan, entry.task.number, entry.index, kind),
        summary=summary,
        description=description,
        categories=(plan.area(entry.task.area).name,),
        url=_url(options, f"task-{entry.task.number}"),
        status=status,
        options=options,
    )


def _safeguard_item(plan: Plan, entry: SafeguardEntry, options: FeedOptions, kind: str) -> Item:
    """A safeguard's deadline: no ledger row can report it, so it never shows a status."""
    return _assemble(
        kind,
        entry.milestone.due,
        uid=safeguard_uid(plan, entry.safeguard.number, entry.index, kind),
        summary=safeguard_summary(entry),
        description=safeguard_description(plan, entry),
        categories=(SAFEGUARD_CATEGORY,),
        url=_url(options, f"safeguard-{entry.safeguard.number}"),
        status=None,
        options=options,
    )


def _url(options: FeedOptions, anchor: str) -> str | None:
    """The index page's anchor for an item when a base URL is known (else ``options.url``, if any)."""
    if options.base_url is None:
        return options.url
    return f"{options.base_url}index.html#{anchor}"


def _assemble(
    kind: str,
    due: dt.date,
    *,
    uid: str,
    summary: str,
    description: str,
    categories: tuple[str, ...],
    url: str | None,
    status: ItemStatus | None,
    options: FeedOptions,
) -> Item:
    """One event or to-do (``kind``) on ``due``, with its reminders unless the status is past them."""
    completed = None
    if kind == "VEVENT":
        state = None if status is None else event_status(status)
    else:
        state, completed = ("NEEDS-ACTION", None) if status is None else todo_status(status)
    alarms = _alarms(due, summary, options) if status is None or has_reminders(status) else ()
    return Item(kind, due, uid, summary, description, categories, url, state, completed, alarms)


def _with_status(description: str, lines: list[str]) -> str:
    """The description with the progress lines after its first line (the phrase and due date)."""
    if not lines:
        return description
    first, _, rest = description.partition("\n")
    return "\n".join([first, *lines, rest])


def _default_name(plan: Plan, options: FeedOptions) -> str:
    base = f"{plan.document.number} 任务时间节点"
    return f"{options.unit} · {base}" if options.unit else base


def _default_description(plan: Plan, count: int, safeguards: int) -> str:
    what = "任务" if not safeguards else f"任务和保障措施（其中保障措施的全市性时间节点{safeguards}个）"
    return (
        f"{plan.document.issuer}《{plan.document.title}》（{plan.document.number}）中有明确时间节点的{what}，"
        f"共{count}个节点，每个节点一个全天事件。没有时间节点的任务全年推进，不在日历中。"
    )


#: What a feed can be built from: tasks, milestones (entries, query selections' items), safeguard deadlines.
FeedItems = Iterable[Task | Entry | MilestoneRef | tuple[Task, Milestone] | SafeguardEntry]


def _split(plan: Plan, selection: FeedItems | None) -> list[Entry | SafeguardEntry]:
    """The selected milestones of tasks and safeguards, each once, by due date (safeguards first on a day)."""
    if selection is None:
        tasks: tuple[Entry, ...] = entries(plan)
        guards: list[SafeguardEntry] = list(safeguard_entries(plan))
    else:
        items = list(selection)
        guards = []
        for item in items:
            if isinstance(item, SafeguardEntry):
                if not 1 <= item.index <= len(item.safeguard.milestones):
                    msg = f"safeguard {item.safeguard.number} has no milestone number {item.index}"
                    raise ValueError(msg)
                if item not in guards:
                    guards.append(item)
        tasks = entries(plan, [i for i in items if not isinstance(i, SafeguardEntry)])
    guards.sort(key=lambda e: (e.milestone.due, e.safeguard.number, e.index))
    merged: list[Entry | SafeguardEntry] = [*guards, *tasks]
    # sorted() is stable: the tasks keep the order of entries(), the safeguards theirs.
    return sorted(merged, key=lambda e: (e.milestone.due, isinstance(e, Entry)))


def _prepare(
    plan: Plan, selection: FeedItems | None, options: FeedOptions | None
) -> tuple[FeedOptions, Header, list[Item]]:
    """The options in force, the calendar's header and every item of the feed, in feed order."""
    options = options or FeedOptions()
    chosen = _split(plan, selection)
    guards = sum(1 for e in chosen if isinstance(e, SafeguardEntry))
    name = options.name or _default_name(plan, options)
    description = options.description or _default_description(plan, len(chosen), guards)
    if options.status is not None:
        description += feed_status_note(options.status)
    header = Header(PRODID, name, description, TIMEZONE, options.refresh)
    kinds = {Component.EVENT: ["VEVENT"], Component.TODO: ["VTODO"], Component.BOTH: ["VEVENT", "VTODO"]}
    items = [
        _safeguard_item(plan, entry, options, kind)
        if isinstance(entry, SafeguardEntry)
        else _item(plan, entry, options, kind)
        for entry in chosen
        for kind in kinds[options.components]
    ]
    return options, header, items


def _revised(plan: Plan, options: FeedOptions) -> dt.datetime:
    revised = options.revised or data_revised(plan)
    if options.revised is None and options.status is not None:
        revised = max(revised, options.status.revised)
    return revised


@frozen
class RenderedFeed:
    """A feed as bytes (:func:`render_feed`), with the revision of each event and each to-do."""

    data: bytes
    events: tuple[Revision, ...]
    todos: tuple[Revision, ...]


def render_feed(
    plan: Plan,
    selection: FeedItems | None = None,
    options: FeedOptions | None = None,
    previous: Revisions | None = None,
) -> RenderedFeed:
    """The feed :func:`build_calendar` builds, written straight to bytes: what the commands publish.

    The bytes are exactly ``to_ical(build_calendar(plan, selection, options, previous))``
    (``tests/test_calendar_render.py`` holds every feed of the set to that),
    written by string formatting (``heze_plan.calendar._ical``) instead of
    through icalendar's objects, which cost about ten times as much and are not
    imported at all on this path.
    """
    options, header, items = _prepare(plan, selection, options)
    previous = previous or Revisions()
    revised = _revised(plan, options)
    parts = [header_lines(header), timezone_lines(header.timezone)]
    stamps: dict[str, list[Revision]] = {"VEVENT": [], "VTODO": []}
    for item in items:
        props = item_properties(item)
        digest = digest_of(serialize(item, props))
        revision = previous.stamp(item.uid, digest, revised)
        modified = content_line("DTSTAMP", utc_value(revision.modified))
        props["DTSTAMP"] = modified
        props["LAST-MODIFIED"] = b"LAST-MODIFIED" + modified[7:]
        props["SEQUENCE"] = content_line("SEQUENCE", str(revision.sequence))
        props[HASH_PROPERTY] = content_line(HASH_PROPERTY, text_value(digest))
        parts.append(serialize(item, props))
        stamps[item.kind].append(revision)
    parts.append(b"END:VCALENDAR\r\n")
    return RenderedFeed(b"".join(parts), tuple(stamps["VEVENT"]), tuple(stamps["VTODO"]))


def build_calendar(
    plan: Plan,
    selection: FeedItems | None = None,
    options: FeedOptions | None = None,
    previous: Revisions | None = None,
) -> icalendar.Calendar:
    """The feed of a selection of the plan's milestones (``None``: the whole plan), as icalendar objects.

    The selection holds tasks, ``(task, milestone)`` pairs, entries, the
    items of a :class:`~heze_plan.query.TaskSelection` or
    :class:`~heze_plan.query.MilestoneSelection` (the selection itself goes
    in: ``build_calendar(plan, milestones(plan).in_month("2023-09"))``) and
    :class:`~heze_plan.calendar.safeguards.SafeguardEntry` values (a
    safeguard's deadline, category 保障措施); the whole plan has every
    milestone of the tasks and of the safeguards. A ledger says nothing
    about a safeguard's deadline: its event never shows a status.

    ``previous`` holds the revisions of the feed this one replaces (see
    :mod:`heze_plan.calendar.revisions`); without it every event is at ``SEQUENCE:0``.
    With ``options.status`` the events show progress from the ledger; as the
    status is part of each event's content, ``SEQUENCE`` moves for exactly
    the events whose state changed.
    The same arguments always give the same bytes from ``to_ical()``, and they
    are the bytes of :func:`render_feed`, which writes the feed without the objects.
    """
    from heze_plan.calendar import _objects  # noqa: PLC0415 - icalendar loads only for the objects

    options, header, items = _prepare(plan, selection, options)
    previous = previous or Revisions()
    revised = _revised(plan, options)
    calendar = _objects.calendar_object(header)
    for item in items:
        component = _objects.component_object(item)
        digest = digest_of(serialize(item, item_properties(item)))
        _objects.stamp_object(component, previous.stamp(item.uid, digest, revised), digest)
        calendar.add_component(component)
    return calendar
