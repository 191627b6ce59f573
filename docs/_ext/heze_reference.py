"""What the generated reference pages show, computed from the package alone (no Sphinx needed).

The Sphinx extension (``heze_docs.py``) renders these rows; the tests check
them against the shipped data and the program's own ``--help``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
from collections.abc import Iterator, Mapping
from typing import Any

import heze_plan
from heze_plan.cli import build_parser
from heze_plan.common.numerals import to_chinese
from heze_plan.parsing.readings import shipped_readings

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


READING_COLUMNS = ("where", "text", "decision", "reading")


def _owner_label(owner: str) -> str:
    """``S2`` → safeguard （二）, ``P2`` → principle （二）, ``47`` → task 47."""
    if owner[0] in "SP":
        return f"{'safeguard' if owner[0] == 'S' else 'principle'} （{to_chinese(int(owner[1:]))}）"
    return f"task {owner}"


def _decision(row: Mapping[str, Any]) -> str:
    """What a reading row changes, in a few words."""
    if "deadline" in row:
        return "how the deadline is read"
    parts = []
    for spec in row.get("add", ()):
        figure = f"{spec['comparator']} {spec['value']:g} {spec['unit']}".strip()
        scope = f", {spec['scope']}" if spec.get("scope") else ""
        parts.append(f"adds a target: {spec['kind']} {figure}{scope}")
    parts += [
        f"{key.replace('_', ' ')}: {row[key]}"
        for key in ("kind", "applies_to", "scope", "milestone")
        if key in row
    ]
    return "; ".join(parts) or "explained in the target's reading"


def reading_rows() -> list[tuple[str, ...]]:
    """One row per reading of ``data/readings.json``, as the readings table shows it."""
    return [
        (
            _owner_label(str(row["owner"])),
            str(row.get("phrase") or row.get("deadline")),
            _decision(row),
            str(row["reading"]),
        )
        for row in shipped_readings()
    ]


DEADLINE_COLUMNS = ("phrase as printed", "due", "where")


def deadline_rows() -> list[tuple[str, ...]]:
    """Every deadline phrase of the embedded plan as printed, with its date and where it stands."""
    plan = heze_plan.load()
    places: dict[tuple[str, str], list[str]] = {}
    owners = [(f"task {t.number}", t.milestones) for t in plan.tasks]
    owners += [(_owner_label(f"S{s.number}"), s.milestones) for s in plan.safeguards]
    for owner, milestones in owners:
        for milestone in milestones:
            key = (milestone.printed_phrase or milestone.phrase, milestone.due.isoformat())
            where = places.setdefault(key, [])
            if owner not in where:
                where.append(owner)
    return [
        (phrase, due, ", ".join(where) if len(where) <= 6 else f"{len(where)} tasks")
        for (phrase, due), where in sorted(places.items(), key=lambda item: (item[0][1], item[0][0]))
    ]


FIGURE_COLUMNS = ("where", "text", "what it is", "why")
#: The second reader's list of every figure in the plan (checked by tests/test_data_source_figures.py).
FIGURES = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "data", "source_figures.csv")


def figure_rows() -> list[tuple[str, ...]]:
    """The figures of the plan that are not targets, each with what it is and why."""
    with open(FIGURES, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        (_owner_label(row["owner"]), row["quote"], row["disposition"], row["note"])
        for row in rows
        if row["disposition"] != "target"
    ]
