"""Sphinx directives that generate reference pages from the package itself.

``heze-errata`` renders the errata table from ``heze_plan/data/errata.json``
(with the source line each correction applies to), and ``heze-cli`` renders
every command of ``heze_plan.cli.build_parser()`` with its ``--help``. Both
run at build time, so the pages cannot go stale.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive

import heze_plan
from heze_plan.cli import build_parser

ERRATA_COLUMNS = ("id", "task", "line", "kind", "source text", "read as", "why")


def errata_rows() -> list[tuple[str, ...]]:
    """One row per erratum of the embedded plan, as the table shows it."""
    return [
        (
            e.id,
            "—" if e.task is None else str(e.task),
            "—" if e.line is None else str(e.line),
            e.kind.replace("_", " "),
            e.source.replace("\n", "⏎"),
            e.correction,
            e.reason,
        )
        for e in heze_plan.load().errata
    ]


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse offers no public way to list subcommands
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def cli_commands(parser: argparse.ArgumentParser | None = None) -> list[tuple[str, str, str]]:
    """(command, one-line help, full ``--help`` text) for the program and each command, nested ones too."""
    parser = parser or build_parser()
    helps: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
    result = [(parser.prog, parser.description or "", parser.format_help())]
    for name, sub in _subparsers(parser).items():
        nested = cli_commands(sub)
        result.append((sub.prog, helps.get(name, ""), nested[0][2]))
        result += nested[1:]
    return result


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], literal: Sequence[int] = ()) -> nodes.table:
    table = nodes.table(classes=["heze-table"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group += [nodes.colspec(colwidth=1) for _ in header]
    head = nodes.thead()
    head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=h)) for h in header])
    body = nodes.tbody()
    for row in rows:
        cells = []
        for index, value in enumerate(row):
            inner: nodes.Node = nodes.literal(text=value) if index in literal else nodes.Text(value)
            cells.append(nodes.entry("", nodes.paragraph("", "", inner)))
        body += nodes.row("", *cells)
    group += [head, body]
    return table


class ErrataTable(Directive):
    """``heze-errata``: the errata table of the embedded plan."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [_table(ERRATA_COLUMNS, errata_rows(), literal=(4, 5))]


class CliReference(Directive):
    """``heze-cli``: one section per command with its ``--help``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        sections: list[nodes.Node] = []
        for prog, summary, text in cli_commands():
            section = nodes.section(ids=[nodes.make_id(prog)], names=[nodes.fully_normalize_name(prog)])
            section += nodes.title(text=prog)
            if summary:
                section += nodes.paragraph(text=summary[0].upper() + summary[1:] + ".")
            section += nodes.literal_block(text=text, language="text")
            sections.append(section)
        return sections


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("heze-errata", ErrataTable)
    app.add_directive("heze-cli", CliReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
