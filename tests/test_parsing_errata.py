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
        ]
        assert all(e.reason and e.kind for e in plan.errata)

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
        assert [e.id for e in plan.errata_for(170)] == ["E4"]
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
