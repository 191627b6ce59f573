"""Reading a plan from a file as it is published: the file's text (:mod:`heze_plan.sources`), then the parser.

It puts together two stages that do not know each other: the readers turn
a ``.txt``, ``.pdf``, ``.docx``, ``.html``, ``.xlsx`` or ``.csv`` file (and, through
LibreOffice, a ``.doc``, ``.rtf``, ``.odt``, ``.xls`` or ``.ods`` one) into text,
and :func:`heze_plan.parsing.parser.parse` reads the text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from heze_plan.model.plan import Erratum, Plan, Unit
from heze_plan.parsing import parse
from heze_plan.sources import read_text

__all__ = ["read", "read_text"]


def read(
    path: str | Path,
    *,
    year: int | None = None,
    strict: bool = True,
    errata: Iterable[Erratum] = (),
    registry: str | os.PathLike[str] | Iterable[Unit] | Mapping[str, Unit] | None = None,
) -> Plan:
    """The plan in a file, read by the file's suffix and parsed (:func:`heze_plan.parsing.parser.parse`).

    ``year``, ``strict``, ``errata`` and ``registry`` are :func:`~heze_plan.parsing.parser.parse`'s. A file
    that cannot be read raises :class:`~heze_plan.errors.SourceError` naming
    it; a missing optional extra, :class:`~heze_plan.errors.ExtraMissingError`
    naming the extra. A :class:`~heze_plan.errors.ParseError` counts its lines
    in the text :func:`heze_plan.sources.read_text` returns for the file.

    >>> import heze_plan
    >>> from heze_plan.data import SOURCE
    >>> from pathlib import Path
    >>> plan = heze_plan.read(Path(heze_plan.data.__file__).parent / SOURCE)
    >>> len(plan.tasks), plan.document.number
    (195, '菏政发〔2023〕11号')
    """
    return parse(read_text(path), year=year, strict=strict, errata=errata, registry=registry)
