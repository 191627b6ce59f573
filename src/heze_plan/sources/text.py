"""Plain text (``.txt``): the bytes decoded, nothing else changed.

Chinese offices save text as UTF-8 (with or without a BOM), GB18030/GBK
(Windows' default for Chinese) and UTF-16 (Notepad's "Unicode");
``heze_plan.sources._shared.decode`` tells them apart.
"""

from __future__ import annotations

from pathlib import Path

from heze_plan.sources._shared import Source, decode

__all__ = ["SUFFIXES", "read"]

SUFFIXES = (".txt", ".text")


def read(path: Path, data: bytes) -> Source:
    """The text of a plain-text file, line breaks as ``\\n``."""
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    return Source(text, "a text file, read as it is")
