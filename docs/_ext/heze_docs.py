"""Sphinx directives that generate reference pages from the package itself.

``heze-errata`` renders the errata table from ``heze_plan/data/errata.json``
(with the source line each correction applies to), and ``heze-cli`` renders
every command of ``heze_plan.cli.build_parser()`` with its ``--help``. Both
run at build time, so the pages cannot go stale.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from heze_reference import ERRATA_COLUMNS, cli_commands, errata_rows


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]) -> nodes.table:
    table = nodes.table(classes=["colwidths-given"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group += [nodes.colspec(colwidth=width) for width in widths]
    head = nodes.thead()
    head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=h)) for h in header])
    body = nodes.tbody()
    for row in rows:
        body += nodes.row("", *[nodes.entry("", nodes.paragraph(text=value)) for value in row])
    group += [head, body]
    return table


class ErrataTable(Directive):
    """``heze-errata``: the errata table of the embedded plan."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        widths = (4, 5, 5, 10, 7, 20, 20, 29)
        return [_table(ERRATA_COLUMNS, errata_rows(), widths)]


class CliReference(Directive):
    """``heze-cli``: one section per command with its ``--help``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        sections: list[nodes.Node] = []
        for prog, summary, text in cli_commands():
            section = nodes.section(ids=[nodes.make_id(prog)], names=[nodes.fully_normalize_name(prog)])
            section += nodes.title(text=prog)
            if summary:
                sentence = summary[0].upper() + summary[1:]
                section += nodes.paragraph(
                    text=sentence if sentence.endswith((".", "。", ")")) else sentence + "."
                )
            section += nodes.literal_block(text=text, language="text")
            sections.append(section)
        return sections


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("heze-errata", ErrataTable)
    app.add_directive("heze-cli", CliReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
