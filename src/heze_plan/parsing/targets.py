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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heze_plan.common.numerals import from_chinese
from heze_plan.model.plan import Comparator, Target, TargetKind

__all__ = ["targets_in"]

_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}

_NUMBER = r"\d+(?:\.\d+)?"
_CN_NUMBER = r"[一二两三四五六七八九十]+"
_COUNTERS = r"(?:立方米|平方米|个|家|项|场|处|期|件|类|名|人|%|％)"
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
_RELATIVE = re.compile(
    r"(?P<op>不低于|高于|不高于|低于|优于)(?P<reference>[^，。；、,]*?(?:平均水平|水平|增速))"
)

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
_SCOPES = (
    (re.compile(r"每个县区|每县区|各县区"), "per county"),
    (re.compile(r"每月"), "per month"),
    (re.compile(r"每年"), "per year"),
)
_CLAUSE_BREAK = "。；;，,"


def _is_from_chinese(text: str) -> bool:
    try:
        from_chinese(text)
    except ValueError:
        return False
    return True


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in _CLAUSE_BREAK) + 1
    rights = [i for i in (text.find(c, end) for c in _CLAUSE_BREAK) if i != -1]
    return left, min(rights, default=len(text))


def _scope(text: str, start: int, end: int) -> str | None:
    """A scope word (每个县区, 每月, 每年) in the clause, or just before it, of a target."""
    left, right = _clause_bounds(text, start, end)
    sentence_start = max(text.rfind(c, 0, start) for c in "。；;") + 1
    for pattern, scope in _SCOPES:
        if pattern.search(text, left, right) or pattern.search(text, sentence_start, start):
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


def _subject(text: str, start: int, end: int) -> str:
    left, right = _clause_bounds(text, start, end)
    return text[left:right].strip()


def targets_in(text: str, milestone_spans: Sequence[tuple[int, int]] = ()) -> list[Target]:
    """Every target stated in ``text``, in order of appearance.

    ``milestone_spans`` are the spans of the text's milestone deliverables
    (from :func:`heze_plan.parsing.deadlines.milestones_in`); a target inside one
    belongs to that milestone.

    >>> [(t.comparator.value, t.value, t.unit) for t in targets_in("力争2023年引进青年人才2.7万人以上。")]
    [('≥', 27000, '人')]
    """
    found: list[tuple[int, Target]] = []
    taken: list[tuple[int, int]] = []

    for match in _SERVICE_TIME.finditer(text):
        numbers = [match.group("number")]
        if match.group("number2"):
            numbers.append(match.group("number2"))
        for raw in numbers:
            found.append(
                (
                    match.start(),
                    Target(
                        kind=TargetKind.SERVICE_TIME,
                        comparator=Comparator.AT_MOST,
                        phrase=match.group(0),
                        subject=_subject(text, match.start(), match.end()),
                        value=_number(raw, None),
                        unit=match.group("counter"),
                        scope=_scope(text, match.start(), match.end()),
                        milestone=_milestone_index(match.start(), milestone_spans),
                    ),
                )
            )
        taken.append(match.span())

    for match in _QUANTITY.finditer(text):
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
        parts = re.split(r"\s*[—\-－~～至]\s*", raw)
        if len(parts) == 2:
            comparator = Comparator.RANGE
            upper = _number(parts[1], match.group("mult"))
            if upper < _number(parts[0], match.group("mult")):
                continue  # 5—3人 is no range: a dash between two counts, not a target
        counter = match.group("counter").replace("％", "%")
        found.append(
            (
                match.start(),
                Target(
                    kind=TargetKind.QUANTITY,
                    comparator=comparator,
                    phrase=match.group(0).strip(),
                    subject=_subject(text, match.start(), match.end()),
                    value=_number(parts[0], match.group("mult")),
                    upper=upper,
                    unit=counter,
                    scope=_scope(text, match.start(), match.end()),
                    milestone=_milestone_index(match.start(), milestone_spans),
                ),
            )
        )

    for match in _RELATIVE.finditer(text):
        found.append(
            (
                match.start(),
                Target(
                    kind=TargetKind.RELATIVE,
                    comparator=_RELATIVE_COMPARATOR[match.group("op")],
                    phrase=match.group(0),
                    subject=_subject(text, match.start(), match.end()),
                    reference=match.group("reference"),
                    scope=_scope(text, match.start(), match.end()),
                    milestone=_milestone_index(match.start(), milestone_spans),
                ),
            )
        )
    found.sort(key=lambda pair: pair[0])
    return [target for _, target in found]
