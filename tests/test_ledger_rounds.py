"""Tests of a ledger of several monthly rounds (数据截至) and the report's view of them over time."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from heze_plan.cli import main
from heze_plan.model.plan import Plan
from heze_plan.progress import State, read_ledger, status, with_history

D = dt.date
#: Task 8's first milestone is due 2023-09-30 (9月底前), its second 2023-11-30 (11月底前); task 2's first
#: is due 2023-09-30. Both are led by 市行政审批服务局.
ROUNDS = (
    "任务序号,时间节点,状态,完成日期,数据截至,填报单位\n"
    "8,1,推进中,,2023-08-31,市行政审批服务局\n"
    "8,1,已完成,2023-09-28,2023-09-30,市行政审批服务局\n"
    "2,1,推进中,,2023-09-30,市行政审批服务局\n"
    "2,1,已完成,2023-10-12,2023-10-31,市行政审批服务局\n"
)


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    path = tmp_path / "rounds.csv"
    path.write_text(ROUNDS, encoding="utf-8")
    return path


class TestRounds:
    """The report as of a date uses each milestone's latest row on or before that date."""

    def test_rows_of_every_round_are_kept(self, plan: Plan, ledger_path: Path) -> None:
        ledger, problems = read_ledger(ledger_path, plan)
        assert problems == []
        assert len(ledger.entries) == 4
        assert ledger.rounds() == (D(2023, 8, 31), D(2023, 9, 30), D(2023, 10, 31))

    def test_as_of_picks_the_latest_row_on_or_before(self, plan: Plan, ledger_path: Path) -> None:
        ledger, _ = read_ledger(ledger_path, plan)
        assert ledger.entry(8, 1, D(2023, 9, 15)).status.value == "in progress"  # type: ignore[union-attr]
        assert ledger.entry(8, 1, D(2023, 9, 30)).status.value == "done"  # type: ignore[union-attr]
        assert ledger.entry(2, 1, D(2023, 8, 31)) is None
        on = {i.task: i.state for i in status(plan, ledger, as_of=D(2023, 10, 15)).items if i.milestone == 1}
        assert (on[8], on[2]) == (State.DONE_ON_TIME, State.OVERDUE)  # 2's completion is in the 10-31 round
        later = {
            i.task: i.state for i in status(plan, ledger, as_of=D(2023, 10, 31)).items if i.milestone == 1
        }
        assert later[2] is State.DONE_LATE

    def test_a_completion_after_its_round_is_a_problem(self, plan: Plan, tmp_path: Path) -> None:
        path = tmp_path / "l.csv"
        path.write_text("任务序号,时间节点,状态,完成日期,数据截至\n8,1,已完成,2023-10-05,2023-09-30\n")
        _, problems = read_ledger(path, plan)
        assert [p.message for p in problems] == [
            "completion date 2023-10-05 is after the row's as-of date 2023-09-30 (数据截至)"
        ]

    def test_same_milestone_twice_in_one_round_is_a_duplicate(self, plan: Plan, tmp_path: Path) -> None:
        path = tmp_path / "l.csv"
        path.write_text("任务序号,时间节点,状态,数据截至\n8,1,推进中,2023-09-30\n8,1,推进中,2023-09-30\n")
        _, problems = read_ledger(path, plan)
        assert [p.where for p in problems] == ["line 3"]
        assert "duplicate row: task 8 milestone 1 as of 2023-09-30" in problems[0].message


class TestHistory:
    """The HTML report shows each month's end and what changed per unit since the previous round."""

    def test_month_ends(self, plan: Plan, ledger_path: Path) -> None:
        ledger, _ = read_ledger(ledger_path, plan)
        result = with_history(plan, ledger, status(plan, ledger, as_of=D(2023, 10, 31)))
        days = [day for day, _ in result.history]
        # The plan was printed 2023-07-29: July to October.
        assert days == [D(2023, 7, 31), D(2023, 8, 31), D(2023, 9, 30), D(2023, 10, 31)]
        september = dict(result.history[2][1])
        assert september[State.DONE_ON_TIME] == 1  # only 8.1 was known done at the end of September
        assert result.previous_round == D(2023, 9, 30)
        changed = {(c.unit, c.task, c.milestone, c.before, c.after) for c in result.changes}
        assert ("市行政审批服务局", 2, 1, State.DUE_SOON, State.DONE_LATE) in changed

    def test_html(self, tmp_path: Path, ledger_path: Path) -> None:
        out = tmp_path / "r.html"
        args = ["report", "--ledger", str(ledger_path), "--as-of", "2023-10-31", "--format", "html"]
        assert main([*args, "-o", str(out)]) == 0
        html = out.read_text(encoding="utf-8")
        assert "逐月进度 Month by month" in html
        assert re.search(r"<tr class=\"month\"><td>2023-09-30</td><td class=\"n\">1</td>", html)
        assert "较上一轮（2023-09-30）的变化" in html
        assert re.search(r"<tr class=\"change\"><td>市行政审批服务局</td><td[^>]*>2\.1</td>", html)
