"""The front matter of a plan: document number, title, issuer, dates, the plan year and level."""

from __future__ import annotations

import collections
import datetime as dt
import re
from collections.abc import Sequence

from heze_plan.model.plan import Document
from heze_plan.parsing._layout import Paragraph, ParseContext, excerpt
from heze_plan.parsing.findings import Convention

__all__ = ["level", "read_document"]

#: A document number; a page's metadata label before it (文号：, 发文字号) is no part of it.
_DOC_NUMBER = re.compile(
    r"(?:(?:文号|发文字号|文件编号)[：:|]?)?(?P<number>[^\s，。：:、“”|]+?[〔［\[（(]\s*(?P<year>(?:19|20)\d{2})?\s*[〕］\]）)]\s*第?\d+\s*号)"
)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_DATED_DEADLINE = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:\d{1,2}\s*月\s*(?:底|末)|底前|全年)")
_LEVEL = re.compile(r"(省|自治区|市|州|盟|县|区|旗)(?:人民政府|政府)?(?:办公厅|办公室)?$")


def _date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _plan_year(
    title: str, number_year: str | None, body: Sequence[Paragraph], year: int | None, ctx: ParseContext
) -> int | None:
    """The plan year: the caller's, else the title's, the document number's, the deadlines'."""
    if year is not None:
        ctx.conventions.add(Convention.YEAR_FROM_CALLER)
        return year
    title_year = _TITLE_YEAR.search(title)
    if title_year:
        ctx.conventions.add(Convention.YEAR_FROM_TITLE)
        return int(title_year.group(1))
    if number_year:
        ctx.conventions.add(Convention.YEAR_FROM_DOCUMENT_NUMBER)
        return int(number_year)
    dated = collections.Counter(int(m.group(1)) for p in body for m in _DATED_DEADLINE.finditer(p.text))
    if dated:
        ctx.conventions.add(Convention.YEAR_FROM_DEADLINES)
        return dated.most_common(1)[0][0]
    return None


def read_document(
    front: Sequence[Paragraph],
    body: Sequence[Paragraph],
    tail: Sequence[Paragraph],
    year: int | None,
    ctx: ParseContext,
) -> Document:
    first = front[0] if front else body[0]
    numbered = next(((p, m) for p in front if (m := _DOC_NUMBER.search(p.text))), None)
    if numbered is None:
        raise ctx.error(
            "no document number before the first section",
            first,
            expected="a document number such as 菏政发〔2023〕11号",
            found=excerpt(first.text),
        )
    number_paragraph, number_match = numbered
    issuer = next((p.text.removesuffix("文件") for p in front if p.text.endswith("文件")), "")
    notice = next((p.text for p in front if "关于印发" in p.text), "")
    title_match = re.search(r"《(.+?)》", " ".join(p.text for p in front))
    title = title_match.group(1) if title_match else notice
    if not title:
        title = next((p.text for p in front if re.search(r"(方案|计划|意见|措施)$", p.text)), "")
    if not title:
        raise ctx.error(
            "no title before the first section",
            first,
            expected="a title in 《…》, a 关于印发… line or a line ending in 方案/计划",
            found=excerpt(first.text),
        )
    adopted = None
    for paragraph in front:
        if "审议通过" in paragraph.text or _DATE.fullmatch(paragraph.text):
            found = _DATE.search(paragraph.text)
            if found:
                adopted = _date(found)
                break
    printed = None
    for paragraph in tail:
        if paragraph.text.endswith("印发") and (found := _DATE.search(paragraph.text)):
            printed = _date(found)
    plan_year = _plan_year(title, number_match.group("year"), body, year, ctx)
    if plan_year is None:
        raise ctx.error(
            "the plan year cannot be known",
            number_paragraph,
            number_match.start("number"),
            expected="a year in the title (2023年), the document number (〔2023〕), a dated deadline "
            "(2023年9月底前) or parse(..., year=2023)",
            found="none of them",
        )
    return Document(
        number=number_match.group("number"),
        title=title,
        issuer=issuer or "未署名",
        year=plan_year,
        adopted=adopted,
        printed=printed,
        notice_title=notice,
    )


def level(document: Document) -> str:
    """The administrative level of the issuer (市 for 菏泽市人民政府), for classifying units."""
    match = _LEVEL.search(document.issuer) or _LEVEL.search(re.sub(r"文件$", "", document.notice_title[:12]))
    if match is None:
        return "市"
    return {"自治区": "省", "盟": "州", "旗": "县"}.get(match.group(1), match.group(1))
