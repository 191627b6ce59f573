"""The query commands (tasks, show, units, areas, targets, timeline), checked against the source."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest

import heze_plan
from heze_plan.cli import add_selection_options, main, select_milestones, select_tasks
from heze_plan.common.tables import display_width

OCTOBER = [5, 19, 20, 22, 31, 58, 62, 79, 89, 91, 110, 111, 112, 113, 119, 121, 135, 142, 162, 185]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    code, out, _ = _run(capsys, *argv, "--format", "json")
    assert code == 0
    data: list[dict[str, object]] = json.loads(out)
    return data


def _numbers(capsys: pytest.CaptureFixture[str], *argv: str) -> list[object]:
    return [record["number"] for record in _json(capsys, "tasks", *argv)]


class TestTasks:
    """tasks lists what the selection options select."""

    def test_all_by_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert _numbers(capsys) == list(range(1, 196))

    def test_approval_bureau_leads_task_8(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = _json(capsys, "tasks", "--lead", "市行政审批服务局")
        task8 = next(r for r in records if r["number"] == 8)
        assert task8["due"] == ["2023-09-30", "2023-11-30"]
        assert task8["title"] == "优化企业全生命周期集成服务体系"
        assert len(records) == 28

    def test_customs_liaison(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "tasks", "--unit", "海关", "--format", "csv")
        assert code == 0
        assert out.startswith("\ufeffnumber,")  # the byte-order mark Excel needs
        rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
        assert [(r["number"], r["role"]) for r in rows] == [
            ("53", "lead"),
            ("54", "responsible"),
            ("55", "lead"),
            ("56", "lead"),
        ]
        assert rows[0]["due"] == "ongoing"
        assert rows[2]["due"] == "2023-12-31"

    def test_county_says_through_which_collective(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = _json(capsys, "tasks", "--unit", "曹县人民政府", "--area", "11")
        assert [r["number"] for r in records] == list(range(92, 100))
        assert records[0]["via"] == ["有关县区政府、管委会"]
        assert records[0]["role"] == "responsible (via 有关县区政府、管委会)"
        assert records[-1]["via"] == ["各县区政府、管委会"]

    def test_responsible(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert _numbers(capsys, "--responsible", "菏泽海关") == [54]

    def test_search(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert _numbers(capsys, "--search", "电子营业执照") == [4, 113, 118]
        assert _numbers(capsys, "--search", "电子营业执照", "招标投标") == [118]
        assert _numbers(capsys, "--search", "电子营业执照", "--search", "政府采购") == [113]

    def test_month(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert _numbers(capsys, "--month", "2023-10") == OCTOBER
        assert _numbers(capsys, "--month", "10") == OCTOBER

    def test_date_range(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert _numbers(capsys, "--due-after", "2023-10-01", "--due-before", "2023-10-31") == OCTOBER
        assert _numbers(capsys, "--due-before", "2023-08-31", "--area", "跨境贸易") == []

    def test_area(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert _numbers(capsys, "--area", "跨境贸易") == list(range(53, 61))

    def test_ongoing(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = _json(capsys, "tasks", "--ongoing")
        assert len(records) == 87
        assert all(r["due"] == "ongoing" for r in records)

    def test_table_lines_up(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = _run(capsys, "tasks", "--unit", "审批服务局", "--month", "2023-11")
        assert code == 0
        lines = out.splitlines()
        assert lines[0].split() == ["no.", "due", "title", "lead", "role"]
        title_column = display_width(lines[0][: lines[0].index("title")])
        for line in lines[2:]:
            number = line.split()[0]
            title = heze_plan.load().task(int(number)).title
            assert display_width(line[: line.index(title)]) == title_column
        assert err.strip() == f"{len(lines) - 2} task(s)"

    def test_nothing_matches(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = _run(capsys, "tasks", "--search", "量子计算")
        assert (code, out) == (0, "")
        assert "no tasks match" in err
        assert _numbers(capsys, "--search", "量子计算") == []


class TestShow:
    """show gives one task in full."""

    def test_task_8(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "show", "8")
        assert code == 0
        assert out.startswith("8. 优化企业全生命周期集成服务体系")
        assert "2023-09-30  9月底前：建立健全线上集成服务专栏、线下集成服务专区" in out
        assert "2023-11-30  11月底前：研究制定企业全生命周期集成服务体系地方标准" in out
        assert "responsible:  市有关部门、单位；各县区政府、管委会" in out  # two units, 、 inside each

    def test_task_136_two_december_milestones(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "show", "136")
        assert out.count("2023-12-31  12月底前") == 2
        assert "根据省统一部署" in out

    def test_errata_that_touched_the_task(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "show", "58")
        assert "E1 missing_label" in out
        assert "responsible:  各县区政府、管委会" in out

    def test_targets_and_ongoing(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "show", "53")
        assert "none: ongoing through the plan year (to 2023-12-31)" in out
        assert "≤ 13 小时  (service_time, by the plan year)" in out
        assert "≤ 2 小时  (service_time, by the plan year)" in out

    def test_target_due_with_its_milestone(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "show", "170")
        assert "≥ 8 人  (quantity, by 2023-09-30)" in out
        assert "≥ 27000 人  (quantity, by 2023-12-31)" in out

    def test_prerequisite(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "show", "37")
        assert "waits for:    省不动产登记“一网通办”平台功能拓展完成后" in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "show", "170", "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert data["lead"] == ["市人力资源社会保障局", "市委组织部", "市教育局"]
        assert [t["target"] for t in data["targets"]] == ["≥ 8 人", "= 10 场", "≥ 27000 人"]
        assert data["targets"][2]["due"] == "2023-12-31"
        assert [e["id"] for e in data["errata"]] == ["E4", "E7"]  # 部部 across a page break; 山东一名校


class TestUnits:
    """units counts the tasks each unit leads and shares."""

    def test_customs_and_bureau(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = {r["unit"]: r for r in _json(capsys, "units")}
        assert len(records) == 65  # with 纪委监委机关 (保障措施（三） 强化与纪委监委机关联动)
        assert (records["菏泽海关"]["leads"], records["菏泽海关"]["shares"]) == (3, 1)
        assert (records["市行政审批服务局"]["leads"], records["市行政审批服务局"]["shares"]) == (28, 4)
        assert records["各县区政府、管委会"]["shares"] == 168

    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "units")
        assert code == 0
        assert out.splitlines()[2].split() == ["各县区政府、管委会", "collective", "0", "168", "168"]


class TestAreas:
    """areas lists the 21 areas with their counts."""

    def test_areas(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = _json(capsys, "areas")
        assert len(records) == 21
        trade = records[6]
        assert (trade["name"], trade["tasks"], trade["lead"]) == ("跨境贸易", 8, ["市商务局"])
        assert sum(r["tasks"] for r in records) == 195  # type: ignore[misc]
        assert sum(r["ongoing"] for r in records) == 87  # type: ignore[misc]

    def test_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "areas", "--format", "csv")
        assert out.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
        assert rows[3] == ["3", "获得电力", "7", "2", "5", "市发展改革委；国网菏泽供电公司"]


class TestTargets:
    """targets lists the quantitative targets of the selected tasks."""

    def test_relative(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = _json(capsys, "targets", "--kind", "relative")
        # 160. 使用率、覆盖率高于全省平均水平: two; 70. 稳中有降 and 167. 稳中有升: directions
        assert [r["task"] for r in records] == [23, 66, 66, 70, 160, 160, 167]

    def test_by_unit(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = _json(capsys, "targets", "--unit", "海关")
        assert [(r["task"], r["target"]) for r in records] == [
            (53, "≤ 13 小时"),
            (53, "≤ 2 小时"),
            (53, "= 24 小时"),  # “7×24”小时预约通关作业机制
            (55, "= 100 %"),  # 12 月底前…全部实现“全程网办”
            (55, "2–3 期"),
        ]

    def test_due_in_december(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = _json(capsys, "targets", "--month", "2023-12", "--area", "人才流动便利度")
        # 年内 (173) counts as the year end, like 12月底前.
        assert [(r["task"], r["value"]) for r in records] == [(170, 10), (170, 27000), (173, 430), (177, 70)]

    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "targets", "--search", "青年人才")
        assert code == 0
        assert "≥ 27000 人" in out

    def test_bad_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as caught:
            main(["targets", "--kind", "bogus"])
        assert caught.value.code == 2
        assert "invalid choice" in capsys.readouterr().err


class TestTimeline:
    """timeline shows the milestones month by month."""

    def test_months_and_counts(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "timeline")
        assert code == 0
        headings = [line for line in out.splitlines() if line.startswith("2023-") and "milestone" in line]
        assert headings == [
            "2023-08  11 milestones",
            "2023-09  21 milestones",
            "2023-10  20 milestones",
            "2023-11  35 milestones",
            "2023-12  34 milestones",
        ]

    def test_october(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = _json(capsys, "timeline", "--month", "2023-10")
        assert sorted(r["task"] for r in records) == OCTOBER  # type: ignore[type-var]
        assert {r["phrase"] for r in records} == {"10月底前"}

    def test_dates_filter_milestones_not_tasks(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = _json(capsys, "timeline", "--lead", "审批服务局", "--due-before", "2023-09-30")
        task8 = [r["due"] for r in records if r["task"] == 8]
        assert task8 == ["2023-09-30"]  # its 11月底前 milestone is left out

    def test_next(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = _json(capsys, "timeline", "--due-after", "2023-12-01", "--next", "3")
        assert [(r["task"], r["due"]) for r in records] == [
            (7, "2023-12-31"),
            (39, "2023-12-31"),
            (55, "2023-12-31"),
        ]

    def test_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = _run(capsys, "timeline", "--unit", "海关", "--format", "csv")
        assert out.startswith("\ufeffmonth,")
        rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
        assert [(r["month"], r["task"], r["phrase"], r["role"]) for r in rows] == [
            ("2023-12", "55", "12月底前", "lead")
        ]

    def test_county_role(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "timeline", "--unit", "曹县", "--month", "8")
        assert code == 0
        lines = out.splitlines()
        # 8月底前 tasks naming the county governments: all but 159 (no 各县区政府、管委会 in its clause).
        assert lines[0] == "2023-08  10 milestones"
        assert lines[1].split() == ["due", "task", "phrase", "title", "lead", "role"]
        block = lines[3 : lines.index("")]
        assert len(block) == 10
        assert all(line.endswith("responsible (via 各县区政府、管委会)") for line in block)
        assert "159" not in [line.split()[1] for line in block]
        # then 保障措施（一）: 各县区、市直领域牵头部门要在本行动计划印发1个月内制定具体落实方案
        assert lines[lines.index("") + 1] == "safeguards  1 deadline"
        assert lines[-1].split()[:2] == ["2023-08-29", "S1.6"]
        assert lines[-1].endswith("must act (via 各县区政府、管委会)")


class TestMistakes:
    """Every user mistake is one line on stderr, exit status 2, no traceback, nothing on stdout."""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["tasks", "--unit", "市商务厅"], "unknown unit '市商务厅'; did you mean 市商务局"),
            (
                ["tasks", "--lead", "金融监管"],
                "ambiguous: it could be 市地方金融监管局、国家金融监督管理总局菏泽监管分局",
            ),
            (["tasks", "--responsible", "xyz"], "unknown unit 'xyz'"),
            (
                ["tasks", "--due-before", "2023-13-01"],
                "--due-before: bad date '2023-13-01', expected YYYY-MM-DD",
            ),
            (["tasks", "--due-after", "10月1日"], "--due-after: bad date '10月1日'"),
            (
                ["tasks", "--due-after", "2023-11-01", "--due-before", "2023-10-01"],
                "is later than --due-before",
            ),
            (["tasks", "--month", "13"], "bad month '13'"),
            (["tasks", "--month", "2023-10-01"], "bad month"),
            (["tasks", "--area", "22"], "no area 22: this plan numbers its areas 1..21"),
            (["tasks", "--area", "监管"], "area '监管' is ambiguous"),
            (["tasks", "--search", " "], "non-empty term"),
            (["tasks", "--ongoing", "--month", "10"], "--ongoing selects tasks without deadlines"),
            (["show", "0"], "no task 0: this plan numbers its tasks 1..195"),
            (["show", "196"], "no task 196: this plan numbers its tasks 1..195"),
            (["show", "eight"], "task number must be a whole number or a safeguard (S1, S1.6), got 'eight'"),
            (["targets", "--unit", "市商务厅"], "unknown unit"),
            (["targets", "--ongoing", "--month", "12"], "--ongoing selects tasks without deadlines"),
            (["timeline", "--ongoing"], "which have no milestones"),
            (["timeline", "--next", "0"], "--next must be a positive number"),
            (["timeline", "--month", "2023-00"], "bad month"),
        ],
    )
    def test_one_line(self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
        code, out, err = _run(capsys, *argv)
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1
        assert err.startswith("heze-plan: error: ")
        assert message in err

    def test_missing_plan_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        code, _, err = _run(capsys, "tasks", "--plan", str(tmp_path / "missing.txt"))
        assert code == 2
        assert "missing.txt: cannot read the file" in err


class TestHelp:
    """Every command has --help that names its options."""

    @pytest.mark.parametrize(
        ("command", "option"),
        [
            ("tasks", "--due-before"),
            ("show", "N"),
            ("units", "--format"),
            ("areas", "--format"),
            ("targets", "--kind"),
            ("timeline", "--next"),
        ],
    )
    def test_help(self, capsys: pytest.CaptureFixture[str], command: str, option: str) -> None:
        with pytest.raises(SystemExit) as caught:
            main([command, "--help"])
        assert caught.value.code == 0
        assert option in capsys.readouterr().out

    def test_commands_are_listed(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            main(["--help"])
        out = capsys.readouterr().out
        for command in ("tasks", "show", "units", "areas", "targets", "timeline", "check", "export"):
            assert command in out


class TestSelectionOptions:
    """add_selection_options and select_tasks serve other commands (the calendar) too."""

    def _args(self, *argv: str) -> argparse.Namespace:
        parser = argparse.ArgumentParser()
        add_selection_options(parser)
        return parser.parse_args(argv)

    def test_select_tasks(self) -> None:
        plan = heze_plan.load()
        assert select_tasks(plan, self._args("--unit", "海关", "--ongoing")).numbers == (53, 54, 56)

    def test_select_milestones(self) -> None:
        plan = heze_plan.load()
        selected = select_milestones(plan, self._args("--unit", "海关"))
        assert [(m.task.number, m.phrase) for m in selected] == [(55, "12月底前")]

    def test_defaults_select_everything(self) -> None:
        plan = heze_plan.load()
        assert len(select_tasks(plan, self._args())) == 195
        assert len(select_milestones(plan, self._args())) == 121


SMALL_PLAN = """菏泽市人民政府文件

菏政发〔2023〕11号

菏泽市人民政府

2023年7月8日

菏泽市2023年测试行动实施方案

一、重点任务

（一）开办企业。（领域牵头部门：市行政审批服务局）

1. 第一项任务。9月底前，完成第一项。（牵头单位：市行政审批服务局）

3. 第三项任务。完成第三项。（牵头单位：市商务局；责任单位：各县区政府、管委会）
"""


class TestPlanFile:
    """The query commands work on another plan's text given with --plan."""

    def test_tasks_and_show(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "plan.txt"
        path.write_text(SMALL_PLAN, encoding="utf-8")
        assert _numbers(capsys, "--plan", str(path), "--unit", "曹县") == [3]
        assert _numbers(capsys, "--plan", str(path), "--month", "2023-09") == [1]
        code, out, _ = _run(capsys, "show", "3", "--plan", str(path), "--format", "json")
        assert code == 0
        assert json.loads(out)["lead"] == ["市商务局"]
        code, _, err = _run(capsys, "tasks", "--plan", str(path), "--unit", "海关")
        assert code == 2
        assert "unknown unit '海关'" in err


class TestLookupNotes:
    """A unit found through a former or a broad name is said on stderr, once; the answer is unchanged."""

    def test_former_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        """市卫计委 became 市卫生健康委 in the 2019 reform; task 151 names 市卫生健康委 among its leads
        (…（牵头单位：市市场监管局、市民政局、市人力资源社会保障局、市住房城乡建设局、市交通运输局、市商务局、市卫生健康委…）).
        """
        assert main(["tasks", "--unit", "市卫计委", "--unit", "市卫计委", "--format", "csv"]) == 0
        out, err = capsys.readouterr()
        assert [row["number"] for row in csv.DictReader(io.StringIO(out.removeprefix("\ufeff")))] == ["151"]
        assert err.count("heze-plan: note: 市卫计委 is a former name") == 1
        assert "市卫生健康委" in err

    def test_broad_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["timeline", "--lead", "海关"]) == 0
        assert "heze-plan: note: 海关 is customs as a whole; in this plan it can only mean 菏泽海关" in (
            capsys.readouterr().err
        )

    def test_no_note_for_todays_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["tasks", "--unit", "市卫生健康委"]) == 0
        assert "note:" not in capsys.readouterr().err
