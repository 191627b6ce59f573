"""The notice's metadata is read from the lines around the plan, as the source prints them."""

from __future__ import annotations

import heze_plan
from heze_plan.parsing._layout import paragraphs
from heze_plan.parsing.notice import notice_fields


class TestShippedNotice:
    """菏政发〔2023〕11号's notice: addressees, meeting, release mark, copy list, printing office."""

    def test_fields(self) -> None:
        document = heze_plan.load().document
        # 已经2023年7月8日市政府第26次常务会议审议通过
        assert document.meeting == "市政府第26次常务会议"
        # （此件公开发布）
        assert document.release == "此件公开发布"
        # 各县区人民政府（管委会），市政府各部门、各直属机构，市属各企业，各大中专院校：
        assert document.recipients[0] == "各县区人民政府（管委会）"
        assert document.recipients[-1] == "各大中专院校"
        # 抄送：市委各部门，…，菏泽军分区，各民主党派市委。
        assert document.copied_to[-2:] == ("菏泽军分区", "各民主党派市委")
        # 菏泽市人民政府办公室 / 2023年7月29日印发
        assert document.printed_by == "菏泽市人民政府办公室"

    def test_export_carries_them(self) -> None:
        from heze_plan.model.serialize import from_json, to_json

        plan = heze_plan.load()
        assert from_json(to_json(plan)).document == plan.document


class TestOtherTexts:
    """What a text does not print stays empty; nothing is invented."""

    def test_nothing_printed(self) -> None:
        assert notice_fields(paragraphs("某市人民政府文件\n\n某政发〔2023〕1号"), []) == {}

    def test_meeting_without_date(self) -> None:
        fields = notice_fields(paragraphs("已经市政府第3次常务会议研究同意，现印发给你们。"), [])
        assert fields == {"meeting": "市政府第3次常务会议"}

    def test_copy_list_without_office(self) -> None:
        tail = paragraphs("抄送：市委办公室，市人大办公室。\n\n2023年1月2日印发")
        assert notice_fields([], tail) == {"copied_to": ("市委办公室", "市人大办公室")}
