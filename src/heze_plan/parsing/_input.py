"""What the parser accepts as text, and errata applied with a map back to the lines as given.

A plan arrives as a file someone extracted from a PDF, so it may be
anything: the wrong file (binary data, NUL bytes), a file in another
encoding decoded with replacement characters (U+FFFD), Windows line ends, a
form feed at each page break. :func:`check_text` refuses what is not text
with a :class:`~heze_plan.errors.ParseError` that says where, and
normalises the harmless rest without changing any line or column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from heze_plan.model.plan import Erratum
from heze_plan.parsing.errata import ErrataError, apply_errata
from heze_plan.parsing.findings import ParseError, ParseFinding

__all__ = ["apply_errata_mapped", "check_text", "position"]

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def position(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of ``text[index]``.

    >>> position("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8-sig", errors="replace")
        line, column = position(good, len(good))
        raise ParseError(
            "the input is not UTF-8 text",
            line,
            column,
            expected="UTF-8 text",
            found=f"the byte 0x{data[error.start]:02x}",
        ) from None


def check_text(text: str | bytes, *, strict: bool, findings: list[ParseFinding]) -> str:
    """The text to parse, or a :class:`ParseError` when it is not text or is empty.

    Line ends become ``\\n``, a leading byte-order mark is dropped, form
    feeds and vertical tabs (page breaks) become spaces. A replacement
    character (U+FFFD, left by decoding something that was not UTF-8) is an
    error in a strict parse and a finding in a lenient one.
    """
    if isinstance(text, (bytes, bytearray)):
        text = _decode(bytes(text))
    if not isinstance(text, str):
        msg = f"parse() takes the plan's text as str or bytes, got {type(text).__name__}"
        raise TypeError(msg)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control is not None:
        line, column = position(text, control.start())
        raise ParseError(
            "the input is binary, not text",
            line,
            column,
            expected="text",
            found=f"the control character U+{ord(control.group()):04X}",
        )
    if not text.strip():
        raise ParseError("the text is empty", expected="the text of a plan", found="only blank space")
    replacement = text.find("\ufffd")
    if replacement != -1:
        line, column = position(text, replacement)
        error = ParseError(
            "the text holds U+FFFD replacement characters: it was decoded from something that is not UTF-8",
            line,
            column,
            expected="text decoded correctly",
            found=f"{text.count(chr(0xFFFD))} replacement characters",
        )
        if strict:
            raise error
        findings.append(ParseFinding.from_error(error, "kept"))
    # str.replace scans in C; str.translate looks up every character of the text in a table
    return text.replace("\f", " ").replace("\v", " ")


def apply_errata_mapped(text: str, errata: Iterable[Erratum]) -> tuple[str, tuple[Erratum, ...], list[int]]:
    """Apply the errata (:func:`heze_plan.parsing.apply_errata`); map each new line to its line as given.

    ``line_map[i]`` is the line, in ``text``, on which line ``i + 1`` of the
    corrected text starts; an erratum that removes a page break takes lines
    out, and errors after it must still point at the user's text.
    """
    errata = tuple(errata)
    if not errata:
        return text, (), []
    try:
        corrected, applied = apply_errata(text, errata)
    except ErrataError as error:
        raise ParseError(
            "the errata do not fit this text", expected="each erratum's source text once", found=str(error)
        ) from None
    spans = sorted((text.index(e.source), e) for e in applied)
    line_map = [1]
    line = 1
    cursor = 0
    for start, erratum in spans:
        for _ in range(text.count("\n", cursor, start)):
            line += 1
            line_map.append(line)
        for _ in range(erratum.correction.count("\n")):
            line_map.append(line)
        line += erratum.source.count("\n")
        cursor = start + len(erratum.source)
    for _ in range(text.count("\n", cursor)):
        line += 1
        line_map.append(line)
    return corrected, applied, line_map
