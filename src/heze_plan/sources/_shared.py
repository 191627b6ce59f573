"""What the readers share: importing an optional extra, decoding bytes, tidying extracted lines."""

from __future__ import annotations

import codecs
import importlib
import re
from pathlib import Path
from types import ModuleType

from attrs import frozen

from heze_plan.errors import ExtraMissingError, SourceError

__all__ = ["Source", "decode", "paragraphs_text", "require", "tidy"]


@frozen
class Source:
    """A plan file as read: the text the parser reads, and how the file was read.

    ``reading`` says in one line which way the reader took (a PDF's text layer, or its task table
    read by the ruling lines; a web page's article, or its task table read whole), so that
    ``heze-plan inspect`` can tell someone whether what they see is the file as they know it.
    """

    text: str
    reading: str


#: The characters of Chinese text: ideographs, CJK and full-width punctuation.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_PLAUSIBLE = re.compile(rf"[{_CJK}\x20-\x7e\s\u00a0-\u00ff\u2000-\u206f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def require(module: str, extra: str, package: str, path: Path) -> ModuleType:
    """Import a format's library, or say which extra brings it (:class:`ExtraMissingError`)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExtraMissingError(extra, package, path) from None


def _plausible(text: str) -> bool:
    """Most characters are Chinese, ASCII or common punctuation: not bytes read in a wrong encoding."""
    sample = text[:20000]
    return not sample or len(_PLAUSIBLE.findall(sample)) >= 0.95 * len(sample)


def decode(data: bytes, path: Path, *, declared: str | None = None) -> str:
    """Bytes as text: a BOM, then ``declared`` (an HTML page's charset), UTF-8, UTF-16, GB18030.

    GB18030 is a superset of GBK and GB2312, so one decoder reads the three.
    UTF-16 without a BOM is recognised by its NUL bytes (ASCII and line
    breaks have one in every pair). Bytes that none of them reads as
    plausible text raise :class:`SourceError`.

    >>> decode("一、工作目标".encode("gbk"), Path("a.txt"))
    '一、工作目标'
    >>> decode(codecs.BOM_UTF8 + "重点任务".encode(), Path("a.txt"))
    '重点任务'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise SourceError(
                    path,
                    f"not valid {encoding} text after its byte-order mark: {error.reason}",
                    where=f"byte {error.start}",
                ) from None
    candidates = [declared] if declared else []
    candidates.append("utf-8")
    if b"\x00" in data[:4096]:
        pairs = data[: len(data) - len(data) % 2]
        odd_nuls, even_nuls = pairs[1::2].count(0), pairs[0::2].count(0)
        candidates.append("utf-16-le" if odd_nuls >= even_nuls else "utf-16-be")
    candidates.append("gb18030")
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if "\x00" not in text and _plausible(text):
            return text
    msg = "not text in any encoding Chinese offices use (UTF-8, UTF-16, GB18030/GBK)"
    raise SourceError(path, msg)


def tidy(line: str) -> str:
    """One extracted line: no spaces between Chinese characters, runs of spaces as one, no edges.

    >>> tidy("  菏泽市 人民政府   2023年  ")
    '菏泽市人民政府 2023年'
    """
    return _SPACES.sub(" ", _SPACE_IN_CJK.sub("", line)).strip()


def paragraphs_text(paragraphs: list[str], *, layout_spaces: bool = False) -> str:
    """Paragraphs as the parser reads them: one a line, a blank line between, empty ones dropped.

    ``layout_spaces``: the spaces are a layout's (a PDF's), not the author's: :func:`tidy` them.
    """
    kept = [p for p in (tidy(p) if layout_spaces else p.strip() for p in paragraphs) if p]
    return "\n\n".join(kept) + "\n" if kept else ""
