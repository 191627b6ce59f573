"""heze_plan: the Heze 2023 business-environment plan (菏政发〔2023〕11号) as typed data.

>>> import heze_plan
>>> plan = heze_plan.load()
>>> len(plan.tasks), len(plan.areas)
(195, 21)

``import heze_plan`` loads the model only; the parser, the checks, the
look-ups and the package version load on first use (PEP 562), so that a
program that only reads the embedded plan starts fast (see
``docs/benchmarks.md``).
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:  # the names _LAZY provides, for type checkers and editors
    from heze_plan.checks import Finding, check
    from heze_plan.ledger import Ledger, MilestoneEntry, Problem, Progress, TargetActual
    from heze_plan.ledger_io import read_ledger
    from heze_plan.lookup import UnitLookupError, resolve_unit
    from heze_plan.parse_report import Convention, ParseError, ParseFinding, ParseReport, ParseWarning
    from heze_plan.parsing import parse, parse_with_report
    from heze_plan.status import State, milestone_status, status

__all__ = [
    "Area",
    "Comparator",
    "Convention",
    "Document",
    "Erratum",
    "Finding",
    "Ledger",
    "Milestone",
    "MilestoneEntry",
    "ParseError",
    "ParseFinding",
    "ParseReport",
    "ParseWarning",
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
    "parse_with_report",
    "read_ledger",
    "resolve_unit",
    "source_text",
    "status",
]

#: Public names loaded on first use, by the module that defines them.
_LAZY = {
    "Finding": "heze_plan.checks",
    "check": "heze_plan.checks",
    "Ledger": "heze_plan.ledger",
    "MilestoneEntry": "heze_plan.ledger",
    "Problem": "heze_plan.ledger",
    "Progress": "heze_plan.ledger",
    "TargetActual": "heze_plan.ledger",
    "read_ledger": "heze_plan.ledger_io",
    "State": "heze_plan.status",
    "milestone_status": "heze_plan.status",
    "status": "heze_plan.status",
    "UnitLookupError": "heze_plan.lookup",
    "resolve_unit": "heze_plan.lookup",
    "Convention": "heze_plan.parse_report",
    "ParseError": "heze_plan.parse_report",
    "ParseFinding": "heze_plan.parse_report",
    "ParseReport": "heze_plan.parse_report",
    "ParseWarning": "heze_plan.parse_report",
    "parse": "heze_plan.parsing",
    "parse_with_report": "heze_plan.parsing",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
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
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """The package module, keeping ``heze_plan.status`` the function when its submodule loads.

    Importing the submodule ``heze_plan.status`` (as ``heze_plan.frames`` does)
    binds the module object to the package's ``status`` attribute; the public
    name is the function of that module, as it was when the package imported
    it eagerly, so the binding is replaced by the function.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _LAZY.get(name) == value.__name__:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def source_text() -> str:
    """The source text of the embedded plan, exactly as extracted from the published PDF."""
    from importlib import resources  # noqa: PLC0415 - 5 ms of imports, paid when the text is needed

    return resources.files("heze_plan").joinpath("data/heze-2023-plan.txt").read_text(encoding="utf-8")


@functools.cache
def load() -> Plan:
    """The embedded Heze 2023 plan, parsed from its shipped source with the shipped errata.

    Loaded once per process from the snapshot shipped beside the source
    (:mod:`heze_plan._snapshot`), which holds exactly that parse; when the
    snapshot does not match the source, the errata or the parser's code, the
    source is parsed instead. The plan is immutable, so every caller shares it.
    """
    from heze_plan import _snapshot  # noqa: PLC0415 - loaded on first use, see the module docs

    plan = _snapshot.read()
    if plan is None:
        from heze_plan.errata import shipped_errata  # noqa: PLC0415 - only without a snapshot
        from heze_plan.parsing import parse  # noqa: PLC0415 - only without a snapshot

        plan = parse(source_text(), errata=shipped_errata())
    return plan
