"""Plans of any size for the scaling benchmarks, made from the embedded plan's own tasks.

Task ``k`` of a generated plan takes the text and the owners of the
embedded plan's task ``(k - 1) % 195 + 1``, so that texts, deadlines,
targets and owner clauses are as long and as varied as a real plan's; the
tasks are spread evenly over the 21 areas and numbered 1..N. The text is
written with :func:`heze_plan.parsing.writer.to_text`, as a plan of that size would
be published.
"""

from __future__ import annotations

import attrs

import heze_plan
from heze_plan.parsing.writer import to_text

__all__ = ["generated_plan", "generated_text"]


def generated_plan(size: int) -> heze_plan.Plan:
    """A plan of ``size`` tasks built from the embedded plan's tasks (see the module docs)."""
    base = heze_plan.load()
    areas = len(base.areas)
    tasks = tuple(
        attrs.evolve(
            base.tasks[(number - 1) % len(base.tasks)],
            number=number,
            area=1 + (number - 1) * areas // size,
        )
        for number in range(1, size + 1)
    )
    return attrs.evolve(base, tasks=tasks, errata=())


def generated_text(size: int) -> str:
    """The text of :func:`generated_plan` ``(size)``."""
    return to_text(generated_plan(size))
