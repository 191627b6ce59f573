"""Errata: defects of the source text and the corrections the parser applies.

The parser never patches the source silently. Each correction is a row of
``data/errata.json`` that says where (task), what the source says, what is
read instead and why; :func:`apply_errata` applies the rows it is given and
returns them with the line of the source each was found on, so that they
travel with the plan (:attr:`heze_plan.model.plan.Plan.errata`) and appear in ``show``
and in the docs.

An erratum whose source text is not found exactly once is an error: a table
that no longer fits its text must be fixed, not skipped.

Each row says how sure it is (``status``: ``verified`` or ``inferred``). An
erratum of meaning (``kind`` ``meaning``: a law cited by a name it does not
have) is located like the others but never applied: the text stays as
printed, and ``show`` and the docs give the correction beside it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable

import attrs

from heze_plan import data
from heze_plan.errors import ErrataError
from heze_plan.model.plan import Erratum

__all__ = ["ErrataError", "apply_errata", "shipped_errata"]


@functools.cache
def shipped_errata() -> tuple[Erratum, ...]:
    """The errata table of the embedded Heze 2023 plan."""
    raw = data.read_text(data.ERRATA)
    return tuple(Erratum(**row) for row in json.loads(raw))


def apply_errata(text: str, errata: Iterable[Erratum]) -> tuple[str, tuple[Erratum, ...]]:
    """Apply each erratum to ``text``; return the corrected text and the errata with lines.

    >>> e = Erratum(id="X", task=None, kind="typo", source="and", correction="和", reason="stray")
    >>> apply_errata("在平台and场所更新", [e])[0]
    '在平台和场所更新'
    >>> m = attrs.evolve(e, kind="meaning", source="合同法", correction="劳动合同法")
    >>> text, (found,) = apply_errata("加强合同法落实", [m])
    >>> text, found.line
    ('加强合同法落实', 1)
    """
    errata = tuple(errata)
    original = text
    applied: list[Erratum] = []
    for erratum in errata:
        count = original.count(erratum.source)
        if count != 1:
            msg = (
                f"erratum {erratum.id} (task {erratum.task}): its source text {erratum.source!r} "
                f"occurs {count} times in the text, expected exactly once"
            )
            raise ErrataError(msg)
        line = original.count("\n", 0, original.index(erratum.source)) + 1
        applied.append(attrs.evolve(erratum, line=line))
    for erratum in applied:
        if erratum.rewrites:
            text = text.replace(erratum.source, erratum.correction)
    return text, tuple(applied)
