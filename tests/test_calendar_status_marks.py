"""Feeds with a ledger: each event shows its milestone's state, and SEQUENCE moves when that state does.

Expected states come from the shipped sample ledger (examples/ledger-2023-10-15.csv,
invented data) read with the csv module, and from the plan's due dates in the
source text (8月底前 → 2023-08-31, 9月底前 → 2023-09-30, 10月底前 → 2023-10-31),
never from :mod:`heze_plan.progress.assessment`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import uuid
from pathlib import Path

import attrs
import icalendar
import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

import heze_plan
from heze_plan.calendar.entries import milestone_uid
from heze_plan.calendar.feed import PRODID, Component, FeedOptions, StatusSource, build_calendar
from heze_plan.calendar.feed_set import write_feeds
from heze_plan.calendar.revisions import Revisions
from heze_plan.calendar.status_marks import completed_at
from heze_plan.parsing import shipped_errata
from heze_plan.parsing.readings import as_embedded
from heze_plan.progress.ledger import Ledger, MilestoneEntry, Progress
from heze_plan.progress.ledger_files import read_ledger

from .ics_parsers import seen_alike
from .strategies import YEAR_DAYS, milestone_entries, plans

PLAN = heze_plan.load()
#: The plan as main parsed it at a17ac9f, when the reference feed was written: without the errata
#: that came later and change task texts (E7 山东—名校 in 170, E8 菏心意 in 137, E9 驻菏 in 163).
AS_AT_A17AC9F = as_embedded(
    heze_plan.parse(
        heze_plan.source_text(), errata=[e for e in shipped_errata() if e.id not in {"E7", "E8", "E9"}]
    )
)
D = dt.date
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"
REFERENCE = Path(__file__).resolve().parent / "data" / "feeds"
AS_OF = D(2023, 10, 15)
#: The plan's printed date (2023-07-29) and the as-of date, each at midnight China time, in UTC.
PRINTED_STAMP = b"20230728T160000Z"
AS_OF_STAMP = b"20231014T160000Z"


def sample() -> Ledger:
    ledger, problems = read_ledger(SAMPLE, PLAN, as_of=AS_OF)
    assert problems == []
    return ledger


def build(
    selection: object = None,
    ledger: Ledger | None = None,
    as_of: dt.date = AS_OF,
    previous: bytes | None = None,
    **options: object,
) -> bytes:
    status = None if ledger is None else StatusSource(ledger, as_of)
    revisions = Revisions() if previous is None else Revisions.from_ical(previous, prodid=PRODID)
    feed_options = FeedOptions(status=status, **options)  # type: ignore[arg-type]
    return build_calendar(PLAN, selection, feed_options, revisions).to_ical()  # type: ignore[arg-type]


def blocks(data: bytes) -> dict[str, bytes]:
    """Each event's and to-do's exact bytes, by UID."""
    found = re.findall(rb"BEGIN:(VEVENT|VTODO)\r\n(.*?)END:\1\r\n", data, flags=re.DOTALL)
    return {_uid(body): body for _, body in found}


def _uid(body: bytes) -> str:
    match = re.search(rb"^UID:(.*?)\r\n", body, flags=re.MULTILINE)
    assert match is not None
    return match.group(1).decode()


def components(data: bytes, name: str = "VEVENT") -> dict[str, icalendar.cal.Component]:
    return {str(c["UID"]): c for c in icalendar.Calendar.from_ical(data).walk(name)}


def uid(task: int, milestone: int, kind: str = "VEVENT") -> str:
    """The UID of a task's milestone (1-based, as the ledger counts)."""
    return milestone_uid(PLAN, task, milestone, kind)


def sample_rows() -> dict[tuple[int, int], dict[str, str]]:
    """The sample's milestone rows by (task, 1-based milestone), read with the csv module.

    The 时间节点 column holds an index (1, 2) or a due date (2023-08-31), which names the task's
    milestone due that day.
    """
    rows: dict[tuple[int, int], dict[str, str]] = {}
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if not row["时间节点"]:
                continue  # a target's actual, or a task without milestones
            task = PLAN.task(int(row["任务序号"]))
            if "-" in row["时间节点"]:
                due = D.fromisoformat(row["时间节点"])
                (index,) = [i for i, m in enumerate(task.milestones, 1) if m.due == due]
            else:
                index = int(row["时间节点"])
            rows[task.number, index] = row
    return rows


def _no_alarms(block: bytes) -> bytes:
    """An event's or to-do's bytes without its reminders and its content digest (which covers them)."""
    block = re.sub(rb"BEGIN:VALARM\r\n.*?END:VALARM\r\n", b"", block, flags=re.DOTALL)
    return re.sub(rb"X-HEZE-PLAN-HASH:[^\r]*\r\n", b"", block)


class TestWithoutLedger:
    """Without a ledger the feeds are byte-identical to those main wrote before status existed."""

    def test_reference_feed(self) -> None:
        """tests/data/feeds/main-881f546-selection.ics was written by main at 881f546 (tasks 2, 8, 102,
        136 and 149, events and to-dos, for 市行政审批服务局). Issue 13 changed exactly two things: no
        【牵头】 mark or 牵头/责任 category in a unit's feed (one UID, one text in every feed), and
        reminders at 09:00 on working days as absolute times. Everything else is the same: UIDs,
        dates, descriptions, SEQUENCE, stamps and the reminders' number.
        """
        reference = icalendar.Calendar.from_ical((REFERENCE / "main-881f546-selection.ics").read_bytes())
        tasks = [PLAN.task(n) for n in (2, 8, 102, 136, 149)]
        now = icalendar.Calendar.from_ical(build(tasks, components=Component.BOTH, unit="市行政审批服务局"))
        old = [c for c in reference.walk() if c.name in {"VEVENT", "VTODO"}]
        new = [c for c in now.walk() if c.name in {"VEVENT", "VTODO"}]
        assert [str(c["UID"]) for c in new] == [str(c["UID"]) for c in old]
        for before, after in zip(old, new, strict=True):
            assert str(after["SUMMARY"]) == str(before["SUMMARY"]).removeprefix("【牵头】")
            assert [str(c) for c in after["CATEGORIES"].cats] == [str(c) for c in before["CATEGORIES"].cats][
                :1
            ]
            for name in ("DESCRIPTION", "SEQUENCE", "DTSTAMP", "DTSTART", "DUE", "DTEND"):
                if name in before:
                    assert after[name].to_ical() == before[name].to_ical(), name
            assert len(after.walk("VALARM")) == len(before.walk("VALARM"))

    def test_whole_plan_reference(self) -> None:
        """tests/data/feeds/main-a17ac9f-whole-plan-tasks.ics is the feed of all 195 tasks, events and to-dos,
        as main wrote it at a17ac9f (its SHA-256 was the golden digest 75903ed7…3f4d kept since 881f546).
        Issue 13 moved the reminders to working days (absolute triggers, new wording), which also moves
        each event's content digest; everything else is the same bytes, event by event, for the plan as
        parsed then (without E7–E9).
        """
        reference = (REFERENCE / "main-a17ac9f-whole-plan-tasks.ics").read_bytes()
        assert hashlib.sha256(reference).hexdigest().startswith("75903ed7")
        built = build(AS_AT_A17AC9F.tasks, components=Component.BOTH)
        # on failure: which UID's event differs, and how, in readable text
        assert {u: _no_alarms(b).decode() for u, b in blocks(built).items()} == {
            u: _no_alarms(b).decode() for u, b in blocks(reference).items()
        }
        assert [b.count(b"BEGIN:VALARM") for b in blocks(built).values()] == [
            b.count(b"BEGIN:VALARM") for b in blocks(reference).values()
        ]

    @pytest.mark.parametrize("component", [Component.EVENT, Component.TODO])
    def test_whole_plan_one_component(self, component: Component) -> None:
        """The events alone, or the to-dos alone, are those of the reference, byte for byte but for the
        reminders and the digest (issue 13).
        """
        kind = b"VEVENT" if component is Component.EVENT else b"VTODO"
        reference = (REFERENCE / "main-a17ac9f-whole-plan-tasks.ics").read_bytes()
        found = re.findall(
            rb"BEGIN:" + kind + rb"\r\n(.*?)END:" + kind + rb"\r\n", reference, flags=re.DOTALL
        )
        built = {
            u: _no_alarms(b) for u, b in blocks(build(AS_AT_A17AC9F.tasks, components=component)).items()
        }
        assert built == {_uid(body): _no_alarms(body) for body in found}

    def test_later_errata_change_only_their_tasks(self) -> None:
        """E7–E9 change the events of tasks 163 and 170 (137 has no deadline), and nothing else."""
        reference = blocks((REFERENCE / "main-a17ac9f-whole-plan-tasks.ics").read_bytes())
        built = blocks(build(PLAN.tasks, components=Component.BOTH))
        assert set(built) == set(reference)
        changed = {u for u in built if _no_alarms(built[u]) != _no_alarms(reference[u])}
        touched = {
            uid
            for n in (163, 170)
            for i in range(1, len(PLAN.task(n).milestones) + 1)
            for uid in (milestone_uid(PLAN, n, i), milestone_uid(PLAN, n, i, "VTODO"))
        }
        assert changed == touched

    def test_whole_plan_field_by_field(self) -> None:
        """Each event of the reference, read back, says what the plan says: the UID of its name (RFC 4122
        name-based UUID of 菏政发〔2023〕11号/task/N/milestone/M, M from 1), the due day as an all-day event
        with the exclusive end the day after (RFC 5545 §3.6.1), the task's number and title, its area.
        """
        reference = (REFERENCE / "main-a17ac9f-whole-plan-tasks.ics").read_bytes()
        events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(reference).walk("VEVENT")}
        todos = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(reference).walk("VTODO")}
        namespace = uuid.UUID("0b1c7e4e-6d2a-5c55-9d1e-3a7f1f2c8e40")
        expected = set()
        for task in PLAN.tasks:
            for number, milestone in enumerate(task.milestones, 1):
                name = f"菏政发〔2023〕11号/task/{task.number}/milestone/{number}"
                uid = f"{uuid.uuid5(namespace, name)}@heze-plan"
                assert uid == milestone_uid(PLAN, task.number, number)
                expected.add(uid)
                event = events[uid]
                assert event["DTSTART"].dt == milestone.due
                assert event["DTEND"].dt == milestone.due + dt.timedelta(days=1)
                assert str(event["SUMMARY"]).startswith(f"{task.number}. {task.title}")
                if len(task.milestones) > 1:
                    assert f"（节点{number}/{len(task.milestones)}）" in str(event["SUMMARY"])
                assert event["CATEGORIES"].cats == [PLAN.area(task.area).name]
                todo = todos[f"{uuid.uuid5(namespace, name + '/VTODO')}@heze-plan"]
                assert todo["DUE"].dt == milestone.due
        assert set(events) == expected
        assert len(expected) == 121  # the plan's dated milestones, counted in the source text

    def test_silent_ledger_before_any_deadline(self) -> None:
        """An empty ledger read on 2023-08-01 (before the first deadline, 8月底前) marks nothing: every
        event and to-do is byte-identical to the feed without a ledger (same revision time).
        """
        revised = dt.datetime(2023, 8, 1, tzinfo=dt.timezone.utc)
        without = build(components=Component.BOTH, revised=revised)
        silent = build(None, Ledger(), D(2023, 8, 1), components=Component.BOTH, revised=revised)
        assert blocks(silent) == blocks(without)

    @given(plans())
    def test_any_plan_with_a_silent_ledger(self, plan: heze_plan.Plan) -> None:
        """For any plan, an empty ledger on 2023-01-01 (no deadline has passed) changes no event."""
        revised = dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc)
        status = StatusSource(Ledger(), D(2023, 1, 1))
        for component in (Component.EVENT, Component.TODO):
            without = FeedOptions(components=component, revised=revised)
            silent = attrs.evolve(without, status=status)
            assert blocks(build_calendar(plan, None, silent).to_ical()) == blocks(
                build_calendar(plan, None, without).to_ical()
            )


@pytest.fixture(scope="module")
def whole() -> bytes:
    """The whole plan's feed with the sample ledger on 2023-10-15."""
    return build(None, sample())


@pytest.fixture(scope="module")
def todos() -> bytes:
    """To-dos of tasks 2, 8, 102, 136, 149 and 159 with the sample ledger on 2023-10-15."""
    return build([PLAN.task(n) for n in (2, 8, 102, 136, 149, 159)], sample(), components=Component.TODO)


class TestSampleLedger:
    """On 2023-10-15 the sample ledger marks 29 milestones done, 6 overdue and 1 dropped."""

    @pytest.fixture
    def data(self, whole: bytes) -> bytes:
        return whole

    def test_marks_of_the_whole_plan(self, data: bytes) -> None:
        """29 rows are 已完成 with a completion date on or before 2023-10-15; 149 is 已取消; the
        overdue ones are the 32 milestones due in August and September (11 + 21) that the ledger does
        not report done or dropped: 10, 15, 47, 120, 159 and 176.
        """
        rows = sample_rows()
        done = {key for key, row in rows.items() if row["状态"] in {"已完成", "done"}}
        assert len(done) == 29
        summaries = {u: str(e["SUMMARY"]) for u, e in components(data).items()}
        marked = {u: s[: s.index("】") + 1] for u, s in summaries.items() if s.startswith("【")}
        assert {u for u, m in marked.items() if m == "【已完成】"} == {uid(t, m) for t, m in done}
        assert [u for u, m in marked.items() if m == "【已取消】"] == [uid(149, 1)]
        overdue = {uid(t, 1) for t in (10, 15, 47, 120, 159, 176)}
        assert {u for u, m in marked.items() if m == "【逾期】"} == overdue
        # 121 task milestones and the 2 safeguards' deadlines (保障措施（一） 印发1个月内 and
        # （二） 年内), which no ledger row can report: they carry no mark, not even 【逾期】.
        assert len(summaries) == 123
        guards = [s for s in summaries.values() if "保障措施（" in s]
        assert len(guards) == 2
        assert all(s.startswith("保障措施（") for s in guards)

    def test_done_on_time(self, data: bytes) -> None:
        """Task 2 (9月底前, 2023-09-30) was done 2023-09-26: marked done, with the date and the unit."""
        event = components(data)[uid(2, 1)]
        assert str(event["SUMMARY"]) == "【已完成】2. 探索市场主体住所（经营场所）标准化登记"
        lines = str(event["DESCRIPTION"]).split("\n")
        assert lines[0] == "时间节点：9月底前，截止日2023年9月30日（星期六）"
        assert lines[1] == "完成情况：按期完成，完成于2023年9月26日（星期二）"
        assert lines[2] == "填报单位：市行政审批服务局"
        assert "STATUS" not in event

    def test_done_late(self, data: bytes) -> None:
        """Task 102 (8月底前, 2023-08-31) was done 2023-09-12: 12 days late, with the note and evidence."""
        description = str(components(data)[uid(102, 1)]["DESCRIPTION"])
        assert "完成情况：逾期完成，完成于2023年9月12日（星期二），晚于截止日12天" in description
        assert "台账说明：示例数据（虚构，非真实进展）：落实措施9月中旬印发，晚于节点" in description
        assert "佐证材料：https://example.org/heze/102" in description

    def test_done_on_a_holiday(self, data: bytes) -> None:
        """Task 153 was done 2023-09-29 (中秋节, a holiday), before its 9月底前 deadline: on time."""
        description = str(components(data)[uid(153, 1)]["DESCRIPTION"])
        assert "完成情况：按期完成，完成于2023年9月29日（星期五）" in description

    def test_overdue(self, data: bytes) -> None:
        """Task 15 has no row and was due 2023-09-30; task 159 is 推进中 and was due 2023-08-31."""
        events = components(data)
        assert str(events[uid(15, 1)]["SUMMARY"]).startswith("【逾期】15. ")
        assert "完成情况：已逾期，进度台账未报完成" in str(events[uid(15, 1)]["DESCRIPTION"])
        assert "完成情况：已逾期，台账进度为推进中" in str(events[uid(159, 1)]["DESCRIPTION"])
        assert "完成情况：已逾期，台账进度为未启动" in str(events[uid(176, 1)]["DESCRIPTION"])

    def test_dropped(self, data: bytes) -> None:
        """RFC 5545 §3.8.1.11: STATUS "CANCELLED" indicates the event is cancelled; 149 is 已取消."""
        event = components(data)[uid(149, 1)]
        assert str(event["STATUS"]) == "CANCELLED"
        assert str(event["SUMMARY"]) == "【已取消】149. 促进版权产业发展"
        assert "完成情况：已取消" in str(event["DESCRIPTION"])
        assert "本节点按省里部署取消" in str(event["DESCRIPTION"])

    def test_in_progress_not_yet_due(self, data: bytes) -> None:
        """Task 136's two 12月底前 milestones are 推进中 and 未启动: said, not marked."""
        events = components(data)
        for milestone, label in ((1, "推进中"), (2, "未启动")):
            event = events[uid(136, milestone)]
            assert not str(event["SUMMARY"]).startswith("【")
            assert f"完成情况：{label}" in str(event["DESCRIPTION"])

    def test_silent_events_unchanged(self, data: bytes) -> None:
        """Task 8's second milestone (11月底前) has no row: the same bytes as without a ledger."""
        revised = dt.datetime(2023, 10, 14, 16, tzinfo=dt.timezone.utc)
        without = blocks(build(revised=revised))
        assert blocks(data)[uid(8, 2)] == without[uid(8, 2)]

    def test_reminders(self, data: bytes) -> None:
        """Done and dropped milestones lose their reminders; overdue and open ones keep both (7, 1 days)."""
        events = components(data)
        alarms = {
            key: len(list(events[uid(*key)].walk("VALARM"))) for key in [(2, 1), (149, 1), (15, 1), (8, 2)]
        }
        assert alarms == {(2, 1): 0, (149, 1): 0, (15, 1): 2, (8, 2): 2}

    def test_calendar_names_no_date(self, data: bytes) -> None:
        """The calendar's description says what the marks mean but names no date, so that a later as-of
        date with no change of status gives the same bytes.
        """
        calendar = icalendar.Calendar.from_ical(data)
        assert str(calendar["DESCRIPTION"]).endswith(
            "完成情况据进度台账：已完成的标【已完成】，逾期未完成的标【逾期】，已取消的标【已取消】。"
        )
        assert "截至" not in str(calendar["DESCRIPTION"])
        assert str(calendar["X-WR-CALDESC"]) == str(calendar["DESCRIPTION"])

    def test_stamped_with_the_as_of_date(self, data: bytes) -> None:
        """A first feed with a ledger is stamped midnight of its as-of date, China time (not the clock)."""
        stamps = {e["DTSTAMP"].to_ical() for e in components(data).values()}
        assert stamps == {AS_OF_STAMP}

    def test_three_parsers(self, data: bytes) -> None:
        """icalendar, ical and vobject read the marked feed alike, and agree on the cancelled event."""
        assert len(seen_alike(data)) == 123  # 121 task milestones + 2 safeguards' deadlines
        text = data.decode()
        (strict,) = [e for e in IcsCalendarStream.calendar_from_ics(text).events if e.uid == uid(149, 1)]
        assert strict.status is not None
        assert strict.status.value == "CANCELLED"
        (loose,) = [e for e in vobject.readOne(text).vevent_list if e.uid.value == uid(149, 1)]
        assert loose.status.value == "CANCELLED"


class TestTodos:
    """To-dos carry the state in STATUS, COMPLETED, PERCENT-COMPLETE (RFC 5545 3.8.1.11, 3.8.2.1, 3.8.1.8)."""

    @pytest.fixture
    def data(self, todos: bytes) -> bytes:
        return todos

    def test_statuses(self, data: bytes) -> None:
        """COMPLETED for done, CANCELLED for dropped, IN-PROCESS for 推进中, else NEEDS-ACTION."""
        todos = components(data, "VTODO")
        found = {
            key: str(todos[uid(*key, "VTODO")]["STATUS"]) for key in ((2, 1), (102, 1), (149, 1), (159, 1))
        }
        found |= {key: str(todos[uid(*key, "VTODO")]["STATUS"]) for key in ((136, 1), (136, 2), (8, 2))}
        assert found == {
            (2, 1): "COMPLETED",
            (102, 1): "COMPLETED",
            (149, 1): "CANCELLED",
            (159, 1): "IN-PROCESS",
            (136, 1): "IN-PROCESS",
            (136, 2): "NEEDS-ACTION",
            (8, 2): "NEEDS-ACTION",
        }

    def test_completed(self, data: bytes) -> None:
        """RFC 5545 §3.8.2.1: "The value MUST be specified as a date with UTC time": task 102 was done
        2023-09-12, so COMPLETED is 18:00 China time that day, 20230912T100000Z; PERCENT-COMPLETE is 100.
        """
        todo = components(data, "VTODO")[uid(102, 1, "VTODO")]
        assert todo["COMPLETED"].to_ical() == b"20230912T100000Z"
        assert int(todo["PERCENT-COMPLETE"]) == 100
        assert "COMPLETED" not in components(data, "VTODO")[uid(159, 1, "VTODO")]

    def test_completed_time_is_that_day_in_china(self) -> None:
        """Whatever the day, COMPLETED falls on it both in China (UTC+8) and in UTC."""
        for day in (D(2023, 1, 1), D(2023, 9, 29), D(2023, 12, 31)):
            moment = completed_at(day)
            assert moment.tzinfo == dt.timezone.utc
            assert moment.date() == day
            assert (moment + dt.timedelta(hours=8)).date() == day

    def test_strict_and_vobject(self, data: bytes) -> None:
        """ical and vobject read STATUS and COMPLETED as written (ical has no PERCENT-COMPLETE field)."""
        text = data.decode()
        expected = dt.datetime(2023, 9, 12, 10, tzinfo=dt.timezone.utc)
        (strict,) = [
            t for t in IcsCalendarStream.calendar_from_ics(text).todos if t.uid == uid(102, 1, "VTODO")
        ]
        assert strict.status is not None
        assert (strict.status.value, strict.completed) == ("COMPLETED", expected)
        (loose,) = [t for t in vobject.readOne(text).vtodo_list if t.uid.value == uid(102, 1, "VTODO")]
        assert (loose.status.value, loose.completed.value, loose.percent_complete.value) == (
            "COMPLETED",
            expected,
            "100",
        )


class TestSequence:
    """A status change revises exactly the events whose state changed (the calendar issue's rule)."""

    def test_one_milestone_done(self) -> None:
        """The sample without task 2's row, then with it: only task 2's event (and to-do) moves, 0 → 1,
        stamped with the as-of date; the other 245 components (121 + 2 safeguard deadlines, as events
        and to-dos) are byte-identical.
        """
        full = sample()
        before = Ledger([e for e in full.entries if e.key != (2, 1)], full.actuals)
        first = build(None, before, components=Component.BOTH)
        second = build(None, full, components=Component.BOTH, previous=first)
        old, new = blocks(first), blocks(second)
        assert set(old) == set(new)
        assert len(old) == 246
        changed = [u for u in old if old[u] != new[u]]
        assert sorted(changed) == sorted([uid(2, 1), uid(2, 1, "VTODO")])
        event = components(second)[uid(2, 1)]
        assert int(event["SEQUENCE"]) == 1
        assert event["LAST-MODIFIED"].to_ical() == b"20231014T160001Z"

    def test_same_ledger_same_bytes(self) -> None:
        """Regenerating with the same ledger and as-of date changes nothing at all."""
        first = build(None, sample(), components=Component.BOTH)
        assert build(None, sample(), components=Component.BOTH, previous=first) == first

    def test_adding_the_ledger(self) -> None:
        """A feed published without a ledger, regenerated with the sample: the events revised are
        those of the milestones with a row, and task 15 (overdue, no row); each at SEQUENCE 1 and
        stamped 2023-10-15 00:00 China time; the others keep SEQUENCE 0 and the plan's printed date.
        """
        first = build()
        second = build(None, sample(), previous=first)
        expected = {uid(t, m) for t, m in sample_rows()} | {uid(15, 1)}
        events = components(second)
        revised = {u for u, e in events.items() if int(e["SEQUENCE"]) == 1}
        assert revised == expected
        assert {events[u]["LAST-MODIFIED"].to_ical() for u in revised} == {AS_OF_STAMP}
        assert {events[u]["LAST-MODIFIED"].to_ical() for u in set(events) - revised} == {PRINTED_STAMP}
        old, new = blocks(first), blocks(second)
        assert {u for u in old if old[u] != new[u]} == expected

    def test_a_day_without_change(self) -> None:
        """From 2023-10-15 to 2023-10-16 (and on through the week) no state changes: the same bytes."""
        first = build(None, sample())
        for day in range(16, 23):
            assert build(None, sample(), D(2023, 10, day), previous=first) == first

    def test_end_of_october(self) -> None:
        """From 2023-10-31 to 2023-11-01 the 20 milestones due 10月底前 fall due; the sample reports 4
        of them done early (19, 58, 62 and 111), so exactly the other 16 turn 【逾期】 and move to SEQUENCE 1.
        """
        october = {
            uid(t.number, i) for t in PLAN.tasks for i, m in enumerate(t.milestones, 1) if m.due.month == 10
        }
        assert len(october) == 20
        first = build(None, sample(), D(2023, 10, 31))
        second = build(None, sample(), D(2023, 11, 1), previous=first)
        events = components(second)
        moved = {u for u, e in events.items() if int(e["SEQUENCE"]) == 1}
        assert moved == october - {uid(19, 1), uid(58, 1), uid(62, 1), uid(111, 1)}
        assert all(str(events[u]["SUMMARY"]).startswith("【逾期】") for u in moved)
        old, new = blocks(first), blocks(second)
        assert {u for u in old if old[u] != new[u]} == moved

    @given(entry=milestone_entries(), as_of=YEAR_DAYS)
    def test_any_one_row(self, entry: MilestoneEntry, as_of: dt.date) -> None:
        """Adding any valid row to a ledger revises at most that milestone's event and to-do, never
        another; a completion on or before the as-of date always marks it done; three parsers agree.
        """
        task = PLAN.task(entry.task)
        selection = [task, PLAN.task(entry.task % 195 + 1)]
        first = build(selection, Ledger(), as_of, components=Component.BOTH)
        second = build(selection, Ledger([entry]), as_of, components=Component.BOTH, previous=first)
        old, new = blocks(first), blocks(second)
        changed = {u for u in old if old[u] != new[u]}
        if entry.milestone is None:
            assert changed == set()
            return
        assert changed <= {uid(entry.task, entry.milestone), uid(entry.task, entry.milestone, "VTODO")}
        if entry.status is Progress.DONE and entry.completed is not None and entry.completed <= as_of:
            assert str(components(second)[uid(entry.task, entry.milestone)]["SUMMARY"]).startswith(
                "【已完成】"
            )
        seen_alike(second)


class TestFeedSet:
    """``write_feeds`` with a status source marks every feed of the set, and a rerun writes nothing."""

    def test_unit_feed(self, tmp_path: Path) -> None:
        """市文化和旅游局 leads task 149: its feed shows the dropped milestone as the whole plan's does."""
        options = FeedOptions(status=StatusSource(sample(), AS_OF))
        write_feeds(PLAN, tmp_path, options=options)
        (path,) = [p for p in tmp_path.glob("unit-*.ics") if "wen-hua-he-lv-you" in p.name]
        summaries = [str(e["SUMMARY"]) for e in components(path.read_bytes()).values()]
        assert "【已取消】149. 促进版权产业发展" in summaries
        report = write_feeds(PLAN, tmp_path, options=options)
        assert report.written == ()


class TestBadStatusSource:
    """A status source must be a ledger and a date; anything else is refused, naming the field."""

    @pytest.mark.parametrize("as_of", [dt.datetime(2023, 10, 15, 9), "2023-10-15", None])
    def test_as_of_must_be_a_date(self, as_of: object) -> None:
        with pytest.raises(ValueError, match=r"StatusSource\.as_of must be a date"):
            StatusSource(Ledger(), as_of)  # type: ignore[arg-type]

    def test_ledger_must_be_a_ledger(self) -> None:
        with pytest.raises(TypeError, match="ledger"):
            StatusSource([], AS_OF)  # type: ignore[arg-type]

    def test_options_take_a_status_source(self) -> None:
        with pytest.raises(TypeError, match="status"):
            FeedOptions(status=sample())  # type: ignore[arg-type]

    def test_explicit_revision_time_wins(self) -> None:
        """--revised (FeedOptions.revised) is used as given, even with a ledger."""
        revised = dt.datetime(2023, 10, 20, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        data = build([PLAN.task(2)], sample(), revised=revised)
        assert {e["DTSTAMP"].to_ical() for e in components(data).values()} == {b"20231020T010000Z"}

    def test_evolve_keeps_the_source(self) -> None:
        """Feed-set options derived with attrs.evolve keep the status source."""
        options = FeedOptions(status=StatusSource(Ledger(), AS_OF))
        assert attrs.evolve(options, name="x").status == options.status

    @given(st.dates(min_value=D(2022, 1, 1), max_value=D(2023, 7, 27)))
    def test_as_of_before_the_printed_date(self, as_of: dt.date) -> None:
        """An as-of date before the plan was printed never stamps events earlier than the plan's date."""
        data = build([PLAN.task(2)], Ledger(), as_of)
        assert {e["DTSTAMP"].to_ical() for e in components(data).values()} == {PRINTED_STAMP}
