"""Rendering records as an aligned text table, CSV or JSON.

A Chinese character takes two columns of a terminal, a Latin letter one:
padding by ``len()`` would leave every column after a Chinese cell out of
line. :func:`display_width` counts columns the way terminals do (East Asian
Wide and Fullwidth characters count two, combining marks none), and
:func:`text_table` pads by it.

Records are mappings from column key to value; a value that is a list or
tuple is joined with :data:`LIST_SEPARATOR` (；) in the table and in CSV, and
stays a list in JSON.

Why ；, the full-width semicolon: the plan's own lists of units are written
with 、, but 、 also occurs inside the names of units
(``各县区政府、管委会``, ``市有关部门、单位``, ``水、电、气、热各专营单位``), so a cell
joined with it cannot be split back. ； occurs in no unit name, no area and no
other list value of the plan (``tests/test_common_tables.py`` checks every
list cell of the Heze export); it is what the plan itself puts between its
lists (牵头单位：…；责任单位：…) and what the feeds' descriptions use; Excel and
WPS split a column on it (数据 → 分列 → 其他：；) and, unlike an ASCII comma or
semicolon, it needs no quoting in CSV and is not a list separator of any
locale's CSV dialect; a line break inside the cell would split back too, but
breaks every line-based tool (grep, wc -l) and the aligned table. A plan's
task table read back (:mod:`heze_plan.sources.table`) splits unit cells on
； as well.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import unicodedata
from collections.abc import Mapping, Sequence

__all__ = [
    "FORMATS",
    "LIST_SEPARATOR",
    "Column",
    "display_width",
    "json_text",
    "pad",
    "render",
    "terminal_width",
    "text_table",
    "truncate",
]

#: The output formats every listing command offers.
FORMATS = ("table", "json", "csv")

#: What joins the items of a list in a table or CSV cell (see the module docs for why).
LIST_SEPARATOR = "；"

#: A column: the record key and the heading shown for it.
Column = tuple[str, str]


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes.

    >>> display_width("abc"), display_width("菏泽海关"), display_width("（一）"), display_width("e\\u0301")
    (3, 8, 6, 1)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` display columns (never cut); ``right`` aligns it right.

    >>> pad("海关", 6) + "|", pad("abc", 6) + "|", pad("12", 4, right=True) + "|"
    ('海关  |', 'abc   |', '  12|')
    """
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def _cell(value: object) -> str:
    """A value as one line of text for a table or CSV cell."""
    value = _json_value(value)  # enums and dates as their plain values
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _json_value(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _json_value(v) for k, v in value.items()}
    return value


def json_text(data: object) -> str:
    """``data`` as indented JSON with Chinese left readable; dates ISO 8601, enums by value.

    >>> print(json_text({"due": dt.date(2023, 9, 30), "unit": "菏泽海关"}))
    {
      "due": "2023-09-30",
      "unit": "菏泽海关"
    }
    """
    return json.dumps(_json_value(data), ensure_ascii=False, indent=2)


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` display columns, ending in … when cut.

    >>> truncate("市行政审批服务局", 9), truncate("abc", 3), truncate("abcdef", 4)
    ('市行政审…', 'abc', 'abc…')
    """
    if display_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        w = display_width(char)
        if used + w > width - 1:
            break
        kept.append(char)
        used += w
    return "".join(kept) + "…"


def _fit(widths: list[int], floors: list[int], limit: int) -> list[int]:
    """Column widths that fit ``limit`` columns in all (with two spaces between), the widest cut first."""
    widths = list(widths)
    while sum(widths) + 2 * (len(widths) - 1) > limit:
        shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def text_table(
    records: Sequence[Mapping[str, object]], columns: Sequence[Column], *, width: int | None = None
) -> str:
    """An aligned table with a heading row and a rule; columns two spaces apart.

    With ``width`` (a terminal's columns), the widest columns are cut, their
    cells ending in …, until the table fits; no column is cut below its
    heading or 8 columns.

    >>> print(text_table([{"n": 53, "unit": "菏泽海关"}, {"n": 8, "unit": "市行政审批服务局"}],
    ...                  [("n", "no."), ("unit", "unit")]))
    no.  unit
    ---  ----------------
    53   菏泽海关
    8    市行政审批服务局
    >>> print(text_table([{"n": 8, "unit": "市行政审批服务局"}], [("n", "no."), ("unit", "unit")], width=15))
    no.  unit
    ---  ----------
    8    市行政审…
    """
    rows = [[heading for _, heading in columns]]
    rows += [[_cell(record.get(key)) for key, _ in columns] for record in records]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(columns))]
    if width is not None:
        floors = [
            min(w, max(8, display_width(heading))) for w, (_, heading) in zip(widths, columns, strict=True)
        ]
        widths = _fit(widths, floors, width)
        rows = [[truncate(cell, w) for cell, w in zip(row, widths, strict=True)] for row in rows]
    rows.insert(1, ["-" * w for w in widths])
    lines = ["  ".join(pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def terminal_width() -> int | None:
    """The width tables should fit: ``$COLUMNS`` when set, else the terminal's, else none (a file or pipe).

    A pipe into ``less -S`` or a file keeps whole cells unless ``COLUMNS`` is set.
    """
    import os  # noqa: PLC0415 - only the table commands ask
    import sys  # noqa: PLC0415 - only the table commands ask

    given = os.environ.get("COLUMNS", "").strip()
    if given.isdigit() and int(given) > 0:
        return int(given)
    stream = sys.stdout
    try:
        if stream is not None and stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return None
    return None


def render(
    records: Sequence[Mapping[str, object]], columns: Sequence[Column], fmt: str, *, width: int | None = None
) -> str:
    """``records`` as ``table``, ``csv`` (heading row of keys) or ``json`` (a list of objects).

    JSON keeps every key of the records, not only the table's columns, so a
    script gets the whole answer. ``width`` fits the table to that many columns.

    >>> records = [{"n": 1, "units": ["市商务局", "菏泽海关"]}]
    >>> print(render(records, [("n", "no."), ("units", "units")], "csv"))
    n,units
    1,市商务局；菏泽海关
    """
    if fmt == "table":
        return text_table(records, columns, width=width)
    if fmt == "json":
        return json_text(list(records))
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([key for key, _ in columns])
        writer.writerows([_cell(record.get(key)) for key, _ in columns] for record in records)
        return out.getvalue().rstrip("\n")
    msg = f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}"
    raise ValueError(msg)
