"""Word documents (``.docx``): the body's paragraphs and tables in document order.

Read with python-docx. Headers, footers and page numbers are not part of the
body and so are not read. Numbers that Word draws from a list (automatic
numbering: 一、 （一） 1.) are put back in front of their paragraphs
(``heze_plan.sources._docx_numbering``), since the parser finds the
tasks by them. A line break inside a paragraph (Shift+Enter)
starts a new line. A table is read as a task table when its header names
its columns (:mod:`heze_plan.sources.table`); any other table is read row by
row, its cells separated by a vertical bar (a merged cell once).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from heze_plan.errors import SourceError
from heze_plan.sources._docx_numbering import Numbering
from heze_plan.sources._shared import Source, paragraphs_text, require
from heze_plan.sources.table import table_text

__all__ = ["SUFFIXES", "read"]

SUFFIXES = (".docx", ".docm")


def _table(table: Any, path: Path) -> list[str]:
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    tasks = table_text(rows, str(path), section=False)
    if tasks is not None:
        return tasks.split("\n\n")
    return [" | ".join(dict.fromkeys(cell for cell in row if cell.strip())) for row in rows]


def _part_element(document: Any, kind: str) -> Any:
    """The root XML element of the document's numbering or styles part, or None where it has none.

    Looked up among the document's relationships rather than through python-docx's
    ``numbering_part``, which adds an empty part when there is none.
    """
    for relationship in document.part.rels.values():
        if not relationship.is_external and relationship.reltype.endswith(f"/{kind}"):
            return getattr(relationship.target_part, "element", None)
    return None


def read(path: Path, data: bytes) -> Source:
    """The text of a Word document, one paragraph a line (see the module docs)."""
    document_module = require("docx", "docx", "python-docx", path)
    try:
        document = document_module.Document(io.BytesIO(data))
        numbering = Numbering(_part_element(document, "numbering"), _part_element(document, "styles"))
        paragraphs: list[str] = []
        for block in document.iter_inner_content():
            if hasattr(block, "rows"):
                paragraphs.extend(_table(block, path))
            else:
                paragraphs.extend((numbering.label(block._p) + block.text).split("\n"))
    except SourceError:
        raise
    except Exception as error:  # python-docx raises zip, XML and its own errors on damaged files
        raise SourceError(path, f"not a readable .docx document: {error or type(error).__name__}") from None
    text = paragraphs_text(paragraphs)
    if not text:
        raise SourceError(path, "the document has no text: no paragraph or table holds any")
    return Source(text, "a Word document: its paragraphs and tables in document order, with list numbers")
