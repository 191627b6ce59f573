"""Plans of the same family as Heze's, written in the other conventions the family uses.

The two texts in ``tests/data/family/`` were written for these tests in the
style of other cities' and counties' plans (the parser was not written
against them): a county plan for 2024 with owners in words, 牵头部门 and
配合部门 labels, half-width punctuation and deadlines inside the owner
clause; a prefecture plan for 2023 in traditional characters whose tasks
stand right under the sections. Every expected value is read from those
texts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import heze_plan
from heze_plan import Comparator, Convention, UnitKind, parse, parse_with_report
from heze_plan.parsing.obligations import with_obligations
from heze_plan.parsing.readings import apply_readings, shipped_readings
from heze_plan.parsing.units import known_units

FAMILY = Path(__file__).parent / "data" / "family"
D = dt.date


def _read(name: str) -> heze_plan.ParseReport:
    return parse_with_report((FAMILY / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def county() -> heze_plan.ParseReport:
    return _read("county-2024.txt")


@pytest.fixture(scope="module")
def prefecture() -> heze_plan.ParseReport:
    return _read("prefecture-2023-traditional.txt")


def _milestones(task: heze_plan.Task) -> list[tuple[dt.date, str, str]]:
    return [(m.due, m.phrase, m.deliverable) for m in task.milestones]


class TestCountyPlan:
    """A county's 2024 plan: owners in words, other labels, half-width punctuation."""

    def test_document_and_year_from_the_number(self, county: heze_plan.ParseReport) -> None:
        document = county.plan.document
        assert (document.number, document.title, document.issuer) == (
            "某政发〔2024〕3号",
            "某某县优化营商环境攻坚行动方案",
            "某某县人民政府",
        )
        # the title has no year: 〔2024〕 gives it
        assert county.plan.year == 2024
        assert Convention.YEAR_FROM_DOCUMENT_NUMBER in county.conventions
        assert document.adopted == D(2024, 3, 1)

    def test_areas_with_a_half_width_overall_lead(self, county: heze_plan.ParseReport) -> None:
        first, second = county.plan.areas
        assert (first.number, first.name, first.lead_units) == (1, "提升政务服务效能", ("县行政审批服务局",))
        assert (second.number, second.name, second.lead_units) == (2, "优化要素保障", ())
        assert [t.area for t in county.plan.tasks] == [1, 1, 2, 2, 2]

    def test_owners_in_words(self, county: heze_plan.ParseReport) -> None:
        # (县行政审批服务局牵头，县财政局、县发展改革局按职责分工负责)
        task = county.plan.task(1)
        assert task.lead_units == ("县行政审批服务局",)
        assert task.responsible_units == ("县财政局", "县发展改革局")
        # （县自然资源局牵头负责）
        assert county.plan.task(3).lead_units == ("县自然资源局",)
        assert county.plan.task(3).responsible_units == ()
        assert Convention.PHRASED_OWNERS in county.conventions

    def test_department_and_cooperating_labels(self, county: heze_plan.ParseReport) -> None:
        # (牵头部门:县行政审批服务局;配合部门:县直各有关单位)
        task = county.plan.task(2)
        assert task.lead_units == ("县行政审批服务局",)
        assert task.responsible_units == ("县直各有关单位",)
        assert {Convention.COOPERATING_LABEL, Convention.HALF_WIDTH_PUNCTUATION} <= county.conventions

    def test_spaced_month_and_year_phrase(self, county: heze_plan.ParseReport) -> None:
        # 6 月底前上线政策兑现专区，全年兑现资金不少于500万元。
        assert _milestones(county.plan.task(1)) == [
            (D(2024, 6, 30), "6月底前", "上线政策兑现专区"),
            (D(2024, 12, 31), "全年", "兑现资金不少于500万元"),
        ]
        assert {Convention.SPACED_NUMBERS, Convention.YEAR_END_DEADLINES} <= county.conventions

    def test_explicit_year_and_year_end(self, county: heze_plan.ParseReport) -> None:
        assert _milestones(county.plan.task(2)) == [(D(2024, 9, 30), "2024年9月底前", "实现综合窗口全覆盖")]
        assert _milestones(county.plan.task(3)) == [
            (D(2024, 12, 31), "年底前", "新增标准地出让面积占比达到40%以上")
        ]
        (share,) = county.plan.task(3).targets
        assert (share.comparator, share.value, share.unit, share.milestone) == (
            Comparator.AT_LEAST,
            40,
            "%",
            1,  # 年底前, the task's first (and only) deadline
        )

    def test_deadline_label_inside_the_owner_clause(self, county: heze_plan.ParseReport) -> None:
        # （…；完成时限：2024年12月底前）: the deadline governs the whole task
        task = county.plan.task(4)
        assert task.lead_units == ("县发展改革局", "国网某某县供电公司")
        assert task.responsible_units == ("各乡镇人民政府", "县工业园区管委会")
        assert _milestones(task) == [(D(2024, 12, 31), "2024年12月底前", "降低企业用电成本")]
        assert "完成时限" not in task.text
        assert Convention.DEADLINE_IN_OWNERS in county.conventions

    def test_full_width_task_numbers_and_page_break(self, county: heze_plan.ParseReport) -> None:
        task = county.plan.task(5)
        assert task.text == "提升融资服务水平。组织银企对接活动不少于10场，推动新增普惠小微贷款。"
        assert Convention.OTHER_TASK_NUMBERING in county.conventions

    def test_units_of_a_county(self, county: heze_plan.ParseReport) -> None:
        kinds = {u.name: u.kind for u in county.plan.units}
        assert kinds["县财政局"] is UnitKind.MUNICIPAL_DEPARTMENT
        assert kinds["县直各有关单位"] is UnitKind.COLLECTIVE
        assert kinds["各乡镇人民政府"] is UnitKind.COLLECTIVE
        assert kinds["国网某某县供电公司"] is UnitKind.ENTERPRISE
        assert kinds["人行某某县支行"] is UnitKind.BRANCH_AGENCY

    def test_goal_and_safeguards(self, county: heze_plan.ParseReport) -> None:
        assert county.plan.goal == "以企业需求为导向，持续优化营商环境。"
        assert [s.title for s in county.plan.safeguards] == ["加强组织领导"]
        assert county.findings == ()


class TestTraditionalPrefecturePlan:
    """A prefecture's plan in traditional characters, tasks right under the sections."""

    def test_read_as_simplified(self, prefecture: heze_plan.ParseReport) -> None:
        document = prefecture.plan.document
        assert document.number == "某州政发〔2023〕5号"
        assert document.title == "某某自治州2023年优化营商环境工作计划"
        assert prefecture.plan.year == 2023
        assert Convention.TRADITIONAL_CHARACTERS in prefecture.conventions
        assert prefecture.traditional_characters > 0

    def test_sections_are_areas(self, prefecture: heze_plan.ParseReport) -> None:
        assert [(a.number, a.name) for a in prefecture.plan.areas] == [
            (1, "提升政务服务效能"),
            (2, "加强要素保障"),
        ]
        assert [t.area for t in prefecture.plan.tasks] == [1, 1, 2]
        assert Convention.SECTIONS_AS_AREAS in prefecture.conventions

    def test_deadline_after_the_units(self, prefecture: heze_plan.ParseReport) -> None:
        # (牽頭單位:州行政審批服務局;責任單位:州司法局、州委編辦及州直相關單位,各縣市人民政府,6月底完成)
        task = prefecture.plan.task(1)
        assert task.title == "推进政务服务标准化"
        assert task.lead_units == ("州行政审批服务局",)
        assert task.responsible_units == ("州司法局", "州委编办", "州直相关单位", "各县市人民政府")
        assert _milestones(task) == [(D(2023, 6, 30), "6月底", "推进政务服务标准化")]

    def test_owners_in_words_and_year_phrase(self, prefecture: heze_plan.ParseReport) -> None:
        second, third = prefecture.plan.task(2), prefecture.plan.task(3)
        assert second.lead_units == ("州住房城乡建设局",)
        assert second.responsible_units == ("州自然资源和规划局", "州行政审批服务局")
        assert _milestones(second) == [(D(2023, 10, 31), "10月底前", "全面推行联合验收")]
        assert _milestones(third) == [(D(2023, 12, 31), "全年", "新增贷款投放不低于50亿元")]

    def test_units_of_a_prefecture(self, prefecture: heze_plan.ParseReport) -> None:
        kinds = {u.name: u.kind for u in prefecture.plan.units}
        assert kinds["州委编办"] is UnitKind.PARTY_ORGAN
        assert kinds["州直相关单位"] is UnitKind.COLLECTIVE
        assert kinds["州金融办"] is UnitKind.MUNICIPAL_DEPARTMENT
        assert kinds["人行某某州中心支行"] is UnitKind.BRANCH_AGENCY


class TestPlanYear:
    """The year comes from the title, the number, the dated deadlines or the caller."""

    FRONT = "某某县人民政府文件\n\n某政发〔〕3号\n\n某某县优化营商环境行动方案\n\n"
    BODY = "一、重点任务\n\n（一）开办企业。\n\n1. 做一件事。（县商务局牵头）\n"

    def test_unknown_year_is_an_error_when_a_deadline_needs_it(self) -> None:
        body = self.BODY.replace("做一件事。", "9月底前，做一件事。")
        with pytest.raises(heze_plan.ParseError) as raised:
            parse(self.FRONT + body)
        assert raised.value.message == (
            "the plan year cannot be known: the deadlines name no year and neither does the text"
        )
        assert "pass year= (parse(text, year=2023))" in str(raised.value)

    def test_unknown_year_without_deadlines_is_a_finding(self) -> None:
        report = parse_with_report(self.FRONT + self.BODY)
        assert Convention.YEAR_ASSUMED in report.conventions
        assert report.plan.task(1).lead_units == ("县商务局",)
        assert any("plan year is written nowhere" in f.message for f in report.findings)

    def test_year_from_the_caller(self) -> None:
        report = parse_with_report(self.FRONT + self.BODY, year=2024)
        assert report.plan.year == 2024
        assert Convention.YEAR_FROM_CALLER in report.conventions

    def test_year_from_dated_deadlines(self) -> None:
        body = self.BODY.replace("做一件事。", "2025年6月底前，做一件事。")
        report = parse_with_report(self.FRONT + body)
        assert report.plan.year == 2025
        assert report.plan.task(1).milestones[0].due == D(2025, 6, 30)
        assert Convention.YEAR_FROM_DEADLINES in report.conventions

    def test_the_embedded_plan_takes_its_title_year(self) -> None:
        report = parse_with_report(
            heze_plan.source_text(), errata=heze_plan.load().errata, registry=known_units()
        )
        assert report.plan.year == 2023
        assert Convention.YEAR_FROM_TITLE in report.conventions


class TestEmbeddedPlanConventions:
    """The report names the conventions the Heze plan is written in."""

    def test_conventions(self) -> None:
        report = parse_with_report(
            heze_plan.source_text(), errata=heze_plan.load().errata, registry=known_units()
        )
        assert report.conventions == {
            Convention.ERRATA,
            Convention.LABELLED_OWNERS,
            # task 6: (牵头单位：…) and (二) 办理建筑许可。(领域牵头部门：…)
            Convention.HALF_WIDTH_PUNCTUATION,
            # task 55: 12 月底前
            Convention.SPACED_NUMBERS,
            # task 178: 2023年全年
            Convention.EXPLICIT_YEAR_DEADLINES,
            # task 139: 年内
            Convention.YEAR_END_DEADLINES,
            Convention.YEAR_FROM_TITLE,
        }
        assert report.findings == ()
        # the embedded plan is this parse with the readings of data/readings.json applied
        readings = apply_readings(report.plan, shipped_readings())
        assert with_obligations(readings) == heze_plan.load()


class TestDocs:
    """The examples in docs/parsing.md run and give what they show."""

    def test_doctests(self) -> None:
        import doctest

        page = Path(__file__).parent.parent / "docs" / "parsing.md"
        result = doctest.testfile(str(page), module_relative=False, encoding="utf-8")
        assert result.attempted > 8
        assert result.failed == 0


class TestYearArgument:
    """year= must be a year; anything else is the caller's mistake, said plainly."""

    @pytest.mark.parametrize("year", [0, -1, 10_000, "2023", True, 2023.0])
    def test_bad_year(self, year: object) -> None:
        with pytest.raises(ValueError, match="year must be a plan year such as 2023, got"):
            parse(heze_plan.source_text(), year=year)  # type: ignore[arg-type]
