"""Writing iCalendar content lines by string formatting, byte for byte as icalendar writes them.

The feeds are written without building icalendar's objects: for the feed
set's 30 000 lines, icalendar's property and parameter classes cost ten
times the text itself, and importing icalendar costs more than a whole
``heze-plan calendar`` run otherwise needs. The functions here write each
value type the feeds use (RFC 5545 §3.3: TEXT, DATE, DATE-TIME in UTC,
DURATION, INTEGER, URI) and fold the lines, and
:func:`heze_plan.calendar.feed.render_feed` puts them in the order icalendar
7 writes them (:meth:`icalendar.cal.Component.to_ical`). ``tests/test_calendar_render.py``
checks every feed of the set, and generated text, against icalendar's own
serialisation of :func:`heze_plan.calendar.feed.build_calendar`'s objects.

icalendar 7 folds each content line one character at a time, encoding each
to count its octets (``icalendar.parser.string._foldline``); :func:`fold`
folds the UTF-8 bytes instead, by the same rule: each physical line holds at
most 74 octets of whole characters (RFC 5545 §3.1 allows 75), and a
backslash or caret that would end a line moves to the next one, so that an
escape is never split (icalendar issue #1501). ``tests/test_ical_fold.py``
checks the result against icalendar's own folding.

Nothing here imports icalendar: :func:`to_ical` takes any object with
icalendar's ``content_lines()``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import icalendar

__all__ = ["content_line", "date_value", "duration_value", "fold", "text_value", "to_ical", "utc_value"]

_LIMIT = 74  # octets of content per physical line, as icalendar writes them
_SEPARATOR = b"\r\n "
_ESCAPES = (ord("\\"), ord("^"))


def fold(line: str) -> bytes:
    r"""One content line, folded as icalendar folds it, as UTF-8 bytes.

    >>> [len(part) for part in fold("SUMMARY:" + "节点" * 20).split(b"\r\n ")]
    [74, 54]
    """
    data = line.encode("utf-8")
    size = len(data)
    if size <= _LIMIT:
        return data
    pieces = []
    start = 0
    while size - start > _LIMIT:
        end = start + _LIMIT
        while data[end] & 0xC0 == 0x80:  # inside a character: break before it
            end -= 1
        if data[end - 1] in _ESCAPES and end - 1 > start:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return _SEPARATOR.join(pieces)


def to_ical(component: icalendar.cal.Component) -> bytes:
    """``component.to_ical()``, with the lines folded by :func:`fold`."""
    lines = component.content_lines(sorted=True)
    return b"".join(fold(line) + b"\r\n" for line in lines if line)


def content_line(name: str, value: str) -> bytes:
    r"""The folded line ``NAME:value`` with its CRLF; ``name`` may carry parameters (``DTSTART;VALUE=DATE``).

    >>> content_line("SEQUENCE", "0")
    b'SEQUENCE:0\r\n'
    """
    return fold(f"{name}:{value}") + b"\r\n"


def text_value(text: str) -> str:
    r"""A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as ``\n``.

    In icalendar's order, which first reads a literal ``\N`` as a line break:

    >>> print(text_value("时间节点：9月底前\n牵头单位：市商务局；市税务局, 等"))
    时间节点：9月底前\n牵头单位：市商务局；市税务局\, 等
    """
    return (
        text.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def date_value(day: dt.date) -> str:
    """A DATE value (RFC 5545 §3.3.4).

    >>> date_value(dt.date(2023, 9, 30))
    '20230930'
    """
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def utc_value(moment: dt.datetime) -> str:
    """A DATE-TIME value in UTC (RFC 5545 §3.3.5, form #2); ``moment`` must be timezone-aware.

    >>> utc_value(dt.datetime(2023, 7, 29, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    '20230728T160000Z'
    """
    moment = moment.astimezone(dt.timezone.utc)
    return (
        f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
        f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"
    )


def duration_value(span: dt.timedelta) -> str:
    """A DURATION value (RFC 5545 §3.3.6) as icalendar writes it: days, then hours, minutes and seconds.

    >>> duration_value(dt.timedelta(days=1)), duration_value(dt.timedelta(hours=1, seconds=5))
    ('P1D', 'PT1H0M5S')
    """
    sign = ""
    if span.days < 0:
        sign, span = "-", -span
    time = ""
    if span.seconds:
        hours, minutes, seconds = span.seconds // 3600, span.seconds % 3600 // 60, span.seconds % 60
        time = "T"
        if hours:
            time += f"{hours}H"
        if minutes or (hours and seconds):
            time += f"{minutes}M"
        if seconds:
            time += f"{seconds}S"
    if span.days == 0 and time:
        return f"{sign}P{time}"
    return f"{sign}P{span.days}D{time}"
