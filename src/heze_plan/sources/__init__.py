"""Plan files as they are published, read into the text the parser reads.

One module per format, each a ``read(path, data) -> Source`` (the text, and how it was read) and the
``SUFFIXES`` it reads: :mod:`~heze_plan.sources.text` (``.txt``: UTF-8,
UTF-16, GB18030/GBK), :mod:`~heze_plan.sources.pdf` (the text layer, page
furniture removed), :mod:`~heze_plan.sources.docx` (paragraphs and tables in
document order), :mod:`~heze_plan.sources.html` (a government web page's
article, not its navigation) and :mod:`~heze_plan.sources.table` (``.xlsx`` and
``.csv`` task tables, columns found by their header names) and
:mod:`~heze_plan.sources.office` (``.doc``, ``.rtf``, ``.odt``, ``.xls``, ``.ods``,
converted by LibreOffice when it is installed). :data:`READERS`
maps a suffix to its reader; :func:`read_source` dispatches on it, and
:func:`read_text` gives the text alone.

This stage sits beside :mod:`heze_plan.parsing` and imports nothing of it:
:func:`heze_plan.read` puts the two together. Each format's library is an
optional extra, imported only when a file of that format is read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from heze_plan.errors import SourceError
from heze_plan.sources import docx, html, office, pdf, table, text
from heze_plan.sources._shared import Source

__all__ = ["READERS", "Reader", "Source", "read_source", "read_text"]

#: A format's reader: the file's path (for messages) and bytes in, the plan's text (and how it was read) out.
Reader = Callable[[Path, bytes], Source]

#: The reader of each suffix (lower case, with its dot).
READERS: dict[str, Reader] = {
    suffix: module.read for module in (text, pdf, docx, html, table, office) for suffix in module.SUFFIXES
}


def read_text(path: str | Path) -> str:
    """The text of a plan file, by its suffix, as :func:`heze_plan.parsing.parser.parse` reads it.

    The same as :func:`read_source`'s ``text``; its errors are those of :func:`read_source`.
    """
    return read_source(path).text


def read_source(path: str | Path) -> Source:
    """A plan file read by its suffix: its text, and in one line how it was read (``inspect`` says it).

    Raises :class:`~heze_plan.errors.SourceError` naming the file for an
    unknown suffix, a file that cannot be read, a corrupt file or one with no
    text, and :class:`~heze_plan.errors.ExtraMissingError` naming the extra to
    install when the format's library is missing.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = "、".join(sorted(READERS))
        msg = f"unknown kind of file {path.suffix or '(no suffix)'!r}: a plan is read from {known}"
        raise SourceError(path, msg)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(path, f"cannot read the file: {error.strerror or error}") from None
    if not data:
        raise SourceError(path, "the file is empty")
    return reader(path, data)
