"""The safeguards' obligations as a query: every duty, or those a unit or county must act on.

>>> import heze_plan
>>> plan = heze_plan.load()
>>> [o.key for o in obligations(plan, "营转办")]
['S1.5']
>>> [o.key for o in obligations(plan, "郓城")]
['S1.3', 'S1.4', 'S1.6', 'S2.3']
>>> obligation(plan, "S1.6").due.isoformat()
'2023-08-29'
"""

from __future__ import annotations

from heze_plan.model.plan import Obligation, Plan
from heze_plan.query.lookup import resolve_party

__all__ = ["obligation", "obligations"]


def obligations(plan: Plan, name: str | None = None) -> tuple[Obligation, ...]:
    """Every obligation of the safeguards, in order; given a unit or county name, those it must act on.

    A county acts through the collectives that stand for it (各县区政府、管委会). An unknown or
    ambiguous name raises :class:`~heze_plan.errors.UnitLookupError`, as the other queries do.
    """
    found = tuple(o for s in plan.safeguards for o in s.obligations)
    if name is None:
        return found
    party = resolve_party(plan, name)
    wanted = {*party.units, *party.via}
    return tuple(o for o in found if wanted.intersection(o.actors))


def obligation(plan: Plan, key: str) -> Obligation:
    """The obligation addressed as ``key`` (``S1.6``); :class:`KeyError` naming the valid keys otherwise."""
    for candidate in obligations(plan):
        if candidate.key == key.strip().upper():
            return candidate
    keys = [o.key for o in obligations(plan)]
    msg = (
        f"no obligation {key!r}: this plan has {keys[0]}..{keys[-1]}"
        if keys
        else "this plan has no obligations"
    )
    raise KeyError(msg)
