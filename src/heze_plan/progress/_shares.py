"""Whose share of a safeguard's obligation the ledger records: the model's who-must-act rule, per unit.

An :class:`~heze_plan.model.plan.Obligation` names the units that must act
(:attr:`~heze_plan.model.plan.Obligation.actors`, read by
:mod:`heze_plan.parsing.obligations`). Each of them does its own share (each
county and each area's lead unit files its own 落实方案 for S1.6), so the
ledger and the report count one share per actor, with one change: the
collective through which the plan addresses the counties (各县区政府、管委会)
stands for each county, and each county reports and is scored on its own. An
obligation that names nobody (未指明) has one share, the whole, reported
without a 填报单位. Both the reader (who may report what) and the
assessment (what is scored) use these functions, so they cannot disagree.
"""

from __future__ import annotations

from heze_plan.model.plan import Obligation, Plan
from heze_plan.query.lookup import COUNTIES, COUNTY_COLLECTIVES, UnitLookupError, resolve_party

__all__ = ["reporter", "shares"]


def shares(obligation: Obligation) -> tuple[str | None, ...]:
    """The units (and counties) whose share of ``obligation`` is scored, in the model's order.

    >>> import heze_plan
    >>> from heze_plan.query import obligation
    >>> plan = heze_plan.load()
    >>> shares(obligation(plan, "S1.5")), shares(obligation(plan, "S3.1"))
    (('市营转办',), (None,))
    >>> shares(obligation(plan, "S1.4"))[:3]
    ('牡丹区', '定陶区', '曹县')
    """
    found: list[str | None] = []
    for actor in obligation.actors:
        if actor in COUNTY_COLLECTIVES:
            found += [county for county in COUNTIES if county not in found]
        else:
            found.append(actor)
    return tuple(found) or (None,)


def reporter(plan: Plan, obligation: Obligation, name: str) -> tuple[str | None, str | None]:
    """The share that ``name`` (a unit or county, as people write it) reports, or why it may not.

    Returns ``(share, None)`` when ``name`` is one the obligation falls on (a
    county for an obligation of 各县区; the unit the result is filed with,
    报市营转办备案, may report too), else ``(None, message)``.
    """
    try:
        party = resolve_party(plan, name)
    except UnitLookupError as error:
        return None, str(error)
    own = shares(obligation)
    if party.county is None and party.units[0] in COUNTY_COLLECTIVES:
        counties = [share for share in own if share is not None and share in COUNTIES]
        if counties:
            return None, (
                f"{party.units[0]} names every county together: each county reports its own share of "
                f"{obligation.key}; write one county in 填报单位 ({'、'.join(counties[:3])}, …), one row each"
            )
    if party.county is not None:
        if party.county in own:
            return party.county, None
        who = party.county
    else:
        unit = party.units[0]
        if unit in own or unit == obligation.recipient:
            return unit, None
        who = unit
    if own == (None,):
        return None, (
            f"{obligation.key} names nobody who must act ({obligation.actor_phrase}): "
            f"leave 填报单位 empty, the row reports the obligation as a whole, not {who}'s share"
        )
    return None, (
        f"{obligation.key} does not fall on {who}: it falls on {obligation.actor_phrase} "
        f"({len(own)} units or counties); report only the obligations your workbook lists"
    )
