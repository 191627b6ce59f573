"""The documentation's generated pages and examples: true to the data, and executed."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

import heze_plan
from heze_plan.cli import build_parser, main

ROOT = Path(__file__).parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


heze_docs = _load("heze_reference", ROOT / "docs" / "_ext" / "heze_reference.py")
markdown_doctests = _load("markdown_doctests", ROOT / "conftest.py")


class TestErrataTable:
    """The generated errata table shows every row of errata.json, with the line it applies to."""

    def test_rows_match_the_shipped_table(self) -> None:
        shipped = json.loads(
            (ROOT / "src" / "heze_plan" / "data" / "errata.json").read_text(encoding="utf-8")
        )
        rows = heze_docs.errata_rows()
        assert [row[0] for row in rows] == [e["id"] for e in shipped]
        for row, erratum in zip(rows, shipped, strict=True):
            assert row[1] == ("—" if erratum["task"] is None else str(erratum["task"]))
            assert row[4] == erratum["status"]
            assert row[5] == erratum["source"].replace("\n", "⏎")
            assert row[6].startswith(erratum["correction"])
            not_applied = erratum["kind"] in {"meaning", "irregular_label"}
            assert row[6].endswith("(shown beside the text, not applied)") == not_applied
            assert row[7] == erratum["reason"]

    def test_line_is_where_the_source_text_starts(self) -> None:
        text = heze_plan.source_text().splitlines()
        for row in heze_docs.errata_rows():
            first = row[5].split("⏎")[0]
            assert first in text[int(row[2]) - 1], f"{row[0]}: {first!r} is not on line {row[2]}"

    def test_e1_task_58(self) -> None:
        # 58. …（牵头单位：市农业农村局，各县区政府、管委会）: the 责任单位 label is missing.
        (row,) = [r for r in heze_docs.errata_rows() if r[0] == "E1"]
        assert row[1] == "58"
        assert row[4] == "inferred"  # the label is read from the other tasks, not from the text
        assert row[5] == "（牵头单位：市农业农村局，各县区政府、管委会）"


class TestCliReference:
    """The CLI page has every command, each with exactly what its --help prints."""

    def test_help_fits_the_page(self) -> None:
        for prog, _, text in heze_docs.cli_commands():
            widest = max(len(line) for line in text.splitlines())
            assert widest <= heze_docs.HELP_WIDTH, f"{prog}: a help line is {widest} characters wide"

    def test_every_command(self) -> None:
        progs = [prog for prog, _, _ in heze_docs.cli_commands()]
        assert progs[0] == "heze-plan"
        for command in ("summary", "check", "export"):
            assert f"heze-plan {command}" in progs
        parser = build_parser()
        top_help = parser.format_help()
        for prog in progs[1:]:
            assert prog.split()[1] in top_help

    @pytest.mark.parametrize("prog", [p for p, _, _ in heze_docs.cli_commands()][1:])
    def test_help_text_is_what_the_program_prints(self, prog: str, monkeypatch: pytest.MonkeyPatch) -> None:
        text = {p: t for p, _, t in heze_docs.cli_commands()}[prog]
        monkeypatch.setenv("COLUMNS", str(heze_docs.HELP_WIDTH))
        out = io.StringIO()
        with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit_info:
            main([*prog.split()[1:], "--help"])
        assert exit_info.value.code == 0
        assert out.getvalue() == text


class TestMarkdownDoctests:
    """The Markdown collector runs the >>> blocks and fails when a page shows the wrong output."""

    def test_blocks_keep_their_line_numbers(self) -> None:
        page = "# T\n\n```pycon\n>>> 1 + 1\n2\n```\n\ntext\n\n```python\nx = 1\n```\n"
        lines = markdown_doctests.doctest_text(page).split("\n")
        assert lines[3] == ">>> 1 + 1"
        assert lines[4] == "2"
        assert "```" not in "".join(lines)
        assert "x = 1" not in lines  # a block without >>> is not a doctest

    @pytest.mark.parametrize(("shown", "passes"), [("2", True), ("3", False)])
    def test_runs_a_page(self, tmp_path: Path, shown: str, passes: bool) -> None:
        shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
        page = f"# Page\n\n```pycon\n>>> 1 + 1\n{shown}\n```\n"
        (tmp_path / "page.md").write_text(page, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "page.md"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert (result.returncode == 0) is passes, result.stdout
        assert ("1 passed" if passes else "1 failed") in result.stdout
        if not passes:
            assert 'File "' in result.stdout
            assert "line 4" in result.stdout  # the page's own line number


def _command_blocks(pages: list[Path]) -> list[tuple[str, int, list[list[str]]]]:
    """The ``heze-plan`` invocations of each sh/console block of these pages, block by block.

    A block is a session: its commands run in order, so a later line may use a
    file an earlier one wrote (``ledger init`` then ``ledger check``).
    """
    found = []
    fence = re.compile(r"^```(?:sh|bash|console|shell)\n(.*?)^```", re.MULTILINE | re.DOTALL)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for block in fence.finditer(text):
            commands: list[list[str]] = []
            for line in block.group(1).splitlines():
                words = shlex.split(line.removeprefix("$ "), comments=True)
                command: list[str] = []
                for word in [*words, "&&"]:
                    if word in {"&&", ";", "|", ">", "||"}:
                        if command and Path(command[0]).name == "heze-plan":
                            commands.append(command[1:])
                        command = [] if word in {"&&", ";"} else ["(cut)"]
                    elif command != ["(cut)"]:
                        command.append(word)
            if commands:
                found.append((page.name, text.count("\n", 0, block.start(1)) + 1, commands))
    return found


BLOCKS = _command_blocks(PAGES)


class TestCommandLinesInDocs:
    """Every heze-plan command line shown in the docs and the README runs and succeeds."""

    def test_found_some(self) -> None:
        pages = {page for page, _, _ in BLOCKS}
        assert {"README.md", "getting-started.md", "export.md"} <= pages

    @pytest.mark.parametrize(("page", "line", "commands"), BLOCKS, ids=[f"{p}:{n}" for p, n, _ in BLOCKS])
    def test_runs(self, page: str, line: int, commands: list[list[str]], tmp_path: Path) -> None:
        # The commands run where a reader would run them: a checkout, with examples/ at hand.
        shutil.copytree(ROOT / "examples", tmp_path / "examples")
        here = Path.cwd()
        os.chdir(tmp_path)
        try:
            for args in commands:
                # Text streams over bytes, as a terminal's are: some commands write bytes to stdout.buffer.
                out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
                err = io.StringIO()
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    try:
                        status = main(args)
                    except SystemExit as exit_info:  # --help and --version exit through argparse
                        status = exit_info.code if isinstance(exit_info.code, int) else 2
                where = f"{page} (block at line {line}): heze-plan {shlex.join(args)}"
                assert status == 0, f"{where} exited {status}\n{err.getvalue()}"
        finally:
            os.chdir(here)


def test_command_line_parsing(tmp_path: Path) -> None:
    """The extraction takes heze-plan commands out of chains and stops at pipes and redirections."""
    block = textwrap.dedent(
        """
        python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/heze-plan summary
        heze-plan export --format json > plan.json  # a comment
        $ heze-plan check | head
        pip install heze-plan
        """
    )
    page = tmp_path / "probe.md"
    page.write_text(f"```sh{block}```\n\n```python\nheze-plan summary\n```\n", encoding="utf-8")
    assert _command_blocks([page]) == [
        ("probe.md", 2, [["summary"], ["export", "--format", "json"], ["check"]])
    ]


class TestReadingsAndPhrases:
    """The generated tables of docs/data.md show every reading, every deadline phrase and every non-target."""

    def test_every_reading_is_shown(self) -> None:
        shipped = json.loads(
            (ROOT / "src" / "heze_plan" / "data" / "readings.json").read_text(encoding="utf-8")
        )
        rows = heze_docs.reading_rows()
        assert [row[3] for row in rows] == [r["reading"] for r in shipped]
        assert [row[1] for row in rows] == [r.get("phrase") or r.get("deadline") for r in shipped]

    def test_deadline_phrases_as_printed(self) -> None:
        rows = {(phrase, due): where for phrase, due, where in heze_docs.deadline_rows()}
        # 75. …力争全年新增上市公司1家 and 178. …2023年全年跨境电商进出口增长10%以上: due at the year's end
        assert rows[("全年", "2023-12-31")] == "task 75"
        assert rows[("2023年全年", "2023-12-31")] == "task 178"
        # 55. 12 月底前，… and 177. 12 月底前，引进海外留学人才 70 人以上: the space as printed
        assert rows[("12 月底前", "2023-12-31")] == "task 55, task 177"
        # 149. 9月底，省“版权保护与服务平台”与“爱山东”对接后 (no 前)
        assert rows[("9月底", "2023-09-30")] == "task 149"
        # safeguard （一）: 在本行动计划印发1个月内制定具体落实方案 (printed 2023-07-29)
        assert rows[("印发1个月内", "2023-08-29")] == "safeguard （一）"
        assert not any(phrase in {"年度", "2023年"} for phrase, _ in rows)

    def test_figures_that_are_not_targets(self) -> None:
        rows = heze_docs.figure_rows()
        assert all(row[2] != "target" for row in rows)
        # 183. 落实新出台的支持商贸流通行业促进居民消费的10条政策措施: the size of a package, a name
        assert ("task 183", "支持商贸流通行业促进居民消费的10条政策措施", "name") in [r[:3] for r in rows]
