"""The progress report as an Excel workbook people forward: summary, lists, scoreboards, targets.

Sheets: 摘要 (the date, the scope and the count of each state), 已逾期 and
即将到期 (task, milestone, lead units, due date as a date cell, working days
late or left), 按领域, 按牵头单位 and 按责任单位 (the scoreboards), 量化目标
(target attainment), 保障措施义务 (one row per unit's or county's share of each
obligation of the safeguards, with its state), 义务按单位 (their scoreboard per
unit and county), 保障措施目标 (the safeguards' targets, per county where set
per county), 逐月 (with :func:`~heze_plan.progress.assessment.with_history`)
and 台账问题 (the ledger's problems, never hidden). Headers are Chinese with
English beside them, as in the HTML report. openpyxl loads when a report is
written.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from heze_plan.common.tables import LIST_SEPARATOR
from heze_plan.model.target_text import target_formula
from heze_plan.progress.assessment import ItemStatus, State, Status
from heze_plan.progress.ledger import Problem
from heze_plan.progress.ledger_xlsx import keep_text
from heze_plan.progress.report.rows import (
    SCORE_HEADER_BOTH,
    behind_first,
    obligation_when,
    target_text,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["to_xlsx"]


def _lists(items: Sequence[ItemStatus], state: State) -> list[list[object]]:
    rows: list[list[object]] = []
    for item in items:
        if item.state is not state:
            continue
        days = item.working_days_left
        rows.append(
            [
                item.task,
                item.milestone,
                f"{item.phrase}：{item.deliverable}" if item.phrase else item.deliverable,
                LIST_SEPARATOR.join(item.lead_units),
                item.due,
                None if days is None else abs(days),
                item.days_late,
            ]
        )
    return rows


def _sheet(
    book: Workbook, name: str, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[int]
) -> Worksheet:
    """A sheet of a header row and ``rows``: bold header, frozen, dates shown as dates, text wrapped."""
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415 - optional dependency, costly to import

    page: Worksheet = book.create_sheet(name)
    page.append(list(header))
    for cell in page[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        page.append(list(row))
    for column, width in enumerate(widths, 1):
        page.column_dimensions[chr(64 + column)].width = width
    for cells in page.iter_rows(min_row=2):
        for cell in cells:
            if hasattr(cell.value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
            keep_text(cell)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    page.freeze_panes = "A2"
    return page


def _summary(book: Workbook, result: Status, problems: Sequence[Problem], title: str) -> None:
    from openpyxl.styles import Font  # noqa: PLC0415 - optional dependency, costly to import

    summary = book.active
    assert summary is not None  # a new workbook has its sheet
    summary.title = "摘要"
    summary.append([f"{title} 进度台账报告" if title else "进度台账报告 Progress report"])
    summary["A1"].font = Font(bold=True, size=14)
    summary.append(["截至 as of", result.as_of])
    summary["B2"].number_format = "yyyy-mm-dd"
    summary.append(["即将到期 due soon", f"{result.within} 个工作日内 within {result.within} working days"])
    if result.unit:
        led = len({i.task for i in result.led()})
        shared = len({i.task for i in result.responsible()})
        summary.append(
            ["单位 unit", f"{result.unit}：牵头 {led} 项任务 leads，参与 {shared} 项任务 responsible"]
        )
    summary.append([])
    summary.append(["状态 state", "数量 count"])
    for state in State:
        summary.append([f"{state.label} {state.value}", result.count(state)])
    summary.append([])
    summary.append(["台账问题 ledger problems", sum(1 for p in problems if not p.warning)])
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 50


def _obligations(sheet: functools.partial[Worksheet], result: Status, order: Sequence[State]) -> None:
    """The sheets of the safeguards' obligations: each share, the scoreboard per unit, the targets."""
    shares = [
        [
            share.key,
            share.unit or share.obligation.actor_phrase,
            share.obligation.action,
            share.due or obligation_when(share),
            f"{share.state.label} {share.state.value}",
            share.entry.completed if share.entry else None,
            share.days_late,
        ]
        for share in result.obligations
    ]
    sheet(
        "保障措施义务",
        [
            "义务 obligation",
            "单位或县区 unit or county",
            "内容 duty",
            "截止或频次 due",
            "状态 state",
            "完成日期 completed",
            "逾期天数 days late",
        ],
        shares,
        [8, 24, 60, 12, 18, 12, 10],
    )
    rows = [
        [s.name, s.total, *(s.counts.get(state, 0) for state in order), s.on_time_rate]
        for s in behind_first(result.by_obligation_unit)
    ]
    page = sheet("义务按单位", ["单位或县区 unit or county", *SCORE_HEADER_BOTH[1:]], rows, [36, *([10] * 9)])
    for row in page.iter_rows(min_row=2, min_col=10, max_col=10):
        row[0].number_format = "0%"
    figures = [
        [
            f.obligation,
            f.index,
            f.unit or f.target.applies_to or "",
            f.target.subject,
            target_formula(f.target, strip=False),
            f.actual.value if f.actual else None,
            f.actual.as_of if f.actual else None,
            f"{f.attainment.label} {f.attainment.value}",
        ]
        for f in result.obligation_targets
    ]
    sheet(
        "保障措施目标",
        [
            "义务 obligation",
            "目标 target",
            "单位或县区 unit or county",
            "内容 subject",
            "要求 wanted",
            "实际值 actual",
            "截至 as of",
            "达成 attainment",
        ],
        figures,
        [8, 8, 20, 40, 14, 12, 12, 20],
    )


def to_xlsx(result: Status, problems: Sequence[Problem] = (), *, title: str = "") -> bytes:
    """The report as .xlsx bytes (see the module's list of sheets)."""
    from openpyxl import Workbook  # noqa: PLC0415 - optional dependency, costly to import

    book = Workbook()
    _summary(book, result, problems, title)
    sheet = functools.partial(_sheet, book)
    late_header = ["任务 task", "节点 milestone", "内容 deliverable", "牵头单位 lead units", "截止 due"]
    sheet(
        "已逾期",
        [*late_header, "逾期工作日 working days late", "逾期天数 days late"],
        _lists(result.items, State.OVERDUE),
        [8, 8, 60, 30, 12, 12, 12],
    )
    sheet(
        "即将到期",
        [*late_header, "剩余工作日 working days left", ""],
        [row[:6] for row in _lists(result.items, State.DUE_SOON)],
        [8, 8, 60, 30, 12, 12],
    )
    order = (
        State.DONE_ON_TIME,
        State.DONE_LATE,
        State.OVERDUE,
        State.DUE_SOON,
        State.NOT_YET_DUE,
        State.ONGOING,
        State.DROPPED,
    )
    for name, label, scores in (
        ("按领域", "领域 area", result.by_area),
        ("按牵头单位", "牵头单位 lead unit", result.by_unit),
        ("按责任单位", "责任单位 responsible unit", result.by_responsible),
    ):
        rows = [
            [s.name, s.total, *(s.counts.get(state, 0) for state in order), s.on_time_rate]
            for s in behind_first(scores)
        ]
        page = sheet(name, [label, *SCORE_HEADER_BOTH[1:]], rows, [36, *([10] * 9)])
        for row in page.iter_rows(min_row=2, min_col=10, max_col=10):
            row[0].number_format = "0%"
    targets = [
        [
            t.task,
            t.index,
            t.target.subject,
            target_text(t),
            t.actual.value if t.actual else None,
            t.actual.as_of if t.actual else None,
            f"{t.attainment.label} {t.attainment.value}",
        ]
        for t in result.targets
    ]
    sheet(
        "量化目标",
        [
            "任务 task",
            "目标 target",
            "内容 subject",
            "要求 wanted",
            "实际值 actual",
            "截至 as of",
            "达成 attainment",
        ],
        targets,
        [8, 8, 40, 20, 12, 12, 20],
    )
    if result.obligations:
        _obligations(sheet, result, order)
    if result.history:
        months = []
        for day, counts in result.history:
            count = dict(counts)
            done = count[State.DONE_ON_TIME] + count[State.DONE_LATE]
            months.append([day, done, count[State.DONE_LATE], count[State.OVERDUE], count[State.DUE_SOON]])
        sheet(
            "逐月",
            [
                "截至 as of",
                "已完成 done",
                "其中逾期完成 of which late",
                "已逾期 overdue",
                "即将到期 due soon",
            ],
            months,
            [12, 12, 14, 12, 12],
        )
    sheet(
        "台账问题",
        ["文件 file", "位置 where", "问题 problem", "警告 warning"],
        [[p.file, p.where, p.message, "是" if p.warning else ""] for p in problems],
        [40, 14, 80, 8],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
