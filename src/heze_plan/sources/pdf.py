"""PDF (``.pdf``): the text layer, as paragraphs, without the page furniture.

Read with pypdf's layout extraction, which keeps each line's indent and
length; it extracts CJK text from both embedded TrueType subsets (what
LibreOffice and Word write) and the standard CID fonts such as
STSong-Light, where pdfminer.six drops characters (·). Then:

* running headers and footers go: the first or last line of a page that
  is a page number (``— 3 —``, ``- 3 -``, ``第3页``, ``3/12``, ``3``) or that
  repeats, digits aside, on at least half of the pages;
* lines become paragraphs again: a paragraph starts after a blank line, at a
  line indented past the page's left edge, or after a line that stops well
  short of the right edge; a line that runs to the right edge continues on
  the next line, across a page break too;
* spaces the layout put between Chinese characters go.

A PDF without a text layer (a scan) has nothing to read: that is an error
that says so, not an empty plan.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from pathlib import Path

from heze_plan.errors import SourceError
from heze_plan.sources._shared import paragraphs_text, require

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
    return pages


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
            starts = _indent(line) > left + 1 or previous_short
            if starts and current:
                paragraphs.append("".join(current))
                current = []
            current.append(line.strip())
            previous_short = len(line) < full - 3
    if current:
        paragraphs.append("".join(current))
    return paragraphs


def read(path: Path, data: bytes) -> str:
    """The text of a PDF's text layer, one paragraph a line (see the module docs)."""
    pages = _pages(path, data)
    if not any(line.strip() for page in pages for line in page):
        msg = (
            f"no text layer in its {len(pages)} page(s): a scanned PDF must be run through OCR first"
            if pages
            else "the PDF has no pages"
        )
        raise SourceError(path, msg)
    return paragraphs_text(_paragraphs(_strip_furniture(pages)), layout_spaces=True)
