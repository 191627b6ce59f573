"""Real-client proof: LibreOffice Calc opens the generated workbooks, and what it saves reads back.

LibreOffice runs headless with a private profile for this test session
(``-env:UserInstallation``), so it never touches a user's own settings. The
tests skip, saying why, where ``soffice`` is not installed (``.ci/run``
installs Debian's ``libreoffice-calc``).
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from heze_plan.cli import main
from heze_plan.model.plan import Plan
from heze_plan.progress.ledger import Progress
from heze_plan.progress.ledger_files import load_ledger

openpyxl = pytest.importorskip("openpyxl")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

#: LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1; the last field picks the
#: sheet to write (2: the 台账 sheet; the first is 填报说明).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2"


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> str:
    return (tmp_path_factory.mktemp("libreoffice-profile")).as_uri()


def convert(profile: str, source: Path, target: str, outdir: Path) -> None:
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


def cell_text(value: object) -> str:
    """A cell as LibreOffice's CSV shows it: dates in the cell's yyyy-mm-dd format."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return "" if value is None else str(value)


class TestLibreOffice:
    """LibreOffice reads our workbooks as we wrote them, and we read what it saves."""

    def test_template_converts_to_the_same_rows(self, tmp_path: Path, profile: str) -> None:
        book = tmp_path / "台账.xlsx"
        assert main(["ledger", "init", str(book)]) == 0
        convert(profile, book, CSV_FILTER, tmp_path / "csv")
        (written,) = (tmp_path / "csv").glob("*.csv")
        with written.open(encoding="utf-8", newline="") as handle:
            theirs = list(csv.reader(handle))
        ours = [
            [cell_text(v) for v in row]
            for row in openpyxl.load_workbook(book)["台账"].iter_rows(values_only=True)
        ]
        assert theirs == ours
        # every task row, the 13 obligations of the safeguards and the 24 rows of their targets
        assert len(theirs) == 1 + 121 + 87 + 64 + 13 + 24

    def test_report_workbook_opens(self, tmp_path: Path, profile: str) -> None:
        sample = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"
        report = tmp_path / "report.xlsx"
        args = [
            "report",
            "--ledger",
            str(sample),
            "--as-of",
            "2023-10-15",
            "--format",
            "xlsx",
            "-o",
            str(report),
        ]
        assert main(args) == 0
        convert(profile, report, CSV_FILTER, tmp_path / "csv")  # sheet 2: 已逾期
        (written,) = (tmp_path / "csv").glob("*.csv")
        rows = list(csv.reader(written.open(encoding="utf-8", newline="")))
        assert rows[0][0] == "任务 task"
        assert len(rows) - 1 == 6  # the six overdue milestones

    def test_filled_and_saved_by_libreoffice_reads_back(
        self, tmp_path: Path, plan: Plan, profile: str
    ) -> None:
        book = tmp_path / "filled.xlsx"
        assert main(["ledger", "init", str(book), "--lead", "审批局"]) == 0
        filled = openpyxl.load_workbook(book)
        sheet = filled["台账"]
        sheet["I2"], sheet["J2"], sheet["M2"] = "已完成", dt.datetime(2023, 9, 20), "市行政审批服务局"
        # row 3 is task 1's target (全部实现网上办理), a row for a value, not a status
        sheet["I4"], sheet["N4"] = "进行中", "按计划推进"
        filled.save(book)
        task2, task3 = sheet["A2"].value, sheet["A4"].value
        resaved = tmp_path / "resaved"
        convert(profile, book, "xlsx:Calc MS Excel 2007 XML", resaved)
        again = resaved / "filled.xlsx"
        read = load_ledger(again, plan, as_of=dt.date(2023, 10, 15))
        assert read.problems == ()
        entries = {(e.task, e.status, e.completed, e.unit, e.note) for e in read.ledger.entries}
        assert (task2, Progress.DONE, dt.date(2023, 9, 20), "市行政审批服务局", "") in entries
        assert (
            task3,
            Progress.IN_PROGRESS,
            None,
            "市行政审批服务局",
            "按计划推进",
        ) in entries  # unit prefilled
        assert len(entries) == 2
        # LibreOffice kept the rows, the drop-down list and the protection.
        kept = openpyxl.load_workbook(again)["台账"]
        assert kept.max_row == sheet.max_row
        lists = [v for v in kept.data_validations.dataValidation if v.type == "list"]
        assert [v.formula1 for v in lists] == ['"未启动,推进中,已完成,已取消"']
        assert kept.protection.sheet
        assert kept["A5"].protection.locked
        assert not kept["I5"].protection.locked

    @pytest.mark.parametrize(("suffix", "target"), [(".xls", "xls:MS Excel 97"), (".ods", "ods")])
    def test_saved_as_xls_or_ods_reads_back(
        self, tmp_path: Path, plan: Plan, profile: str, suffix: str, target: str
    ) -> None:
        """A unit that saves its workbook as Excel 97–2003 (.xls) or OpenDocument (.ods) is read too,
        through LibreOffice, with problems located in the same cells."""
        book = tmp_path / "filled.xlsx"
        assert main(["ledger", "init", str(book), "--lead", "审批局"]) == 0
        filled = openpyxl.load_workbook(book)
        sheet = filled["台账"]
        sheet["I2"], sheet["J2"], sheet["M2"] = "已完成", dt.datetime(2023, 9, 20), "市行政审批服务局"
        sheet["I5"], sheet["J5"] = "已完成", "九月底"  # not a date: a problem named by its cell
        filled.save(book)
        convert(profile, book, target, tmp_path / "saved")
        saved = tmp_path / "saved" / f"filled{suffix}"
        assert saved.read_bytes()[:2] != b"PK" or suffix == ".ods"  # a real .xls, not a renamed .xlsx
        read = load_ledger(saved, plan, as_of=dt.date(2023, 10, 15))
        assert read.encoding.startswith(suffix.lstrip("."))
        assert "converted by LibreOffice" in read.encoding
        done = [(e.task, e.status, e.completed) for e in read.ledger.entries if e.status is Progress.DONE]
        assert done == [(sheet["A2"].value, Progress.DONE, dt.date(2023, 9, 20))]
        assert [p.where for p in read.problems] == ["台账!J5"]

    def test_report_obligations_sheet_opens(self, tmp_path: Path, profile: str) -> None:
        """The 保障措施义务 sheet (the 8th) as LibreOffice reads it: a row per share, S1.6's 29.

        S1.6 各县区、市直领域牵头部门要在本行动计划印发1个月内制定具体落实方案: the areas' lead units
        and the 11 county-level divisions; by 2023-10-15 each is overdue in the sample ledger,
        which reports no obligation.
        """
        sample = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"
        report = tmp_path / "report.xlsx"
        args = ["report", "--ledger", str(sample), "--as-of", "2023-10-15", "--format", "xlsx"]
        assert main([*args, "-o", str(report)]) == 0
        convert(profile, report, CSV_FILTER.rsplit(",", 1)[0] + ",8", tmp_path / "csv")
        (written,) = (tmp_path / "csv").glob("*.csv")
        rows = list(csv.reader(written.open(encoding="utf-8", newline="")))
        assert rows[0][:2] == ["义务 obligation", "单位或县区 unit or county"]
        s16 = [r for r in rows[1:] if r[0] == "S1.6"]
        assert len(s16) == 29
        assert {r[3] for r in s16} == {"2023-08-29"}
        assert {r[4] for r in s16} == {"已逾期 overdue"}
        assert {r[6] for r in s16} == {"47"}  # 2023-08-29 to 2023-10-15

    def test_county_workbook_saved_by_libreoffice_reads_back(
        self, tmp_path: Path, plan: Plan, profile: str
    ) -> None:
        """A county fills in its share of S1.6 and S2.3's figure in LibreOffice; both read back."""
        book = tmp_path / "曹县.xlsx"
        assert main(["ledger", "init", str(book), "--unit", "曹县"]) == 0
        filled = openpyxl.load_workbook(book)
        sheet = filled["台账"]
        rows = {(sheet[f"D{r}"].value, sheet[f"C{r}"].value): r for r in range(2, sheet.max_row + 1)}
        s16, figure = rows["S1.6", None], rows["S2.3", 1]
        sheet[f"I{s16}"], sheet[f"J{s16}"] = "已办结", dt.datetime(2023, 8, 28)
        sheet[f"K{figure}"], sheet[f"L{figure}"] = 3, dt.datetime(2023, 10, 15)
        filled.save(book)
        resaved = tmp_path / "resaved"
        convert(profile, book, "xlsx:Calc MS Excel 2007 XML", resaved)
        read = load_ledger(resaved / "曹县.xlsx", plan, as_of=dt.date(2023, 10, 15))
        assert read.problems == ()
        assert [(o.obligation, o.unit, o.status, o.completed) for o in read.ledger.obligations] == [
            ("S1.6", "曹县", Progress.DONE, dt.date(2023, 8, 28))
        ]
        assert [(a.obligation, a.target, a.unit, a.value) for a in read.ledger.obligation_actuals] == [
            ("S2.3", 1, "曹县", 3)
        ]
