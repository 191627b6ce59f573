"""Tables of the plan as pandas DataFrames, for analysis in notebooks.

pandas is optional (``pip install 'heze-plan[pandas]'``): it is imported only
when a ``*_dataframe`` function is called, and ``import heze_plan`` never
needs it. Each DataFrame is built from plain rows (``*_rows``), which need
nothing beyond the standard library and are what the tests check.

Columns that hold unit names hold Python lists, one name per element, never
a joined string: a collective such as ``各县区政府、管委会`` carries a 、 in
its name. Use :meth:`pandas.DataFrame.explode` to get one row per unit.
Dates are :class:`datetime.date` in the rows and ``datetime64`` columns in
the DataFrames.

>>> import heze_plan
>>> plan = heze_plan.load()
>>> rows = milestone_rows(plan)
>>> len(rows), rows[0]["task"], rows[0]["due"].isoformat()
(121, 24, '2023-08-31')
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable
from typing import Any

from heze_plan.model import Milestone, Plan, Target, Task
from heze_plan.queries import MilestoneSelection, Selection, TargetSelection, TaskSelection

__all__ = [
    "PandasMissingError",
    "milestone_rows",
    "milestones_dataframe",
    "selection_dataframe",
    "target_rows",
    "targets_dataframe",
    "task_rows",
    "tasks_dataframe",
    "unit_rows",
    "units_dataframe",
]

Row = dict[str, Any]

_TASK_COLUMNS = (
    "task", "area", "area_name", "title", "lead_units", "responsible_units",
    "milestones", "targets", "first_due", "last_due", "ongoing", "per_provincial_arrangement",
)  # fmt: skip
_MILESTONE_COLUMNS = (
    "due", "month", "task", "milestone", "area", "title", "phrase", "deliverable",
    "lead_units", "responsible_units",
)  # fmt: skip
_TARGET_COLUMNS = (
    "task", "target", "kind", "comparator", "value", "upper", "unit", "phrase", "subject",
    "scope", "reference", "due", "lead_units",
)  # fmt: skip
_UNIT_COLUMNS = ("unit", "kind", "leads", "shares", "tasks", "milestones_led", "ongoing_led")


class PandasMissingError(ImportError):
    """pandas is needed for DataFrames but is not installed."""


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        msg = (
            "heze_plan's DataFrames need pandas, which is an optional extra: "
            "pip install 'heze-plan[pandas]' (the *_rows functions work without it)"
        )
        raise PandasMissingError(msg) from None


def _frame(rows: list[Row], columns: tuple[str, ...], dates: Iterable[str] = ()) -> Any:
    pd = _pandas()
    frame = pd.DataFrame(rows, columns=list(columns))
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def _chosen(plan: Plan, tasks: Iterable[Task] | None) -> list[Task]:
    return list(plan.tasks if tasks is None else tasks)


def task_rows(plan: Plan, tasks: Iterable[Task] | None = None) -> list[Row]:
    """One row per task (all of the plan's, or those given), in the order given.

    ``first_due`` and ``last_due`` are ``None`` for an ongoing task: its
    horizon is the end of the plan year, and no date is invented for it.
    """
    names = {area.number: area.name for area in plan.areas}
    return [
        {
            "task": t.number,
            "area": t.area,
            "area_name": names.get(t.area, ""),
            "title": t.title,
            "lead_units": list(t.lead_units),
            "responsible_units": list(t.responsible_units),
            "milestones": len(t.milestones),
            "targets": len(t.targets),
            "first_due": min(m.due for m in t.milestones) if t.milestones else None,
            "last_due": max(m.due for m in t.milestones) if t.milestones else None,
            "ongoing": t.ongoing,
            "per_provincial_arrangement": t.per_provincial_arrangement,
        }
        for t in _chosen(plan, tasks)
    ]


def _milestone_row(task: Task, index: int, milestone: Milestone) -> Row:
    return {
        "due": milestone.due,
        "month": milestone.due.strftime("%Y-%m"),
        "task": task.number,
        "milestone": index,
        "area": task.area,
        "title": task.title,
        "phrase": milestone.phrase,
        "deliverable": milestone.deliverable,
        "lead_units": list(task.lead_units),
        "responsible_units": list(task.responsible_units),
    }


def milestone_rows(plan: Plan, tasks: Iterable[Task] | None = None) -> list[Row]:
    """One row per milestone of the tasks, sorted by due date, then task, then position."""
    rows = [_milestone_row(t, i, m) for t in _chosen(plan, tasks) for i, m in enumerate(t.milestones)]
    rows.sort(key=lambda r: (r["due"], r["task"], r["milestone"]))
    return rows


def _target_row(plan: Plan, task: Task, index: int, target: Target) -> Row:
    due: dt.date = plan.horizon if target.milestone is None else task.milestones[target.milestone].due
    return {
        "task": task.number,
        "target": index,
        "kind": target.kind.value,
        "comparator": target.comparator.value,
        "value": target.value,
        "upper": target.upper,
        "unit": target.unit,
        "phrase": target.phrase,
        "subject": target.subject,
        "scope": target.scope,
        "reference": target.reference,
        "due": due,
        "lead_units": list(task.lead_units),
    }


def target_rows(plan: Plan, tasks: Iterable[Task] | None = None) -> list[Row]:
    """One row per quantitative target of the tasks; ``due`` is its milestone's, else the horizon."""
    return [_target_row(plan, t, i, g) for t in _chosen(plan, tasks) for i, g in enumerate(t.targets)]


def unit_rows(plan: Plan, tasks: Iterable[Task] | None = None) -> list[Row]:
    """One row per registered unit: how many of the tasks it leads and shares, and their milestones.

    A unit counts as leading a task when it is among the task's lead units
    (the accountable ones); a unit that only shares tasks has ``leads`` 0.
    """
    chosen = _chosen(plan, tasks)
    rows = []
    for unit in plan.units:
        led = [t for t in chosen if unit.name in t.lead_units]
        shared = [t for t in chosen if unit.name in t.responsible_units]
        rows.append(
            {
                "unit": unit.name,
                "kind": unit.kind.value,
                "leads": len(led),
                "shares": len(shared),
                "tasks": len(led) + len(shared),
                "milestones_led": sum(len(t.milestones) for t in led),
                "ongoing_led": sum(t.ongoing for t in led),
            }
        )
    return rows


def tasks_dataframe(plan: Plan, tasks: Iterable[Task] | None = None) -> Any:
    """:func:`task_rows` as a DataFrame indexed by task number."""
    frame = _frame(task_rows(plan, tasks), _TASK_COLUMNS, dates=("first_due", "last_due"))
    return frame.set_index("task")


def milestones_dataframe(plan: Plan, tasks: Iterable[Task] | None = None) -> Any:
    """:func:`milestone_rows` as a DataFrame, ``due`` as ``datetime64``."""
    return _frame(milestone_rows(plan, tasks), _MILESTONE_COLUMNS, dates=("due",))


def targets_dataframe(plan: Plan, tasks: Iterable[Task] | None = None) -> Any:
    """:func:`target_rows` as a DataFrame, ``due`` as ``datetime64``."""
    return _frame(target_rows(plan, tasks), _TARGET_COLUMNS, dates=("due",))


def units_dataframe(plan: Plan, tasks: Iterable[Task] | None = None) -> Any:
    """:func:`unit_rows` as a DataFrame indexed by unit name, busiest lead unit first."""
    frame = _frame(unit_rows(plan, tasks), _UNIT_COLUMNS).set_index("unit")
    return frame.sort_values(["leads", "tasks"], ascending=False, kind="stable")


def selection_dataframe(selection: Selection[Any]) -> Any:
    """A query selection (:mod:`heze_plan.queries`) as the DataFrame of its kind, in its order.

    This is what ``selection.to_dataframe()`` returns.
    """
    plan = selection.plan
    if isinstance(selection, TaskSelection):
        return tasks_dataframe(plan, selection)
    if isinstance(selection, MilestoneSelection):
        rows = [_milestone_row(r.task, r.index, r.milestone) for r in selection]
        return _frame(rows, _MILESTONE_COLUMNS, dates=("due",))
    if isinstance(selection, TargetSelection):
        rows = [_target_row(plan, r.task, r.index, r.target) for r in selection]
        return _frame(rows, _TARGET_COLUMNS, dates=("due",))
    msg = f"no DataFrame for {type(selection).__name__}"
    raise TypeError(msg)
