"""The safeguards' deadlines: which they are, who must act on them, their UIDs and their events."""

from __future__ import annotations

import datetime as dt

import attrs
import icalendar
import pytest

import heze_plan
from heze_plan.calendar.entries import milestone_uid
from heze_plan.calendar.feed import PRODID, Component, FeedOptions, build_calendar
from heze_plan.calendar.revisions import HASH_PROPERTY, Revisions
from heze_plan.calendar.safeguards import SafeguardEntry, actors, safeguard_entries, safeguard_uid, subject
from heze_plan.calendar.status_marks import StatusSource
from heze_plan.model.plan import Milestone, Plan, Safeguard
from heze_plan.progress.ledger import Ledger

from .ics_parsers import seen_alike, with_ical, with_vobject

PLAN = heze_plan.load()
#: 四、保障措施（一）, its last sentence.
FIRST = "各县区、市直领域牵头部门要在本行动计划印发1个月内制定具体落实方案，并报市营转办备案。"
#: The area lead departments (领域牵头部门) of the source's 21 area headings, e.g. （三）获得电力
#: （市发展改革委、国网菏泽供电公司牵头）.
AREA_LEADS = {name for area in PLAN.areas for name in area.lead_units}
COUNTIES = "各县区政府、管委会"


def first() -> SafeguardEntry:
    (entry,) = [e for e in safeguard_entries(PLAN) if e.safeguard.number == 1]
    return entry


def second() -> SafeguardEntry:
    (entry,) = [e for e in safeguard_entries(PLAN) if e.safeguard.number == 2]
    return entry


def event_of(data: bytes, entry: SafeguardEntry, kind: str = "VEVENT") -> icalendar.cal.Component:
    uid = safeguard_uid(PLAN, entry.safeguard.number, entry.index, kind)
    (event,) = [e for e in icalendar.Calendar.from_ical(data).walk(kind) if str(e["UID"]) == uid]
    return event


@pytest.fixture(scope="module")
def data() -> bytes:
    """The whole plan's feed."""
    return build_calendar(PLAN).to_ical()


def with_safeguard(text: str, phrase: str = "印发2个月内") -> Plan:
    """The plan with one invented safeguard whose text sets one deadline."""
    milestone = Milestone(due=dt.date(2023, 9, 29), phrase=phrase, deliverable="报送工作方案")
    safeguard = Safeguard(number=1, title="加强组织领导", text=text, milestones=(milestone,))
    return attrs.evolve(PLAN, safeguards=(safeguard,))


class TestWhichDeadlines:
    """The source's safeguards set two deadlines of their own, in no task."""

    def test_two_deadlines(self) -> None:
        """（一） 印发1个月内 (printed 2023-07-29, so 2023-08-29) and （二） 市直各领域年内 (2023-12-31)."""
        found = [(e.safeguard.number, e.milestone.phrase, e.milestone.due) for e in safeguard_entries(PLAN)]
        assert found == [(1, "印发1个月内", dt.date(2023, 8, 29)), (2, "年内", dt.date(2023, 12, 31))]
        assert PLAN.document.printed == dt.date(2023, 7, 29)
        assert FIRST in first().safeguard.text

    def test_subject_is_the_sentence_up_to_the_phrase(self) -> None:
        """Who must act is written before 印发1个月内; 报市营转办备案 after it names a recipient."""
        assert subject(first()) == "各县区、市直领域牵头部门要在本行动计划"
        assert subject(second()).endswith("市直各领域")


class TestWhoMustAct:
    """The deadline's subject names who must act: area lead departments, the counties, named units."""

    def test_first_safeguard(self) -> None:
        """各县区、市直领域牵头部门: every area's lead units (18 distinct in 21 areas) and the counties,
        no one else: not 市营转办 (it receives the plans) nor 各县区法院 (courts, not named here).
        """
        who = actors(PLAN, first())
        assert set(who) == AREA_LEADS | {COUNTIES}
        assert {"市发展改革委", "国网菏泽供电公司", "市委依法治市办"} <= set(who)  # （三） and （二十一）
        assert len(AREA_LEADS) == 18
        assert "市营转办" not in who
        assert "各县区法院" not in who

    def test_second_safeguard(self) -> None:
        """市直各领域年内…: the areas' lead departments; the counties' sentence (参照市直部门执行) has no
        deadline.
        """
        assert set(actors(PLAN, second())) == AREA_LEADS

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("市商务局要在本方案印发2个月内报送工作方案。", {"市商务局"}),
            ("各县区要在本方案印发2个月内报送工作方案。", {COUNTIES}),
            ("各领域牵头单位要在本方案印发2个月内报送工作方案。", AREA_LEADS),
            # （一） 各领域责任单位要按照职责分工和时间节点，配合牵头单位抓好工作落实: their tasks
            ("各领域责任单位要在本方案印发2个月内报送工作方案。", {"responsible units"}),
            ("要在本方案印发2个月内报送工作方案，并报市商务局备案。", set()),
            ("各县区法院要在本方案印发2个月内报送工作方案。", {"各县区法院"}),
        ],
    )
    def test_rule_on_other_texts(self, text: str, expected: set[str]) -> None:
        """The rule reads the text, it does not know Heze's sentence: each subject gives its units."""
        plan = with_safeguard(text)
        (entry,) = safeguard_entries(plan)
        if expected == {"responsible units"}:
            expected = {u for task in plan.tasks for u in task.responsible_units}
        assert set(actors(plan, entry)) == expected

    def test_nobody_named_is_said(self) -> None:
        """A deadline whose text names no one says so in its event."""
        plan = with_safeguard("要在本方案印发2个月内报送工作方案。")
        data = build_calendar(plan).to_ical()
        (event,) = [
            e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if "保障措施" in e["SUMMARY"]
        ]
        assert "责任主体：未指明（见保障措施原文）" in str(event["DESCRIPTION"])


class TestUid:
    """A safeguard deadline's UID is its own, stable, and never a task's."""

    def test_distinct_from_every_task_uid(self) -> None:
        """No UID of the 121 task milestones is a safeguard deadline's."""
        tasks = {
            milestone_uid(PLAN, t.number, i) for t in PLAN.tasks for i in range(1, len(t.milestones) + 1)
        }
        guards = {safeguard_uid(PLAN, e.safeguard.number, e.index) for e in safeguard_entries(PLAN)}
        assert len(guards) == 2
        assert not tasks & guards
        # not even the same numbers: task 1 has no milestone, but its UID name would differ anyway
        assert safeguard_uid(PLAN, 1, 1) != milestone_uid(PLAN, 1, 1)

    def test_independent_of_selection(self) -> None:
        """The same UID in the whole plan, in the deadline alone and in a unit's feed."""
        uid = safeguard_uid(PLAN, 1, 1)
        for selection in (None, [first()], [second(), first(), PLAN.task(8)]):
            data = build_calendar(PLAN, selection, FeedOptions(unit="市发展改革委")).to_ical()
            assert uid in {str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}

    def test_event_and_todo_differ_and_document_counts(self) -> None:
        """The to-do has a UID of its own; another document's safeguard is another event."""
        assert safeguard_uid(PLAN, 1, 1, "VTODO") != safeguard_uid(PLAN, 1, 1)
        other = attrs.evolve(PLAN, document=attrs.evolve(PLAN.document, number="菏政发〔2024〕1号"))
        assert safeguard_uid(other, 1, 1) != safeguard_uid(PLAN, 1, 1)


class TestEvent:
    """The event says when, what, who and where in the plan, like a task's."""

    def test_dates(self, data: bytes) -> None:
        """All day on 2023-08-29 (DTEND exclusive, RFC 5545 §3.6.1), transparent."""
        event = event_of(data, first())
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert (event["DTSTART"].dt, event["DTEND"].dt) == (dt.date(2023, 8, 29), dt.date(2023, 8, 30))
        assert str(event["TRANSP"]) == "TRANSPARENT"

    def test_summary_and_category(self, data: bytes) -> None:
        """The title names the safeguard and the deliverable; the category is 保障措施, not an area."""
        event = event_of(data, first())
        assert str(event["SUMMARY"]) == "保障措施（一） 持续加大统筹协调力度：制定具体落实方案"
        assert [str(c) for c in event["CATEGORIES"].cats] == ["保障措施"]

    def test_description(self, data: bytes) -> None:
        """2023-08-29 is a Tuesday and a working day: no working-day note; the deliverable, who must act
        and the safeguard's text follow.
        """
        lines = str(event_of(data, first())["DESCRIPTION"]).split("\n")
        assert (
            lines[0]
            == "时间节点：印发1个月内，截止日2023年8月29日（星期二），本方案印发于2023年7月29日（星期六）"
        )
        assert lines[1] == "交付成果：制定具体落实方案，并报市营转办备案"
        who = lines[2].removeprefix("责任主体：").split("；")
        assert set(who) == AREA_LEADS | {COUNTIES}
        assert lines[3].startswith("保障措施原文：（一）持续加大统筹协调力度。")
        assert lines[3].endswith(FIRST)
        assert lines[4].startswith("来源：菏政发〔2023〕11号")

    def test_working_day_note(self, data: bytes) -> None:
        """年内 is 2023-12-31, a Sunday: the note names Friday 2023-12-29, as for task events."""
        lines = str(event_of(data, second())["DESCRIPTION"]).split("\n")
        assert lines[1] == (
            "注意：截止日2023年12月31日（星期日）不是工作日（周末），此前最后一个工作日是2023年12月29日（星期五）。"
        )

    def test_three_parsers(self) -> None:
        """icalendar, ical (strict) and vobject read the deadlines alike, to-dos too."""
        data = build_calendar(PLAN, [first(), second()]).to_ical()
        seen = seen_alike(data)
        assert set(seen) == {safeguard_uid(PLAN, 1, 1), safeguard_uid(PLAN, 2, 1)}
        assert seen[safeguard_uid(PLAN, 1, 1)][2:5] == (
            dt.date(2023, 8, 29),
            dt.date(2023, 8, 30),
            ("保障措施",),
        )
        assert with_ical(data) == with_vobject(data)
        both = build_calendar(PLAN, [first()], FeedOptions(components=Component.BOTH)).to_ical()
        from ical.calendar_stream import IcsCalendarStream

        (todo,) = IcsCalendarStream.calendar_from_ics(both.decode()).todos
        assert todo.due == dt.date(2023, 8, 29)

    def test_bad_entry(self) -> None:
        """An entry past a safeguard's milestones is refused, naming the safeguard and the number."""
        with pytest.raises(ValueError, match="safeguard 1 has no milestone number 2"):
            build_calendar(PLAN, [SafeguardEntry(first().safeguard, 2)])

    def test_order(self, data: bytes) -> None:
        """In the feed by due date: the August deadline among August's, before those of its own day."""
        dates = [e["DTSTART"].dt for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
        assert dates == sorted(dates)


class TestRevisions:
    """Regenerating keeps the deadline's SEQUENCE; a ledger never marks it."""

    def test_regenerate_unchanged(self) -> None:
        """The second run, reading the first, writes the same bytes: SEQUENCE stays 0."""
        first_run = build_calendar(PLAN).to_ical()
        again = build_calendar(PLAN, None, None, Revisions.from_ical(first_run, prodid=PRODID))
        assert again.to_ical() == first_run
        assert int(event_of(first_run, first())["SEQUENCE"]) == 0

    def test_ledger_leaves_it_unmarked(self) -> None:
        """On 2023-10-15 the 2023-08-29 deadline has passed, but no ledger row can report it: same content."""
        plain = event_of(build_calendar(PLAN).to_ical(), first())
        status = FeedOptions(status=StatusSource(Ledger(), dt.date(2023, 10, 15)))
        marked = event_of(build_calendar(PLAN, None, status).to_ical(), first())
        assert str(marked["SUMMARY"]) == str(plain["SUMMARY"])
        assert str(marked[HASH_PROPERTY]) == str(plain[HASH_PROPERTY])
        assert len(marked.walk("VALARM")) == 2
