"""Units: splitting owner lists into unit names, classifying them, and the registry.

In an owner clause, ``、`` separates single units and ``，`` separates the
list of single units from the collectives that follow it:
``市发展改革委、市自然资源和规划局，水、电、气、热各专营单位，各县区政府、管委会``.
A collective keeps its 、 inside one name: it is one unit, not several.

The registry of the embedded plan is data (``data/units.csv``): each unit's
kind, aliases and the basis of its kind, checked by hand. Units of another plan that the file does
not know are classified by their names (:func:`classify`).
"""

from __future__ import annotations

import collections
import csv
import functools
import io
import os
import pathlib
import re
from collections.abc import Iterable, Mapping

from heze_plan import data
from heze_plan.model.plan import Unit, UnitKind

__all__ = [
    "LEVELS",
    "classify",
    "collective_parts",
    "doubtful_name",
    "is_collective",
    "known_units",
    "level_of_units",
    "load_registry",
    "registry_for",
    "split_outside_brackets",
    "split_units",
]

#: The administrative levels a plan can be issued at, by the prefix of their units.
LEVELS = ("省", "市", "州", "盟", "县", "区", "旗")
_PREFIX = "[市省州盟县区旗]"
#: A ，-separated group that names several bodies as one (各县区政府、管委会,
#: 市有关部门、单位, 省直各部门, 水、电、气、热各专营单位).
_COLLECTIVE = re.compile(rf"^(?:各|有关|{_PREFIX}(?:直|级)?(?:有关|各|相关)|.*各专营单位$|[^、]*等相关)")
#: The separators of groups in a list with no bracket: ，/, between groups, 及 inside one.
_GROUPS = re.compile("[，,及]")
_OPEN, _CLOSE = "（(", "）)"

_KIND_RULES: tuple[tuple[re.Pattern[str], UnitKind], ...] = (
    (re.compile(rf"^(?:各|有关|{_PREFIX}(?:直|级)?(?:有关|各|相关))|各专营单位$"), UnitKind.COLLECTIVE),
    (re.compile(rf"^{_PREFIX}委"), UnitKind.PARTY_ORGAN),
    (re.compile(r"人大"), UnitKind.PEOPLES_CONGRESS),
    (re.compile(r"法院$|检察院$"), UnitKind.JUDICIAL),
    (re.compile(r"公司$|集团$"), UnitKind.ENTERPRISE),
    (re.compile(r"海关$|^人行|支行$|监管分局$|^国家|河务局$"), UnitKind.BRANCH_AGENCY),
    (re.compile(r"(?:人民政府|政府|管委会|管理委员会)$"), UnitKind.GOVERNMENT),
)
#: Units of a higher level than the plan's own are branches of that level in the plan's area.
_HIGHER = {
    "市": re.compile(r"^省"),
    "州": re.compile(r"^省"),
    "盟": re.compile(r"^省"),
    "县": re.compile(r"^[省市州盟]"),
    "区": re.compile(r"^[省市州盟]"),
    "旗": re.compile(r"^[省市州盟]"),
    "省": None,
}


def classify(name: str, level: str = "市") -> UnitKind:
    """The kind a unit's name suggests, for units the registry does not list.

    ``level`` is the prefix of the plan's own government (市 for a city's
    plan, 省 for a province's, 县 or 区 for a county's): a department of that
    government is a :attr:`~heze_plan.model.plan.UnitKind.MUNICIPAL_DEPARTMENT`, a body of a
    higher level (省… in a city's plan) a :attr:`~heze_plan.model.plan.UnitKind.BRANCH_AGENCY`.

    >>> classify("各县区政府、管委会").value, classify("市委组织部").value, classify("市商务局").value
    ('collective', 'party_organ', 'municipal_department')
    >>> classify("省商务厅").value, classify("省商务厅", level="省").value
    ('branch_agency', 'municipal_department')
    >>> classify("省直各部门", level="省").value
    'collective'
    """
    for pattern, kind in _KIND_RULES:
        if pattern.search(name):
            return kind
    higher = _HIGHER.get(level)
    if higher is not None and higher.search(name):
        return UnitKind.BRANCH_AGENCY
    return UnitKind.MUNICIPAL_DEPARTMENT


#: What no unit's name holds, so that a name holding it is text the parse ran into an owner clause
#: (宁波 2014: a district table after the last unit's name; a task number after a bracket).
_NOT_IN_NAMES = (
    (re.compile(r"[0-9０-９]"), "holds figures"),
    (re.compile(r"[。；;：:！？]"), "holds a stop (。；：)"),
)
#: The longest name a unit has in the corpus's hand-read tables is 24 characters.
_LONGEST_NAME = 30
#: How the names of bodies end (…局, …委, …政府, …街道, …电视台, …大学, 各县市区, …（粮食局）, …等):
#: every name read by hand in the corpus ends so, a person's name (毛晓青) or a task's words do not.
_BODY_ENDING = re.compile(
    "(?:局|委|办|厅|中心|院|府|会|公司|部|队|所|站|社|署|处|室|关|行|团|门|位|构|道|镇|乡|村|班|区|县|市|州|盟|旗"
    "|联|库|城|企|地|组|馆|科|校|学|协|司|军|台|场|园|厂|网|[）)]|等)$"
)


def doubtful_name(name: str) -> str | None:
    """Why ``name`` may be no unit's but text the parse ran into an owner clause, or None.

    None of the 508 unit names read by hand in the corpus's tables holds
    figures, a stop, an unclosed bracket or more than 30 characters, and all
    end like a body's name (…局, …街道, …等); a parsed name that does not is
    worth a look (``heze-plan inspect`` lists them).

    >>> doubtful_name("县大数据局）2）压减审批时间"), doubtful_name("各县（市、区）人民政府")
    ('holds figures', None)
    """
    for pattern, why in _NOT_IN_NAMES:
        if pattern.search(name):
            return why
    if sum(name.count(c) for c in _OPEN) != sum(name.count(c) for c in _CLOSE):
        return "an unclosed bracket"
    if len(name) > _LONGEST_NAME:
        return f"longer than {_LONGEST_NAME} characters"
    if not _BODY_ENDING.search(name):
        return "ends like no body's name (a person's?)"
    return None


def is_collective(name: str) -> bool:
    """Whether a name (or a ，-separated group) names several bodies as one.

    >>> is_collective("各县区政府、管委会"), is_collective("省直有关部门"), is_collective("市商务局")
    (True, True, False)
    """
    return _collective(name)


@functools.lru_cache(maxsize=8192)
def _collective(name: str) -> bool:
    """:func:`is_collective`, remembered per distinct name: a plan names the same units again and again."""
    return _COLLECTIVE.match(name) is not None


def _has_bracket(text: str) -> bool:
    """Whether ``text`` holds a bracket: four substring tests cost less than a pattern's scan."""
    return "（" in text or "(" in text or "）" in text or ")" in text


@functools.cache
def _splitter(separators: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(separators)}]")


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """Split ``text`` at any of ``separators`` that stands outside brackets.

    >>> split_outside_brackets("各县区人民政府（管委会、园区），市商务局", "，、")
    ['各县区人民政府（管委会、园区）', '市商务局']
    """
    if not _has_bracket(text):
        return _splitter(separators).split(text)
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and char in separators:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


#: A place's name alone (银川市, 临夏州): two characters or more before its level, no 各/级/直.
_PLACE = r"[\u4e00-\u9fff]{2,5}?[市州县旗盟区]"
_BARE_PLACE = re.compile(rf"^{_PLACE}$")
#: A place's name and what its government holds (吴忠市人民政府, 临夏州发展改革部门).
_PLACE_BODY = re.compile(
    rf"^(?P<place>{_PLACE})(?P<body>[\u4e00-\u9fff]{{2,}}(?:政府|部门|局|委|办|厅|管委会))$"
)
_NOT_A_PLACE = re.compile(r"各|有关|级|直|示范|开发|园|新区|自治")


def _shared_head(parts: list[str]) -> list[str]:
    """Places listed before one body that they all share (海东 2020: 海东市、兰州市、临夏州发展改革部门):
    each place's own body, as a reader names them; other lists are left as they are.

    >>> _shared_head(["银川市", "石嘴山市", "吴忠市人民政府", "宁东管委会"])
    ['银川市人民政府', '石嘴山市人民政府', '吴忠市人民政府', '宁东管委会']
    >>> _shared_head(["县示范区", "县发改局"])
    ['县示范区', '县发改局']
    """
    if len(parts) < 2:
        return parts
    result = list(parts)
    run: list[int] = []
    for index, part in enumerate(parts):
        name = part.strip()
        if _BARE_PLACE.match(name) and not _NOT_A_PLACE.search(name):
            run.append(index)
            continue
        whole = _PLACE_BODY.match(name)
        if run and whole is not None and not _NOT_A_PLACE.search(whole.group("place")):
            for at in run:
                result[at] = parts[at].strip() + whole.group("body")
        run = []
    return result


def split_units(owners: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split an owner list into unit names; also return what was dropped.

    The second tuple holds the notes a name lost (a trailing 等), so that a
    caller can report them rather than lose them silently.

    >>> split_units("市发展改革委、市商务局，各县区政府、管委会")
    (('市发展改革委', '市商务局', '各县区政府、管委会'), ())
    >>> split_units("州司法局、州委编办及州直相关单位，各县市人民政府")
    (('州司法局', '州委编办', '州直相关单位', '各县市人民政府'), ())
    >>> split_units("市大数据局、市工业和信息化局等，各县区政府、管委会")
    (('市大数据局', '市工业和信息化局', '各县区政府、管委会'), ('市工业和信息化局等',))
    """
    return _split_units(owners)


@functools.lru_cache(maxsize=8192)
def _split_units(owners: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """:func:`split_units`, remembered per distinct list: plans repeat their owner lists.

    Heze's 195 tasks write 383 lead and responsible lists, 139 of them distinct.
    """
    names: list[str] = []
    trimmed: list[str] = []
    if not _has_bracket(owners):  # most lists: plain splits, no bracket to step over
        groups = _GROUPS.split(owners)
    else:
        groups = [
            subgroup
            for group in split_outside_brackets(owners, "，,")
            for subgroup in split_outside_brackets(group, "及")
        ]
    for raw_group in groups:
        group = raw_group.strip()
        if not group:
            continue
        parts = (
            collective_parts(group)
            if _collective(group)
            else _shared_head(split_outside_brackets(group, "、"))
        )
        for name in (part.strip() for part in parts):
            if not name:
                continue
            # 等 ends an open list; a collective (…等相关) keeps it
            if name.endswith("等") and not _collective(name):
                trimmed.append(name)
                names.append(name[:-1])
            else:
                names.append(name)
    return tuple(names), tuple(trimmed)


#: A collective of departments (市相关部门, 市有关部门、单位): a named unit after it is a unit of its own.
_DEPARTMENTS = re.compile(r"(?:部门|单位)$")
#: A unit of a level's own government (市交通局, 区市场局, 省沈抚示范区管委会): after a collective of
#: governments (各县、市、区政府、市交通局) it is a unit of its own, not one more member.
_LEVEL_UNIT = re.compile(r"^[省市县区州][\u4e00-\u9fff]+(?:局|委|办|厅|中心|管委会)$")
_GOVERNMENTS = re.compile(r"(?:政府|管委会|街道|乡镇)$")
#: A named unit (江北新区管委会, 市商务局), not a bare kind (单位, 管委会) that continues a collective.
_NAMED_UNIT = re.compile(r"^[\u4e00-\u9fff（）()〔〕]{2,}(?:局|委|办|厅|中心|院|政府|管委会|公司|集团)$")


def collective_parts(group: str) -> list[str]:
    """A ，-group that starts with a collective, cut where a unit of its own follows a collective of
    departments (南京 2021: 市相关部门、江北新区管委会、各区政府 — three); a collective of governments
    runs on (各县区政府、管委会; 各县市人民政府、湘西经开区管委会: one)."""
    if "、" not in group:
        return [group]
    pieces: list[str] = []
    for part in split_outside_brackets(group, "、"):
        if not pieces:
            pieces.append(part)
        elif (
            (_NAMED_UNIT.match(pieces[-1].strip()) and not _collective(pieces[-1]))
            or (
                _DEPARTMENTS.search(pieces[-1]) and (_NAMED_UNIT.match(part.strip()) or part.startswith("各"))
            )
            or (_GOVERNMENTS.search(pieces[-1].strip()) and _LEVEL_UNIT.match(part.strip()))
            or (_DEPARTMENTS.search(part) and part[1:2] == "直" and _collective(part))
        ):
            # after a unit of its own, or a unit of its own (or another collective) after departments;
            # a named office of one level after a collective of governments (各街道、区市场局: two);
            # a level's departments after any collective (各街道、区直各部门: two)
            pieces.append(part)
        else:
            pieces[-1] += "、" + part
    return pieces


@functools.cache
def known_units() -> Mapping[str, Unit]:
    """The hand-checked registry shipped with the package, by canonical name."""
    text = data.read_text(data.UNITS)
    registry: dict[str, Unit] = {}
    for row in csv.DictReader(io.StringIO(text)):
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        registry[row["name"]] = Unit(
            name=row["name"], kind=UnitKind(row["kind"]), aliases=aliases, basis=row.get("basis") or ""
        )
    return registry


def registry_for(
    names: Iterable[str], level: str = "市", known: Mapping[str, Unit] | None = None
) -> tuple[Unit, ...]:
    """Registry entries for ``names``, in first-seen order.

    Units in ``known`` (a registry by name, such as the embedded plan's
    :func:`known_units` or one read by :func:`~heze_plan.parsing.units.load_registry`) are taken from
    it, by name; others are classified by name (:func:`classify`,
    for a plan of ``level``) and have no aliases. Heze's registry applies
    only when passed: a plan of another government gets no Heze data.
    """
    known = known or {}
    seen: dict[str, Unit] = {}
    for name in names:
        if name not in seen:
            seen[name] = known.get(name) or Unit(name=name, kind=classify(name, level))
    return tuple(seen.values())


def load_registry(
    source: str | os.PathLike[str] | Iterable[Unit] | Mapping[str, Unit] | None,
) -> dict[str, Unit] | None:
    """A user's unit registry by name: a CSV file (columns name, kind, aliases) or units.

    ``kind`` is a :class:`~heze_plan.model.plan.UnitKind` value
    (``municipal_department``, ``collective``, …); ``aliases`` are separated
    by ``|``. A bad row raises :class:`ValueError` naming the file and line.
    """
    if source is None:
        return None
    if isinstance(source, Mapping):
        return dict(source)
    if isinstance(source, (str, os.PathLike)):
        path = pathlib.Path(source)
        registry: dict[str, Unit] = {}
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"name", "kind"} - set(reader.fieldnames or ())
            if missing:
                msg = f"{path}: a unit registry needs the columns name, kind (and aliases); "
                msg += f"missing {sorted(missing)}"
                raise ValueError(msg)
            for row in reader:
                try:
                    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
                    unit = Unit(
                        name=(row["name"] or "").strip(),
                        kind=UnitKind((row["kind"] or "").strip()),
                        aliases=aliases,
                    )
                except ValueError as invalid:
                    msg = f"{path}, line {reader.line_num}: {invalid}"
                    raise ValueError(msg) from invalid
                registry[unit.name] = unit
        return registry
    return {unit.name: unit for unit in source}


def level_of_units(names: Iterable[str]) -> str:
    """The level a plan's units suggest: the prefix most of its departments carry (市 by default).

    >>> level_of_units(["省发展改革委", "省商务厅", "各市人民政府"])
    '省'
    """
    counts = collections.Counter(name[0] for name in names if name[:1] in LEVELS)
    return counts.most_common(1)[0][0] if counts else "市"
