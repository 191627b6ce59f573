"""Tests of the status on a date: states around deadlines, working days, scoreboards, targets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import heze_plan
from heze_plan.model.plan import Plan
from heze_plan.progress.assessment import (
    Attainment,
    State,
    Status,
    classify,
    milestone_status,
    status,
    target_due,
)
from heze_plan.progress.ledger import Ledger, MilestoneEntry, Progress, TargetActual
from heze_plan.progress.ledger_files import read_ledger

from .strategies import YEAR_DAYS

#: The sample ledger shipped in examples/ (plausible, invented data).
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"
D = dt.date
#: 9月底前: the deadline of task 8's first milestone (建立健全线上集成服务专栏…).
END_SEPTEMBER = D(2023, 9, 30)
#: 10月底前.
END_OCTOBER = D(2023, 10, 31)


def done(day: dt.date) -> MilestoneEntry:
    return MilestoneEntry(task=8, milestone=1, status=Progress.DONE, completed=day)


IN_PROGRESS = MilestoneEntry(task=8, milestone=1, status=Progress.IN_PROGRESS)


class TestAroundTheDeadline:
    """A milestone is judged by its due date: before, on and after it, done or not."""

    @pytest.mark.parametrize(
        ("entry", "as_of", "state"),
        [
            (None, D(2023, 8, 1), State.NOT_YET_DUE),
            (IN_PROGRESS, D(2023, 9, 30), State.DUE_SOON),  # the due day itself is not late
            (IN_PROGRESS, D(2023, 10, 1), State.OVERDUE),
            (None, D(2023, 12, 31), State.OVERDUE),
            (done(D(2023, 9, 30)), D(2023, 9, 30), State.DONE_ON_TIME),
            (done(D(2023, 9, 12)), D(2023, 10, 15), State.DONE_ON_TIME),
            (done(D(2023, 10, 1)), D(2023, 10, 15), State.DONE_LATE),  # a holiday is still after 9月底
            # As of a day before the completion, the milestone was not done yet.
            (done(D(2023, 9, 27)), D(2023, 9, 20), State.NOT_YET_DUE),
            (done(D(2023, 10, 9)), D(2023, 10, 3), State.OVERDUE),
        ],
    )
    def test_states(self, entry: MilestoneEntry | None, as_of: dt.date, state: State) -> None:
        assert classify(END_SEPTEMBER, entry, as_of) is state

    def test_dropped_and_ongoing(self) -> None:
        dropped = MilestoneEntry(task=8, milestone=1, status=Progress.DROPPED, note="按省里部署取消")
        assert classify(END_SEPTEMBER, dropped, D(2023, 12, 1)) is State.DROPPED
        assert classify(None, None, D(2023, 12, 1)) is State.ONGOING
        assert classify(None, dropped, D(2023, 12, 1)) is State.DROPPED


class TestWorkingDays:
    """ "Due soon" counts China's working days: the National Day holiday and its make-up days."""

    def test_last_working_day_before_a_holiday_deadline(self) -> None:
        """9月底前 = 2023-09-30, a Saturday in the holiday 09-29..10-06; 09-28 is the last working day."""
        assert classify(END_SEPTEMBER, None, D(2023, 9, 28), within=0) is State.DUE_SOON
        # 2023-09-25 (Mon) → 26, 27, 28 are the working days left.
        assert classify(END_SEPTEMBER, None, D(2023, 9, 25), within=3) is State.DUE_SOON
        assert classify(END_SEPTEMBER, None, D(2023, 9, 25), within=2) is State.NOT_YET_DUE

    def test_as_of_inside_the_national_day_holiday(self, plan: Plan) -> None:
        """From 2023-10-03 to 10月底: 10-07 and 10-08 (make-up), 10-09..13, 16..20, 23..27, 30, 31 = 19."""
        assert classify(END_OCTOBER, None, D(2023, 10, 3), within=19) is State.DUE_SOON
        assert classify(END_OCTOBER, None, D(2023, 10, 3), within=18) is State.NOT_YET_DUE
        item = milestone_status(plan, Ledger(), 8, 1, as_of=D(2023, 10, 3))  # 9月底前, not reported
        assert (item.state, item.days_late, item.working_days_left) == (State.OVERDUE, 3, 0)

    def test_a_week_before_the_end_of_october(self) -> None:
        """2023-10-24 (Tue): 25, 26, 27, 30, 31 are five working days; from 10-23 there are six."""
        assert classify(END_OCTOBER, None, D(2023, 10, 24)) is State.DUE_SOON
        assert classify(END_OCTOBER, None, D(2023, 10, 23)) is State.NOT_YET_DUE

    @given(YEAR_DAYS, YEAR_DAYS, st.integers(0, 30))
    def test_states_move_forward_only(self, first: dt.date, second: dt.date, within: int) -> None:
        """Without a completion, a milestone moves from not yet due to due soon to overdue, never back."""
        order = [State.NOT_YET_DUE, State.DUE_SOON, State.OVERDUE]
        early, late = sorted((first, second))
        assert order.index(classify(END_OCTOBER, None, early, within)) <= order.index(
            classify(END_OCTOBER, None, late, within)
        )


class TestMilestoneStatus:
    """One call gives one milestone's state on a date, as a calendar feed needs it."""

    def test_task_136_by_index(self, plan: Plan) -> None:
        ledger = Ledger(
            entries=(MilestoneEntry(task=136, milestone=2, status=Progress.DONE, completed=D(2023, 12, 20)),)
        )
        first = milestone_status(plan, ledger, 136, 1, as_of=D(2024, 1, 2))
        second = milestone_status(plan, ledger, 136, 2, as_of=D(2024, 1, 2))
        assert (first.state, second.state) == (State.OVERDUE, State.DONE_ON_TIME)
        assert second.deliverable.startswith("引导各县区打造一批主动提醒")

    def test_errors_name_the_choices(self, plan: Plan) -> None:
        with pytest.raises(ValueError, match=r"task 8 has 2 milestone\(s\): give the index \(1..2\)"):
            milestone_status(plan, Ledger(), 8, None, as_of=D(2023, 10, 1))
        with pytest.raises(ValueError, match="task 8 has no milestone 3"):
            milestone_status(plan, Ledger(), 8, 3, as_of=D(2023, 10, 1))
        with pytest.raises(KeyError, match="no task 196"):
            milestone_status(plan, Ledger(), 196, 1, as_of=D(2023, 10, 1))

    def test_task_without_milestone(self, plan: Plan) -> None:
        item = milestone_status(plan, Ledger(), 1, None, as_of=D(2023, 10, 1))
        assert (item.state, item.due, item.working_days_left) == (State.ONGOING, None, None)


class TestSampleReport:
    """On 2023-10-15 the sample ledger gives the states its rows imply."""

    @pytest.fixture
    def result(self, plan: Plan) -> Status:
        ledger, problems = read_ledger(SAMPLE, plan, as_of=D(2023, 10, 15))
        assert problems == []
        return status(plan, ledger, as_of=D(2023, 10, 15))

    def test_counts(self, result: Status) -> None:
        # 121 milestones + 87 tasks without one (the plan's facts).
        assert len(result.items) == 208
        assert result.count(State.ONGOING) == 87
        # Due by 10-15: 11 in August and 21 in September = 32; the sample settles them as:
        # 21 on time, 4 late (11, 102, 146, 160), 1 dropped (149), 6 overdue (10, 15, 47, 120, 159, 176).
        assert result.count(State.DONE_LATE) == 4
        assert result.count(State.OVERDUE) == 6
        assert result.count(State.DROPPED) == 1
        # Four October milestones were done early (19, 58, 62.1, 111): on time too.
        assert result.count(State.DONE_ON_TIME) == 21 + 4
        # 12 working days remain to 10月底 from Sunday 2023-10-15: nothing is due within 5.
        assert result.count(State.DUE_SOON) == 0

    def test_overdue_items(self, result: Status) -> None:
        overdue = {(i.task, i.milestone): i.days_late for i in result.items if i.state is State.OVERDUE}
        assert overdue == {(10, 1): 15, (15, 1): 15, (47, 1): 15, (120, 1): 15, (159, 1): 45, (176, 1): 15}

    def test_scoreboard_of_a_lead_unit(self, result: Status) -> None:
        """市法院 leads 64, 90 (on time), 62.1 (early), 146 (late) and 159 (overdue, with 市发展改革委)."""
        court = next(s for s in result.by_unit if s.name == "市法院")
        assert court.counts[State.DONE_ON_TIME] == 3
        assert court.counts[State.DONE_LATE] == 1
        assert court.counts[State.OVERDUE] == 1
        assert court.on_time_rate == pytest.approx(3 / 5)

    def test_scoreboard_of_an_area(self, result: Status) -> None:
        """（一）开办企业: 2, 3, 8.1 done on time; nothing late or overdue."""
        area = result.by_area[0]
        assert area.name == "（一）开办企业"
        assert area.on_time_rate == 1.0
        assert area.total == 10

    def test_unit_filter(self, plan: Plan) -> None:
        ledger, _ = read_ledger(SAMPLE, plan)
        result = status(plan, ledger, as_of=D(2023, 10, 15), unit="市科技局")
        assert sorted({i.task for i in result.led()}) == [161, 162, 163, 164, 165]
        # 责任单位：…市科技局… in tasks 110, 141 and 186 of the source text.
        assert sorted({i.task for i in result.responsible()}) == [110, 141, 186]
        assert result.shared == {110, 141, 186}
        # The lead scoreboard names every lead unit of these tasks; the responsible one counts 市科技局
        # for its three shared tasks' milestones (110: 1, 141: 1, 186: none, so the task itself).
        assert "市科技局" in [s.name for s in result.by_unit]
        shared = next(s for s in result.by_responsible if s.name == "市科技局")
        assert shared.total == 3

    def test_earlier_as_of_sees_less(self, plan: Plan) -> None:
        """Read without an as-of date, it answers for 2023-09-28: later completions had not happened."""
        ledger, _ = read_ledger(SAMPLE, plan)
        result = status(plan, ledger, as_of=D(2023, 9, 28))
        states = {(i.task, i.milestone): i.state for i in result.items}
        assert states[(3, 1)] is State.DONE_ON_TIME  # completed 2023-09-28
        assert states[(153, 1)] is State.DUE_SOON  # completed 2023-09-29, a holiday
        assert states[(11, 1)] is State.DUE_SOON  # completed later, on 2023-10-10


class TestTargets:
    """Actuals are compared with their targets' comparators; what is missing is listed as such."""

    def test_sample(self, plan: Plan) -> None:
        ledger, _ = read_ledger(SAMPLE, plan)
        result = status(plan, ledger, as_of=D(2023, 10, 15))
        by_key = {(t.task, t.index): t for t in result.targets}
        assert len(result.targets) == 64  # tests/data/expected_targets.csv
        # 引进青年人才2.7万人以上 by 12月底: 23 650 on 10-15 is not yet met, 3 350 short.
        youth = by_key[(170, 3)]
        assert (youth.attainment, youth.gap, youth.due) == (Attainment.NOT_YET_MET, -3350, D(2023, 12, 31))
        assert by_key[(109, 1)].attainment is Attainment.MET  # 84.6% ≥ 80%
        assert by_key[(53, 1)].attainment is Attainment.MET  # 11.2 ≤ 13 小时
        assert by_key[(175, 1)].attainment is Attainment.MET  # 6 ≤ 不超过10家
        assert by_key[(164, 1)].attainment is Attainment.MET  # 9.4 ≈ 10%左右
        assert by_key[(23, 1)].attainment is Attainment.NOT_COMPARABLE  # 高于全省平均水平
        assert by_key[(19, 1)].attainment is Attainment.NO_ACTUAL
        assert sum(1 for t in result.targets if t.attainment is Attainment.NO_ACTUAL) == 64 - 13

    def test_latest_actual_as_of(self, plan: Plan) -> None:
        ledger, _ = read_ledger(SAMPLE, plan)
        youth = next(
            t for t in status(plan, ledger, as_of=D(2023, 10, 1)).targets if (t.task, t.index) == (170, 3)
        )
        assert youth.actual is not None
        assert youth.actual.value == 21800

    @pytest.mark.parametrize(
        ("task", "index", "value", "as_of", "attainment"),
        [
            (170, 1, 8, D(2023, 9, 30), Attainment.MET),  # 8人以上: 8 meets it
            (170, 1, 7, D(2023, 9, 30), Attainment.NOT_YET_MET),  # on the due day, still time
            (170, 1, 7, D(2023, 10, 1), Attainment.NOT_MET),  # 9月底前 has passed
            (145, 1, 12, D(2023, 12, 31), Attainment.NOT_YET_MET),  # 超过12项: 12 is not more than 12
            (145, 1, 13, D(2023, 12, 31), Attainment.MET),
            (175, 1, 11, D(2023, 12, 31), Attainment.NOT_YET_MET),  # 不超过10家
            (164, 1, 11.0, D(2023, 12, 31), Attainment.MET),  # 10%左右: within ±10% of 10
            (164, 1, 11.5, D(2023, 12, 31), Attainment.NOT_YET_MET),
            (55, 2, 2, D(2023, 12, 31), Attainment.MET),  # 2—3期 (after 全部实现“全程网办”)
            (55, 2, 4, D(2023, 12, 31), Attainment.NOT_YET_MET),
            (
                140,
                2,
                16,
                D(2023, 12, 31),
                Attainment.MET,
            ),  # 建设15处 (after 15分钟…服务圈): 15 or more meets it
        ],
    )
    def test_comparators(  # noqa: PLR0917 - one parameter per column of the table above
        self,
        plan: Plan,
        task: int,
        index: int,
        value: float,
        as_of: dt.date,
        attainment: Attainment,
    ) -> None:
        actual = TargetActual(task=task, target=index, value=value, as_of=as_of)
        result = status(plan, Ledger(actuals=(actual,)), as_of=as_of)
        (found,) = [t for t in result.targets if (t.task, t.index) == (task, index)]
        assert found.attainment is attainment

    def test_range_gap(self, plan: Plan) -> None:
        actual = TargetActual(task=55, target=2, value=4, as_of=D(2023, 10, 1))
        (found,) = [
            t
            for t in status(plan, Ledger(actuals=(actual,)), as_of=D(2023, 10, 1)).targets
            if (t.task, t.index) == (55, 2)
        ]
        assert found.gap == 1  # one above the upper bound 3

    def test_within_must_not_be_negative(self, plan: Plan) -> None:
        with pytest.raises(ValueError, match="within must be zero or more"):
            status(plan, Ledger(), as_of=D(2023, 10, 1), within=-1)


class TestDocs:
    """The examples in docs/ledger.md run and give what the page says."""

    def test_doctests(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import doctest

        root = Path(__file__).resolve().parent.parent
        monkeypatch.chdir(root)
        failures, tried = doctest.testfile(str(root / "docs" / "ledger.md"), module_relative=False)
        assert (failures, tried > 0) == (0, True)


class TestReviewFixes:
    """A task with no deadline can be reported done; a unit may be named by its short form."""

    def test_ongoing_task_reported_done(self, plan: Plan) -> None:
        # task 9 has no deadline phrase (全面提升市场主体建设水平): done on a date means done, never late
        done = MilestoneEntry(task=9, milestone=None, status=Progress.DONE, completed=D(2023, 9, 1))
        item = milestone_status(plan, Ledger(entries=(done,)), 9, None, as_of=D(2023, 10, 1))
        assert item.state is State.DONE_ON_TIME
        assert (
            milestone_status(plan, Ledger(entries=(done,)), 9, None, as_of=D(2023, 8, 1)).state
            is State.ONGOING
        )

    def test_unit_by_short_name(self, plan: Plan) -> None:
        by_short = status(plan, Ledger(), as_of=D(2023, 10, 15), unit="科技局")
        by_name = status(plan, Ledger(), as_of=D(2023, 10, 15), unit="市科技局")
        assert by_short.unit == "市科技局"
        assert by_short.items == by_name.items
        # 市科技局 leads tasks 161..165 (area 18), read from the source
        assert sorted({i.task for i in by_short.led()}) == [161, 162, 163, 164, 165]

    def test_a_county_through_its_collective(self, plan: Plan) -> None:
        """曹县 acts through 各县区政府、管委会 (and 有关县区政府、管委会), which lead no task."""
        result = status(plan, Ledger(), as_of=D(2023, 10, 15), unit="曹县")
        assert result.unit == "曹县"
        assert result.led() == ()
        assert len({i.task for i in result.responsible()}) == 171  # as `tasks --unit 曹县人民政府`
        through = {s.name: s.total for s in result.by_responsible if "县区政府" in s.name}
        assert sum(through.values()) == len(result.items)  # every item comes through one of them

    def test_unknown_unit_is_an_error(self, plan: Plan) -> None:
        from heze_plan.query.lookup import UnitLookupError

        with pytest.raises(UnitLookupError, match="unknown unit '市科学局'"):
            status(plan, Ledger(), as_of=D(2023, 10, 15), unit="市科学局")


class TestTargetDue:
    """A target is due with the milestone that states it, else at the end of the plan year."""

    def test_with_milestones(self, plan: Plan) -> None:
        # 170. …9月底前，…新增领军人才8人以上。12月底前，…开展10场…吸引集聚…2.7万人以上
        dues = [target_due(plan, plan.task(170), t) for t in plan.task(170).targets]
        assert dues == [dt.date(2023, 9, 30), dt.date(2023, 12, 31), dt.date(2023, 12, 31)]

    def test_for_the_year(self, plan: Plan) -> None:
        # 55. …每月组织编发2—3期: a monthly rate, stated with no deadline of its own (its second
        # target; the first, 全部实现“全程网办”, is due with 12 月底前)
        target = plan.task(55).targets[1]
        assert target.phrase == "2—3期"
        assert target.milestone is None
        assert target_due(plan, plan.task(55), target) == plan.horizon == dt.date(2023, 12, 31)


class TestAsOfAsText:
    """``status`` and ``milestone_status`` take ``as_of`` as text by the rule of options and ledgers.

    Expected states from the source: task 8's first milestone is 9月底前 (2023-09-30), so on 2023-10-15
    with an empty ledger it is overdue, and on 2023-09-01 it is not yet due.
    """

    @pytest.mark.parametrize("text", ["2023-10-15", "2023/10/15", "2023.10.15", " 20231015 "])
    def test_text_is_the_date(self, text: str) -> None:
        """Text in any of the forms people write gives the same result as the date itself."""
        plan = heze_plan.load()
        by_text = status(plan, Ledger(), as_of=text)
        assert by_text == status(plan, Ledger(), as_of=dt.date(2023, 10, 15))
        assert by_text.as_of == dt.date(2023, 10, 15)
        assert milestone_status(plan, Ledger(), 8, 1, as_of=text).state is State.OVERDUE
        assert milestone_status(plan, Ledger(), 8, 1, as_of="2023-09-01").state is not State.OVERDUE

    @pytest.mark.parametrize("text", ["2023-10-32", "2023-02-29", "10/15/2023", "soon", ""])
    def test_bad_text(self, text: str) -> None:
        """Text that is no date is a ValueError that names the argument and quotes the text."""
        with pytest.raises(ValueError, match="as_of") as caught:
            status(heze_plan.load(), Ledger(), as_of=text)
        assert repr(text) in str(caught.value)
        with pytest.raises(ValueError, match="as_of"):
            milestone_status(heze_plan.load(), Ledger(), 8, 1, as_of=text)

    @pytest.mark.parametrize("value", [20231015, None, dt.datetime(2023, 10, 15, 9), 2023.1015])
    def test_bad_type(self, value: object) -> None:
        """A number, None or a date-time is a TypeError naming the argument, not a failed comparison later."""
        with pytest.raises(TypeError, match="as_of must be a date"):
            status(heze_plan.load(), Ledger(), as_of=value)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="as_of must be a date"):
            milestone_status(heze_plan.load(), Ledger(), 8, 1, as_of=value)  # type: ignore[arg-type]
