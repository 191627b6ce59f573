"""Tables of the plan as pandas DataFrames, for analysis in notebooks.

pandas is optional (``pip install 'heze-plan[pandas]'``): it is imported only
when a ``*_dataframe`` function is called, and ``import heze_plan`` never
needs it. Each DataFrame is built from plain rows (``*_rows``), which need
nothing beyond the standard library and are what the tests check.

Columns that hold unit names hold Python lists, one name per element, never
a joined string: a collective such as ``各县区政府、管委会`` carries a 、 in
its name. Use :meth:`pandas.DataFrame.explode` to get one row per unit.
Dates are :class:`datetime.date` in the rows and ``datetime64`` columns in
the DataFrames. Milestones and targets are numbered from 1 within their task
(``milestone`` 2 is the task's second deadline), as in the ledger and the
calendar feeds, so the frames join with :func:`status_dataframe` on
``task`` and ``milestone``. Where a function takes ``tasks``, it takes a
query selection too (``milestones_dataframe(plan, milestones(plan).in_month("2023-09"))``):
a task counts whole, a milestone or target alone (:func:`heze_plan.query.scope`).

>>> import heze_plan
>>> plan = heze_plan.load()
>>> rows = milestone_rows(plan)
>>> len(rows), rows[0]["task"], rows[0]["due"].isoformat()
(121, 24, '2023-08-31')
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from heze_plan.errors import PandasMissingError
from heze_plan.model.plan import Milestone, Plan, Target, Task
from heze_plan.progress.assessment import State, Status, target_due
from heze_plan.query.selections import (
    Chosen,
    MilestoneSelection,
    Selection,
    TargetSelection,
    TaskSelection,
    scope,
    unit_load,
)

__all__ = [
    "PandasMissingError",
    "attainment_dataframe",
    "attainment_rows",
    "milestone_rows",
    "milestones_dataframe",
    "score_rows",
    "scores_dataframe",
    "selection_dataframe",
    "status_dataframe",
    "status_rows",
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
_STATUS_COLUMNS = (
    "task", "milestone", "area", "due", "phrase", "deliverable", "lead_units", "state", "state_label",
    "working_days_left", "days_late", "reported", "completed", "reporting_unit", "note", "source",
)  # fmt: skip
_ATTAINMENT_COLUMNS = (
    "task", "target", "phrase", "comparator", "value", "upper", "unit", "due",
    "actual", "actual_as_of", "attainment", "gap",
)  # fmt: skip


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        msg = (
            "heze_plan's DataFrames need pandas, which is an optional extra: "
            "pip install 'heze-plan[pandas]' (the *_rows functions work without it)"
        )
        raise PandasMissingError(msg) from None


def _frame(
    rows: list[Row], columns: tuple[str, ...], dates: Iterable[str] = (), integers: Iterable[str] = ()
) -> Any:
    pd = _pandas()
    frame = pd.DataFrame(rows, columns=list(columns))
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    for column in integers:  # whole numbers that may be missing: pandas' nullable integers, not floats
        frame[column] = frame[column].astype("Int64")
    return frame


def _chosen(plan: Plan, tasks: Chosen | None) -> list[Task]:
    return list(scope(plan, tasks).tasks)


def task_rows(plan: Plan, tasks: Chosen | None = None) -> list[Row]:
    """One row per task (all of the plan's, or those given), in the order given.

    ``first_due`` and ``last_due`` are ``None`` for an ongoing task: its
    horizon is the end of the plan year, and no date is invented for it.
    ``label`` is the task's label as its source prints it (``二（三）``; the
    number as text where the number is the label, as in the embedded plan).
    """
    names = {area.number: area.name for area in plan.areas}
    return [
        {
            "task": t.number,
            "label": t.printed_label,
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


def _milestone_row(task: Task, number: int, milestone: Milestone) -> Row:
    return {
        "due": milestone.due,
        "month": milestone.due.strftime("%Y-%m"),
        "task": task.number,
        "milestone": number,
        "area": task.area,
        "title": task.title,
        "phrase": milestone.phrase,
        "deliverable": milestone.deliverable,
        "lead_units": list(task.lead_units),
        "responsible_units": list(task.responsible_units),
    }


def milestone_rows(plan: Plan, tasks: Chosen | None = None) -> list[Row]:
    """One row per milestone of the tasks, sorted by due date, then task, then position."""
    picked = scope(plan, tasks)
    rows = [
        _milestone_row(t, i, t.milestones[i - 1]) for t in picked.tasks for i in picked.milestone_numbers(t)
    ]
    rows.sort(key=lambda r: (r["due"], r["task"], r["milestone"]))
    return rows


def _target_row(plan: Plan, task: Task, number: int, target: Target) -> Row:
    due = target_due(plan, task, target)
    return {
        "task": task.number,
        "target": number,
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


def target_rows(plan: Plan, tasks: Chosen | None = None) -> list[Row]:
    """One row per quantitative target of the tasks; ``due`` is its milestone's, else the horizon."""
    picked = scope(plan, tasks)
    return [_target_row(plan, t, i, t.targets[i - 1]) for t in picked.tasks for i in picked.target_numbers(t)]


def unit_rows(plan: Plan, tasks: Chosen | None = None) -> list[Row]:
    """One row per registered unit: how many of the tasks it leads and shares, and their milestones.

    A unit counts as leading a task when it is among the task's lead units
    (the accountable ones); a unit that only shares tasks has ``leads`` 0.
    """
    kinds = {unit.name: unit.kind.value for unit in plan.units}
    return [
        {
            "unit": load.unit,
            "kind": kinds[load.unit],
            "leads": load.leads,
            "shares": load.shares,
            "tasks": load.total,
            "milestones_led": sum(len(t.milestones) for t in load.led),
            "ongoing_led": sum(t.ongoing for t in load.led),
        }
        for load in unit_load(plan, _chosen(plan, tasks), busiest_first=False)
    ]


def tasks_dataframe(plan: Plan, tasks: Chosen | None = None) -> Any:
    """:func:`task_rows` as a DataFrame indexed by task number."""
    frame = _frame(task_rows(plan, tasks), _TASK_COLUMNS, dates=("first_due", "last_due"))
    return frame.set_index("task")


def milestones_dataframe(plan: Plan, tasks: Chosen | None = None) -> Any:
    """:func:`milestone_rows` as a DataFrame, ``due`` as ``datetime64``."""
    return _frame(milestone_rows(plan, tasks), _MILESTONE_COLUMNS, dates=("due",))


def targets_dataframe(plan: Plan, tasks: Chosen | None = None) -> Any:
    """:func:`target_rows` as a DataFrame, ``due`` as ``datetime64``."""
    return _frame(target_rows(plan, tasks), _TARGET_COLUMNS, dates=("due",))


def units_dataframe(plan: Plan, tasks: Chosen | None = None) -> Any:
    """:func:`unit_rows` as a DataFrame indexed by unit name, busiest lead unit first."""
    frame = _frame(unit_rows(plan, tasks), _UNIT_COLUMNS).set_index("unit")
    return frame.sort_values(["leads", "tasks"], ascending=False, kind="stable")


def selection_dataframe(selection: Selection[Any]) -> Any:
    """A query selection (:mod:`heze_plan.query.selections`) as the DataFrame of its kind, in its order.

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


def status_rows(status: Status) -> list[Row]:
    """One row per milestone (and per task without milestone) on the status's as-of date.

    ``state`` is the state's English value (``"overdue"``), ``state_label``
    its Chinese label (已逾期); ``reported`` and ``completed`` are what the
    ledger row says, if there is one.
    """
    return [
        {
            "task": item.task,
            "milestone": item.milestone,
            "area": item.area,
            "due": item.due,
            "phrase": item.phrase,
            "deliverable": item.deliverable,
            "lead_units": list(item.lead_units),
            "state": item.state.value,
            "state_label": item.state.label,
            "working_days_left": item.working_days_left,
            "days_late": item.days_late,
            "reported": item.entry.status.value if item.entry else None,
            "completed": item.entry.completed if item.entry else None,
            "reporting_unit": item.entry.unit if item.entry else None,
            "note": item.entry.note if item.entry else "",
            "source": item.entry.source if item.entry else "",
        }
        for item in status.items
    ]


def attainment_rows(status: Status) -> list[Row]:
    """One row per target with its latest actual on the as-of date and how it compares."""
    return [
        {
            "task": t.task,
            "target": t.index,
            "phrase": t.target.phrase,
            "comparator": t.target.comparator.value,
            "value": t.target.value,
            "upper": t.target.upper,
            "unit": t.target.unit,
            "due": t.due,
            "actual": t.actual.value if t.actual else None,
            "actual_as_of": t.actual.as_of if t.actual else None,
            "attainment": t.attainment.value,
            "gap": t.gap,
        }
        for t in status.targets
    ]


def score_rows(status: Status, by: str = "unit") -> list[Row]:
    """The scoreboard per lead unit (``by="unit"``) or per area (``by="area"``): counts and on-time rate."""
    if by not in {"unit", "area"}:
        msg = f"by must be 'unit' or 'area', got {by!r}"
        raise ValueError(msg)
    scores = status.by_unit if by == "unit" else status.by_area
    return [
        {
            by: score.name,
            **{state.value: score.counts.get(state, 0) for state in State},
            "total": score.total,
            "on_time_rate": score.on_time_rate,
        }
        for score in scores
    ]


def status_dataframe(status: Status) -> Any:
    """:func:`status_rows` as a DataFrame, dates as ``datetime64``, missing numbers as ``<NA>``."""
    integers = ("milestone", "working_days_left", "days_late")
    return _frame(status_rows(status), _STATUS_COLUMNS, dates=("due", "completed"), integers=integers)


def attainment_dataframe(status: Status) -> Any:
    """:func:`attainment_rows` as a DataFrame, dates as ``datetime64``."""
    return _frame(attainment_rows(status), _ATTAINMENT_COLUMNS, dates=("due", "actual_as_of"))


def scores_dataframe(status: Status, by: str = "unit") -> Any:
    """:func:`score_rows` as a DataFrame indexed by unit or area, in the status's order."""
    columns = (by, *(state.value for state in State), "total", "on_time_rate")
    return _frame(score_rows(status, by), columns).set_index(by)
