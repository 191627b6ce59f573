"""Source defects are corrected openly: each correction is listed, located and explained."""

from __future__ import annotations

import pytest

import heze_plan
from heze_plan.model.plan import Erratum
from heze_plan.parsing.errata import ErrataError, apply_errata, shipped_errata


class TestShippedErrata:
    """The shipped table fits the shipped source and is visible through the API."""

    def test_every_erratum_is_applied_with_its_line(self) -> None:
        plan = heze_plan.load()
        # lines read from the source text: the line each defect starts on
        assert [(e.id, e.task, e.line) for e in plan.errata] == [
            ("E1", 58, 197),
            ("E2", 70, 231),
            ("E3", 128, 385),
            ("E4", 170, 495),
            ("E5", 185, 535),
            ("E6", 178, 519),
            ("E7", 170, 495),
            ("E8", 137, 409),
            ("E9", 163, 475),
            ("E10", 103, 315),
            ("E11", 49, 171),
            ("E12", None, 567),
            ("E13", 37, 143),
            ("E14", 127, 383),
            ("E15", 45, 163),
            ("E16", 144, 429),
        ]
        assert all(e.reason and e.kind for e in plan.errata)

    def test_status_says_how_sure_each_is(self) -> None:
        status = {e.id: e.status for e in heze_plan.load().errata}
        # E1 adds a label the text does not print; E6's 郟 (U+90DF) → 郓 (U+90D3) rests on meaning only
        assert status["E1"] == status["E6"] == "inferred"
        # 驻荷省属高校: 驻菏 ('located in Heze') is settled by meaning
        assert status["E9"] == "verified"
        assert set(status.values()) == {"verified", "inferred"}

    def test_e6_reason_does_not_claim_font_neighbours(self) -> None:
        (e6,) = [e for e in shipped_errata() if e.id == "E6"]
        assert "U+90DF" in e6.reason
        assert "U+90D3" in e6.reason
        assert "not in GB2312" in e6.reason
        assert "neighbour in the font" not in e6.reason

    def test_errata_of_meaning_leave_the_text_as_printed(self) -> None:
        plan = heze_plan.load()
        # 103. …加强《中华人民共和国合同法实施条例》等法律法规落实情况监察执法工作
        assert "《中华人民共和国合同法实施条例》" in plan.task(103).text
        (e10,) = plan.errata_for(103)
        assert (e10.kind, e10.rewrites, e10.correction) == (
            "meaning",
            False,
            "《中华人民共和国劳动合同法实施条例》",
        )
        # 49. …对行驶市内高速公路安装 ETC 设备的货车…
        assert "行驶市内高速公路" in plan.task(49).text
        assert [e.id for e in plan.errata_for(49)] == ["E11"]

    def test_brand_and_place_characters(self) -> None:
        plan = heze_plan.load()
        # 170. …依托“山东一名校人才直通车”全链条引才机制 → the campaign's name has a dash
        assert "“山东—名校人才直通车”" in plan.task(170).text
        # 137. 擦亮“荷心意”政务服务品牌 → 菏心意
        assert "擦亮“菏心意”政务服务品牌" in plan.task(137).text
        # 163. 驻荷省属高校 → 驻菏
        assert "驻菏省属高校" in plan.task(163).text
        assert "荷" not in plan.task(163).text

    def test_source_strings_are_in_the_source(self) -> None:
        source = heze_plan.source_text()
        for erratum in shipped_errata():
            assert source.count(erratum.source) == 1, erratum.id

    def test_corrections_reach_the_tasks(self) -> None:
        plan = heze_plan.load()
        assert plan.task(58).lead_units == ("市农业农村局",)
        assert plan.task(58).responsible_units == ("各县区政府、管委会",)
        assert "进一步规范银行收费行为，加大对银行机构乱收费行为" in plan.task(70).text
        assert "平台和场所" in plan.task(128).text
        assert " and " not in plan.task(128).text
        assert plan.task(170).lead_units == ("市人力资源社会保障局", "市委组织部", "市教育局")
        assert plan.task(185).text.count("深化城市智慧商圈改造提升。") == 1
        assert "“e品好郓”" in plan.task(178).text

    def test_errata_for_a_task(self) -> None:
        plan = heze_plan.load()
        assert [e.id for e in plan.errata_for(170)] == ["E4", "E7"]
        assert plan.errata_for(1) == ()

    def test_without_errata_the_defects_show(self) -> None:
        # parsing the raw source literally: 部 becomes a unit and 58 has county governments as leads
        plan = heze_plan.parse(heze_plan.source_text())
        assert plan.errata == ()
        assert plan.task(170).lead_units == ("市人力资源社会保障局", "市委组织部部", "市教育局")
        assert plan.task(58).lead_units == ("市农业农村局", "各县区政府、管委会")


class TestApplyErrata:
    """An erratum must fit its text exactly once."""

    def _erratum(self, source: str) -> Erratum:
        return Erratum(id="X1", task=3, kind="typo", source=source, correction="和", reason="test")

    def test_missing_source_is_an_error(self) -> None:
        with pytest.raises(ErrataError, match=r"erratum X1 \(task 3\): its source text 'and' occurs 0 times"):
            apply_errata("平台和场所", [self._erratum("and")])

    def test_ambiguous_source_is_an_error(self) -> None:
        with pytest.raises(ErrataError, match="occurs 2 times"):
            apply_errata("a and b and c", [self._erratum("and")])

    def test_lines_count_from_the_unmodified_text(self) -> None:
        first = Erratum(id="A", task=None, kind="dup", source="加\n\n加", correction="加", reason="dup")
        second = Erratum(id="B", task=None, kind="typo", source="and", correction="和", reason="stray")
        text, applied = apply_errata("加\n\n加大\nx\nand", [first, second])
        assert text == "加大\nx\n和"
        assert [e.line for e in applied] == [1, 5]
