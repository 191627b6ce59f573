"""HTML views for Jupyter: the ``_repr_html_`` of plans, areas, tasks, units and query selections.

Everything the data says is escaped with :func:`html.escape` before it
reaches the page, so a title such as ``<b>`` shows as text. The markup is
self-contained (inline styles, no scripts, fonts, images or links to fetch),
which keeps it intact in JupyterLab, VS Code, nbviewer and exported HTML.

Chinese text reads well when cells are left-aligned (notebook front ends
right-align table cells by default), long text wraps at a readable measure,
and short values (dates, numbers, unit names) never break inside. Lists of
units put one unit on a line: a collective such as ``各县区政府、管委会``
carries a 、 inside its name, so joining names with 、 would be ambiguous.

>>> import heze_plan
>>> page = task_html(heze_plan.load().task(8))
>>> "优化企业全生命周期集成服务体系" in page, "2023-11-30" in page
(True, True)
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from heze_plan.common.numerals import area_label
from heze_plan.model.plan import Area, Milestone, Plan, Task, Unit, UnitKind
from heze_plan.model.target_text import target_formula
from heze_plan.query.selections import (
    MilestoneSelection,
    Selection,
    TargetRef,
    TargetSelection,
    TaskSelection,
)

__all__ = [
    "MAX_ROWS",
    "area_html",
    "milestones_html",
    "plan_html",
    "selection_html",
    "targets_html",
    "task_html",
    "tasks_html",
    "unit_html",
]

#: Rows a table shows before it says how many more there are (as pandas does).
MAX_ROWS = 60

_FONT = (
    "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', "
    "'Source Han Sans SC', sans-serif"
)
_BOX = f'<div class="heze-plan" lang="zh-CN" style="font-family: {_FONT}; line-height: 1.6;">'
_TABLE = '<table style="border-collapse: collapse; margin: 0.3em 0 0.8em 0;">'
_CELL = "text-align: left; vertical-align: top; padding: 0.15em 0.7em; border-bottom: 1px solid #ddd;"
_NOWRAP = " white-space: nowrap;"
_NUMBER = " text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums;"
_TEXT = " min-width: 12em; max-width: 40em;"

_KIND_LABELS = {
    UnitKind.MUNICIPAL_DEPARTMENT: "市直部门单位",
    UnitKind.PARTY_ORGAN: "市委部门",
    UnitKind.PEOPLES_CONGRESS: "市人大机构",
    UnitKind.JUDICIAL: "审判、检察机关",
    UnitKind.BRANCH_AGENCY: "驻菏单位",
    UnitKind.ENTERPRISE: "企业",
    UnitKind.PUBLIC_INSTITUTION: "事业单位",
    UnitKind.COLLECTIVE: "统称（多个单位）",
    UnitKind.GOVERNMENT: "下级政府、管委会",
}


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _units(names: Sequence[str]) -> str:
    if not names:
        return "—"
    return "<br>".join(f'<span style="white-space: nowrap;">{_e(n)}</span>' for n in names)


def _cell(content: str, style: str = "", *, header: bool = False) -> str:
    tag = "th" if header else "td"
    return f'<{tag} style="{_CELL}{style}">{content}</{tag}>'


def _table(header: Sequence[str], rows: Iterable[Sequence[tuple[str, str]]], total: int) -> str:
    """A table of already-escaped cells, each given as (content, extra style)."""
    parts = [_TABLE, "<thead><tr>"]
    parts += [_cell(_e(h), _NOWRAP, header=True) for h in header]
    parts.append("</tr></thead><tbody>")
    shown = 0
    for row in rows:
        if shown == MAX_ROWS:
            break
        parts.append("<tr>" + "".join(_cell(c, s) for c, s in row) + "</tr>")
        shown += 1
    parts.append("</tbody></table>")
    if total > shown:
        parts.append(f"<p>… {total - shown} more (showing {shown} of {total})</p>")
    return "".join(parts)


def _heading(text: str, level: int = 3) -> str:
    return f'<h{level} style="margin: 0.4em 0;">{text}</h{level}>'


def _fields(pairs: Iterable[tuple[str, str]]) -> str:
    """A two-column table of label and already-escaped value."""
    rows = [[(_e(label), _NOWRAP + " font-weight: bold;"), (value, _TEXT)] for label, value in pairs]
    body = "".join("<tr>" + "".join(_cell(c, s) for c, s in row) + "</tr>" for row in rows)
    return f"{_TABLE}<tbody>{body}</tbody></table>"


def _date(day: dt.date) -> str:
    return _e(day.isoformat())


def _deadlines(task: Task) -> str:
    if task.ongoing:
        return "ongoing 全年"
    return "<br>".join(f'<span style="white-space: nowrap;">{_date(m.due)}</span>' for m in task.milestones)


def plan_html(plan: Plan) -> str:
    """The plan: its document, its counts, and a table of its areas with their workload."""
    document = plan.document
    tasks_in: Counter[int] = Counter(t.area for t in plan.tasks)
    milestones_in: Counter[int] = Counter()
    ongoing_in: Counter[int] = Counter()
    for task in plan.tasks:
        milestones_in[task.area] += len(task.milestones)
        ongoing_in[task.area] += task.ongoing
    dated = sum(milestones_in.values())
    summary = (
        f"{len(plan.areas)} areas 领域 · {len(plan.tasks)} tasks 任务 · {len(plan.units)} units 单位 · "
        f"{dated} milestones 时间节点 · {sum(ongoing_in.values())} ongoing tasks 无时间节点 · "
        f"{len(plan.errata)} errata 勘误"
    )
    adopted = document.adopted.isoformat() if document.adopted else "?"
    rows = [
        [
            (_e(area_label(a.number)), _NOWRAP),
            (_e(a.name), _NOWRAP),
            (_units(a.lead_units), ""),
            (str(tasks_in[a.number]), _NUMBER),
            (str(milestones_in[a.number]), _NUMBER),
            (str(ongoing_in[a.number]), _NUMBER),
        ]
        for a in plan.areas
    ]
    table = _table(
        ["area 领域", "name", "lead units 领域牵头部门", "tasks", "milestones", "ongoing"], rows, len(rows)
    )
    return (
        f"{_BOX}{_heading(_e(document.title))}"
        f"<p>{_e(document.issuer)} {_e(document.number)} · adopted {_e(adopted)} · plan year {plan.year}</p>"
        f"<p>{_e(summary)}</p>{table}</div>"
    )


def area_html(area: Area, tasks: Iterable[Task] | None = None) -> str:
    """An area with its lead units; with ``tasks``, also the table of those in the area."""
    head = _heading(f"{_e(area_label(area.number))}{_e(area.name)}")
    body = _fields([("lead units 领域牵头部门", _units(area.lead_units))])
    if tasks is not None:
        body += _tasks_table([t for t in tasks if t.area == area.number])
    return f"{_BOX}{head}{body}</div>"


def task_html(task: Task) -> str:
    """One task in full: units, milestones with deliverables, targets, qualifiers and text."""
    pairs = [
        ("area 领域", _e(area_label(task.area))),
        ("lead units 牵头单位", _units(task.lead_units)),
        ("responsible units 责任单位", _units(task.responsible_units)),
    ]
    if task.ongoing:
        pairs.append(("deadline 时间节点", "none: ongoing for the whole plan year 全年推进"))
    if task.per_provincial_arrangement:
        pairs.append(("qualifier", _e("follows a provincial arrangement 根据省统一部署")))
    pairs += [("waits for 前提", _e(p)) for p in task.prerequisites]
    parts = [_BOX, _heading(f"{task.number}. {_e(task.title)}"), _fields(pairs)]
    if task.milestones:
        parts.append(_milestone_table(task.milestones))
    if task.targets:
        due = [_date(m.due) for m in task.milestones]
        rows = [
            [
                (_e(t.phrase), _NOWRAP),
                (_e(target_formula(t, number="{:g}".format)), _NOWRAP),
                (_e(t.kind.value), _NOWRAP),
                (due[t.milestone - 1] if t.milestone is not None else "plan year", _NOWRAP),
                (_e(t.subject), _TEXT),
            ]
            for t in task.targets
        ]
        parts.append(_table(["target 目标", "value", "kind", "by", "subject"], rows, len(rows)))
    parts.append(f'<p style="max-width: 40em;">{_e(task.text)}</p></div>')
    return "".join(parts)


def _milestone_table(milestones: Sequence[Milestone]) -> str:
    rows = [
        [(_date(m.due), _NOWRAP), (_e(m.phrase), _NOWRAP), (_e(m.deliverable), _TEXT)] for m in milestones
    ]
    return _table(["due 截止", "phrase 原文", "deliverable 工作内容"], rows, len(rows))


def unit_html(unit: Unit) -> str:
    """A unit of the registry: canonical name, kind and the other names it goes by."""
    pairs = [
        ("kind 类别", f"{_e(_KIND_LABELS[unit.kind])} ({_e(unit.kind.value)})"),
        ("aliases 别称", _e("，".join(unit.aliases)) if unit.aliases else "—"),
    ]
    return f"{_BOX}{_heading(_e(unit.name))}{_fields(pairs)}</div>"


Via = Callable[[int], tuple[str, ...]]


def _title(task: Task, via: Via | None) -> str:
    """The task's title, with the collectives a unit matched it through (a county: 各县区政府、管委会)."""
    through = via(task.number) if via else ()
    note = f'<br><span style="color: #666;">via {_e("、".join(through))}</span>' if through else ""
    return _e(task.title) + note


def _tasks_table(tasks: Sequence[Task], via: Via | None = None) -> str:
    rows = (
        [
            (str(t.number), _NUMBER),
            (_title(t, via), _TEXT),
            (_units(t.lead_units), ""),
            (_units(t.responsible_units), ""),
            (_deadlines(t), _NOWRAP),
        ]
        for t in tasks
    )
    header = ["task 任务", "title 名称", "lead 牵头单位", "responsible 责任单位", "due 截止"]
    return _table(header, rows, len(tasks))


def tasks_html(tasks: Iterable[Task], caption: str | None = None, via: Via | None = None) -> str:
    """A table of tasks (number, title, units, deadlines), for any list of tasks.

    ``via`` gives, for a task number, the collectives through which a unit
    filter matched it (see :meth:`heze_plan.query.selections.Selection.via`).
    """
    chosen = list(tasks)
    head = _heading(_e(caption), 4) if caption else ""
    return f"{_BOX}{head}<p>{len(chosen)} tasks</p>{_tasks_table(chosen, via)}</div>"


def milestones_html(
    items: Iterable[tuple[Task, Milestone]], caption: str | None = None, via: Via | None = None
) -> str:
    """A table of milestones with their task, for any list of (task, milestone) pairs."""
    chosen = list(items)
    rows = (
        [
            (_date(m.due), _NOWRAP),
            (str(t.number), _NUMBER),
            (_title(t, via), _TEXT),
            (_e(m.deliverable), _TEXT),
            (_units(t.lead_units), ""),
        ]
        for t, m in chosen
    )
    header = ["due 截止", "task 任务", "title 名称", "deliverable 工作内容", "lead 牵头单位"]
    head = _heading(_e(caption), 4) if caption else ""
    return f"{_BOX}{head}<p>{len(chosen)} milestones</p>{_table(header, rows, len(chosen))}</div>"


def targets_html(refs: Iterable[TargetRef], caption: str | None = None) -> str:
    """A table of targets with their task and the date they are due by."""
    chosen = list(refs)
    rows = (
        [
            (str(r.task.number), _NUMBER),
            (_e(r.task.title), _TEXT),
            (_e(r.target.phrase), _NOWRAP),
            (_e(target_formula(r.target, number="{:g}".format)), _NOWRAP),
            (_e(r.target.kind.value), _NOWRAP),
            (_date(r.milestone.due) if r.milestone else "plan year", _NOWRAP),
            (_e(r.target.subject), _TEXT),
        ]
        for r in chosen
    )
    header = ["task 任务", "title 名称", "target 目标", "value", "kind", "by", "subject"]
    head = _heading(_e(caption), 4) if caption else ""
    return f"{_BOX}{head}<p>{len(chosen)} targets</p>{_table(header, rows, len(chosen))}</div>"


def selection_html(selection: Selection[Any]) -> str:
    """A query selection (:mod:`heze_plan.query.selections`) as the table of its kind."""
    caption = f"{type(selection).__name__}: {len(selection)} of {selection.plan.document.number}"
    if isinstance(selection, TaskSelection):
        return tasks_html(selection, caption, selection.via)
    if isinstance(selection, MilestoneSelection):
        return milestones_html(((r.task, r.milestone) for r in selection), caption, selection.via)
    if isinstance(selection, TargetSelection):
        return targets_html(selection, caption)
    msg = f"no HTML view for {type(selection).__name__}"
    raise TypeError(msg)
