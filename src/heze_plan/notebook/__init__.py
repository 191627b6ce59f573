"""The plan in Jupyter: rich HTML for plans, areas, tasks, units and selections, and pandas DataFrames.

Importing this package attaches ``_repr_html_`` to the model's classes and to
every query selection, and ``to_dataframe()`` to the selections, so that
they show as tables in a notebook. :mod:`heze_plan` imports it by itself
when it is imported inside IPython or Jupyter; elsewhere ``import
heze_plan.notebook`` does it. The model and the queries do not import this
package: display is a layer on top of them, and costs nothing to a program
that never shows anything.

>>> import heze_plan, heze_plan.notebook
>>> "<table" in heze_plan.load().task(8)._repr_html_()
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from heze_plan.model.plan import Area, Plan, Task, Unit
from heze_plan.notebook.frames import (
    attainment_dataframe,
    attainment_rows,
    milestone_rows,
    milestones_dataframe,
    score_rows,
    scores_dataframe,
    selection_dataframe,
    status_dataframe,
    status_rows,
    target_rows,
    targets_dataframe,
    task_rows,
    tasks_dataframe,
    unit_rows,
    units_dataframe,
)
from heze_plan.notebook.html import (
    MAX_ROWS,
    area_html,
    milestones_html,
    plan_html,
    selection_html,
    targets_html,
    task_html,
    tasks_html,
    unit_html,
)
from heze_plan.query.selections import Selection

__all__ = [
    "MAX_ROWS",
    "area_html",
    "attainment_dataframe",
    "attainment_rows",
    "milestone_rows",
    "milestones_dataframe",
    "milestones_html",
    "plan_html",
    "score_rows",
    "scores_dataframe",
    "selection_dataframe",
    "selection_html",
    "status_dataframe",
    "status_rows",
    "target_rows",
    "targets_dataframe",
    "targets_html",
    "task_html",
    "task_rows",
    "tasks_dataframe",
    "tasks_html",
    "unit_html",
    "unit_rows",
    "units_dataframe",
]


def _plan_repr_html(self: Plan) -> str:
    """The plan as HTML for Jupyter (:func:`plan_html`)."""
    return plan_html(self)


def _area_repr_html(self: Area) -> str:
    """The area as HTML for Jupyter (:func:`area_html`)."""
    return area_html(self)


def _task_repr_html(self: Task) -> str:
    """The task as HTML for Jupyter (:func:`task_html`)."""
    return task_html(self)


def _unit_repr_html(self: Unit) -> str:
    """The unit as HTML for Jupyter (:func:`unit_html`)."""
    return unit_html(self)


def _selection_repr_html(self: Selection[Any]) -> str:
    """The items as an HTML table for Jupyter (:func:`selection_html`)."""
    return selection_html(self)


def _selection_to_dataframe(self: Selection[Any]) -> Any:
    """The items as a pandas DataFrame (the ``pandas`` extra).

    See :func:`~heze_plan.notebook.frames.selection_dataframe`.
    """
    return selection_dataframe(self)


def _attach(cls: type, name: str, method: Callable[..., Any]) -> None:
    """Give ``cls`` the method ``name``: the model and the queries declare no display of their own."""
    setattr(cls, name, method)


for _cls, _method in (
    (Plan, _plan_repr_html),
    (Area, _area_repr_html),
    (Task, _task_repr_html),
    (Unit, _unit_repr_html),
    (Selection, _selection_repr_html),
):
    _attach(_cls, "_repr_html_", _method)
_attach(Selection, "to_dataframe", _selection_to_dataframe)
