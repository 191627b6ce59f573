"""The safeguards' obligations and the plan-level targets on the command line."""

from __future__ import annotations

import json

import pytest

from heze_plan.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class TestObligations:
    """``heze-plan obligations`` lists who must act on what, by when or how often."""

    def test_all(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "obligations", "--format", "json")
        records = json.loads(out)
        assert code == 0
        assert [r["key"] for r in records][:6] == ["S1.1", "S1.2", "S1.3", "S1.4", "S1.5", "S1.6"]
        filing = next(r for r in records if r["key"] == "S1.6")
        # 各县区、市直领域牵头部门要在本行动计划印发1个月内制定具体落实方案，并报市营转办备案
        assert (filing["due"], filing["recipient"]) == ("2023-08-29", "市营转办")

    def test_for_a_county(self, capsys: pytest.CaptureFixture[str]) -> None:
        # 郓城县 acts through 各县区政府、管委会, a responsible unit of most tasks (S1.3 各领域责任单位),
        # and by name in S1.4 (工作机制), S1.6 (落实方案), S2.3 (案例)
        _, out, _ = _run(capsys, "obligations", "--unit", "郓城", "--format", "json")
        assert [r["key"] for r in json.loads(out)] == ["S1.3", "S1.4", "S1.6", "S2.3"]

    def test_for_the_coordinating_office(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "obligations", "--unit", "营转办", "--format", "json")
        assert [r["key"] for r in json.loads(out)] == ["S1.5"]

    def test_unknown_unit(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = _run(capsys, "obligations", "--unit", "市商务厅")
        assert code != 0
        assert "unknown unit '市商务厅'" in err


class TestShowSafeguard:
    """``show S1.6`` and ``show S2`` print the obligations in full."""

    def test_one(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "show", "S1.6")
        assert code == 0
        assert "when: 2023-08-29 (印发1个月内)" in out
        assert "to:   市营转办" in out

    def test_safeguard_with_targets(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "show", "S2")
        assert "≥ 10 项" in out
        assert "reading: 形成的全省领先的创新性经验做法" in out

    @pytest.mark.parametrize(
        ("key", "message"), [("S9", "no safeguard 'S9'"), ("S1.9", "no obligation 'S1.9'")]
    )
    def test_unknown(self, capsys: pytest.CaptureFixture[str], key: str, message: str) -> None:
        code, _, err = _run(capsys, "show", key)
        assert code != 0
        assert message in err


class TestTargetsOfThePlan:
    """Without options, ``targets`` lists the principles' and safeguards' targets after the tasks'."""

    def test_plan_level_rows(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "targets", "--format", "json")
        records = json.loads(out)
        owners = [r["task"] for r in records if isinstance(r["task"], str)]
        assert owners == ["P2", "S2", "S2", "S2", "S2"]
        assert len(records) == 64 + 5  # tests/data/expected_targets.csv

    def test_narrowed_lists_tasks_only(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "targets", "--area", "7", "--format", "json")
        assert all(isinstance(r["task"], int) for r in json.loads(out))

    def test_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "targets", "--kind", "duration", "--format", "json")
        # 工作原则（二） 力争用2—3年时间打造一批…示范区
        assert [(r["task"], r["target"]) for r in json.loads(out)] == [("P2", "2–3 年")]


class TestTimelineSafeguards:
    """The timeline holds the safeguards' deadlines beside the tasks' milestones."""

    def test_json_rows(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "timeline", "--format", "json")
        rows = [r for r in json.loads(out) if isinstance(r["task"], str)]
        # （一） 印发1个月内 (2023-08-29); （二） 市直各领域年内… (2023-12-31)
        assert [(r["task"], r["due"], r["phrase"]) for r in rows] == [
            ("S1.6", "2023-08-29", "印发1个月内"),
            ("S2.1", "2023-12-31", "年内"),
        ]

    def test_area_leaves_them_out(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "timeline", "--area", "7", "--format", "json")
        assert all(isinstance(r["task"], int) for r in json.loads(out))


class TestShowTask:
    """``show N`` says which sentence follows the province and how an arguable deadline is read."""

    def test_task_5_provincial_clause_and_own_deadline(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "show", "5")
        # 根据省统一部署，研究制定…配套政策; 10月底前，建立歇业信息共享机制 is the city's own
        assert "  根据省统一部署，研究制定税务、社保、公积金等关于市场主体歇业制度的配套政策" in out
        assert "  deadlines that depend on it: none" in out

    def test_task_149_reading(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "show", "149")
        assert "reading: 9月底，省“版权保护与服务平台”与“爱山东”对接后" in out
