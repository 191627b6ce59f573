"""Deadline phrases and the milestones they govern.

The plans date their deliverables with month phrases: ``9月底前`` (by the end
of September), ``12 月底前`` (extraction spaces), ``9月底`` (the same, without
前), ``2022年10月底前`` (an explicit year), and year phrases: ``年底前``,
``年内``, ``全年`` and ``今年完成`` (by the end of the plan year), and ``上半年``
(by the end of June). A phrase governs the clause that follows it, up to the
end of the sentence (。), the clause (；) or the next deadline phrase,
whichever comes first.

A full date with a day (``2023年2月28日前``) is never a deadline here: in these
plans it scopes a task (``对截至2023年2月28日前已经发布的…``) rather than
dating a deliverable.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from heze_plan.model.plan import Milestone

__all__ = ["DeadlinePhrase", "end_of_month", "end_of_quarter", "find_deadlines", "milestones_in"]

_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTH_PHRASE = re.compile(rf"(?:{_YEAR}\s*年\s*)?(?P<month>1[0-2]|[1-9])\s*月\s*(?:底|末)\s*(?P<before>前)?")
# 年内 after a count of years (3年内, 近三年内) is a span, not the plan year; 全年龄 is an age range.
_YEAR_PHRASE = re.compile(
    rf"(?:{_YEAR}\s*年?\s*)?年(?:底|末)前?|(?<![\d一二两三四五六七八九十几数多半])年度?内"
    # 2023年内: within that year (a year's four digits before 年内, not a count of years)
    r"|(?P<year6>(?:19|20)\d{2})\s*年内"
    rf"|(?:{_YEAR.replace('year', 'year2')}\s*年\s*)?全年(?!龄)"
    # 今年完成 (this plan year): only before a verb of completion, never 今年以来 nor 做好今年工作
    r"|今年(?=完成|建成|实现|落实到位|出台|印发|启动|投用|投运)"
)
#: The end of a quarter (第三季度末, 二季度末前, 2024年一季度末): its last month's end. A quarter without
#: 末 (一季度经济增长) and every quarter's end (每季度末) are no deadline.
_QUARTER_END = re.compile(
    r"(?:(?P<year5>(?:19|20)\d{2})\s*年\s*)?(?<!每)(?:第)?(?P<quarter>[一二三四1-4])\s*季度\s*(?:末|底)\s*前?"
)
#: 上半年 (by the end of June of the plan year), not after a count (3个上半年) nor in 上半年度报告.
_HALF_YEAR = re.compile(rf"(?:{_YEAR.replace('year', 'year3')}\s*年\s*|今年)?上半年(?:底|内|前)?(?!度)")
#: A year and a verb of completion (宁夏 2019: 2019年建成典农河至沙湖旅游公路): by the end of that year,
#: as 今年完成 is by the end of the plan year.
_YEAR_DONE = re.compile(r"(?<!\d)(?P<year4>(?:19|20)\d{2})\s*年(?=建成|完成|实现|投用|投运|竣工)")
_DONE_WORDS = ("年建成", "年完成", "年实现", "年投用", "年投运", "年竣工")
#: A year opening a clause and the figure a target reaches in it (佳木斯 2018: 2018年，省考核范围内
#: 用水总量控制在47.38亿立方米; 金华's county-level city 2018: 2018年非电煤炭消费总量比2015年削减3%以上):
#: by the end of that year, as 全年万元GDP能耗下降3.43% is by the end of the plan year.
_YEAR_TARGET = re.compile(
    r"(?P<year7>(?:19|20)\d{2})\s*年(?![底末内度起前以月])"
    r"(?=[，,]?[^。；;，,]{0,30}?(?:控制在|削减|下降|降低|达到|提高到|提升到|减少)\s*\d)"
)
#: What stands before such a year: the start of the text, or of a clause.
_CLAUSE_OPENERS = "。；;，,：: \t\n"
_TARGET_WORDS = ("控制在", "削减", "下降", "降低", "达到", "提高到", "提升到", "减少")
#: Any of _DONE_WORDS, found in one search (in C) rather than a test per word.
_DONE_WORD = re.compile("|".join(_DONE_WORDS))
#: Relative year words before a month phrase: 明年3月底前 is next year's March.
_RELATIVE_YEAR = {"明年": 1, "次年": 1, "今年": 0, "当年": 0}
# What, just before a month number, shows it is part of a longer number, a
# date with a day, or follows a year that cannot be a plan year (0000年9月底).
_NOT_BEFORE = re.compile(r"(?:[\d.．]|\d\s*年\s*)$")
#: A list number just before a month (临安 2022: 1.4月底前…主体完工 2.8月底前…竣工交付): "1." is
#: the step's number, not part of a decimal, when it opens the text or follows a space or a stop.
_LIST_NUMBER = re.compile(r"(?:^|[\s。；;：:，,、|（(])\d{1,2}[.．]$")
_CLAUSE_END = re.compile(r"[。；;]")
_LEADING_PUNCT = re.compile(r"^[\s，,：:、]+")
#: What a month phrase cannot do without (found directly, as it opens with a literal); the
#: year and half-year phrases need 年底/年末/年内/全年 and 上半年, tested with ``in``, which costs
#: far less than a pattern tried at every position.
_MONTH_WORD = re.compile(r"月\s*[底末]")
#: What a year phrase cannot do without: 年底, 年末, 年内, 全年 or 今年 (found directly, see
#: _phrases_near).
_YEAR_WORD = re.compile(r"年度?[底末内]|[全今]年")
_TRAILING_PUNCT = re.compile(r"[\s，,、]+$")


class DeadlinePhrase(NamedTuple):
    """A deadline phrase found in a text, with where it stands."""

    start: int
    end: int
    phrase: str
    due: dt.date


@functools.lru_cache(maxsize=1024)
def end_of_month(year: int, month: int) -> dt.date:
    """The last day of a month: ``end_of_month(2023, 9)`` is 2023-09-30.

    Remembered (a date is immutable): a plan dates most of its deadlines in a
    dozen months of one year, and building a date costs more than looking it up.
    """
    if month == 2:  # calendar.monthrange also computes the first weekday, which is not needed here
        return dt.date(year, 2, 29 if calendar.isleap(year) else 28)
    if month in {4, 6, 9, 11}:
        return dt.date(year, month, 30)
    return dt.date(year, month, 31)


def end_of_quarter(year: int, quarter: str) -> dt.date:
    """The last day of a quarter written ``三`` or ``3``: ``end_of_quarter(2023, "三")`` is 2023-09-30.

    One reading for both places a quarter dates a task: 第三季度末 in running
    text and 三季度 in a deadline cell.
    """
    number = "一二三四".find(quarter) + 1 or int(quarter)
    return end_of_month(year, 3 * number)


def _phrases_near(word: re.Pattern[str], phrase: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``phrase.finditer(text)``, looked for only near each match of ``word``.

    ``_MONTH_PHRASE`` and ``_YEAR_PHRASE`` open with an optional year, so the
    engine would try them at every position. Every match holds its word
    (``_MONTH_WORD``: 月底, 月末; ``_YEAR_WORD``: 年底, 年末, 年内, 全年, 今年;
    found directly) and, before it, only digits, 年 and spaces: the search for
    the next match starts where such a run before the next word begins, which
    is never after that match's start, so the matches are the same. The
    lookbehind of 年内 sees the text before where a search starts.
    """
    position = 0
    while (found := word.search(text, position)) is not None:
        start = found.start()
        while start > position and (
            text[start - 1] == "年" or text[start - 1].isdigit() or text[start - 1].isspace()
        ):
            start -= 1
        match = phrase.search(text, start)
        if match is None:
            return
        yield match
        position = match.end()


def find_deadlines(text: str, year: int) -> list[DeadlinePhrase]:
    """Every deadline phrase in ``text``, in order, dated for plan ``year``.

    >>> [(d.phrase, d.due.isoformat()) for d in find_deadlines("9月底前，建立台账。年内完成。", 2023)]
    [('9月底前', '2023-09-30'), ('年内', '2023-12-31')]
    """
    found: list[DeadlinePhrase] = []
    # every year phrase, 上半年 and a year's verb of completion hold 年, every quarter's end 季度,
    # every month phrase 月: most task texts hold no 年 (172 of Heze's 195), and each test rules out
    # several substring tests and searches
    has_year, has_month, has_quarter = "年" in text, "月" in text, "季度" in text
    if not has_year and not has_month and not has_quarter:
        return found
    for match in _phrases_near(_MONTH_WORD, _MONTH_PHRASE, text) if has_month else ():
        if _NOT_BEFORE.search(text, max(match.start() - 8, 0), match.start()) and not _LIST_NUMBER.search(
            text[max(match.start() - 4, 0) : match.start()]
        ):
            continue
        explicit = match.group("year")
        offset = _RELATIVE_YEAR.get(text[max(match.start() - 2, 0) : match.start()], 0)
        due = end_of_month(int(explicit) if explicit else year + offset, int(match.group("month")))
        found.append(DeadlinePhrase(match.start(), match.end(), match.group(0), due))
    year_words = has_year and (
        "年底" in text
        or "年末" in text
        or "年内" in text
        or "年度内" in text
        or "全年" in text
        or "今年" in text
    )
    for match in _phrases_near(_YEAR_WORD, _YEAR_PHRASE, text) if year_words else ():
        if any(d.start <= match.start() < d.end for d in found):
            continue
        explicit = match.group("year") or match.group("year2") or match.group("year6")
        if explicit and int(explicit) < year and not match.group(0).endswith("前"):
            # the end of a year before the plan's, without 前, is a past point (西城 2017: 公开…2016年末
            # 政府债务余额), not a deadline
            continue
        found.append(
            DeadlinePhrase(
                match.start(),
                match.end(),
                match.group(0),
                dt.date(int(explicit) if explicit else year, 12, 31),
            )
        )
    for match in _HALF_YEAR.finditer(text) if has_year and "上半年" in text else ():
        if any(d.start <= match.start() < d.end for d in found):
            continue
        explicit = match.group("year3")
        found.append(
            DeadlinePhrase(
                match.start(),
                match.end(),
                match.group(0),
                dt.date(int(explicit) if explicit else year, 6, 30),
            )
        )
    for match in (
        _QUARTER_END.finditer(text) if has_quarter and ("季度末" in text or "季度底" in text) else ()
    ):
        if any(d.start <= match.start() < d.end for d in found):
            continue
        due = end_of_quarter(int(match.group("year5") or year), match.group("quarter"))
        found.append(DeadlinePhrase(match.start(), match.end(), match.group(0), due))
    for match in _YEAR_DONE.finditer(text) if has_year and _DONE_WORD.search(text) else ():
        if any(d.start <= match.start() < d.end for d in found):
            continue
        found.append(
            DeadlinePhrase(
                match.start(), match.end(), match.group(0), dt.date(int(match.group("year4")), 12, 31)
            )
        )
    found += _year_targets(text, year, found)
    found.sort(key=lambda d: d.start)
    return found


def _year_targets(text: str, year: int, found: list[DeadlinePhrase]) -> list[DeadlinePhrase]:
    """The years that date a figure to reach (_YEAR_TARGET), outside the phrases already found; a year
    before the plan's is a baseline (比2015年下降), not a deadline."""
    if "年" not in text or not any(word in text for word in _TARGET_WORDS):
        return []
    return [
        DeadlinePhrase(match.start(), match.end(), match.group(0), dt.date(int(match.group("year7")), 12, 31))
        for match in _YEAR_TARGET.finditer(text)
        if (match.start() == 0 or text[match.start() - 1] in _CLAUSE_OPENERS)
        and int(match.group("year7")) >= year
        and not any(d.start <= match.start() < d.end for d in found)
    ]


def _trimmed(clause: str) -> str:
    """``clause`` without the spaces and punctuation at its ends (_LEADING_PUNCT, _TRAILING_PUNCT).

    The same as the two substitutions, as a loop over the few characters at
    each end rather than two patterns tried along the whole clause.
    """
    start, end = 0, len(clause)
    while start < end and (clause[start] in "，,：:、" or clause[start].isspace()):
        start += 1
    while end > start and (clause[end - 1] in "，,、" or clause[end - 1].isspace()):
        end -= 1
    return clause[start:end]


def _clause(text: str, start: int, stop: int) -> str:
    """The text from ``start`` to the clause end (。；) or ``stop``, whichever is first."""
    clause = text[start:stop]
    end = _CLAUSE_END.search(clause)
    return clause[: end.start()] if end else clause


def milestones_in(text: str, year: int) -> list[tuple[Milestone, tuple[int, int]]]:
    """The milestones of a text, each with the span of its deliverable.

    The span lets a caller attach a target to the milestone whose
    deliverable states it.

    >>> [(m.phrase, m.deliverable) for m, _ in milestones_in("9月底前，建立专栏；11月底前，制定标准。", 2023)]
    [('9月底前', '建立专栏'), ('11月底前', '制定标准')]
    """
    phrases = find_deadlines(text, year)
    result: list[tuple[Milestone, tuple[int, int]]] = []
    for index, phrase in enumerate(phrases):
        stop = phrases[index + 1].start if index + 1 < len(phrases) else len(text)
        clause = _clause(text, phrase.end, stop)
        deliverable = _trimmed(clause)
        if not deliverable:
            # A phrase at the end of its clause governs what precedes it
            # (…完成对接，9月底前。): take the clause it closes.
            clause_start = max(text.rfind(c, 0, phrase.start) for c in "。；;") + 1
            deliverable = _trimmed(text[clause_start : phrase.start])
        if not deliverable:
            # A phrase that stands alone (…。9月底前。) governs nothing the
            # text names: keep the phrase itself rather than drop the date.
            deliverable = phrase.phrase
        milestone = Milestone(due=phrase.due, phrase=phrase.phrase, deliverable=deliverable)
        result.append((milestone, (phrase.start, phrase.end + len(clause))))
    return result
