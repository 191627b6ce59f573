"""Hypothesis strategies shared by the tests; each feature keeps its own section."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

import heze_plan
from heze_plan.ledger import MilestoneEntry, Progress, TargetActual

# --- ledger -----------------------------------------------------------------

PLAN = heze_plan.load()
YEAR_DAYS = st.dates(min_value=dt.date(PLAN.year, 1, 1), max_value=dt.date(PLAN.year, 12, 31))
#: The text of a note or unit as a spreadsheet cell may hold it (no NUL, no surrogates).
CELL_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(',"\n'), max_size=30
).map(str.strip)


@st.composite
def milestone_entries(draw: st.DrawFn) -> MilestoneEntry:
    """A valid entry for a milestone (or a task without milestones) of the embedded plan."""
    task = draw(st.sampled_from(PLAN.tasks))
    index = None if task.ongoing else draw(st.integers(1, len(task.milestones)))
    status = draw(st.sampled_from(Progress))
    completed = draw(YEAR_DAYS) if status is Progress.DONE else None
    note = draw(CELL_TEXT)
    if status is Progress.DROPPED and not note:
        note = "按省里部署取消"
    unit = draw(st.none() | st.sampled_from(task.units))
    return MilestoneEntry(
        task=task.number, milestone=index, status=status, completed=completed, unit=unit, note=note
    )


@st.composite
def target_actuals(draw: st.DrawFn) -> TargetActual:
    """A valid actual for a target of the embedded plan."""
    task = draw(st.sampled_from([t for t in PLAN.tasks if t.targets]))
    value = draw(st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda v: round(v, 3)))
    return TargetActual(
        task=task.number,
        target=draw(st.integers(1, len(task.targets))),
        value=value,
        as_of=draw(YEAR_DAYS),
        note=draw(CELL_TEXT),
    )
