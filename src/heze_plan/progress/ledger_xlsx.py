"""The ledger as an Excel/WPS workbook (.xlsx): a template to fill in, and reading one back.

The workbook has two sheets. ``填报说明`` says in Chinese what to fill in and
which words and dates are understood; ``台账`` holds one row per milestone,
per task without milestone, per target and per safeguard deadline. The
plan's columns (task number, milestone, title, due date, …) are locked and
grey, under sheet protection without a password (it guards against slips,
not people); the columns a unit fills in are unlocked, with a drop-down list
of the four statuses and date cells formatted as dates. The header row is
frozen and the task text wraps.

Reading uses openpyxl's read-only mode (values, not styles), so a large
workbook streams. Cells are located as a spreadsheet shows them:
``台账!J7``.

openpyxl is imported when a workbook is written or read (it is an optional
dependency, the ``xlsx`` extra).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from heze_plan.errors import LedgerError
from heze_plan.progress._columns import COLUMNS, FILL_COLUMNS, HEADERS, header_key

__all__ = ["SHEET", "column_letter", "keep_text", "read_workbook", "workbook"]

#: The name of the sheet that holds the rows.
SHEET = "台账"
_INSTRUCTIONS = "填报说明"
_WIDTHS = {
    "task": 8,
    "milestone": 8,
    "target": 6,
    "safeguard": 8,
    "title": 30,
    "due": 12,
    "item": 50,
    "lead_units": 20,
    "status": 10,
    "completed": 12,
    "value": 10,
    "as_of": 12,
    "unit": 20,
    "note": 30,
    "evidence": 30,
}
_DATES = ("due", "completed", "as_of")
_WRAPPED = ("title", "item", "lead_units", "note", "evidence")
_GREY = "D9D9D9"
_HEADER_FILL = "BDD7EE"
_STATUS_WORDS = ("未启动", "推进中", "已完成", "已取消")


def keep_text(cell: Any) -> None:
    """Text that starts with ``=`` stays text: openpyxl would write it as a formula (``=0``)."""
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 1-based column index: 1 is A, 27 is AA.

    >>> column_letter(1), column_letter(26), column_letter(27)
    ('A', 'Z', 'AA')
    """
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _instructions(title: str, unit: str | None, rows: int) -> list[str]:
    who = f"填报单位：{unit}" if unit else "填报单位：各牵头单位（每行填写本单位名称）"
    return [
        f"《{title}》落实情况台账",
        who,
        f"本表共 {rows} 行：每个时间节点、每项无时间节点的任务、每个量化目标、每个保障措施的时限各占一行。",
        "灰色列（任务序号、时间节点、目标、保障措施、任务名称、截止日期、内容、牵头单位）由计划生成，已锁定，请勿修改。",
        "白色列由填报单位填写：",
        "  状态：从下拉列表选择 未启动、推进中、已完成、已取消"
        "（也接受 未开始、进行中、正在推进、完成、已办结、办结、取消、不再实施）。",
        "  完成日期：状态为“已完成”时必填，如 2023-09-30、2023/9/30、2023.9.30、2023年9月30日；"
        "其他状态不填。",
        "  已取消的节点须在备注中说明原因。",
        "  目标行：填写实际值（如 27000、2.7万、85%）和数据截至日期，不填状态。",
        "  数据截至：本次填报的截至日期；同一节点可按月多次填报，报告按截至日期取最新一行。",
        "  填报单位、备注、佐证材料：如实填写。",
        "请勿增删列、勿改动表头；可直接保存为 .xlsx 返回，或另存为 CSV（UTF-8 或 GBK 均可）。",
        "检查：heze-plan ledger check 本文件.xlsx",
    ]


def workbook(
    rows: Sequence[Mapping[str, object]],
    *,
    title: str,
    unit: str | None = None,
    columns: Sequence[tuple[str, str, bool]] = COLUMNS,
) -> bytes:
    """The workbook of ``rows`` (dicts keyed by column name) as .xlsx bytes: a template or a ledger."""
    from openpyxl import Workbook  # noqa: PLC0415 - optional dependency, costly to import
    from openpyxl.styles import Alignment, Font, PatternFill, Protection  # noqa: PLC0415 - the same
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415 - the same

    book = Workbook()
    notes = book.active
    assert notes is not None  # a new workbook has its sheet
    notes.title = _INSTRUCTIONS
    for number, line in enumerate(_instructions(title, unit, len(rows)), 1):
        notes.cell(row=number, column=1, value=line).alignment = Alignment(wrap_text=True)
    notes.column_dimensions["A"].width = 120
    notes["A1"].font = Font(bold=True, size=14)

    sheet = book.create_sheet(SHEET)
    grey = PatternFill("solid", fgColor=_GREY)
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    locked, unlocked = Protection(locked=True), Protection(locked=False)
    for column, (name, zh, _) in enumerate(columns, 1):
        cell = sheet.cell(row=1, column=column, value=zh)
        cell.font, cell.fill, cell.protection = Font(bold=True), header_fill, locked
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[column_letter(column)].width = _WIDTHS.get(name, 30)
    for number, row in enumerate(rows, 2):
        for column, (name, _, _) in enumerate(columns, 1):
            value = row.get(name)
            cell = sheet.cell(row=number, column=column, value=None if value == "" else value)
            keep_text(cell)
            if name in FILL_COLUMNS:
                cell.protection = unlocked
            else:
                cell.protection, cell.fill = locked, grey
            if name in _DATES:
                cell.number_format = "yyyy-mm-dd"
            if name in _WRAPPED:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
    last = max(len(rows) + 1, 2)
    letters = {name: column_letter(i) for i, (name, _, _) in enumerate(columns, 1)}
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(_STATUS_WORDS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="warning",
        errorTitle="状态",
        error="请从列表选择：未启动、推进中、已完成、已取消",
        promptTitle="状态",
        prompt="未启动、推进中、已完成、已取消",
    )
    status.add(f"{letters['status']}2:{letters['status']}{last}")
    dates = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 2000-01-01: any real date
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="日期",
        error="请填写日期，如 2023-09-30",
    )
    for name in ("completed", "as_of"):
        dates.add(f"{letters[name]}2:{letters[name]}{last}")
    sheet.add_data_validation(status)
    sheet.add_data_validation(dates)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{column_letter(len(columns))}{last}"
    sheet.protection.sheet = True
    sheet.protection.autoFilter = False  # filtering and sorting stay allowed
    sheet.protection.sort = False
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    book.active = 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _plain(value: object) -> object:
    """A cell's value as the checker reads it: a whole float is an int, a datetime stays one."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.time):
        return value.isoformat()
    return value


def read_workbook(data: bytes, name: str) -> tuple[str, list[str], Iterator[tuple[int, list[Any]]]]:
    """The sheet holding the ledger, its header cells and its rows (1-based row number, values).

    The sheet is ``台账`` when the workbook has one, else the first sheet
    whose first row names the task column. An unreadable workbook is a
    :class:`~heze_plan.errors.LedgerError`.
    """
    from openpyxl import load_workbook  # noqa: PLC0415 - optional dependency, costly to import

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # zipfile, XML and openpyxl errors alike: the file is not a workbook
        msg = f"{name} is not a readable .xlsx workbook ({type(error).__name__}: {error})"
        raise LedgerError(msg) from None
    # 台账 first, then the others in order; each sheet is opened only when the one before is not it
    order = sorted(book.sheetnames, key=lambda title: title != SHEET)
    for sheet in (book[title] for title in order):
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, None)
        header = ["" if v is None else str(v) for v in first or ()]
        if any(HEADERS.get(header_key(h)) == "task" for h in header):
            title = sheet.title

            def body(rows: Iterator[tuple[Any, ...]] = rows) -> Iterator[tuple[int, list[Any]]]:
                for number, values in enumerate(rows, 2):
                    yield number, [_plain(v) for v in values]
                book.close()

            return title, header, body()
    book.close()
    titles = ", ".join(book.sheetnames)
    msg = f"{name}: no sheet has a 任务序号 (task) column in its first row; sheets: {titles}"
    raise LedgerError(msg)
