"""The progress report in every format: a text table, CSV, JSON and a bilingual HTML page.

Each format is one module with a pure function from a
:class:`~heze_plan.progress.assessment.Status` (and the ledger's problems,
which a report lists rather than hides) to text; :data:`RENDERERS` maps the
format names the command line offers to those functions, and :func:`render`
picks one. ``xlsx`` (:mod:`heze_plan.progress.report.xlsx`) gives bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from heze_plan.progress.assessment import Status
from heze_plan.progress.ledger import Problem
from heze_plan.progress.report.html import to_html
from heze_plan.progress.report.text import REPORT_FORMAT, to_csv, to_data, to_json, to_table
from heze_plan.progress.report.xlsx import to_xlsx

__all__ = [
    "BINARY",
    "FORMATS",
    "RENDERERS",
    "REPORT_FORMAT",
    "render",
    "to_csv",
    "to_data",
    "to_html",
    "to_json",
    "to_table",
    "to_xlsx",
]

Renderer = Callable[[Status, Sequence[Problem], str], "str | bytes"]

#: The report formats by the name ``heze-plan report --format`` takes.
RENDERERS: dict[str, Renderer] = {
    "table": lambda result, problems, title: to_table(result, problems) + "\n",
    "csv": lambda result, problems, title: to_csv(result, problems),
    "json": lambda result, problems, title: to_json(result, problems) + "\n",
    "html": lambda result, problems, title: to_html(result, problems, title=title),
    "xlsx": lambda result, problems, title: to_xlsx(result, problems, title=title),
}
#: The formats that are not text: written to a file, never to a terminal.
BINARY = frozenset({"xlsx"})
#: The names of the report formats, in the order of RENDERERS.
FORMATS = tuple(RENDERERS)


def render(
    result: Status, problems: Sequence[Problem] = (), *, fmt: str = "table", title: str = ""
) -> str | bytes:
    """The report in one of :data:`~heze_plan.progress.report.FORMATS` (bytes for those in ``BINARY``)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        msg = f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}"
        raise ValueError(msg) from None
    return renderer(result, problems, title)
