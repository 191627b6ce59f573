"""Writing a plan back as text in the shape the parser reads.

:func:`to_text` writes the front matter (issuer, number, title, adoption
date), the goal, the principles, the areas with their lead departments, every
task with its owner clause, and the safeguards, one paragraph a line with a
blank line between, as the Heze plan is laid out. Parsing the result gives
the same plan back for everything the text carries; milestones and targets
are carried by the task texts themselves (a deadline phrase spelt as printed,
``12 月底前``, with its space), an open owner list by its 等,
and the notice's addressees, meeting, release mark, copy list and printing
office by lines of their own in the places a notice prints them. What the
text cannot carry (the units' kinds, the errata, the readings recorded for
the embedded plan) is not written.

It lets a coordinator turn an edited or generated plan into a text to
review, and the tests and benchmarks build plans of any size from it.

>>> import heze_plan
>>> plan = heze_plan.load()
>>> again = heze_plan.parse(to_text(plan))
>>> from heze_plan.parsing.readings import apply_readings, shipped_readings
>>> apply_readings(again, shipped_readings()).tasks == plan.tasks and again.document == plan.document
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from heze_plan.common.numerals import to_chinese
from heze_plan.model.plan import Document, Plan, Task
from heze_plan.parsing.units import is_collective

__all__ = ["owner_list", "to_text"]


def owner_list(names: Iterable[str]) -> str:
    """Unit names as an owner clause writes them: 、 between single units, ， around collectives.

    A collective (各县区政府、管委会) holds a 、 of its own, so it stands in a
    ，-separated group by itself.

    >>> owner_list(["市商务局", "市财政局", "各县区政府、管委会"])
    '市商务局、市财政局，各县区政府、管委会'
    """
    groups: list[list[str]] = []
    for name in names:
        if is_collective(name) or not groups or is_collective(groups[-1][-1]):
            groups.append([name])
        else:
            groups[-1].append(name)
    return "，".join("、".join(group) for group in groups)


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _notice_lines(document: Document) -> list[str]:
    """The notice before the plan: addressees, the adopting meeting, the date, the release mark."""
    lines: list[str] = []
    if document.recipients:
        lines.append("，".join(document.recipients) + "：")
    if document.meeting:
        lines.append(f"已经{document.meeting}审议通过，现印发给你们，请认真贯彻执行。")
    if document.adopted is not None:
        lines.append(_date(document.adopted))
    if document.release:
        lines.append(f"（{document.release}）")
    return lines


def _distribution_lines(document: Document) -> list[str]:
    """The distribution block after the plan: the copy list, the printing office, the 印发 date."""
    lines: list[str] = []
    if document.copied_to:
        lines.append("抄送：" + "，".join(document.copied_to) + "。")
    if document.printed_by:
        lines.append(document.printed_by)
    if document.printed is not None:
        lines.append(f"{_date(document.printed)}印发")
    return lines


def _as_printed(task: Task) -> str:
    """The task's text with its milestones' phrases and deliverables spelt as the source printed
    them (``12 月底前``, ``引进海外留学人才 70 人以上``), so that they parse back the same."""
    text, cursor = task.text, 0
    for milestone in task.milestones:
        at = text.find(milestone.phrase, cursor)
        if at == -1:
            continue
        phrase = milestone.printed_phrase or milestone.phrase
        text = text[:at] + phrase + text[at + len(milestone.phrase) :]
        cursor = at + len(phrase)
        if milestone.printed_deliverable:
            found = text.find(milestone.deliverable, cursor)
            if found != -1:
                end = found + len(milestone.deliverable)
                text = text[:found] + milestone.printed_deliverable + text[end:]
                cursor = found + len(milestone.printed_deliverable)
    return text


def to_text(plan: Plan) -> str:
    """The plan as text: one paragraph a line, blank lines between (see the module docs)."""
    document = plan.document
    out: list[str] = []
    if document.issuer != "未署名":
        out.append(f"{document.issuer}文件")
    out.append(document.number)
    if document.notice_title:
        # A notice names the plan it issues; the parser takes the title from 《…》.
        out.append(document.notice_title)
    out += _notice_lines(document)
    out.append(f"《{document.title}》" if document.notice_title else document.title)
    sections = 0

    def section(name: str) -> None:
        nonlocal sections
        sections += 1
        out.append(f"{to_chinese(sections)}、{name}")

    if plan.goal:
        section("工作目标")
        out.append(plan.goal)
    if plan.principles:
        section("工作原则")
        out.extend(f"（{to_chinese(p.number)}）{p.text}" for p in plan.principles)
    section("重点任务")
    tasks_by_area: dict[int, list[str]] = {}
    for task in plan.tasks:
        open_list = set(task.open_owner_lists)

        def names(units: Iterable[str], open_list: set[str] = open_list) -> str:
            return owner_list(f"{u}等" if u in open_list else u for u in units)

        clause = f"牵头单位：{names(task.lead_units)}"
        if task.responsible_units:
            clause += f"；责任单位：{names(task.responsible_units)}"
        tasks_by_area.setdefault(task.area, []).append(f"{task.number}. {_as_printed(task)}（{clause}）")
    for area in plan.areas:
        leads = f"（领域牵头部门：{owner_list(area.lead_units)}）" if area.lead_units else ""
        out.append(f"（{to_chinese(area.number)}）{area.name}。{leads}")
        out.extend(tasks_by_area.get(area.number, []))
    if plan.safeguards:
        section("保障措施")
        out.extend(f"（{to_chinese(s.number)}）{s.text}" for s in plan.safeguards)
    out += _distribution_lines(document)
    return "\n\n".join(out) + "\n"
