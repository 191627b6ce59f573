"""The layout of an extracted plan: paragraphs rejoined across page breaks, markers, positions.

A PDF extraction gives one paragraph a line, with blank lines between
paragraphs and at page breaks, so that a page break may cut a sentence or a
unit name in two; it also puts spaces between Chinese characters and
numbers. :func:`paragraphs` rejoins what a page break cut and drops those
spaces; :class:`ParseContext` maps a place in a rejoined paragraph back to
the line and column of the text as given, for error messages, and collects
the findings of a lenient parse.
"""

from __future__ import annotations

import re

import attrs

from heze_plan.parsing.findings import Convention, ParseError, ParseFinding

__all__ = [
    "ATTACHED_FILE",
    "Paragraph",
    "ParseContext",
    "excerpt",
    "is_marker",
    "is_section",
    "normalize_spaces",
    "paragraphs",
]

_CN = "一二三四五六七八九十"
SECTION = re.compile(rf"^([{_CN}]+)、\s*(.+)$")
SUBSECTION = re.compile(rf"^[（(]\s*([{_CN}]+)\s*[）)]\s*(.+)$")
# A task number: 12. 12． 12、 (not 2.7万, a decimal cut by a page break).
TASK = re.compile(r"^(\d{1,6})\s*([.．、])(?!\d)\s*(.+)$")
# The distribution block (抄送：…) or, when an extraction lost it, the 印发 date ends the body.
BODY_END = re.compile(r"^(?:(?:抄送|抄报)[：:]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$)")
#: A line of a web page's frame around the plan, on a line of its own: the QR code's caption
#: (扫一扫在手机打开当前页), the print and font-size buttons (【字体：大 中 小】 打印, 【打印】【关闭】),
#: the share buttons (分享到：).
WEB_PAGE_MARK = re.compile(
    r"^\s*(?:扫一扫在手机(?:上)?(?:打开|查看)当前页(?:面)?"
    r"|[【\[（(]?\s*(?:字体|字号)\s*[:：]?\s*[\[【（(]?\s*(?:大\s*中\s*小)?\s*[\]】）)]?\s*(?:打印)?\s*[\]】）)]?"
    r"|(?:[【\[（(]?(?:打印|关闭|收藏|分享)[\]】）)]?\s*)+|分享到\s*[:：]?)\s*$"
)
#: The characters a line of WEB_PAGE_MARK opens with once stripped: a test of one character rules
#: out most lines before the pattern is tried.
_WEB_PAGE_MARK_OPENINGS = frozenset("扫【[（(字打关收分")
#: The suffixes of the files a web page attaches to a plan (附件：1.联系人名单.xls), a line each.
ATTACHED_FILE = re.compile(r"\.(?:docx?|xlsx?|et|wps|pdf|ofd|zip|rar)$", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[，,；;]")
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+|[ \t\u3000]+(?=[{_CJK}])")
_SPACE_RUN = re.compile(r"[ \t\u3000]+")


@attrs.frozen
class Paragraph:
    """A paragraph after page-break repair, with the source line it starts on."""

    line: int
    text: str
    #: The last line of the text (after the errata) the paragraph takes.
    end: int = attrs.field(default=0, eq=False)


def normalize_spaces(text: str) -> str:
    """Drop the spaces an extraction puts next to Chinese characters.

    >>> normalize_spaces("12 月底前，引进海外留学人才 70 人以上")
    '12月底前，引进海外留学人才70人以上'
    """
    if " " not in text and "\t" not in text and "\u3000" not in text:  # most paragraphs
        return text.strip()
    # _SPACE_NEAR_CJK opens with a lookbehind, so the engine would try it at every position;
    # its matches are made of spaces only, so it is tried only on each run of spaces (and the
    # character after it, for the lookahead; the lookbehind sees the text before the run).
    pieces: list[str] = []
    last = 0
    for start, end in _space_runs(text):
        for drop in _SPACE_NEAR_CJK.finditer(text, start, end + 1):
            pieces.append(text[last : drop.start()])
            last = drop.end()
    if not pieces:
        return text.strip()
    pieces.append(text[last:])
    return "".join(pieces).strip()


def _space_runs(text: str) -> list[tuple[int, int]]:
    """The runs of spaces, tabs and ideographic spaces in ``text``, as (start, end).

    Most paragraphs hold only plain spaces, a few of them: str.find goes from
    one to the next faster than a pattern scans the paragraph.
    """
    if "\t" in text or "\u3000" in text:
        return [run.span() for run in _SPACE_RUN.finditer(text)]
    runs: list[tuple[int, int]] = []
    at = text.find(" ")
    while at != -1:
        end = at + 1
        while text.startswith(" ", end):
            end += 1
        runs.append((at, end))
        at = text.find(" ", end)
    return runs


def is_section(text: str) -> bool:
    """一、工作目标: a short heading, not a sentence that a page break opened with 一、."""
    match = SECTION.match(text)
    return match is not None and len(match.group(2)) <= 30 and not _CLAUSE_MARK.search(match.group(2))


def is_marker(text: str) -> bool:
    return bool(is_section(text) or SUBSECTION.match(text) or TASK.match(text) or BODY_END.match(text))


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs and rejoin the ones a page break cut.

    Before the first section heading (一、…) every line is a paragraph of its
    own (the front matter); after it, a line that does not open with a
    marker continues the paragraph before it, unless that paragraph is a
    section heading (一、工作目标), which stands alone.
    """
    result: list[tuple[int, int, list[str]]] = []
    in_body = False
    last_is_section = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if (
            not line
            or (line[0] in _WEB_PAGE_MARK_OPENINGS and WEB_PAGE_MARK.match(line))
            # every file name holds its suffix's dot: a substring test before the pattern
            or ("." in line and ATTACHED_FILE.search(line))
        ):
            continue  # a web page's frame or a link to an attached file: no text of the plan
        section = is_section(line)
        if section:
            in_body = True
        if BODY_END.match(line):
            in_body = False
            result.append((number, number, [line]))
        elif (
            in_body
            and result
            and not last_is_section
            # is_marker(line), with what is known: not a section, not the body's end
            and not section
            and not SUBSECTION.match(line)
            and not TASK.match(line)
        ):
            start, _, parts = result[-1]
            parts.append(line)
            result[-1] = (start, number, parts)
        else:
            result.append((number, number, [line]))
        last_is_section = section
    return [Paragraph(start, normalize_spaces("".join(parts)), end) for start, end, parts in result]


class ParseContext:
    """The state of one parse: the lines for error positions, the findings and conventions."""

    def __init__(self, lines: list[str], line_map: list[int], *, strict: bool) -> None:
        self.lines = lines
        self.line_map = line_map
        self.strict = strict
        self.findings: list[ParseFinding] = []
        self.conventions: set[Convention] = set()

    def printed(self, paragraph: Paragraph) -> str:
        """``paragraph`` as the text given prints it: its lines joined, their spaces kept."""
        last = max(paragraph.end, paragraph.line)
        if last == paragraph.line:  # most paragraphs: one line, nothing to join
            return self.lines[last - 1].strip()
        return "".join(line.strip() for line in self.lines[paragraph.line - 1 : last])

    def where(self, paragraph: Paragraph, offset: int) -> tuple[int, int]:
        """Line (as given) and column of ``offset`` in ``paragraph``'s normalised text."""
        pieces: list[tuple[int, int, str]] = []
        for number in range(paragraph.line, max(paragraph.end, paragraph.line) + 1):
            raw = self.lines[number - 1]
            stripped = raw.strip()
            if stripped:
                pieces.append((number, len(raw) - len(raw.lstrip()), stripped))
        joined = "".join(piece for _, _, piece in pieces)
        removed = bytearray(len(joined))
        for match in _SPACE_NEAR_CJK.finditer(joined):
            removed[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        kept = [i for i in range(len(joined)) if not removed[i]]
        lead = len("".join(joined[i] for i in kept)) - len("".join(joined[i] for i in kept).lstrip())
        index = kept[min(lead + max(offset, 0), len(kept) - 1)] if kept else 0
        for number, column, piece in pieces:
            if index < len(piece):
                return self.line_map[number - 1], column + index + 1
            index -= len(piece)
        return self.line_map[paragraph.line - 1], 1

    def error(
        self,
        message: str,
        paragraph: Paragraph,
        offset: int = 0,
        *,
        expected: str | None = None,
        found: str | None = None,
    ) -> ParseError:
        line, column = self.where(paragraph, offset)
        return ParseError(message, line, column, expected=expected, found=found)

    def problem(self, error: ParseError, action: str = "skipped") -> None:
        """Raise ``error`` in a strict parse; record it as a finding in a lenient one."""
        if self.strict:
            raise error
        self.findings.append(ParseFinding.from_error(error, action))


def excerpt(text: str, width: int = 20) -> str:
    return repr(text if len(text) <= width else text[:width] + "…")
