"""Reading a plan's text into the model: layout, front matter, owners, deadlines, targets, units, errata.

:func:`parse` and :func:`parse_with_report` are the entry points
(:mod:`heze_plan.parsing.parser`); each concept of the text has its module:
:mod:`~heze_plan.parsing.deadlines` (9月底前 → 2023-09-30),
:mod:`~heze_plan.parsing.owners` (牵头单位/责任单位 clauses),
:mod:`~heze_plan.parsing.targets` (引进青年人才2.7万人以上),
:mod:`~heze_plan.parsing.units` (names, kinds, the registry),
:mod:`~heze_plan.parsing.errata` (corrections of the source),
:mod:`~heze_plan.parsing.hanzi` (traditional characters),
:mod:`~heze_plan.parsing.findings` (what a parse says about itself) and
:mod:`~heze_plan.parsing.writer` (a plan back to text).
"""

from __future__ import annotations

from heze_plan.parsing.errata import apply_errata, shipped_errata
from heze_plan.parsing.findings import Convention, ParseFinding, ParseReport, ParseWarning
from heze_plan.parsing.hanzi import to_simplified
from heze_plan.parsing.parser import ParseError, parse, parse_with_report
from heze_plan.parsing.units import classify, is_collective, known_units, registry_for, split_units
from heze_plan.parsing.writer import to_text

__all__ = [
    "Convention",
    "ParseError",
    "ParseFinding",
    "ParseReport",
    "ParseWarning",
    "apply_errata",
    "classify",
    "is_collective",
    "known_units",
    "parse",
    "parse_with_report",
    "registry_for",
    "shipped_errata",
    "split_units",
    "to_simplified",
    "to_text",
]
