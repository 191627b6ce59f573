"""The progress report in every format: a text table, CSV, JSON and a bilingual HTML page.

Each format is one module with a pure function from a
:class:`~heze_plan.progress.assessment.Status` (and the ledger's problems,
which a report lists rather than hides) to text; :data:`RENDERERS` maps the
format names the command line offers to those functions, and :func:`render`
picks one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from heze_plan.progress.assessment import Status
from heze_plan.progress.ledger import Problem
from heze_plan.progress.report.html import to_html
from heze_plan.progress.report.text import REPORT_FORMAT, to_csv, to_data, to_json, to_table

__all__ = [
    "FORMATS",
    "RENDERERS",
    "REPORT_FORMAT",
    "render",
    "to_csv",
    "to_data",
    "to_html",
    "to_json",
    "to_table",
]

Renderer = Callable[[Status, Sequence[Problem], str], str]

#: The report formats by the name ``heze-plan report --format`` takes.
RENDERERS: dict[str, Renderer] = {
    "table": lambda result, problems, title: to_table(result, problems) + "\n",
    "csv": lambda result, problems, title: to_csv(result, problems),
    "json": lambda result, problems, title: to_json(result, problems) + "\n",
    "html": lambda result, problems, title: to_html(result, problems, title=title),
}
#: The names of the report formats, in the order of RENDERERS.
FORMATS = tuple(RENDERERS)


def render(result: Status, problems: Sequence[Problem] = (), *, fmt: str = "table", title: str = "") -> str:
    """The report in one of :data:`~heze_plan.progress.report.FORMATS`."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        msg = f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}"
        raise ValueError(msg) from None
    return renderer(result, problems, title)
