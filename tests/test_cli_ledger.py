"""Tests of the ``ledger init``, ``ledger check`` and ``report`` commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from heze_plan.cli import main

#: The sample ledger shipped in examples/ (plausible, invented data).
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"


class TestLedgerInit:
    """``ledger init`` writes a template, and never overwrites a file unless told to."""

    def test_writes_csv(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        target = tmp_path / "sub" / "台账.csv"
        assert main(["ledger", "init", str(target)]) == 0
        text = target.read_text(encoding="utf-8")
        assert text.startswith("\ufeff任务序号,")
        # and the 13 obligations of the safeguards with the 24 rows of their targets
        assert len(text.splitlines()) == 1 + 121 + 87 + 64 + 13 + 24
        assert "wrote" in capsys.readouterr().out

    def test_json_for_one_unit_by_alias(self, tmp_path: Path) -> None:
        target = tmp_path / "t.json"
        assert main(["ledger", "init", str(target), "--unit", "审批局"]) == 0
        data = json.loads(target.read_text(encoding="utf-8"))
        assert {row["unit"] for row in data["milestones"]} == {"市行政审批服务局"}

    def test_refuses_to_overwrite(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        target = tmp_path / "mine.csv"
        target.write_text("my own work\n", encoding="utf-8")
        assert main(["ledger", "init", str(target)]) == 2
        assert capsys.readouterr().err == (
            f"heze-plan: error: {target} exists; it is not overwritten (use --force to replace it)\n"
        )
        assert target.read_text(encoding="utf-8") == "my own work\n"
        assert main(["ledger", "init", str(target), "--force", "--lang", "en"]) == 0
        assert target.read_text(encoding="utf-8").startswith("\ufefftask,milestone,target,")

    @pytest.mark.parametrize(
        ("unit", "message"),
        [
            ("市发改局", "unknown unit '市发改局'; did you mean"),
        ],
    )
    def test_bad_unit(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], unit: str, message: str
    ) -> None:
        assert main(["ledger", "init", str(tmp_path / "x.csv"), "--unit", unit]) == 2
        assert message in capsys.readouterr().err
        assert not (tmp_path / "x.csv").exists()


class TestLedgerCheck:
    """``ledger check`` lists every problem with file and line, and exits 1 when there are any."""

    def test_sample_is_clean(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["ledger", "check", str(SAMPLE), "--as-of", "2023-10-15"]) == 0
        assert capsys.readouterr().out.splitlines() == [
            f"read {SAMPLE} as UTF-8 (with BOM) CSV",
            "48 milestone row(s), 14 target actual(s), 0 obligation row(s) and 0 obligation target "
            "actual(s) read; no problems",
        ]

    def test_converted_workbooks_are_the_office_readers(self) -> None:
        """The ledger reader converts exactly the workbooks the plan readers convert (kept apart so
        that reading a CSV ledger does not import every plan reader)."""
        from heze_plan.progress import ledger_files
        from heze_plan.sources import office

        assert ledger_files._CONVERTED == office.WORKBOOK_SUFFIXES

    def test_xls_without_libreoffice(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An .xls ledger where LibreOffice is missing: one line saying what to do, the file untouched."""
        monkeypatch.setenv("HEZE_PLAN_SOFFICE", str(tmp_path / "no-soffice"))
        path = tmp_path / "科技局.xls"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
        before = path.read_bytes()
        assert main(["ledger", "check", str(path)]) != 0
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "科技局.xls" in err
        assert "LibreOffice" in err
        assert "save the file as .xlsx" in err
        assert path.read_bytes() == before

    def test_problems(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "l.csv"
        path.write_text(
            "任务序号,时间节点,状态,完成日期\n8,1,已完成,\n999,1,推进中,\n2,1,已完成,2023-09-26\n",
            encoding="utf-8",
        )
        before = path.read_bytes()
        assert main(["ledger", "check", str(path), "--as-of", "2023-10-15"]) == 1
        captured = capsys.readouterr()
        assert captured.out.splitlines() == [
            f"read {path} as UTF-8 CSV",
            f"{path}:line 2: status done needs a completion date",
            f"{path}:line 3: unknown task 999: the plan numbers its tasks 1..195",
        ]
        summary = (
            "1 milestone row(s), 0 target actual(s), 0 obligation row(s) and 0 obligation target "
            "actual(s) read; 2 problem(s)"
        )
        assert summary in captured.err
        assert path.read_bytes() == before

    def test_as_of_makes_later_dates_problems(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["ledger", "check", str(SAMPLE), "--as-of", "2023-09-30"]) == 1
        out = capsys.readouterr().out
        assert "line 17: completion date 2023-10-10 is after 2023-09-30, the date checked for" in out

    def test_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["ledger", "check", str(tmp_path / "missing.csv")]) == 2
        assert "cannot read ledger" in capsys.readouterr().err

    def test_bad_date_option(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as exit_info:
            main(["ledger", "check", str(SAMPLE), "--as-of", "15/10/2023"])
        assert exit_info.value.code == 2
        assert "'15/10/2023' is not a date: write YYYY-MM-DD" in capsys.readouterr().err


class TestReport:
    """``report`` prints or writes the report; problems go to stderr and fail the run only with --strict."""

    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["report", "--ledger", str(SAMPLE), "--as-of", "2023-10-15"]) == 0
        assert capsys.readouterr().out.startswith("截至 2023-10-15 进度 Progress as of 2023-10-15 ")

    def test_within_and_unit(self, capsys: pytest.CaptureFixture[str]) -> None:
        """From Sunday 2023-10-15, 12 working days to 10月底: 市财政局's 110, 112, 113.2 (111 is done)."""
        args = ["report", "--ledger", str(SAMPLE), "--as-of", "2023-10-15", "--format", "json"]
        assert main([*args, "--within", "12", "--unit", "市财政局"]) == 0
        data = json.loads(capsys.readouterr().out)
        soon = sorted((i["task"], i["milestone"]) for i in data["items"] if i["state"] == "due soon")
        assert soon == [(110, 1), (112, 1), (113, 2)]
        assert data["unit"] == "市财政局"

    @pytest.mark.parametrize(
        ("unit", "leads", "shares"),
        [
            # 曹县 acts through 各县区政府、管委会: `tasks --unit 曹县` lists 171 tasks, none led.
            ("曹县", 0, 171),
            # 市检察院 leads nothing; 责任单位 in tasks of others.
            ("市检察院", 0, 1),
            ("科技局", 5, 3),
        ],
    )
    def test_every_unit_gets_its_share(
        self, capsys: pytest.CaptureFixture[str], unit: str, leads: int, shares: int
    ) -> None:
        args = ["report", "--ledger", str(SAMPLE), "--as-of", "2023-10-15", "--format", "json"]
        assert main([*args, "--unit", unit]) == 0
        data = json.loads(capsys.readouterr().out)
        tasks = {i["task"] for i in data["items"]}
        assert len(data["responsible_only_tasks"]) == shares
        assert len(tasks) - shares == leads
        assert data["by_responsible_unit"]
        assert main(["report", "--ledger", str(SAMPLE), "--as-of", "2023-10-15", "--unit", unit]) == 0
        text = capsys.readouterr().out
        assert f"牵头 {leads} 项任务 (leads), 参与 {shares} 项任务 (responsible)" in text
        assert "按责任单位 by responsible unit:" in text

    def test_html_to_file(self, tmp_path: Path) -> None:
        out = tmp_path / "r" / "report.html"
        assert (
            main(
                [
                    "report",
                    "--ledger",
                    str(SAMPLE),
                    "--as-of",
                    "2023-10-15",
                    "--format",
                    "html",
                    "-o",
                    str(out),
                ]
            )
            == 0
        )
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    def test_refuses_to_write_the_report_over_the_ledger(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "台账.csv"
        shutil.copy(SAMPLE, path)
        before = path.read_bytes()
        args = ["report", "--ledger", str(path), "--as-of", "2023-10-15", "--format", "html", "-o", str(path)]
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "refusing to write" in err
        assert path.read_bytes() == before

    def test_problems_and_strict(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "l.csv"
        shutil.copy(SAMPLE, path)
        with path.open("a", encoding="utf-8") as handle:
            handle.write("999,1,,,推进中,,,,,,\r\n")
        args = ["report", "--ledger", str(path), "--as-of", "2023-10-15", "--format", "csv"]
        assert main(args) == 0
        captured = capsys.readouterr()
        assert captured.out.startswith("\ufeffkind,task,")
        assert f"{path}:line 64: unknown task 999" in captured.err
        assert main([*args, "--strict"]) == 1

    def test_bad_within(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            main(["report", "--ledger", str(SAMPLE), "--as-of", "2023-10-15", "--within", "-1"])
        assert "'-1' is not a number of working days" in capsys.readouterr().err

    def test_as_of_is_required(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            main(["report", "--ledger", str(SAMPLE)])
        assert "--as-of" in capsys.readouterr().err


class TestReportWithoutTargets:
    """A plan of the family that states no figure: the report says so instead of an empty table."""

    def test_family_plan(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """钢城区 2021 (tests/data/family/real/gangcheng-district-2021.txt): four tasks, no figure."""
        plan = Path(__file__).parent / "data" / "family" / "real" / "gangcheng-district-2021.txt"
        ledger = tmp_path / "台账.csv"
        assert main(["ledger", "init", str(ledger), "--plan", str(plan)]) == 0
        capsys.readouterr()
        assert main(["report", "--plan", str(plan), "--ledger", str(ledger), "--as-of", "2021-06-30"]) == 0
        out = capsys.readouterr().out
        assert "量化目标 targets:\n  （无量化目标 the plan states no quantitative target）" in out
        assert "目标 target  表述 phrase" not in out
        assert "常态推进 ongoing                4" in out
