"""The embedded plan parses into what the source document says.

Every expected value here was read from the source text
(``src/heze_plan/data/heze-2023-plan.txt``), not from the parser's output.
"""

from __future__ import annotations

import datetime as dt

import pytest

import heze_plan
from heze_plan import Comparator, ParseError, TargetKind, parse, parse_with_report
from heze_plan.parsing.findings import Convention
from heze_plan.parsing.parser import normalize_spaces, paragraphs

D = dt.date


@pytest.fixture(scope="module")
def plan() -> heze_plan.Plan:
    return heze_plan.load()


class TestDocument:
    """The front matter gives the document's identity and dates."""

    def test_metadata(self, plan: heze_plan.Plan) -> None:
        document = plan.document
        assert document.number == "菏政发〔2023〕11号"
        assert document.title == "菏泽市2023年深化营商环境创新提升行动实施方案"
        assert document.issuer == "菏泽市人民政府"
        assert (
            document.notice_title
            == "菏泽市人民政府关于印发菏泽市2023年深化营商环境创新提升行动实施方案的通知"
        )
        assert document.adopted == D(2023, 7, 8)
        assert document.printed == D(2023, 7, 29)
        assert plan.year == 2023
        assert plan.horizon == D(2023, 12, 31)

    def test_goal_and_principles(self, plan: heze_plan.Plan) -> None:
        assert plan.goal.startswith("以习近平新时代中国特色社会主义思想为指导")
        assert plan.goal.endswith("为谱写菏泽高质量发展新篇章助力赋能。")
        assert [p.title for p in plan.principles] == [
            "坚持对标先进",
            "坚持守正创新",
            "坚持系统集成",
            "坚持问题导向",
        ]
        # the first principle is cut by a page break inside 制度供给
        assert "制度供给、服务供给" in plan.principles[0].text


class TestAreas:
    """Twenty-one areas with their lead departments (领域牵头部门)."""

    def test_names_and_leads(self, plan: heze_plan.Plan) -> None:
        assert len(plan.areas) == 21
        assert [a.number for a in plan.areas] == list(range(1, 22))
        assert plan.area(1).name == "开办企业"
        assert plan.area(3).lead_units == ("市发展改革委", "国网菏泽供电公司")
        assert plan.area(4).lead_units == ("市水务局", "市城管局")
        assert plan.area(14).lead_units == ("市发展改革委", "市公共资源交易中心")
        assert plan.area(16).name == "知识产权创造、保护和运用"
        assert plan.area(21).name == "法治保障"
        assert plan.area(21).lead_units == ("市委依法治市办", "市司法局")

    def test_tasks_fall_in_their_areas(self, plan: heze_plan.Plan) -> None:
        # first and last task of some areas, read from the headings' positions
        assert (plan.task(1).area, plan.task(9).area, plan.task(10).area) == (1, 1, 2)
        assert (plan.task(60).area, plan.task(61).area, plan.task(65).area) == (7, 8, 8)
        assert (plan.task(185).area, plan.task(186).area, plan.task(195).area) == (20, 21, 21)


class TestPageBreaks:
    """Page breaks inside sentences, unit names and labels are rejoined."""

    def test_inside_a_collective_name(self, plan: heze_plan.Plan) -> None:
        assert plan.task(5).responsible_units == ("市大数据局", "各县区政府、管委会")
        assert plan.task(34).responsible_units == ("水、气各专营单位", "各县区政府、管委会")

    def test_inside_a_unit_name(self, plan: heze_plan.Plan) -> None:
        assert plan.task(101).lead_units == ("市人力资源社会保障局",)
        assert "国家金融监督管理总局菏泽监管分局" in plan.task(119).responsible_units

    def test_inside_the_owner_label(self, plan: heze_plan.Plan) -> None:
        assert plan.task(64).lead_units == ("市法院",)
        assert plan.task(123).lead_units == ("市发展改革委", "市公共资源交易中心")

    def test_inside_a_sentence(self, plan: heze_plan.Plan) -> None:
        assert "全市统一明确分段办理施工许可的具体条件" in plan.task(12).text
        assert "合同份额达到80%以上" in plan.task(109).text

    def test_paragraph_splitting_keeps_line_numbers(self) -> None:
        text = "一、重点任务\n\n（一）开办企业。\n\n1. 第一项。（牵头单位：市商\n\n务局）\n"
        assert [(p.line, p.text) for p in paragraphs(text)] == [
            (1, "一、重点任务"),
            (3, "（一）开办企业。"),
            (5, "1.第一项。（牵头单位：市商务局）"),
        ]


class TestOwners:
    """Owner clauses in all the forms the plan writes them."""

    def test_lead_and_responsible(self, plan: heze_plan.Plan) -> None:
        task = plan.task(1)
        assert task.lead_units == ("市发展改革委", "市商务局", "市行政审批服务局")
        assert task.responsible_units == ("各县区政府、管委会",)

    def test_collectives_after_single_units(self, plan: heze_plan.Plan) -> None:
        assert plan.task(15).responsible_units == (
            "市发展改革委",
            "市自然资源和规划局",
            "水、电、气、热各专营单位",
            "各县区政府、管委会",
        )
        assert plan.task(158).lead_units == ("市市场监管局", "市各重点民生领域、新兴领域主管部门")
        assert plan.task(92).responsible_units == ("有关县区政府、管委会",)
        assert plan.task(61).responsible_units == ("各县区法院",)

    def test_responsible_department_label(self, plan: heze_plan.Plan) -> None:
        # task 45 writes 责任部门 instead of 责任单位
        assert plan.task(45).responsible_units == ("市人力资源社会保障局", "市医保局", "各县区政府、管委会")

    def test_comma_before_responsible_label(self, plan: heze_plan.Plan) -> None:
        # tasks 37 and 127 separate the labels with ， instead of ；
        assert plan.task(37).lead_units == ("市自然资源和规划局",)
        assert plan.task(37).responsible_units == ("各县区政府、管委会",)
        assert plan.task(127).responsible_units == ("市有关部门、单位", "各县区政府、管委会")

    def test_trailing_etc_is_dropped_from_the_name(self, plan: heze_plan.Plan) -> None:
        assert plan.task(144).responsible_units == ("市大数据局", "市工业和信息化局", "各县区政府、管委会")

    @pytest.mark.parametrize("number", [55, 56, 174, 176, 182, 184, 185])
    def test_tasks_without_responsible_units(self, plan: heze_plan.Plan, number: int) -> None:
        assert plan.task(number).responsible_units == ()


class TestMilestones:
    """Deadline phrases become dated milestones with the deliverable they govern."""

    def test_two_milestones_each_with_its_deliverable(self, plan: heze_plan.Plan) -> None:
        first, second = plan.task(8).milestones
        assert (first.due, first.phrase) == (D(2023, 9, 30), "9月底前")
        assert (
            first.deliverable
            == "建立健全线上集成服务专栏、线下集成服务专区，提升全生命周期集成化服务水平和效能"
        )
        assert (second.due, second.phrase) == (D(2023, 11, 30), "11月底前")
        assert second.deliverable == "研究制定企业全生命周期集成服务体系地方标准"

    def test_clauses_split_at_semicolons(self, plan: heze_plan.Plan) -> None:
        first, second = plan.task(153).milestones
        assert first.deliverable == "建立健全电商平台知识产权保护规则"
        assert second.deliverable == "完善电商平台知识产权投诉受理机制"

    def test_same_date_twice(self, plan: heze_plan.Plan) -> None:
        assert [m.due for m in plan.task(136).milestones] == [D(2023, 12, 31), D(2023, 12, 31)]

    def test_three_milestones(self, plan: heze_plan.Plan) -> None:
        assert [m.due for m in plan.task(191).milestones] == [D(2023, 8, 31), D(2023, 9, 30), D(2023, 11, 30)]

    def test_date_with_a_day_is_not_a_deadline(self, plan: heze_plan.Plan) -> None:
        # 对截至2023年2月28日前已经发布的所有失信被执行人企业开展集中排查 scopes the task
        assert [m.due for m in plan.task(89).milestones] == [D(2023, 10, 31)]

    def test_end_of_month_without_qian(self, plan: heze_plan.Plan) -> None:
        (milestone,) = plan.task(149).milestones
        assert (milestone.phrase, milestone.due) == ("9月底", D(2023, 9, 30))

    def test_spaces_inside_the_phrase(self, plan: heze_plan.Plan) -> None:
        (milestone,) = plan.task(55).milestones
        assert (milestone.phrase, milestone.due) == ("12月底前", D(2023, 12, 31))

    def test_within_the_year(self, plan: heze_plan.Plan) -> None:
        assert [(m.phrase, m.due) for m in plan.task(139).milestones] == [("年内", D(2023, 12, 31))]
        assert [(m.phrase, m.due) for m in plan.task(75).milestones] == [("全年", D(2023, 12, 31))]
        assert [(m.phrase, m.due) for m in plan.task(178).milestones] == [
            ("11月底前", D(2023, 11, 30)),
            ("2023年全年", D(2023, 12, 31)),
        ]

    @pytest.mark.parametrize("number", [1, 9, 12, 14, 17, 53, 100, 140, 192, 194])
    def test_tasks_without_deadline_are_ongoing(self, plan: heze_plan.Plan, number: int) -> None:
        task = plan.task(number)
        assert task.ongoing
        assert task.milestones == ()

    def test_counts(self, plan: heze_plan.Plan) -> None:
        assert sum(len(t.milestones) for t in plan.tasks) == 121
        assert sum(t.ongoing for t in plan.tasks) == 87


class TestTargets:
    """Quantitative targets, as the source states them."""

    def test_young_talent(self, plan: heze_plan.Plan) -> None:
        """9月底前 (milestone 1): 新增领军人才8人以上; 12月底前 (milestone 2): 10场 and 2.7万人以上."""
        leaders, events, youth = plan.task(170).targets
        assert (leaders.comparator, leaders.value, leaders.unit, leaders.milestone) == (
            Comparator.AT_LEAST,
            8,
            "人",
            1,
        )
        assert (events.comparator, events.value, events.unit, events.milestone) == (
            Comparator.EQUAL,
            10,
            "场",
            2,
        )
        assert (youth.comparator, youth.value, youth.unit, youth.milestone) == (
            Comparator.AT_LEAST,
            27000,
            "人",
            2,
        )
        assert youth.phrase == "2.7万人以上"

    def test_percent(self, plan: heze_plan.Plan) -> None:
        (share,) = plan.task(109).targets
        assert (share.kind, share.comparator, share.value, share.unit) == (
            TargetKind.QUANTITY,
            Comparator.AT_LEAST,
            80,
            "%",
        )
        # 164. …协作共用网数量、使用创新券科技型中小微企业数量比上年增长10%左右: two measures, ≈10% each
        growths = plan.task(164).targets
        assert [(g.comparator, g.value, g.unit) for g in growths] == [(Comparator.ABOUT, 10, "%")] * 2

    def test_more_than(self, plan: heze_plan.Plan) -> None:
        (licences,) = plan.task(145).targets
        assert (licences.comparator, licences.value, licences.unit) == (Comparator.MORE_THAN, 12, "项")

    def test_service_time_limits(self, plan: heze_plan.Plan) -> None:
        # 53. 进出口整体通关时间分别控制在13小时和2小时内；…“7×24”小时预约通关作业机制
        imports, exports, booking = plan.task(53).targets
        assert [(t.kind, t.comparator, t.value, t.unit, t.applies_to) for t in (imports, exports)] == [
            (TargetKind.SERVICE_TIME, Comparator.AT_MOST, 13, "小时", "进口"),
            (TargetKind.SERVICE_TIME, Comparator.AT_MOST, 2, "小时", "出口"),
        ]
        assert (booking.kind, booking.value) == (TargetKind.AVAILABILITY, 24)
        (refund,) = plan.task(43).targets
        assert (refund.kind, refund.value, refund.unit) == (TargetKind.SERVICE_TIME, 3, "个工作日")

    def test_relative(self, plan: heze_plan.Plan) -> None:
        (rate,) = plan.task(23).targets
        assert (rate.kind, rate.comparator, rate.reference) == (
            TargetKind.RELATIVE,
            Comparator.MORE_THAN,
            "全省平均水平",
        )
        references = [t.reference for t in plan.task(66).targets if t.kind is TargetKind.RELATIVE]
        assert references == ["各项贷款较年初增速", "年初水平"]

    def test_scopes(self, plan: heze_plan.Plan) -> None:
        (per_county,) = plan.task(31).targets
        assert (per_county.value, per_county.unit, per_county.scope) == (1, "家", "per county")
        (stations,) = plan.task(194).targets
        assert (stations.comparator, stations.value, stations.unit, stations.scope) == (
            Comparator.AT_LEAST,
            3,
            "处",
            "per county",
        )
        # 55. 12 月底前，…全部实现“全程网办”。每月组织编发 2—3 期…: the coverage, then the range
        _, issues = plan.task(55).targets
        assert (issues.comparator, issues.value, issues.upper, issues.unit, issues.scope) == (
            Comparator.RANGE,
            2,
            3,
            "期",
            "per month",
        )
        (cards,) = plan.task(175).targets
        assert (cards.comparator, cards.value, cards.scope) == (Comparator.AT_MOST, 10, "per year")

    def test_a_qualifier_is_not_a_target(self, plan: heze_plan.Plan) -> None:
        # 年办件量100件以上的常用政务服务事项 says which services, not how many; the task's one
        # target is its “应替尽替” (100%, a reading of data/readings.json) for those services
        assert [(t.phrase, t.value, t.unit) for t in plan.task(138).targets] == [("“应替尽替”", 100, "%")]
        # 12345热线 is a name
        assert plan.task(125).targets == ()

    def test_safeguard_targets_and_obligation(self, plan: heze_plan.Plan) -> None:
        coordination, demonstration, _ = plan.safeguards
        (scheme,) = coordination.milestones
        # 印发1个月内: one month after printing on 2023-07-29
        assert (scheme.phrase, scheme.due) == ("印发1个月内", D(2023, 8, 29))
        assert scheme.deliverable.startswith("制定具体落实方案")
        # 不少于7项; 不少于10项; 各县区…案例数量参照市直部门执行 (the same figures, per county)
        assert [(t.comparator, t.value, t.unit, t.scope) for t in demonstration.targets] == [
            (Comparator.AT_LEAST, 7, "项", None),
            (Comparator.AT_LEAST, 10, "项", None),
            (Comparator.AT_LEAST, 7, "项", "per county"),
            (Comparator.AT_LEAST, 10, "项", "per county"),
        ]


class TestQualifiers:
    """Provincial arrangements and prerequisites outside the city's control."""

    def test_provincial_arrangement(self, plan: heze_plan.Plan) -> None:
        assert plan.task(1).per_provincial_arrangement  # 根据省统一部署 and 根据国家、省统一部署
        assert plan.task(186).per_provincial_arrangement  # 根据省级统一部署
        assert not plan.task(2).per_provincial_arrangement

    def test_prerequisites(self, plan: heze_plan.Plan) -> None:
        assert plan.task(37).prerequisites == ("省不动产登记“一网通办”平台功能拓展完成后",)
        assert plan.task(40).prerequisites == ("省级平台完成对接后",)
        assert plan.task(120).prerequisites == ("山东省公共资源交易监管系统功能升级完成后",)
        assert plan.task(149).prerequisites == ("省“版权保护与服务平台”与“爱山东”对接后",)
        assert plan.task(2).prerequisites == ()


class TestText:
    """Titles and texts read as the document does, extraction spaces removed."""

    def test_title_is_first_sentence(self, plan: heze_plan.Plan) -> None:
        assert plan.task(170).title == "加强人才引育创新"
        assert plan.task(55).title == "强化RCEP自贸协定应用"

    def test_spaces_next_to_chinese_are_dropped(self, plan: heze_plan.Plan) -> None:
        assert "引进海外留学人才70人以上" in plan.task(177).text
        assert normalize_spaces("安装 ETC 设备") == "安装ETC设备"

    def test_owner_clause_is_not_in_the_text(self, plan: heze_plan.Plan) -> None:
        assert all("牵头单位" not in t.text for t in plan.tasks)


class TestParseErrors:
    """Text that is not a plan is refused with a clear error."""

    def test_empty(self) -> None:
        with pytest.raises(ParseError, match="the text is empty"):
            parse("  \n\n ")

    def test_not_a_plan(self) -> None:
        with pytest.raises(ParseError, match="no tasks: no numbered item") as caught:
            parse("这是一段普通的文字。\n\n没有任何结构。")
        assert caught.value.found == "'这是一段普通的文字。'"

    def test_task_without_owner_clause(self) -> None:
        text = (
            "菏泽市人民政府文件\n\n菏政发〔2023〕11号\n\n菏泽市2023年某某行动实施方案\n\n"
            "一、重点任务\n\n（一）开办企业。\n\n1. 做一件事。\n"
        )
        with pytest.raises(
            ParseError, match=r"line 11: no tasks: 3 numbered items, none with an owner clause"
        ):
            parse(text)

    def test_missing_title(self) -> None:
        text = (
            "菏政发〔2023〕11号\n\n一、重点任务\n\n（一）开办企业。\n\n1. 做一件事。（牵头单位：市商务局）\n"
        )
        report = parse_with_report(text)
        assert [t.lead_units for t in report.plan.tasks] == [("市商务局",)]
        assert report.plan.document.number == "菏政发〔2023〕11号"
        assert "no title" in [f.message for f in report.findings]

    def test_missing_document_number(self) -> None:
        text = "一、重点任务\n\n（一）开办企业。\n\n1. 做一件事。（牵头单位：市商务局）\n"
        report = parse_with_report(text)
        assert [t.text for t in report.plan.tasks] == ["做一件事。"]
        assert Convention.YEAR_ASSUMED in report.conventions
        assert "no document number" in [f.message for f in report.findings]
