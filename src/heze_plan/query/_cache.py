"""A cache of values derived from a plan, one entry per plan object, dropped with the plan.

Plans are frozen attrs classes, hashable by value, but hashing one walks every
task, area and unit: too dear for a look-up that runs on every query. The
cache is keyed on the plan's identity instead, and a weak reference drops the
entry when the plan is garbage-collected, so the id cannot be mistaken for a
later plan's and parsed plans do not pile up.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from heze_plan.model.plan import Plan

__all__ = ["per_plan"]

V = TypeVar("V")


class per_plan(Generic[V]):  # noqa: N801 - used as a decorator, named like one
    """Wrap ``build`` so that it runs once per plan object; ``len()`` counts live entries.

    >>> calls = []
    >>> @per_plan
    ... def count(plan):
    ...     calls.append(1)
    ...     return len(plan.tasks)
    >>> import heze_plan
    >>> plan = heze_plan.load()
    >>> count(plan), count(plan), len(calls), len(count)
    (195, 195, 1, 1)
    """

    def __init__(self, build: Callable[[Plan], V]) -> None:
        self._build = build
        self._entries: dict[int, tuple[weakref.ref[Plan], V]] = {}
        functools.update_wrapper(self, build)

    def __call__(self, plan: Plan) -> V:
        key = id(plan)
        entry = self._entries.get(key)
        if entry is not None and entry[0]() is plan:
            return entry[1]
        value = self._build(plan)

        def forget(ref: weakref.ref[Plan]) -> None:
            current = self._entries.get(key)
            if current is not None and current[0] is ref:
                del self._entries[key]

        self._entries[key] = (weakref.ref(plan, forget), value)
        return value

    def __len__(self) -> int:
        return len(self._entries)
