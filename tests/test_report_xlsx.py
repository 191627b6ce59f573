"""Tests of ``report --format xlsx``: the workbook a coordinating office forwards.

Figures from the shipped sample ledger as of 2023-10-15 (see tests/test_report.py): 6 milestones
overdue, among them task 159 (8月底前, 市发展改革委 and 市法院), 45 calendar days late.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from heze_plan.cli import main
from heze_plan.common.workdays import working_days_between

openpyxl = pytest.importorskip("openpyxl")

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> object:
    out = tmp_path_factory.mktemp("r") / "report.xlsx"
    args = ["report", "--ledger", str(SAMPLE), "--as-of", "2023-10-15", "--format", "xlsx", "-o", str(out)]
    assert main(args) == 0
    return openpyxl.load_workbook(out)


class TestXlsxReport:
    """Summary, overdue and due-soon lists, scoreboards, targets, month by month, problems."""

    def test_sheets(self, book: object) -> None:
        assert book.sheetnames == [  # type: ignore[attr-defined]
            "摘要",
            "已逾期",
            "即将到期",
            "按领域",
            "按牵头单位",
            "按责任单位",
            "量化目标",
            "保障措施义务",
            "义务按单位",
            "保障措施目标",
            "逐月",
            "台账问题",
        ]

    def test_summary(self, book: object) -> None:
        rows = {r[0]: r[1] for r in book["摘要"].iter_rows(values_only=True) if r and r[0]}  # type: ignore[index]
        assert rows["截至 as of"] == dt.datetime(2023, 10, 15)
        assert rows["已逾期 overdue"] == 6

    def test_overdue_list(self, book: object) -> None:
        rows = list(book["已逾期"].iter_rows(values_only=True))  # type: ignore[index]
        assert rows[0][:5] == (
            "任务 task",
            "节点 milestone",
            "内容 deliverable",
            "牵头单位 lead units",
            "截止 due",
        )
        task159 = next(r for r in rows[1:] if r[0] == 159)
        assert task159[3] == "市发展改革委；市法院"
        assert task159[4] == dt.datetime(2023, 8, 31)
        # Working days late from the China calendar (National Day week off, 10-07 and 10-08 worked).
        assert task159[5] == working_days_between(dt.date(2023, 8, 31), dt.date(2023, 10, 15))
        assert task159[6] == 45
        assert len(rows) - 1 == 6

    def test_scoreboards_and_targets(self, book: object) -> None:
        areas = list(book["按领域"].iter_rows(values_only=True))  # type: ignore[index]
        assert len(areas) - 1 == 21
        assert any(r[0] == "（一）开办企业" for r in areas[1:])
        assert len(list(book["按责任单位"].iter_rows())) > 1  # type: ignore[index]
        targets = list(book["量化目标"].iter_rows(values_only=True))  # type: ignore[index]
        assert len(targets) - 1 == 64  # the task targets of tests/data/expected_targets.csv

    def test_needs_an_output_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        args = ["report", "--ledger", str(SAMPLE), "--as-of", "2023-10-15", "--format", "xlsx"]
        assert main(args) == 2
        assert "give the file with -o FILE.xlsx" in capsys.readouterr().err
