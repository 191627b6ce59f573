"""What one event or to-do of a feed says, and its bytes, written without icalendar's objects.

:func:`heze_plan.calendar.feed.render_feed` words each milestone into an
:class:`Item` (the values) and this module writes it as content lines, in the
order icalendar 7 writes a component (the properties icalendar puts first for
a ``VEVENT``, then the rest by name; a ``VTODO``'s all by name). The same
:class:`Item` also becomes icalendar objects for
:func:`heze_plan.calendar.feed.build_calendar` (:mod:`heze_plan.calendar._objects`),
and the tests hold the two to the same bytes. The content digest of an event
(:data:`~heze_plan.calendar.revisions.HASH_PROPERTY`) is taken over these
bytes without the four revision properties, exactly what
:func:`heze_plan.calendar.revisions.content_digest` gives for the object.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from attrs import frozen

from heze_plan.calendar._ical import content_line, date_value, duration_value, text_value, utc_value

__all__ = ["Header", "Item", "digest_of", "header_lines", "item_properties", "serialize", "timezone_lines"]

#: A VEVENT's properties as icalendar writes them: its canonical order first, then the rest by name.
_EVENT_ORDER = (
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "DTSTAMP",
    "UID",
    "SEQUENCE",
    "CATEGORIES",
    "DESCRIPTION",
    "LAST-MODIFIED",
    "STATUS",
    "TRANSP",
    "URL",
    "X-HEZE-PLAN-HASH",
)
#: A VTODO's properties: icalendar has no canonical order for them, so all by name.
_TODO_ORDER = (
    "CATEGORIES",
    "COMPLETED",
    "DESCRIPTION",
    "DTSTAMP",
    "DUE",
    "LAST-MODIFIED",
    "PERCENT-COMPLETE",
    "SEQUENCE",
    "STATUS",
    "SUMMARY",
    "UID",
    "URL",
    "X-HEZE-PLAN-HASH",
)
_ORDER = {"VEVENT": _EVENT_ORDER, "VTODO": _TODO_ORDER}
_CRLF = b"\r\n"


@frozen
class Item:
    """The values of one ``VEVENT`` or ``VTODO`` (``kind``), its revision properties left out.

    ``status`` is a ``VEVENT``'s ``STATUS`` (``CANCELLED`` or None) or a
    ``VTODO``'s (always given); ``completed`` a to-do's ``COMPLETED`` time;
    ``alarms`` are (trigger time in UTC, text) pairs, earliest first.
    """

    kind: str
    due: dt.date
    uid: str
    summary: str
    description: str
    categories: tuple[str, ...]
    url: str | None
    status: str | None
    completed: dt.datetime | None
    alarms: tuple[tuple[dt.datetime, str], ...]


@frozen
class Header:
    """The calendar's own properties: who wrote it, its name and description, how often to fetch it."""

    prodid: str
    name: str
    description: str
    timezone: str
    refresh: dt.timedelta


def item_properties(item: Item) -> dict[str, bytes]:
    """The item's content lines by property name (folded, each with its CRLF), in no particular order."""
    props = {
        "SUMMARY": content_line("SUMMARY", text_value(item.summary)),
        "UID": content_line("UID", text_value(item.uid)),
        "CATEGORIES": content_line("CATEGORIES", ",".join(text_value(c) for c in item.categories)),
        "DESCRIPTION": content_line("DESCRIPTION", text_value(item.description)),
    }
    if item.kind == "VEVENT":
        props["DTSTART"] = content_line("DTSTART;VALUE=DATE", date_value(item.due))
        props["DTEND"] = content_line("DTEND;VALUE=DATE", date_value(item.due + dt.timedelta(days=1)))
        props["TRANSP"] = b"TRANSP:TRANSPARENT\r\n"
    else:
        props["DUE"] = content_line("DUE;VALUE=DATE", date_value(item.due))
        if item.completed is not None:
            props["COMPLETED"] = content_line("COMPLETED", utc_value(item.completed))
            props["PERCENT-COMPLETE"] = b"PERCENT-COMPLETE:100\r\n"
    if item.status is not None:
        props["STATUS"] = content_line("STATUS", text_value(item.status))
    if item.url is not None:
        props["URL"] = content_line("URL", item.url)
    return props


def _alarms(item: Item) -> bytes:
    return b"".join(
        b"BEGIN:VALARM\r\nACTION:DISPLAY\r\n"
        + content_line("DESCRIPTION", text_value(text))
        + content_line("TRIGGER;VALUE=DATE-TIME", utc_value(trigger))
        + b"END:VALARM\r\n"
        for trigger, text in item.alarms
    )


def serialize(item: Item, props: dict[str, bytes]) -> bytes:
    """The whole component: ``BEGIN``, ``props`` in icalendar's order, the reminders, ``END``."""
    kind = item.kind.encode("ascii")
    return b"".join(
        [
            b"BEGIN:" + kind + _CRLF,
            *(props[name] for name in _ORDER[item.kind] if name in props),
            _alarms(item),
            b"END:" + kind + _CRLF,
        ]
    )


def digest_of(data: bytes) -> str:
    """The content digest of a component's bytes: the first 128 bits of SHA-256."""
    return "sha256:" + hashlib.sha256(data).hexdigest()[:32]


def header_lines(header: Header) -> bytes:
    """``BEGIN:VCALENDAR`` and the calendar's properties, in icalendar's order."""
    description = text_value(header.description)
    name = text_value(header.name)
    refresh = duration_value(header.refresh)
    return b"".join(
        [
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
            content_line("PRODID", text_value(header.prodid)),
            b"CALSCALE:GREGORIAN\r\n",
            content_line("DESCRIPTION", description),
            content_line("X-WR-CALDESC", description),
            content_line("NAME", name),
            content_line("X-WR-CALNAME", name),
            content_line("REFRESH-INTERVAL;VALUE=DURATION", refresh),
            content_line("X-PUBLISHED-TTL", refresh),
            content_line("X-WR-TIMEZONE", text_value(header.timezone)),
        ]
    )


def timezone_lines(tzid: str) -> bytes:
    """The ``VTIMEZONE`` of a fixed UTC+8 zone without daylight saving (China's since 1991)."""
    return (
        b"BEGIN:VTIMEZONE\r\n"
        + content_line("TZID", text_value(tzid))
        + b"BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZNAME:CST\r\n"
        b"TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
