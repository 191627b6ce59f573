"""The README's figures agree with the data, and its set-up commands are what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import heze_plan

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


class TestReadme:
    """Counts and commands in the README are true."""

    def test_task_and_area_counts(self) -> None:
        plan = heze_plan.load()
        assert f"**{len(plan.tasks)} tasks in {len(plan.areas)} areas**" in README
        table = dict(re.findall(r"^\| (\w[\w ]*?) \| (\d+) \|$", README, flags=re.MULTILINE))
        assert table["areas"] == str(len(plan.areas))
        assert table["tasks"] == str(len(plan.tasks))

    def test_ci_runs_the_readme_test_command(self) -> None:
        ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        last = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")][-1]
        assert last in README

    def test_windows_commands(self) -> None:
        """The set-up commands are also given for Windows: the ``py`` launcher and ``.venv\\Scripts``."""
        assert (
            "py -m venv .venv && .venv\\Scripts\\pip install . && .venv\\Scripts\\heze-plan calendar"
            in README
        )

    def test_licence_file_matches_pyproject(self) -> None:
        """pyproject says MIT; the LICENSE file is the MIT licence with the project's copyright line."""
        licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
        assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        assert licence.startswith("MIT License\n\nCopyright (c) 2023–2026 heze_plan developers\n")
        assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in licence
