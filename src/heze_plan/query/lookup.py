"""Forgiving look-up of units, county governments and areas by what a user types.

People do not type ``市发展改革委``; they type 发改委, 发展改革委 or 市发改委.
:func:`resolve_unit` accepts a unit's canonical name, any alias of the
registry (``data/units.csv``), the name without its leading 市 or with 菏泽市
in front, and, when nothing matches exactly, a fragment that occurs in one
unit's names only. Anything else, whether unknown or ambiguous, raises
:class:`~heze_plan.errors.UnitLookupError` naming the closest units: a misspelt unit is an
error, never a silent empty answer.

A county-level government (曹县人民政府, 牡丹区, 高新区管委会) is not a unit
of the plan: the plan names the counties together as the collective
``各县区政府、管委会`` (or ``有关县区政府、管委会`` where only some are
meant). :func:`resolve_party` turns such a name into a :class:`Party` that
acts through those collectives, so that a county's liaison can ask what the
county shares.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs

from heze_plan import data
from heze_plan.common.numerals import from_chinese
from heze_plan.errors import AreaLookupError, UnitLookupError
from heze_plan.model.plan import Area, Plan, Unit
from heze_plan.query._cache import per_plan

__all__ = [
    "COUNTIES",
    "COUNTY_COLLECTIVES",
    "AreaLookupError",
    "Party",
    "UnitLookupError",
    "lookup_note",
    "resolve_area",
    "resolve_county",
    "resolve_party",
    "resolve_unit",
]


def _normalize(name: str) -> str:
    """NFKC, no whitespace: ``' 市 商务局 '`` and ``'市商务局'`` are one name."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def _read_counties() -> Mapping[str, tuple[str, ...]]:
    rows = csv.DictReader(io.StringIO(data.read_text(data.COUNTIES)))
    return {row["county"]: tuple(a for a in row["aliases"].split("|") if a) for row in rows}


_CITY: Mapping[str, Any] = json.loads(data.read_text(data.CITY))


def _read_former_names() -> Mapping[str, tuple[str, str]]:
    """Every spelling of a former name (with and without 市, with 菏泽市) → (unit, note)."""
    found: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(io.StringIO(data.read_text(data.FORMER_NAMES))):
        former, unit = row["former"], row["unit"]
        note = f"{former} is a former name: since {row['since']} its work is {unit}'s ({row['basis']})"
        spellings = {former}
        if former.startswith("市"):
            spellings |= {former[1:], "菏泽市" + former[1:], "菏泽" + former[1:]}
        for spelling in spellings:
            found[_normalize(spelling)] = (unit, note)
    return found


#: The county-level divisions of Heze with their governing bodies, and the
#: other names people use for them (``data/counties.csv``: 2 districts,
#: 7 counties and the two development zones, whose administrative committees
#: (管委会) the plan counts with the counties).
COUNTIES: Mapping[str, tuple[str, ...]] = _read_counties()

#: The collectives through which the plan addresses every county government.
COUNTY_COLLECTIVES: tuple[str, ...] = tuple(_CITY["county_collectives"])

_GOVERNMENT_SUFFIXES: tuple[str, ...] = tuple(_CITY["government_suffixes"])
_CITY_PREFIXES: tuple[str, ...] = tuple(_CITY["prefixes"])
#: Short forms broader than any unit of the plan that still mean one unit here (海关 → 菏泽海关).
_BROAD: Mapping[str, str] = _CITY["broad_names"]
#: Short forms that mean several units: answered with the choices, never a guess.
_AMBIGUOUS: Mapping[str, tuple[str, ...]] = {k: tuple(v) for k, v in _CITY["ambiguous_names"].items()}
_NOTES: Mapping[str, str] = _CITY["notes"]
#: Names of units before the institutional reforms (市工商局, 市卫计委, 菏泽银监分局): each finds
#: the unit that does the work now, with a note saying so (``data/former_names.csv``).
_FORMER: Mapping[str, tuple[str, str]] = _read_former_names()
#: An area's number as the plan writes it: 七, (七) (full-width brackets are NFKC-normalised).
_AREA_NUMERAL = re.compile(r"^\(?([一二三四五六七八九十]+)\)?$")


@attrs.frozen
class Party:
    """Whom a query asks about: registry units, or a county acting through collectives.

    ``units`` are the registry units that stand for the party directly;
    ``via`` the collectives whose tasks concern it too (for a county:
    ``各县区政府、管委会``). ``county`` is the county's name, if it is one.
    """

    query: str
    units: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    county: str | None = None

    @property
    def label(self) -> str:
        """How to name the party in output."""
        return self.county or "、".join(self.units)


def _keys(unit: Unit) -> set[str]:
    """Every spelling under which a unit is found exactly."""
    keys: set[str] = set()
    for name in (unit.name, *unit.aliases):
        keys.add(_normalize(name))
        if name.startswith("市") and len(name) > 2 and name[1] not in "委各有":
            bare = name[1:]
            keys.update({bare, "菏泽市" + bare, "菏泽" + bare})
    return keys


@attrs.frozen
class _UnitIndex:
    exact: Mapping[str, tuple[str, ...]]
    spellings: Mapping[str, tuple[str, ...]]


@per_plan
def _unit_index(plan: Plan) -> _UnitIndex:
    exact: dict[str, list[str]] = {}
    spellings: dict[str, list[str]] = {}
    for unit in plan.units:
        for key in _keys(unit):
            exact.setdefault(key, []).append(unit.name)
        for name in (unit.name, *unit.aliases):
            spellings.setdefault(unit.name, []).append(_normalize(name))
    return _UnitIndex(
        exact={k: tuple(v) for k, v in exact.items()},
        spellings={k: tuple(v) for k, v in spellings.items()},
    )


def _closest(query: str, spellings: Mapping[str, tuple[str, ...]], n: int = 5) -> list[str]:
    """Canonical names of the units whose spellings come closest to ``query``."""
    owner = {s: name for name, names in spellings.items() for s in names}
    close = difflib.get_close_matches(query, list(owner), n=3 * n, cutoff=0.4)
    if not close:  # short queries: fall back to units sharing a character
        scored = sorted(
            ((-len(set(query) & set(s)), s) for s in owner if set(query) & set(s)),
        )
        close = [s for _, s in scored]
    return list(dict.fromkeys(owner[s] for s in close))[:n]


def resolve_unit(plan: Plan, name: str) -> Unit:
    """The registry unit that ``name`` means; :class:`~heze_plan.errors.UnitLookupError` if none or several.

    >>> import heze_plan
    >>> plan = heze_plan.load()
    >>> [resolve_unit(plan, n).name for n in ("发改委", "人民银行", "审批服务局", "法院", "商务局")]
    ['市发展改革委', '人行菏泽市中心支行', '市行政审批服务局', '市法院', '市商务局']
    >>> resolve_unit(plan, "市商务厅")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    heze_plan.errors.UnitLookupError: unknown unit '市商务厅'; did you mean 市商务局、...?
    """
    query = _normalize(name)
    if not query:
        raise UnitLookupError(name, ())
    index = _unit_index(plan)
    registered = {unit.name for unit in plan.units}
    if query in _AMBIGUOUS:
        choices = tuple(u for u in _AMBIGUOUS[query] if u in registered)
        if len(choices) != 1:
            raise UnitLookupError(name, choices, ambiguous=True, note=_NOTES.get(query, ""))
        return plan.unit(choices[0])
    found = index.exact.get(query, ())
    if not found and query in _FORMER and _FORMER[query][0] in registered:
        return plan.unit(_FORMER[query][0])
    if not found and resolve_county(query) is not None:
        county = resolve_county(query)
        via = tuple(c for c in COUNTY_COLLECTIVES if c in registered)
        raise UnitLookupError(
            name,
            via,
            note=f"{county} is a county: the plan names the counties together as {'、'.join(via)}",
        )
    if not found:  # a fragment of exactly one unit's names: 审批 → 市行政审批服务局
        found = tuple(
            unit
            for unit, names in index.spellings.items()
            if len(query) >= 2 and any(query in s for s in names)
        )
    if len(found) == 1:
        return plan.unit(found[0])
    if found:
        raise UnitLookupError(name, found, ambiguous=True)
    raise UnitLookupError(name, _closest(query, index.spellings))


def lookup_note(name: str) -> str | None:
    """What to tell a user who typed ``name``, when the name means more than the unit it finds.

    >>> lookup_note("海关")
    '海关 is customs as a whole; in this plan it can only mean 菏泽海关'
    >>> lookup_note("发改委") is None
    True
    >>> lookup_note("市卫计委")  # doctest: +ELLIPSIS
    "市卫计委 is a former name: since 2019 its work is 市卫生健康委's (the health and family planning ..."
    """
    query = _normalize(name)
    former = _FORMER.get(query)
    return _BROAD.get(query) or _NOTES.get(query) or (former[1] if former else None)


def resolve_county(name: str) -> str | None:
    """The county-level division that ``name`` means, or ``None``.

    >>> resolve_county("曹县人民政府"), resolve_county("菏泽市牡丹区"), resolve_county("高新区管委会")
    ('曹县', '牡丹区', '菏泽高新技术产业开发区')
    >>> resolve_county("市商务局") is None
    True
    """
    query = _normalize(name)
    candidates = {query}
    for prefix in _CITY_PREFIXES:
        if query.startswith(prefix):
            candidates.add(query[len(prefix) :])
    for candidate in list(candidates):
        for suffix in _GOVERNMENT_SUFFIXES:
            if candidate.endswith(suffix) and len(candidate) > len(suffix):
                candidates.add(candidate[: -len(suffix)])
    for county, aliases in COUNTIES.items():
        if candidates & {county, *aliases}:
            return county
    return None


def resolve_party(plan: Plan, name: str) -> Party:
    """A unit of the registry, or a county government acting through the collectives.

    >>> import heze_plan
    >>> plan = heze_plan.load()
    >>> resolve_party(plan, "海关")
    Party(query='海关', units=('菏泽海关',), via=(), county=None)
    >>> resolve_party(plan, "曹县人民政府")
    Party(query='曹县人民政府', units=(), via=('各县区政府、管委会', '有关县区政府、管委会'), county='曹县')
    """
    county = resolve_county(name)
    if county is not None:
        registered = {unit.name for unit in plan.units}
        via = tuple(c for c in COUNTY_COLLECTIVES if c in registered)
        return Party(query=name, via=via, county=county)
    return Party(query=name, units=(resolve_unit(plan, name).name,))


def resolve_area(plan: Plan, key: int | str) -> Area:
    """The area numbered ``key`` (7, ``'七'``, ``'（七）'``), or whose name is or contains ``key``.

    A name that several areas contain is ambiguous and refused, like an unknown one.

    >>> import heze_plan
    >>> plan = heze_plan.load()
    >>> [resolve_area(plan, key).name for key in (7, "7", "（七）", "七", "跨境")]
    ['跨境贸易', '跨境贸易', '跨境贸易', '跨境贸易', '跨境贸易']
    """
    text = _normalize(str(key))
    numeral = _AREA_NUMERAL.match(text)
    number = int(text) if text.isdigit() else from_chinese(numeral.group(1)) if numeral else None
    if number is not None:
        for area in plan.areas:
            if area.number == number:
                return area
        msg = f"no area {number}: this plan numbers its areas 1..{len(plan.areas)}"
        raise AreaLookupError(msg)
    exact = [a for a in plan.areas if a.name == text]
    found = exact or [a for a in plan.areas if text and text in a.name]
    if len(found) == 1:
        return found[0]
    if found:
        names = "、".join(f"{a.number} {a.name}" for a in found)
        msg = f"area {key!r} is ambiguous: it could be {names}"
        raise AreaLookupError(msg)
    close = difflib.get_close_matches(text, [a.name for a in plan.areas], n=3, cutoff=0.3)
    hint = f"; did you mean {'、'.join(close)}?" if close else "; `heze-plan areas` lists them"
    msg = f"no area {key!r}{hint}"
    raise AreaLookupError(msg)
