"""Readings: how the embedded plan's arguable targets are read, decided once and recorded as data.

Some figures can be read more than one way (is 按照余额增量的2%提供资金 a
target of the city, or the central bank's funding rule?). The parser reads
every plan by its general rules (:mod:`heze_plan.parsing.targets`); for the
embedded plan, ``data/readings.json`` records each decision: which target
(its owner: a task number, ``S2`` for safeguard （二）, ``P2`` for principle
（二）; and its phrase), the reading in words, and what it changes (``kind``,
``applies_to``, ``scope``, the ``milestone`` by its phrase) or adds (``add``:
targets the text states without a figure of its own, such as 案例数量参照
市直部门执行). A row with ``deadline`` (a milestone's phrase) instead of
``phrase`` records how a task's deadline is read (task 149's 9月底).

A reading that finds no target with its phrase, or an ``add`` whose phrase is
not in its owner's text, is a :class:`~heze_plan.errors.ReadingError`: a
table that no longer fits its plan must be fixed, never skipped.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from heze_plan import data
from heze_plan.errors import ReadingError
from heze_plan.model.plan import Comparator, Milestone, Plan, Target, TargetKind
from heze_plan.parsing.obligations import with_obligations

__all__ = ["apply_readings", "as_embedded", "shipped_readings"]

_CHANGES = ("kind", "applies_to", "scope", "milestone")


@functools.cache
def shipped_readings() -> tuple[Mapping[str, Any], ...]:
    """The readings of the embedded Heze 2023 plan."""
    rows = json.loads(data.read_text(data.READINGS))
    return tuple(rows)


def _milestone(owner: str, phrase: str, milestones: Sequence[Milestone]) -> int:
    """The position (from 0) of the milestone with this phrase."""
    for index, milestone in enumerate(milestones):
        if milestone.phrase == phrase:
            return index
    msg = f"reading for {owner}: no milestone {phrase!r} (it has {[m.phrase for m in milestones]})"
    raise ReadingError(msg)


def _sentence(text: str, phrase: str) -> str:
    at = text.find(phrase)
    start = max(text.rfind(c, 0, at) for c in "。；") + 1
    ends = [i for i in (text.find(c, at) for c in "。；") if i != -1]
    return text[start : min(ends, default=len(text))]


def _in_text_order(
    text: str, targets: tuple[Target, ...], at: int, added: Sequence[Target]
) -> tuple[Target, ...]:
    """``targets`` with ``added`` (whose phrase starts at ``at``) placed where the text states them.

    A task's targets are numbered in the order of its text (the ledger's 目标1, 目标2 …), so a
    target the reading adds goes before the first parsed one that the text states after it:
    task 55's 全部实现“全程网办” before its 每月2—3期.
    """
    cursor, position = 0, len(targets)
    for index, target in enumerate(targets):
        found = text.find(target.phrase, cursor)
        if found == -1:
            continue
        cursor = found
        if found > at:
            position = index
            break
    return (*targets[:position], *added, *targets[position:])


def _read(
    owner: str,
    text: str,
    targets: tuple[Target, ...],
    milestones: Sequence[Milestone],
    row: Mapping[str, Any],
) -> tuple[Target, ...]:
    phrase, reading = row["phrase"], row["reading"]
    changes: dict[str, Any] = {}
    for key in _CHANGES:
        if key in row:
            value = row[key]
            if key == "kind":
                value = TargetKind(value)
            elif key == "milestone":
                value = _milestone(owner, value, milestones) + 1  # targets number milestones from 1
            changes[key] = value
    if "add" in row:
        if phrase not in text:
            msg = f"reading for {owner}: its phrase {phrase!r} is not in the text"
            raise ReadingError(msg)
        added = []
        for spec in row["add"]:
            fields = dict(spec)
            if "milestone" in fields:
                fields["milestone"] = _milestone(owner, fields["milestone"], milestones) + 1
            fields["kind"] = TargetKind(fields["kind"])
            fields["comparator"] = Comparator(fields["comparator"])
            added.append(Target(phrase=phrase, subject=_sentence(text, phrase), reading=reading, **fields))
        return _in_text_order(text, targets, text.find(phrase), added)
    if not any(t.phrase == phrase for t in targets):
        phrases = [t.phrase for t in targets]
        msg = f"reading for {owner}: no target with the phrase {phrase!r} (it has {phrases})"
        raise ReadingError(msg)
    return tuple(attrs.evolve(t, reading=reading, **changes) if t.phrase == phrase else t for t in targets)


def apply_readings(plan: Plan, readings: Iterable[Mapping[str, Any]]) -> Plan:
    """``plan`` with each reading applied to the target it names (see the module's docstring)."""
    tasks = {t.number: t for t in plan.tasks}
    safeguards = {s.number: s for s in plan.safeguards}
    principles = {p.number: p for p in plan.principles}
    for row in readings:
        owner = str(row["owner"])
        try:
            if owner.startswith("S"):
                s = safeguards[int(owner[1:])]
                safeguards[s.number] = attrs.evolve(
                    s, targets=_read(owner, s.text, s.targets, s.milestones, row)
                )
            elif owner.startswith("P"):
                p = principles[int(owner[1:])]
                principles[p.number] = attrs.evolve(p, targets=_read(owner, p.text, p.targets, (), row))
            elif "deadline" in row:
                t = tasks[int(owner)]
                index = _milestone(owner, row["deadline"], t.milestones)
                milestones = list(t.milestones)
                milestones[index] = attrs.evolve(milestones[index], reading=row["reading"])
                tasks[t.number] = attrs.evolve(t, milestones=tuple(milestones))
            else:
                t = tasks[int(owner)]
                tasks[t.number] = attrs.evolve(t, targets=_read(owner, t.text, t.targets, t.milestones, row))
        except (KeyError, ValueError) as error:
            if isinstance(error, ReadingError):
                raise
            msg = f"reading for {owner!r} does not fit the plan: {error}"
            raise ReadingError(msg) from None
    return attrs.evolve(
        plan,
        tasks=tuple(tasks.values()),
        safeguards=tuple(safeguards.values()),
        principles=tuple(principles.values()),
    )


def as_embedded(plan: Plan) -> Plan:
    """A parse of the shipped text made into the embedded plan: the shipped readings applied.

    The safeguards' obligations are read again afterwards, since a reading can add a target
    to a safeguard (案例数量参照市直部门执行) and an obligation lists its targets.
    """
    return with_obligations(apply_readings(plan, shipped_readings()))
