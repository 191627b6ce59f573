"""Owner lists split into units the way the plan writes them; the registry knows every unit."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import heze_plan
from heze_plan.model.plan import UnitKind
from heze_plan.parsing.units import classify, doubtful_name, known_units, split_units

FAMILY = Path(__file__).parent / "data" / "family"


class TestSplitUnits:
    """、 separates single units; a collective keeps its 、."""

    @pytest.mark.parametrize(
        ("owners", "expected"),
        [
            ("市发展改革委、市商务局、市行政审批服务局", ("市发展改革委", "市商务局", "市行政审批服务局")),
            ("各县区政府、管委会", ("各县区政府、管委会",)),
            ("市有关部门、单位，各县区政府、管委会", ("市有关部门、单位", "各县区政府、管委会")),
            (
                "市发展改革委、市自然资源和规划局，水、电、气、热各专营单位，各县区政府、管委会",
                ("市发展改革委", "市自然资源和规划局", "水、电、气、热各专营单位", "各县区政府、管委会"),
            ),
            (
                "市市场监管局，市各重点民生领域、新兴领域主管部门",
                ("市市场监管局", "市各重点民生领域、新兴领域主管部门"),
            ),
            ("有关县区政府、管委会", ("有关县区政府、管委会",)),
        ],
    )
    def test_split(self, owners: str, expected: tuple[str, ...]) -> None:
        assert split_units(owners) == (expected, ())

    def test_trailing_etc_is_reported(self) -> None:
        assert split_units("市大数据局、市工业和信息化局等") == (
            ("市大数据局", "市工业和信息化局"),
            ("市工业和信息化局等",),
        )

    def test_half_width_comma(self) -> None:
        assert split_units("市商务局,各县区政府、管委会") == (("市商务局", "各县区政府、管委会"), ())


class TestRegistry:
    """Every unit of the embedded plan is in the hand-checked registry with its kind."""

    def test_every_unit_is_known(self) -> None:
        plan = heze_plan.load()
        known = known_units()
        assert [u.name for u in plan.units if u.name not in known] == []
        # 63 units in the owner clauses, 市营转办 (safeguard （一）) and 纪委监委机关 (safeguard （三）
        # 强化与纪委监委机关联动)
        assert len(plan.units) == 65

    @pytest.mark.parametrize(
        ("name", "kind"),
        [
            ("市发展改革委", UnitKind.MUNICIPAL_DEPARTMENT),
            ("市委组织部", UnitKind.PARTY_ORGAN),
            ("市委依法治市办", UnitKind.PARTY_ORGAN),
            ("市法院", UnitKind.JUDICIAL),
            ("市检察院", UnitKind.JUDICIAL),
            ("各县区法院", UnitKind.COLLECTIVE),
            ("菏泽海关", UnitKind.BRANCH_AGENCY),
            ("人行菏泽市中心支行", UnitKind.BRANCH_AGENCY),
            ("市税务局", UnitKind.BRANCH_AGENCY),
            ("国网菏泽供电公司", UnitKind.ENTERPRISE),
            ("市人大法工委", UnitKind.PEOPLES_CONGRESS),
            ("各县区政府、管委会", UnitKind.COLLECTIVE),
            ("水、电、气、热各专营单位", UnitKind.COLLECTIVE),
            # centres are public institutions (事业单位), not the government's working departments
            ("市住房公积金管理中心", UnitKind.PUBLIC_INSTITUTION),
            ("市公路事业发展中心", UnitKind.PUBLIC_INSTITUTION),
            ("市地震监测中心", UnitKind.PUBLIC_INSTITUTION),
            ("市公共资源交易中心", UnitKind.PUBLIC_INSTITUTION),
            # 市营转办要发挥综合协调作用: the office of the leading group
            ("市营转办", UnitKind.LEADING_GROUP_OFFICE),
            ("纪委监委机关", UnitKind.PARTY_ORGAN),
        ],
    )
    def test_kinds(self, name: str, kind: UnitKind) -> None:
        assert heze_plan.load().unit(name).kind is kind

    def test_every_shipped_unit_says_where_its_kind_comes_from(self) -> None:
        for unit in known_units().values():
            assert unit.basis.strip(), unit.name
        assert "事业单位" in known_units()["市公共资源交易中心"].basis
        assert "领导小组" in known_units()["市营转办"].basis

    def test_units_of_other_plans_have_no_basis(self) -> None:
        (unit,) = heze_plan.parsing.registry_for(["省商务厅"])
        assert unit.basis == ""

    def test_aliases_are_unique_and_not_names(self) -> None:
        names = set(known_units())
        aliases = [a for u in known_units().values() for a in u.aliases]
        assert len(aliases) == len(set(aliases))
        assert names.isdisjoint(aliases)


class TestClassify:
    """Units of other plans get a kind from their names."""

    @pytest.mark.parametrize(
        ("name", "kind"),
        [
            ("省委宣传部", UnitKind.PARTY_ORGAN),
            ("济南海关", UnitKind.BRANCH_AGENCY),
            ("各区县人民政府", UnitKind.COLLECTIVE),
            ("国网济南供电公司", UnitKind.ENTERPRISE),
            ("市中级人民法院", UnitKind.JUDICIAL),
            ("市教育局", UnitKind.MUNICIPAL_DEPARTMENT),
        ],
    )
    def test_classify(self, name: str, kind: UnitKind) -> None:
        assert classify(name) is kind


class TestDoubtfulName:
    """Names that look like text run into an owner clause (``heze-plan inspect`` lists them)."""

    def test_no_unit_read_by_hand_is_doubtful(self) -> None:
        # every lead and responsible unit a person wrote in the corpus's tables, Heze's units too
        names = {
            unit
            for path in FAMILY.rglob("*.expected.csv")
            for row in csv.DictReader(path.open(encoding="utf-8"))
            for column in ("lead", "responsible")
            for unit in (row.get(column) or "").split("|")
            if unit
        } | {unit for task in heze_plan.load().tasks for unit in task.units}
        assert len(names) > 500  # 508 distinct names on 2026-12-03
        assert [name for name in names if doubtful_name(name)] == []

    @pytest.mark.parametrize(
        ("name", "why"),
        [
            ("县大数据局）2）压减审批时间", "holds figures"),
            ("市商务局。加快推进", "holds a stop (。；：)"),
            ("督办单位：市政府办公室", "holds a stop (。；：)"),
            ("各县（市、区", "an unclosed bracket"),
            (
                "市发展改革委统筹推进全市重大项目谋划储备和要素保障工作并按季度报送",
                "longer than 30 characters",
            ),
            # 吉水 joined onto one line read its leader as the owner before the one-line table fix
            ("毛晓青", "ends like no body's name (a person's?)"),
            ("做好城西高中建设开工前期工作", "ends like no body's name (a person's?)"),
        ],
    )
    def test_text_in_a_name(self, name: str, why: str) -> None:
        assert doubtful_name(name) == why
