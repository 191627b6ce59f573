"""Query helpers, with expectations read from the source text (菏政发〔2023〕11号)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import heze_plan
from heze_plan.model.plan import TargetKind
from heze_plan.query.lookup import AreaLookupError, UnitLookupError
from heze_plan.query.selections import (
    MilestoneSelection,
    TaskSelection,
    _index,
    milestones,
    next_milestones,
    parse_month,
    targets,
    tasks,
    unit_load,
)

D = dt.date

#: Tasks whose text has 10月底前, read from the source.
OCTOBER = [5, 19, 20, 22, 31, 58, 62, 79, 89, 91, 110, 111, 112, 113, 119, 121, 135, 142, 162, 185]
#: Tasks whose owner clause names 菏泽海关 (53, 55, 56 lead; 54 responsible).
CUSTOMS_LEADS = [53, 55, 56]
#: Tasks without 各县区政府、管委会 or 有关县区政府、管委会 in the owner clause (a sample).
NOT_COUNTIES = [53, 55, 56, 61, 64, 65, 74, 80, 152, 159, 174, 176, 179, 182, 184, 185]


@pytest.fixture(scope="module")
def plan() -> heze_plan.Plan:
    return heze_plan.load()


class TestLedBy:
    """led_by selects the tasks whose 牵头单位 names the unit, under any of its names."""

    def test_approval_bureau_leads_task_8_with_both_deadlines(self, plan: heze_plan.Plan) -> None:
        led = tasks(plan).led_by("市行政审批服务局")
        assert 8 in led.numbers
        task = led[led.numbers.index(8)]
        assert [m.due for m in task.milestones] == [D(2023, 9, 30), D(2023, 11, 30)]
        assert len(led) == 28  # counted in the source's owner clauses

    def test_customs_leads_53_55_56(self, plan: heze_plan.Plan) -> None:
        assert tasks(plan).led_by("菏泽海关").numbers == tuple(CUSTOMS_LEADS)

    @pytest.mark.parametrize("name", ["海关", " 菏泽海关 ", "菏泽海关"])
    def test_short_forms_give_the_same_answer(self, plan: heze_plan.Plan, name: str) -> None:
        assert tasks(plan).led_by(name).numbers == tuple(CUSTOMS_LEADS)

    def test_counties_lead_nothing(self, plan: heze_plan.Plan) -> None:
        # After erratum E1 no owner clause makes the county governments a lead unit.
        assert len(tasks(plan).led_by("曹县")) == 0

    def test_collective_lead_unit_is_found(self, plan: heze_plan.Plan) -> None:
        assert 158 in tasks(plan).led_by("市各重点民生领域、新兴领域主管部门").numbers


class TestWithResponsible:
    """with_responsible selects the tasks whose 责任单位 (or 责任部门) names the unit."""

    def test_customs_shares_54(self, plan: heze_plan.Plan) -> None:
        assert tasks(plan).with_responsible("海关").numbers == (54,)

    def test_approval_bureau_shares_four(self, plan: heze_plan.Plan) -> None:
        assert tasks(plan).with_responsible("审批服务局").numbers == (16, 32, 126, 138)

    def test_responsible_departments_label_of_task_45(self, plan: heze_plan.Plan) -> None:
        assert 45 in tasks(plan).with_responsible("医保局").numbers

    def test_county_matches_through_the_collective(self, plan: heze_plan.Plan) -> None:
        shared = tasks(plan).with_responsible("单县人民政府")
        assert shared.via(2) == ("各县区政府、管委会",)
        assert shared.via(92) == ("有关县区政府、管委会",)


class TestInvolving:
    """involving selects lead or responsible; a county matches through the collectives and says so."""

    def test_customs_leads_and_shares(self, plan: heze_plan.Plan) -> None:
        assert tasks(plan).involving("菏泽海关").numbers == (53, 54, 55, 56)

    def test_county_government_matches_the_collective(self, plan: heze_plan.Plan) -> None:
        caoxian = tasks(plan).involving("曹县人民政府")
        # 168 owner clauses name 各县区政府、管委会, 3 (tasks 92-94) 有关县区政府、管委会.
        assert len(caoxian) == 171
        assert caoxian.via(1) == ("各县区政府、管委会",)
        assert caoxian.via(93) == ("有关县区政府、管委会",)
        assert not set(caoxian.numbers) & set(NOT_COUNTIES)

    @pytest.mark.parametrize("name", ["牡丹区", "菏泽市牡丹区人民政府", "定陶区", "高新区管委会", "开发区"])
    def test_every_form_of_a_county_name(self, plan: heze_plan.Plan, name: str) -> None:
        assert len(tasks(plan).involving(name)) == 171

    def test_asking_for_the_collective_itself_is_direct(self, plan: heze_plan.Plan) -> None:
        direct = tasks(plan).involving("县区政府")
        assert len(direct) == 168
        assert direct.via(1) == ()

    def test_via_survives_further_filtering(self, plan: heze_plan.Plan) -> None:
        narrowed = tasks(plan).involving("曹县").in_month("2023-10")
        assert narrowed.via(5) == ("各县区政府、管委会",)
        assert narrowed.via(1) == ()  # no longer selected

    def test_county_and_a_department_together(self, plan: heze_plan.Plan) -> None:
        both = tasks(plan).involving("海关").involving("曹县")
        assert both.numbers == (54,)
        assert both.via(54) == ("各县区政府、管委会",)


class TestUnitErrors:
    """A name that means no unit, or several, raises and lists the closest units."""

    def test_misspelt_unit_raises_with_suggestions(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(UnitLookupError) as caught:
            tasks(plan).led_by("市商务厅")
        assert "市商务局" in caught.value.candidates
        assert "市商务局" in str(caught.value)
        assert isinstance(caught.value, LookupError)

    def test_ambiguous_fragment_lists_every_reading(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(UnitLookupError, match="ambiguous") as caught:
            tasks(plan).involving("金融监管")
        assert set(caught.value.candidates) == {"市地方金融监管局", "国家金融监督管理总局菏泽监管分局"}

    @pytest.mark.parametrize("helper", ["led_by", "with_responsible", "involving"])
    def test_every_unit_helper_refuses_nonsense(self, plan: heze_plan.Plan, helper: str) -> None:
        with pytest.raises(UnitLookupError, match="unknown unit 'xyz'"):
            getattr(tasks(plan), helper)("xyz")

    def test_empty_name(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(UnitLookupError):
            tasks(plan).led_by("  ")


class TestInArea:
    """in_area selects an area's tasks by number or name."""

    @pytest.mark.parametrize("key", [7, "7", "跨境贸易", "跨境"])
    def test_cross_border_trade(self, plan: heze_plan.Plan, key: int | str) -> None:
        assert tasks(plan).in_area(key).numbers == tuple(range(53, 61))

    def test_exact_name_beats_a_longer_one(self, plan: heze_plan.Plan) -> None:
        # 市场监管 is area 17 and also part of 12 劳动力市场监管.
        assert tasks(plan).in_area("市场监管").numbers == tuple(range(151, 161))

    @pytest.mark.parametrize(
        ("key", "message"),
        [(0, "no area 0"), (22, "no area 22: this plan numbers its areas 1..21"), ("监管", "ambiguous")],
    )
    def test_bad_area(self, plan: heze_plan.Plan, key: int | str, message: str) -> None:
        with pytest.raises(AreaLookupError, match=message):
            tasks(plan).in_area(key)

    def test_unknown_name_suggests(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(AreaLookupError, match="跨境贸易"):
            tasks(plan).in_area("跨竟贸易")


class TestDates:
    """The date helpers select by milestone; ranges include both ends; ongoing tasks never match."""

    def test_october_milestones(self, plan: heze_plan.Plan) -> None:
        october = milestones(plan).in_month(2023, 10)
        assert len(october) == 20
        assert sorted(m.task.number for m in october) == OCTOBER
        assert {m.phrase for m in october} == {"10月底前"}

    @pytest.mark.parametrize("month", ["2023-10", "2023年10月", "10", "10月"])
    def test_month_spellings(self, plan: heze_plan.Plan, month: str) -> None:
        assert tasks(plan).in_month(month).numbers == tuple(OCTOBER)

    def test_counts_by_month(self, plan: heze_plan.Plan) -> None:
        counts = {key: len(group) for key, group in milestones(plan).by_month().items()}
        # 8/9/10/11月底前 counted in the source, plus 9月底 (149); December adds 全年 and 年内.
        assert counts == {(2023, 8): 11, (2023, 9): 21, (2023, 10): 20, (2023, 11): 35, (2023, 12): 34}

    def test_task_136_has_two_december_milestones(self, plan: heze_plan.Plan) -> None:
        due = milestones(plan).due_on(D(2023, 12, 31)).where(lambda m: m.task.number == 136)
        assert [m.phrase for m in due] == ["12月底前", "12月底前"]
        assert [m.index for m in due] == [1, 2]
        assert due[0].deliverable.startswith("实现企业和个人全生命周期高频主题集成服务全覆盖")

    def test_due_on(self, plan: heze_plan.Plan) -> None:
        assert 8 in tasks(plan).due_on(D(2023, 9, 30)).numbers
        assert 8 in tasks(plan).due_on(D(2023, 11, 30)).numbers
        assert len(tasks(plan).due_on(D(2023, 9, 29))) == 0

    def test_before_and_after_include_the_day(self, plan: heze_plan.Plan) -> None:
        assert len(milestones(plan).due_before(D(2023, 8, 31))) == 11
        assert len(milestones(plan).due_before(D(2023, 8, 30))) == 0
        assert len(milestones(plan).due_after(D(2023, 12, 31))) == 34
        assert len(milestones(plan).due_between(D(2023, 9, 1), D(2023, 10, 31))) == 41

    def test_task_with_two_deadlines_matches_either(self, plan: heze_plan.Plan) -> None:
        assert 8 in tasks(plan).due_before(D(2023, 9, 30)).numbers
        assert 8 in tasks(plan).due_after(D(2023, 11, 1)).numbers

    def test_empty_range_is_an_error(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(ValueError, match="is after"):
            tasks(plan).due_between(D(2023, 10, 31), D(2023, 10, 1))

    @pytest.mark.parametrize(
        ("args", "error"),
        [
            (("2023-13",), ValueError),
            (("October",), ValueError),
            ((2023, 13), ValueError),
            ((2023,), ValueError),
        ],
    )
    def test_bad_month(
        self, plan: heze_plan.Plan, args: tuple[int | str, ...], error: type[Exception]
    ) -> None:
        with pytest.raises(error, match="month"):
            tasks(plan).in_month(*args)

    def test_month_given_twice(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(TypeError, match="not both"):
            tasks(plan).in_month("2023-10", 10)

    def test_ongoing(self, plan: heze_plan.Plan) -> None:
        ongoing = tasks(plan).ongoing()
        assert len(ongoing) == 87
        assert {1, 9, 53, 56} <= set(ongoing.numbers)  # no deadline phrase in their text
        assert not set(ongoing.numbers) & set(OCTOBER)
        assert len(ongoing.milestones()) == 0


class TestNextMilestones:
    """next_milestones gives the first n milestones strictly after a day."""

    def test_after_november(self, plan: heze_plan.Plan) -> None:
        following = next_milestones(plan, D(2023, 11, 30), 3)
        # 12月底前 appears first in tasks 7, 39 and 55 (12 月底前).
        assert [(m.task.number, m.due) for m in following] == [
            (7, D(2023, 12, 31)),
            (39, D(2023, 12, 31)),
            (55, D(2023, 12, 31)),
        ]

    def test_from_the_start(self, plan: heze_plan.Plan) -> None:
        assert [m.task.number for m in next_milestones(plan, D(2023, 7, 8), 2)] == [24, 34]

    def test_nothing_after_the_plan_year(self, plan: heze_plan.Plan) -> None:
        assert len(next_milestones(plan, D(2023, 12, 31))) == 0

    def test_n_must_be_positive(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(ValueError, match="positive"):
            next_milestones(plan, D(2023, 1, 1), 0)

    def test_composes_with_a_unit(self, plan: heze_plan.Plan) -> None:
        nxt = milestones(plan).led_by("审批服务局").next(D(2023, 9, 30), 1)
        # Task 5, led by the bureau with three others, is its first 10月底前.
        assert [(m.task.number, m.phrase) for m in nxt] == [(5, "10月底前")]


class TestSearch:
    """search keeps tasks whose title or text contains every term."""

    def test_electronic_business_licence(self, plan: heze_plan.Plan) -> None:
        assert tasks(plan).search("电子营业执照").numbers == (4, 113, 118)

    def test_all_terms_required(self, plan: heze_plan.Plan) -> None:
        assert tasks(plan).search("电子营业执照", "招标投标").numbers == (118,)

    def test_case_and_spaces_ignored(self, plan: heze_plan.Plan) -> None:
        assert tasks(plan).search("rcep").numbers == (55, 178)
        assert tasks(plan).search("RCEP 享惠").numbers == (55,)

    def test_title_is_searched(self, plan: heze_plan.Plan) -> None:
        assert 174 in tasks(plan).search("因公出国").numbers

    def test_no_match_is_empty(self, plan: heze_plan.Plan) -> None:
        assert len(tasks(plan).search("量子计算")) == 0

    @pytest.mark.parametrize("terms", [(), ("",), ("电子", "  ")])
    def test_empty_terms_are_refused(self, plan: heze_plan.Plan, terms: tuple[str, ...]) -> None:
        with pytest.raises(ValueError, match="non-empty term"):
            tasks(plan).search(*terms)


class TestTargets:
    """Targets filter by kind and by the units and dates of their tasks."""

    def test_relative_targets(self, plan: heze_plan.Plan) -> None:
        relative = targets(plan).of_kind(TargetKind.RELATIVE)
        # 高于全省平均水平 (23; 160 for 使用率 and 覆盖率); 不低于… twice in 66; 稳中有降 (70), 稳中有升 (167)
        assert [r.task.number for r in relative] == [23, 66, 66, 70, 160, 160, 167]
        assert targets(plan).of_kind("relative").numbers == relative.numbers

    def test_customs_clearance_times(self, plan: heze_plan.Plan) -> None:
        times = targets(plan).led_by("海关").of_kind("service_time")
        assert [(r.task.number, r.target.value, r.target.unit) for r in times] == [
            (53, 13, "小时"),
            (53, 2, "小时"),
        ]

    def test_targets_due_in_december(self, plan: heze_plan.Plan) -> None:
        # 2.7万人以上 (170) is stated under its 12月底前 milestone, 8人以上 under 9月底前.
        december = targets(plan).in_area(19).in_month("2023-12")
        assert 27000 in [r.target.value for r in december]
        assert 8 not in [r.target.value for r in december]
        assert december[0].milestone is not None

    def test_bad_kind(self, plan: heze_plan.Plan) -> None:
        with pytest.raises(ValueError, match="quantity"):
            targets(plan).of_kind("bogus")


class TestSelection:
    """A selection is an immutable sequence whose filters compose in any order."""

    def test_sequence_protocol(self, plan: heze_plan.Plan) -> None:
        customs = tasks(plan).involving("海关")
        assert len(customs) == 4
        assert customs[0].number == 53
        assert customs[-1].number == 56
        assert [t.number for t in customs] == [53, 54, 55, 56]
        assert plan.task(54) in customs
        sliced = customs[1:3]
        assert isinstance(sliced, TaskSelection)
        assert sliced.numbers == (54, 55)

    def test_filters_commute(self, plan: heze_plan.Plan) -> None:
        one = tasks(plan).led_by("审批服务局").in_month(2023, 11).search("标准")
        two = tasks(plan).search("标准").in_month(2023, 11).led_by("市行政审批服务局")
        # 8: 地方标准; 41: 数据标准; both with an 11月底前 milestone.
        assert one.numbers == two.numbers == (8, 41)

    def test_task_selection_to_milestones(self, plan: heze_plan.Plan) -> None:
        ms = tasks(plan).led_by("市行政审批服务局").milestones()
        assert isinstance(ms, MilestoneSelection)
        assert [m.due for m in ms.where(lambda m: m.task.number == 8)] == [D(2023, 9, 30), D(2023, 11, 30)]
        assert [m.due for m in ms] == sorted(m.due for m in ms)

    def test_frozen(self, plan: heze_plan.Plan) -> None:
        selection = tasks(plan)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            selection.items = ()  # type: ignore[misc]
        selection.led_by("海关")
        assert len(selection) == 195

    def test_repr_is_short(self, plan: heze_plan.Plan) -> None:
        assert repr(tasks(plan).led_by("海关")) == "TaskSelection(3 items; tasks 53, 55, 56)"

    def test_equal_selections(self, plan: heze_plan.Plan) -> None:
        assert tasks(plan).led_by("海关") == tasks(plan).led_by("菏泽海关")


class TestIndex:
    """The lookup indexes are built once per plan object."""

    def test_same_plan_same_index(self, plan: heze_plan.Plan) -> None:
        assert _index(plan) is _index(plan)

    def test_another_plan_gets_its_own(self, plan: heze_plan.Plan) -> None:
        other = attrs.evolve(plan, tasks=plan.tasks[:10])
        assert _index(other) is not _index(plan)
        assert len(tasks(other).involving("曹县")) == 10
        assert len(tasks(plan).involving("曹县")) == 171


class TestUnitLoad:
    """unit_load counts the tasks each unit leads and shares."""

    def test_customs(self, plan: heze_plan.Plan) -> None:
        load = {u.unit: u for u in unit_load(plan)}
        assert (load["菏泽海关"].leads, load["菏泽海关"].shares, load["菏泽海关"].total) == (3, 1, 4)
        assert (load["市行政审批服务局"].leads, load["市行政审批服务局"].shares) == (28, 4)

    def test_every_unit_once_most_first(self, plan: heze_plan.Plan) -> None:
        loads = unit_load(plan)
        assert len(loads) == len(plan.units) == 65
        assert [u.total for u in loads] == sorted((u.total for u in loads), reverse=True)


class TestUnitLoadOfChosenTasks:
    """unit_load counts among the tasks given, in registry order when asked."""

    def test_chosen_tasks(self, plan: heze_plan.Plan) -> None:
        # 61. and 62. （八）办理破产: 市法院 leads both, 各县区法院 shares both
        load = {u.unit: u for u in unit_load(plan, [plan.task(61), plan.task(62)])}
        assert (load["市法院"].leads, load["各县区法院"].shares) == (2, 2)
        assert [t.number for t in load["市法院"].led] == [61, 62]
        assert load["市行政审批服务局"].total == 0

    def test_registry_order(self, plan: heze_plan.Plan) -> None:
        loads = unit_load(plan, busiest_first=False)
        assert [u.unit for u in loads] == [u.name for u in plan.units]


class TestParseMonth:
    """parse_month reads the month forms people type."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("2023-10", (2023, 10)), ("2023/9", (2023, 9)), ("12", (2023, 12)), ("2024-01", (2024, 1))],
    )
    def test_forms(self, text: str, expected: tuple[int, int]) -> None:
        assert parse_month(text, 2023) == expected

    @pytest.mark.parametrize("text", ["", "0", "13", "2023-00", "Oct", "2023-10-01"])
    def test_bad(self, text: str) -> None:
        with pytest.raises(ValueError, match="bad month"):
            parse_month(text, 2023)


class TestDocs:
    """The examples in docs/queries.md run and give what they show."""

    def test_doctests(self) -> None:
        import doctest
        from pathlib import Path

        page = Path(__file__).parent.parent / "docs" / "queries.md"
        result = doctest.testfile(str(page), module_relative=False, encoding="utf-8")
        assert result.attempted > 10
        assert result.failed == 0


class TestPerPlanCache:
    """Indexes are built once per plan object and dropped with the plan."""

    def test_dropped_with_the_plan(self, plan: heze_plan.Plan) -> None:
        import gc

        before = len(_index)
        other = attrs.evolve(plan, tasks=plan.tasks[:5])
        assert len(tasks(other).led_by("审批服务局")) == 5  # the bureau leads each of tasks 1-5
        assert len(_index) == before + 1
        del other
        gc.collect()
        assert len(_index) == before
