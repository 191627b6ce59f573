"""Tests for heze_plan.notebook.frames: rows and DataFrames of tasks, milestones, targets and units."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

import heze_plan
from heze_plan.model.plan import Plan
from heze_plan.notebook import frames
from heze_plan.query import selections as queries

pd = pytest.importorskip("pandas", reason="the test extra installs pandas")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return heze_plan.load()


class TestRows:
    """The plain rows hold what the source says, with no dependency beyond the standard library."""

    def test_milestones_per_month(self, plan: Plan) -> None:
        # Counted in the source: 11 deadlines in August, 21 in September, 20 in October,
        # 35 in November and 34 in December (全年 and 年内 are not milestones).
        months = Counter(row["month"] for row in frames.milestone_rows(plan))
        assert months == {"2023-08": 11, "2023-09": 21, "2023-10": 20, "2023-11": 35, "2023-12": 34}

    def test_milestones_are_sorted_by_date(self, plan: Plan) -> None:
        rows = frames.milestone_rows(plan)
        assert [r["due"] for r in rows] == sorted(r["due"] for r in rows)
        # The first August deadline in the text: 24. …8月底前，完成系统功能优化…
        assert (rows[0]["task"], rows[0]["due"], rows[0]["phrase"]) == (24, dt.date(2023, 8, 31), "8月底前")

    def test_tasks(self, plan: Plan) -> None:
        rows = frames.task_rows(plan)
        assert [r["task"] for r in rows] == list(range(1, 196))
        assert sum(r["ongoing"] for r in rows) == 87
        # 8. …9月底前，…11月底前，… (牵头单位：市行政审批服务局)
        row = rows[7]
        assert row["title"] == "优化企业全生命周期集成服务体系"
        assert (row["first_due"], row["last_due"]) == (dt.date(2023, 9, 30), dt.date(2023, 11, 30))
        assert row["area_name"] == "开办企业"

    def test_ongoing_task_has_no_invented_date(self, plan: Plan) -> None:
        # 1. 全面实施市场准入负面清单 names no deadline.
        row = frames.task_rows(plan)[0]
        assert row["ongoing"]
        assert row["first_due"] is None
        assert row["last_due"] is None

    def test_collective_is_one_list_element(self, plan: Plan) -> None:
        # 1. …（牵头单位：市发展改革委、市商务局、市行政审批服务局；责任单位：各县区政府、管委会）
        row = frames.task_rows(plan)[0]
        assert row["lead_units"] == ["市发展改革委", "市商务局", "市行政审批服务局"]
        assert row["responsible_units"] == ["各县区政府、管委会"]

    def test_targets_of_task_170(self, plan: Plan) -> None:
        # 9月底前，…力争新增领军人才8人以上。12月底前，…市县联动开展10场线下引才活动，
        # …力争2023年引进青年人才2.7万人以上。
        rows = frames.target_rows(plan, [plan.task(170)])
        assert [(r["value"], r["unit"], r["due"]) for r in rows] == [
            (8, "人", dt.date(2023, 9, 30)),
            (10, "场", dt.date(2023, 12, 31)),
            (27000, "人", dt.date(2023, 12, 31)),
        ]
        assert rows[0]["comparator"] == "≥"

    def test_target_without_milestone_is_due_at_the_horizon(self, plan: Plan) -> None:
        # 23. …年度并联审批率高于全省平均水平: no deadline phrase, a relative target.
        (row,) = frames.target_rows(plan, [plan.task(23)])
        assert row["kind"] == "relative"
        assert row["reference"] == "全省平均水平"
        assert row["due"] == plan.horizon

    def test_units_that_lead_one_task(self, plan: Plan) -> None:
        rows = {r["unit"]: r for r in frames.unit_rows(plan)}
        # 174. …（牵头单位：市外办）  176. …（牵头单位：市人力资源社会保障局、市邮政管理局）
        assert (rows["市外办"]["leads"], rows["市外办"]["shares"]) == (1, 0)
        assert rows["市邮政管理局"]["leads"] == 1
        assert rows["市邮政管理局"]["milestones_led"] == 1  # 9 月底前，建立邮政特快转递渠道
        # 186. …责任单位：…菏泽黄河河务局，各县区政府、管委会
        assert (rows["菏泽黄河河务局"]["leads"], rows["菏泽黄河河务局"]["shares"]) == (0, 1)

    def test_selection_limits_the_rows(self, plan: Plan) -> None:
        chosen = [plan.task(61), plan.task(62)]  # （八）办理破产, 市法院 leads, 各县区法院 shares
        rows = {r["unit"]: r for r in frames.unit_rows(plan, chosen)}
        assert (rows["市法院"]["leads"], rows["各县区法院"]["shares"]) == (2, 2)
        assert rows["市行政审批服务局"]["tasks"] == 0
        # 62. 10月底前，… 11月底前，…
        assert [r["due"].month for r in frames.milestone_rows(plan, chosen)] == [10, 11]


class TestDataFrames:
    """The DataFrames hold the rows with proper index and dtypes."""

    def test_tasks_frame(self, plan: Plan) -> None:
        frame = frames.tasks_dataframe(plan)
        assert frame.shape == (195, 11)
        assert frame.index.name == "task"
        assert frame.loc[170, "title"] == "加强人才引育创新"
        assert pd.api.types.is_datetime64_any_dtype(frame["first_due"])
        assert frame["first_due"].isna().sum() == 87

    def test_workload_per_area(self, plan: Plan) -> None:
        frame = frames.tasks_dataframe(plan)
        per_area = frame.groupby("area").size()
        assert per_area.sum() == 195
        assert per_area[9] == 18  # （九）获得信贷: tasks 66 to 83
        assert per_area[8] == 5  # （八）办理破产: tasks 61 to 65

    def test_milestones_frame_by_month(self, plan: Plan) -> None:
        frame = frames.milestones_dataframe(plan)
        by_month = frame.groupby(frame["due"].dt.month).size()
        assert by_month.to_dict() == {8: 11, 9: 21, 10: 20, 11: 35, 12: 34}

    def test_explode_gives_one_row_per_unit(self, plan: Plan) -> None:
        frame = frames.tasks_dataframe(plan).loc[[1]].explode("responsible_units")
        assert list(frame["responsible_units"]) == ["各县区政府、管委会"]

    def test_targets_frame(self, plan: Plan) -> None:
        frame = frames.targets_dataframe(plan)
        assert len(frame) == sum(len(t.targets) for t in plan.tasks)
        assert frame.loc[frame["task"] == 170, "value"].tolist() == [8, 10, 27000]

    def test_units_frame_busiest_first(self, plan: Plan) -> None:
        frame = frames.units_dataframe(plan)
        assert len(frame) == 65  # with 纪委监委机关
        assert list(frame["leads"]) == sorted(frame["leads"], reverse=True)
        assert frame.loc["市外办", "leads"] == 1

    def test_empty_selection_keeps_the_columns(self, plan: Plan) -> None:
        assert frames.tasks_dataframe(plan, []).shape == (0, 11)
        assert list(frames.milestones_dataframe(plan, []).columns)[:3] == ["due", "month", "task"]


class TestSelections:
    """A query selection's to_dataframe() holds exactly its items, in its order."""

    def test_tasks_in_an_area(self, plan: Plan) -> None:
        frame = queries.tasks(plan).in_area(8).to_dataframe()  # （八）办理破产: tasks 61 to 65
        assert list(frame.index) == [61, 62, 63, 64, 65]

    def test_milestones_of_a_unit(self, plan: Plan) -> None:
        # 菏泽海关 leads 53, 55 and 56; only 55 has a deadline: 12 月底前, 全程网办.
        frame = queries.milestones(plan).led_by("菏泽海关").to_dataframe()
        assert frame[["task", "phrase"]].values.tolist() == [[55, "12月底前"]]  # printed "12 月底前"
        assert frame["due"].dt.date.tolist() == [dt.date(2023, 12, 31)]

    def test_milestones_keep_the_selection(self, plan: Plan) -> None:
        # 62. 10月底前，… 11月底前，…: only the second, November one is in November.
        frame = queries.tasks(plan).in_area(8).milestones().in_month("2023-11").to_dataframe()
        assert frame[["task", "milestone"]].values.tolist() == [[62, 2]]

    def test_targets_of_a_kind(self, plan: Plan) -> None:
        frame = queries.targets(plan).of_kind("service_time").to_dataframe()
        assert len(frame) == 5
        # 19. 验收通过后3个工作日内 ; 53. 13小时和2小时内
        assert {(19, 3.0), (53, 13.0), (53, 2.0)} <= set(zip(frame["task"], frame["value"], strict=True))


SAMPLE = Path(__file__).parent.parent / "examples" / "ledger-2023-10-15.csv"


@pytest.fixture(scope="module")
def ledger(plan: Plan) -> heze_plan.Ledger:
    ledger, problems = heze_plan.read_ledger(SAMPLE, plan)
    assert not problems
    return ledger


class TestStatus:
    """Status frames: one row per milestone or ongoing task, per target, per unit; they join the plan's."""

    def test_one_row_per_milestone_and_ongoing_task(self, plan: Plan, ledger: heze_plan.Ledger) -> None:
        status = heze_plan.status(plan, ledger, as_of=dt.date(2023, 10, 15))
        rows = frames.status_rows(status)
        assert len(rows) == 121 + 87
        ongoing = [r for r in rows if r["milestone"] is None]
        assert len(ongoing) == 87
        assert {r["state"] for r in ongoing} <= {"ongoing", "dropped"}

    def test_task_11_done_after_the_holiday(self, plan: Plan, ledger: heze_plan.Ledger) -> None:
        # 11. 9月底前，实现标准地名、门楼牌审批…集成办理; the sample ledger reports it done on 2023-10-10.
        late = {
            r["task"]: r
            for r in frames.status_rows(heze_plan.status(plan, ledger, as_of=dt.date(2023, 10, 15)))
        }
        assert (late[11]["state"], late[11]["state_label"]) == ("done late", "逾期完成")
        assert late[11]["completed"] == dt.date(2023, 10, 10)
        assert late[11]["days_late"] == 10
        assert "ledger-2023-10-15.csv" in late[11]["source"]
        # On 2023-10-03 the completion had not happened yet: overdue by 3 days.
        early = {
            r["task"]: r
            for r in frames.status_rows(heze_plan.status(plan, ledger, as_of=dt.date(2023, 10, 3)))
        }
        assert (early[11]["state"], early[11]["days_late"]) == ("overdue", 3)

    def test_status_joins_the_milestones(self, plan: Plan, ledger: heze_plan.Ledger) -> None:
        status = frames.status_dataframe(heze_plan.status(plan, ledger, as_of=dt.date(2023, 10, 15)))
        joined = frames.milestones_dataframe(plan).merge(
            status, on=["task", "milestone"], suffixes=("", "_status"), validate="one_to_one"
        )
        assert len(joined) == 121
        assert (joined["due"] == joined["due_status"]).all()
        assert str(status["days_late"].dtype) == "Int64"
        assert status["due"].isna().sum() == 87

    def test_targets(self, plan: Plan, ledger: heze_plan.Ledger) -> None:
        rows = frames.attainment_rows(heze_plan.status(plan, ledger, as_of=dt.date(2023, 10, 15)))
        assert len(rows) == sum(len(t.targets) for t in plan.tasks)
        # 23. 年度并联审批率高于全省平均水平: a relative target cannot be judged from a figure alone.
        (row,) = [r for r in rows if r["task"] == 23]
        assert row["attainment"] == "not comparable"
        assert frames.attainment_dataframe(heze_plan.status(plan, ledger, as_of=dt.date(2023, 10, 15))).shape[
            0
        ] == len(rows)

    def test_scoreboard_totals_match_the_plan(self, plan: Plan, ledger: heze_plan.Ledger) -> None:
        status = heze_plan.status(plan, ledger, as_of=dt.date(2023, 10, 15))
        scores = frames.scores_dataframe(status)
        units = frames.units_dataframe(plan)
        # A lead unit is scored on each milestone of the tasks it leads, and on each ongoing task it leads.
        for unit in ("市行政审批服务局", "市外办", "市法院"):
            expected = units.loc[unit, "milestones_led"] + units.loc[unit, "ongoing_led"]
            assert scores.loc[unit, "total"] == expected
        areas = frames.scores_dataframe(status, by="area")
        assert areas["total"].sum() == 121 + 87

    def test_scoreboard_by_what(self, plan: Plan, ledger: heze_plan.Ledger) -> None:
        status = heze_plan.status(plan, ledger, as_of=dt.date(2023, 10, 15))
        with pytest.raises(ValueError, match="by must be 'unit' or 'area', got 'county'"):
            frames.score_rows(status, by="county")


class TestWithoutPandas:
    """Without pandas the library imports and works; only the DataFrames say what to install."""

    def test_dataframe_names_the_extra(self, plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(frames.PandasMissingError, match=r"pip install 'heze-plan\[pandas\]'"):
            frames.tasks_dataframe(plan)
        with pytest.raises(ImportError, match="optional extra"):
            frames.milestones_dataframe(plan)
        assert len(frames.milestone_rows(plan)) == 121

    def test_import_without_pandas_in_a_fresh_interpreter(self) -> None:
        script = textwrap.dedent(
            """
            import sys
            sys.modules["pandas"] = None        # as if pandas were not installed
            sys.modules["matplotlib"] = None
            import heze_plan, heze_plan.notebook.html, heze_plan.notebook.frames
            plan = heze_plan.load()
            assert "195 tasks" in plan._repr_html_()
            assert len(heze_plan.notebook.frames.task_rows(plan)) == 195
            try:
                heze_plan.notebook.frames.tasks_dataframe(plan)
            except ImportError as error:
                print(error)
            """
        )
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert "heze-plan[pandas]" in result.stdout

    def test_importing_the_package_does_not_import_pandas(self) -> None:
        script = (
            "import sys, heze_plan; heze_plan.load(); "
            "print(sorted({'pandas', 'matplotlib'} & set(sys.modules)))"
        )
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "[]"
