"""Forgiving look-up of units, counties and areas."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import heze_plan
from heze_plan.query.lookup import (
    COUNTIES,
    AreaLookupError,
    UnitLookupError,
    _unit_index,
    lookup_note,
    resolve_area,
    resolve_county,
    resolve_party,
    resolve_unit,
)

NAMES = Path(__file__).parent / "data" / "unit_names.csv"


@pytest.fixture(scope="module")
def plan() -> heze_plan.Plan:
    return heze_plan.load()


class TestResolveUnit:
    """Canonical names, aliases, names without 市 and unique fragments all find the unit."""

    @pytest.mark.parametrize(
        ("name", "unit"),
        [
            ("市发展改革委", "市发展改革委"),
            ("发改委", "市发展改革委"),
            ("市发展和改革委员会", "市发展改革委"),
            ("人民银行", "人行菏泽市中心支行"),
            ("审批服务局", "市行政审批服务局"),
            ("行政审批服务局", "市行政审批服务局"),
            ("菏泽市行政审批服务局", "市行政审批服务局"),
            ("法院", "市法院"),
            ("县区法院", "各县区法院"),
            ("市市场监督管理局", "市市场监管局"),
            ("海关", "菏泽海关"),
            ("ＲＣＥＰ", None),  # full-width Latin is normalised, then refused: no such unit
        ],
    )
    def test_names(self, plan: heze_plan.Plan, name: str, unit: str | None) -> None:
        if unit is None:
            with pytest.raises(UnitLookupError):
                resolve_unit(plan, name)
        else:
            assert resolve_unit(plan, name).name == unit

    def test_whitespace_is_ignored(self, plan: heze_plan.Plan) -> None:
        assert resolve_unit(plan, " 市 商务局 ").name == "市商务局"

    def test_unique_fragment(self, plan: heze_plan.Plan) -> None:
        assert resolve_unit(plan, "审批").name == "市行政审批服务局"

    def test_every_spelling_names_one_unit(self, plan: heze_plan.Plan) -> None:
        assert all(len(units) == 1 for units in _unit_index(plan).exact.values())

    def test_every_unit_by_its_own_name_and_aliases(self, plan: heze_plan.Plan) -> None:
        for unit in plan.units:
            for name in (unit.name, *unit.aliases):
                assert resolve_unit(plan, name) == unit

    def test_misspelling_lists_closest(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(UnitLookupError) as caught:
            resolve_unit(plan, "市场监督局")
        assert caught.value.candidates[0] == "市市场监管局"
        assert not caught.value.ambiguous

    def test_ambiguous(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(UnitLookupError) as caught:
            resolve_unit(plan, "金融监管")
        assert caught.value.ambiguous
        assert "could be" in str(caught.value)

    def test_nothing_close(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(UnitLookupError, match="heze-plan units"):
            resolve_unit(plan, "xyz")

    def test_a_county_is_not_a_unit(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(UnitLookupError):
            resolve_unit(plan, "曹县")


class TestResolveCounty:
    """County-level governments are recognised in the forms people write them."""

    @pytest.mark.parametrize(
        ("name", "county"),
        [
            ("曹县", "曹县"),
            ("曹县人民政府", "曹县"),
            ("菏泽市曹县", "曹县"),
            ("牡丹区政府", "牡丹区"),
            ("定陶县", "定陶区"),
            ("高新区管委会", "菏泽高新技术产业开发区"),
            ("经开区", "菏泽经济技术开发区"),
        ],
    )
    def test_forms(self, name: str, county: str) -> None:
        assert resolve_county(name) == county

    @pytest.mark.parametrize("name", ["市商务局", "政府", "人民政府", "县区政府", ""])
    def test_not_a_county(self, name: str) -> None:
        assert resolve_county(name) is None

    def test_nine_counties_and_two_zones(self) -> None:
        assert len(COUNTIES) == 11


class TestResolveParty:
    """A party is a registry unit, or a county acting through the collectives."""

    def test_unit(self, plan: heze_plan.Plan) -> None:
        party = resolve_party(plan, "发改委")
        assert (party.units, party.via, party.county, party.label) == (
            ("市发展改革委",),
            (),
            None,
            "市发展改革委",
        )

    def test_county(self, plan: heze_plan.Plan) -> None:
        party = resolve_party(plan, "鄄城县人民政府")
        assert party.units == ()
        assert party.via == ("各县区政府、管委会", "有关县区政府、管委会")
        assert party.label == "鄄城县"

    def test_unknown(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(UnitLookupError):
            resolve_party(plan, "某某局")


class TestResolveArea:
    """Areas by number, name or a fragment of one name."""

    def test_forms(self, plan: heze_plan.Plan) -> None:
        assert resolve_area(plan, 1).name == "开办企业"
        assert resolve_area(plan, "21").name == "法治保障"
        assert resolve_area(plan, "知识产权").number == 16
        assert resolve_area(plan, "（二十一）").name == "法治保障"
        assert resolve_area(plan, "十六").number == 16

    @pytest.mark.parametrize("key", [0, 22, "-1", "二十二", "（零）", "不存在的领域", "监管", ""])
    def test_bad(self, plan: heze_plan.Plan, key: int | str) -> None:
        with pytest.raises(AreaLookupError):
            resolve_area(plan, key)


class TestNamesPeopleType:
    """Every name a Heze official would type resolves, or gets an answer that helps."""

    @pytest.mark.parametrize(
        ("name", "unit"),
        [
            ("菏泽金融监管分局", "国家金融监督管理总局菏泽监管分局"),
            # the People's Bank's branch, 中心支行 in the plan, 分行 after the 2024 reorganisation
            ("人民银行菏泽市分行", "人行菏泽市中心支行"),
            ("中国人民银行菏泽市分行", "人行菏泽市中心支行"),
            ("市地方金融监督管理局", "市地方金融监管局"),
            ("市医疗保障局", "市医保局"),
            ("市自然资源局", "市自然资源和规划局"),
            ("市消防支队", "市消防救援支队"),
            ("国网菏泽市供电公司", "国网菏泽供电公司"),
            ("市委外办", "市外办"),
            ("市审批局", "市行政审批服务局"),
            ("审批局", "市行政审批服务局"),
            ("市审批服务局", "市行政审批服务局"),
            # 保障措施（三） 强化与纪委监委机关联动
            ("纪委监委机关", "纪委监委机关"),
            ("市纪委监委", "纪委监委机关"),
        ],
    )
    def test_resolves(self, plan: heze_plan.Plan, name: str, unit: str) -> None:
        assert resolve_unit(plan, name).name == unit

    @pytest.mark.parametrize(
        ("name", "choices"),
        [
            ("金融监管局", {"国家金融监督管理总局菏泽监管分局", "市地方金融监管局"}),
            ("有关部门", {"市有关部门、单位", "市各重点民生领域、新兴领域主管部门"}),
            ("市政府", {"市政府办公室", "各县区政府、管委会"}),
        ],
    )
    def test_ambiguous_short_forms_answer_with_choices(
        self, plan: heze_plan.Plan, name: str, choices: set[str]
    ) -> None:
        with pytest.raises(UnitLookupError) as caught:
            resolve_unit(plan, name)
        assert caught.value.ambiguous
        assert set(caught.value.candidates) == choices

    def test_city_government_says_why(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(UnitLookupError, match="issues the plan and leads no task itself"):
            resolve_unit(plan, "市政府")

    @pytest.mark.parametrize("name", ["海关", "国网", "通信管理局"])
    def test_broad_names_resolve_and_say_so(self, plan: heze_plan.Plan, name: str) -> None:
        unit = resolve_unit(plan, name)
        note = lookup_note(name)
        assert note is not None
        assert unit.name in note

    def test_county_short_name(self, plan: heze_plan.Plan) -> None:
        # 郓城 is 郓城县, not 市城管局
        assert resolve_party(plan, "郓城").county == "郓城县"
        with pytest.raises(UnitLookupError, match="郓城县 is a county"):
            resolve_unit(plan, "郓城")

    def test_counties_are_data(self) -> None:
        assert len(COUNTIES) == 11
        assert "郓城" in COUNTIES["郓城县"]


class TestCityData:
    """The city's names (data/city.json) point only at units of the registry."""

    def test_choices_and_notes_name_registry_units(self, plan: heze_plan.Plan) -> None:
        import json

        from heze_plan import data

        city = json.loads(data.read_text(data.CITY))
        registered = {u.name for u in plan.units}
        for name, choices in city["ambiguous_names"].items():
            assert set(choices) <= registered, name
            assert len(choices) >= 2, name
        for name, note in city["broad_names"].items():
            assert resolve_unit(plan, name).name in note
        assert set(city["county_collectives"]) <= registered


def _names() -> list[dict[str, str]]:
    with NAMES.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


class TestNamesOfficialsType:
    """Every name on the list (tests/data/unit_names.csv) resolves, or answers with choices or a suggestion.

    The list was drawn up by hand, unit by unit: each unit's full name (菏泽市…,
    中共菏泽市委…), the 市X局 short forms, the names in other Heze documents and
    the issue, and the names units had before the institutional reforms (2018
    tax merger and fire service; 2019 municipal reform: 工商局/质监局/食药监局 →
    市场监管局, 国土局/规划局 → 自然资源和规划局, 卫计委 → 卫生健康委 …; 2023:
    银保监分局 → 金融监管分局, 人防办 → 国动办), with its basis in the last column.
    """

    @pytest.mark.parametrize("row", _names(), ids=lambda row: row["name"])
    def test_name(self, plan: heze_plan.Plan, row: dict[str, str]) -> None:
        name, answer = row["name"], row["answer"]
        kind, _, value = answer.partition(":") if ":" in answer else ("unit", "", answer)
        if kind == "unit":
            assert resolve_unit(plan, name).name == value
            if "former name" in row["basis"] or "broad name" in row["basis"]:
                note = lookup_note(name)
                assert note, name
                assert value in note
        elif kind == "choices":
            with pytest.raises(UnitLookupError) as caught:
                resolve_unit(plan, name)
            assert caught.value.ambiguous
            assert set(caught.value.candidates) == set(value.split("|"))
        elif kind == "county":
            assert resolve_party(plan, name).county == value
        else:
            assert kind == "suggest", row
            with pytest.raises(UnitLookupError) as caught:
                resolve_unit(plan, name)
            assert caught.value.candidates[0] == value

    def test_every_unit_is_on_the_list(self, plan: heze_plan.Plan) -> None:
        named = {row["answer"] for row in _names()} | {
            choice
            for row in _names()
            if row["answer"].startswith("choices:")
            for choice in row["answer"][8:].split("|")
        }
        assert {unit.name for unit in plan.units} - named == set()

    def test_former_names_say_so(self, plan: heze_plan.Plan) -> None:
        # 市工商局 was merged into 市市场监管局 in the 2019 reform: the note names both and the year
        assert resolve_unit(plan, "工商局").name == "市市场监管局"
        note = lookup_note("菏泽市工商局")
        assert note is not None
        assert note.startswith("市工商局 is a former name: since 2019 its work is 市市场监管局's")

    def test_a_current_name_has_no_former_note(self) -> None:
        assert lookup_note("市市场监管局") is None
