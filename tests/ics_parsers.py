"""Read a feed with three independent iCalendar parsers and say what each one saw.

``icalendar`` (which writes the feeds), ``ical`` (strict, pydantic-based
validation of RFC 5545) and ``vobject`` (the parser inside Radicale and
many CalDAV tools) share no code, so a feed that all three read alike is
not merely readable by the library that wrote it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import vobject
from ical.calendar_stream import IcsCalendarStream

#: What a client needs from an event: (summary, description, start, end, categories, sequence, triggers).
Seen = tuple[str, str, Any, Any, tuple[str, ...], int, tuple[dt.timedelta, ...]]


def with_icalendar(data: bytes) -> dict[str, Seen]:
    calendar = icalendar.Calendar.from_ical(data)
    seen: dict[str, Seen] = {}
    for event in calendar.walk("VEVENT"):
        categories = tuple(str(c) for prop in _as_list(event.get("CATEGORIES")) for c in prop.cats)
        triggers = tuple(alarm["TRIGGER"].dt for alarm in event.walk("VALARM"))
        seen[str(event["UID"])] = (
            str(event["SUMMARY"]),
            str(event["DESCRIPTION"]),
            event["DTSTART"].dt,
            event["DTEND"].dt,
            categories,
            int(event["SEQUENCE"]),
            triggers,
        )
    return seen


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def with_ical(data: bytes) -> dict[str, Seen]:
    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    return {
        str(event.uid): (
            str(event.summary),
            str(event.description),
            event.dtstart,
            event.dtend,
            tuple(event.categories),
            int(event.sequence or 0),
            tuple(alarm.trigger for alarm in event.alarm),  # type: ignore[misc]
        )
        for event in calendar.events
    }


def with_vobject(data: bytes) -> dict[str, Seen]:
    calendar = vobject.readOne(data.decode("utf-8"))
    seen: dict[str, Seen] = {}
    for event in getattr(calendar, "vevent_list", []):
        categories = tuple(c for line in getattr(event, "categories_list", []) for c in line.value)
        triggers = tuple(alarm.trigger.value for alarm in getattr(event, "valarm_list", []))
        seen[event.uid.value] = (
            event.summary.value,
            event.description.value,
            event.dtstart.value,
            event.dtend.value,
            categories,
            int(event.sequence.value),
            triggers,
        )
    return seen


def seen_alike(data: bytes) -> dict[str, Seen]:
    """What every parser saw, after checking that all three saw the same."""
    first = with_icalendar(data)
    assert with_ical(data) == first, "ical reads the feed differently from icalendar"
    assert with_vobject(data) == first, "vobject reads the feed differently from icalendar"
    return first
