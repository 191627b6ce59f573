"""The safeguards' obligations in the ledger (台账): rows, who may report them, their states, reports.

Expected values come from the source text's 保障措施 (tests/data and src/heze_plan/data/heze-2023-plan.txt,
lines 567–571), quoted where they are used:

- S1.6: 各县区、市直领域牵头部门要在本行动计划印发1个月内制定具体落实方案，并报市营转办备案; the notice
  is 2023年7月29日印发, so the deadline is 2023-08-29 (a Tuesday);
- S1.4: 各县区要参照市级模式建立健全工作机制 (no deadline: ongoing);
- S2.1: 市直各领域年内形成的…案例不少于7项; S2.2: …被省级主流媒体报道的不少于10项 (年内: 2023-12-31);
- S2.3: 各县区相关领域…案例数量参照市直部门执行 (the same two figures for each county);
- S3.2: 对全量市场主体开展常态化满意度调查 (常态化: recurring);
- S3.1: 健全优化营商环境评价模式… (a sentence that names nobody who must act).

Heze has 11 county-level divisions (2 districts, 7 counties, 2 development zones whose
管委会 count with the counties: data/counties.csv, written out in tests/strategies.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from heze_plan.cli import main
from heze_plan.model.plan import Plan
from heze_plan.progress import Ledger, State, status
from heze_plan.progress.assessment import Attainment
from heze_plan.progress.ledger import ObligationActual, ObligationEntry, Progress
from heze_plan.progress.ledger_files import load_ledger, parse_ledger, write_ledger
from heze_plan.progress.merge import merge_ledgers
from heze_plan.progress.report import to_csv, to_data, to_html, to_table
from tests.strategies import HEZE_COUNTIES

HEADER = "任务序号,保障措施,目标,截止日期,状态,完成日期,实际值,数据截至,填报单位,备注\n"


def read(text: str, plan: Plan, as_of: dt.date = dt.date(2023, 10, 15)) -> tuple[Ledger, list[str]]:
    ledger, problems = parse_ledger(HEADER + text, plan, name="l.csv", as_of=as_of)
    return ledger, [str(p) for p in problems]


def area_leads(plan: Plan) -> set[str]:
    """The lead units printed in the 21 areas' headings: 市直领域牵头部门."""
    return {u for area in plan.areas for u in area.lead_units}


class TestObligationRows:
    """A row with an obligation's key in 保障措施 reports one unit's or county's share of it."""

    def test_a_county_reports_its_scheme(self, plan: Plan) -> None:
        ledger, problems = read(",S1.6,,,已完成,2023-08-25,,,曹县人民政府,已报市营转办备案\n", plan)
        assert problems == []
        assert ledger.obligations == (
            ObligationEntry(
                obligation="S1.6",
                status=Progress.DONE,
                completed=dt.date(2023, 8, 25),
                unit="曹县",  # 曹县人民政府 is the county 曹县
                note="已报市营转办备案",
                source="l.csv:line 2",
            ),
        )

    def test_key_forms(self, plan: Plan) -> None:
        """S1.6, s1.6 and 1.6 name the same obligation, as `heze-plan show S1.6` does."""
        text = ",s1.4,,,推进中,,,,单县,\n,1.4,,,推进中,,,,巨野,\n"
        ledger, problems = read(text, plan)
        assert problems == []
        assert [(o.obligation, o.unit) for o in ledger.obligations] == [("S1.4", "单县"), ("S1.4", "巨野县")]

    def test_a_unit_it_does_not_fall_on_is_refused(self, plan: Plan) -> None:
        """S1.4 falls on 各县区 only: 市营转办 (whose duty is S1.5's 综合协调) may not report its share."""
        ledger, problems = read(",S1.4,,,推进中,,,,市营转办,\n", plan)
        assert ledger.obligations == ()
        assert problems == [
            "l.csv:line 2: S1.4 does not fall on 市营转办: it falls on 各县区 (11 units or counties); "
            "report only the obligations your workbook lists"
        ]

    def test_a_county_collective_is_sent_to_its_counties(self, plan: Plan) -> None:
        """S1.4 falls on 各县区 and S1.3 on 有关县区政府、管委会 among others: the collective is not a
        reporter of its own, each county reports its share, and the message says so."""
        for key, name in (("S1.4", "各县区政府、管委会"), ("S1.3", "有关县区政府、管委会")):
            ledger, problems = read(f",{key},,,推进中,,,,{name},\n", plan)
            assert ledger.obligations == ()
            assert problems == [
                f"l.csv:line 2: {name} names every county together: each county reports its own share "
                f"of {key}; write one county in 填报单位 (牡丹区、定陶区、曹县, …), one row each"
            ]

    def test_a_municipal_department_is_not_a_county(self, plan: Plan) -> None:
        """S2.3 is 各县区相关领域…: 市科技局 has no share; S2.1 (市直各领域) it has."""
        _, problems = read(",S2.3,,,推进中,,,,科技局,\n", plan)
        assert problems[0].startswith("l.csv:line 2: S2.3 does not fall on 市科技局")
        assert read(",S2.1,,,推进中,,,,科技局,\n", plan)[1] == []

    def test_the_office_it_is_filed_with_may_report_the_whole(self, plan: Plan) -> None:
        """S1.6's schemes are 报市营转办备案: 市营转办 may report them, for every unit without a row."""
        ledger, problems = read(",S1.6,,,已完成,2023-08-29,,,市营转办,\n", plan)
        assert problems == []
        shares = status(plan, ledger, as_of=dt.date(2023, 9, 1)).obligations
        assert {s.state for s in shares if s.key == "S1.6"} == {State.DONE_ON_TIME}

    def test_an_obligation_naming_nobody_takes_no_unit(self, plan: Plan) -> None:
        _, problems = read(",S3.1,,,推进中,,,,市发展改革委,\n", plan)
        assert problems == [
            "l.csv:line 2: S3.1 names nobody who must act (未指明): leave 填报单位 empty, the row reports "
            "the obligation as a whole, not 市发展改革委's share"
        ]
        assert read(",S3.1,,,推进中,,,,,\n", plan)[1] == []

    def test_unknown_obligation(self, plan: Plan) -> None:
        _, problems = read(",S1.9,,,推进中,,,,,\n", plan)
        assert problems == ["l.csv:line 2: no obligation 'S1.9': the plan's obligations are S1.1..S3.4"]

    def test_bad_dates_are_located(self, plan: Plan) -> None:
        """A date that is no date, one not in the calendar, and an edited deadline: each a problem."""
        text = (
            ",S1.6,,,已完成,2023年8月32日,,,曹县,\n"
            ",S1.6,,,已完成,下周,,,单县,\n"
            ",S1.6,,2023-09-30,推进中,,,,东明县,\n"
        )
        ledger, problems = read(text, plan)
        assert ledger.obligations == ()
        assert problems == [
            "l.csv:line 2: completion date: '2023年8月32日' is not a date of the calendar",
            "l.csv:line 3: completion date: '下周' is not a date: write a date cell, 2023-09-30, "
            "2023/9/30, 2023.9.30 or 2023年9月30日",
            "l.csv:line 4: the plan column 截止日期 was edited: S1.6 is due 2023-08-29, "
            "the row says 2023-09-30",
        ]

    def test_task_and_milestone_columns_are_refused(self, plan: Plan) -> None:
        _, problems = read("5,S1.6,,,推进中,,,,曹县,\n", plan)
        assert problems == ["l.csv:line 2: an obligation row names no task: clear 任务序号 or 保障措施"]

    def test_duplicate_share(self, plan: Plan) -> None:
        _, problems = read(",S1.6,,,推进中,,,,曹县,\n,S1.6,,,推进中,,,,曹县人民政府,\n", plan)
        assert problems == ["l.csv:line 3: duplicate row: S1.6 (曹县) already at l.csv:line 2"]

    def test_old_style_safeguard_deadline_rows_still_read(self, plan: Plan) -> None:
        """A ledger written before obligations (保障措施 1, 时间节点 1) reads as it did, and counts.

        Its deadline is S1.6's (印发1个月内), so every share of S1.6 without a row of its own
        takes it; a county's own row wins for that county.
        """
        text = "任务序号,时间节点,保障措施,状态,完成日期\n,1,1,已完成,2023-08-25\n"
        ledger, problems = parse_ledger(text, plan, name="old.csv")
        assert problems == []
        assert [(g.task, g.milestone, g.completed) for g in ledger.safeguards] == [
            (1, 1, dt.date(2023, 8, 25))
        ]
        own = ObligationEntry("S1.6", Progress.IN_PROGRESS, unit="曹县")
        mixed = Ledger(safeguards=ledger.safeguards, obligations=[own])
        shares = [s for s in status(plan, mixed, as_of=dt.date(2023, 9, 1)).obligations if s.key == "S1.6"]
        states = {s.unit: s.state for s in shares}
        assert states.pop("曹县") is State.OVERDUE
        assert set(states.values()) == {State.DONE_ON_TIME}


class TestSafeguardTargets:
    """（二）'s figures are recordable: 不少于7项 and 不少于10项, and each county's."""

    def test_municipal_figure(self, plan: Plan) -> None:
        ledger, problems = read(",S2.1,1,,,,8,2023-10-15,,\n,S2.2,1,,,,6,2023-10-15,,\n", plan)
        assert problems == []
        assert ledger.obligation_actuals[0] == ObligationActual(
            "S2.1", 1, 8.0, dt.date(2023, 10, 15), source="l.csv:line 2"
        )
        result = status(plan, ledger, as_of=dt.date(2023, 10, 15))
        figures = {(f.obligation, f.index, f.unit): f for f in result.obligation_targets}
        assert figures["S2.1", 1, None].attainment is Attainment.MET  # 8 ≥ 7
        assert figures["S2.2", 1, None].attainment is Attainment.NOT_YET_MET  # 6 < 10, 年内 not over
        assert figures["S2.2", 1, None].gap == -4
        late = status(plan, ledger, as_of=dt.date(2024, 1, 5))
        assert {f.attainment for f in late.obligation_targets if f.obligation == "S2.2"} == {
            Attainment.NOT_MET
        }

    def test_per_county_figure_needs_the_county(self, plan: Plan) -> None:
        _, problems = read(",S2.3,1,,,,3,2023-10-15,,\n", plan)
        assert problems == [
            "l.csv:line 2: target 1 of S2.3 is set per county (案例数量参照市直部门执行): "
            "fill in 填报单位 with the county whose figure it is"
        ]
        ledger, problems = read(",S2.3,2,,,,11,2023-10-15,郓城,\n", plan)
        assert problems == []
        result = status(plan, ledger, as_of=dt.date(2023, 10, 15))
        # two figures (7 national, 10 provincial) for each of the 11 counties, and S2.1, S2.2
        assert len(result.obligation_targets) == 2 + 2 * 11
        (yuncheng,) = [f for f in result.obligation_targets if f.unit == "郓城县" and f.index == 2]
        assert (yuncheng.target.value, yuncheng.attainment) == (10, Attainment.MET)

    def test_bad_figure(self, plan: Plan) -> None:
        _, problems = read(",S2.1,3,,,,八项,,,\n", plan)
        assert problems == [
            "l.csv:line 2: S2.1 has no target '3'; its targets: 1 (不少于7项)",
            "l.csv:line 2: value: '八项' is not a number",
            "l.csv:line 2: the as-of date of the value is missing",
        ]


class TestAssessment:
    """Each share is assessed like a milestone: dated ones against their date, others as ongoing."""

    def test_s16_on_an_empty_ledger(self, plan: Plan) -> None:
        """On 2023-09-01 (3 days after 2023-08-29) every area lead unit and every county is overdue."""
        result = status(plan, Ledger(), as_of=dt.date(2023, 9, 1))
        s16 = [s for s in result.obligations if s.key == "S1.6"]
        assert {s.unit for s in s16} == area_leads(plan) | set(HEZE_COUNTIES)
        assert {(s.state, s.days_late) for s in s16} == {(State.OVERDUE, 3)}
        before = status(plan, Ledger(), as_of=dt.date(2023, 8, 28))  # Monday: 1 working day left
        assert {s.state for s in before.obligations if s.key == "S1.6"} == {State.DUE_SOON}

    def test_recurring_and_undated_are_ongoing_until_done(self, plan: Plan) -> None:
        ledger = Ledger(obligations=[ObligationEntry("S3.2", Progress.DONE, dt.date(2023, 9, 30))])
        result = status(plan, ledger, as_of=dt.date(2023, 10, 15))
        states = {s.key: s.state for s in result.obligations if s.unit is None}
        assert states == {
            "S1.1": State.ONGOING,
            "S3.1": State.ONGOING,
            "S3.2": State.DONE_ON_TIME,  # 常态化满意度调查, reported done: done, and never late
            "S3.4": State.ONGOING,
        }

    def test_one_unit_or_county(self, plan: Plan) -> None:
        county = status(plan, Ledger(), as_of=dt.date(2023, 9, 1), unit="曹县")
        assert [(s.key, s.unit) for s in county.obligations] == [
            ("S1.3", "曹县"), ("S1.4", "曹县"), ("S1.6", "曹县"), ("S2.3", "曹县")
        ]  # fmt: skip
        unit = status(plan, Ledger(), as_of=dt.date(2023, 9, 1), unit="科技局")
        assert [s.key for s in unit.obligations] == ["S1.2", "S1.3", "S1.6", "S2.1", "S2.2"]

    def test_scoreboards_count_counties(self, plan: Plan) -> None:
        ledger = Ledger(
            obligations=[ObligationEntry("S1.6", Progress.DONE, dt.date(2023, 9, 4), unit="单县")]
        )
        result = status(plan, ledger, as_of=dt.date(2023, 9, 5))
        scores = {s.name: s for s in result.by_obligation_unit}
        assert scores["单县"].counts[State.DONE_LATE] == 1
        assert scores["曹县"].counts[State.OVERDUE] == 1
        assert scores["曹县"].on_time_rate == 0
        guards = {s.name: s.total for s in result.by_safeguard}
        assert list(guards) == ["保障措施（一）", "保障措施（二）", "保障措施（三）"]
        assert guards["保障措施（三）"] == 4  # S3.1..S3.4: three name nobody, S3.3 纪委监委机关

    def test_a_selection_of_tasks_has_no_obligations(self, plan: Plan) -> None:
        result = status(plan, Ledger(), as_of=dt.date(2023, 9, 1), tasks=[plan.task(8)])
        assert result.obligations == ()
        assert result.obligation_targets == ()


class TestMerge:
    """Units send their shares back; only the shares that fall on them are read, and merged."""

    def test_shares_of_several_units(self, plan: Plan) -> None:
        a = read(",S1.6,,,已完成,2023-08-25,,,曹县,\n", plan)[0]
        b = read(",S1.6,,,推进中,,,,单县,\n", plan)[0]
        merged = merge_ledgers(plan, [a, b])
        assert merged.conflicts == ()
        assert [(o.unit, o.status) for o in merged.ledger.obligations] == [
            ("曹县", Progress.DONE),
            ("单县", Progress.IN_PROGRESS),
        ]

    def test_disagreeing_whole_reports(self, plan: Plan) -> None:
        """Two files say different things of S1.6 as a whole: the office it is filed with settles it."""
        a, _ = parse_ledger(HEADER + ",S1.6,,,推进中,,,,,\n", plan, name="a.csv")
        b, _ = parse_ledger(HEADER + ",S1.6,,,已完成,2023-08-28,,,市营转办,\n", plan, name="b.csv")
        c, _ = parse_ledger(HEADER + ",S1.6,,,已完成,2023-08-28,,,,\n", plan, name="c.csv")
        merged = merge_ledgers(plan, [a, c])
        assert str(merged.conflicts[0]) == (
            "conflict on S1.6 (as a whole): a.csv:line 2 (填报单位 not given) says 推进中; "
            "c.csv:line 2 (填报单位 not given) says 已完成 2023-08-28 → unresolved: no lead unit's "
            "report settles it, none is kept"
        )
        assert merged.ledger.obligations == ()
        assert merge_ledgers(plan, [b]).ledger.obligations == b.obligations

    def test_cli_refuses_a_unit_reporting_another_units_obligation(
        self, tmp_path: Path, plan: Plan, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A county's workbook comes back with a row of S2.1 (市直各领域): located, left out, exit 1."""
        openpyxl = pytest.importorskip("openpyxl")
        out = tmp_path / "split"
        assert main(["ledger", "init", "--split-by-unit", str(out)]) == 0
        book_path = out / "曹县.xlsx"
        book = openpyxl.load_workbook(book_path)
        sheet = book["台账"]
        assert [sheet[f"D{r}"].value for r in range(2, sheet.max_row + 1)] == [
            "S1.3", "S1.4", "S1.6", "S2.3", "S2.3", "S2.3"
        ]  # fmt: skip
        sheet["I4"], sheet["J4"] = "已完成", dt.datetime(2023, 8, 25)  # S1.6, its own: good
        sheet.protection.sheet = False
        sheet["D5"] = "S2.1"  # a plan column changed to another obligation, not the county's
        sheet["I5"] = "推进中"
        book.save(book_path)
        merged = tmp_path / "merged.csv"
        code = main(["ledger", "merge", str(merged), str(book_path), "--as-of", "2023-10-15"])
        captured = capsys.readouterr()
        assert code == 1
        assert (
            f"{book_path}:台账!M5: S2.1 does not fall on 曹县: it falls on 市直各领域 "
            "(18 units or counties); report only the obligations your workbook lists"
        ) in captured.out
        assert "0 milestone row(s), 0 target actual(s), 1 obligation row(s)" in captured.out
        rows = list(csv.DictReader(io.StringIO(merged.read_text(encoding="utf-8-sig"))))
        assert [(r["保障措施"], r["填报单位"], r["状态"], r["完成日期"]) for r in rows] == [
            ("S1.6", "曹县", "已完成", "2023-08-25")
        ]
        assert rows[0]["来源"] == f"{book_path}:台账!4"


class TestRoundTrip:
    """Obligation rows written as CSV, JSON and xlsx read back the same."""

    @pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
    def test_written_and_read(self, tmp_path: Path, plan: Plan, fmt: str) -> None:
        if fmt == "xlsx":
            pytest.importorskip("openpyxl")
        ledger = Ledger(
            obligations=[
                ObligationEntry("S1.6", Progress.DONE, dt.date(2023, 8, 25), unit="曹县", source="a:1"),
                ObligationEntry("S3.2", Progress.IN_PROGRESS, note="按月调查", source="a:2"),
            ],
            obligation_actuals=[
                ObligationActual("S2.3", 1, 2.0, dt.date(2023, 10, 15), unit="曹县", source="a:3"),
            ],
        )
        path = tmp_path / f"l.{fmt}"
        path.write_bytes(write_ledger(plan, ledger, fmt))
        read_back = load_ledger(path, plan)
        assert read_back.problems == ()
        assert read_back.ledger == ledger


class TestReports:
    """Every report format has the obligations as their own section."""

    @pytest.fixture
    def result(self, plan: Plan) -> object:
        ledger = Ledger(
            obligations=[
                ObligationEntry("S1.6", Progress.DONE, dt.date(2023, 8, 25), unit="曹县", source="x:2")
            ],
            obligation_actuals=[ObligationActual("S2.1", 1, 8, dt.date(2023, 10, 15), source="x:3")],
        )
        return status(plan, ledger, as_of=dt.date(2023, 10, 15))

    def test_text(self, result: object) -> None:
        text = to_table(result)  # type: ignore[arg-type]
        section = text.split("== 保障措施义务 obligations of the safeguards", 1)[1]
        assert "  S1.6             单县" in section  # overdue, listed
        assert "S2.1.1" in section
        assert "已达成 met" in section

    def test_csv(self, result: object) -> None:
        rows = list(csv.DictReader(io.StringIO(to_csv(result).lstrip("\ufeff"))))  # type: ignore[arg-type]
        shares = [r for r in rows if r["kind"] == "obligation" and r["task"] == "S1.6"]
        assert len(shares) == len({r["unit"] for r in shares}) == 29
        (caoxian,) = [r for r in shares if r["unit"] == "曹县"]
        assert (caoxian["state"], caoxian["completed"], caoxian["due"]) == (
            "按期完成",
            "2023-08-25",
            "2023-08-29",
        )
        figures = [r for r in rows if r["kind"] == "obligation target"]
        assert [(r["task"], r["index"], r["actual"], r["state_en"]) for r in figures[:1]] == [
            ("S2.1", "1", "8", "met")
        ]

    def test_json(self, result: object) -> None:
        data = json.loads(json.dumps(to_data(result)))  # type: ignore[arg-type]
        assert data["obligation_counts"]["done on time"] == 1
        assert {s["unit"] for s in data["obligations"] if s["obligation"] == "S1.4"} == set(HEZE_COUNTIES)
        assert any(s["name"] == "曹县" for s in data["by_obligation_unit"])

    def test_html(self, result: object) -> None:
        page = to_html(result)  # type: ignore[arg-type]
        assert "<h2>保障措施义务 Obligations of the safeguards</h2>" in page
        assert page.count('<tr class="share" data-obligation="S1.6"') == 29
        assert page.count('data-obligation="S1.6" data-state="overdue"') == 28

    def test_xlsx_reread_with_openpyxl(self, result: object, tmp_path: Path) -> None:
        openpyxl = pytest.importorskip("openpyxl")
        from heze_plan.progress.report import to_xlsx

        path = tmp_path / "r.xlsx"
        path.write_bytes(to_xlsx(result))  # type: ignore[arg-type]
        book = openpyxl.load_workbook(path)
        shares = list(book["保障措施义务"].iter_rows(values_only=True))
        assert shares[0][:2] == ("义务 obligation", "单位或县区 unit or county")
        assert ("S1.6", "曹县") in {r[:2] for r in shares[1:]}
        (caoxian,) = [r for r in shares if r[:2] == ("S1.6", "曹县")]
        assert caoxian[4:6] == ("按期完成 done on time", dt.datetime(2023, 8, 25))
        figures = list(book["保障措施目标"].iter_rows(values_only=True))
        assert figures[1][:2] == ("S2.1", 1)
        assert figures[1][5] == 8
        units = {r[0]: r[1] for r in book["义务按单位"].iter_rows(min_row=2, values_only=True)}
        assert units["曹县"] == 4  # S1.3, S1.4, S1.6, S2.3
