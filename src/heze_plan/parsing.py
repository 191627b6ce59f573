"""Building a :class:`~heze_plan.model.Plan` from the text of a plan.

The text is what a PDF extraction gives: one paragraph a line, blank lines
between paragraphs and at page breaks, so that a page break may cut a
sentence or a unit name in two. Parsing goes in steps, each a function:

1. apply the errata (on the raw text, where the defects are);
2. split into paragraphs and rejoin those a page break cut
   (:func:`paragraphs`): inside the body, a paragraph that does not open
   with a structural marker (一、 （一） 12.) continues the one before;
3. drop the spaces the extraction put between Chinese characters and
   numbers (``12 月底前`` → ``12月底前``);
4. read the front matter, the goal, principles, areas with their tasks,
   and the safeguards.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from heze_plan.deadlines import milestones_in
from heze_plan.errata import apply_errata
from heze_plan.model import (
    Area,
    Document,
    Erratum,
    Milestone,
    Plan,
    Principle,
    Safeguard,
    Task,
)
from heze_plan.targets import chinese_number, targets_in
from heze_plan.units import known_units, registry_for, split_units

__all__ = ["ParseError", "normalize_spaces", "paragraphs", "parse"]

_CN = "一二三四五六七八九十"
_SECTION = re.compile(rf"^([{_CN}]+)、\s*(.+)$")
_SUBSECTION = re.compile(rf"^[（(]\s*([{_CN}]+)\s*[）)]\s*(.+)$")
_TASK = re.compile(r"^(\d{1,4})\s*[.．]\s*(.+)$")
_BODY_END = re.compile(r"^(抄送|抄报)[：:]")
_AREA_LEADS = re.compile(r"[（(]\s*领域牵头(?:部门|单位)\s*[：:]\s*(.+?)\s*[）)]\s*$")
_OWNERS = re.compile(r"[（(]\s*牵头单位\s*[：:]\s*(.+?)\s*[）)]\s*$")
_OWNER_SPLIT = re.compile(r"\s*[；;，,]\s*责任(?:单位|部门)\s*[：:]\s*")
_DOC_NUMBER = re.compile(r"\S+〔(\d{4})〕\d+号")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PROVINCIAL = re.compile(r"根据(?:国家、)?省(?:级)?统一部署")
_PREREQUISITE = re.compile(r"[^，。；：]*?(?:完成后|对接后)")
_WITHIN_MONTHS_OF_ISSUE = re.compile(r"印发\s*(\d+)\s*个月内")
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+|[ \t\u3000]+(?=[{_CJK}])")


class ParseError(ValueError):
    """The text cannot be read as a plan; says where (line) and why."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


@attrs.frozen
class Paragraph:
    """A paragraph after page-break repair, with the source line it starts on."""

    line: int
    text: str


def normalize_spaces(text: str) -> str:
    """Drop the spaces an extraction puts next to Chinese characters.

    >>> normalize_spaces("12 月底前，引进海外留学人才 70 人以上")
    '12月底前，引进海外留学人才70人以上'
    """
    return _SPACE_NEAR_CJK.sub("", text).strip()


def _is_marker(text: str) -> bool:
    return bool(_SECTION.match(text) or _SUBSECTION.match(text) or _TASK.match(text) or _BODY_END.match(text))


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs and rejoin the ones a page break cut.

    Before the first section heading (一、…) every line is a paragraph of its
    own (the front matter); after it, a line that does not open with a
    marker continues the paragraph before it, unless that paragraph is a
    section heading (一、工作目标), which stands alone.
    """
    result: list[Paragraph] = []
    in_body = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if _SECTION.match(line):
            in_body = True
        if _BODY_END.match(line):
            in_body = False
            result.append(Paragraph(number, line))
            continue
        if in_body and result and not _is_marker(line) and not _SECTION.match(result[-1].text):
            last = result[-1]
            result[-1] = Paragraph(last.line, last.text + line)
        else:
            result.append(Paragraph(number, line))
    return [Paragraph(p.line, normalize_spaces(p.text)) for p in result]


def _date(match: re.Match[str]) -> dt.date:
    return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _read_document(front: Sequence[Paragraph], tail: Sequence[Paragraph]) -> Document:
    number_match = next((_DOC_NUMBER.search(p.text) for p in front if _DOC_NUMBER.search(p.text)), None)
    if number_match is None:
        raise ParseError("no document number (such as 菏政发〔2023〕11号) before the first section", 1)
    issuer = next((p.text.removesuffix("文件") for p in front if p.text.endswith("文件")), "")
    notice = next((p.text for p in front if "关于印发" in p.text), "")
    title_match = re.search(r"《(.+?)》", " ".join(p.text for p in front))
    title = title_match.group(1) if title_match else notice
    if not title:
        title = next((p.text for p in front if re.search(r"(方案|计划|意见|措施)$", p.text)), "")
    if not title:
        raise ParseError(
            "no title: expected 《…》, a 关于印发… line or a line ending in 方案/计划 before the first "
            "section",
            1,
        )
    adopted = None
    for paragraph in front:
        if "审议通过" in paragraph.text or re.fullmatch(_DATE.pattern, paragraph.text):
            found = _DATE.search(paragraph.text)
            if found:
                adopted = _date(found)
                break
    printed = None
    for paragraph in tail:
        if paragraph.text.endswith("印发") and _DATE.search(paragraph.text):
            printed = _date(_DATE.search(paragraph.text))  # type: ignore[arg-type]
    year_match = re.search(r"(\d{4})年", title)
    year = int(year_match.group(1)) if year_match else int(number_match.group(1))
    return Document(
        number=number_match.group(0),
        title=title,
        issuer=issuer or "未署名",
        year=year,
        adopted=adopted,
        printed=printed,
        notice_title=notice,
    )


def _sections(body: Sequence[Paragraph]) -> dict[str, list[Paragraph]]:
    sections: dict[str, list[Paragraph]] = {}
    current: list[Paragraph] | None = None
    for paragraph in body:
        heading = _SECTION.match(paragraph.text)
        if heading and not _TASK.match(paragraph.text):
            current = sections.setdefault(heading.group(2).strip(), [])
            continue
        if current is None:
            raise ParseError(
                f"text before the first section heading: {paragraph.text[:30]!r}", paragraph.line
            )
        current.append(paragraph)
    return sections


def _numbered(paragraphs: Iterable[Paragraph]) -> Iterator[tuple[int, str, str, Paragraph]]:
    """（一）title。text paragraphs as (number, title, text, paragraph)."""
    for paragraph in paragraphs:
        match = _SUBSECTION.match(paragraph.text)
        if not match:
            raise ParseError(
                f"expected a （一）-numbered paragraph, found {paragraph.text[:30]!r}", paragraph.line
            )
        body = match.group(2)
        title = body.partition("。")[0]
        yield chinese_number(match.group(1)), title.strip(), body, paragraph


def _owners(clause: str, line: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    lead, *rest = _OWNER_SPLIT.split(clause, maxsplit=1)
    lead_units, _ = split_units(lead)
    responsible_units: tuple[str, ...] = ()
    if rest:
        responsible_units, _ = split_units(rest[0])
    if not lead_units:
        raise ParseError(f"owner clause names no lead unit: {clause!r}", line)
    return lead_units, responsible_units


def _task(paragraph: Paragraph, area: int, year: int) -> Task:
    match = _TASK.match(paragraph.text)
    assert match is not None  # the caller dispatched on it
    number, body = int(match.group(1)), match.group(2)
    owners = _OWNERS.search(body)
    if owners is None:
        raise ParseError(f"task {number} has no owner clause （牵头单位：…） at its end", paragraph.line)
    text = body[: owners.start()].strip()
    lead_units, responsible_units = _owners(owners.group(1), paragraph.line)
    title = text.split("。", 1)[0]
    found = milestones_in(text, year)
    milestones = tuple(m for m, _ in found)
    targets = tuple(targets_in(text, [span for _, span in found]))
    prerequisites = tuple(dict.fromkeys(m.group(0) for m in _PREREQUISITE.finditer(text)))
    return Task(
        number=number,
        title=title,
        text=text,
        area=area,
        lead_units=lead_units,
        responsible_units=tuple(u for u in responsible_units if u not in lead_units),
        milestones=milestones,
        targets=targets,
        per_provincial_arrangement=bool(_PROVINCIAL.search(text)),
        prerequisites=prerequisites,
    )


def _areas_and_tasks(section: Sequence[Paragraph], year: int) -> tuple[list[Area], list[Task]]:
    areas: list[Area] = []
    tasks: list[Task] = []
    for paragraph in section:
        heading = _SUBSECTION.match(paragraph.text)
        if heading:
            body = heading.group(2)
            leads = _AREA_LEADS.search(body)
            name = (body[: leads.start()] if leads else body).strip().rstrip("。")
            lead_units = split_units(leads.group(1))[0] if leads else ()
            areas.append(Area(number=chinese_number(heading.group(1)), name=name, lead_units=lead_units))
        elif _TASK.match(paragraph.text):
            if not areas:
                raise ParseError("a task before the first area heading （一）", paragraph.line)
            tasks.append(_task(paragraph, areas[-1].number, year))
        else:
            raise ParseError(
                f"expected an area heading or a numbered task, found {paragraph.text[:30]!r}", paragraph.line
            )
    return areas, tasks


def _safeguard(number: int, title: str, text: str, document: Document) -> Safeguard:
    found = milestones_in(text, document.year)
    milestones: list[Milestone] = [m for m, _ in found]
    spans = [span for _, span in found]
    within = _WITHIN_MONTHS_OF_ISSUE.search(text)
    if within and document.printed is not None:
        sentence_start = text.rfind("。", 0, within.start()) + 1
        sentence_end = text.find("。", within.end())
        milestones.append(
            Milestone(
                due=_add_months(document.printed, int(within.group(1))),
                phrase=within.group(0),
                deliverable=text[within.end() : sentence_end if sentence_end != -1 else len(text)].strip(
                    "，"
                ),
            )
        )
        spans.append((sentence_start, sentence_end if sentence_end != -1 else len(text)))
    order = sorted(range(len(milestones)), key=lambda i: spans[i][0])
    milestones = [milestones[i] for i in order]
    spans = [spans[i] for i in order]
    units = tuple(name for name in known_units() if name in text)
    return Safeguard(
        number=number,
        title=title,
        text=text,
        units=units,
        milestones=tuple(milestones),
        targets=tuple(t for t in targets_in(text, spans) if t.kind is not t.kind.SERVICE_TIME),
    )


def parse(text: str, *, errata: Iterable[Erratum] = ()) -> Plan:
    """Build a plan from its text, applying ``errata`` to the source first.

    Raises :class:`ParseError` (with the line) when the text does not have a
    plan's structure.
    """
    if not text.strip():
        raise ParseError("the text is empty")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text, applied = apply_errata(text, errata)
    paras = paragraphs(text)
    first_section = next((i for i, p in enumerate(paras) if _SECTION.match(p.text)), None)
    if first_section is None:
        raise ParseError("no section heading such as 一、工作目标: this does not look like a plan")
    end = next((i for i, p in enumerate(paras) if _BODY_END.match(p.text)), len(paras))
    document = _read_document(paras[:first_section], paras[end:])
    sections = _sections(paras[first_section:end])
    goal = "".join(p.text for p in sections.get("工作目标", []))
    principles = [
        Principle(number=n, title=title, text=body)
        for n, title, body, _ in _numbered(sections.get("工作原则", []))
    ]
    task_section = next((v for k, v in sections.items() if k.startswith("重点任务") or k == "主要任务"), None)
    if task_section is None:
        raise ParseError("no section of tasks (三、重点任务)")
    areas, tasks = _areas_and_tasks(task_section, document.year)
    safeguards = [
        _safeguard(n, title, body, document) for n, title, body, _ in _numbered(sections.get("保障措施", []))
    ]
    names = [u for area in areas for u in area.lead_units]
    names += [u for task in tasks for u in task.units]
    names += [u for s in safeguards for u in s.units]
    return Plan(
        document=document,
        goal=goal,
        principles=principles,
        areas=areas,
        tasks=tasks,
        safeguards=safeguards,
        units=registry_for(names),
        errata=applied,
    )
