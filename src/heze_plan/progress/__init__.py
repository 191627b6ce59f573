"""The progress ledger (台账) and what is made of it: ledger files, every item's status, reports.

A :class:`Ledger` records what units report; :func:`load_ledger` reads one
from a workbook, CSV or JSON file; :func:`merge_ledgers` combines those units send
back; :func:`status` assesses the plan against it on a date;
:mod:`heze_plan.progress.report` writes the result in each format.
"""

from __future__ import annotations

from heze_plan.progress.assessment import (
    DEFAULT_WITHIN,
    Attainment,
    Change,
    ItemStatus,
    ObligationStatus,
    ObligationTargetStatus,
    Score,
    State,
    Status,
    TargetStatus,
    milestone_status,
    status,
    target_due,
    with_history,
)
from heze_plan.progress.ledger import (
    Ledger,
    MilestoneEntry,
    ObligationActual,
    ObligationEntry,
    Problem,
    Progress,
    TargetActual,
)
from heze_plan.progress.ledger_files import (
    COLUMNS,
    LEDGER_FORMAT,
    LedgerFile,
    ledger_date,
    load_ledger,
    parse_ledger,
    read_ledger,
    template,
    template_rows,
    template_workbook,
    write_ledger,
)
from heze_plan.progress.merge import Conflict, Merged, merge_ledgers

__all__ = [
    "COLUMNS",
    "DEFAULT_WITHIN",
    "LEDGER_FORMAT",
    "Attainment",
    "Change",
    "Conflict",
    "ItemStatus",
    "Ledger",
    "LedgerFile",
    "Merged",
    "MilestoneEntry",
    "ObligationActual",
    "ObligationEntry",
    "ObligationStatus",
    "ObligationTargetStatus",
    "Problem",
    "Progress",
    "Score",
    "State",
    "Status",
    "TargetActual",
    "TargetStatus",
    "ledger_date",
    "load_ledger",
    "merge_ledgers",
    "milestone_status",
    "parse_ledger",
    "read_ledger",
    "status",
    "target_due",
    "template",
    "template_rows",
    "template_workbook",
    "with_history",
    "write_ledger",
]
