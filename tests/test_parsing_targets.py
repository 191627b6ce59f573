"""Targets are read from sentences of the plan with their comparators, values and scopes."""

from __future__ import annotations

import pytest

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
        found = targets_in("力争实现2023年进出口整体通关时间分别控制在13小时和2小时内")
        assert [(t.kind, t.comparator, t.value, t.unit) for t in found] == [
            (TargetKind.SERVICE_TIME, Comparator.AT_MOST, 13, "小时"),
            (TargetKind.SERVICE_TIME, Comparator.AT_MOST, 2, "小时"),
        ]

    def test_working_days(self) -> None:
        (target,) = targets_in("验收通过后3个工作日内办结不动产首次登记")
        assert (target.kind, target.value, target.unit) == (TargetKind.SERVICE_TIME, 3, "个工作日")


class TestRelative:
    """Comparisons with a reference instead of a number."""

    def test_above_provincial_average(self) -> None:
        (target,) = targets_in("实现“山东通”移动监管使用率、覆盖率高于全省平均水平")
        assert (target.kind, target.comparator, target.reference) == (
            TargetKind.RELATIVE,
            Comparator.MORE_THAN,
            "全省平均水平",
        )


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
