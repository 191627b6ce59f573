"""Deadline phrases are dated as the plans mean them."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import heze_plan
from heze_plan.model.serialize import unstructure
from heze_plan.parsing.deadlines import end_of_month, end_of_quarter, find_deadlines, milestones_in


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
            # the list of deadline words: 今年 before a verb of completion, in the task's text
            ("事项三，今年实现全覆盖。", "今年", dt.date(2023, 12, 31)),
            ("今年完成老旧小区改造", "今年", dt.date(2023, 12, 31)),
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
            "今年以来成效明显",
            "做好今年工作",
        ],
    )
    def test_not_deadlines(self, text: str) -> None:
        assert find_deadlines(text, 2023) == []

    def test_next_year(self) -> None:
        (found,) = find_deadlines("明年3月底前完成验收", 2023)
        assert (found.phrase, found.due) == ("3月底前", dt.date(2024, 3, 31))

    def test_leap_year(self) -> None:
        assert end_of_month(2024, 2) == dt.date(2024, 2, 29)

    @pytest.mark.parametrize(
        ("quarter", "due"),
        [
            ("一", dt.date(2023, 3, 31)),
            ("2", dt.date(2023, 6, 30)),
            ("三", dt.date(2023, 9, 30)),
            ("4", dt.date(2023, 12, 31)),
        ],
    )
    def test_quarter_end(self, quarter: str, due: dt.date) -> None:
        """A quarter ends with its third month (the calendar, not this code, says so)."""
        assert end_of_quarter(2023, quarter) == due

    def test_quarter_in_text_and_in_a_cell_agree(self) -> None:
        """第三季度末 in running text and 三季度 under 完成时限 are the same day."""
        plan = heze_plan.parse(
            "1.建成平台。（牵头单位：市大数据局；完成时限：2023年三季度）\n2.开通服务。第三季度末前完成。（牵头单位：市大数据局）\n",
            year=2023,
            strict=False,
        )
        assert [m.due for t in plan.tasks for m in t.milestones] == [dt.date(2023, 9, 30)] * 2


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


class TestAsPrinted:
    """A deadline phrase keeps the source's spacing beside the form the parser compares on."""

    @pytest.mark.parametrize(
        ("task", "printed", "phrase"),
        [
            # 55. …12 月底前，进一步提升原产地签证服务便利化，全部实现“全程网办”。
            (55, "12 月底前", "12月底前"),
            # 176. 优化提升流动人员人事档案转递服务。9 月底前，建立邮政特快转递渠道，…
            (176, "9 月底前", "9月底前"),
            # 177. …12 月底前，引进海外留学人才 70 人以上。
            (177, "12 月底前", "12月底前"),
            # 178. 促进外贸稳规模优结构。11 月底前，组织企业参加省“境外百展”；…
            (178, "11 月底前", "11月底前"),
        ],
    )
    def test_spaced_phrases(self, task: int, printed: str, phrase: str) -> None:
        plan = heze_plan.load()
        milestone = plan.task(task).milestones[0]
        assert (milestone.phrase, milestone.printed_phrase) == (phrase, printed)
        assert printed in heze_plan.source_text()

    def test_spaced_deliverable(self) -> None:
        # 177. …12 月底前，引进海外留学人才 70 人以上。（牵头单位：…）
        (milestone,) = heze_plan.load().task(177).milestones
        assert milestone.deliverable == "引进海外留学人才70人以上"
        assert milestone.printed_deliverable == "引进海外留学人才 70 人以上"

    def test_only_those_four_differ(self) -> None:
        # The source prints a space inside a deadline phrase in tasks 55, 176, 177 and 178 only
        # (searched in the text: a digit, a space, then 月).
        plan = heze_plan.load()
        spaced = {t.number for t in plan.tasks for m in t.milestones if m.printed_phrase}
        assert spaced == {55, 176, 177, 178}
        assert len(re.findall(r"\d \s*月底", heze_plan.source_text())) == 4

    def test_exported(self) -> None:
        data = unstructure(heze_plan.load())
        (milestone,) = data["tasks"][176]["milestones"]
        assert (milestone["phrase"], milestone["printed_phrase"]) == ("12月底前", "12 月底前")
        assert data["tasks"][0]["number"] == 1
        assert data["tasks"][1]["milestones"][0]["printed_phrase"] is None  # 2. 9月底前，跟进…
