"""Regeneration: SEQUENCE and LAST-MODIFIED move for the events that changed, and nothing else moves."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import icalendar
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import heze_plan
from heze_plan.calendar.entries import milestone_uid
from heze_plan.calendar.feed import PRODID, Component, FeedOptions, build_calendar
from heze_plan.calendar.revisions import FeedError, Revisions
from heze_plan.model.plan import Plan

from .strategies import plans

PLAN = heze_plan.load()


def with_due(plan: Plan, number: int, index: int, due: dt.date) -> Plan:
    """The plan with one milestone's due date changed, as a revised plan would."""
    task = plan.task(number)
    milestones = list(task.milestones)
    milestones[index] = attrs.evolve(milestones[index], due=due)
    changed = attrs.evolve(task, milestones=tuple(milestones))
    return attrs.evolve(plan, tasks=tuple(changed if t.number == number else t for t in plan.tasks))


def regenerate(plan: Plan, previous: bytes, **options: object) -> bytes:
    revisions = Revisions.from_ical(previous, prodid=PRODID)
    return build_calendar(plan, None, FeedOptions(**options), revisions).to_ical()  # type: ignore[arg-type]


def blocks(data: bytes) -> dict[str, bytes]:
    """Each event's exact bytes, by UID."""
    found = re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", data, flags=re.DOTALL)
    return {str(icalendar.Event.from_ical(b)["UID"]): b for b in found}


class TestUnchangedData:
    """Regenerating from the same data gives the same bytes."""

    def test_byte_identical(self) -> None:
        """The previous feed read back and used again changes nothing at all."""
        first = build_calendar(PLAN).to_ical()
        assert regenerate(PLAN, first) == first
        assert regenerate(PLAN, regenerate(PLAN, first)) == first


class TestOneDeadlineChanges:
    """Task 2's deadline moves from 9月底前 (2023-09-30) to 2023-10-31: only that event is revised."""

    def test_only_that_event_moves(self) -> None:
        """Its SEQUENCE goes 0 → 1 and its DTSTART moves; the other 120 events are byte-identical."""
        first = build_calendar(PLAN).to_ical()
        second = regenerate(with_due(PLAN, 2, 0, dt.date(2023, 10, 31)), first)
        before, after = blocks(first), blocks(second)
        uid = milestone_uid(PLAN, 2, 1)
        assert set(before) == set(after)
        assert [u for u in before if before[u] != after[u]] == [uid]
        event = icalendar.Event.from_ical(after[uid])
        assert int(event["SEQUENCE"]) == 1
        assert event["DTSTART"].dt == dt.date(2023, 10, 31)
        assert event["LAST-MODIFIED"].dt > icalendar.Event.from_ical(before[uid])["LAST-MODIFIED"].dt
        assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt

    def test_with_a_revision_date(self) -> None:
        """Given when the data was revised, the changed event carries that time and no other event does."""
        revised = dt.datetime(2023, 10, 15, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        first = build_calendar(PLAN).to_ical()
        second = regenerate(with_due(PLAN, 2, 0, dt.date(2023, 10, 31)), first, revised=revised)
        stamps = {
            u: icalendar.Event.from_ical(b)["LAST-MODIFIED"].to_ical() for u, b in blocks(second).items()
        }
        assert stamps.pop(milestone_uid(PLAN, 2, 1)) == b"20231015T010000Z"
        assert set(stamps.values()) == {b"20230728T160000Z"}

    def test_changes_accumulate(self) -> None:
        """A second change gives SEQUENCE 2; changing it back is a change too (3), then it rests."""
        first = build_calendar(PLAN).to_ical()
        second = regenerate(with_due(PLAN, 2, 0, dt.date(2023, 10, 31)), first)
        third = regenerate(with_due(PLAN, 2, 0, dt.date(2023, 11, 30)), second)
        fourth = regenerate(PLAN, third)
        fifth = regenerate(PLAN, fourth)
        uid = milestone_uid(PLAN, 2, 1)
        sequences = [
            int(icalendar.Event.from_ical(blocks(d)[uid])["SEQUENCE"]) for d in (second, third, fourth, fifth)
        ]
        assert sequences == [1, 2, 3, 3]
        assert fifth == fourth

    def test_other_milestone_of_the_same_task(self) -> None:
        """Moving task 8's second deadline revises that event only, not its first one."""
        first = build_calendar(PLAN).to_ical()
        second = regenerate(with_due(PLAN, 8, 1, dt.date(2023, 12, 31)), first)
        before, after = blocks(first), blocks(second)
        assert [u for u in before if before[u] != after[u]] == [milestone_uid(PLAN, 8, 2)]

    def test_reminder_change_revises_every_event(self) -> None:
        """Reminders are part of an event: switching them off revises all 121 events once."""
        first = build_calendar(PLAN).to_ical()
        second = regenerate(PLAN, first, reminders=())
        sequences = {int(icalendar.Event.from_ical(b)["SEQUENCE"]) for b in blocks(second).values()}
        assert sequences == {1}


class TestPreviousFeedRefused:
    """A previous feed the tool cannot trust is refused with a reason, never overwritten on a guess."""

    def test_other_program(self) -> None:
        """A calendar with another PRODID was written by someone else."""
        data = build_calendar(PLAN).to_ical().replace(PRODID.encode(), b"-//Other//Calendar//EN")
        with pytest.raises(FeedError, match="another program"):
            Revisions.from_ical(data, prodid=PRODID)

    @pytest.mark.parametrize("data", [b"", b"hello\r\n", b"BEGIN:VCARD\r\nEND:VCARD\r\n"])
    def test_not_icalendar(self, data: bytes) -> None:
        """Text that is not an iCalendar stream."""
        with pytest.raises(FeedError, match="not an iCalendar"):
            Revisions.from_ical(data, prodid=PRODID)

    def test_event_without_history(self) -> None:
        """An event whose digest was removed cannot be compared."""
        data = re.sub(rb"X-HEZE-PLAN-HASH:[^\r]*\r\n", b"", build_calendar(PLAN, [PLAN.task(2)]).to_ical())
        with pytest.raises(FeedError, match="lacks"):
            Revisions.from_ical(data, prodid=PRODID)


class TestAnyPlan:
    """On any valid plan, moving one deadline revises exactly that event."""

    @given(plan=plans(), data=st.data())
    def test_only_the_moved_milestone_is_revised(self, plan: Plan, data: st.DataObject) -> None:
        """Pick any milestone, move it by 1–30 days: its SEQUENCE is 1, every other event keeps its bytes."""
        dated = [(t.number, i) for t in plan.tasks for i in range(len(t.milestones))]
        assume(dated)
        number, index = data.draw(st.sampled_from(dated))
        due = plan.task(number).milestones[index].due + dt.timedelta(days=data.draw(st.integers(1, 30)))
        first = build_calendar(plan).to_ical()
        second = build_calendar(
            with_due(plan, number, index, due), previous=Revisions.from_ical(first, prodid=PRODID)
        ).to_ical()
        before, after = blocks(first), blocks(second)
        uid = milestone_uid(plan, number, index + 1)
        assert [u for u in before if before[u] != after[u]] == [uid]
        assert int(icalendar.Event.from_ical(after[uid])["SEQUENCE"]) == 1


def _either(data: bytes, reader: object) -> object:
    """What a reader makes of ``data``: its revisions by UID, or the FeedError it raises."""
    try:
        return dict(reader(data, prodid=PRODID))  # type: ignore[operator]
    except FeedError:
        return FeedError


class TestQuickScanAgreesWithFullReader:
    """``from_own_feed`` (no icalendar) answers as ``from_ical`` does for every feed, damaged ones too.

    ``heze-plan calendar -o FILE`` reads its previous output with it; a file that is not what this program
    writes must still be refused (``FeedError``) or read exactly as the full parser reads it.
    """

    #: Events and to-dos with reminders and URLs: every property the feeds write but a status.
    FEED = build_calendar(
        PLAN,
        [PLAN.task(2), PLAN.task(8), PLAN.task(102)],
        FeedOptions(components=Component.BOTH, base_url="https://x.example/"),
    ).to_ical()

    def test_whole_feed(self) -> None:
        assert _either(self.FEED, Revisions.from_own_feed) == _either(self.FEED, Revisions.from_ical)
        assert len(Revisions.from_own_feed(self.FEED, prodid=PRODID)) == 8

    @given(st.data())
    def test_damaged_feeds(self, data: st.DataObject) -> None:
        """A cut, a dropped line, a doubled line or a changed byte anywhere gives the full reader's answer."""
        feed = self.FEED
        lines = feed.split(b"\r\n")
        how = data.draw(st.sampled_from(["cut", "drop", "double", "byte"]))
        if how == "cut":
            damaged = feed[: data.draw(st.integers(0, len(feed) - 1))]
        elif how in ("drop", "double"):
            i = data.draw(st.integers(0, len(lines) - 1))
            damaged = b"\r\n".join(lines[:i] + ([lines[i]] * 2 if how == "double" else []) + lines[i + 1 :])
        else:
            i = data.draw(st.integers(0, len(feed) - 1))
            damaged = feed[:i] + bytes([data.draw(st.integers(0, 255))]) + feed[i + 1 :]
        assert _either(damaged, Revisions.from_own_feed) == _either(damaged, Revisions.from_ical)

    @pytest.mark.parametrize(
        ("change", "why"),
        [
            (
                (b"PRODID:-//heze_plan//heze-plan deadline feed//ZH", b"PRODID:-//other//EN"),
                "another program",
            ),
            ((b"SEQUENCE:0\r\n", b""), "a SEQUENCE missing"),
            ((b"BEGIN:VCALENDAR", b"\xff\xfeBEGIN:VCALENDAR"), "not UTF-8"),
        ],
    )
    def test_refused_alike(self, change: tuple[bytes, bytes], why: str) -> None:
        """Feeds the full reader refuses are refused, with the same FeedError, not read by the quick scan."""
        damaged = self.FEED.replace(*change)
        assert damaged != self.FEED, why
        with pytest.raises(FeedError) as full:
            Revisions.from_ical(damaged, prodid=PRODID)
        with pytest.raises(FeedError) as quick:
            Revisions.from_own_feed(damaged, prodid=PRODID)
        assert str(quick.value) == str(full.value)
