"""Targets are read from sentences of the plan with their comparators, values and scopes."""

from __future__ import annotations

import pytest

import heze_plan
from heze_plan.common.numerals import from_chinese as chinese_number
from heze_plan.model.plan import Comparator, TargetKind
from heze_plan.parsing.targets import targets_in


class TestQuantities:
    """Numbers with counters, multipliers and comparator words."""

    @pytest.mark.parametrize(
        ("text", "comparator", "value", "unit"),
        [
            ("新增返乡创业就业3.5万人以上", Comparator.AT_LEAST, 35000, "人"),
            ("新创设城乡公益性岗位6万个", Comparator.EQUAL, 60000, "个"),
            ("完成企业用气应急储备4万立方米以上保障工程", Comparator.AT_LEAST, 40000, "立方米"),
            ("力争全市法治文化建设示范单位不少于12个", Comparator.AT_LEAST, 12, "个"),
            ("达成专利许可超过12项", Comparator.MORE_THAN, 12, "项"),
            ("数量比上年增长10%左右", Comparator.ABOUT, 10, "%"),
            ("全市备案自主评价企业数量达到430家", Comparator.AT_LEAST, 430, "家"),
            ("可选取不超过 10 家重点企业", Comparator.AT_MOST, 10, "家"),
            ("完成不少于三处站点建设任务", Comparator.AT_LEAST, 3, "处"),
            # counters of the family's plans, quoted from tests/data/family/real (SOURCES.md)
            ("新增天然气用户5000户", Comparator.EQUAL, 5000, "户"),  # 长清区 2014
            ("新建2座人行天桥", Comparator.EQUAL, 2, "座"),  # 大竹县 2016
            ("筹集建设1000套专家公寓", Comparator.EQUAL, 1000, "套"),  # 广州 2012
            ("全年粮食播种面积4600万亩", Comparator.EQUAL, 46_000_000, "亩"),  # 陕西 2015
            ("改造提升道路7.5公里", Comparator.EQUAL, 7.5, "公里"),
        ],
    )
    def test_quantity(self, text: str, comparator: Comparator, value: float, unit: str) -> None:
        (target,) = targets_in(text)
        assert (target.kind, target.comparator, target.value, target.unit) == (
            TargetKind.QUANTITY,
            comparator,
            value,
            unit,
        )

    @pytest.mark.parametrize(
        "text",
        [
            "全面提升12345热线服务质效",
            "严格落实省政府令第351号",
            "围绕“231”产业发展",
            "组织参加第四届跨国公司领导人青岛峰会",
            "对我市两家上市公司开展专项治理检查",
            "年办件量100件以上的常用政务服务事项",
            "“±0.000以上”等阶段",
        ],
    )
    def test_not_targets(self, text: str) -> None:
        assert targets_in(text) == []

    def test_range_per_month(self) -> None:
        (target,) = targets_in("每月组织编发 2—3 期涉外营商环境工作参考")
        assert (target.comparator, target.value, target.upper, target.unit, target.scope) == (
            Comparator.RANGE,
            2,
            3,
            "期",
            "per month",
        )


class TestServiceTimes:
    """Time limits ending in 内 are service-time targets."""

    def test_two_limits_sharing_nei(self) -> None:
        # 53. 分别 pairs the figures with 进出口 in order: imports 13 hours, exports 2 hours
        found = targets_in("力争实现2023年进出口整体通关时间分别控制在13小时和2小时内")
        assert [(t.kind, t.comparator, t.value, t.unit, t.applies_to) for t in found] == [
            (TargetKind.SERVICE_TIME, Comparator.AT_MOST, 13, "小时", "进口"),
            (TargetKind.SERVICE_TIME, Comparator.AT_MOST, 2, "小时", "出口"),
        ]
        assert all(t.reading and "分别" in t.reading for t in found)

    def test_two_limits_without_respectively_have_no_items(self) -> None:
        found = targets_in("办理时间控制在13小时和2小时内")
        assert [t.applies_to for t in found] == [None, None]

    def test_population_in_the_clause_before(self) -> None:
        # 43. 对分类管理类别为一、二类的出口企业，正常出口退税办理时间压缩至3个工作日内
        (target,) = targets_in("对分类管理类别为一、二类的出口企业，正常出口退税办理时间压缩至3个工作日内")
        assert target.applies_to == "分类管理类别为一、二类的出口企业"

    def test_working_days(self) -> None:
        (target,) = targets_in("验收通过后3个工作日内办结不动产首次登记")
        assert (target.kind, target.value, target.unit) == (TargetKind.SERVICE_TIME, 3, "个工作日")


class TestRelative:
    """Comparisons with a reference instead of a number."""

    def test_above_provincial_average(self) -> None:
        # 160. …实现“山东通”移动监管使用率、覆盖率高于全省平均水平: two measures, one reference
        found = targets_in("实现“山东通”移动监管使用率、覆盖率高于全省平均水平")
        assert [(t.kind, t.comparator, t.reference, t.applies_to) for t in found] == [
            (TargetKind.RELATIVE, Comparator.MORE_THAN, "全省平均水平", "“山东通”移动监管使用率"),
            (TargetKind.RELATIVE, Comparator.MORE_THAN, "全省平均水平", "“山东通”移动监管覆盖率"),
        ]


class TestMilestoneAttachment:
    """A target inside a milestone's deliverable belongs to that milestone."""

    def test_index(self) -> None:
        text = "9月底前，新增领军人才8人以上。12月底前，引进青年人才2.7万人以上。"
        found = targets_in(text, [(0, 15), (16, len(text))])
        assert [t.milestone for t in found] == [1, 2]


class TestChineseNumbers:
    """Small Chinese numerals."""

    @pytest.mark.parametrize(
        ("text", "value"), [("三", 3), ("十", 10), ("十二", 12), ("二十一", 21), ("两", 2)]
    )
    def test_values(self, text: str, value: int) -> None:
        assert chinese_number(text) == value


class TestFiguresWithoutComparator:
    """Figures that are neither counts nor limits get a kind that says what they are."""

    @pytest.mark.parametrize(
        ("text", "kind", "value", "unit"),
        [
            # 49. …继续实行 85 折通行费优惠 (spaces dropped as the parser does)
            ("在政策执行期内继续实行85折通行费优惠", TargetKind.DISCOUNT, 85, "%"),
            ("继续实行8折优惠", TargetKind.DISCOUNT, 80, "%"),
            # 53. 对产业链供应链“白名单”企业实行“7×24”小时预约通关作业机制
            ("对“白名单”企业实行“7×24”小时预约通关作业机制", TargetKind.AVAILABILITY, 24, "小时"),
            # 140. 实现服务群众24小时“不打烊”
            ("实现服务群众24小时“不打烊”", TargetKind.AVAILABILITY, 24, "小时"),
            # 140. 打造15分钟交管“服务圈”
            ("打造15分钟交管“服务圈”", TargetKind.REACH, 15, "分钟"),
        ],
    )
    def test_kind(self, text: str, kind: TargetKind, value: float, unit: str) -> None:
        (target,) = targets_in(text)
        assert (target.kind, target.value, target.unit) == (kind, value, unit)
        assert target.reading

    def test_24_hours_with_nei_is_a_time_limit(self) -> None:
        (target,) = targets_in("受理后24小时内办结")
        assert (target.kind, target.value) == (TargetKind.SERVICE_TIME, 24)

    def test_discount_is_not_a_rebate(self) -> None:
        assert targets_in("给予折扣") == []

    def test_duration_range(self) -> None:
        # 工作原则（二）: 力争用2—3年时间打造一批具有菏泽特色的营商环境创新示范区
        (target,) = targets_in("力争用2—3年时间打造一批具有菏泽特色的营商环境创新示范区")
        assert (target.kind, target.value, target.upper, target.unit) == (TargetKind.DURATION, 2, 3, "年")


class TestCountsInWords:
    """Counts written as words: 至少…一个, 动态清零, the 十百千万 campaign, 稳中有升."""

    def test_at_least_one_county(self) -> None:
        # 47. 9月底前，全市至少确定一个县（区）作为试点
        (target,) = targets_in("全市至少确定一个县（区）作为试点")
        assert (target.comparator, target.value, target.unit) == (Comparator.AT_LEAST, 1, "个")

    def test_cleared_to_zero(self) -> None:
        # 100. 推动零就业家庭动态清零
        (target,) = targets_in("新创设城乡公益性岗位6万个，推动零就业家庭动态清零")[1:]
        assert (target.comparator, target.value, target.unit, target.applies_to) == (
            Comparator.EQUAL,
            0,
            "户",
            "零就业家庭",
        )

    def test_campaign_figures(self) -> None:
        # 82. 组织金融机构高管进十大消费场景、入百处经济园区、走千个重大项目、访万家民营企业
        found = targets_in(
            "组织金融机构高管进十大消费场景、入百处经济园区、走千个重大项目、访万家民营企业，加强政策通达"
        )
        assert [(t.value, t.unit, t.applies_to) for t in found] == [
            (10, "个", "消费场景"),
            (100, "处", "经济园区"),
            (1000, "个", "重大项目"),
            (10000, "家", "民营企业"),
        ]

    def test_one_round_figure_is_a_name(self) -> None:
        # 178. 组织企业参加省“境外百展”: a name, not a campaign of figures
        assert targets_in("组织企业参加省境外百展活动") == []

    def test_trend(self) -> None:
        # 167. 确保2023届高校毕业生就业水平稳中有升; 70. 促进企业综合融资成本稳中有降
        (up,) = targets_in("确保2023届高校毕业生就业水平稳中有升")
        (down,) = targets_in("促进企业综合融资成本稳中有降")
        assert (up.kind, up.comparator, down.comparator) == (
            TargetKind.RELATIVE,
            Comparator.MORE_THAN,
            Comparator.LESS_THAN,
        )

    def test_shared_figure_for_two_measures(self) -> None:
        # 164. …加入…协作共用网数量、使用创新券科技型中小微企业数量比上年增长10%左右
        found = targets_in(
            "力争科技型中小企业加入省大型科学仪器设备协作共用网数量、使用创新券科技型中小微企业数量比上年增长10%左右"
        )
        assert [(t.value, t.applies_to) for t in found] == [
            (10, "科技型中小企业加入省大型科学仪器设备协作共用网数量"),
            (10, "使用创新券科技型中小微企业数量"),
        ]


class TestReadingsTable:
    """A reading that does not fit the plan is an error, located, never skipped."""

    def test_unknown_phrase(self) -> None:
        from heze_plan.errors import ReadingError
        from heze_plan.parsing.readings import apply_readings

        plan = heze_plan.load()
        with pytest.raises(ReadingError, match=r"reading for 66: no target with the phrase '3%'"):
            apply_readings(plan, [{"owner": "66", "phrase": "3%", "reading": "x"}])

    def test_unknown_owner(self) -> None:
        from heze_plan.errors import ReadingError
        from heze_plan.parsing.readings import apply_readings

        with pytest.raises(ReadingError, match="reading for '999' does not fit the plan"):
            apply_readings(heze_plan.load(), [{"owner": "999", "phrase": "1家", "reading": "x"}])

    def test_added_phrase_must_be_in_the_text(self) -> None:
        from heze_plan.errors import ReadingError
        from heze_plan.parsing.readings import apply_readings

        row = {"owner": "S2", "phrase": "不在原文", "reading": "x", "add": []}
        with pytest.raises(ReadingError, match="is not in the text"):
            apply_readings(heze_plan.load(), [row])

    def test_unknown_milestone(self) -> None:
        from heze_plan.errors import ReadingError
        from heze_plan.parsing.readings import apply_readings

        row = {"owner": "S2", "phrase": "不少于10项", "reading": "x", "milestone": "9月底前"}
        with pytest.raises(ReadingError, match="no milestone '9月底前'"):
            apply_readings(heze_plan.load(), [row])
