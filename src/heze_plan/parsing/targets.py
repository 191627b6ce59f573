"""Quantitative targets: counts, rates, service-time limits and relative goals.

The plans state a target as a number with a counter (``2.7万人以上``,
``80%以上``, ``不少于三处``), a time limit (``3个工作日内``,
``控制在13小时和2小时内``) or a comparison (``高于全省平均水平``). A number
is a target only when a counter follows it directly: ``12345热线``,
``第351号`` and ``“231”产业`` are names, not targets. A number that modifies
a noun (``年办件量100件以上的事项``) scopes the task rather than committing
to anything and is skipped. Chinese numerals (三, 两) count only after an
explicit comparator (不少于三处), since on their own they are mostly names
(第四届, 两家上市公司).

Beyond counts and limits, a plan states figures with no comparator of
their own, each read as a kind of its own: a discount (``85折``: pay 85%),
hours of availability (``“7×24”小时``, ``24小时“不打烊”``), a service's
reach in travel time (``15分钟…“服务圈”``), a span of time to reach a goal
(``用2—3年时间``). A direction without a figure (``稳中有升``, ``稳中有降``)
is a relative target against the year before; ``动态清零`` a count brought to
zero; the campaign figures of ``进十大…、入百处…、走千个…、访万家…`` are
four counts.

A figure also says for what it counts:

- ``分别`` pairs the figures with the items before it, in order
  (``进出口…分别控制在13小时和2小时内``: imports 13 h, exports 2 h);
- measures joined by 、 before one figure (``…数量、…数量比上年增长10%左右``)
  each carry the figure;
- a clause ``对X，`` just before the figure's clause names its population X;
- 每个县区/各县区, 每月, 每年 make it count per county, month or year.

Each such reading is written into the target's ``reading``, so nothing is
decided silently.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence

import attrs

from heze_plan.common.numerals import from_chinese
from heze_plan.model.plan import Comparator, Target, TargetKind

__all__ = ["targets_in"]

_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}

_NUMBER = r"\d+(?:\.\d+)?"
_CN_NUMBER = r"[一二两三四五六七八九十]+"
_COUNTERS = r"(?:立方米|平方米|公里|千米|亩|户|套|座|所|个|家|项|场|处|期|件|类|名|人|%|％)"
_PREFIX = r"(?P<prefix>不少于|不低于|不超过|不高于|超过|高于|低于|少于|至少|达到)?"
_SUFFIX = r"(?P<suffix>以上|以下|以内|左右)?"

_QUANTITY = re.compile(
    _PREFIX
    + r"\s*(?P<number>"
    + _NUMBER
    + r"(?:\s*[—\-－~～至]\s*"
    + _NUMBER
    + r")?|"
    + _CN_NUMBER
    + r")\s*(?P<mult>[万亿])?\s*(?P<counter>"
    + _COUNTERS
    + r")(?!工作日|月|小时)"
    + _SUFFIX
)
_SERVICE_TIME = re.compile(
    r"(?P<number>" + _NUMBER + r")\s*(?P<counter>个工作日|工作日|小时|分钟|个月|天)"
    r"(?P<also>和(?P<number2>" + _NUMBER + r")\s*(?P=counter))?内"
)
#: What each pattern cannot do without. The full patterns open with an optional comparator, so
#: the engine tries them at every position; a quantity holds a figure right before its counter
#: (_QUANTITY_HINT), a service time and a comparison one of their words (a substring test).
_QUANTITY_HINT = re.compile(r"[\d一二两三四五六七八九十][\s万亿]*" + _COUNTERS)
#: What may stand in a quantity before its figure's last character: comparators, numerals,
#: ranges, decimal points (digits and spaces are tested with str.isdigit and str.isspace).
_BEFORE_FIGURE = frozenset("不少于低超过高至达到一二两三四五六七八九十.—-－~～")
_RELATIVE = re.compile(
    r"(?P<op>不低于|高于|不高于|低于|优于)(?P<reference>[^，。；、,]*?(?:平均水平|水平|增速))"
)

_DISCOUNT = re.compile(r"(?P<number>\d{1,2}(?:\.\d)?)\s*折(?=[^扣]|$)")
_AVAILABILITY = re.compile(
    r"[“\"]?(?:7\s*[×xX*]\s*)?24[”\"]?\s*小时(?=[“\"]?(?:不打烊|预约|在线|值守|服务|[”\"]))(?!内)"
)
_REACH = re.compile(r"(?P<number>\d+)\s*分钟(?P<what>[^，。；,]{0,6}?)[“\"]?服务圈[”\"]?")
_DURATION = re.compile(r"用(?P<number>\d+(?:\s*[—\-－~～至]\s*\d+)?)\s*年时间")
_AT_LEAST_CN = re.compile(
    r"(?P<prefix>至少|不少于)(?P<verb>[\u4e00-\u9fff]{1,2}?)(?P<number>[一二两三四五六七八九十])(?P<counter>个|家|处|项|场)"
)
_CLEARED = re.compile(r"(?:推动|实现|确保)?(?P<what>[^，。；、,]{2,10}?)(?:动态)?清零")
_TREND = re.compile(r"(?:确保|促进|推动|实现)?(?P<what>[^，。；,]{2,24}?)稳中有(?P<dir>[升降])")
#: How far before its word (清零, 稳中有) a match of _CLEARED or _TREND can start: a verb (2), the
#: longest subject (10, 24) and 动态 (2). Each pattern opens with an optional verb and a lazy run, so
#: the engine tries every position; it is run from this far before the word's first place instead.
_CLEARED_REACH = 2 + 10 + 2
_TREND_REACH = 2 + 24


def _from_word(text: str, word: str, reach: int) -> int:
    """Where a search for a pattern whose every match holds ``word`` at most ``reach`` characters
    after its start may begin: no match of it starts earlier (0 when that is the text's start)."""
    return max(text.find(word) - reach, 0)


_CAMPAIGN = re.compile(
    r"(?<=[进入走访])(?P<number>[十百千万])(?P<counter>大|处|个|家)(?P<what>[\u4e00-\u9fff]{2,6}?)(?=[、，。；,]|$)"
)
_CAMPAIGN_HINT = re.compile(r"[进入走访][十百千万]")
#: Any of the words the patterns of :func:`_special` each need (their guards below, in one
#: alternation of literals, which the engine scans for by first character): most texts have none.
_SPECIAL_HINT = re.compile(
    "折|24|服务圈|年时间|至少|不少于|清零|稳中有|" + "|".join(a + b for a in "进入走访" for b in "十百千万")
)
_CAMPAIGN_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
_MEASURE_END = re.compile(r"(?:数量|率|比例|规模|增速)$")
_LEAD_VERBS = re.compile(r"^(?:力争|实现|确保|推动|促进|争取)+")

_PREFIX_COMPARATOR = {
    "不少于": Comparator.AT_LEAST,
    "不低于": Comparator.AT_LEAST,
    "至少": Comparator.AT_LEAST,
    "达到": Comparator.AT_LEAST,
    "不超过": Comparator.AT_MOST,
    "不高于": Comparator.AT_MOST,
    "超过": Comparator.MORE_THAN,
    "高于": Comparator.MORE_THAN,
    "低于": Comparator.LESS_THAN,
    "少于": Comparator.LESS_THAN,
}
_SUFFIX_COMPARATOR = {
    "以上": Comparator.AT_LEAST,
    "以下": Comparator.AT_MOST,
    "以内": Comparator.AT_MOST,
    "左右": Comparator.ABOUT,
}
_RELATIVE_COMPARATOR = {
    "不低于": Comparator.AT_LEAST,
    "高于": Comparator.MORE_THAN,
    "优于": Comparator.MORE_THAN,
    "不高于": Comparator.AT_MOST,
    "低于": Comparator.LESS_THAN,
}
#: The words of each scope, in the order they are tried (found with str.find, within bounds).
_SCOPES = (
    (("每个县区", "每县区", "各县区"), "per county"),
    (("每月",), "per month"),
    (("每年",), "per year"),
)
_CLAUSE_BREAK = "。；;，,"
_CLAUSE_BREAK_AT = re.compile(f"[{_CLAUSE_BREAK}]")
_ITEM_SEPARATOR = re.compile(r"[、和及]")
_RANGE_DASH = re.compile(r"\s*[—\-－~～至]\s*")
_WHO = re.compile(r"对(?P<who>.+)$")
_GROWTH_WORD = re.compile(r"(?:比上年增长|较上年增长|增长|达到|高于|不低于|低于|提高到|提升至)$")
_BARE_MEASURE = re.compile(r"^[\u4e00-\u9fff]{1,2}率$")


def _has_dash(raw: str) -> bool:
    """Whether a figure holds a range's dash (``_RANGE_DASH`` needs one): most figures are one number."""
    return "—" in raw or "-" in raw or "－" in raw or "~" in raw or "～" in raw or "至" in raw


def _is_from_chinese(text: str) -> bool:
    try:
        from_chinese(text)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=16)
def _breaks(text: str) -> tuple[int, ...]:
    """Where ``text``'s clauses break (_CLAUSE_BREAK), in order: found once for the text's targets."""
    return tuple([match.start() for match in _CLAUSE_BREAK_AT.finditer(text)])


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """From after the last break before ``start`` to the first break at or after ``end`` (or the ends)."""
    breaks = _breaks(text)
    before = bisect.bisect_left(breaks, start)
    after = bisect.bisect_left(breaks, end)
    return (breaks[before - 1] + 1 if before else 0), (breaks[after] if after < len(breaks) else len(text))


def _scope(text: str, start: int, left: int, right: int) -> str | None:
    """A scope word (每个县区, 每月, 每年) in the clause ``left``:``right``, or just before it."""
    if "每" not in text and "各县区" not in text:  # every scope word holds one of them: none in the text
        return None
    sentence_start = (
        max(text.rfind("。", 0, start), text.rfind("；", 0, start), text.rfind(";", 0, start)) + 1
    )
    for words, scope in _SCOPES:
        for word in words:
            if text.find(word, left, right) != -1 or text.find(word, sentence_start, start) != -1:
                return scope
    return None


def _number(raw: str, multiplier: str | None) -> float:
    value = float(raw) if raw[0].isdigit() else float(from_chinese(raw))
    if multiplier:
        value *= _MULTIPLIERS[multiplier]
    return int(value) if value.is_integer() else value


def _milestone_index(position: int, spans: Sequence[tuple[int, int]]) -> int | None:
    for number, (start, end) in enumerate(spans, start=1):
        if start <= position < end:
            return number
    return None


def _placed(text: str, start: int, end: int) -> tuple[str, str | None, int]:
    """The subject (its clause) and the scope of a target at ``start``:``end``, and where its clause starts.

    The clause's bounds are found once for all three: what the target
    applies to (:func:`_qualified`) reads the text before the same start.
    """
    left, right = _clause_bounds(text, start, end)
    return text[left:right].strip(), _scope(text, start, left, right), left


def _respective(text: str, start: int, count: int) -> list[str] | None:
    """The items a 分别 before ``start`` pairs ``count`` figures with, in order; ``None`` if none.

    >>> _respective("进出口整体通关时间分别控制在13小时和2小时内", 13, 2)
    ['进口', '出口']
    """
    left, _ = _clause_bounds(text, start, start)
    before = text[left:start]
    at = before.find("分别")
    if at == -1:
        return None
    head = before[:at]
    if "进出口" in head and count == 2:
        return ["进口", "出口"]
    items = [part for part in _ITEM_SEPARATOR.split(_LEAD_VERBS.sub("", head)) if part]
    return items if len(items) == count else None


def _population(text: str, left: int) -> str | None:
    """X of a clause ``对X，`` right before the figure's clause (from ``left``): whom the figure is for."""
    if left < 2 or text[left - 1] not in "，,":
        return None
    previous_left, _ = _clause_bounds(text, left - 1, left - 1)
    clause = text[previous_left : left - 1]
    match = _WHO.match(clause)
    return match.group("who") if match else None


def _measures(text: str, start: int, left: int) -> list[str]:
    """Measures joined by 、 right before a figure (…数量、…数量比上年增长): each carries the figure.

    ``left`` is where the figure's clause starts.
    """
    head = text[left:start]
    if "、" not in head:  # one measure (_GROWTH_WORD's words hold no 、)
        return []
    head = _GROWTH_WORD.sub("", head)
    parts = head.split("、")
    if len(parts) < 2:
        return []
    parts[0] = _LEAD_VERBS.sub("", parts[0])
    if not all(_MEASURE_END.search(part) and len(part) >= 2 for part in parts):
        return []
    first = parts[0]
    # a bare measure after the first (使用率、覆盖率) shares the first's subject (“山东通”移动监管)
    return [first] + [
        first[: -len(part)] + part if _BARE_MEASURE.match(part) and len(first) > len(part) else part
        for part in parts[1:]
    ]


def _qualified(text: str, start: int, left: int, target: Target) -> list[Target]:
    """``target`` with what it applies to, one copy per measure it is shared by.

    ``left`` is where the clause of the figure at ``start`` starts.
    """
    population = _population(text, left)
    if population is not None and target.applies_to is None:
        target = attrs.evolve(
            target,
            applies_to=population,
            reading=f"对{population}，… : the figure holds for {population} only",
        )
    measures = _measures(text, start, left)
    if measures and target.applies_to is None:
        return [
            attrs.evolve(
                target,
                applies_to=measure,
                reading=f"{len(measures)} measures joined by 、 share the figure: each must reach it",
            )
            for measure in measures
        ]
    return [target]


def _base(text: str, match: re.Match[str], milestone_spans: Sequence[tuple[int, int]]) -> dict[str, object]:
    subject, scope, _ = _placed(text, match.start(), match.end())
    return {
        "phrase": match.group(0).strip(),
        "subject": subject,
        "scope": scope,
        "milestone": _milestone_index(match.start(), milestone_spans),
    }


def _special(text: str, milestone_spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, Target]]:
    """The figures with no comparator of their own, the directions and the campaign counts.

    Each pattern runs only where a word it needs occurs (折, 服务圈, 清零 …): most task texts
    have none, and a plain substring test costs far less than a regular expression's scan.
    """
    found: list[tuple[int, int, Target]] = []
    if _SPECIAL_HINT.search(text) is None:
        return found

    def add(match: re.Match[str], **fields: object) -> None:
        found.append(
            (match.start(), match.end(), Target(**{**_base(text, match, milestone_spans), **fields}))  # type: ignore[arg-type]
        )

    for match in _DISCOUNT.finditer(text) if "折" in text else ():
        raw = float(match.group("number"))
        share = raw * 10 if raw < 10 else raw  # 8折 → 80%, 85折 → 85%
        add(
            match,
            kind=TargetKind.DISCOUNT,
            comparator=Comparator.EQUAL,
            value=int(share) if share.is_integer() else share,
            unit="%",
            reading=f"{match.group(0)}: the price paid is {share:g}% of the full price",
        )
    for match in _AVAILABILITY.finditer(text) if "24" in text else ():
        seven = "×" in match.group(0) or "x" in match.group(0).lower() or "*" in match.group(0)
        add(
            match,
            kind=TargetKind.AVAILABILITY,
            comparator=Comparator.EQUAL,
            value=24,
            unit="小时",
            reading="open 24 hours a day, 7 days a week" if seven else "open 24 hours a day",
        )
    for match in _REACH.finditer(text) if "服务圈" in text else ():
        add(
            match,
            kind=TargetKind.REACH,
            comparator=Comparator.AT_MOST,
            value=_number(match.group("number"), None),
            unit="分钟",
            reading="a service circle: the service lies within this travel time of the people it serves",
        )
    for match in _DURATION.finditer(text) if "年时间" in text else ():
        parts = _RANGE_DASH.split(match.group("number"))
        low = _number(parts[0], None)
        high = _number(parts[1], None) if len(parts) == 2 else None
        add(
            match,
            kind=TargetKind.DURATION,
            comparator=Comparator.RANGE if high is not None else Comparator.AT_MOST,
            value=low,
            upper=high,
            unit="年",
            reading="the time the goal is to take, counted from the plan year",
        )
    for match in _AT_LEAST_CN.finditer(text) if "至少" in text or "不少于" in text else ():
        add(
            match,
            kind=TargetKind.QUANTITY,
            comparator=Comparator.AT_LEAST,
            value=from_chinese(match.group("number")),
            unit=match.group("counter"),
        )
    for match in _CLEARED.finditer(text, _from_word(text, "清零", _CLEARED_REACH)) if "清零" in text else ():
        what = match.group("what")
        add(
            match,
            kind=TargetKind.QUANTITY,
            comparator=Comparator.EQUAL,
            value=0,
            unit="户" if what.endswith("家庭") else "",
            applies_to=what,
            reading=f"动态清零: every {what} found is helped at once, so the count is kept at zero",
        )
    for match in _TREND.finditer(text, _from_word(text, "稳中有", _TREND_REACH)) if "稳中有" in text else ():
        rise = match.group("dir") == "升"
        add(
            match,
            kind=TargetKind.RELATIVE,
            comparator=Comparator.MORE_THAN if rise else Comparator.LESS_THAN,
            reference="上年水平",
            reading=(
                "稳中有升: steady and somewhat higher" if rise else "稳中有降: steady and somewhat lower"
            )
            + " than the year before; no figure is given",
        )
    campaign = list(_CAMPAIGN.finditer(text)) if _CAMPAIGN_HINT.search(text) else []
    if len(campaign) >= 2:  # 进十大…、入百处…: a campaign's figures, not a name such as 百展
        for match in campaign:
            add(
                match,
                kind=TargetKind.QUANTITY,
                comparator=Comparator.EQUAL,
                value=_CAMPAIGN_VALUE[match.group("number")],
                unit="个" if match.group("counter") == "大" else match.group("counter"),
                applies_to=match.group("what"),
                reading="one of the round figures of a 十百千万 campaign: the count to visit",
            )
    return found


def _service_times(
    text: str, match: re.Match[str], milestone_spans: Sequence[tuple[int, int]]
) -> list[Target]:
    """The limits of one service-time phrase: two for 13小时和2小时内, paired by 分别 with their items."""
    numbers = [match.group("number")]
    if match.group("number2"):
        numbers.append(match.group("number2"))
    items = _respective(text, match.start(), len(numbers)) if len(numbers) > 1 else None
    subject, scope, left = _placed(text, match.start(), match.end())
    result: list[Target] = []
    for position, raw in enumerate(numbers):
        target = Target(
            kind=TargetKind.SERVICE_TIME,
            comparator=Comparator.AT_MOST,
            phrase=match.group(0),
            subject=subject,
            value=_number(raw, None),
            unit=match.group("counter"),
            scope=scope,
            milestone=_milestone_index(match.start(), milestone_spans),
        )
        if items is None:
            result.extend(_qualified(text, match.start(), left, target))
            continue
        pairs = ", ".join(
            f"{item} {n}{match.group('counter')}" for item, n in zip(items, numbers, strict=True)
        )
        result.append(
            attrs.evolve(
                target,
                applies_to=items[position],
                reading=f"分别: the figures go with the items before them, in order ({pairs})",
            )
        )
    return result


def _quantities(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_QUANTITY.finditer(text)``, looked for only near a figure and its counter.

    Every match holds a ``_QUANTITY_HINT`` (the figure's last character, then
    its counter) and, before it, only characters of ``_BEFORE_FIGURE``, digits
    and spaces; each search starts where such a run before the next hint
    begins, never after the next match's start, so the matches are the same.
    """
    position = 0
    while (hint := _QUANTITY_HINT.search(text, position)) is not None:
        start = hint.start()
        while start > position and (
            text[start - 1] in _BEFORE_FIGURE or text[start - 1].isdigit() or text[start - 1].isspace()
        ):
            start -= 1
        match = _QUANTITY.search(text, start)
        if match is None:
            return
        yield match
        position = match.end()


def targets_in(text: str, milestone_spans: Sequence[tuple[int, int]] = ()) -> list[Target]:
    """Every target stated in ``text``, in order of appearance.

    ``milestone_spans`` are the spans of the text's milestone deliverables
    (from :func:`heze_plan.parsing.deadlines.milestones_in`); a target inside one
    belongs to that milestone.

    >>> [(t.comparator.value, t.value, t.unit) for t in targets_in("力争2023年引进青年人才2.7万人以上。")]
    [('≥', 27000, '人')]
    >>> [(t.value, t.applies_to) for t in targets_in("进出口整体通关时间分别控制在13小时和2小时内")]
    [(13, '进口'), (2, '出口')]
    """
    found: list[tuple[int, Target]] = []
    taken: list[tuple[int, int]] = []

    for start, end, target in _special(text, milestone_spans):
        if any(s <= start < e for s, e in taken):
            continue
        left, _ = _clause_bounds(text, start, end)
        found.extend((start, t) for t in _qualified(text, start, left, target))
        taken.append((start, end))

    # every service time ends with 内 and every comparison holds 于: one test each rules most texts out
    service = "内" in text and (
        "工作日" in text or "小时" in text or "分钟" in text or "个月" in text or "天" in text
    )
    for match in _SERVICE_TIME.finditer(text) if service else ():
        if not any(s <= match.start() < e for s, e in taken):
            found.extend((match.start(), t) for t in _service_times(text, match, milestone_spans))
            taken.append(match.span())

    for match in _quantities(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        raw, prefix, suffix = match.group("number"), match.group("prefix"), match.group("suffix")
        is_cn = not raw[0].isdigit()
        if is_cn and (not prefix or not _is_from_chinese(raw)):
            continue
        before = text[max(0, match.start() - 1) : match.start()]
        if before in {"第", "“", '"', "."} or text[match.end() : match.end() + 1] == "的":
            continue
        comparator = (
            _PREFIX_COMPARATOR[prefix] if prefix else _SUFFIX_COMPARATOR.get(suffix or "", Comparator.EQUAL)
        )
        upper: float | None = None
        parts = _RANGE_DASH.split(raw) if _has_dash(raw) else [raw]
        if len(parts) == 2:
            comparator = Comparator.RANGE
            upper = _number(parts[1], match.group("mult"))
            if upper < _number(parts[0], match.group("mult")):
                continue  # 5—3人 is no range: a dash between two counts, not a target
        counter = match.group("counter").replace("％", "%")
        subject, scope, left = _placed(text, match.start(), match.end())
        target = Target(
            kind=TargetKind.QUANTITY,
            comparator=comparator,
            phrase=match.group(0).strip(),
            subject=subject,
            value=_number(parts[0], match.group("mult")),
            upper=upper,
            unit=counter,
            scope=scope,
            milestone=_milestone_index(match.start(), milestone_spans),
        )
        found.extend((match.start(), t) for t in _qualified(text, match.start(), left, target))

    relative = "于" in text and ("高于" in text or "低于" in text or "优于" in text)
    for match in _RELATIVE.finditer(text) if relative else ():
        if any(s <= match.start() < e for s, e in taken):
            continue
        subject, scope, left = _placed(text, match.start(), match.end())
        target = Target(
            kind=TargetKind.RELATIVE,
            comparator=_RELATIVE_COMPARATOR[match.group("op")],
            phrase=match.group(0),
            subject=subject,
            reference=match.group("reference"),
            scope=scope,
            milestone=_milestone_index(match.start(), milestone_spans),
        )
        found.extend((match.start(), t) for t in _qualified(text, match.start(), left, target))
    found.sort(key=lambda pair: pair[0])
    return [target for _, target in found]
