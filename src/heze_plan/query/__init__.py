"""Questions about a plan: selections of tasks, milestones and targets; forgiving look-ups of names.

``tasks(plan).led_by("海关").in_month("2023-12")`` composes filters; the
look-ups turn what people type (short names, counties, area numbers) into the
plan's own names, with the closest matches when nothing fits.
"""

from __future__ import annotations

from heze_plan.query._obligations import obligation, obligations
from heze_plan.query.lookup import (
    COUNTIES,
    COUNTY_COLLECTIVES,
    Party,
    lookup_note,
    resolve_area,
    resolve_county,
    resolve_party,
    resolve_unit,
)
from heze_plan.query.selections import (
    Chosen,
    MilestoneRef,
    MilestoneSelection,
    Scope,
    Selection,
    TargetRef,
    TargetSelection,
    TaskSelection,
    UnitLoad,
    milestones,
    next_milestones,
    parse_month,
    scope,
    targets,
    tasks,
    unit_load,
)

__all__ = [
    "COUNTIES",
    "COUNTY_COLLECTIVES",
    "Chosen",
    "MilestoneRef",
    "MilestoneSelection",
    "Party",
    "Scope",
    "Selection",
    "TargetRef",
    "TargetSelection",
    "TaskSelection",
    "UnitLoad",
    "lookup_note",
    "milestones",
    "next_milestones",
    "obligation",
    "obligations",
    "parse_month",
    "resolve_area",
    "resolve_county",
    "resolve_party",
    "resolve_unit",
    "scope",
    "targets",
    "tasks",
    "unit_load",
]
