"""Tests for heze_plan.model.target_text: one formula for a target, each caller writing figures its way."""

from __future__ import annotations

import pytest

import heze_plan
from heze_plan.model.plan import Comparator, Target, TargetKind
from heze_plan.model.target_text import plain_number, target_formula


@pytest.fixture(scope="module")
def plan() -> heze_plan.Plan:
    return heze_plan.load()


class TestFormulaFromThePlan:
    """Targets of the source document read back as their formula."""

    def test_quantities(self, plan: heze_plan.Plan) -> None:
        # 170. …培训养老护理员8人以上…举办10场…新增…2.7万人以上
        assert [target_formula(t) for t in plan.task(170).targets] == ["≥ 8 人", "= 10 场", "≥ 27000 人"]

    def test_range(self, plan: heze_plan.Plan) -> None:
        # 55. …12 月底前，…全部实现“全程网办”。每月组织编发2—3期涉外营商环境工作参考
        assert [target_formula(t) for t in plan.task(55).targets] == ["= 100 %", "2–3 期"]

    def test_relative(self, plan: heze_plan.Plan) -> None:
        # 66. …按照余额增量的2%提供资金…较年初增速不低于各项贷款较年初增速，贷款余额户数不低于年初水平
        formulas = [target_formula(t) for t in plan.task(66).targets]
        assert formulas == ["= 2 %", "≥ 各项贷款较年初增速", "≥ 年初水平"]


class TestParameters:
    """The figure writer and the stripping are the callers' only differences."""

    def test_figures_written_by_the_caller(self) -> None:
        target = Target(
            TargetKind.QUANTITY, Comparator.AT_LEAST, "2.7万人以上", "新增", value=27000.0, unit="人"
        )
        assert target_formula(target, number="{:g}".format) == "≥ 27000 人"
        assert target_formula(target, number=lambda v: f"{v:.1f}") == "≥ 27000.0 人"

    def test_empty_unit(self) -> None:
        target = Target(TargetKind.QUANTITY, Comparator.EQUAL, "10场", "举办", value=10.0)
        assert target_formula(target) == "= 10"
        assert target_formula(target, strip=False) == "= 10 "

    @pytest.mark.parametrize(
        ("value", "text"), [(27000.0, "27000"), (2.5, "2.5"), (0.0, "0"), (1e20, str(10**20))]
    )
    def test_plain_number(self, value: float, text: str) -> None:
        assert plain_number(value) == text
