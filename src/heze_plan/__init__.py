"""heze_plan: the Heze 2023 business-environment plan (菏政发〔2023〕11号) as typed data.

>>> import heze_plan
>>> plan = heze_plan.load()
>>> len(plan.tasks), len(plan.areas)
(195, 21)

The package is layered by stage of the data flow (``docs/architecture.md``):
:mod:`heze_plan.data` (the shipped files) and :mod:`heze_plan.common` (small
helpers) at the bottom, then :mod:`heze_plan.model`, :mod:`heze_plan.parsing`,
:mod:`heze_plan.query`, :mod:`heze_plan.progress`, :mod:`heze_plan.calendar`,
:mod:`heze_plan.notebook` and :mod:`heze_plan.cli`; every error is in
:mod:`heze_plan.errors`. This module re-exports the names most programs need.

``import heze_plan`` loads the model only; the parser, the look-ups, the
ledger and the package version load on first use (PEP 562), so that a
program that only reads the embedded plan starts fast (see
``docs/benchmarks.md``). Inside IPython or Jupyter :mod:`heze_plan.notebook`
is imported too, so that plans, tasks and selections show as HTML tables.
"""

from __future__ import annotations

import importlib as _importlib
import sys as _sys
import types as _types
from typing import TYPE_CHECKING, Any

from heze_plan._embedded import load
from heze_plan.data import source_text
from heze_plan.errors import (
    AreaLookupError,
    ErrataError,
    ExportError,
    ExtraMissingError,
    FeedError,
    HezePlanError,
    LedgerError,
    OutputError,
    PandasMissingError,
    ParseError,
    ReadingError,
    SourceError,
    UnitLookupError,
)
from heze_plan.model import (
    Area,
    Comparator,
    Document,
    Erratum,
    Finding,
    Milestone,
    Obligation,
    Plan,
    Principle,
    Safeguard,
    Target,
    TargetKind,
    Task,
    Unit,
    UnitKind,
    check,
)

if TYPE_CHECKING:  # the names _LAZY provides, for type checkers and editors
    from heze_plan._reading import read
    from heze_plan.parsing import (
        Convention,
        ParseFinding,
        ParseReport,
        ParseWarning,
        parse,
        parse_with_report,
    )
    from heze_plan.progress import (
        Ledger,
        MilestoneEntry,
        Problem,
        Progress,
        State,
        TargetActual,
        milestone_status,
        read_ledger,
        status,
    )
    from heze_plan.query import resolve_unit
    from heze_plan.sources import read_text

__all__ = [
    "Area",
    "AreaLookupError",
    "Comparator",
    "Convention",
    "Document",
    "ErrataError",
    "Erratum",
    "ExportError",
    "ExtraMissingError",
    "FeedError",
    "Finding",
    "HezePlanError",
    "Ledger",
    "LedgerError",
    "Milestone",
    "MilestoneEntry",
    "Obligation",
    "OutputError",
    "PandasMissingError",
    "ParseError",
    "ParseFinding",
    "ParseReport",
    "ParseWarning",
    "Plan",
    "Principle",
    "Problem",
    "Progress",
    "ReadingError",
    "Safeguard",
    "SourceError",
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
    "parse_with_report",
    "read",
    "read_ledger",
    "read_text",
    "resolve_unit",
    "source_text",
    "status",
]

#: Public names loaded on first use, by the package that defines them.
_LAZY = {
    **dict.fromkeys(
        ("Convention", "ParseFinding", "ParseReport", "ParseWarning", "parse", "parse_with_report"),
        "heze_plan.parsing",
    ),
    **dict.fromkeys(
        (
            "Ledger",
            "MilestoneEntry",
            "Problem",
            "Progress",
            "State",
            "TargetActual",
            "milestone_status",
            "read_ledger",
            "status",
        ),
        "heze_plan.progress",
    ),
    "resolve_unit": "heze_plan.query",
    "read": "heze_plan._reading",
    "read_text": "heze_plan.sources",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(_importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib import metadata  # noqa: PLC0415 - importlib.metadata costs 20 ms: only on use

        try:
            version = metadata.version("heze-plan")
        except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
            version = "0+unknown"
        globals()["__version__"] = version
        return version
    msg = f"module 'heze_plan' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    """The public names and the subpackages, not the modules this one uses (``sys``, ``importlib``)."""
    loaded = {name for name, value in globals().items() if isinstance(value, _types.ModuleType)}
    return sorted({*__all__, *(name for name in loaded if not name.startswith("_"))})


if "IPython" in _sys.modules:  # in Jupyter, plans and selections show as HTML tables
    _importlib.import_module("heze_plan.notebook")
