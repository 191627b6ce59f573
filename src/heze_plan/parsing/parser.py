"""Building a :class:`~heze_plan.model.plan.Plan` from the text of a plan of the family.

The text is what a PDF extraction gives: one paragraph a line, blank lines
between paragraphs and at page breaks, so that a page break may cut a
sentence or a unit name in two. Parsing goes in steps, each a function:

1. check the input is text (``heze_plan.parsing._input``: no NUL or control
   bytes, valid UTF-8, not empty);
2. apply the errata (on the raw text, where the defects are), keeping a map
   back to the lines as given, so errors point at the user's text;
3. read traditional characters as simplified (:mod:`heze_plan.parsing.hanzi`);
4. split into paragraphs and rejoin those a page break cut
   (``heze_plan.parsing._layout.paragraphs``): inside the body, a paragraph that does not open
   with a structural marker (一、 （一） 12.) continues the one before;
5. drop the spaces the extraction put between Chinese characters and
   numbers (``12 月底前`` → ``12月底前``);
6. read the front matter (number, title, year: ``heze_plan.parsing._front``), the goal, principles, areas
   with their tasks and owner clauses (:mod:`heze_plan.parsing.owners`), and the
   safeguards.

A strict parse raises the first :class:`ParseError`; a lenient one skips
what it cannot read and records a finding for each
(:class:`~heze_plan.parsing.findings.ParseFinding`).
"""

from __future__ import annotations

import bisect
import calendar
import contextlib
import datetime as dt
import functools
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence

import attrs

from heze_plan.common.numerals import from_chinese
from heze_plan.model.plan import (
    Area,
    Document,
    Erratum,
    Milestone,
    Plan,
    Principle,
    Safeguard,
    Task,
    Unit,
)
from heze_plan.parsing._front import level, read_document
from heze_plan.parsing._generic import every_task_shared, parse_generic, strip_glosses, without_signature
from heze_plan.parsing._input import apply_errata_mapped, check_text
from heze_plan.parsing._layout import (
    BODY_END,
    SECTION,
    SUBSECTION,
    TASK,
    Paragraph,
    ParseContext,
    excerpt,
    is_section,
    normalize_spaces,
    paragraphs,
)
from heze_plan.parsing.deadlines import find_deadlines, milestones_in
from heze_plan.parsing.findings import Convention, ParseError, ParseFinding, ParseReport, ParseWarning
from heze_plan.parsing.hanzi import to_simplified
from heze_plan.parsing.notice import notice_fields
from heze_plan.parsing.obligations import with_obligations
from heze_plan.parsing.owners import find_owner_clause, read_owners
from heze_plan.parsing.provincial import flag_milestones, provincial_clauses
from heze_plan.parsing.targets import targets_in
from heze_plan.parsing.units import level_of_units, load_registry, registry_for

__all__ = ["ParseError", "normalize_spaces", "paragraphs", "parse", "parse_with_report"]

_AREA_LEADS = re.compile(r"[（(]\s*(?:领域|总)?牵头(?:部门|单位)\s*[：:]\s*(.+?)\s*[）)]\s*$")
_PREREQUISITE_END = re.compile(r"完成后|对接后")
_WITHIN_MONTHS_OF_ISSUE = re.compile(r"印发\s*(\d{1,3})\s*个月内")
_EXPLICIT_YEAR = re.compile(r"(?:19|20)\d{2}")
_SPACED_NUMBER = re.compile(r"\d[ \t\u3000]+[年月日]|[年月][ \t\u3000]+\d")
_SENTENCE_END = "。）)！!；;”]］】〕"
#: :func:`~heze_plan.parsing.owners.read_owners`, remembered per clause: a plan repeats its owner
#: clauses (129 distinct in Heze's 195 tasks), and the reading is a frozen object, a pure function
#: of the clause. Bounded, as the parser's other per-string caches.
_read_owners = functools.lru_cache(maxsize=2048)(read_owners)
_GOAL_SECTIONS = ("工作目标", "主要目标", "总体目标", "总体要求", "目标任务")
_PRINCIPLE_SECTIONS = ("工作原则", "基本原则")
_SAFEGUARD_SECTIONS = ("保障措施", "组织保障", "工作要求", "组织实施", "保障机制")


def _has_spaced_number(text: str) -> bool:
    """Whether ``_SPACED_NUMBER.search(text)`` finds anything (12 月, 2023 年).

    Every match holds a 年, 月 or 日 with spaces beside it; the pattern runs
    only around those (found with str.find), on the spaces and the characters
    at their ends, instead of at every position of the whole text.
    """
    size = len(text)
    for word in "年月日":
        at = text.find(word)
        while at != -1:
            left, right = at, at + 1
            while left > 0 and text[left - 1] in " \t\u3000":
                left -= 1
            while right < size and text[right] in " \t\u3000":
                right += 1
            if (left < at or right > at + 1) and _SPACED_NUMBER.search(text, max(left - 1, 0), right + 1):
                return True
            at = text.find(word, at + 1)
    return False


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_Sections = list[tuple[str, list[Paragraph]]]


def _sections(body: Sequence[Paragraph]) -> _Sections:
    """The body's sections (一、…) in order, each with its name and paragraphs."""
    sections: _Sections = []
    for paragraph in body:
        heading = SECTION.match(paragraph.text)
        if heading and is_section(paragraph.text) and not TASK.match(paragraph.text):
            sections.append((heading.group(2).strip().rstrip("。"), []))
        elif sections:
            sections[-1][1].append(paragraph)
    return sections


def _numbered(paragraphs: Iterable[Paragraph], what: str, ctx: ParseContext) -> list[tuple[int, str, str]]:
    """（一）title。text paragraphs as (number, title, text); a lenient parse skips the others."""
    result: list[tuple[int, str, str]] = []
    for paragraph in paragraphs:
        match = SUBSECTION.match(paragraph.text)
        number = _numeral(match.group(1)) if match else None
        if match is None or number is None:
            ctx.problem(
                ctx.error(
                    f"a paragraph of the {what} is not numbered",
                    paragraph,
                    expected="a （一）-numbered paragraph",
                    found=excerpt(paragraph.text),
                )
            )
            continue
        body = match.group(2)
        result.append((number, body.partition("。")[0].strip(), body))
    return result


def _numeral(text: str) -> int | None:
    try:
        value = from_chinese(text)
    except ValueError:
        return None
    return value or None


def _prerequisites(text: str) -> tuple[str, ...]:
    """…完成后 / …对接后 clauses: what the task waits for."""
    found: list[str] = []
    for match in _PREREQUISITE_END.finditer(text) if "后" in text else ():
        start = max(text.rfind(c, 0, match.start()) for c in "，。；：") + 1
        found.append(text[start : match.end()])
    return tuple(dict.fromkeys(found))


def _owner_milestones(deadlines: Iterable[str], title: str, year: int) -> list[Milestone]:
    return [
        Milestone(due=phrase.due, phrase=phrase.phrase, deliverable=title)
        for written in deadlines
        for phrase in find_deadlines(written, year)
    ]


_SPACE = re.compile(r"[ \t\u3000]")
_SPACES = frozenset(" \t\u3000")
#: A task's number with the space after it (1. 全面…), which no phrase or deliverable contains.
_NUMBER = re.compile(r"\s*(?:\d+\s*[.．、]\s*)?")


class _Squeezed:
    """A printed paragraph without its spaces, tabs and ideographic spaces, mapped back to it.

    Finds ``words`` (its own spaces ignored) as if with a pattern that allows
    any run of those spaces between two of its characters, searching from a
    position of the printed text: the same leftmost match, without compiling
    a pattern per phrase and per deliverable.
    """

    __slots__ = ("positions", "printed", "squeezed")

    def __init__(self, printed: str) -> None:
        self.printed = printed
        self.positions = [at for at, char in enumerate(printed) if char not in _SPACES]
        self.squeezed = "".join(printed[at] for at in self.positions)

    def search(self, words: str, cursor: int) -> tuple[int, int] | None:
        """The span in the printed text of the first ``words`` at or after ``cursor``, or ``None``."""
        wanted = "".join(ch for ch in words if not ch.isspace())
        if not wanted:  # no milestone's phrase or deliverable is blank (their validators)
            return cursor, cursor
        at = self.squeezed.find(wanted, bisect.bisect_left(self.positions, cursor))
        if at == -1:
            return None
        return self.positions[at], self.positions[at + len(wanted) - 1] + 1


def _as_printed(milestones: list[Milestone], printed: str) -> list[Milestone]:
    """``milestones`` with their phrase and deliverable as ``printed`` (the source's lines) has them.

    The layout drops the spaces an extraction leaves next to Chinese characters (12 月底前 →
    12月底前), so that phrases compare and match; the source's own spelling is kept beside them
    (``printed_phrase``, ``printed_deliverable``) wherever it differs. Milestones are found in
    order, so a second 12月底前 is looked for after the first. Most paragraphs have no space
    after their task number (184 of Heze's 195), and are printed as parsed.
    """
    number = _NUMBER.match(printed)
    if not milestones or not _SPACE.search(printed, number.end() if number else 0):
        return milestones
    result, cursor = [], 0
    squeezed = _Squeezed(printed)
    for milestone in milestones:
        phrase = squeezed.search(milestone.phrase, cursor)
        if phrase is None:  # a deadline from the owner clause, or text an erratum changed
            result.append(milestone)
            continue
        cursor = phrase[1]
        found = squeezed.search(milestone.deliverable, cursor)
        printed_phrase = printed[phrase[0] : phrase[1]]
        spaced_phrase = printed_phrase if printed_phrase != milestone.phrase else None
        deliverable = printed[found[0] : found[1]] if found is not None else milestone.deliverable
        spaced_deliverable = deliverable if deliverable != milestone.deliverable else None
        result.append(
            attrs.evolve(milestone, printed_phrase=spaced_phrase, printed_deliverable=spaced_deliverable)
            if spaced_phrase or spaced_deliverable
            else milestone
        )
    return result


def _task(
    paragraph: Paragraph, area: int, year: int, ctx: ParseContext, match: re.Match[str] | None = None
) -> Task | None:
    """The task of ``paragraph``; ``match`` is ``TASK.match(paragraph.text)`` when the caller has it."""
    match = match or TASK.match(paragraph.text)
    assert match is not None  # the caller dispatched on it
    number, body = int(match.group(1)), match.group(3)
    if match.group(2) != ".":
        ctx.conventions.add(Convention.OTHER_TASK_NUMBERING)
    offset = match.start(3)
    clause = find_owner_clause(body)
    if clause is None:
        ctx.problem(
            ctx.error(
                f"task {number} has no owner clause at its end",
                paragraph,
                len(paragraph.text) - 1,
                expected="an owner clause such as （牵头单位：…；责任单位：…） or （…牵头）",
                found=excerpt(paragraph.text[-20:]),
            )
        )
        return None
    start, content, conventions = clause
    ctx.conventions |= conventions
    owners = _read_owners(content)
    ctx.conventions |= owners.conventions
    if not owners.lead_units or owners.unread:
        ctx.problem(
            ctx.error(
                f"task {number}: the owner clause names no lead unit"
                if not owners.lead_units
                else f"task {number}: part of the owner clause is neither units nor a deadline",
                paragraph,
                offset + start,
                expected="lead units (牵头单位：… or …牵头)"
                if not owners.lead_units
                else "units or a deadline",
                found=excerpt(owners.unread[0] if owners.unread else content),
            )
        )
        if not owners.lead_units:
            return None
    text = body[:start].strip()
    title = text.split("。", 1)[0]
    found = milestones_in(text, year)
    milestones = _as_printed([m for m, _ in found], ctx.printed(paragraph)) if found else []
    if owners.deadlines:
        milestones += _owner_milestones(owners.deadlines, title or text, year)
    targets = tuple(targets_in(text, [span for _, span in found]))
    # 根据省统一部署 per sentence, and per milestone (heze_plan.parsing.provincial), read here so
    # that the task is built once
    clauses = provincial_clauses(text) if "根据" in text else ()
    try:
        return Task(
            number=number,
            title=title,
            text=text,
            area=area,
            lead_units=owners.lead_units,
            responsible_units=tuple(
                u for u in dict.fromkeys(owners.responsible_units) if u not in owners.lead_units
            ),
            milestones=flag_milestones(text, milestones, clauses) if clauses else tuple(milestones),
            targets=targets,
            per_provincial_arrangement=bool(clauses),
            prerequisites=_prerequisites(text),
            open_owner_lists=tuple(name.removesuffix("等") for name in owners.trimmed),
            provincial_clauses=clauses,
        )
    except (ValueError, TypeError) as invalid:
        ctx.problem(
            ctx.error(
                f"task {number} cannot be read",
                paragraph,
                offset,
                expected="a text and distinct lead units",
                found=str(invalid),
            )
        )
        return None


def _area(paragraph: Paragraph, heading: re.Match[str], ctx: ParseContext) -> Area | None:
    number = _numeral(heading.group(1))
    body = heading.group(2)
    leads = _AREA_LEADS.search(body)
    name = (body[: leads.start()] if leads else body).strip().rstrip("。")
    try:
        if number is None:
            raise ValueError(f"{heading.group(1)!r} is not a number")
        lead_units = tuple(dict.fromkeys(read_owners(leads.group(1)).lead_units)) if leads else ()
        return Area(number=number, name=name, lead_units=lead_units)
    except ValueError as invalid:
        ctx.problem(
            ctx.error(
                "an area heading cannot be read",
                paragraph,
                expected="（一）name（领域牵头部门：…）",
                found=f"{excerpt(paragraph.text)} ({invalid})",
            )
        )
        return None


def _areas_and_tasks(
    section: Sequence[Paragraph],
    year: int,
    ctx: ParseContext,
    *,
    areas: list[Area] | None = None,
    tasks: list[Task] | None = None,
) -> tuple[list[Area], list[Task]]:
    """Areas （一）… and their numbered tasks; ``areas`` and ``tasks`` carry on from an earlier section."""
    areas = [] if areas is None else areas
    tasks = [] if tasks is None else tasks
    seen = {task.number for task in tasks}
    area_tasks = 0
    last_area_paragraph: Paragraph | None = None

    def close_area() -> None:
        if last_area_paragraph is not None and area_tasks == 0:
            ctx.problem(
                ctx.error(
                    f"area {areas[-1].number} has no tasks",
                    last_area_paragraph,
                    expected="numbered tasks (1. …) after the area heading",
                    found="the next heading or the end of the text",
                ),
                "kept",
            )

    for paragraph in section:
        heading = SUBSECTION.match(paragraph.text)
        task_match = TASK.match(paragraph.text)
        if heading:
            area = _area(paragraph, heading, ctx)
            if area is None:
                continue
            close_area()
            if areas and area.number <= areas[-1].number:
                repeated = area.number in {a.number for a in areas}
                ctx.problem(
                    ctx.error(
                        f"area {area.number} is {'repeated' if repeated else 'out of order'}",
                        paragraph,
                        expected=f"area {areas[-1].number + 1} or later",
                        found=f"area {area.number}",
                    ),
                    "skipped" if repeated else "kept",
                )
                if repeated:
                    continue
            if "(" in paragraph.text[:2]:
                ctx.conventions.add(Convention.HALF_WIDTH_PUNCTUATION)
            areas.append(area)
            area_tasks = 0
            last_area_paragraph = paragraph
        elif task_match:
            number = int(task_match.group(1))
            if not areas:
                ctx.problem(
                    ctx.error(
                        f"task {number} comes before the first area heading",
                        paragraph,
                        expected="an area heading such as （一）开办企业",
                        found=excerpt(paragraph.text),
                    )
                )
                continue
            # A gap (1, 3) is left to heze_plan.check, which names the missing task;
            # a number that goes back would make two tasks share a place.
            if tasks and number <= tasks[-1].number:
                repeated = number in seen
                ctx.problem(
                    ctx.error(
                        f"task {number} is {'repeated' if repeated else 'out of order'}",
                        paragraph,
                        expected=f"task {tasks[-1].number + 1} or later",
                        found=f"task {number}",
                    ),
                    "skipped" if repeated else "kept",
                )
                if repeated:
                    continue
            task = _task(paragraph, areas[-1].number, year, ctx, task_match)
            if task is not None:
                tasks.append(task)
                seen.add(task.number)
                area_tasks += 1
        else:
            ctx.problem(
                ctx.error(
                    "a paragraph of the tasks is neither an area heading nor a numbered task",
                    paragraph,
                    expected="an area heading （一）… or a numbered task 1. …",
                    found=excerpt(paragraph.text),
                )
            )
    close_area()
    return areas, tasks


def _safeguard(
    number: int, title: str, text: str, document: Document, registry: Mapping[str, Unit] | None
) -> Safeguard:
    found = milestones_in(text, document.year)
    milestones: list[Milestone] = [m for m, _ in found]
    spans = [span for _, span in found]
    within = _WITHIN_MONTHS_OF_ISSUE.search(text)
    if within and document.printed is not None:
        sentence_start = text.rfind("。", 0, within.start()) + 1
        sentence_end = text.find("。", within.end())
        deliverable = text[within.end() : sentence_end if sentence_end != -1 else len(text)].strip("，")
        milestones.append(
            Milestone(
                due=_add_months(document.printed, int(within.group(1))),
                phrase=within.group(0),
                deliverable=deliverable or within.group(0),
            )
        )
        spans.append((sentence_start, sentence_end if sentence_end != -1 else len(text)))
    order = sorted(range(len(milestones)), key=lambda i: spans[i][0])
    milestones = [milestones[i] for i in order]
    spans = [spans[i] for i in order]
    units = tuple(name for name in (registry or {}) if name in text)
    return Safeguard(
        number=number,
        title=title,
        text=text,
        units=units,
        milestones=tuple(milestones),
        targets=tuple(t for t in targets_in(text, spans) if t.kind is not t.kind.SERVICE_TIME),
    )


def _check_end(body: Sequence[Paragraph], ctx: ParseContext) -> None:
    """A text that stops mid-sentence was cut short (a truncated file or extraction)."""
    last = body[-1]
    task = TASK.match(last.text)
    if task and find_owner_clause(task.group(3)) is not None:
        return  # an owner clause without brackets (…。牵头单位：…) ends a task
    if not last.text.endswith(tuple(_SENTENCE_END)) and not is_section(last.text):
        ctx.problem(
            ctx.error(
                "the text stops in the middle of a sentence: is it truncated?",
                last,
                len(last.text) - 1,
                expected="a paragraph that ends with 。 or ）",
                found=excerpt(last.text[-20:]),
            ),
            "kept",
        )


def _section(sections: _Sections, names: Sequence[str]) -> list[Paragraph]:
    return next((v for k, v in sections if k.startswith(tuple(names))), [])


def _sections_as_areas(sections: _Sections, year: int, ctx: ParseContext) -> tuple[list[Area], list[Task]]:
    """Plans without a 重点任务 section number their tasks right under each section (一、…1.…).

    Each section holding tasks is then an area, numbered in order, named by
    its heading; a lead department in the heading （牵头单位：…） is the area's.
    """
    areas: list[Area] = []
    tasks: list[Task] = []
    skip = (*_GOAL_SECTIONS, *_PRINCIPLE_SECTIONS, *_SAFEGUARD_SECTIONS)
    for name, section in sections:
        if name.startswith(skip) or not any(TASK.match(p.text) for p in section):
            continue
        ctx.conventions.add(Convention.SECTIONS_AS_AREAS)
        leads = _AREA_LEADS.search(name)
        area = Area(
            number=len(areas) + 1,
            name=(name[: leads.start()] if leads else name).strip().rstrip("。") or name,
            lead_units=tuple(dict.fromkeys(read_owners(leads.group(1)).lead_units)) if leads else (),
        )
        areas.append(area)
        _areas_and_tasks(section, year, ctx, areas=areas, tasks=tasks)
    return areas, tasks


def _layout_report(  # noqa: PLR0917 - private; the parts of one prepared text
    text: str,
    line_map: list[int],
    original_lines: int,
    applied: tuple[Erratum, ...],
    traditional: int,
    year: int | None,
    *,
    strict: bool,
    input_findings: Sequence[ParseFinding],
    registry: Mapping[str, Unit] | None,
) -> ParseReport:
    """The reading of a text laid out as Heze's plan (number, sections, 三、重点任务, areas, 1. tasks)."""
    lines = text.split("\n")
    ctx = ParseContext(lines, line_map or list(range(1, original_lines + 1)), strict=strict)
    ctx.findings.extend(input_findings)
    if applied:
        ctx.conventions.add(Convention.ERRATA)
    if traditional:
        ctx.conventions.add(Convention.TRADITIONAL_CHARACTERS)
    if _has_spaced_number(text):
        ctx.conventions.add(Convention.SPACED_NUMBERS)
    paras = paragraphs(text)
    first_section = next((i for i, p in enumerate(paras) if is_section(p.text)), None)
    if first_section is None:
        raise ParseError(
            "this does not look like a plan: no section heading",
            1,
            1,
            expected="a section heading such as 一、工作目标 or 三、重点任务",
            found=excerpt(paras[0].text) if paras else "only blank lines",
        )
    end = next((i for i, p in enumerate(paras) if i > first_section and BODY_END.match(p.text)), len(paras))
    body = paras[first_section:end]
    if not body:
        raise ParseError(
            "the body is empty: the distribution block (抄送：…) comes before the first section",
            paras[end].line,
            1,
            expected="the sections before 抄送：…",
            found=excerpt(paras[end].text),
        )
    document = read_document(paras[:first_section], body, paras[end:], year, ctx)
    document = attrs.evolve(document, **notice_fields(paras[:first_section], paras[end:]))
    sections = _sections(body)
    goal = "".join(p.text for p in _section(sections, _GOAL_SECTIONS))
    principles = [
        Principle(number=n, title=title, text=text, targets=tuple(targets_in(text)))
        for n, title, text in _numbered(_section(sections, _PRINCIPLE_SECTIONS), "principles", ctx)
        if title
    ]
    _check_end(body, ctx)
    task_section = next((v for k, v in sections if "任务" in k), None)
    if task_section is not None:
        areas, tasks = _areas_and_tasks(task_section, document.year, ctx)
    else:
        areas, tasks = _sections_as_areas(sections, document.year, ctx)
    if not tasks:
        last = (task_section or body)[-1] if (task_section or body) else body[-1]
        raise ctx.error(
            "no tasks: no section of tasks (三、重点任务) and no numbered task (1. …) under any section"
            if task_section is None
            else "the section of tasks holds no task",
            last,
            expected="numbered tasks (1. …) with owners, under a section such as 三、重点任务",
            found=excerpt(last.text),
        )
    safeguards = [
        _safeguard(n, title, text, document, registry)
        for n, title, text in _numbered(_section(sections, _SAFEGUARD_SECTIONS), "safeguards", ctx)
        if title
    ]
    for milestone in (m for t in tasks for m in t.milestones):
        if _EXPLICIT_YEAR.match(milestone.phrase):
            ctx.conventions.add(Convention.EXPLICIT_YEAR_DEADLINES)
        elif milestone.phrase in {"年底前", "年内", "全年"}:
            ctx.conventions.add(Convention.YEAR_END_DEADLINES)
    names = [u for area in areas for u in area.lead_units]
    names += [u for task in tasks for u in task.units]
    names += [u for s in safeguards for u in s.units]
    plan = Plan(
        document=document,
        goal=goal,
        principles=principles,
        areas=areas,
        tasks=tasks,
        safeguards=safeguards,
        units=registry_for(names, level(document), registry),
        errata=applied,
    )
    plan = with_obligations(plan)  # the safeguards' duties need the areas and the registry
    return ParseReport(
        plan=plan,
        conventions=frozenset(ctx.conventions),
        findings=tuple(ctx.findings),
        traditional_characters=traditional,
    )


#: Layout errors that stay errors in a strict parse of a text with Heze's skeleton
#: (a document number and a section of tasks): numbers that repeat or go back, a cut text.
_FATAL = re.compile(r"is repeated|is out of order|stops in the middle|has no tasks|holds no task")
_FIRST_TASK = re.compile(r"(?m)^[ \t\u3000]*1\s*[.．、](?!\d)")
_DOC_SKELETON = re.compile(r"〔\s*\d{4}\s*〕\s*\d+\s*号[\s\S]*\n\s*[一二三四五六七八九十]+、[^\n]{0,12}任务")

#: Layout errors of a text without numbered tasks, which the family's reading may still read: its
#: tasks may be （一） items with several owner brackets each (湖南 2014: 湘政发〔2014〕1号,
#: 一、全面落实改革开放目标任务).
_NO_TASKS = re.compile(r"has no tasks|holds no task")


def _generic_tasks(text: str, year: int | None) -> bool:
    """Whether the family's reading finds tasks with owners in ``text``: two at least, for one is what
    Heze's area heading with its lead (（一）开办企业。（牵头单位：…）) reads as when its tasks are cut."""
    try:
        return sum(1 for task in parse_generic(text, year=year).tasks if task.units) >= 2
    except ParseError:
        return False


#: Owners the section reading would make leads although the source names no lead (only 责任单位):
#: the tolerant reading keeps them as the source has them.
_AS_THE_SOURCE_HAS_IT = frozenset({Convention.RESPONSIBLE_LABEL_ONLY})
_LABEL_IN_NAME = re.compile(r"[：:|]|(?:牵头|责任|配合)(?:单位|部门)[：:]")
_CLAUSE_INSIDE = re.compile(
    r"[（(][^（）()]{0,60}(?:牵头负责|牵头单位[：:]|责任单位[：:])[^（）()]{0,80}[）)]"
)


def _is_layout(plan: Plan) -> bool:
    """Whether a reading by sections is trustworthy: clean unit names, no owner clause inside a task's text.

    A plan of another layout can pass the section reading and still be
    misread: owner lines glued into one name (区发改局责任单位：…), or several
    inline sub-tasks (（1）…（X牵头）（2）…) read as one task.
    """
    # each pattern needs a colon or a bar, or a label word: test for those first (str in, in C),
    # once in all names (or texts) joined by a line break, which none of them holds, and name by
    # name (text by text) only when one is there
    names = "\n".join(name for task in plan.tasks for name in task.units)
    if ("：" in names or ":" in names or "|" in names) and any(
        ("：" in name or ":" in name or "|" in name) and _LABEL_IN_NAME.search(name)
        for task in plan.tasks
        for name in task.units
    ):
        return False
    texts = "\n".join(task.text for task in plan.tasks)
    if not ("牵头负责" in texts or "牵头单位" in texts or "责任单位" in texts):
        return True
    return not any(
        ("牵头负责" in task.text or "牵头单位" in task.text or "责任单位" in task.text)
        and _CLAUSE_INSIDE.search(task.text)
        for task in plan.tasks
    )


def parse_with_report(
    text: str | bytes,
    *,
    year: int | None = None,
    strict: bool = True,
    errata: Iterable[Erratum] = (),
    registry: str | os.PathLike[str] | Iterable[Unit] | Mapping[str, Unit] | None = None,
) -> ParseReport:
    """Parse a plan and say how: the plan, the conventions its text used, and what was skipped.

    ``text`` may be ``bytes`` (it must be UTF-8). ``year`` is the plan year
    when the text does not say it (title, document number or dated
    deadlines) or says it wrongly. ``registry`` corrects or extends the
    units read from the text: a CSV file (columns name, kind, aliases) or
    :class:`~heze_plan.model.plan.Unit` objects; without it every unit's
    kind is inferred from its name.

    A text laid out as Heze's plan is read by its sections; any other plan
    of the family by the tolerant reading of ``heze_plan.parsing._generic``,
    where missing front matter is a finding, never an error. A strict parse
    raises the first :class:`ParseError` of the Heze layout only when the
    tolerant reading cannot read the text either; a lenient one
    (``strict=False``) skips what it cannot read and lists it in
    :attr:`~heze_plan.parsing.findings.ParseReport.findings`. Wherever a strict
    parse succeeds, a lenient one gives the same plan.
    """
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999):
        msg = f"year must be a plan year such as 2023, got {year!r}"
        raise ValueError(msg)
    units = load_registry(registry)
    input_findings: list[ParseFinding] = []
    text = check_text(text, strict=strict, findings=input_findings)
    original_lines = text.count("\n") + 1
    errata = tuple(errata)
    text, applied, line_map = apply_errata_mapped(text, errata)
    text, traditional = to_simplified(text)
    text, glosses = strip_glosses(text)
    # a signature closing the text (市人民政府办公室 / 2023年2月10日) is no part of the last task; the
    # layout reading reads a distribution block (抄送：…, 2023年7月29日印发) itself
    args = (without_signature(text, distribution=False), line_map, original_lines, applied, traditional, year)
    try:
        layout = _layout_report(*args, strict=True, input_findings=input_findings, registry=units)
        if (
            _is_layout(layout.plan)
            and not layout.conventions & _AS_THE_SOURCE_HAS_IT
            # a rule adding units to every task (除特别注明的外，…都是配合单位) is the tolerant reading's
            and not ("除" in text and every_task_shared(text))
        ):
            return layout
        raise ParseError("not laid out as Heze's plan", 1, 1)
    except ParseError as layout_error:
        heze_like = (
            _FATAL.search(layout_error.message)
            and _DOC_SKELETON.search(text)
            and len(_FIRST_TASK.findall(text)) <= 1  # numbers that restart in each area are a layout
            # a text of Heze's skeleton whose tasks the tolerant reading finds (湖南 2014) is no slip
            and not (_NO_TASKS.search(layout_error.message) and _generic_tasks(text, year))
        )
        # A lenient parse reads as a strict one wherever the strict one succeeds; it goes on only
        # where strict stops. Heze's skeleton with a slip in it (cut short, a task repeated) stops
        # a strict parse: leniently it is read as Heze's layout, the slip a finding. Any other text
        # is the tolerant reading's, the lenient layout reading only when that reads nothing.
        if heze_like and strict:
            raise
        if heze_like:
            with contextlib.suppress(ParseError):
                return _layout_report(*args, strict=False, input_findings=input_findings, registry=units)
        try:
            generic = parse_generic(text, year=year)
        except ParseError as generic_error:
            if not strict:
                with contextlib.suppress(ParseError):
                    return _layout_report(*args, strict=False, input_findings=input_findings, registry=units)
            if "year" in generic_error.message or not text.strip():
                raise generic_error from None
            raise generic_error from layout_error
    conventions = set(generic.conventions)
    if glosses:
        conventions.add(Convention.PINYIN_GLOSSES)
    if applied:
        conventions.add(Convention.ERRATA)
    if traditional:
        conventions.add(Convention.TRADITIONAL_CHARACTERS)
    if _has_spaced_number(text):
        conventions.add(Convention.SPACED_NUMBERS)
    plan = Plan(
        document=generic.document,
        goal="",
        principles=[],
        areas=list(generic.areas),
        tasks=list(generic.tasks),
        safeguards=[],
        units=registry_for(generic.units, level_of_units(generic.units), units),
        errata=applied,
    )
    return ParseReport(
        plan=plan,
        conventions=frozenset(conventions),
        findings=(*input_findings, *generic.findings),
        traditional_characters=traditional,
    )


def parse(
    text: str | bytes,
    *,
    year: int | None = None,
    strict: bool = True,
    errata: Iterable[Erratum] = (),
    registry: str | os.PathLike[str] | Iterable[Unit] | Mapping[str, Unit] | None = None,
) -> Plan:
    """Build a plan from its text, applying ``errata`` to the source first.

    Raises :class:`ParseError` (line, column, what was expected and what was
    found) when the text does not have a plan's structure. With
    ``strict=False`` it skips what it cannot read and issues a
    :class:`~heze_plan.parsing.findings.ParseWarning` for each thing skipped, so
    a partial plan is never silent (findings that only note how the source
    is written, such as a missing document number, are not warned about);
    :func:`parse_with_report` returns them all as data instead, with the
    conventions the text used.
    """
    report = parse_with_report(text, year=year, strict=strict, errata=errata, registry=registry)
    for finding in report.findings:
        if finding.action != "noted":
            warnings.warn(str(finding), ParseWarning, stacklevel=2)
    return report.plan
