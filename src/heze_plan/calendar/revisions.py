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
from collections.abc import Iterator, Mapping
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
        """Read the revisions from a feed known to be byte for byte what this program wrote.

        The caller vouches for the bytes (the feed set's manifest holds their
        SHA-256), so a scan of the unfolded lines for the four properties is
        enough; anything unexpected falls back on :meth:`from_ical`, which
        checks everything.
        """
        text = _UNFOLD.sub("", data.decode("utf-8"))
        by_uid: dict[str, Revision] = {}
        current: dict[str, str] | None = None
        found_prodid = None
        for line in text.split("\r\n"):
            if line in ("BEGIN:VEVENT", "BEGIN:VTODO"):
                current = {}
            elif line in ("END:VEVENT", "END:VTODO") and current is not None:
                try:
                    uid = current["UID"]
                    modified = dt.datetime.strptime(current["LAST-MODIFIED"], "%Y%m%dT%H%M%SZ")
                    revision = Revision(
                        uid,
                        current[HASH_PROPERTY],
                        int(current["SEQUENCE"]),
                        modified.replace(tzinfo=dt.timezone.utc),
                    )
                except (KeyError, ValueError):
                    return cls.from_ical(data, prodid=prodid)
                by_uid[uid] = revision
                current = None
            elif current is not None and not line.startswith(("BEGIN:", "END:")):
                name, _, value = line.partition(":")
                if name in ("UID", "LAST-MODIFIED", "SEQUENCE", HASH_PROPERTY) and name not in current:
                    current[name] = value
            elif current is None and line.startswith("PRODID:") and found_prodid is None:
                found_prodid = line.removeprefix("PRODID:")
        if found_prodid != prodid:
            return cls.from_ical(data, prodid=prodid)
        return cls(by_uid)

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
        except ValueError as error:
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
            uid = str(component.get("UID", ""))
            digest = component.get(HASH_PROPERTY)
            modified = component.get("LAST-MODIFIED")
            sequence = component.get("SEQUENCE")
            if not uid or digest is None or modified is None or sequence is None:
                what = f"a {component.name} ({uid or 'no UID'})"
                msg = f"{what} lacks UID, SEQUENCE, LAST-MODIFIED or {HASH_PROPERTY}"
                raise FeedError(msg)
            moment = modified.dt
            if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
                msg = f"{uid}: LAST-MODIFIED must be a UTC date-time, got {modified.to_ical()!r}"
                raise FeedError(msg)
            by_uid[uid] = Revision(uid, str(digest), int(sequence), moment.astimezone(dt.timezone.utc))
        return cls(by_uid)
