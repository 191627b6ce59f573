"""Owner clauses: who leads a task, who shares it, and a deadline written beside them.

The plans of the family close each task with its owners, written in one of
these ways (brackets and colons full- or half-width, separators ；; ，, 、):

* labelled: ``（牵头单位：市商务局；责任单位：各县区政府、管委会）``, also with
  牵头部门, 责任部门, 配合单位/配合部门/协办单位 (read as responsible units); a
  clause with only 责任单位 names the units that lead;
* in words: ``（市商务局牵头，市财政局按职责分工负责）``, ``（市商务局牵头负责）``,
  ``（市人力社保局、市农业农村局分别牵头）`` (two leads);
* plain: ``（市商务局、市财政局）``, every name a unit's;
* without the parenthesis, after the task text: ``…。牵头单位：市商务局；责任单位：…``.

A deadline may stand inside the clause: ``（市商务局牵头，6月底前完成）`` or
``（牵头单位：市商务局；完成时限：2023年10月底前）``; so may an ongoing mark
(长期坚持, 持续推进). :func:`read_owners` returns each part; the parser
turns the deadlines into milestones of the task.
"""

from __future__ import annotations

import functools
import re

import attrs

from heze_plan.parsing.findings import Convention
from heze_plan.parsing.units import split_outside_brackets, split_units

__all__ = ["OwnerClause", "find_owner_clause", "read_owners"]

_LEAD_LABEL = r"(?:领域)?牵头(?:单位|部门)|主办单位|主责单位|主责部门"
_RESPONSIBLE_LABEL = r"责任(?:单位|部门)"
_COOPERATING_LABEL = r"(?:配合|协办|参与|协同)(?:单位|部门)"
_DEADLINE_LABEL = r"完成时限|完成时间|时间节点|时限要求|时限"
#: A label, with a named group for each kind: the match's ``lastgroup`` is the label's kind.
_LABEL = re.compile(
    rf"^(?:(?P<lead>{_LEAD_LABEL})|(?P<responsible>{_RESPONSIBLE_LABEL})"
    rf"|(?P<cooperating>{_COOPERATING_LABEL})|(?P<deadline>{_DEADLINE_LABEL}))\s*[：:]\s*"
)
_ANY_LABEL = re.compile(rf"(?:{_LEAD_LABEL}|{_RESPONSIBLE_LABEL}|{_COOPERATING_LABEL})\s*[：:]")
#: 6月底, 年底, 2023年3月底; also 2013年底 / 2013年内, where the year's 年 is the 年 of 年底.
_DEADLINE_START = (
    r"(?:(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月|年底|年内|全年|今年)|(?:19|20)\d{2}\s*年\s*(?:底|末|内))"
)
#: An ongoing mark, maybe bounded by the year (天津 2020: 年内持续推进): no date to keep.
_ONGOING = re.compile(r"^(?:年内|全年)?(?:长期坚持|持续推进|长期推进|持续开展|长期)$")
#: Where a ， inside a clause starts a new part: before a label or a deadline.
_BOUNDARY = re.compile(
    rf"[，,]\s*(?=(?:{_LEAD_LABEL}|{_RESPONSIBLE_LABEL}|{_COOPERATING_LABEL}|{_DEADLINE_LABEL})\s*[：:]"
    rf"|{_DEADLINE_START}|长期|持续推进)"
)
_DEADLINE_PART = re.compile(
    rf"^{_DEADLINE_START}\s*(?:底|末)?\s*前?\s*(?:完成|落实|实现|到位|完成并持续推进)?$"
)
#: X牵头, X牵头负责, X、Y分别牵头 (each leads its own part), X共同牵头, X牵头推进, X为牵头单位.
#: 主办 (hosts) stands for 牵头 and 协办 (assists) for 配合 in older plans (黑龙江 2013:
#: ``（省财政厅主办，省国税局、地税局协办）``); 主抓 (takes charge) for 牵头 too.
_LEADS_IN_WORDS = re.compile(
    r"^由?(?P<lead>.+?)(?:分别|共同|联合)?(?:为牵头(?:单位|部门)|牵头|主办|主抓)"
    r"(?:负责|组织|落实|实施|推进|抓总)?(?:[，,、]\s*(?P<rest>.*))?$"
)
#: Words that make a clause an owner clause wherever they stand (a substring test).
_LEAD_WORDS = ("牵头", "会同", "主抓")
#: X会同Y、Z负责 (X together with Y and Z): X leads, Y and Z share.
_TOGETHER = re.compile(r"^由?(?P<lead>[^，,、]+?)会同(?P<rest>.+?)(?:负责|落实|推进|实施|办理)?$")
#: X负责，Y、Z配合: beside units that assist, the unit 负责 names is the principal one.
_PRINCIPAL_AND_HELPERS = re.compile(
    r"^(?P<lead>[^，,]+?)(?:具体)?负责[，,]\s*(?P<rest>.+?(?:配合|协助|协同|协办|参与))$"
)
#: X负责, X按职责分工负责, X、Y、Z分别负责 (each its own part), X配合, X协办.
#: 主办 as a role word: closing a part of the clause (X主办，Y协办), not inside a phrase (由X主办的活动).
_HOSTS = re.compile(r"主办(?:$|[，,；;])")
_SHARES_IN_WORDS = re.compile(
    r"^(?P<units>.+?)(?:按照?职责分工|按照?职责|根据职责|分别|分工|具体)?"
    r"(?:负责落实|负责|配合|协办|协助|协同|参与|落实|共同推进|为(?:配合|责任|协办|参与)(?:单位|部门))$"
)
#: A list closed by a role word of its own (东城 2017: （统计局、产促局、人力社保局负责落实）): names
#: without a level prefix are owners there too.
_ROLE_END = re.compile(r"(?:负责落实|负责|配合|协办)$")
_LEADS_IN_WORDS_ANYWHERE = re.compile(r"牵头|主办")
_UNIT_SUFFIX = re.compile(
    r"(?:局|委|办|厅|中心|院|会|部|公司|政府|管委会|单位|部门|支行|海关|集团|台|队|所|站|社|行|署|处|室|直属库|党校|小组)$"
)
_UNIT_PREFIXES = ("市", "省", "州", "县", "区", "各", "有关")
_OPEN, _CLOSE = "（(", "）)"
_HALF_WIDTH: frozenset[Convention] = frozenset({Convention.HALF_WIDTH_PUNCTUATION})
_FULL_WIDTH: frozenset[Convention] = frozenset()


@attrs.frozen
class OwnerClause:
    """What an owner clause says, with the conventions it was written in."""

    lead_units: tuple[str, ...]
    responsible_units: tuple[str, ...]
    #: Deadline parts as written (``6月底前完成``), in order.
    deadlines: tuple[str, ...] = ()
    #: Parts that fit no form (neither units nor a deadline), as written.
    unread: tuple[str, ...] = ()
    conventions: frozenset[Convention] = frozenset()
    #: Names that lost a trailing 等 (see :func:`heze_plan.parsing.units.split_units`).
    trimmed: tuple[str, ...] = ()


def _bare(name: str) -> str:
    return name.strip().removesuffix("等")  # as re.sub(r"等$", ""): a stripped name ends with no line break


def _looks_like_owners(content: str) -> bool:
    """Labels, 牵头, or a list of names that all end like a unit's (…局, …委, …政府)."""
    # role words first: substring tests, where _ANY_LABEL (an alternation) is tried at every position
    if any(word in content for word in _LEAD_WORDS) or _ANY_LABEL.search(content):
        return True
    if "主办" in content and _HOSTS.search(content):
        return True
    parts = [p.strip() for p in split_outside_brackets(content, "、，,；;") if p.strip()]
    said = [p for p in parts if not _DEADLINE_PART.match(p) and not _ONGOING.match(p)]
    # the role word first, then the 等 of an open list (省工业和信息化厅等负责)
    names = [_bare(_SHARES_IN_WORDS.sub(r"\g<units>", n)) for n in said]
    # a role word closes the names, maybe before a time (国务院 2020: 国务院各部门分别负责，年内持续推进)
    return (
        bool(names)
        and all(_UNIT_SUFFIX.search(n) for n in names)
        and (any(n.startswith(_UNIT_PREFIXES) for n in names) or _ROLE_END.search(said[-1]) is not None)
    )


#: :func:`_looks_like_owners`, remembered per clause for :func:`find_owner_clause`: a plan repeats
#: its owner clauses (129 distinct in Heze's 195 tasks), and the test is a pure function of the
#: clause. Bounded, as the parser's other per-string caches.
_clause_looks_like_owners = functools.lru_cache(maxsize=2048)(_looks_like_owners)


def _last_bracket(text: str, before: int) -> int:
    """Where the last bracket of ``text[:before]`` stands, or -1."""
    return max(
        text.rfind("（", 0, before),
        text.rfind("）", 0, before),
        text.rfind("(", 0, before),
        text.rfind(")", 0, before),
    )


def _clause_at(body: str, opening: int, end: int) -> tuple[int, str, frozenset[Convention]] | None:
    """The clause from the bracket at ``opening`` to the one before ``end``, if it names owners."""
    content = body[opening + 1 : end - 1].strip()
    if not _clause_looks_like_owners(content):
        return None
    half = body[opening] == "(" or body[end - 1] == ")"
    return opening, content, _HALF_WIDTH if half else _FULL_WIDTH


def find_owner_clause(body: str) -> tuple[int, str, frozenset[Convention]] | None:
    """Where the owner clause of a task paragraph starts, its content and how it is written.

    >>> find_owner_clause("做一件事。（牵头单位：市商务局（含口岸办））")
    (5, '牵头单位：市商务局（含口岸办）', frozenset())
    >>> find_owner_clause("做一件事（试行）。") is None
    True
    """
    end = len(body.rstrip().rstrip("。；;").rstrip())
    if end and body[end - 1] in _CLOSE:
        # most clauses hold no bracket of their own: the last opening bracket then opens the clause
        opening = max(body.rfind("（", 0, end - 1), body.rfind("(", 0, end - 1))
        inner = body.find("）", opening, end - 1) != -1 or body.find(")", opening, end - 1) != -1
        if opening != -1 and not inner:
            return _clause_at(body, opening, end)
        depth = 0
        index = end
        # back from the end from bracket to bracket (rfind, in C), to the one that opens the clause
        while (index := _last_bracket(body, index)) != -1:
            char = body[index]
            if char in _CLOSE:
                depth += 1
            elif char in _OPEN:
                depth -= 1
                if depth == 0:
                    return _clause_at(body, index, end)
        return None
    sentence_end = body.rfind("。", 0, end) + 1
    tail = body[sentence_end:end]
    if not _ANY_LABEL.match(tail.strip()):
        return None
    return sentence_end, tail.strip(), frozenset({Convention.UNBRACKETED_OWNERS})


class _Reading:
    """What :func:`read_owners` has read so far."""

    def __init__(self) -> None:
        self.leads: list[str] = []
        self.shared: list[str] = []
        self.deadlines: list[str] = []
        self.unread: list[str] = []
        self.trimmed: list[str] = []
        self.conventions: set[Convention] = set()
        self.responsible_labelled = False
        #: Whether the leads so far are units a role word 负责/落实 named, with no 牵头 (X负责落实).
        self.role_leads = False

    def add(self, target: list[str], text: str) -> None:
        names, lost = split_units(text)
        target.extend(names)
        self.trimmed.extend(lost)

    def labelled(self, kind: str, value: str) -> None:
        """A labelled part: ``kind`` is the name of the ``_LABEL`` group that matched its label."""
        if kind == "deadline":
            if _ONGOING.match(value):
                self.conventions.add(Convention.ONGOING_IN_OWNERS)
            else:
                self.conventions.add(Convention.DEADLINE_IN_OWNERS)
                self.deadlines.append(value)
        elif kind == "responsible":
            self.conventions.add(Convention.LABELLED_OWNERS)
            self.responsible_labelled = True
            self.add(self.shared, value)
        elif kind == "cooperating":
            self.conventions.add(Convention.COOPERATING_LABEL)
            self.add(self.shared, value)
        else:
            self.conventions.add(Convention.LABELLED_OWNERS)
            self.add(self.leads, value)

    def unlabelled(self, part: str) -> None:
        if _DEADLINE_PART.match(part):
            self.conventions.add(Convention.DEADLINE_IN_OWNERS)
            self.deadlines.append(part)
        elif _ONGOING.match(part):
            self.conventions.add(Convention.ONGOING_IN_OWNERS)
        elif (words := _TOGETHER.match(part) or _PRINCIPAL_AND_HELPERS.match(part)) is not None:
            self.conventions.add(Convention.PHRASED_OWNERS)
            self.add(self.leads, words.group("lead"))
            rest = words.group("rest").strip()
            shares = _SHARES_IN_WORDS.match(rest)
            self.add(self.shared, shares.group("units") if shares else rest)
        elif (words := _LEADS_IN_WORDS.match(part)) is not None:
            self.conventions.add(Convention.PHRASED_OWNERS)
            self.add(self.leads, words.group("lead"))
            rest = (words.group("rest") or "").strip()
            if rest:
                shares = _SHARES_IN_WORDS.match(rest)
                self.add(self.shared, shares.group("units") if shares else rest)
        elif (shares := _SHARES_IN_WORDS.match(part)) is not None:
            self.conventions.add(Convention.PHRASED_OWNERS)
            self.role_leads = self.role_leads or not self.leads
            self.add(self.leads if not self.leads else self.shared, shares.group("units"))
        elif _looks_like_owners(part):
            self.conventions.add(Convention.PLAIN_OWNERS)
            self.add(self.leads if not self.leads else self.shared, part)
        else:
            self.unread.append(part)


def read_owners(content: str) -> OwnerClause:
    """Read the content of an owner clause (without its brackets).

    >>> read_owners("牵头单位：市商务局；责任单位：市财政局，各县区政府、管委会").responsible_units
    ('市财政局', '各县区政府、管委会')
    >>> clause = read_owners("市商务局牵头，市财政局按职责分工负责，6月底前完成")
    >>> clause.lead_units, clause.responsible_units, clause.deadlines
    (('市商务局',), ('市财政局',), ('6月底前完成',))
    """
    reading = _Reading()
    if ":" in content:
        reading.conventions.add(Convention.HALF_WIDTH_PUNCTUATION)
    for segment in split_outside_brackets(content, "；;"):
        # every boundary is a ，or ,: without one there is nothing to split (and no pattern to run)
        for raw in _BOUNDARY.split(segment) if "，" in segment or "," in segment else (segment,):
            part = raw.strip().strip("，,、。")
            if not part:
                continue
            label = _LABEL.match(part)
            if label:
                reading.labelled(label.lastgroup or "lead", part[label.end() :].strip())
            else:
                reading.unlabelled(part)
    leads, shared = reading.leads, reading.shared
    if reading.role_leads and not _LEADS_IN_WORDS_ANYWHERE.search(content):
        # only X负责 / X负责落实, no 牵头: as a clause with only 责任单位, the listed units lead
        reading.conventions.add(Convention.RESPONSIBLE_LABEL_ONLY)
    if not leads and reading.responsible_labelled:
        reading.conventions.discard(Convention.LABELLED_OWNERS)
        reading.conventions.add(Convention.RESPONSIBLE_LABEL_ONLY)
        leads, shared = shared, []
    return OwnerClause(
        lead_units=tuple(leads),
        responsible_units=tuple(shared),
        deadlines=tuple(reading.deadlines),
        unread=tuple(reading.unread),
        conventions=frozenset(reading.conventions),
        trimmed=tuple(reading.trimmed),
    )
