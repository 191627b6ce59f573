"""The icalendar objects of a feed, for :func:`heze_plan.calendar.feed.build_calendar`.

The same :class:`~heze_plan.calendar._component.Item` and
:class:`~heze_plan.calendar._component.Header` values that
:func:`heze_plan.calendar.feed.render_feed` writes as text become
``icalendar.Calendar``, ``Event``, ``Todo`` and ``Alarm`` objects here, for
programs that want to change or inspect a feed before writing it. This is
the only module of the feeds that imports icalendar at import time, and it
is loaded by ``build_calendar`` alone.
"""

from __future__ import annotations

import datetime as dt

import icalendar

from heze_plan.calendar._component import Header, Item
from heze_plan.calendar.revisions import HASH_PROPERTY, Revision

__all__ = ["calendar_object", "component_object", "stamp_object"]


def calendar_object(header: Header) -> icalendar.Calendar:
    """An empty calendar with the header's properties and the fixed UTC+8 time zone."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", header.prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # NAME (RFC 7986 §5.1) is TEXT, and so are Apple's X-WR- names: as vText they are escaped
    # (icalendar 7 writes them raw otherwise, and fails on a line break).
    calendar.add("name", icalendar.vText(header.name))
    calendar.add("x-wr-calname", icalendar.vText(header.name))
    calendar.add("description", header.description)
    calendar.add("x-wr-caldesc", icalendar.vText(header.description))
    calendar.add("x-wr-timezone", header.timezone)
    calendar.add("refresh-interval", header.refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(header.refresh))
    zone = icalendar.Timezone()
    zone.add("tzid", header.timezone)
    standard = icalendar.TimezoneStandard()
    standard.add("tzoffsetfrom", dt.timedelta(hours=8))
    standard.add("tzoffsetto", dt.timedelta(hours=8))
    standard.add("tzname", "CST")
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    zone.add_component(standard)
    calendar.add_component(zone)
    return calendar


def component_object(item: Item) -> icalendar.cal.Component:
    """The event or to-do of ``item``, its reminders included, without the revision properties."""
    component: icalendar.cal.Component
    if item.kind == "VEVENT":
        component = icalendar.Event()
        component.add("dtstart", item.due)
        component.add("dtend", item.due + dt.timedelta(days=1))
        component.add("transp", "TRANSPARENT")
        if item.status is not None:
            component.add("status", item.status)
    else:
        component = icalendar.Todo()
        component.add("due", item.due)
        component.add("status", item.status)
        if item.completed is not None:
            component.add("completed", item.completed)
            component.add("percent-complete", 100)
    component.add("uid", item.uid)
    component.add("summary", item.summary)
    component.add("description", item.description)
    component.add("categories", list(item.categories))
    if item.url is not None:
        component.add("url", item.url)
    for trigger, text in item.alarms:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", text)
        alarm.add("trigger", trigger, parameters={"VALUE": "DATE-TIME"})
        component.add_component(alarm)
    return component


def stamp_object(component: icalendar.cal.Component, revision: Revision, digest: str) -> None:
    """Add the revision properties: ``DTSTAMP``, ``LAST-MODIFIED``, ``SEQUENCE`` and the digest."""
    component.add("dtstamp", revision.modified)
    component.add("last-modified", revision.modified)
    component.add("sequence", revision.sequence)
    component.add(HASH_PROPERTY, digest)
