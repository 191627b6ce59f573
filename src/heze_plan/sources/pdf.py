"""PDF (``.pdf``): the text layer, as paragraphs, without the page furniture.

Read with pypdf's layout extraction, which keeps each line's indent and
length; it extracts CJK text from both embedded TrueType subsets (what
LibreOffice and Word write) and the standard CID fonts such as
STSong-Light, where pdfminer.six drops characters (·). Then:

* running headers and footers go: the first or last line of a page that
  is a page number (``— 3 —``, ``- 3 -``, ``第3页``, ``3/12``, ``3``) or that
  repeats, digits aside, on at least half of the pages;
* lines become paragraphs again: a paragraph starts after a blank line, at a
  line indented past the page's left edge or opening a numbered item
  (1.…, （一）…), or after a line that stops well short of the right edge; a
  line that runs to the right edge continues on the next line, across a
  page break too;
* spaces the layout put between Chinese characters go.

A plan published as a ruled task table (附件：重点任务分工表, one row a task)
comes out of a text layer as cells interleaved line by line. When a line of
the text layer holds a task table's header names (序号 … 牵头单位 …), the
pages from there are read with pdfplumber, which finds the table's ruling:
the rows of every task table (a table continued on the next pages with as
many columns, its header repeated or not) read as tasks
(:func:`heze_plan.sources.table.table_text`), the text above the first and
below the last as the rest of the document. Inside a cell, a line wrapped
by the page joins up again, except after a unit's name (…局, …政府): units
stand one to a line. A cell merged down over several rows (one lead unit
for three tasks) gives its text to each of them.

A PDF without a text layer (a scan) has nothing to read: that is an error
that says so, not an empty plan.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

from heze_plan.data.vocabulary import header_key, vocabulary
from heze_plan.errors import SourceError
from heze_plan.sources._shared import Source, paragraphs_text, require
from heze_plan.sources.table import table_text

__all__ = ["SUFFIXES", "read"]

SUFFIXES = (".pdf",)

_PAGE_NUMBER = re.compile(
    r"^(?:[—–\-－‒―_~·•\s]*\d{1,4}[—–\-－‒―_~·•\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_BLANKS = re.compile(r"\s+")


def _pages(path: Path, data: bytes) -> list[list[str]]:
    pypdf = require("pypdf", "pdf", "pypdf", path)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged file is our error, not pypdf's log
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = []
        for page in reader.pages:
            pages.append(page.extract_text(extraction_mode="layout").split("\n"))
    except SourceError:
        raise
    except Exception as error:  # pypdf raises many types on damaged files
        raise SourceError(path, f"not a readable PDF (damaged or cut short): {error}") from None
    return _in_reading_order(data, pages)


def _in_reading_order(data: bytes, pages: list[list[str]]) -> list[list[str]]:
    """The layout's lines with their characters in the order pdfplumber reads them, where the two agree
    on a line's characters but not on their order.

    LibreOffice writes a line that mixes fonts (Chinese text, and quotation marks or Latin letters in a
    Western font) as the marks first, then the Chinese text with gaps for them; pypdf puts the marks at
    one end of the line (``做好 十四五 规划…“ ”``), pdfminer where they stand (``做好“十四五”规划…``). The
    layout (indents, line lengths) stays pypdf's; a line whose characters pdfminer does not all find (a
    standard CID font) stays as pypdf read it.
    """
    try:
        pdfplumber = importlib.import_module("pdfplumber")
    except ImportError:
        return pages
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            read = [[str(line["text"]) for line in page.extract_text_lines()] for page in pdf.pages]
    except Exception:  # pdfminer fails on some files pypdf reads: keep pypdf's order
        return pages
    ordered: list[list[str]] = []
    for lines, other in zip(pages, read, strict=False):
        chars = {"".join(sorted(_BLANKS.sub("", line))): _BLANKS.sub("", line) for line in other}
        page = []
        for line in lines:
            found = chars.get("".join(sorted(_BLANKS.sub("", line))))
            if found is not None and found != _BLANKS.sub("", line):
                letters = iter(found)
                page.append("".join(c if c.isspace() else next(letters) for c in line))
            else:
                page.append(line)
        ordered.append(page)
    return ordered + pages[len(ordered) :]


def _key(line: str) -> str:
    return _DIGITS.sub("0", _BLANKS.sub("", line))


def _strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Each page's lines without its running header, footer and page number."""
    bodies = [[line.rstrip() for line in page] for page in pages]
    for body in bodies:
        while body and not body[0].strip():
            body.pop(0)
        while body and not body[-1].strip():
            body.pop()
    tops = Counter(_key(b[0]) for b in bodies if b)
    bottoms = Counter(_key(b[-1]) for b in bodies if b)
    repeated = max(2, (len(bodies) + 1) // 2)
    for body in bodies:
        for edge, counts in ((0, tops), (-1, bottoms)):
            # Up to two lines at each edge: a header line and a page number under it.
            for _ in range(2):
                if not body:
                    break
                line = body[edge].strip()
                if _PAGE_NUMBER.match(line) or (counts[_key(line)] >= repeated and len(bodies) > 1):
                    body.pop(edge)
                    while body and not body[edge].strip():
                        body.pop(edge)
                else:
                    break
    return bodies


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


#: A line that opens a numbered item (1.…, （一）…, 一、…) starts a paragraph whatever the line before it
#: (佳木斯 2018: a page that ends with the heading (一)实施最严格水资源管理。, full length for that page
#: of short lines, and the next that opens with 1.控制用水总量); 1.5% continues a line.
_ITEM_START = re.compile(
    r"\s*(?:\d{1,3}[.．、](?![\d%])|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
)


def _paragraphs(bodies: list[list[str]]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    previous_short = True
    for body in bodies:
        filled = [line for line in body if line.strip()]
        if not filled:
            continue
        left = min(_indent(line) for line in filled)
        # A full line's length: the commonest of the page (most lines of a body run to the right edge).
        full = Counter(len(line) for line in filled).most_common(1)[0][0]
        for line in body:
            if not line.strip():
                if current:
                    paragraphs.append("".join(current))
                    current = []
                previous_short = True
                continue
            starts = _indent(line) > left + 1 or previous_short or bool(_ITEM_START.match(line))
            if starts and current:
                paragraphs.append("".join(current))
                current = []
            current.append(line.strip())
            previous_short = len(line) < full - 3
    if current:
        paragraphs.append("".join(current))
    return paragraphs


def read(path: Path, data: bytes) -> Source:
    """The text of a PDF's text layer, one paragraph a line (see the module docs)."""
    pages = _pages(path, data)
    if not any(line.strip() for page in pages for line in page):
        msg = (
            f"no text layer in its {len(pages)} page(s): a scanned PDF must be run through OCR first"
            if pages
            else "the PDF has no pages"
        )
        raise SourceError(path, msg)
    first = next((index for index, page in enumerate(pages) if any(map(_is_header_line, page))), None)
    if first is not None:
        tabled = _with_tables(path, data, pages, first)
        if tabled is not None:
            return tabled
    text = paragraphs_text(_paragraphs(_strip_furniture(pages)), layout_spaces=True)
    reading = f"a PDF: the text layer of its {len(pages)} page(s), page numbers and running headers removed"
    if first is not None:
        missing = importlib.util.find_spec("pdfplumber") is None
        why = "pdfplumber is not installed" if missing else "none is ruled"
        reading += f"; a task table's header was seen, but no table was read by its ruling lines ({why})"
    return Source(text, reading)


#: The header names of a task table's owner columns, and of its number and task columns.
_OWNER_ROLES = frozenset({"lead", "shared"})
_ROW_ROLES = frozenset({"number", "task"})


def _is_header_line(line: str) -> bool:
    """A line of the text layer that holds a task table's header: an owner column's name and a number
    or task column's, with nothing but other header names around them (序号 重点任务 牵头单位 …)."""
    key = header_key(line)
    if not 4 <= len(key) <= 60 or ("单位" not in key and "部门" not in key and "牵头" not in key):
        return False
    words = vocabulary()
    names = words.header_names(key)
    if names is None:
        # a header with a column of its own name (序号 具体工作任务和要求 责任领导 责任单位 落实情况): it
        # opens with a number column's name and holds an owner column's, as no sentence does
        number = next((n for n in words.names("number") if key.startswith(n)), None)
        owners = (*words.names("lead"), *words.names("shared"))
        return number is not None and len(key) <= 40 and any(name in key for name in owners)
    roles = {words.role(name) for name in names}
    return bool(roles & _OWNER_ROLES) and bool(roles & _ROW_ROLES)


#: How a unit's name or a list of units ends (…局, …政府, 市有关部门、单位): a line break after it parts
#: two units; any other line break in a cell is the page wrapping the text.
_UNIT_END = re.compile(
    r"(?:局|委|办|厅|院|署|政府|管委会|中心|公司|集团|队|所|站|部|行|处|室|会|单位|部门|机构|街道|乡镇|办事处)$"
)


#: A head office wrapped before its branch (国家金融监督管理总局 / 菏泽监管分局) is one unit's name.
_HEAD_OFFICE = re.compile(r"总(?:局|公司|队|行)$")
_BRANCH = re.compile(r"(?:分局|分公司|支队|大队|分行|支行)$")


def _ends_a_unit(line: str, following: str) -> bool:
    """Whether a full line of a cell ends one unit's name, so that the next line starts another."""
    if _HEAD_OFFICE.search(line) and _BRANCH.search(following):
        return False
    return _UNIT_END.search(line) is not None


def _continued(before: str | None, after: str | None) -> str | None:
    """A cell that a page break cut, joined up: on a new line only where a unit's name ended."""
    if not after:
        return before
    if not before:
        return after
    last, first = before.rsplit("\n", 1)[-1], after.split("\n", 1)[0]
    return before + ("\n" if _ends_a_unit(last, first) else "") + after


def _cell(value: str | None) -> str:
    """A cell's text as ``_cell_texts`` gives it (line breaks where the text broke), stripped."""
    return "\n".join(line.strip() for line in (value or "").split("\n") if line.strip())


_Line = tuple[str, float, float, float]  # a line of a cell: its text, left and right edges, characters' size


def _lines(chars: list[dict[str, Any]]) -> list[_Line]:
    """Characters grouped into lines (tops within half a character), each read left to right."""
    groups: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if groups and char["top"] - groups[-1][0]["top"] <= groups[-1][0]["size"] / 2:
            groups[-1].append(char)
        else:
            groups.append([char])
    lines: list[_Line] = []
    for group in groups:
        group.sort(key=lambda c: c["x0"])
        # a gap of a space or more between two characters is a space the cell holds (县教体局 各相关乡镇政府)
        text = "".join(
            (" " if i and c["x0"] - group[i - 1]["x1"] > c["size"] / 4 and c["text"].strip() else "")
            + c["text"]
            for i, c in enumerate(group)
        )
        lines.append((text, group[0]["x0"], group[-1]["x1"], group[0]["size"]))
    return lines


def _inside(char: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    """Whether a character stands inside a cell's box (a point of slack on every side)."""
    x0, top, x1, bottom = bbox
    return bool(
        x0 - 1 <= char["x0"]
        and char["x1"] <= x1 + 1
        and top - 1 <= char["top"]
        and char["bottom"] <= bottom + 1
    )


def _cell_texts(table: Any, page: Any) -> list[list[str | None]]:
    """A table's rows of cell texts: ``None`` for a cell covered by a merged one, and a line break only
    where the text broke, not where the cell's width wrapped it.

    A line that runs to within two characters of where the cell's text ends
    on the right (its right edge less the margin its text keeps on the left)
    was wrapped and joins the next, unless it ends a unit's name (…局,
    …政府): units stand one to a line; a shorter line ends there.
    """
    chars = [c for c in page.chars if c.get("upright", True) and c["text"].strip()]
    rows: list[list[str | None]] = []
    for row in table.rows:
        texts: list[str | None] = []
        for bbox in row.cells:
            if bbox is None:
                texts.append(None)
                continue
            lines = _lines([c for c in chars if _inside(c, bbox)])
            margin = min((line[1] for line in lines), default=bbox[0]) - bbox[0]
            text = ""
            for index, (line, _, edge, size) in enumerate(lines):
                text += line
                if index + 1 < len(lines):
                    full = bbox[2] - margin - edge < 2 * size
                    text += "" if full and not _ends_a_unit(line, lines[index + 1][0]) else "\n"
            texts.append(text)
        rows.append(texts)
    return rows


def _is_header_row(row: list[str | None]) -> bool:
    """A row holding an owner column's header name (牵头单位, 责任单位…)."""
    words = vocabulary()
    return any(words.role(_cell(value)) in _OWNER_ROLES for value in row)


def _table_rows(tables: list[list[list[str | None]]]) -> list[list[str]]:
    """The rows of the task tables: the first with a header, then those that continue it.

    The first row of a table that continues another (on the next page, under
    its repeated header) with an empty number cell is the rest of the row the
    page cut: its cells join that row's. A cell that pdfplumber gives as
    ``None`` is covered by a cell merged from above (one lead unit for three
    tasks): outside the number and task columns, it takes that cell's text.
    A row of one cell merged across (an area's title) stays as it is.
    """
    raw_rows: list[list[str | None]] = []
    roles: list[str | None] = []
    words = vocabulary()
    for table in tables:
        if not table:
            continue
        if not roles:
            header = next((row for row in table[:3] if _is_header_row(row)), None)
            if header is None:
                continue
            roles = [words.role(_cell(c)) for c in header]
            raw_rows.append(header)
        elif len(table[0]) != len(roles):
            continue
        body = [row for row in table if not _is_header_row(row)]
        number = roles.index("number") if "number" in roles else None
        if len(raw_rows) > 1 and body and number is not None and body[0][number] == "" and any(body[0]):
            raw_rows[-1] = [_continued(old, new) for old, new in zip(raw_rows[-1], body[0], strict=False)]
            body = body[1:]
        raw_rows += body
    rows: list[list[str]] = []
    for raw in raw_rows:
        row = [_cell(value) for value in raw]
        merged_across = all(value is None for value in raw[1:])
        if rows and not merged_across:
            for index, value in enumerate(raw):
                if value is None and roles[index] not in _ROW_ROLES and index < len(rows[-1]):
                    row[index] = rows[-1][index]
        rows.append(row)
    return rows


def _text_of(region: Any) -> list[str]:
    """The lines of text in a region of a page (above or below the task table), page numbers left out."""
    lines = str(region.extract_text() or "").split("\n")
    return [line for line in lines if line.strip() and not _PAGE_NUMBER.match(line.strip())]


def _with_tables(path: Path, data: bytes, pages: list[list[str]], first: int) -> Source | None:
    """The document read with its task tables as tables (see the module docs), or None when pdfplumber
    is not installed or finds no ruled task table."""
    try:
        pdfplumber = importlib.import_module("pdfplumber")
    except ImportError:
        return None
    tables: list[list[list[str | None]]] = []
    above: list[str] = []
    below: list[str] = []
    last = first
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index in range(first, len(pdf.pages)):
                page = pdf.pages[index]
                found = sorted(page.find_tables(), key=lambda table: table.bbox[1])
                if not found:
                    if tables:
                        break
                    continue
                if not tables:
                    top = found[0].bbox[1]
                    above = _text_of(page.within_bbox((0, 0, page.width, top)))
                tables += [_cell_texts(table, page) for table in found]
                last = index
                bottom = found[-1].bbox[3]
                below = _text_of(page.within_bbox((0, bottom, page.width, page.height)))
    except Exception as error:  # pdfminer raises many types on damaged files
        raise SourceError(path, f"not a readable PDF (damaged or cut short): {error}") from None
    rows = _table_rows(tables)
    tasks = table_text(rows, str(path), section=False) if rows else None
    if tasks is None:
        return None
    before = _paragraphs(_strip_furniture(pages[:first])) if first else []
    after = _paragraphs(_strip_furniture(pages[last + 1 :])) if last + 1 < len(pages) else []
    head = paragraphs_text(before + above, layout_spaces=True)
    tail = paragraphs_text(below + after, layout_spaces=True)
    text = "\n\n".join(part.strip("\n") for part in (head, tasks, tail) if part.strip()) + "\n"
    where = f"page {first + 1}" if last == first else f"pages {first + 1}–{last + 1}"
    reading = (
        f"a PDF: its task table ({len(rows)} rows on {where}) read cell by cell from the table's ruling "
        f"lines (pdfplumber), the other text from the text layer of its {len(pages)} page(s)"
    )
    return Source(text, reading)
