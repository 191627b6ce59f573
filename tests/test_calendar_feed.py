"""The deadline feed: events, dates, texts, UIDs and RFC 5545 syntax, against the source document."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import icalendar
import pytest
from hypothesis import given

import heze_plan
from heze_plan.calendar.entries import Entry, entries, milestone_uid
from heze_plan.calendar.event_text import working_day_note
from heze_plan.calendar.feed import PRODID, Component, FeedOptions, build_calendar
from heze_plan.model.plan import Plan

from .ics_parsers import seen_alike, with_ical, with_vobject
from .strategies import plans

PLAN = heze_plan.load()


def feed(selection: object = None, **options: object) -> bytes:
    return build_calendar(PLAN, selection, FeedOptions(**options)).to_ical()  # type: ignore[arg-type]


def events_of(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def event_of_task(data: bytes, number: int) -> list[icalendar.Event]:
    return [
        e for e in events_of(data) if str(e["SUMMARY"]).removeprefix("【牵头】").startswith(f"{number}. ")
    ]


class TestDatesFromTheSource:
    """Each milestone is one all-day event on the day the source's phrase names."""

    def test_task_2_by_end_of_september(self) -> None:
        """Task 2 says 9月底前: the event is the whole of 2023-09-30 (DTEND is exclusive, RFC 5545 §3.6.1)."""
        (event,) = event_of_task(feed([PLAN.task(2)]), 2)
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event["DTSTART"].dt == dt.date(2023, 9, 30)
        assert event["DTEND"].dt == dt.date(2023, 10, 1)
        assert str(event["SUMMARY"]) == "2. 探索市场主体住所（经营场所）标准化登记"

    def test_task_8_two_milestones(self) -> None:
        """Task 8 has 9月底前 and 11月底前: two events, 2023-09-30 and 2023-11-30."""
        events = event_of_task(feed([PLAN.task(8)]), 8)
        assert [e["DTSTART"].dt for e in events] == [dt.date(2023, 9, 30), dt.date(2023, 11, 30)]
        assert "研究制定企业全生命周期集成服务体系地方标准" in str(events[1]["DESCRIPTION"])

    def test_whole_plan_by_month(self) -> None:
        """The plan's 121 task milestones: 11 in August, 21 in September, 20 in October, 35 in November,
        34 in December; and the safeguards' two deadlines: 印发1个月内 (August) and 年内 (December).
        """
        events = events_of(feed())
        by_month: dict[int, int] = {}
        for event in events:
            by_month[event["DTSTART"].dt.month] = by_month.get(event["DTSTART"].dt.month, 0) + 1
        assert by_month == {8: 11 + 1, 9: 21, 10: 20, 11: 35, 12: 34 + 1}

    def test_two_milestones_on_the_same_day(self) -> None:
        """Task 136 has two 12月底前 deliverables: two events, told apart by their summaries and UIDs."""
        events = event_of_task(feed([PLAN.task(136)]), 136)
        assert [e["DTSTART"].dt for e in events] == [dt.date(2023, 12, 31)] * 2
        assert len({str(e["SUMMARY"]) for e in events}) == 2
        assert len({str(e["UID"]) for e in events}) == 2

    def test_ongoing_tasks_have_no_event(self) -> None:
        """Task 1 has no deadline phrase (根据省统一部署 only): it is not in the calendar, no date is
        invented.
        """
        assert events_of(feed([PLAN.task(1)])) == []


class TestEventText:
    """An event carries what a department needs without opening the plan."""

    def test_description_of_task_8(self) -> None:
        """Deliverable, full text, lead and responsible units and area, as the source gives them (task 8)."""
        first = str(event_of_task(feed([PLAN.task(8)]), 8)[0]["DESCRIPTION"])
        assert "交付成果：建立健全线上集成服务专栏、线下集成服务专区" in first
        assert "牵头单位：市行政审批服务局" in first
        assert "责任单位：市有关部门、单位；各县区政府、管委会" in first
        assert "开办企业" in first
        assert "11月底前，研究制定企业全生命周期集成服务体系地方标准" in first  # the full text

    def test_categories_is_the_area(self) -> None:
        """Task 19 is in area （二）办理建筑许可."""
        (event,) = event_of_task(feed([PLAN.task(19)]), 19)
        assert [str(c) for c in event["CATEGORIES"].cats] == ["办理建筑许可"]

    def test_same_event_in_a_unit_feed(self) -> None:
        """In 市行政审批服务局's feed an event is byte for byte what it is in the whole plan's (one UID,
        one text): task 8, which it leads, is not marked differently; the lead units are in the description.
        """
        tasks = [PLAN.task(8), PLAN.task(11), PLAN.task(10)]
        mine = {str(e["UID"]): e.to_ical() for e in events_of(feed(tasks, unit="市行政审批服务局"))}
        whole = {str(e["UID"]): e.to_ical() for e in events_of(feed(tasks))}
        assert mine == whole
        assert any(
            "8. 优化企业全生命周期集成服务体系（节点1/2）" in str(e["SUMMARY"])
            for e in events_of(feed(tasks))
        )
        assert all("牵头单位：" in str(e["DESCRIPTION"]) for e in events_of(feed(tasks)))


class TestWorkingDays:
    """A due date that is not a working day says so and names the last working day before it."""

    def test_end_of_september_2023(self) -> None:
        """2023-09-30 is a Saturday in the National Day break; the last working day before it is Thursday
        2023-09-28.
        """
        (event,) = event_of_task(feed([PLAN.task(2)]), 2)
        description = str(event["DESCRIPTION"])
        assert "不是工作日" in description
        assert "2023年9月28日（星期四）" in description

    def test_end_of_december_2023(self) -> None:
        """2023-12-31 is a Sunday; the last working day before it is Friday 2023-12-29."""
        note = working_day_note(dt.date(2023, 12, 31))
        assert note is not None
        assert "2023年12月29日（星期五）" in note

    def test_working_days_get_no_note(self) -> None:
        """2023-10-31 (Tuesday) and 2023-10-07 (a make-up working Saturday, 调休) are working days."""
        assert working_day_note(dt.date(2023, 10, 31)) is None
        assert working_day_note(dt.date(2023, 10, 7)) is None

    def test_a_holiday_is_named(self) -> None:
        """2023-10-02 is in the National Day holiday, named in Chinese."""
        assert "国庆节" in (working_day_note(dt.date(2023, 10, 2)) or "")


class TestReminders:
    """Reminders are VALARMs at 09:00 China time on working days; configurable and switchable off."""

    def test_default_week_and_day_before(self) -> None:
        """Task 2 is due 2023-09-30 (a Saturday in the National Day break). Seven days before is Saturday
        09-23, so the week reminder goes off on Friday 09-22; the day before, 09-29, is Mid-Autumn Festival,
        so that one goes off on Thursday 09-28, the last working day. Both at 09:00 UTC+8 = 01:00 UTC, as
        absolute ``TRIGGER;VALUE=DATE-TIME`` (RFC 5545 §3.8.6.3: "MUST specify a UTC-formatted DATE-TIME").
        """
        (event,) = events_of(feed([PLAN.task(2)]))
        triggers = [a["TRIGGER"].dt for a in event.walk("VALARM")]
        utc = dt.timezone.utc
        assert triggers == [dt.datetime(2023, 9, 22, 1, tzinfo=utc), dt.datetime(2023, 9, 28, 1, tzinfo=utc)]
        assert all(a["TRIGGER"].params["VALUE"] == "DATE-TIME" for a in event.walk("VALARM"))
        assert all(str(a["ACTION"]) == "DISPLAY" and a.get("DESCRIPTION") for a in event.walk("VALARM"))

    def test_switched_off(self) -> None:
        """No reminders at all: no VALARM."""
        assert b"VALARM" not in feed([PLAN.task(2)], reminders=())

    def test_configured(self) -> None:
        """Reminders 3 days before (Wednesday 09-27) and on the day (09-30 is off: Thursday 09-28)."""
        (event,) = events_of(feed([PLAN.task(2)], reminders=(0, 3)))
        utc = dt.timezone.utc
        assert [a["TRIGGER"].dt for a in event.walk("VALARM")] == [
            dt.datetime(2023, 9, 27, 1, tzinfo=utc),
            dt.datetime(2023, 9, 28, 1, tzinfo=utc),
        ]

    @pytest.mark.parametrize("bad", [(-1,), (367,), (1, 1), (1.5,), (True,)])
    def test_bad_reminders_rejected(self, bad: tuple[object, ...]) -> None:
        """Negative, too distant, repeated or fractional days are refused, naming the field."""
        with pytest.raises(ValueError, match=r"FeedOptions\.reminders"):
            FeedOptions(reminders=bad)  # type: ignore[arg-type]


class TestTodos:
    """VTODO output for clients that show tasks, alone or beside the events."""

    def test_todo_only(self) -> None:
        """A to-do per milestone, DUE on the due date; reminders at absolute times (a to-do has no
        DTSTART to be relative to).
        """
        calendar = icalendar.Calendar.from_ical(feed([PLAN.task(8)], components=Component.TODO))
        todos = list(calendar.walk("VTODO"))
        assert [t["DUE"].dt for t in todos] == [dt.date(2023, 9, 30), dt.date(2023, 11, 30)]
        assert not list(calendar.walk("VEVENT"))
        assert all(a["TRIGGER"].params["VALUE"] == "DATE-TIME" for t in todos for a in t.walk("VALARM"))

    def test_both_have_distinct_uids(self) -> None:
        """An event and a to-do of the same milestone must not share a UID (RFC 5545 §3.8.4.7: globally
        unique).
        """
        calendar = icalendar.Calendar.from_ical(feed([PLAN.task(8)], components=Component.BOTH))
        uids = [str(c["UID"]) for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]
        assert len(uids) == 4
        assert len(set(uids)) == 4


class TestStableIdentity:
    """UIDs and bytes depend on the data only: not on selection, order, clock or chance."""

    def test_uid_independent_of_selection_and_order(self) -> None:
        """Task 8's events have the same UIDs alone, among others, in any order, and in the whole plan."""
        alone = {str(e["UID"]) for e in events_of(feed([PLAN.task(8)]))}
        mixed = {str(e["UID"]) for e in event_of_task(feed([PLAN.task(20), PLAN.task(8), PLAN.task(2)]), 8)}
        whole = {str(e["UID"]) for e in event_of_task(feed(), 8)}
        assert alone == mixed == whole
        assert alone == {milestone_uid(PLAN, 8, 1), milestone_uid(PLAN, 8, 2)}

    def test_uids_unique_in_the_plan(self) -> None:
        """121 task milestones and 2 safeguard deadlines, 123 distinct UIDs."""
        assert len({str(e["UID"]) for e in events_of(feed())}) == 121 + 2

    def test_uid_depends_on_the_document(self) -> None:
        """Another document's task 8 is another event."""
        other = attrs.evolve(PLAN, document=attrs.evolve(PLAN.document, number="菏政发〔2024〕1号"))
        assert milestone_uid(other, 8, 1) != milestone_uid(PLAN, 8, 1)

    def test_byte_identical(self) -> None:
        """The same input gives the same bytes, and the order of the selection does not matter."""
        tasks = [PLAN.task(n) for n in (8, 2, 136)]
        assert feed(tasks) == feed(list(reversed(tasks))) == feed(tasks)
        assert feed() == feed()

    def test_dtstamp_from_the_data(self) -> None:
        """DTSTAMP is the plan's printed date (2023-07-29) at midnight China time, in UTC: never the clock."""
        for event in events_of(feed([PLAN.task(2), PLAN.task(8)])):
            assert event["DTSTAMP"].to_ical() == b"20230728T160000Z"
            assert event["LAST-MODIFIED"].to_ical() == b"20230728T160000Z"
            assert int(event["SEQUENCE"]) == 0

    def test_duplicates_in_the_selection_count_once(self) -> None:
        """A task named twice and a (task, milestone) pair already covered give each event once."""
        task = PLAN.task(8)
        assert len(entries(PLAN, [task, task, (task, task.milestones[1])])) == 2


class TestCalendarProperties:
    """The calendar names itself and tells clients how often to refresh (RFC 7986 §5)."""

    def test_properties(self) -> None:
        """NAME and X-WR-CALNAME, DESCRIPTION, REFRESH-INTERVAL;VALUE=DURATION, X-PUBLISHED-TTL, PRODID,
        time zone.
        """
        calendar = icalendar.Calendar.from_ical(feed([PLAN.task(2)]))
        assert str(calendar["PRODID"]) == PRODID
        assert str(calendar["VERSION"]) == "2.0"
        assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"])
        assert "菏政发〔2023〕11号" in str(calendar["NAME"])
        assert str(calendar["DESCRIPTION"])
        assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
        assert calendar["REFRESH-INTERVAL"].dt == dt.timedelta(days=1)
        assert b"X-PUBLISHED-TTL:P1D" in calendar.to_ical()
        assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Shanghai"
        assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]

    def test_empty_selection_is_still_a_valid_calendar(self) -> None:
        """RFC 5545 §3.4 needs at least one component: an empty feed still has its VTIMEZONE, and parsers
        read it.
        """
        data = feed([PLAN.task(1)])
        assert with_ical(data) == {} == with_vobject(data)
        assert b"BEGIN:VTIMEZONE" in data


class TestBadSelections:
    """A selection that is not tasks or pairs of the plan is refused, saying what was wrong."""

    def test_foreign_milestone(self) -> None:
        """A milestone that is not the task's own."""
        with pytest.raises(ValueError, match="task 2 has no milestone"):
            entries(PLAN, [(PLAN.task(2), PLAN.task(8).milestones[1])])

    def test_entry_out_of_range(self) -> None:
        """Task 2 has one milestone: an entry for its second is refused."""
        with pytest.raises(ValueError, match="task 2 has no milestone number 2"):
            entries(PLAN, [Entry(PLAN.task(2), 2)])

    @pytest.mark.parametrize("item", [8, "8", (8, 0), None])
    def test_not_a_task(self, item: object) -> None:
        """Numbers, strings and other things are not tasks."""
        with pytest.raises(TypeError, match="a selection holds tasks"):
            entries(PLAN, [item])  # type: ignore[list-item]

    def test_naive_revised_time(self) -> None:
        """A revision time must be timezone-aware; a naive one is ambiguous."""
        with pytest.raises(ValueError, match="timezone-aware"):
            FeedOptions(revised=dt.datetime(2023, 10, 1))


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


class TestRfc5545Syntax:
    """Content lines are folded and escaped as RFC 5545 requires, and three parsers agree on the result."""

    def test_folding(self) -> None:
        """RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break. ...
        a CRLF immediately followed by a single linear white-space character", and a multi-octet UTF-8
        character must not be split across lines: every physical line is at most 75 octets and valid UTF-8.
        """
        data = feed()
        lines = physical_lines(data)
        assert max(len(line) for line in lines) <= 75
        assert any(len(line) > 70 for line in lines)  # the Chinese descriptions were folded
        for line in lines:
            line.decode("utf-8")  # raises if a character was cut in two
        assert b"\n" not in data.replace(b"\r\n", b"")

    def test_unfolds_to_the_source_text(self) -> None:
        """Unfolding (removing CRLF + one space) gives back task 8's text from the source unchanged."""
        unfolded = feed([PLAN.task(8)]).replace(b"\r\n ", b"").decode("utf-8")
        assert "研究制定企业全生命周期集成服务体系地方标准。" in unfolded

    def test_escaping(self) -> None:
        """RFC 5545 §3.3.11: "An intentional formatted text line break MUST only be included in a
        TEXT property value by representing the line break with the character sequence of BACKSLASH
        followed by a LATIN SMALL LETTER N or a LATIN CAPITAL LETTER N", and COMMA, SEMICOLON and
        BACKSLASH are escaped with a BACKSLASH. A title with all four comes back unchanged from every
        parser.
        """
        title = "a,b;c\\d\n第二行"
        task = attrs.evolve(PLAN.task(2), title=title)
        plan = attrs.evolve(PLAN, tasks=tuple(task if t.number == 2 else t for t in PLAN.tasks))
        data = build_calendar(plan, [task]).to_ical()
        assert re.search(rb"SUMMARY:2\. a\\,b\\;c\\\\d\\n", data)
        (seen,) = seen_alike(data).values()
        assert seen[0] == f"2. {title}"

    def test_whole_plan_read_alike_by_three_parsers(self) -> None:
        """icalendar, ical (strict) and vobject see the same 123 events with the same fields."""
        assert (
            len(seen_alike(feed())) == 123
        )  # 121 task milestones + 保障措施（一） 印发1个月内 (2023-08-29) + （二） 年内 (2023-12-31): 123.

    def test_todos_parse_strictly(self) -> None:
        """The strict parser accepts the VTODO output too."""
        from ical.calendar_stream import IcsCalendarStream

        calendar = IcsCalendarStream.calendar_from_ics(feed(components=Component.BOTH).decode())
        assert (
            len(calendar.todos) == len(calendar.events) == 123
        )  # 121 task milestones + 保障措施（一） 印发1个月内 (2023-08-29) + （二） 年内 (2023-12-31): 123.


class TestAnyPlan:
    """Properties that hold for every valid plan, not only the Heze one."""

    @given(plans())
    def test_any_plan(self, plan: Plan) -> None:
        """One event per milestone, unique UIDs, three parsers agree, and the bytes repeat."""
        data = build_calendar(plan).to_ical()
        seen = seen_alike(data)
        assert len(seen) == sum(len(t.milestones) for t in plan.tasks)
        assert data == build_calendar(plan).to_ical()
        assert all(len(line) <= 75 for line in physical_lines(data))
