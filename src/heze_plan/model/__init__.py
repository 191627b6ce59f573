"""The plan as typed data: frozen attrs classes, the rules a plan must keep, and the JSON export.

:class:`Plan` holds :class:`Area`, :class:`Task`, :class:`Unit`,
:class:`Milestone`, :class:`Target`, :class:`Safeguard` and the rest
(:mod:`heze_plan.model.plan`); :func:`check` reports every broken rule
(:mod:`heze_plan.model.checks`); :mod:`heze_plan.model.serialize` writes and
reads the stable JSON export through one cattrs converter, imported on first
use because cattrs costs a noticeable part of a cold start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from heze_plan.model.checks import RULES, Finding, check
from heze_plan.model.plan import (
    Area,
    Comparator,
    Document,
    Erratum,
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
)
from heze_plan.model.target_text import plain_number, target_formula

if TYPE_CHECKING:
    from heze_plan.model.serialize import EXPORT_FORMAT, from_json, make_converter, structure_plan, to_json

__all__ = [
    "EXPORT_FORMAT",
    "RULES",
    "Area",
    "Comparator",
    "Document",
    "Erratum",
    "Finding",
    "Milestone",
    "Obligation",
    "Plan",
    "Principle",
    "Safeguard",
    "Target",
    "TargetKind",
    "Task",
    "Unit",
    "UnitKind",
    "check",
    "from_json",
    "make_converter",
    "plain_number",
    "structure_plan",
    "target_formula",
    "to_json",
]

_SERIALIZE = {"EXPORT_FORMAT", "from_json", "make_converter", "structure_plan", "to_json"}


def __getattr__(name: str) -> Any:
    if name in _SERIALIZE:
        return getattr(importlib.import_module("heze_plan.model.serialize"), name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
