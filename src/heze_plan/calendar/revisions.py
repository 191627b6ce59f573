"""Revision tracking for published feeds: SEQUENCE and LAST-MODIFIED that move only on change.

A calendar client that subscribes to a feed keeps each event under its UID
and, when it fetches the feed again, takes a higher ``SEQUENCE`` (RFC 5545
§3.8.7.4) or a later ``LAST-MODIFIED``/``DTSTAMP`` (§3.8.7.3, §3.8.7.2) as the
sign that the event was revised. So the two must move when, and only when,
the event's content changes, and the same input must give the same bytes.

The feed carries its own history: every event has an ``X-HEZE-PLAN-HASH``
property, a digest of everything the event says except the three revision
properties. When a feed is regenerated, the previous feed is read
(:meth:`Revisions.from_ical`) and each event is stamped by
:meth:`Revisions.stamp`:

- an event with a UID the previous feed did not have starts at
  ``SEQUENCE:0`` with ``LAST-MODIFIED`` and ``DTSTAMP`` at the data's revision
  time (by default the plan's printed date, never the clock);
- an event whose digest is unchanged keeps its previous sequence and times,
  so its bytes do not change;
- an event whose digest changed gets the previous sequence plus one and the
  later of the revision time and one second after its previous
  ``LAST-MODIFIED``, so the times only ever move forward.

Losing the previous feed loses the history: the next run starts again at 0.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from attrs import field, frozen

from heze_plan.calendar._component import digest_of
from heze_plan.calendar._ical import to_ical
from heze_plan.errors import FeedError

if TYPE_CHECKING:  # pragma: no cover
    import icalendar

__all__ = ["HASH_PROPERTY", "FeedError", "Revision", "Revisions", "content_digest"]

#: The property that stores an event's content digest inside the feed.
HASH_PROPERTY = "X-HEZE-PLAN-HASH"

_ONE_SECOND = dt.timedelta(seconds=1)
#: A fold: CRLF and one space or tab (RFC 5545 §3.1).
_UNFOLD = re.compile(r"\r\n[ \t]")
_REVISION_NAMES = ("UID", "LAST-MODIFIED", "SEQUENCE", HASH_PROPERTY)
_UTC_TIME = re.compile(r"[0-9]{8}T[0-9]{6}Z")


def _is_date(value: str) -> bool:
    """Whether ``value`` is a DATE of the calendar, ``YYYYMMDD`` (what icalendar reads as one)."""
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        return False
    try:
        dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return False
    return True


def _is_utc(value: str) -> bool:
    """Whether ``value`` is a DATE-TIME in UTC of the calendar, ``YYYYMMDDTHHMMSSZ``."""
    if not _UTC_TIME.fullmatch(value) or not _is_date(value[:8]):
        return False
    return int(value[9:11]) < 24 and int(value[11:13]) < 60 and int(value[13:15]) < 60


def _matches(pattern: str) -> Callable[[str], bool]:
    return re.compile(pattern).fullmatch  # type: ignore[return-value]


def _any_text(value: str) -> bool:
    return True


_DURATION = _matches(r"-?P(?:\d+D(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?|T(?:\d+H)?(?:\d+M)?(?:\d+S)?)")
#: The properties this program writes, by name and parameters, each with a check of its value; a feed with
#: any other line, or a value that fails its check, is left to the full parser.
_WRITTEN: dict[str, Callable[[str], bool]] = {
    "VERSION": _matches(r"2\.0"),
    "CALSCALE": _matches("GREGORIAN"),
    "REFRESH-INTERVAL;VALUE=DURATION": _DURATION,
    "X-PUBLISHED-TTL": _DURATION,
    "DTSTART": _matches(r"19700101T000000"),
    "TZOFFSETFROM": _matches(r"\+0800"),
    "TZOFFSETTO": _matches(r"\+0800"),
    "DTSTART;VALUE=DATE": _is_date,
    "DTEND;VALUE=DATE": _is_date,
    "DUE;VALUE=DATE": _is_date,
    "DTSTAMP": _is_utc,
    "LAST-MODIFIED": _is_utc,
    "COMPLETED": _is_utc,
    "TRIGGER;VALUE=DATE-TIME": _is_utc,
    "SEQUENCE": _matches(r"\d{1,9}"),
    "PERCENT-COMPLETE": _matches("100"),
    "TRANSP": _matches("TRANSPARENT"),
    "STATUS": _matches("CANCELLED|NEEDS-ACTION|IN-PROCESS|COMPLETED"),
    "ACTION": _matches("DISPLAY"),
    **dict.fromkeys(
        (
            "PRODID",
            "DESCRIPTION",
            "X-WR-CALDESC",
            "NAME",
            "X-WR-CALNAME",
            "X-WR-TIMEZONE",
            "TZID",
            "TZNAME",
            "SUMMARY",
            "UID",
            "CATEGORIES",
            "URL",
            HASH_PROPERTY,
        ),
        _any_text,
    ),
}
#: A content line as this program writes it: a name, unquoted parameters, a colon, no control characters.
_CONTENT_LINE = re.compile(r"([A-Z][A-Z0-9-]*(?:;[A-Z0-9-]+=[A-Z0-9-]+)*):([^\x00-\x08\x0a-\x1f\x7f]*)")


def content_digest(component: icalendar.cal.Component) -> str:
    """A digest of a component's serialized content (its revision properties left out by the caller).

    The first 128 bits of SHA-256, which is plenty to tell two versions of one event apart.

    >>> import icalendar
    >>> event = icalendar.Event()
    >>> event.add("summary", "8. 优化企业全生命周期集成服务体系")
    >>> before = content_digest(event)
    >>> event["SUMMARY"] = "8. 优化企业全生命周期集成服务体系（节点1/2）"
    >>> before.startswith("sha256:"), len(before), before != content_digest(event)
    (True, 39, True)
    """
    return digest_of(to_ical(component))


@frozen
class Revision:
    """How far one event has been revised: its digest, ``SEQUENCE`` and ``LAST-MODIFIED`` (UTC)."""

    uid: str
    digest: str
    sequence: int
    modified: dt.datetime


@frozen
class Revisions(Mapping[str, Revision]):
    """The revisions recorded in a previous feed, by UID (empty for a first run)."""

    by_uid: Mapping[str, Revision] = field(factory=dict)

    def __getitem__(self, uid: str) -> Revision:
        return self.by_uid[uid]

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_uid)

    def __len__(self) -> int:
        return len(self.by_uid)

    def stamp(self, uid: str, digest: str, revised: dt.datetime) -> Revision:
        """The revision of an event with this content, given the previous feed.

        ``revised`` is when the data was last revised (timezone-aware).

        >>> t0 = dt.datetime(2023, 7, 28, 16, tzinfo=dt.timezone.utc)
        >>> first = Revisions().stamp("a", "sha256:1", t0)
        >>> first.sequence, first.modified == t0
        (0, True)
        >>> Revisions({"a": first}).stamp("a", "sha256:1", t0) == first
        True
        >>> again = Revisions({"a": first}).stamp("a", "sha256:2", t0)
        >>> again.sequence, again.modified - t0
        (1, datetime.timedelta(seconds=1))
        """
        if revised.tzinfo is None:
            msg = f"revised must be timezone-aware, got {revised!r}"
            raise ValueError(msg)
        revised = revised.astimezone(dt.timezone.utc)
        previous = self.by_uid.get(uid)
        if previous is None:
            return Revision(uid, digest, 0, revised)
        if previous.digest == digest:
            return previous
        return Revision(uid, digest, previous.sequence + 1, max(revised, previous.modified + _ONE_SECOND))

    @classmethod
    def from_own_feed(cls, data: bytes, *, prodid: str) -> Revisions:
        """Read the revisions from a feed this program wrote, by a quick scan of its lines.

        A feed that carries ``prodid`` and is well formed in the way this
        program writes feeds (UTF-8, CRLF line ends, every unfolded line a
        content line ``NAME[;PARAMS]:VALUE``, components properly nested inside
        one ``VCALENDAR``, each event or to-do with one UID, ``SEQUENCE``,
        ``LAST-MODIFIED`` in UTC and digest) is read without icalendar;
        anything else goes to :meth:`from_ical`, which checks everything and
        raises :class:`~heze_plan.errors.FeedError` where it must. So the
        answer is the same as :meth:`from_ical`'s for every feed either accepts,
        only faster (and without importing icalendar).
        """
        found = _scan_own_feed(data, prodid)
        return cls(found) if found is not None else cls.from_ical(data, prodid=prodid)

    @classmethod
    def from_ical(cls, data: bytes | str, *, prodid: str) -> Revisions:
        """Read the revisions from a previous feed, which ``prodid`` must have written.

        Raises :class:`~heze_plan.errors.FeedError` when the data is not an iCalendar stream, was
        written by another program (its ``PRODID`` differs), or an event lacks
        a UID, a ``SEQUENCE``, a ``LAST-MODIFIED`` or a digest.
        """
        import icalendar  # noqa: PLC0415 - the full parser (and icalendar) loads only when a feed is read

        try:
            calendar = icalendar.Calendar.from_ical(data)
        # icalendar 7 fails on some damaged files with other errors (a doubled TZID: AttributeError).
        except (ValueError, AttributeError, TypeError, KeyError, IndexError) as error:
            msg = f"not an iCalendar file ({error})"
            raise FeedError(msg) from None
        if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
            msg = "not an iCalendar file (no VCALENDAR)"
            raise FeedError(msg)
        found = str(calendar.get("PRODID", ""))
        if found != prodid:
            msg = f"written by another program (PRODID {found!r}, expected {prodid!r})"
            raise FeedError(msg)
        by_uid: dict[str, Revision] = {}
        for component in calendar.walk():
            if component.name not in {"VEVENT", "VTODO"}:
                continue
            for name in _REVISION_NAMES:
                if isinstance(component.get(name), list):
                    msg = f"a {component.name} has {name} more than once"
                    raise FeedError(msg)
            uid = str(component.get("UID", ""))
            digest = component.get(HASH_PROPERTY)
            modified = component.get("LAST-MODIFIED")
            sequence = component.get("SEQUENCE")
            if not uid or digest is None or modified is None or sequence is None:
                what = f"a {component.name} ({uid or 'no UID'})"
                msg = f"{what} lacks UID, SEQUENCE, LAST-MODIFIED or {HASH_PROPERTY}"
                raise FeedError(msg)
            try:  # a value icalendar could not read raises on access (BrokenCalendarProperty, a ValueError)
                moment, number = modified.dt, int(sequence)
            except (ValueError, TypeError, AttributeError):
                msg = f"{uid}: LAST-MODIFIED or SEQUENCE cannot be read"
                raise FeedError(msg) from None
            if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
                msg = f"{uid}: LAST-MODIFIED must be a UTC date-time, got {modified.to_ical()!r}"
                raise FeedError(msg)
            by_uid[uid] = Revision(uid, str(digest), number, moment.astimezone(dt.timezone.utc))
        return cls(by_uid)


def _scan_own_feed(data: bytes, prodid: str) -> dict[str, Revision] | None:
    """The revisions of a well-formed feed of ``prodid``, by UID; None for anything else."""
    try:
        return _scan(data.decode("utf-8"), prodid)
    except (UnicodeDecodeError, _NotOursError):
        return None


class _NotOursError(Exception):
    """A feed that is not exactly as this program writes them: the full parser must judge it."""


def _scan(text: str, prodid: str) -> dict[str, Revision]:
    if not text.startswith("BEGIN:VCALENDAR\r\n") or not text.endswith("\r\nEND:VCALENDAR\r\n"):
        raise _NotOursError
    stack: list[str] = []
    # The properties of each open component, by name: this program writes none twice in a component.
    values: list[dict[str, str]] = []
    by_uid: dict[str, Revision] = {}
    for line in _UNFOLD.sub("", text).split("\r\n")[:-1]:
        match = _CONTENT_LINE.fullmatch(line)
        if match is None:
            raise _NotOursError
        name, value = match.groups()
        if name == "BEGIN":
            stack.append(value)
            values.append({})
        elif name == "END":
            if not stack or stack.pop() != value:
                raise _NotOursError
            closed = values.pop()
            if value in ("VEVENT", "VTODO") and len(stack) == 1:
                revision = _revision(closed)
                if revision.uid in by_uid:
                    raise _NotOursError
                by_uid[revision.uid] = revision
            elif not stack and closed.get("PRODID") != prodid:
                raise _NotOursError
        else:
            key = name.partition(";")[0]
            check = _WRITTEN.get(name)
            if check is None or not check(value) or not values or key in values[-1]:
                raise _NotOursError
            values[-1][key] = value
    if stack:
        raise _NotOursError
    return by_uid


def _revision(values: dict[str, str]) -> Revision:
    """One component's revision from its four properties; :class:`_NotOursError` if one is missing or bad."""
    try:
        uid, digest, sequence = values["UID"], values[HASH_PROPERTY], values["SEQUENCE"]
        modified = values["LAST-MODIFIED"]
    except KeyError:
        raise _NotOursError from None
    if not uid or not sequence.isdigit() or not _UTC_TIME.fullmatch(modified):
        raise _NotOursError
    try:
        moment = dt.datetime.strptime(modified, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        raise _NotOursError from None
    return Revision(uid, digest, int(sequence), moment)
