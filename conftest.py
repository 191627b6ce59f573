"""Run the ``>>>`` examples of the Markdown documentation as doctests.

pytest's own ``--doctest-glob`` reads a Markdown file as one docstring, so the
closing fence of a code block would count as expected output. This collects
the fenced blocks that hold ``>>>`` lines instead, one test per page (a page's
blocks share their names, as a reader's session would), with the page's line
numbers in failure reports. Each page runs in a fresh temporary directory with
a copy of ``examples/``, as in a checkout: examples may read the sample files
and write their own.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

#: What --doctest-modules must not import: Sphinx configuration and extensions (docutils is not a test
#: dependency; nox -s docs runs them) and the build output.
collect_ignore_glob = ["docs/*.py", "docs/_ext/*.py", "docs/_build/*"]

_FENCE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL
)
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def doctest_text(markdown: str) -> str:
    """The ``>>>`` blocks of a Markdown text, every other line blanked so line numbers hold."""
    lines = [""] * (markdown.count("\n") + 1)
    for match in _FENCE.finditer(markdown):
        body = match.group("body")
        if not re.search(r"^\s*>>> ", body, re.MULTILINE):
            continue
        first = markdown.count("\n", 0, match.start("body"))
        for offset, line in enumerate(body.splitlines()):
            lines[first + offset] = line
    return "\n".join(lines)


class MarkdownDoctestError(Exception):
    """A page's examples did not give the output the page shows."""


class MarkdownDoctest(pytest.Item):
    """All the ``>>>`` examples of one Markdown page."""

    def __init__(self, *, test: doctest.DocTest, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.test = test

    def runtest(self) -> None:
        runner = doctest.DocTestRunner(optionflags=_FLAGS)
        report: list[str] = []
        here = Path.cwd()
        with tempfile.TemporaryDirectory() as scratch:
            examples = self.config.rootpath / "examples"
            if examples.is_dir():
                shutil.copytree(examples, Path(scratch) / "examples")
            os.chdir(scratch)
            try:
                runner.run(self.test, out=report.append, clear_globs=True)
            finally:
                os.chdir(here)
        if runner.summarize(verbose=False).failed:
            raise MarkdownDoctestError("".join(report))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: object = None) -> str:  # type: ignore[override]
        if isinstance(excinfo.value, MarkdownDoctestError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"[markdown doctest] {self.name}"


class MarkdownFile(pytest.File):
    """A Markdown page whose ``>>>`` examples run as one doctest."""

    def collect(self) -> list[MarkdownDoctest]:
        text = doctest_text(self.path.read_text(encoding="utf-8"))
        test = doctest.DocTestParser().get_doctest(text, {}, self.path.name, str(self.path), 0)
        if not test.examples:
            return []
        return [MarkdownDoctest.from_parent(self, name=self.path.name, test=test)]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> MarkdownFile | None:
    if file_path.suffix == ".md" and "_build" not in file_path.parts:
        return MarkdownFile.from_parent(parent, path=file_path)
    return None
