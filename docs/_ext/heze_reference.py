"""What the generated reference pages show, computed from the package alone (no Sphinx needed).

The Sphinx extension (``heze_docs.py``) renders these rows; the tests check
them against the shipped data and the program's own ``--help``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator

import heze_plan
from heze_plan.cli import build_parser

ERRATA_COLUMNS = ("id", "task", "line", "kind", "status", "source text", "read as", "why")


def errata_rows() -> list[tuple[str, ...]]:
    """One row per erratum of the embedded plan, as the table shows it."""
    return [
        (
            e.id,
            "—" if e.task is None else str(e.task),
            "—" if e.line is None else str(e.line),
            e.kind.replace("_", " "),
            e.status,
            e.source.replace("\n", "⏎"),
            e.correction if e.rewrites else f"{e.correction} (shown beside the text, not applied)",
            e.reason,
        )
        for e in heze_plan.load().errata
    ]


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse offers no public way to list subcommands
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


#: The width the CLI page's help is wrapped at: it fits the page without a scroll bar.
HELP_WIDTH = 72


@contextlib.contextmanager
def help_width(columns: int = HELP_WIDTH) -> Iterator[None]:
    """Make argparse wrap help at ``columns`` (it reads ``COLUMNS``), whatever the terminal."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(columns)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def cli_commands(parser: argparse.ArgumentParser | None = None) -> list[tuple[str, str, str]]:
    """(command, one-line help, full ``--help`` text) for the program and each command, nested ones too.

    The help is wrapped at :data:`HELP_WIDTH` columns.
    """
    with help_width():
        return _commands(parser or build_parser())


def _commands(parser: argparse.ArgumentParser) -> list[tuple[str, str, str]]:
    helps: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
    result = [(parser.prog, parser.description or "", parser.format_help())]
    for name, sub in _subparsers(parser).items():
        nested = _commands(sub)
        result.append((sub.prog, helps.get(name, ""), nested[0][2]))
        result += nested[1:]
    return result
