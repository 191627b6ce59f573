"""Merging the ledgers units send back into one, with every disagreement shown.

The coordinating office sends each unit its workbook (``ledger init
--split-by-unit``) and gets back a mix of .xlsx and CSV files. Merging them:

- a unit reports only on tasks it leads or shares, and only on the
  safeguards' obligations that fall on it: the reader already refuses a
  填报单位 that is not a unit of the row's task or obligation, and a row
  whose plan columns were edited (task title, due date);
- two reports on the same milestone (same round) that agree are one report;
- two that disagree (status or completion date; a target's value) are a
  :class:`Conflict`. When exactly one answer comes from the task's lead
  units, the lead unit's report is kept (it is accountable); otherwise
  none is kept and the conflict stays unresolved, for a person to settle;
- every kept row keeps its 填报单位 and its source (file and cell), so the
  merged ledger says who reported what from which file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from attrs import frozen

from heze_plan.model.plan import Plan
from heze_plan.progress.ledger import (
    Ledger,
    MilestoneEntry,
    ObligationActual,
    ObligationEntry,
    Problem,
    TargetActual,
)

__all__ = ["Conflict", "Merged", "merge_ledgers"]

_Row = TypeVar("_Row", MilestoneEntry, TargetActual, ObligationEntry, ObligationActual)
_Any = MilestoneEntry | TargetActual | ObligationEntry | ObligationActual


@frozen
class Conflict:
    """Reports that disagree on one milestone, target value or safeguard deadline.

    ``chosen`` is the report kept (the lead unit's), or None when the
    conflict could not be resolved and no report of it is kept.
    """

    what: str
    reports: tuple[_Any, ...]
    chosen: _Any | None

    def __str__(self) -> str:
        said = "; ".join(
            f"{r.source} ({r.unit or '填报单位 not given'}) says {_says(r)}" for r in self.reports
        )
        if self.chosen is None:
            outcome = "unresolved: no lead unit's report settles it, none is kept"
        else:
            outcome = f"kept the lead unit's report from {self.chosen.source}"
        return f"conflict on {self.what}: {said} → {outcome}"


def _says(row: _Any) -> str:
    if isinstance(row, (TargetActual, ObligationActual)):
        return f"{row.value:g}"
    return row.status.label + (f" {row.completed}" if row.completed else "")


@frozen
class Merged:
    """The merged ledger, every conflict (resolved or not) and the problems of merging."""

    ledger: Ledger
    conflicts: tuple[Conflict, ...]
    problems: tuple[Problem, ...]

    @property
    def unresolved(self) -> tuple[Conflict, ...]:
        """The conflicts no report was kept for."""
        return tuple(c for c in self.conflicts if c.chosen is None)


def _answer(row: _Any) -> Hashable:
    if isinstance(row, (TargetActual, ObligationActual)):
        return row.value
    return (row.status, row.completed)


def _merge_rows(
    rows: Sequence[_Row],
    key: Callable[[_Row], Hashable],
    leads: Callable[[_Row], tuple[str, ...]],
    what: Callable[[_Row], str],
    conflicts: list[Conflict],
) -> list[_Row]:
    # Most rows are reported once: only a key seen twice gets a list (100 000 rows, not 100 000 lists).
    first: dict[Hashable, _Row] = {}
    repeated: dict[Hashable, list[_Row]] = {}
    for row in rows:
        found = key(row)
        if found in first:
            repeated.setdefault(found, [first[found]]).append(row)
        else:
            first[found] = row
    kept: list[_Row] = []
    for found, row in first.items():
        group = repeated.get(found)
        if group is None:
            kept.append(row)
            continue
        answers = {_answer(r) for r in group}
        if len(answers) == 1:
            kept.append(group[0])
            continue
        by_leads = [r for r in group if r.unit is not None and r.unit in leads(r)]
        chosen = by_leads[0] if len({_answer(r) for r in by_leads}) == 1 else None
        conflicts.append(Conflict(what(group[0]), tuple(group), chosen))
        if chosen is not None:
            kept.append(chosen)
    return kept


def _round(as_of: dt.date | None) -> str:
    return "" if as_of is None else f" (as of {as_of})"


def merge_ledgers(plan: Plan, ledgers: Sequence[Ledger]) -> Merged:
    """Merge the good rows of several ledgers (see the module's rules); nothing is dropped unsaid."""
    tasks = {t.number: t for t in plan.tasks}
    conflicts: list[Conflict] = []
    problems: list[Problem] = []
    entries = [e for ledger in ledgers for e in ledger.entries]
    actuals = [a for ledger in ledgers for a in ledger.actuals]
    guards = [g for ledger in ledgers for g in ledger.safeguards]
    shares = [o for ledger in ledgers for o in ledger.obligations]
    figures = [a for ledger in ledgers for a in ledger.obligation_actuals]
    every: list[_Any] = [*entries, *actuals, *guards, *shares, *figures]
    for row in every:
        if row.unit is None:
            file, _, where = row.source.rpartition(":")
            problems.append(
                Problem(file, where, "no 填报单位: who reported this row is not said", warning=True)
            )
    kept_entries = _merge_rows(
        entries,
        lambda e: e.round_key,
        lambda e: tasks[e.task].lead_units,
        lambda e: f"task {e.task} milestone {e.milestone or '-'}{_round(e.as_of)}",
        conflicts,
    )
    kept_actuals = _merge_rows(
        actuals,
        lambda a: a.key,
        lambda a: tasks[a.task].lead_units,
        lambda a: f"task {a.task} target {a.target} as of {a.as_of}",
        conflicts,
    )
    kept_guards = _merge_rows(
        guards,
        lambda g: g.round_key,
        lambda g: (),
        lambda g: f"safeguard {g.task} deadline {g.milestone}{_round(g.as_of)}",
        conflicts,
    )
    # An obligation's share is its unit's own (the reader refuses a unit it does not fall on), so two
    # reports of one share come from one unit or speak for the whole: the unit the result is filed
    # with (报市营转办备案) settles those, as a lead unit settles a task's.
    recipients = {
        o.key: (o.recipient,) if o.recipient else () for g in plan.safeguards for o in g.obligations
    }
    kept_shares = _merge_rows(
        shares,
        lambda o: o.round_key,
        lambda o: recipients.get(o.obligation, ()),
        lambda o: f"{o.obligation} ({o.unit or 'as a whole'}){_round(o.as_of)}",
        conflicts,
    )
    kept_figures = _merge_rows(
        figures,
        lambda a: a.key,
        lambda a: recipients.get(a.obligation, ()),
        lambda a: f"{a.obligation} target {a.target} ({a.unit or 'as a whole'}) as of {a.as_of}",
        conflicts,
    )
    ledger = Ledger(
        entries=kept_entries,
        actuals=kept_actuals,
        safeguards=kept_guards,
        obligations=kept_shares,
        obligation_actuals=kept_figures,
    )
    return Merged(ledger, tuple(conflicts), tuple(problems))
