"""Sphinx directives that generate reference pages from the package itself.

``heze-errata`` renders the errata table from ``heze_plan/data/errata.json``
(with the source line each correction applies to), ``heze-readings`` the
readings of ``heze_plan/data/readings.json``, ``heze-deadlines`` every
deadline phrase of the embedded plan as printed with its date,
``heze-figures`` the figures of the plan that are not targets (from
``tests/data/source_figures.csv``), and ``heze-cli`` every command of
``heze_plan.cli.build_parser()`` with its ``--help``. All run at build time,
so the pages cannot go stale.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from heze_reference import (
    DEADLINE_COLUMNS,
    ERRATA_COLUMNS,
    FIGURE_COLUMNS,
    READING_COLUMNS,
    cli_commands,
    deadline_rows,
    errata_rows,
    figure_rows,
    reading_rows,
)


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


class ReadingsTable(Directive):
    """``heze-readings``: the readings of the embedded plan."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [_table(READING_COLUMNS, reading_rows(), (10, 14, 20, 56))]


class DeadlinesTable(Directive):
    """``heze-deadlines``: every deadline phrase of the embedded plan as printed, with its date."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [_table(DEADLINE_COLUMNS, deadline_rows(), (30, 20, 50))]


class FiguresTable(Directive):
    """``heze-figures``: the figures of the plan that are not targets, and why."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [_table(FIGURE_COLUMNS, figure_rows(), (12, 30, 12, 46))]


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


#: Names that annotations use as strings where autodoc cannot evaluate them: the command-line
#: modules import the model's types only for type checkers (a fast start), and ``dt`` is the
#: package's alias of :mod:`datetime`. Each is written out in full, so that nitpicky mode
#: resolves it to one page (the class's own module) instead of failing or finding two.
_QUALIFIED = {
    "dt": "datetime",
    "queries": "heze_plan.query.selections",
    "Plan": "heze_plan.model.plan.Plan",
    "Ledger": "heze_plan.progress.ledger.Ledger",
    "Problem": "heze_plan.progress.ledger.Problem",
    "Party": "heze_plan.query.lookup.Party",
    "ParseReport": "heze_plan.parsing.findings.ParseReport",
    "SafeguardEntry": "heze_plan.calendar.safeguards.SafeguardEntry",
    "Revisions": "heze_plan.calendar.revisions.Revisions",
}
_NAME = re.compile(r"(?<![\w.])(" + "|".join(_QUALIFIED) + r")\b")


def _qualify(text: str | None) -> str | None:
    return None if text is None else _NAME.sub(lambda m: _QUALIFIED[m.group(1)], text)


def qualify_signature(  # noqa: PLR0917 - the signature of Sphinx's autodoc-process-signature event
    app: Any, what: str, name: str, obj: Any, options: Any, signature: str | None, annotation: str | None
) -> tuple[str | None, str | None]:
    """``read_ledger(args, plan: Plan, as_of: dt.date | None)`` with the names written out."""
    return _qualify(signature), _qualify(annotation)


def qualify_reference(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """A reference to ``dt.date`` (an attribute's annotation) resolved as ``datetime.date``."""
    target = node.get("reftarget", "")
    qualified = _qualify(target)
    if node.get("refdomain") != "py" or qualified == target:
        return None
    node["reftarget"] = qualified
    from sphinx.ext import intersphinx  # noqa: PLC0415 - Sphinx is there whenever this runs

    domain = env.domains["py"]
    found = domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], qualified, node, contnode)
    return found if found is not None else intersphinx.missing_reference(app, env, node, contnode)


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("heze-errata", ErrataTable)
    app.add_directive("heze-readings", ReadingsTable)
    app.add_directive("heze-deadlines", DeadlinesTable)
    app.add_directive("heze-figures", FiguresTable)
    app.add_directive("heze-cli", CliReference)
    app.connect("autodoc-process-signature", qualify_signature)
    app.connect("missing-reference", qualify_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
