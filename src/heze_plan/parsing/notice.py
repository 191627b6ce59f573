"""The notice around a plan: the meeting that adopted it, whom it goes to, the release mark, the copy list.

A government notice (通知) prints, before the plan, whom it is addressed to
(主送: ``各县区人民政府（管委会），市政府各部门、…：``), the meeting that
adopted the plan (``已经2023年7月8日市政府第26次常务会议审议通过``) and a
release mark (``（此件公开发布）``); after the plan, the copy list
(``抄送：市委各部门，市人大办公室，…。``) and the office that printed it
(``菏泽市人民政府办公室`` above ``2023年7月29日印发``). These are read from
the paragraphs before the first section and after the body; what a text
does not print stays empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from heze_plan.parsing._layout import Paragraph
from heze_plan.parsing.units import split_outside_brackets

__all__ = ["notice_fields"]

_MEETING = re.compile(
    r"(?:经|已经)\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?(?P<meeting>\S*?第\s*\d+\s*次\S*?会议)"
)
_RELEASE = re.compile(r"^[（(](?P<mark>此件[^）)]*)[）)]$")
_COPY = re.compile(r"^(?:抄送|抄报)\s*[：:]\s*(?P<who>.+?)。?$")
_PRINTED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")


def _groups(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in split_outside_brackets(text, "，,、") if part.strip())


def notice_fields(front: Sequence[Paragraph], tail: Sequence[Paragraph]) -> dict[str, Any]:
    """The notice's metadata as :class:`~heze_plan.model.plan.Document` fields (only those found).

    >>> from heze_plan.parsing._layout import paragraphs
    >>> front = paragraphs("各县区人民政府（管委会），市属各企业：\\n\\n已经市政府第26次常务会议审议通过。")
    >>> fields = notice_fields(front, [])
    >>> fields["meeting"], fields["recipients"]
    ('市政府第26次常务会议', ('各县区人民政府（管委会）', '市属各企业'))
    """
    fields: dict[str, Any] = {}
    for paragraph in front:
        text = paragraph.text
        if "recipients" not in fields and text.endswith(("：", ":")) and "关于" not in text:
            fields["recipients"] = _groups(text[:-1])
        if "meeting" not in fields and (meeting := _MEETING.search(text)):
            fields["meeting"] = re.sub(r"\s+", "", meeting.group("meeting"))
        if release := _RELEASE.match(text):
            fields["release"] = release.group("mark")
    for index, paragraph in enumerate(tail):
        if copy := _COPY.match(paragraph.text):
            fields["copied_to"] = _groups(copy.group("who"))
        if _PRINTED.search(paragraph.text) and index > 0:
            office = tail[index - 1].text
            if not _COPY.match(office):
                fields["printed_by"] = office
    return fields
