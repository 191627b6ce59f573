"""Units: splitting owner lists into unit names, classifying them, and the registry.

In an owner clause, ``、`` separates single units and ``，`` separates the
list of single units from the collectives that follow it:
``市发展改革委、市自然资源和规划局，水、电、气、热各专营单位，各县区政府、管委会``.
A collective keeps its 、 inside one name: it is one unit, not several.

The registry of the embedded plan is data (``data/units.csv``): each unit's
kind and aliases, checked by hand. Units of another plan that the file does
not know are classified by their names (:func:`classify`).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Mapping
from importlib import resources

from heze_plan.model import Unit, UnitKind

__all__ = ["classify", "known_units", "split_units"]

#: A ，-separated group that names several bodies as one.
_COLLECTIVE = re.compile(r"^(?:各|有关|市有关|市各|.*各专营单位$|.*等相关)")
_TRAILING_ETC = re.compile(r"等$")

_KIND_RULES: tuple[tuple[re.Pattern[str], UnitKind], ...] = (
    (re.compile(r"^(?:各|有关|市有关|市各)|各专营单位$"), UnitKind.COLLECTIVE),
    (re.compile(r"^[市省州县区]委"), UnitKind.PARTY_ORGAN),
    (re.compile(r"人大"), UnitKind.PEOPLES_CONGRESS),
    (re.compile(r"法院$|检察院$"), UnitKind.JUDICIAL),
    (re.compile(r"公司$|集团$"), UnitKind.ENTERPRISE),
    (re.compile(r"海关$|^人行|支行$|监管分局$|^省|^国家|河务局$"), UnitKind.BRANCH_AGENCY),
)


def classify(name: str) -> UnitKind:
    """The kind a unit's name suggests, for units the registry does not list.

    >>> classify("各县区政府、管委会").value, classify("市委组织部").value, classify("市商务局").value
    ('collective', 'party_organ', 'municipal_department')
    """
    for pattern, kind in _KIND_RULES:
        if pattern.search(name):
            return kind
    return UnitKind.MUNICIPAL_DEPARTMENT


def split_units(owners: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split an owner list into unit names; also return what was dropped.

    The second tuple holds the notes a name lost (a trailing 等), so that a
    caller can report them rather than lose them silently.

    >>> split_units("市发展改革委、市商务局，各县区政府、管委会")
    (('市发展改革委', '市商务局', '各县区政府、管委会'), ())
    >>> split_units("市大数据局、市工业和信息化局等，各县区政府、管委会")
    (('市大数据局', '市工业和信息化局', '各县区政府、管委会'), ('市工业和信息化局等',))
    """
    names: list[str] = []
    trimmed: list[str] = []
    for raw_group in re.split(r"[，,]", owners):
        group = raw_group.strip()
        if not group:
            continue
        parts = [group] if _COLLECTIVE.match(group) else group.split("、")
        for name in (part.strip() for part in parts):
            if not name:
                continue
            bare = name if _COLLECTIVE.match(name) else _TRAILING_ETC.sub("", name)
            if bare != name:
                trimmed.append(name)
            names.append(bare)
    return tuple(names), tuple(trimmed)


@functools.cache
def known_units() -> Mapping[str, Unit]:
    """The hand-checked registry shipped with the package, by canonical name."""
    text = resources.files("heze_plan").joinpath("data/units.csv").read_text(encoding="utf-8")
    registry: dict[str, Unit] = {}
    for row in csv.DictReader(io.StringIO(text)):
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        registry[row["name"]] = Unit(name=row["name"], kind=UnitKind(row["kind"]), aliases=aliases)
    return registry


def registry_for(names: Iterable[str]) -> tuple[Unit, ...]:
    """Registry entries for ``names``, in first-seen order.

    Known units come from the shipped registry; others are classified by name
    and have no aliases.
    """
    known = known_units()
    seen: dict[str, Unit] = {}
    for name in names:
        if name not in seen:
            seen[name] = known.get(name) or Unit(name=name, kind=classify(name))
    return tuple(seen.values())
