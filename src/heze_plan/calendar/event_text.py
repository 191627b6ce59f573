"""The Chinese text of a milestone's event: its title, description and reminders.

A department reads the event in its calendar without opening the plan, so
the description carries the phrase and date, a note when the due date is not
a working day (naming the last working day before it, from
:mod:`heze_plan.common.workdays`), the deliverable, the units, the area, the task's
full text and the source.
"""

from __future__ import annotations

import datetime as dt

from heze_plan.calendar.entries import Entry
from heze_plan.calendar.safeguards import SafeguardEntry, actors
from heze_plan.common.numerals import to_chinese
from heze_plan.common.workdays import holiday_name, is_working_day, last_working_day_on_or_before
from heze_plan.model.plan import Plan

__all__ = [
    "SAFEGUARD_CATEGORY",
    "alarm_text",
    "chinese_date",
    "description_text",
    "safeguard_description",
    "safeguard_label",
    "safeguard_summary",
    "summary_text",
    "working_day_note",
]

#: The category of a safeguard's deadline (in place of a task's area).
SAFEGUARD_CATEGORY = "保障措施"

_WEEKDAYS = "一二三四五六日"


def chinese_date(day: dt.date) -> str:
    """``2023年9月30日（星期六）``.

    >>> chinese_date(dt.date(2023, 9, 30))
    '2023年9月30日（星期六）'
    """
    return f"{day.year}年{day.month}月{day.day}日（星期{_WEEKDAYS[day.weekday()]}）"


def working_day_note(day: dt.date) -> str | None:
    """A sentence for a due date that is not a working day, naming the last working day before it.

    >>> working_day_note(dt.date(2023, 9, 30))
    '截止日2023年9月30日（星期六）不是工作日（周末），此前最后一个工作日是2023年9月28日（星期四）。'
    >>> working_day_note(dt.date(2023, 10, 31)) is None
    True
    """
    if is_working_day(day):
        return None
    name = holiday_name(day, language="zh_CN")
    reason = "周末" if name in {None, "weekend"} else name
    last = last_working_day_on_or_before(day)
    return f"截止日{chinese_date(day)}不是工作日（{reason}），此前最后一个工作日是{chinese_date(last)}。"


def _units(names: tuple[str, ...]) -> str:
    # Unit names contain 、 (各县区政府、管委会), so the list is joined with ；.
    return "；".join(names) if names else "无"


def summary_text(entry: Entry, unit: str | None = None) -> str:
    """The event's title: task number and title, which milestone when there are several.

    In a feed made for ``unit``, the tasks it leads are marked 【牵头】.

    >>> import heze_plan
    >>> from heze_plan.calendar.entries import entries
    >>> plan = heze_plan.load()
    >>> for entry in entries(plan, [plan.task(8)]):
    ...     print(summary_text(entry, "市行政审批服务局"))
    【牵头】8. 优化企业全生命周期集成服务体系（节点1/2）
    【牵头】8. 优化企业全生命周期集成服务体系（节点2/2）
    """
    task = entry.task
    text = f"{task.number}. {task.title}"
    if len(task.milestones) > 1:
        text += f"（节点{entry.index}/{len(task.milestones)}）"
    if unit is not None and unit in task.lead_units:
        text = "【牵头】" + text
    return text


def description_text(plan: Plan, entry: Entry) -> str:
    """The event's description: when, the working-day note, what, who, where in the plan, the full text."""
    task, milestone = entry.task, entry.milestone
    area = plan.area(task.area)
    lines = [f"时间节点：{milestone.phrase}，截止日{chinese_date(milestone.due)}"]
    note = working_day_note(milestone.due)
    if note:
        lines.append(f"注意：{note}")
    lines += [
        f"交付成果：{milestone.deliverable}",
        f"牵头单位：{_units(task.lead_units)}",
        f"责任单位：{_units(task.responsible_units)}",
        f"领域：{area.number}. {area.name}",
        f"任务原文：{task.label} {task.text}" if task.label else f"任务原文：{task.number}. {task.text}",
        f"来源：{plan.document.number}《{plan.document.title}》第{task.number}项"
        + (f"（原文编号{task.label}）" if task.label else ""),
    ]
    return "\n".join(lines)


def safeguard_label(number: int) -> str:
    """``保障措施（一）``: how the plan numbers a safeguard.

    >>> safeguard_label(1)
    '保障措施（一）'
    """
    return f"{SAFEGUARD_CATEGORY}（{to_chinese(number)}）"


def safeguard_summary(entry: SafeguardEntry) -> str:
    """The title of a safeguard's deadline: the safeguard and the first clause of the deliverable.

    >>> import heze_plan
    >>> from heze_plan.calendar.safeguards import safeguard_entries
    >>> safeguard_summary(safeguard_entries(heze_plan.load())[0])
    '保障措施（一） 持续加大统筹协调力度：制定具体落实方案'
    """
    safeguard = entry.safeguard
    what = entry.milestone.deliverable
    for mark in "，；,;":
        what = what.split(mark, 1)[0]
    text = f"{safeguard_label(safeguard.number)} {safeguard.title}：{what}"
    if len(safeguard.milestones) > 1:
        text += f"（节点{entry.index}/{len(safeguard.milestones)}）"
    return text


def safeguard_description(plan: Plan, entry: SafeguardEntry) -> str:
    """The description of a safeguard's deadline: when, the working-day note, what, who, the full text."""
    safeguard, milestone = entry.safeguard, entry.milestone
    label = safeguard_label(safeguard.number)
    who = actors(plan, entry)
    lines = [f"时间节点：{milestone.phrase}，截止日{chinese_date(milestone.due)}"]
    if milestone.phrase.startswith("印发") and plan.document.printed is not None:
        lines[0] += f"，本方案印发于{chinese_date(plan.document.printed)}"
    note = working_day_note(milestone.due)
    if note:
        lines.append(f"注意：{note}")
    lines += [
        f"交付成果：{milestone.deliverable}",
        f"责任主体：{_units(who) if who else '未指明（见保障措施原文）'}",
        f"保障措施原文：（{to_chinese(safeguard.number)}）{safeguard.text}",
        f"来源：{plan.document.number}《{plan.document.title}》{label}（全市性要求，不属于某一领域或任务）",
    ]
    return "\n".join(lines)


def alarm_text(day: dt.date, due: dt.date, summary: str) -> str:
    """What a reminder on ``day`` for a milestone due on ``due`` says.

    >>> alarm_text(dt.date(2023, 9, 22), dt.date(2023, 9, 30), "2. 探索市场主体住所（经营场所）标准化登记")
    '9月30日截止（8天后）：2. 探索市场主体住所（经营场所）标准化登记'
    >>> alarm_text(dt.date(2023, 9, 28), dt.date(2023, 9, 29), "x")
    '明天截止：x'
    """
    days = (due - day).days
    if days == 0:
        when = "今天截止"
    elif days == 1:
        when = "明天截止"
    else:
        when = f"{due.month}月{due.day}日截止（{days}天后）"
    return f"{when}：{summary}"
