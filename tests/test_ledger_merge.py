"""Tests of ``ledger merge``: the workbooks and CSVs units send back, merged with every conflict shown.

The facts used, from the source text: task 110 (拓展政采惠企政策功能, 10月底前) is led by 市财政局,
with 市科技局 among its 责任单位; task 102 (8月底前) has four lead units, 市人力资源社会保障局 and
市住房城乡建设局 among them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from heze_plan.cli import main
from heze_plan.model.plan import Plan
from heze_plan.progress.ledger import Ledger, MilestoneEntry, Progress
from heze_plan.progress.ledger_files import load_ledger, read_ledger
from heze_plan.progress.merge import merge_ledgers

openpyxl = pytest.importorskip("openpyxl")

CSV_HEADER = "任务序号,时间节点,状态,完成日期,填报单位,备注\n"


def workbook_for(tmp_path: Path, unit: str) -> Path:
    """The workbook ``ledger init --split-by-unit`` sends ``unit``."""
    out = tmp_path / "sent"
    if not out.exists():
        assert main(["ledger", "init", "--split-by-unit", str(out)]) == 0
    return out / f"{unit}.xlsx"


def fill_row(path: Path, task: int, milestone: int, **cells: object) -> int:
    """Fill the row of ``task``'s ``milestone`` (cells by header: 状态=…); the row number."""
    book = openpyxl.load_workbook(path)
    sheet = book["台账"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == task and row[1].value == milestone:
            for name, value in cells.items():
                row[header.index(name)].value = value
            book.save(path)
            return row[0].row
    raise AssertionError(f"no row for task {task} milestone {milestone} in {path}")


class TestMerge:
    """Reports that agree are one; a lead unit's report settles a disagreement; others stay unresolved."""

    def test_lead_unit_wins_and_sources_are_kept(
        self, tmp_path: Path, plan: Plan, capsys: pytest.CaptureFixture[str]
    ) -> None:
        finance = workbook_for(tmp_path, "市财政局")
        row = fill_row(finance, 110, 1, 状态="已完成", 完成日期=dt.datetime(2023, 10, 10))
        science = tmp_path / "科技局.csv"  # 市科技局 shares task 110 and saved a GBK CSV
        science.write_bytes((CSV_HEADER + "110,1,推进中,,市科技局,\n").encode("gbk"))
        out = tmp_path / "merged.xlsx"
        args = ["ledger", "merge", str(out), str(finance), str(science), "--as-of", "2023-10-15"]
        assert main(args) == 0
        printed = capsys.readouterr().out
        assert f"read {science} as GB18030/GBK CSV: 1 row(s)" in printed
        assert (
            f"conflict on task 110 milestone 1: {finance}:台账!{row} (市财政局) says 已完成 2023-10-10; "
            f"{science}:line 2 (市科技局) says 推进中 → kept the lead unit's report from {finance}:台账!{row}"
        ) in printed
        merged, problems = read_ledger(out, plan)
        assert problems == []
        entry = merged.entry(110, 1)
        assert entry is not None
        assert (entry.status, entry.completed, entry.unit, entry.source) == (
            Progress.DONE,
            dt.date(2023, 10, 10),
            "市财政局",
            f"{finance}:台账!{row}",
        )

    def test_two_leads_disagreeing_stay_unresolved(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        labour = tmp_path / "人社.csv"
        labour.write_text(CSV_HEADER + "102,1,已完成,2023-09-12,市人力资源社会保障局,\n", encoding="utf-8")
        housing = tmp_path / "住建.csv"
        housing.write_text(CSV_HEADER + "102,1,推进中,,市住房城乡建设局,\n", encoding="utf-8-sig")
        out = tmp_path / "merged.csv"
        assert main(["ledger", "merge", str(out), str(labour), str(housing), "--as-of", "2023-10-15"]) == 1
        captured = capsys.readouterr()
        assert "unresolved: no lead unit's report settles it, none is kept" in captured.out
        assert "1 unresolved conflict(s) are not in" in captured.err
        assert "102,1" not in out.read_text(encoding="utf-8-sig")

    def test_strict_refuses(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        finance = tmp_path / "财政.csv"
        finance.write_text(CSV_HEADER + "110,1,已完成,2023-10-10,市财政局,\n", encoding="utf-8")
        science = tmp_path / "科技.csv"
        science.write_text(CSV_HEADER + "110,1,推进中,,市科技局,\n", encoding="utf-8")
        out = tmp_path / "merged.csv"
        args = ["ledger", "merge", str(out), str(finance), str(science), "--strict", "--as-of", "2023-10-15"]
        assert main(args) == 1
        assert "with --strict" in capsys.readouterr().err
        assert not out.exists()

    def test_agreeing_reports_are_one(self, plan: Plan) -> None:
        a = MilestoneEntry(
            110, 1, Progress.DONE, dt.date(2023, 10, 10), unit="市财政局", source="a.csv:line 2"
        )
        b = MilestoneEntry(
            110, 1, Progress.DONE, dt.date(2023, 10, 10), unit="市科技局", source="b.csv:line 5"
        )
        merged = merge_ledgers(plan, [Ledger([a]), Ledger([b])])
        assert merged.ledger.entries == (a,)
        assert merged.conflicts == ()

    def test_rounds_do_not_conflict(self, plan: Plan) -> None:
        september = MilestoneEntry(110, 1, Progress.IN_PROGRESS, unit="市财政局", as_of=dt.date(2023, 9, 30))
        october = MilestoneEntry(
            110, 1, Progress.DONE, dt.date(2023, 10, 10), unit="市财政局", as_of=dt.date(2023, 10, 31)
        )
        merged = merge_ledgers(plan, [Ledger([september]), Ledger([october])])
        assert merged.conflicts == ()
        assert merged.ledger.entry(110, 1, dt.date(2023, 10, 15)) == september
        assert merged.ledger.entry(110, 1, dt.date(2023, 10, 31)) == october

    def test_unit_outside_the_task_and_edited_plan_columns(
        self, tmp_path: Path, plan: Plan, capsys: pytest.CaptureFixture[str]
    ) -> None:
        science = workbook_for(tmp_path, "市科技局")
        # The unit typed another task's number over 161 (its own, 培育壮大创新主体): the title tells.
        row = fill_row(science, 161, 1, 状态="推进中", 任务序号=162)
        stranger = tmp_path / "x.csv"
        stranger.write_text(CSV_HEADER + "2,1,推进中,,市科技局,\n", encoding="utf-8")
        out = tmp_path / "merged.json"
        args = ["ledger", "merge", str(out), str(science), str(stranger), "--as-of", "2023-10-15"]
        assert main(args) == 1
        printed = capsys.readouterr().out
        assert (
            f"{science}:台账!E{row}: the plan column 任务名称 was edited: task 162 is "
            "'用好全省科技型中小企业“众扶平台”', the row says '培育壮大创新主体' "
            "(that is the title of task 161)"
        ) in printed
        assert f"{stranger}:line 2: 市科技局 is not a unit of task 2" in printed
        assert load_ledger(out, plan).ledger.entries == ()

    def test_refuses_to_write_over_an_input(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        finance = tmp_path / "财政.csv"
        finance.write_text(CSV_HEADER + "110,1,已完成,2023-10-10,市财政局,\n", encoding="utf-8")
        before = finance.read_bytes()
        assert main(["ledger", "merge", str(finance), str(finance), "--force"]) == 2
        assert "it is the input file" in capsys.readouterr().err
        assert finance.read_bytes() == before
