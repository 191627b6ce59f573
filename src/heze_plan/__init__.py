"""heze_plan: the Heze 2023 business-environment plan (菏政发〔2023〕11号) as typed data.

>>> import heze_plan
>>> plan = heze_plan.load()
>>> len(plan.tasks), len(plan.areas)
(195, 21)
"""

from __future__ import annotations

import functools
from importlib import metadata, resources

from heze_plan.checks import Finding, check
from heze_plan.errata import shipped_errata
from heze_plan.ledger import Ledger, MilestoneEntry, Problem, Progress, TargetActual
from heze_plan.ledger_io import read_ledger
from heze_plan.lookup import UnitLookupError, resolve_unit
from heze_plan.model import (
    Area,
    Comparator,
    Document,
    Erratum,
    Milestone,
    Plan,
    Principle,
    Safeguard,
    Target,
    TargetKind,
    Task,
    Unit,
    UnitKind,
)
from heze_plan.parsing import ParseError, parse
from heze_plan.status import State, milestone_status, status

__all__ = [
    "Area",
    "Comparator",
    "Document",
    "Erratum",
    "Finding",
    "Ledger",
    "Milestone",
    "MilestoneEntry",
    "ParseError",
    "Plan",
    "Principle",
    "Problem",
    "Progress",
    "Safeguard",
    "State",
    "Target",
    "TargetActual",
    "TargetKind",
    "Task",
    "Unit",
    "UnitKind",
    "UnitLookupError",
    "__version__",
    "check",
    "load",
    "milestone_status",
    "parse",
    "read_ledger",
    "resolve_unit",
    "source_text",
    "status",
]

try:
    __version__ = metadata.version("heze-plan")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"


def source_text() -> str:
    """The source text of the embedded plan, exactly as extracted from the published PDF."""
    return resources.files("heze_plan").joinpath("data/heze-2023-plan.txt").read_text(encoding="utf-8")


@functools.cache
def load() -> Plan:
    """The embedded Heze 2023 plan, parsed from its shipped source with the shipped errata.

    Parsed once per process; the plan is immutable, so every caller shares it.
    """
    return parse(source_text(), errata=shipped_errata())
