"""What a parse says about itself: errors, findings and the conventions it used.

A strict parse (the default) stops at the first problem with a
:class:`ParseError` that says where (line and column of the text as given),
what was expected and what was found. A lenient parse
(``strict=False``) skips what it cannot read and records a
:class:`ParseFinding` for each thing skipped or kept despite a problem, so
that a partial plan is never silent: :func:`~heze_plan.parsing.parser.parse` turns the
findings into :class:`ParseWarning` warnings, :func:`~heze_plan.parsing.parser.parse_with_report`
returns them in the :class:`ParseReport`.

The report also lists the :class:`Convention` values the text used (which
owner labels, half-width punctuation, traditional characters, where the year
came from), so that a coordinator can see how their plan was read.
"""

from __future__ import annotations

import enum

import attrs

from heze_plan.errors import ParseError
from heze_plan.model.plan import Plan

__all__ = ["Convention", "ParseError", "ParseFinding", "ParseReport", "ParseWarning"]


class ParseWarning(UserWarning):
    """A lenient parse skipped something or kept it despite a problem."""


@attrs.frozen
class ParseFinding:
    """A problem a lenient parse met, and what it did about it (``action``)."""

    message: str
    line: int | None
    column: int | None
    expected: str | None
    found: str | None
    #: ``"skipped"`` (left out of the plan), ``"kept"`` (in the plan despite a problem) or
    #: ``"noted"`` (read as the source has it, worth knowing: no document number, a task without a lead).
    action: str

    @classmethod
    def from_error(cls, error: ParseError, action: str) -> ParseFinding:
        """The finding a lenient parse records instead of raising ``error``."""
        return cls(error.message, error.line, error.column, error.expected, error.found, action)

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        detail = f": expected {self.expected}, found {self.found}" if self.expected is not None else ""
        column = f" (column {self.column})" if self.column is not None else ""
        return f"{where}{self.message}{detail}{column} [{self.action}]"


class Convention(enum.Enum):
    """A way of writing a plan that the parser recognised in the text."""

    #: Owners labelled （牵头单位：…；责任单位：…） (or 牵头部门, 责任部门).
    LABELLED_OWNERS = "labelled owners (牵头单位/责任单位)"
    #: Only 责任单位/责任部门 labels: the units listed first lead the task.
    RESPONSIBLE_LABEL_ONLY = "only 责任单位 labels (the listed units lead)"
    #: 配合单位/配合部门/协办单位 labels, read as responsible units.
    COOPERATING_LABEL = "配合单位 labels (read as responsible units)"
    #: Owners in words: X牵头，Y按职责分工负责 or X牵头负责.
    PHRASED_OWNERS = "owners in words (X牵头，Y按职责分工负责)"
    #: Owners without any label or verb: （市商务局、市财政局）.
    PLAIN_OWNERS = "owners without label (市商务局)"
    #: Owner labels on their own after the task text, without a parenthesis.
    UNBRACKETED_OWNERS = "owner labels without a parenthesis"
    #: A deadline inside the owner clause: （市商务局牵头，6月底前完成）.
    DEADLINE_IN_OWNERS = "deadline inside the owner clause"
    #: 长期坚持 or 持续推进 inside the owner clause: the task is ongoing.
    ONGOING_IN_OWNERS = "ongoing mark inside the owner clause (长期坚持)"
    #: Tasks numbered right under the sections (一、… 1. …): each section is an area.
    SECTIONS_AS_AREAS = "sections as areas (一、… 1. …)"
    #: Half-width brackets or colons in headings and owner clauses: ( ) :.
    HALF_WIDTH_PUNCTUATION = "half-width brackets or colons"
    #: Tasks numbered 1．or 1、 rather than 1.
    OTHER_TASK_NUMBERING = "tasks numbered 1． or 1、"
    #: Deadlines with an explicit year: 2022年10月底前.
    EXPLICIT_YEAR_DEADLINES = "deadlines with an explicit year (2022年10月底前)"
    #: Deadlines at the end of the year: 年底前, 年内, 全年.
    YEAR_END_DEADLINES = "year-end deadlines (年底前/年内/全年)"
    #: Spaces inside numbers and dates: 9 月底前.
    SPACED_NUMBERS = "spaces inside numbers and dates (9 月底前)"
    #: Traditional characters, read through :mod:`heze_plan.parsing.hanzi` as simplified.
    TRADITIONAL_CHARACTERS = "traditional characters (read as simplified)"
    #: Pinyin glosses after characters (發(fā)), left by a mirror site, dropped.
    PINYIN_GLOSSES = "pinyin glosses dropped (發(fā))"
    #: Errata applied to the source before parsing.
    ERRATA = "errata applied to the source"
    #: The plan year from the title (菏泽市2023年…方案).
    YEAR_FROM_TITLE = "year from the title"
    #: The plan year from the document number (〔2023〕).
    YEAR_FROM_DOCUMENT_NUMBER = "year from the document number"
    #: The plan year from the dated deadlines (2023年9月底前).
    YEAR_FROM_DEADLINES = "year from the dated deadlines"
    #: The plan year given by the caller (``year=``).
    YEAR_FROM_CALLER = "year given by the caller"
    #: The plan year from a date line (2021年4月10日) of a notice.
    YEAR_FROM_DATE_LINE = "year from a date line"
    #: The plan year from the year written most often in the text.
    YEAR_FROM_TEXT = "year from a year written in the text"
    #: No year anywhere and no deadline that needs one: the current year is assumed.
    YEAR_ASSUMED = "year written nowhere (no deadline needs it; 2000 stands in, whatever the day)"
    #: A task table flattened to text (cells split by ``|``, tabs or runs of spaces).
    FLATTENED_TABLE = "a task table flattened to text"
    #: A rule for the whole document: 第一责任单位为牵头单位，下同.
    FIRST_UNIT_LEADS = "the first responsible unit leads (第一责任单位为牵头单位，下同)"
    #: Tasks naming only responsible units, kept without a lead unit.
    NO_LEAD_UNITS = "tasks with responsible units only (no lead unit)"
    #: Task numbers restart or repeat: tasks numbered 1, 2, … in order of appearance.
    TASKS_RENUMBERED = "tasks renumbered in order (the source numbers restart)"
    #: Tasks at another numbered level than 1. (（一） items or （1） sub-items).
    OTHER_TASK_LEVEL = "tasks at the （一） or （1） level"
    #: A table whose cells single spaces part, or nothing at all (序号 重点任务 牵头单位 …).
    SPACED_TABLE = "a task table with its cells parted by single spaces or by nothing"


@attrs.frozen
class ParseReport:
    """A parsed plan with the conventions its text used and the findings of a lenient parse."""

    plan: Plan
    conventions: frozenset[Convention]
    #: Empty after a strict parse (a strict parse raises instead).
    findings: tuple[ParseFinding, ...] = ()
    #: How many traditional characters were read as simplified.
    traditional_characters: int = 0
