"""``--plan FILE`` on every command: a plan published as PDF, Word, a web page or a task table.

Each command run on a file in another format prints what it prints for the
plan's source text (``--plan heze-2023-plan.txt``): the readers lose nothing
a command shows. A task table holds the tasks only (no goal, principles or
safeguards), so the commands that show tasks are compared with the
embedded plan, whose tasks it carries (the calendar and the summary also name
the issuer, which a table does not).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from heze_plan.cli import main

SOURCE = Path(__file__).parent.parent / "src" / "heze_plan" / "data" / "heze-2023-plan.txt"

#: Every command that works on a plan, with its other arguments ({out}: a fresh output path).
COMMANDS: dict[str, list[str]] = {
    "summary": ["summary"],
    "tasks": ["tasks", "--lead", "市行政审批服务局", "--format", "json"],
    "show": ["show", "58", "--format", "json"],
    "units": ["units", "--format", "csv"],
    "areas": ["areas"],
    "targets": ["targets", "--format", "json"],
    "timeline": ["timeline"],
    "calendar": ["calendar", "--area", "3"],
    "feeds": ["feeds", "{out}", "--base-url", "https://example.org/feeds/"],
    "check": ["check"],
    "export": ["export"],
    "ledger init": ["ledger", "init", "{out}.csv"],
}


def _run(capsys: pytest.CaptureFixture[str], argv: list[str], plan: Path, out: Path) -> tuple[int, str, str]:
    code = main([arg.format(out=out) for arg in argv] + ["--plan", str(plan)])
    printed, errors = capsys.readouterr()
    return code, printed.replace(str(out), "OUT"), errors.replace(str(out), "OUT")


def _written(out: Path) -> dict[str, bytes]:
    """What a command wrote: a directory's files or one file, by name."""
    if out.is_dir():
        return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    single = out.with_name(out.name + ".csv")
    return {"ledger": single.read_bytes()} if single.exists() else {}


class TestEveryCommandReadsEveryFormat:
    """Each command prints and writes for a PDF (and a Word file, a web page) what it does for the text.

    Every command runs on the PDF; the Word document and the web pages, which
    ``tests/test_sources.py`` shows read as the very plan the text does, run the
    command that prints the whole plan.
    """

    @pytest.mark.parametrize(
        ("kind", "command"),
        [
            *(("pdf", command) for command in COMMANDS),
            ("docx", "export"),
            ("html", "export"),
            ("html-br", "tasks"),
        ],
    )
    def test_same_as_the_text(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        published: dict[str, Path],
        command: str,
        kind: str,
    ) -> None:
        argv = COMMANDS[command]
        expected = _run(capsys, argv, SOURCE, tmp_path / "from-text")
        written = _written(tmp_path / "from-text")
        shutil.rmtree(tmp_path / "from-text", ignore_errors=True)
        (tmp_path / "from-text.csv").unlink(missing_ok=True)
        got = _run(capsys, argv, published[kind], tmp_path / "from-text")
        assert got == expected
        assert got[0] == 0, got[2]
        assert _written(tmp_path / "from-text") == written

    @pytest.mark.parametrize("command", ["tasks", "timeline", "areas"])
    @pytest.mark.parametrize("kind", ["xlsx", "csv"])
    def test_task_tables_as_the_embedded_plan(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        published: dict[str, Path],
        command: str,
        kind: str,
    ) -> None:
        argv = COMMANDS[command]
        code = main([arg.format(out=tmp_path / "embedded") for arg in argv])
        expected = capsys.readouterr().out.replace(str(tmp_path / "embedded"), "OUT")
        assert code == 0
        got = _run(capsys, argv, published[kind], tmp_path / "embedded")
        if command == "timeline":  # a task table has no safeguards: their block ends the embedded timeline
            expected = expected.split("\n\nsafeguards  ")[0] + ("\n" if "\nsafeguards  " in expected else "")
        assert got[:2] == (0, expected)


class TestLedgerAndReport:
    """A ledger written from a PDF plan is checked and reported on against the same PDF."""

    def test_ledger_check_and_report(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, published: dict[str, Path]
    ) -> None:
        ledger = tmp_path / "台账.csv"
        pdf = str(published["pdf"])
        assert main(["ledger", "init", str(ledger), "--plan", pdf]) == 0
        assert main(["ledger", "check", str(ledger), "--plan", pdf, "--as-of", "2023-08-01"]) == 0
        capsys.readouterr()
        assert main(["report", "--ledger", str(ledger), "--as-of", "2023-08-01", "--plan", pdf]) == 0
        from_pdf = capsys.readouterr().out
        assert main(["report", "--ledger", str(ledger), "--as-of", "2023-08-01", "--plan", str(SOURCE)]) == 0
        assert capsys.readouterr().out == from_pdf


class TestBadFiles:
    """A file that cannot be read is one line naming it, exit status 2, no traceback."""

    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("plan.pdf", b"%PDF-1.7\n1 0 obj", "plan.pdf: not a readable PDF"),
            ("plan.wps", b"x", "plan.wps: unknown kind of file '.wps'"),
            ("plan.docx", b"PK\x03\x04garbage", "plan.docx: not a readable .docx document"),
            ("plan.xlsx", b"PK\x03\x04garbage", "plan.xlsx: not a readable .xlsx workbook"),
            ("list.csv", "姓名,电话\n张三,1\n".encode(), "list.csv: no task-table header"),
        ],
    )
    def test_unreadable(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes, message: str
    ) -> None:
        path = tmp_path / name
        path.write_bytes(content)
        assert main(["tasks", "--plan", str(path)]) == 2
        out, err = capsys.readouterr()
        assert message in err
        assert "Traceback" not in err
        assert not out

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        assert main(["summary", "--plan", str(tmp_path / "无.pdf")]) == 2
        assert "无.pdf: cannot read the file" in capsys.readouterr().err
