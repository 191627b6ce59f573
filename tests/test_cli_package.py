"""The ``heze_plan.cli`` package: its public names, its entry points and what building the parser loads."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import heze_plan.cli
from heze_plan.calendar.feed import Component
from heze_plan.cli.calendar import COMPONENTS
from heze_plan.cli.common import FORMATS
from heze_plan.common.tables import FORMATS as TABLE_FORMATS

ROOT = Path(__file__).parent.parent
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")

#: Third-party packages that only some commands need.
HEAVY = {"icalendar", "holidays", "pypinyin"}
#: The package's feature modules that only some commands need.
FEATURES = {
    "heze_plan.calendar.feed",
    "heze_plan.calendar.feed_set",
    "heze_plan.calendar.status_marks",
    "heze_plan.calendar.revisions",
    "heze_plan.progress.ledger_files",
    "heze_plan.progress.assessment",
    "heze_plan.progress.report.text",
    "heze_plan.common.workdays",
    "heze_plan.calendar.slugs",
    "heze_plan.query.selections",
    "heze_plan.parsing.parser",
    "heze_plan.model.serialize",
}


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` (its output on stdout is dropped)."""
    script = (
        "import io, json, sys, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        + "".join(f"    {line}\n" for line in code.splitlines())
        + "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


def _heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in HEAVY}


class TestParserLoadsNoFeature:
    """Building the parser, printing help and summarising import neither icalendar, holidays nor pypinyin."""

    def test_build_parser(self) -> None:
        loaded = _modules_after("from heze_plan.cli import build_parser\nbuild_parser()")
        assert not _heavy(loaded)
        assert not loaded & FEATURES
        assert "importlib.metadata" not in loaded  # --version reads it only when asked

    @pytest.mark.parametrize("command", ["calendar", "feeds", "report", "ledger", "tasks"])
    def test_help_of_a_command(self, command: str) -> None:
        code = f"from heze_plan.cli import main\ntry:\n    main([{command!r}, '--help'])\n"
        code += "except SystemExit:\n    pass"
        loaded = _modules_after(code)
        assert not _heavy(loaded)
        assert not loaded & FEATURES

    def test_summary(self) -> None:
        loaded = _modules_after("from heze_plan.cli import main\nassert main(['summary']) == 0")
        assert not _heavy(loaded)

    def test_a_feed_command_loads_the_feed_code_not_icalendar(self, tmp_path: Path) -> None:
        """The handler imports what it needs when it runs: the feed code, but not icalendar, whose objects a
        feed written as text does not need (issue 13: ``calendar -o`` within 2x of ``import icalendar``).
        """
        argv = ["calendar", "--month", "2023-10", "-o", str(tmp_path / "october.ics")]
        code = f"from heze_plan.cli import main\nassert main({argv!r}) == 0"
        loaded = _modules_after(code)
        assert "heze_plan.calendar.feed" in loaded
        assert "icalendar" not in loaded


class TestChoices:
    """Choices written out in the CLI (so that --help needs no feature code) are those of the library."""

    def test_components(self) -> None:
        assert tuple(c.value for c in Component) == COMPONENTS
        assert COMPONENTS[0] == Component.EVENT.value  # the default of --components

    def test_formats(self) -> None:
        assert FORMATS == TABLE_FORMATS


class TestPublicNames:
    """What tests, docs and notebooks import from heze_plan.cli stays there, and both entry points run."""

    @pytest.mark.parametrize(
        "name",
        [
            "UsageError",
            "add_selection_options",
            "build_parser",
            "main",
            "select_milestones",
            "select_tasks",
            "summary_text",
        ],
    )
    def test_importable(self, name: str) -> None:
        assert name in heze_plan.cli.__all__
        assert callable(getattr(heze_plan.cli, name))

    def test_usage_error_is_one_class(self) -> None:
        from heze_plan.cli.common import UsageError

        assert heze_plan.cli.UsageError is UsageError

    def test_console_script(self) -> None:
        assert '\nheze-plan = "heze_plan.cli:run"\n' in PYPROJECT
        (entry,) = [e for e in metadata.entry_points(group="console_scripts") if e.name == "heze-plan"]
        assert entry.load() is heze_plan.cli.run

    def test_python_m_prints_the_version(self) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "heze_plan.cli", "--version"], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0
        version = re.search(r'^version = "(.+)"$', PYPROJECT, re.MULTILINE)
        assert version is not None
        assert result.stdout == f"heze-plan {version[1]}\n"

    def test_python_m_usage_error(self) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "heze_plan.cli", "show", "999"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.startswith("heze-plan: error: ")
        assert result.stderr.count("\n") == 1
