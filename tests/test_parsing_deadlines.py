"""Deadline phrases are dated as the plans mean them."""

from __future__ import annotations

import datetime as dt

import pytest

from heze_plan.parsing.deadlines import end_of_month, find_deadlines, milestones_in


class TestFindDeadlines:
    """Month and year phrases, with and without 前, spaces or an explicit year."""

    @pytest.mark.parametrize(
        ("text", "phrase", "due"),
        [
            ("9月底前，建立", "9月底前", dt.date(2023, 9, 30)),
            ("12 月底前，提升", "12 月底前", dt.date(2023, 12, 31)),
            ("9月底，省平台对接后", "9月底", dt.date(2023, 9, 30)),
            ("2月底前完成", "2月底前", dt.date(2023, 2, 28)),
            ("2022年10月底前完成", "2022年10月底前", dt.date(2022, 10, 31)),
            ("年底前完成", "年底前", dt.date(2023, 12, 31)),
            ("年内新增50个", "年内", dt.date(2023, 12, 31)),
            ("力争全年新增上市公司1家", "全年", dt.date(2023, 12, 31)),
            ("2023年全年跨境电商进出口增长", "2023年全年", dt.date(2023, 12, 31)),
        ],
    )
    def test_phrases(self, text: str, phrase: str, due: dt.date) -> None:
        (found,) = find_deadlines(text, 2023)
        assert (found.phrase, found.due) == (phrase, due)

    @pytest.mark.parametrize(
        "text",
        [
            "对截至2023年2月28日前已经发布的所有失信被执行人企业开展集中排查",
            "年度并联审批率高于全省平均水平",
            "全市每年可选取不超过10家重点企业",
            "力争2023年引进青年人才2.7万人以上",
            "促进12月份消费",
            "企业近三年内未发生重大违法行为",
            "两年内完成改造",
            "3年内实现全覆盖",
            "提供全年龄段服务",
        ],
    )
    def test_not_deadlines(self, text: str) -> None:
        assert find_deadlines(text, 2023) == []

    def test_next_year(self) -> None:
        (found,) = find_deadlines("明年3月底前完成验收", 2023)
        assert (found.phrase, found.due) == ("3月底前", dt.date(2024, 3, 31))

    def test_leap_year(self) -> None:
        assert end_of_month(2024, 2) == dt.date(2024, 2, 29)


class TestMilestonesIn:
    """A phrase governs its clause, up to 。, ； or the next phrase."""

    def test_phrase_inside_a_sentence(self) -> None:
        text = "鼓励各县区探索创新“一件事”场景，12月底前，实现企业和个人全生命周期高频主题集成服务全覆盖。"
        ((milestone, span),) = milestones_in(text, 2023)
        assert milestone.deliverable == "实现企业和个人全生命周期高频主题集成服务全覆盖"
        assert text[span[0] : span[1]].startswith("12月底前")

    def test_phrase_closing_its_clause(self) -> None:
        ((milestone, _),) = milestones_in("完成系统对接，9月底前。", 2023)
        assert milestone.deliverable == "完成系统对接"
