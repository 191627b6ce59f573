"""Web pages (``.html``, ``.htm``): the article a government page publishes, not the page around it.

Read with lxml. The charset is the page's ``<meta charset>`` (often GB2312
or GBK on government sites), else UTF-8, else GB18030. Scripts, styles,
forms and ``<nav>``, ``<header>``, ``<footer>``, ``<aside>`` go first, and so do
elements named as furniture (class or id ``footer``, ``nav``, ``menu``,
``breadcrumb``, ``sidebar``, ``copyright``, …) that hold less than 30% of the
page's text; the
article is then the element whose paragraphs hold the most text outside
links (each ``<p>`` or run of text between ``<br>`` counts for its parent, half
for its grandparent, readability's rule; text in a table counts for the
table, so a plan published as a task table is read whole, not its longest
row), so breadcrumbs, menus, sidebars
and footers of links are left out. Inside it each ``<p>``, ``<div>``,
heading, list item and ``<br>`` ends a paragraph; a task table
(:mod:`heze_plan.sources.table`) reads as tasks, any other table row by row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from heze_plan.data.vocabulary import vocabulary
from heze_plan.errors import SourceError
from heze_plan.sources._shared import Source, decode, paragraphs_text, require
from heze_plan.sources.table import table_text

__all__ = ["SUFFIXES", "read"]

SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_DROPPED = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "form",
    "select",
    "button",
    "nav",
    "header",
    "footer",
    "aside",
    "svg",
    "object",
    "embed",
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "center",
        "table",
        "tr",
        "tbody",
        "thead",
        "body",
        "td",
        "th",
    }
)
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
#: Class and id words of a page's furniture (readability's negative names).
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:foot|footer|copyright|nav|navbar|menu|crumbs?|breadcrumbs?|sidebar|side|banner"
    r"|share|toolbar|friendlinks?|position|location|weizhi|dqwz|bottom)(?:$|[\s_\d-])",
    re.IGNORECASE,
)
#: The parts of a table, whose text counts for the table as a whole when the article is sought.
_TABLE_PARTS = frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"})
#: An article holds at least this many Chinese characters outside links.
_MINIMUM = 40


def _chinese(text: str) -> int:
    return len(_CHINESE.findall(text))


def _own_text(element: Any) -> str:
    """The text directly inside an element (between its children), as a page with <br> holds it."""
    parts = [element.text or ""]
    parts += [child.tail or "" for child in element]
    return "".join(parts)


def _is_task_table(table: Any) -> bool:
    """Whether a table's first rows hold a task table's header (牵头单位, 责任单位… in a cell)."""
    for row in list(table.iter("tr"))[:5]:
        roles = {vocabulary().role(cell.text_content()) for cell in row.iter("td", "th")}
        if roles & {"lead", "shared"}:
            return True
    return False


def _task_table_of(part: Any, tables: dict[Any, bool]) -> Any:
    """The task table a row or cell belongs to, whose text counts for the table, not for its longest
    row or cell; a table that lays out a page (the article in one cell) leaves the part its own score.
    ``tables`` remembers which tables are task tables."""
    table = next(part.iterancestors("table"), None)
    if table is None:
        return part
    if table not in tables:
        tables[table] = _is_task_table(table)
    return table if tables[table] else part


def _article(root: Any) -> tuple[Any, float]:
    scores: dict[Any, float] = defaultdict(float)
    tables: dict[Any, bool] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "p":
            text = element.text_content()
            links = sum(len(a.text_content()) for a in element.iter("a"))
            weight = _chinese(text) * (1 - links / max(len(text), 1))
        elif element.tag in _BLOCKS:
            weight = _chinese(_own_text(element))
        else:
            continue
        if weight <= 0:
            continue
        target = element if element.tag != "p" else element.getparent()
        if target is None:
            continue
        if target.tag in _TABLE_PARTS:
            target = _task_table_of(target, tables)
        scores[target] += weight
        grandparent = target.getparent()
        if grandparent is not None:
            scores[grandparent] += weight / 2
    if not scores:
        return root, 0.0
    best = max(scores, key=scores.__getitem__)
    score = scores[best]
    if best.tag == "table" and best.getparent() is not None:
        # the table's container holds its title (<h1>…2022年…任务分工表</h1>) and notes around it
        best = best.getparent()
    return best, score


def _cell_text(cell: Any) -> str:
    """A table cell's text with a line break for each ``<br>`` and paragraph: units one to a line."""
    for inner in cell.iter("br", "p", "div"):
        if inner is not cell:
            inner.tail = "\n" + (inner.tail or "")
    return str(cell.text_content())


def _span(cell: Any, name: str) -> int:
    value = str(cell.get(name) or "1").strip()
    return min(int(value), 1000) if value.isdigit() and int(value) > 0 else 1


def _grid(table: Any) -> list[list[str]]:
    """A table's rows, each cell in its column: a cell merged down (``rowspan``) gives its text to each
    row it spans, as a merged cell of a workbook or a Word table does (one lead unit for three tasks);
    a cell merged across (``colspan``) stands in its first column, the others left empty."""
    rows: list[list[str]] = []
    below: dict[int, tuple[int, str]] = {}  # column -> (rows still covered, text) of cells merged down
    for row in table.iter("tr"):
        cells: list[str] = []
        for cell in row.iter("td", "th"):
            while len(cells) in below:
                cells.append(below[len(cells)][1])
            text = _cell_text(cell)
            down, across = _span(cell, "rowspan"), _span(cell, "colspan")
            for offset in range(across):
                if down > 1:
                    below[len(cells)] = (down, text if offset == 0 else "")
                cells.append(text if offset == 0 else "")
        while len(cells) in below:
            cells.append(below[len(cells)][1])
        below = {column: (left - 1, text) for column, (left, text) in below.items() if left > 1}
        rows.append(cells)
    return rows


def _paragraphs(element: Any, path: Path, out: list[str], task_tables: list[int]) -> None:
    """The element's text with a paragraph break at each block and <br>, in document order.

    A task table is read by its header (:func:`~heze_plan.sources.table.table_text`); the number of
    rows of each is added to ``task_tables``."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "table":
        rows = _grid(element)
        tasks = table_text(rows, str(path), section=False)
        if tasks is not None:
            task_tables.append(len(rows))
            out.extend(tasks.split("\n\n"))
        else:
            out.extend(" | ".join(cell.strip() for cell in row if cell.strip()) for row in rows)
            out.append("")
        return
    if tag in _BLOCKS:
        out.append("")
    if tag == "br":
        out.append("")
    elif element.text and tag:
        out[-1] += element.text
    for child in element:
        _paragraphs(child, path, out, task_tables)
        if child.tail:
            out[-1] += child.tail
    if tag in _BLOCKS:
        out.append("")


def read(path: Path, data: bytes) -> Source:
    """The article of a web page as plan text, one paragraph a line (see the module docs)."""
    lxml_html = require("lxml.html", "html", "lxml", path)
    declared = _CHARSET.search(data[:4096])
    text = decode(data, path, declared=declared.group(1).decode("ascii").lower() if declared else None)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml_html.document_fromstring(text)
    except Exception as error:  # lxml raises ParserError on a page with no elements
        raise SourceError(path, f"not a readable HTML page: {error}") from None
    for element in list(root.iter(*_DROPPED)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    total = _chinese(root.text_content())
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        # Furniture by its name, unless it holds most of the page (an article inside a "main-side" div).
        if _FURNITURE.search(names) and _chinese(element.text_content()) < 0.3 * total:
            element.drop_tree()
    article, score = _article(root)
    if score < _MINIMUM:
        msg = (
            f"no article text: the page holds no paragraphs of Chinese text outside links, navigation "
            f"and scripts (the longest holds {int(score)} characters; a plan holds hundreds)"
        )
        raise SourceError(path, msg)
    out = [""]
    task_tables: list[int] = []
    _paragraphs(article, path, out, task_tables)
    lines = [re.sub(r"[ \t\r\n\u00a0]+", " ", line) for line in out]
    kept = _chinese(article.text_content())
    reading = (
        f"a web page: its article, {kept} of the page's {total} Chinese characters "
        "(navigation, links and scripts left out)"
    )
    if task_tables:
        reading += (
            f"; {len(task_tables)} task table(s) read row by row by their header ({sum(task_tables)} rows)"
        )
    return Source(paragraphs_text(lines), reading)
