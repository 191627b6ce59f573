"""Task tables (``.xlsx``, ``.csv``): one row a task, the columns found by their header names.

A 任务分工表 has a header row, not always the first (a title, a document
number or 附件 may stand above it), with columns such as:

========== ===========================================================
number     序号, 编号, 任务编号
task       重点任务, 工作任务, 任务内容, 具体措施, 主要任务, 工作内容, 工作措施
lead       牵头单位, 牵头部门, 主要责任单位
shared     责任单位, 责任部门, 配合单位, 配合部门, 协同单位, 参与单位
deadline   完成时限, 时间节点, 时限要求, 完成时间, 时限
area       领域, 重点领域, 类别, 任务类别, 工作领域
ignored    责任领导, 分管领导, 进展情况, 备注 (neither owners nor dates)
========== ===========================================================

(the full lists are in ``data/vocabulary.json``, shared with the tolerant
parser, which finds the same headers in a table flattened to text).

The header is the first row (of the first 30) with a task column and a lead
or shared column; a second header row right under it (责任单位 over
牵头单位 | 配合单位) refines it. Below it:

* a row whose non-empty cells all say the same (an area title merged across
  the row) is an area heading, as is a change in the area column;
* a task row becomes a task in the parser's text form,
  ``N. text（牵头单位：…；责任单位：…；完成时限：…）``, so the table reads
  exactly as a text plan does. The deadline column adds the deadlines the task
  text does not already state (a column that repeats ``6月底前`` from the text
  adds nothing); a deadline cell holding a date reads as ``2023年6月30日前``;
* a repeated header row (tables split across pages) and empty rows are skipped.

Rows above the header (the title, the document number) become the text's
front matter, followed by ``一、重点任务``. Cells merged in a workbook read
as their top-left value in every cell of the merged area (so a lead unit
merged over three tasks leads each of them); a CSV file has no merges.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from heze_plan.common.numerals import from_chinese, to_chinese
from heze_plan.data.vocabulary import COLUMN_ROLES, vocabulary
from heze_plan.errors import SourceError
from heze_plan.sources._shared import Source, decode, require

__all__ = ["HEADERS", "SUFFIXES", "read", "read_workbook", "table_text"]

SUFFIXES = (".xlsx", ".xlsm", ".csv")

#: The header names of each kind of column, spaces removed (read from ``data/vocabulary.json``,
#: which the tolerant parser reads too); an ``ignored`` column (责任领导, 进展情况) is no owner.
HEADERS: dict[str, tuple[str, ...]] = {role: vocabulary().names(role) for role in COLUMN_ROLES}
_HEADER_ROWS = 30
_BLANK = re.compile(r"[\s\u3000]+")
_NUMBER = re.compile(r"^[（(]?\s*(\d{1,4}|[一二三四五六七八九十百]+)\s*[)）.．、]?$")
_AREA_NUMBERING = re.compile(
    r"^(?:[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.．]|\d+[、.．])\s*"
)
_UNIT_BREAKS = re.compile(r"\s*(?:\n|\u3000|[ \t]{2,})\s*")
_DEADLINE_PARTS = re.compile(r"[、，,；;\n]+")
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}\s*年\s*")
#: A shared column of units that help (配合单位, 协同单位), as against those responsible (责任单位).
_COOPERATING = re.compile(r"配合|协同|协办|参与|协助")
#: A task cell's own number before its text (1.积极推进…).
_OWN_NUMBER = re.compile(r"(\d{1,3})\s*[.．、]\s*(?!\d)")
#: A chapter's number (一、): a column so numbered groups the tasks.
_CHAPTER = re.compile(r"^[一二三四五六七八九十]+[、.．]")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日前"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _role(header: str) -> str | None:
    return vocabulary().role(header)


def _header(rows: Sequence[Sequence[str]]) -> tuple[int, int, dict[int, str]] | None:
    """The header's first and last row and the role of each column, or ``None``."""
    for index, row in enumerate(rows[:_HEADER_ROWS]):
        roles = {column: role for column, cell in enumerate(row) if (role := _role(cell))}
        owner = min((c for c, role in roles.items() if role in ("lead", "shared")), default=None)
        if owner is not None and "task" not in roles.values() and roles.get(0) == "number":
            # a column of its own name between the number and the owners (具体工作任务和要求) is the task
            named = [c for c in range(1, owner) if c not in roles and row[c]]
            if len(named) == 1:
                roles[named[0]] = "task"
        if "task" in roles.values() and {"lead", "shared"} & set(roles.values()):
            below = rows[index + 1] if index + 1 < len(rows) else []
            refined = {column: role for column, cell in enumerate(below) if (role := _role(cell))}
            if refined and all(not cell or _role(cell) for cell in below):
                return index, index + 1, roles | refined
            return index, index, roles
    return None


def _number(text: str) -> int | None:
    match = _NUMBER.match(text.strip())
    if not match:
        return None
    digits = match.group(1)
    try:
        return int(digits) if digits.isdigit() else from_chinese(digits)
    except ValueError:
        return None


def _units(text: str) -> str:
    """A cell of unit names as an owner clause lists them: a line break or wide space between units is a ，.

    A ， (not a 、) keeps a collective such as 各县区政府、管委会 on its line one unit.
    """
    return _UNIT_BREAKS.sub("，", text.strip()).replace("；", "，").replace(";", "，")


def _new_deadlines(cell: str, text: str) -> list[str]:
    """The deadlines of the deadline cell that the task text does not already state."""
    said = _BLANK.sub("", text)
    new = []
    for written in _DEADLINE_PARTS.split(cell):
        part = _BLANK.sub("", written)
        if part and part not in said and _LEADING_YEAR.sub("", part) not in said:
            new.append(part)
    return new


def _task_line(
    number: int, task: str, row: Sequence[str], get: Callable[[Sequence[str], str], list[str]]
) -> str:
    """A task row in the parser's text form: ``N. text（牵头单位：…；责任单位：…；完成时限：…）``."""
    text = _BLANK.sub(" ", task.replace("\n", "")).strip()
    own = _OWN_NUMBER.match(text)
    if own and int(own[1]) == number:  # the cell repeats the task's number (1.积极推进…)
        text = text[own.end() :]
    parts = []
    if leads := get(row, "lead"):
        parts.append("牵头单位：" + "，".join(_units(u) for u in leads))
    if shared := get(row, "shared"):
        parts.append("责任单位：" + "，".join(_units(u) for u in shared))
    if cooperating := get(row, "cooperating"):
        # under its own name, so that 责任单位 beside 配合单位 reads as the principal units (临安 2022)
        parts.append("配合单位：" + "，".join(_units(u) for u in cooperating))
    if deadlines := [d for cell in get(row, "deadline") for d in _new_deadlines(cell, text)]:
        parts.append("完成时限：" + "、".join(deadlines))
    if not parts:
        return f"{number}. {text}"
    return f"{number}. {text}（{'；'.join(parts)}）"


def table_text(rows: Iterable[Sequence[object]], path: str, *, section: bool = True) -> str | None:
    """A task table's rows as plan text, or ``None`` when no row is a task-table header.

    ``section``: the table is the whole plan, so its tasks go under a section
    ``一、重点任务`` of their own; a table inside a document (Word, a web page)
    stands under the document's own headings.
    """
    cells = [[_cell(value) for value in row] for row in rows]
    found = _header(cells)
    if found is None:
        return None
    first, last, roles = found
    columns: dict[str, list[int]] = {}
    for column, role in sorted(roles.items()):
        header = cells[last][column] if column < len(cells[last]) and _role(cells[last][column]) else ""
        cooperating = role == "shared" and _COOPERATING.search(header or cells[first][column])
        columns.setdefault("cooperating" if cooperating else role, []).append(column)
    if len(columns.get("task", [])) > 1 and "area" not in columns:
        grouping = columns["task"][0]
        values = [row[grouping] for row in cells[last + 1 :] if grouping < len(row) and row[grouping]]
        if len(set(values)) < len(values) or (values and all(_CHAPTER.match(v) for v in values)):
            # the first of two task columns merged down over its tasks, or numbered as chapters
            # (一、做好财政信息公开 | 1.积极推进… | 财务科): a grouping of the tasks, read as an area
            columns["area"] = [columns["task"].pop(0)]

    def get(row: Sequence[str], role: str) -> list[str]:
        return [row[c] for c in columns.get(role, []) if c < len(row) and row[c]]

    out = [" ".join(dict.fromkeys(c for c in row if c)) for row in cells[:first]]
    out = [line for line in out if line]
    if section:
        out.append(f"{to_chinese(1)}、重点任务")
    areas = count = 0
    area_value = None
    for row in cells[last + 1 :]:
        filled = [c for c in row if c]
        if not filled or all(not c or _role(c) for c in row):  # empty, or the header again
            continue
        numbers = get(row, "number")
        number = _number(numbers[0]) if numbers else None
        if number is None and len(set(filled)) == 1:  # a title merged across the row: an area
            areas += 1
            out.append(f"（{to_chinese(areas)}）{_AREA_NUMBERING.sub('', filled[0])}")
            continue
        area = get(row, "area")
        if area and area[0] != area_value:
            area_value = area[0]
            areas += 1
            out.append(f"（{to_chinese(areas)}）{_AREA_NUMBERING.sub('', area_value)}")
        task = " ".join(get(row, "task"))
        if not task:
            continue
        count += 1
        out.append(_task_line(number if number is not None else count, task, row, get))
    if not count:
        msg = "the task table has a header but no task rows under it"
        raise SourceError(path, msg, where=f"row {last + 1}")
    return "\n\n".join(out) + "\n"


def _missing_header(path: Path, where: str | None) -> SourceError:
    msg = (
        f"no task-table header in the first {_HEADER_ROWS} rows: expected a task column "
        f"({'/'.join(HEADERS['task'][:4])}…) and an owner column "
        f"({'/'.join(HEADERS['lead'][:2] + HEADERS['shared'][:3])}…)"
    )
    return SourceError(path, msg, where=where)


def _xlsx_sheets(path: Path, data: bytes) -> list[tuple[str, list[list[object]]]]:
    openpyxl = require("openpyxl", "xlsx", "openpyxl", path)
    try:
        # Not read-only: merged areas are only known to a full workbook.
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise SourceError(path, f"not a readable .xlsx workbook: {error}") from None
    except Exception as error:  # openpyxl raises lxml's and its own errors on damaged parts
        raise SourceError(path, f"not a readable .xlsx workbook: {error}") from None
    sheets = []
    for sheet in book.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        for merged in sheet.merged_cells.ranges:
            value = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else None
            for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                for c in range(merged.min_col - 1, merged.max_col):
                    if c < len(rows[r]):
                        rows[r][c] = value
        sheets.append((sheet.title, rows))
    return sheets


def _csv_rows(path: Path, data: bytes) -> list[list[object]]:
    text = decode(data, path)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def read(path: Path, data: bytes) -> Source:
    """The plan text of a task table: the first sheet with a task-table header (see the module docs)."""
    if path.suffix.lower() == ".csv":
        rows = _csv_rows(path, data)
        result = table_text(rows, str(path))
        if result is None:
            raise _missing_header(path, None)
        return Source(
            result, f"a CSV task table of {len(rows)} rows, its columns found by their header names"
        )
    return read_workbook(path, data)


def read_workbook(path: Path, data: bytes) -> Source:
    """The plan text of the first sheet of an ``.xlsx`` workbook's bytes with a task-table header.

    ``path`` names the file in messages (a ``.xls`` converted to ``.xlsx`` keeps its own name).
    """
    sheets = _xlsx_sheets(path, data)
    for name, rows in sheets:
        result = table_text(rows, str(path))
        if result is not None:
            reading = (
                f"a workbook: the task table of sheet {name} ({len(rows)} rows), "
                "its columns found by their header names"
            )
            return Source(result, reading)
    names = "、".join(name for name, _ in sheets)
    raise _missing_header(path, f"sheet {names}" if len(sheets) == 1 else f"sheets {names}")
