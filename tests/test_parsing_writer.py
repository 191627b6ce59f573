"""A plan written back as text parses into the same plan (heze_plan.parsing.writer)."""

from __future__ import annotations

import attrs
import pytest

import heze_plan
from heze_plan.common.numerals import to_chinese as chinese_numeral
from heze_plan.parsing.readings import as_embedded
from heze_plan.parsing.units import known_units
from heze_plan.parsing.writer import owner_list, to_text


class TestToText:
    """The embedded plan round-trips through to_text and parse."""

    def test_round_trip(self) -> None:
        plan = heze_plan.load()
        again = as_embedded(
            heze_plan.parse(to_text(plan), registry=known_units())
        )  # readings: not in the text
        assert attrs.evolve(again, errata=plan.errata) == plan

    def test_deadlines_spelt_as_printed(self) -> None:
        # 177. …12 月底前，引进海外留学人才 70 人以上。: the source's spaces are written back
        text = to_text(heze_plan.load())
        assert "12 月底前，引进海外留学人才 70 人以上。" in text
        assert "9 月底前，建立邮政特快转递渠道" in text  # 176.

    def test_shape(self) -> None:
        lines = [line for line in to_text(heze_plan.load()).split("\n") if line]
        assert lines[:2] == ["菏泽市人民政府文件", "菏政发〔2023〕11号"]
        assert "（一）开办企业。（领域牵头部门：市行政审批服务局）" in lines
        assert lines[-2:] == ["菏泽市人民政府办公室", "2023年7月29日印发"]


class TestHelpers:
    """Numerals and owner lists are written as the plans write them."""

    @pytest.mark.parametrize(
        ("number", "text"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九")]
    )
    def test_numerals(self, number: int, text: str) -> None:
        assert chinese_numeral(number) == text

    @pytest.mark.parametrize("number", [0, 100, -1])
    def test_numerals_out_of_range(self, number: int) -> None:
        with pytest.raises(ValueError, match=r"from 1 to 99"):
            chinese_numeral(number)

    def test_collectives_stand_apart(self) -> None:
        names = ["各县区政府、管委会", "市商务局", "市财政局", "市有关部门、单位"]
        assert owner_list(names) == "各县区政府、管委会，市商务局、市财政局，市有关部门、单位"
