"""The progress ledger (台账) and what is made of it: ledger files, every item's status, reports.

A :class:`Ledger` records what units report; :func:`status` assesses the
plan against it on a date; :mod:`heze_plan.progress.report` writes the result
in each format.
"""

from __future__ import annotations

from heze_plan.progress.assessment import (
    DEFAULT_WITHIN,
    Attainment,
    ItemStatus,
    Score,
    State,
    Status,
    TargetStatus,
    milestone_status,
    status,
    target_due,
)
from heze_plan.progress.ledger import (
    Ledger,
    MilestoneEntry,
    Problem,
    Progress,
    TargetActual,
)
from heze_plan.progress.ledger_files import (
    COLUMNS,
    LEDGER_FORMAT,
    parse_ledger,
    read_ledger,
    template,
)

__all__ = [
    "COLUMNS",
    "DEFAULT_WITHIN",
    "LEDGER_FORMAT",
    "Attainment",
    "ItemStatus",
    "Ledger",
    "MilestoneEntry",
    "Problem",
    "Progress",
    "Score",
    "State",
    "Status",
    "TargetActual",
    "TargetStatus",
    "milestone_status",
    "parse_ledger",
    "read_ledger",
    "status",
    "target_due",
    "template",
]
