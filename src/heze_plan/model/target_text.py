"""A target written as a short formula: ``≥ 27000 人``, ``2–3 期``, ``> 全省平均水平``.

The listings, the notebook display and the progress report all show a
target this way. They differ only in how they write a figure (the report
and the listings spell out whole numbers, the notebook display uses ``g``)
and in whether the space before an empty unit stays; those are
parameters, so each keeps its output while the formula lives here once.
"""

from __future__ import annotations

from collections.abc import Callable

from heze_plan.model.plan import Target

__all__ = ["plain_number", "target_formula"]


def plain_number(value: float) -> str:
    """A figure as people write it: whole numbers without ``.0``, others as Python prints them.

    >>> plain_number(27000.0), plain_number(2.5), plain_number(80)
    ('27000', '2.5', '80')
    """
    return str(int(value)) if float(value).is_integer() else str(value)


def target_formula(
    target: Target, *, number: Callable[[float], str] = plain_number, strip: bool = True
) -> str:
    """``target`` as comparator, figure(s) and unit; a relative target (no value) as comparator and reference.

    ``number`` writes each figure; ``strip`` drops the space left when the
    unit (or reference) is empty.

    >>> import heze_plan
    >>> [target_formula(t) for t in heze_plan.load().task(170).targets]
    ['≥ 8 人', '= 10 场', '≥ 27000 人']
    >>> [target_formula(t) for t in heze_plan.load().task(23).targets]
    ['> 全省平均水平']
    """
    if target.value is None:
        text = f"{target.comparator.value} {target.reference or ''}"
    elif target.upper is not None:
        text = f"{number(target.value)}–{number(target.upper)} {target.unit}"
    else:
        text = f"{target.comparator.value} {number(target.value)} {target.unit}"
    return text.strip() if strip else text
