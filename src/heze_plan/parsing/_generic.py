"""The tolerant reading of any plan of the family, whatever its layout.

Used when a text is not laid out as Heze's plan (document number, sections,
三、重点任务 with （一） areas and 1. tasks). The text is first cut into
numbered items at every marker (一、 （一） 1. （1）, at a line start, or
inside a line after a sentence end for web copies pasted as one line), each
with its level, its parent and its owner clause: an end parenthesis, lines
of labels (责任单位：…), or role words (X牵头，Y配合). The tasks are then
the items that carry an owner clause and have no owned item below them,
wherever their level, plus the unowned items numbered among them (an
overall goal 1. before task 2.); areas are the items or chapters right above
the tasks. A flattened table (cells split by ``|``, tabs or runs of spaces
under a header such as 序号 / 具体要求 / 责任单位 / 时限要求) is read by its
columns instead.

Front matter is optional: a missing document number or title is a finding,
never an error. The plan year comes from the caller, the title, the document
number, dated deadlines, a date line or any year written in the text; only
undated deadlines with no year anywhere raise, asking for ``year=``.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping

import attrs

from heze_plan.common.numerals import from_chinese
from heze_plan.data.vocabulary import vocabulary
from heze_plan.model.plan import Area, Document, Milestone, Task, Unit
from heze_plan.parsing._labels import enclosing, group_marker, printed_labels
from heze_plan.parsing._layout import ATTACHED_FILE, WEB_PAGE_MARK
from heze_plan.parsing.deadlines import end_of_month, end_of_quarter, find_deadlines, milestones_in
from heze_plan.parsing.findings import Convention, ParseError, ParseFinding
from heze_plan.parsing.owners import find_owner_clause, read_owners
from heze_plan.parsing.targets import targets_in
from heze_plan.parsing.units import collective_parts, is_collective, split_outside_brackets, split_units

__all__ = ["GenericResult", "normalize", "parse_generic", "strip_glosses"]

_CN = "一二三四五六七八九十百零〇两"
_PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,8}[）)]"
)
_HALF = {"(": "（", ")": "）", ":": "：", ";": "；", "〔": "（", "〕": "）", "【": "（", "】": "）"}
# square brackets close owners whose names hold parentheses (嘉鱼 2021: [牵头单位:县发改局(粮食局)…])
_HALF |= {"[": "（", "]": "）", "［": "（", "］": "）"}
# the small full stop of some web fonts numbers items too (安徽 2022: 1﹒全省生产总值…)
_HALF |= {"﹒": "．"}
# a table's cell bar as full-width or box-drawing characters (｜, │, ┃) is a bar
_HALF |= {"｜": "|", "│": "|", "┃": "|"}
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
#: A marker: chapter 一、 / 一． / 一. / 第一章, area （一）, item 1. 1． 1、, sub-item （1） or 1.1
#: (at a line's start), and below them 1） and ①.
_MARKER = re.compile(
    rf"(?P<chapter>(?P<cn>[{_CN}]{{1,3}})(?:、|[.．](?![\d.．]))|第(?P<cn2>[{_CN}]{{1,3}})(?:章|部分|条))"
    rf"|(?P<area>（\s*(?P<cn3>[{_CN}]{{1,3}})\s*）)"
    r"|(?P<sub>（\s*(?P<d2>\d{1,3})\s*）)"
    r"|(?P<item>(?P<d>\d{1,6})\s*[.．、](?![\d%．.]))"
    r"|(?P<dotted>\d{1,2}[.．](?P<d5>\d{1,2})(?![\d%．.])(?=[ \t\u3000]*[\u4e00-\u9fff]))"
    r"|(?P<itemd>(?P<d3>\d{1,6})\s*[.．](?=\d))"
    r"|(?P<close>(?P<d4>\d{1,2})）)"
    r"|(?P<circled>[\u2460-\u2473])"
)
#: The characters a marker starts with; _MARKER (an alternation of groups) gets no such
#: first-character filter from the engine and would be tried at every position.
_MARKER_START = re.compile(rf"[{_CN}第（\d\u2460-\u2473]")
#: Where an inline marker may stand: after a sentence end, a closing bracket, a cell or a space.
_BOUNDARY = "。；：）！？|\u3000 \t"
_LEVELS = {"chapter": 0, "area": 1, "item": 2, "itemd": 2, "sub": 3, "dotted": 3, "close": 4, "circled": 4}
_KINDS = ("chapter", "area", "sub", "item", "dotted", "itemd", "close", "circled")

#: The labels of an owner clause, longest first (data/vocabulary.json: every prefix with every suffix).
_LEAD_LABELS = "|".join(vocabulary().lead_labels)
_OTHER_LABELS = "|".join(vocabulary().shared_labels)
_DEADLINE_LABELS = "完成时限|完成时间|时间节点|时限要求|进度安排|时限"
#: Labels of what is no owner: a person (牵头负责领导：金力, 责任人：张三, 项目责任人), a statistics
#: source, a remark, a progress report (实际完成情况).
_IGNORED_LABELS = (
    r"(?:牵头负责|牵头|责任|分管|主管|主要|联系|包保|包联|挂钩|项目|具体)?[省市县区州]?(?:领导|负责人|责任人|联系人|联络员)"
    r"|牵头人|数据提供单位|备注"
    r"|实际完成情况|完成情况|进展情况"
)
#: A label of the family's shape that no list names (督办单位：, 统筹部门：), after a clause's punctuation:
#: its units are read as the task's other owners, so that no label is ever part of a unit's name.
_UNKNOWN_LABEL = r"(?<=[；;，,。\s（(])[\u4e00-\u9fff]{1,4}?(?:单位|部门|处室|科室|机构)"
_WORD_LABELS = "部门分工|职责分工|分工"
_LABEL_AT = re.compile(
    rf"(?:^|(?<=[。；，\n（\s]))(?:{_IGNORED_LABELS}|{_LEAD_LABELS}|{_OTHER_LABELS}|{_DEADLINE_LABELS}|{_WORD_LABELS})\s*："
)
_IGNORED_PART = re.compile(rf"^(?:{_IGNORED_LABELS})\s*：")
_WORD_PART = re.compile(rf"^(?:{_WORD_LABELS})\s*：")
_LEAD_PART = re.compile(rf"^(?:{_LEAD_LABELS})\s*：")
_OTHER_PART = re.compile(rf"^(?:{_OTHER_LABELS})\s*：")
_DEADLINE_PART = re.compile(rf"^(?:{_DEADLINE_LABELS})\s*：")
#: 牵头 as a role word (X牵头), not in a label (牵头单位：).
#: 牵头 as a word (not a label); 主办 (hosts) in older plans (黑龙江 2013: 省财政厅主办，…协办).
_LEADS_IN_WORDS = re.compile(
    r"牵头(?!单位|部门|责任)|为牵头(?:单位|部门)|主办(?=$|[，,；;）])|主抓|会同"
    r"|负责[，,][^，,]*(?:配合|协助|协同|协办|参与)$"
)
_ANY_LABEL_COLON = re.compile(
    rf"(?:{_IGNORED_LABELS}|{_LEAD_LABELS}|{_OTHER_LABELS}|{_DEADLINE_LABELS}|{_WORD_LABELS}|{_UNKNOWN_LABEL})\s*："
)
_UNKNOWN_PART = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:单位|部门|处室|科室|机构)\s*：")
_FIRST_LEAD_PHRASES = "|".join(map(re.escape, vocabulary().first_unit_leads))
#: What every phrase of the rule ends with from its last 为 (为牵头, 为工作牵头): a substring test, in C,
#: before a pattern tried at every position.
_FIRST_LEAD_TAILS = tuple(sorted({p[p.rindex("为") :] for p in vocabulary().first_unit_leads if "为" in p}))


def _may_state_first_lead(text: str) -> bool:
    return any(tail in text for tail in _FIRST_LEAD_TAILS)


#: A document-wide rule that the first unit listed leads, with the parenthesis or clause that states it,
#: and the condition said before it (湖南 2014: 责任单位两个以上的，列第一者为牵头单位，下同).
_FIRST_IS_LEAD = re.compile(
    rf"（[^（）]*?(?:{_FIRST_LEAD_PHRASES})[^（）]*）"
    rf"|(?:[^，。；（）]{{1,16}}的，)?(?:{_FIRST_LEAD_PHRASES})[^，。；（）]*(?:，?下同)?"
)
#: …and 各责任单位按职责分工落实 closing such a note (三明 2025): the units named, not one more.
_NOTE = re.compile(r"下同|不再(?:做|作)?分工|不再列出|以下简称|^各责任单位按照?职责")
#: A rule stated once (in the notice) naming units that share every task unless a task says
#: otherwise (金华 2018: 除特别注明的外，各县（市、区）政府和金华开发区、金义都市新区、金华山旅游经济区
#: 管委会都是配合单位).
_EVERY_TASK_SHARED = re.compile(
    r"除(?:特别|另行|另有)?(?:注明|说明|标注|明确)(?:的)?(?:以)?外，(?P<units>[^。；：]{2,120}?)"
    r"(?:都|均)(?:是|为)(?:配合|协办|责任|参与)(?:单位|部门)"
)
#: Place names sharing the kind written after the last of them (金华开发区、金义都市新区、…管委会).
_SHARED_KIND = re.compile(r"(?:管委会|管理委员会|人民政府|政府)$")


#: What the rule's opening (除特别注明外, 除另有说明外) needs in a text not yet normalized: 除, then, after
#: any spaces or lost characters (?) that normalizing may drop, the first character of one of its
#: words. Tested before normalizing the whole text, which costs far more (a text of Heze's size
#: holds 除 in 消除, 破除, 除外 and the like).
_MAY_SHARE_EVERY_TASK = re.compile(r"除[\s?]*[特另注说标明]")


def every_task_shared(text: str) -> tuple[str, ...]:
    """The units a document-wide rule adds to every task's responsible units, in a text not yet
    normalized (half-width commas and brackets): none without one."""
    if "除" not in text or not _MAY_SHARE_EVERY_TASK.search(text):
        return ()
    return _every_task_shared(normalize(text))


def _every_task_shared(text: str) -> tuple[str, ...]:
    """The units a document-wide rule adds to every task's responsible units (none without one)."""
    if "除" not in text or (rule := _EVERY_TASK_SHARED.search(text)) is None:
        return ()
    units: list[str] = []
    for group in re.split(r"[，和及]", rule.group("units")):
        names = list(split_units(group)[0])
        kind = _SHARED_KIND.search(names[-1]) if names else None
        if kind is not None and len(names) > 1 and not any(_UNIT_NAME.match(n) for n in names[:-1]):
            # the kind after the last name is every name's: 金华开发区、金义都市新区管委会
            names = [n + kind.group(0) for n in names[:-1]] + names[-1:]
        units += names
    return tuple(dict.fromkeys(u for u in units if u))


#: A note inside the first task's clause about every later task (临夏州: ，以下各任务均需各县市人民政府、
#: 州直相关行业部门落实，不再一一列出): no owner of this task, cut before the clause is read.
_LATER_TASKS_NOTE = re.compile(
    r"[，,]?\s*(?:[此本该]项[及和])?以下(?:各项?|所有)?(?:任务|工作)(?:[^（）；。]|（[^（）]*）)*?"
    r"(?:不再一一列出|不再列出|下同)"
)


def _clause_without_note(body: str) -> tuple[int, str, frozenset[Convention]] | None:
    """The owner clause of a paragraph whose last bracket holds, beside its units, a note about every
    later task and no label (三明 2025: 〔市人社局,此项及以下任务均需各县(市、区)落实,不再列出。…〕)."""
    note = _LATER_TASKS_NOTE.search(body) if "以下" in body else None
    if note is None:
        return None
    clause = find_owner_clause(body[: note.start()] + body[note.end() :])
    return clause if clause is not None and clause[0] < note.start() else None


def _without_later_tasks_note(content: str) -> str:
    """An owner clause without a note about every later task (the pattern runs only when 以下 is there)."""
    return _LATER_TASKS_NOTE.sub("", content) if "以下" in content else content


_ROLE_SUFFIX = re.compile(
    r"(?:按照?职责分工|按照?职责|根据职责|分别|分工)?(?:负责落实|负责|配合|参与|落实|共同推进)$"
)
#: The words every _ROLE_SUFFIX match ends with (before the end, or a final line break).
_ROLE_WORDS = ("负责", "配合", "参与", "落实", "共同推进")
_TITLE_END = re.compile(
    r"(?:方案|计划|意见|措施|要点|清单|分工|分解|规划|办法|通知|任务|安排|细则|分工表|任务表|责任表|清单表|一览表)$"
)
#: A bracket closing a title: its years (（2023—2025年）), 试行, 征求意见稿.
_TITLE_NOTE = re.compile(r"（[^（）]{1,20}）$")


def _ends_like_a_title(line: str) -> bool:
    """Whether a line ends as a plan's title does (…方案, …要点), maybe before a note in brackets."""
    return bool(_TITLE_END.search(_TITLE_NOTE.sub("", line) if line.endswith("）") else line))


#: A year in a title, the first of a range (三年行动计划（2023—2025年）: 2023).
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*(?:年|[—–\-~～至到]\s*(?:19|20)\d{2}\s*年)")
#: A year written in Chinese numerals (二〇二三年, 二○二三年, 二零二三年), as dates under official
#: documents and some titles print it; read as figures where the plan year is looked for.
_CHINESE_YEAR = re.compile(r"[一二][〇○零OＯ0][〇○零一二三四五六七八九]{2}(?=\s*年)")
_CHINESE_DIGITS = str.maketrans("〇○零OＯ0一二三四五六七八九", "000000123456789")
#: The span of years a title ends with (北京 2016: 重点任务分工（2016-2020年）): the plan starts in the first.
_TITLE_SPAN = re.compile(r"（\s*((?:19|20)\d{2})\s*年?\s*[-－—–~～至到]+\s*(?:19|20)\d{2}\s*年?\s*）$")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[（\[]\s*((?:19|20)\d{2})\s*[）\]]\s*\d{1,4}\s*号")
# the issuer's abbreviation holds no 号 (文号：蔡政办〔2023〕1号 is 蔡政办〔2023〕1号)
_RAW_DOC_NUMBER = re.compile(
    r"(?:(?!号)[\u4e00-\u9fff]){1,8}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号"
)
_CITED_YEAR = re.compile(r"[〔\[［（(]\s*((?:19|20)\d{2})\s*[〕\]］）)]\s*\d{1,4}\s*号")
_DATED = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")
_DATE_LINE = re.compile(
    r"^((?:19|20)\d{2})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$"
)
#: A page's date stamp: 2020-05-14 09:44, 发布日期：2020-05-14, or 13.03.2015 07:51 (day first).
_DATE_STAMP = re.compile(
    r"^(?:(?:发布|成文|发文|印发)?(?:日期|时间)：\s*)?"
    r"(?:((?:19|20)\d{2})[-/][01]?\d[-/][0-3]?\d|[0-3]?\d\.[01]?\d\.((?:19|20)\d{2}))(?:\s+\d{1,2}：\d{2}(?:：\d{2})?)?$"
)
#: A page's date in a cell of its metadata table (临安 2022: 发布单位 | 区政府 | 发文日期 | 2022-07-14 |).
_META_DATE = re.compile(
    r"(?:发文|成文|发布|印发)(?:日期|时间)\s*[|｜：]?\s*((?:19|20)\d{2})-[01]?\d-[0-3]?\d"
)
#: A page's date stamp with its clock time inside a line (a one-line copy of 陕西 2015: …分工确定
#: 13.03.2015 07:51 记者…): dated so, it is the page's date wherever it stands.
_TIMED_DATE = re.compile(
    r"(?<![\d.．-])(?:((?:19|20)\d{2})-[01]?\d-[0-3]?\d|[0-3]?\d\.[01]?\d\.((?:19|20)\d{2}))\s+[0-2]?\d：[0-5]\d"
)
#: The year of a plan that names none and has no deadline: a stand-in, the same whatever the day.
_UNKNOWN_YEAR = 2000
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
#: A year in brackets of its own, an edition's (营商环境政策汇编（2023）, 工作手册（2023版）): the text's year
#: when no 年 dates anything.
_BRACKETED_YEAR = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年?\s*版?\s*[）)]")
_ONGOING = re.compile(r"^(?:长期坚持|持续推进|长期推进|持续开展|长期|持续|常态化推进|常年)")


#: A person's field after the last unit of an owner line (海东 2020 as one line: …临夏州发展改革部门
#: 人：三市州发展改革部门主要负责同志, the label 责任人 lost its first characters; 郑州 2012: 市教育局
#: 主要责任人：毛杰): it ends the owner line.
_PERSON_FIELD = re.compile(r"(?<=[部门局委办室府会心院处])(?:主要)?(?:责任人|联系人|负责人|人)：")
#: A line of a field of its own (海东 2020: 人：三市州发展改革部门主要负责同志, a person line whose
#: label lost its first characters; 工作成果：…): it does not continue the owner line before it.
_OTHER_FIELD = re.compile(r"^[\u4e00-\u9fff]{1,6}：")


@attrs.define
class _Item:
    level: int
    number: int
    label: str
    line: int
    parts: list[str] = attrs.field(factory=list)
    owner_lines: list[str] = attrs.field(factory=list)
    children: list[_Item] = attrs.field(factory=list)
    parent: _Item | None = None
    text: str = ""
    owners: str | None = None
    standalone: bool = False
    area: bool = False
    #: Further tasks in the same paragraph, each closed by its own owner bracket (text, owners).
    more: list[tuple[str, str]] = attrs.field(factory=list)


@attrs.frozen
class GenericResult:
    """What :func:`parse_generic` read, for the parser to assemble into a plan."""

    document: Document
    areas: tuple[Area, ...]
    tasks: tuple[Task, ...]
    conventions: frozenset[Convention]
    findings: tuple[ParseFinding, ...]
    units: tuple[str, ...]


def strip_glosses(text: str) -> tuple[str, int]:
    """Drop the pinyin a mirror site put after characters (發(fā)), and say how many.

    >>> strip_glosses("優(yōu)化營商環(huán)境")
    ('優化營商環境', 2)
    """
    # A gloss opens with a bracket: try the pattern (a lookbehind first, so costly to run at
    # every position) at each bracket, found by str.find, and substitute only if one matches.
    for bracket in "（(":
        at = text.find(bracket)
        while at != -1:
            if _PINYIN.match(text, at):
                return _PINYIN.subn("", text)
            at = text.find(bracket, at + 1)
    return text, 0


_CELL_GAP = re.compile(r"\t+|[ \u3000\xa0]{2,}")
_LONE_SPACE = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”])[ \u3000\xa0]"
    r"(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”\d])"
    r"|(?<=\d)[ \u3000\xa0](?=[\u4e00-\u9fff%])"
    # a space inside a number before its unit: 1 2 月底前, 2 0 2 3 年
    r"|(?<=\d)[ \u3000\xa0](?=\d[\d \u3000\xa0]*[年月日%])"
)
_SPACE_CHAR = re.compile(r"[ \u3000\xa0]")
#: A space between a unit's ending and the next unit's level prefix (市商务局 市外办): it parts two
#: names, so it becomes a 、 rather than being dropped.
_UNIT_SPACE = re.compile(
    r"(?<=[局委厅院府心司])[ \u3000\xa0](?=[省市州盟县区旗各][\u4e00-\u9fff]{1,12}?[局委办厅院府心司])"
)


#: A character a copy could not encode, shown as ``?`` (an ideographic or no-break space lost by a
#: GBK mirror: ``1? | 未来科技城…? | 祝振伟? | 临平新城? |``, ``沈 ?昱``): at a line end, before a
#: space or a cell bar, or between a space and a Chinese character; and a run of them opening a line
#: or of two or more anywhere (an indent lost so: ``??1.加强系统集成…``, ``??(一)提升线上服务…``,
#: in a one-line copy ``…监管局) ??2.推广…``). A question is written ？.
_LOST_CHARACTER = re.compile(
    r"\?(?=[ \t|\r\n]|$)|(?<=[ \t\u3000])\?(?=[\u4e00-\u9fff])|^[ \t\u3000\xa0]*\?+|\?{2,}", re.MULTILINE
)


#: Numbers written as one character: ⑴…⒇ (in parentheses, 辽宁 2012: ⑴九年义务教育巩固率…)
#: and ⒈…⒛ (with a full stop); they become （1） and 1． as typed.
_ENCLOSED_NUMBER = re.compile("[\u2474-\u249b]")
#: An item number closed by a full stop at the start of a line (天津 2020: 1。在以习近平同志…).
_STOP_NUMBER = re.compile(r"^([ \t\u3000\xa0]*\d{1,3})。(?=[ \u3000]*[^\s\d])", re.MULTILINE)


def _typed_number(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"（{code - 0x2473}）" if code <= 0x2487 else f"{code - 0x2487}．"


def _as_enclosed(label: str, text: str) -> str:
    """A label read as typed (（1）, 1．) in the one character the source prints (⑴, ⒈), if it does."""
    match = re.fullmatch(r"（(\d{1,2})）|(\d{1,2})[．.]?", label)
    if match is None:
        return label
    number = int(match.group(1) or match.group(2))
    if not 1 <= number <= 20:
        return label
    enclosed = chr(0x2473 + number) if match.group(1) else chr(0x2487 + number)
    return label.replace(match.group(0), enclosed) if enclosed in text else label


#: The same after a space inside a line (天津 2020 as a one-line copy: …主要预期目标 1。在以…).
_STOP_NUMBER_INSIDE = re.compile(r"(?<=[ \u3000\xa0])(\d{1,3})。(?=[\u4e00-\u9fff])")


def _typed_numbers(text: str) -> str:
    """Item numbers as they are typed: ⑴ → （1）, ⒈ → 1．, 1。 at a line's start → 1．, and inside a
    line after a space when the numbers so written run 1, 2, 3 (增长 5。 alone is a figure)."""
    if _ENCLOSED_NUMBER.search(text):
        text = _ENCLOSED_NUMBER.sub(_typed_number, text)
    text = _STOP_NUMBER.sub(r"\1．", text)
    if "。" in text and _STOP_NUMBER_INSIDE.search(text):
        last = 0

        def in_sequence(match: re.Match[str]) -> str:
            nonlocal last
            number = int(match.group(1))
            if number not in (1, last + 1):
                return match.group(0)
            last = number
            return match.group(1) + "．"

        text = _STOP_NUMBER_INSIDE.sub(in_sequence, text)
    return text


#: The labels a clause may write without a colon (four characters or more: 牵头 and 配合 alone are
#: marks after a name, 市发改委（牵头）), and the characters they end with.
_COLONLESS_LABELS = tuple(
    label
    for label in (*vocabulary().lead_labels, *vocabulary().shared_labels, *_DEADLINE_LABELS.split("|"))
    if len(label) >= 4
)
_LABEL_ENDS = "".join(sorted({label[-1] for label in _COLONLESS_LABELS}))
#: A label in lenticular brackets before its names (【牵头单位】县政务服务中心).
_BRACKETED_LABEL = re.compile(rf"【\s*({'|'.join(_COLONLESS_LABELS)})\s*】\s*")
#: After a label's last character: a dash (牵头单位——X) or, inside a clause, a space (（牵头单位 X）).
_AFTER_LABEL = re.compile(rf"(?<=[{_LABEL_ENDS}])(?:\s*[—－]{{1,2}}\s*|[ \u3000]+)(?=[\u4e00-\u9fff\d])")


def _colon_labels(text: str) -> str:
    """Labels written with brackets, a dash or a space instead of a colon, written with the colon.

    【牵头单位】X, 牵头单位——X and （牵头单位 X；责任单位 Y） say what 牵头单位：X says. A space
    counts only inside a clause (after （, ；or ，), where no table header stands.
    """
    if "【" in text:
        text = _BRACKETED_LABEL.sub(r"\1：", text)
    if "—" not in text and "－" not in text and " " not in text and "\u3000" not in text:
        return text
    pieces: list[str] = []
    at = 0
    for gap in _AFTER_LABEL.finditer(text):
        before = text[max(0, gap.start() - 8) : gap.start()]
        label = next((label for label in _COLONLESS_LABELS if before.endswith(label)), None)
        if label is None:
            continue
        opener = text[gap.start() - len(label) - 1 : gap.start() - len(label)]
        if (
            "—" not in gap.group()
            and "－" not in gap.group()
            and opener not in ("（", "(", "；", ";", "，", ",")
        ):
            continue
        pieces += [text[at : gap.start()], "："]
        at = gap.end()
    return "".join(pieces) + text[at:] if pieces else text


def normalize(text: str) -> str:
    """Full-width punctuation and no lone spaces next to Chinese characters (12 月 → 12月).

    A tab or a run of spaces inside a line is kept as one tab: it may part
    the cells of a flattened table; so is a single space under a header whose
    names single spaces part (序号 重点任务 牵头单位 …, see ``_spaced_row``).
    A page number left on its own line by a copy from a PDF (— 3 —, 第3页)
    becomes a blank line, so that a clause cut by the page joins up again.
    """
    if "?" in text:
        text = _LOST_CHARACTER.sub(" ", text)
    text = _colon_labels(text)
    for half, full in _HALF.items():  # str.replace scans in C; translate looks up every character
        text = text.replace(half, full)
    if "," in text:  # each pattern below needs the characters tested before it (str in, in C)
        text = _COMMA.sub("，", text)
    text = _typed_numbers(text)
    lines = []
    spaced_header: list[str] | None = None
    tab_width = 0  # the cells of a header row parted by single tabs (a table copied from Word)
    for raw in _one_line_tables(text.split("\n")):
        line = raw.strip(" \t\u3000\xa0\r")
        line, tab_width = _tab_row(raw, line, tab_width)
        if "\t" in line or "  " in line or "\u3000" in line or "\xa0" in line:
            # a single ideographic or no-break space left inside is a single space (a cell's gap)
            line = _CELL_GAP.sub("\t", line).replace("\u3000", " ").replace("\xa0", " ")
        if " " in line and "\t" not in line:
            if (
                spaced_header is not None
                and (
                    (row := _spaced_row(line, spaced_header)) is not None
                    # a glued row whose task text holds a space of its own (地区生产总值 增长5.5%)
                    or (line[:1].isdigit() and (row := _glued_row(line, spaced_header)) is not None)
                )
            ):
                lines.append(row)
                continue
            header = _spaced_header(line)
            if header is not None:
                spaced_header = header
                lines.append("\t".join(header))
                continue
        elif "\t" not in line and line[:1].isdigit() and spaced_header is not None:
            if (row := _glued_row(line, spaced_header)) is not None:
                lines.append(row)
                continue
        elif "\t" not in line and len(line) <= 40 and (header := _glued_header(line)) is not None:
            spaced_header = header
            lines.append("\t".join(header))
            continue
        if _is_furniture(line):
            line = ""
        lines.append(_drop_lone_spaces(_closed_once(line)))
    return "\n".join(lines)


def _closed_once(line: str) -> str:
    """A paragraph without the bracket it closes twice at its end, as published (佳木斯 2018:
    [市水务局牵头，…，不再列出)]): the last closing one too many is a slip, not a bracket."""
    if line.endswith("））") and line.count("）") == line.count("（") + 1:
        return line[:-1]
    return line


def _tab_row(raw: str, line: str, tab_width: int) -> tuple[str, int]:
    """A line parted by single tabs (a table copied from Word) and the width of its header row.

    Under a header of single tabs, a row with a tab for every column keeps its empty cells (序号 |
    重点任务 | 牵头单位 | 责任单位: 2\t加强…\t\t侨办: no lead): two tabs in a row are then an empty
    cell, not a gap that aligns the columns.
    """
    if "\t" not in line or "  " in line or "\u3000" in line:
        return line, tab_width
    cells = raw.strip(" \u3000\xa0\r").split("\t")  # a tab at an end parts an empty cell
    if not tab_width and all(cells) and {"lead", "shared"} & {_header_role(c) for c in cells}:
        return line, len(cells)
    if "\t\t" in raw and len(cells) == tab_width:
        return "\t".join(cell or _EMPTY_CELL for cell in cells), tab_width
    return line, tab_width


def _is_furniture(line: str) -> bool:
    """A line a copy keeps that is no text of the plan: a page number (— 3 —, 第3页), the link to an
    attached file (附件：1.联系人名单.xls, numbered like an item) or a web page's frame (扫一扫…);
    the last two as the Heze-layout reading drops them (``parsing._layout``)."""
    return (
        bool(line[:1] in "-—–－第" and _PAGE_MARK.match(line))
        or bool(ATTACHED_FILE.search(line))
        or bool(WEB_PAGE_MARK.match(line))
    )


#: A page number on a line of its own, as a copy from a PDF keeps it: — 3 —, - 12 -, 第3页, 第3页 共9页.
_PAGE_MARK = re.compile(
    r"^(?:[-—–－]{1,2}\s*\d{1,3}\s*[-—–－]{1,2}|第\s*\d{1,3}\s*页(?:\s*[，/]?\s*共\s*\d{1,3}\s*页)?)$"
)


def _one_line_tables(lines: list[str]) -> Iterator[str]:
    """``lines``, with a task table copied onto one line given back a row a line.

    A ``|`` table is cut by its header's width (``_one_line_bar_rows``). A
    single-spaced one keeps a space between cells and none between rows:
    序号 重点任务 牵头单位 责任单位 1 … 市发改委 市财政局 2 …
    The header is the run of the vocabulary's names from 序号; each row then
    starts at the next number in sequence standing alone, the first such
    place where the text before it reads as a whole row (``_spaced_row``: a
    figure inside a task's text, 增长 2 个百分点, starts none).
    """
    for line in lines:
        at = line.find("序号")
        if at >= 0 and "|" in line and (bar_rows := _one_line_bar_rows(line[at:])) is not None:
            if line[:at].strip():
                yield line[:at]
            yield from bar_rows
            continue
        if at < 0 or " " not in line:
            yield line
            continue
        tokens = line[at:].split(" ")
        count = next((k for k, token in enumerate(tokens) if vocabulary().role(token) is None), len(tokens))
        header = _spaced_header(" ".join(tokens[:count])) if count >= 3 else None
        if header is None or count == len(tokens) or tokens[count] != "1":
            yield line
            continue
        rows: list[str] = []
        row = [tokens[count]]
        for token in tokens[count + 1 :]:
            if token == str(len(rows) + 2) and _spaced_row(" ".join(row), header) is not None:
                rows.append(" ".join(row))
                row = []
            row.append(token)
        rows.append(" ".join(row))
        if _spaced_row(rows[-1], header) is None:
            # the last row runs on into text that is no row (二、工作要求…): the line is left whole
            yield line
            continue
        if line[:at].strip():
            yield line[:at]
        yield " ".join(header)
        yield from rows


def _one_line_bar_rows(text: str) -> list[str] | None:
    """A ``|`` table from its header on, copied onto one line, as its header and rows a line each,
    or None when ``text`` is no such table.

    The header, from 序号 to the first row's number 1, names an owner column
    among its cells (序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况) and
    gives the number of cells a row has; the cells after them fall into rows of that
    many (with an empty cell between rows where each row opened with a bar),
    each opening with the next number: anything else is left as it was.
    """
    cells = [cell.strip() for cell in text.split("|")]
    count = cells.index("1") if "1" in cells else 0
    roles = {vocabulary().role(cell) for cell in cells[:count]}
    if count < 3 or not {"lead", "shared"} & roles:
        # a header names an owner column; its other names may be the table's own (具体工作任务和要求)
        return None
    rest = cells[count:]
    if rest and not rest[-1]:
        rest.pop()  # the bar that closes the last row
    for width in (count, count + 1):
        rows = [rest[k : k + width] for k in range(0, len(rest), width)]
        if (
            rows
            and all(len(row) == width for row in rows)
            and all(row[-1] == "" for row in rows[:-1] if width > count)
            and all(row[0] == str(number) for number, row in enumerate(rows, start=1))
        ):
            return [" | ".join(cells[:count]) + " |", *(" | ".join(row[:count]) + " |" for row in rows)]
    return None


def _spaced_header(line: str) -> list[str] | None:
    """A table header whose names single spaces part (序号 重点任务 牵头单位 责任单位 完成时限), or None.

    Web copies often keep one space between a table's cells. Three names or
    more, every one a header of the vocabulary, an owner column among them
    and a number or task column: a line of prose never reads so.
    """
    cells = line.split()
    if len(cells) < 3:
        return None
    roles = [vocabulary().role(cell) for cell in cells]
    if None in roles and len(line) <= 60:
        # a name spaced out a character a time (国务院办公厅 2016: 序号 工 作 任 务 牵头负责部门): the
        # line cut into the vocabulary's names, spaces passed over
        cells = vocabulary().header_names(line) or []
        roles = [vocabulary().role(cell) for cell in cells]
    if len(cells) < 3 or None in roles or not {"lead", "shared"} & set(roles):
        return None
    if not {"number", "task"} & set(roles):
        return None
    return cells


def _glued_header(line: str) -> list[str] | None:
    """A table header with nothing between its names (序号重点任务牵头单位责任单位完成时限), or None.

    The line is cut into the vocabulary's header names
    (:meth:`~heze_plan.data.vocabulary.Vocabulary.header_names`); the same
    tests as ``_spaced_header`` then apply.
    """
    if "单位" not in line and "部门" not in line and "牵头" not in line:
        return None
    cells = vocabulary().header_names(line)
    if cells is None:
        return None
    return _spaced_header(" ".join(cells))


#: 办 ending a unit's name (市政府办), not a verb's (开办, 督办).
_VERB_BAN = "(?<![开举创承兴主协督代帮领包交查])办"
_LEVEL_PREFIX = "省市州盟县区旗"
#: A unit's ending with the next unit's first character glued to it: a cell's edge in a glued row.
_CELL_GLUE = re.compile(
    rf"(?:局|委|厅|署|管委会|中心|公司|{_VERB_BAN})(?=[省市州盟县区旗各])|(?:院|政府)(?=[省市州盟县区旗])"
)
#: A deadline cell at the end of a glued row: 2022年6月底, 9月底前, 年底前, 持续推进.
_GLUED_DEADLINE = re.compile(
    r"(?:(?:(?:19|20)\d{2}年)?(?:1[0-2]|[1-9])月(?:底|末|中旬|上旬|下旬|[1-3]?\d日)?(?:前|完成)?"
    r"|(?:(?:19|20)\d{2}年)?年(?:底|末|内)前?|全年|长期坚持|持续推进|长期推进|常态化推进|长期)$"
)


def _opens_unit(text: str, at: int) -> bool:
    """Whether ``text[at]`` can open a unit's name: a level prefix (市, 县…) or 各, not 市场, 城市, 社区."""
    char = text[at]
    if char == "各":
        return True
    if char not in _LEVEL_PREFIX:
        return False
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if char == "市":
        return after != "场" and before not in "城都"
    if char in "区县":
        return after != "域" and before not in "社园景城街校新小矿片辖郊"
    return True


#: What a glued row's owners can end in besides a department's ending: 等 (an open list), a bracket
#: (县发改局(粮食局), 各街办(新区)), a collective's or another owner's last word (各部门, 各直属机构,
#: 成员单位, 各区县市, 高新区, 人民银行济南分行, 工商联, 直属库, 未来科技城).
_OWNER_END = re.compile(
    rf"(?:局|委|{_VERB_BAN}|厅|中心|院|政府|管委会|公司|部|队|所|站|社|署|处|室|会|海关|行|集团|部门|单位|机构"
    r"|街道|乡镇|镇|专班|区|县市|联|库|城|国企|各地)(?:[（(][^（()）]{1,12}[）)])?等?$"
)
#: A unit's ending glued to a name of no level (区发改局立山经济开发区): only after an ending no
#: longer name continues (…局, …厅, …署, …管委会, …办公室).
_PLAIN_GLUE = re.compile("(?:局|厅|署|管委会|办公室)(?=[\u4e00-\u9fff])(?!等)")
#: A unit's own office after its name, one unit with it (市规划和自然资源局盐田管理局).
_SUB_UNIT = re.compile("(?:分局|管理局|支队|大队|中队|分中心|办事处|工作站)$")
#: What stands before 各 in a collective's name (省政府各部门, 市直各单位, 区属各重点国企).
_COLLECTIVE_HEAD = re.compile("(?:[省市州盟县区旗](?:政府|直|级|属)?|全[省市州县区]|国务院)$")
#: The stops that end a sentence of a task's text: an owner's name may start right after one.
_STOPS = "。；！？"
_OPEN_BRACKETS, _CLOSE_BRACKETS = "（(〔", "）)〕"


def _list_separator(text: str, window: int, end: int) -> int:
    """The last 、 or ， before ``end`` and after ``window`` outside brackets (各县(市、区)政府), or -1."""
    depth = 0
    for at in range(end - 1, window - 1, -1):
        char = text[at]
        if char in _CLOSE_BRACKETS:
            depth += 1
        elif char in _OPEN_BRACKETS:
            depth = max(depth - 1, 0)
        elif depth == 0 and char in "、，,":
            return at
    return -1


def _glued_name_start(text: str, end: int) -> int | None:
    """Where the owner's name ending at ``end`` starts in a glued row, or None.

    Looking back at most 24 characters, and never past the stop (。) that
    ends the task's text when all after it is a name (…见效。招商工作部):

    - after a 、 or ， of a list whose item before it ends like an owner, the
      name is the whole item (市发改委、开发区管委会: not 区管委会);
    - a collective holding 、 (各县、市、区政府) is read whole, as any
      table's cell is;
    - right after the task's stop;
    - after the ending of a unit glued before it (市市场监管局市税务局; a name
      of no level after …局: 区发改局立山经济开发区, but not a unit's own
      office: 市规划和自然资源局盐田管理局);
    - else at the level prefix or 各 nearest its end, with the prefixes just
      before it (流程市市场监管局 → 市市场监管局; 各县区政府, 自治区…) and a
      collective's head (省政府各部门).
    """
    window = max(0, end - 24)
    separator = _list_separator(text, window, end)
    stop = max(text.rfind(mark, window, end) for mark in _STOPS)
    if stop >= 0 and stop + 1 < end and _spaced_unit(text[stop + 1 : end]):
        window = stop + 1
    low = max(window, separator + 1)
    glue = max((m.end() for m in _CELL_GLUE.finditer(text, low, end - 1)), default=-1)
    plain = [
        m.end()
        for m in _PLAIN_GLUE.finditer(text, low, end - 1)
        if _spaced_unit(text[m.end() : end]) and not _SUB_UNIT.search(text, m.end(), end)
    ]
    floor = max(low, glue, *plain)
    if separator >= 0 and floor == separator + 1 and _OWNER_END.search(text, 0, separator):
        return floor
    group_floor = max(window, text.rfind("，", window, end) + 1, text.rfind(",", window, end) + 1)
    group = text.rfind("各", group_floor, end)
    if group >= 0 and "、" in text[group:end] and _spaced_unit(text[group:end]):
        head = _COLLECTIVE_HEAD.search(text, group_floor, group)
        return head.start() if head is not None else group
    if floor == stop + 1 and floor > 0:
        return floor
    begin = next((i for i in range(end - 2, floor - 1, -1) if _opens_unit(text, i)), None)
    if begin is None:
        # no prefix: a name of a list (市税务局、公安局) or glued after another unit
        return floor if floor in (separator + 1, glue, *plain) else None
    while begin > floor and _opens_unit(text, begin - 1):
        begin -= 1
    if text[begin] == "区" and text.startswith("自治", begin - 2) and begin - 2 >= floor:
        begin -= 2
    if text[begin] == "各" and (head := _COLLECTIVE_HEAD.search(text, floor, begin)) is not None:
        begin = head.start()
    return begin


def _glued_before(text: str, at: int) -> bool:
    """Whether a unit's ending is glued just before ``text[at]`` (市发改委|市工信局): a cell's edge."""
    return any(
        m.end() == at
        for pattern in (_CELL_GLUE, _PLAIN_GLUE)
        for m in pattern.finditer(text, max(0, at - 3), at + 1)
    )


def _glued_units(text: str) -> tuple[str, list[str]]:
    """The task's text and its owner cells as printed, read from the end of a row with nothing
    between cells.

    Walking back from the end while the text ends like an owner
    (``_OWNER_END``), each name's start is found by ``_glued_name_start``; a
    、 or ， before it continues the cell, a unit's ending glued to it starts
    the cell before. What is left before the first unit is the task's text.
    Cells come in the row's order, each with its own separators (a
    collective's 、 in 各县市区政府、开发区管委会 is read as in any table).
    """
    cells: list[str] = []
    end = cell_end = len(text)
    start = end
    while end > 0 and _OWNER_END.search(text, 0, end):
        begin = _glued_name_start(text, end)
        if begin is None or not _spaced_unit(name := text[begin:end]) or "。" in name:
            break
        start = begin
        if begin > 0 and text[begin - 1] in "、，,":
            end = begin - 1
        elif begin > 0 and _glued_before(text, begin):
            cells.insert(0, text[begin:cell_end])
            end = cell_end = begin
        else:
            break
    if start < cell_end:
        cells.insert(0, text[start:cell_end])
    return text[:start], cells


def _glued_row(line: str, header: list[str]) -> str | None:
    """A row of a table with nothing between its cells as tab-parted cells, or None.

    The number opens it, a deadline under a deadline column closes it, the
    owners are read back from its end (``_glued_units``): the first owner
    column takes the first cell, the last owner column the rest.
    """
    roles = [vocabulary().role(cell) or "" for cell in header]
    number = re.match(r"^(\d{1,3})[.．、]?", line)
    if number is None or roles[0] != "number":
        return None
    rest = line[number.end() :]
    deadline = ""
    if roles[-1] == "deadline" and (found := _GLUED_DEADLINE.search(rest)) is not None:
        deadline, rest = found.group(0), rest[: found.start()]
    task, owner_cells = _glued_units(rest)
    if not owner_cells or not task:
        return None
    columns = sum(1 for role in roles if role in ("lead", "shared"))
    cells = [number.group(1), task]
    if columns > 1 and len(owner_cells) > 1:
        cells += [owner_cells[0], "、".join(owner_cells[1:])]
    else:
        cells.append("、".join(owner_cells))
    if deadline:
        cells.append(deadline)
    return "\t".join(cells)


_LIST_PARTS = re.compile("[、，]")
_ROW_NUMBER = re.compile(r"^\d{1,3}[.．、]?$")


#: What else a table's owner cell names besides departments (a cell holds nothing but owners, so
#: these are read as units there and nowhere else): a bank's branch (人民银行济南分行), a
#: federation (工商联, 县残联, 市科协), a depot (中储粮株洲直属库), a zone or a district that owns a
#: task (嘉鱼经济开发区, 高新区, 岳麓区, 未来科技城), a two-character station (林站), a bureau's
#: section (综合科), a leading group (白仙山水库工程政策处理工作领导小组), the bodies of
#: a group named by 各 (全区经济运行各专班, 区直各部门), the short names 市委, 区政府, 市人行.
_CELL_OWNER = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,20}(?:分行|银行|联|科协|库|(?:开发|高新|新|园|功能|示范|经开|保税|集聚|试验|合作)区)"
    r"|[\u4e00-\u9fff]{1,3}[区县站所]|[\u4e00-\u9fff]{1,8}城|[\u4e00-\u9fff]{1,6}科"
    r"|[\u4e00-\u9fff]{1,20}(?:领导小组|工作组|指挥部)|[省市州县区旗](?:委|政府|人行)|[\u4e00-\u9fff]{1,8}国企"
    r"|[\u4e00-\u9fff]{0,10}各[\u4e00-\u9fff]{0,4}(?:部门|单位|专班|街道|乡镇|镇|机构|小组|企业))等?$"
)


def _spaced_unit(name: str) -> bool:
    """A unit's name in an owner cell of a single-spaced row: a named unit, or a collective (各街道,
    各直属机构, 全区各部门) that ends like none, or another owner a cell names (``_CELL_OWNER``)."""
    name = _BRACKETED.sub("", name)  # 各县（市、区）政府（管委会）, 相关县〔市、区〕政府
    return bool(_UNIT_NAME.match(name) or _CELL_OWNER.match(name)) or (
        len(name) <= 24 and is_collective(name) and "。" not in name
    )


def _owner_token(token: str) -> bool:
    """Whether a token of a single-spaced row is an owner cell: its groups parted by ，, each one
    unit (a collective may hold 、 itself: 各县、市、区政府) or units parted by 、."""
    groups = [group for group in split_outside_brackets(token.strip("，、；"), "，,") if group]
    return bool(groups) and all(
        _spaced_unit(group)
        if group.startswith("各")
        else all(map(_spaced_unit, split_outside_brackets(group, "、")))
        for group in groups
    )


_BRACKETED = re.compile(r"[（(〔][^（(〔）)〕]{1,12}[）)〕]")


def _spaced_row(line: str, header: list[str]) -> str | None:
    """A row of a single-spaced table as tab-parted cells, or None when ``line`` starts no row.

    Spaces also stand inside cells (人才 2.7 万人, two units of one cell), so
    the cells are found by what they hold: the number first, a date or
    持续推进 last under a deadline column, unit names before it under the
    owner columns (the first owner column takes one, the last the rest), the
    columns passed over (责任领导) just before them, and the task's text in
    between.
    """
    tokens = line.split()
    words = vocabulary()
    roles = [words.role(cell) or "" for cell in header]
    if len(tokens) < 3 or not _ROW_NUMBER.match(tokens[0]) or roles[0] != "number":
        return None
    cells = [tokens.pop(0)]
    deadline = ""
    if roles[-1] == "deadline" and (_ONGOING.match(tokens[-1]) or _deadline_cell(tokens[-1], 2000)):
        deadline = tokens.pop()
    owner_roles = [role for role in roles if role in ("lead", "shared")]
    owners: list[str] = []
    while len(tokens) > 1 and _owner_token(tokens[-1]):
        owners.insert(0, tokens.pop())
    if not owners:
        return None
    passed_over = sum(1 for role in roles if role in ("ignored", "area"))
    for _ in range(min(passed_over, len(tokens) - 1)):
        tokens.pop()
    cells.append(" ".join(tokens))
    if len(owner_roles) > 1 and len(owners) > 1:
        cells += [owners[0], "、".join(owners[1:])]
    else:
        cells.append("、".join(owners))
    if deadline:
        cells.append(deadline)
    return "\t".join(_drop_lone_spaces(cell) for cell in cells)


#: A chapter or item number after a space inside a line (… 二、强化保障 3.加强督查): the space
#: parts two paragraphs of a text copied as one line, so it is kept as their boundary.
_MARKER_AFTER = re.compile(
    rf"[{_CN}]{{1,3}}、|\d{{1,3}}[.．、](?![\d%．.])|（[{_CN}]{{1,3}}）"
    rf"|(?:{_IGNORED_LABELS}|{_LEAD_LABELS}|{_OTHER_LABELS}|{_DEADLINE_LABELS})\s*："
)


def _unit_space(match: re.Match[str]) -> str:
    """The mark a space between two names becomes: a 、, or a ， before a collective, which may hold
    a 、 of its own (芜湖 2025: 市财政局 市工业和信息化局 各县市区政府、 开发区管委会)."""
    return "，" if match.string.startswith("各", match.end()) else "、"


#: A space between two unit names inside a ``|`` table's cell, neither with a level prefix (徐庄镇
#: 2017: 安全生产 | 1月份 | 安监站 安监所 |, 超限站 公路站 交警六中队): the names are two units.
_CELL_UNIT_SPACE = re.compile(
    r"(?<=[局委办厅院府心司站所队社处室部])[ \u3000\xa0]+"
    r"(?=[\u4e00-\u9fff（）]{2,14}?(?:局|委|办|厅|院|中心|站|所|队|社|处|室|部)(?:[ \u3000\xa0]|\s*\||$))"
)


def _drop_lone_spaces(line: str) -> str:
    """``_LONE_SPACE.sub("", line)``, with the pattern tried only where a space stands.

    A space before a chapter or item number, or before a label (责任单位：, 联系人：, 完成时限：), stays
    (``_MARKER_AFTER``): a one-line copy parts the lines so.

    Each match is one space character, so trying the pattern at each space
    (its lookbehind sees the line before it) drops the same characters as a
    substitution that tries it at every position.
    """
    if " " in line or "\u3000" in line or "\xa0" in line:
        line = _UNIT_SPACE.sub(_unit_space, line)
        if " | " in line:
            line = _CELL_UNIT_SPACE.sub("、", line)
    pieces: list[str] = []
    last = 0
    for space in _SPACE_CHAR.finditer(line):
        if _LONE_SPACE.match(line, space.start()) and not _MARKER_AFTER.match(line, space.end()):
            pieces.append(line[last : space.start()])
            last = space.end()
    if not pieces:
        return line
    pieces.append(line[last:])
    return "".join(pieces)


def _without_role(name: str) -> str:
    """``name`` without a role suffix (…负责, …配合): the pattern runs only when a role word ends it."""
    return _ROLE_SUFFIX.sub("", name) if name.rstrip("\n").endswith(_ROLE_WORDS) else name


def _numeral(text: str) -> int:
    try:
        return from_chinese(text) or 0
    except ValueError:
        return 0


#: The start of a unit's name or a collective's after a list closed by 等.
_NEXT_UNIT = re.compile(r"各|有关|[省市州盟县区旗](?!场)")


class _Segmenter:
    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.stack: list[_Item] = []
        self.last: dict[int, int] = {}
        #: The last number of each level anywhere: numbering may run on through the chapters.
        self.last_any: dict[int, int] = {}
        self.front: list[tuple[int, str]] = []

    def current(self) -> _Item | None:
        return self.stack[-1] if self.stack else None

    def open(self, level: int, number: int, label: str, line: int) -> _Item:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        item = _Item(level, number, label, line, parent=self.current())
        if item.parent is not None:
            item.parent.children.append(item)
        self.items.append(item)
        self.stack.append(item)
        self.last[level] = number
        self.last_any[level] = number
        for deeper in [k for k in self.last if k > level]:
            del self.last[deeper]
        return item

    def add_text(self, text: str, line: int, *, line_start: bool) -> None:
        item = self.current()
        if item is None:
            if text.strip():
                self.front.append((line, text.strip()))
            return
        stripped = text.strip()
        if line_start and (_LABEL_AT.match(stripped) or _LABEL_AT.match(stripped.lstrip("（"))):
            item.owner_lines.append(stripped)
            return
        # text after the owner lines of an item continues its last owner line
        # when it is a unit list cut by a line break; otherwise it is item text.
        if (
            item.owner_lines
            and stripped
            and not stripped.endswith("。")
            and len(stripped) < 40
            and not _OTHER_FIELD.match(stripped)
        ):
            # a list closed by 等 ends a name: a unit after the break is another (上海 2023 set as lines:
            # 责任单位：…、市通信管理局等 / 各区政府)
            closed = item.owner_lines[-1].endswith("等") and _NEXT_UNIT.match(stripped)
            item.owner_lines[-1] += ("、" if closed else "") + stripped
            return
        item.parts.append(text)

    def _first_under_heading(self, level: int) -> bool:
        """Whether a marker of ``level`` would be the first item under a short heading (二、重点工作
        （一）稳增长。 10.…): an excerpt's first task may carry any number."""
        parent = self.current()
        if parent is None or parent.level >= level or parent.children or parent.owner_lines:
            return False
        heading = "".join(parent.parts).strip()
        return len(heading) <= 30 and "。" not in heading.rstrip("。")

    def accept(self, match: re.Match[str], *, line_start: bool, glued: bool) -> tuple[int, int] | None:  # noqa: PLR0911 - one return per rule of the docstring
        """The level and number of a marker, or None when it is not one here.

        At a line start any marker counts (a chapter or item number after
        digits, 11.121人才, only in sequence); inside a line, after a sentence
        end, a bracket or a cell, only the next number of its level; glued
        to the text before it (a web copy pasted as one line), only the next
        number of a bracketed marker, an item 2. or a chapter 二、.
        """
        kind = next(name for name in _KINDS if match.group(name))
        level = _LEVELS[kind]
        if kind == "circled":
            number = ord(match.group("circled")) - 0x245F  # ① is 1
        else:
            raw = next(
                value
                for name in ("cn", "cn2", "cn3", "d", "d2", "d3", "d4", "d5")
                if (value := match.group(name)) is not None
            )
            number = int(raw) if raw.isdigit() else _numeral(raw)
        if number <= 0:
            return None
        expected = self.last.get(level, 0) + 1
        in_sequence = (
            number == expected
            or (number == 1 and level not in self.last)
            or (level == 2 and number == self.last_any.get(level, -1) + 1)
            # an excerpt run into one line may start mid-list (二、… 10.… 11.…): the first number of a
            # level the text has not shown is one when the next of its kind follows in the line
            or (
                not line_start
                and not glued
                and level not in self.last_any
                and (_next_follows(match, number) or self._first_under_heading(level))
            )
        )
        if kind == "itemd" and (not in_sequence or glued):
            # 11.121人才 at a line start or after a cell is item 11; 小巷1.2万平方米 is a decimal.
            return None
        if kind == "dotted" and not line_start:
            # 1.1 numbers a line; inside one it is a decimal (增长1.2个百分点)
            return None
        if kind == "close" and glued:
            return None
        if line_start:
            return level, number
        if not in_sequence:
            return None
        if glued:
            if kind == "chapter" and (number < 2 or "、" not in match.group(0)):
                return None
            if kind == "item" and "、" in match.group(0):
                return None
        return level, number


#: The groups of ``_MARKER`` that hold the number of a chapter, an area, an item or a sub-item.
_NUMBER_GROUPS = ("cn", "cn2", "cn3", "d", "d2")


def _next_follows(match: re.Match[str], number: int) -> bool:
    """Whether the marker after ``match`` of its kind, within the next 2 000 characters of the line
    (the parse stays linear), is numbered ``number + 1``."""
    kind = match.lastgroup
    if kind not in ("chapter", "area", "item", "sub"):
        return False
    for later in _markers(match.string[match.end() : match.end() + 2000]):
        if later.lastgroup == kind:
            raw = next((value for name in _NUMBER_GROUPS if (value := later.group(name))), "")
            return (int(raw) if raw.isdigit() else _numeral(raw)) == number + 1
    return False


def _markers(line: str) -> Iterator[re.Match[str]]:
    """The matches of ``_MARKER.finditer(line)``, tried only where a marker can start."""
    end = 0
    for start in _MARKER_START.finditer(line):
        if start.start() < end:
            continue
        match = _MARKER.match(line, start.start())
        if match is not None:
            yield match
            end = match.end()


#: A field of a government page's metadata list, in brackets after a line number (北京 2016:
#: 1. [主题分类] 综合政务, 5. [成文日期] 2016-06-08): the page's data, not a numbered item.
_META_FIELD = re.compile(
    r"\s*（(?:主题分类|发文机构|联合发文单位|实施日期|成文日期|发文字号|废止日期|发布日期|有效性|文件来源"
    r"|索引号|发布机构|生成日期|公开方式|信息来源|信息分类|组配分类|公开范围)）"
)


def _closes_with_owners(line: str) -> bool:
    """Whether an unnumbered paragraph says what to do and closes with a bracket of owners only."""
    opening = next(_markers(line), None)
    if len(line) < 12 or "。" not in line or (opening is not None and opening.start() == 0):
        return False
    clause = find_owner_clause(line)
    return clause is not None and clause[0] > 0 and line[clause[0]] == "（" and _owner_bracket(clause[1])


def _number_owned_paragraphs(text: str) -> str:
    """``text`` with a number before each paragraph that labelled owner lines follow, when its items
    carry no number (郑州 2012: 市区新增优质中小学招生学位2.36万个。/ 主管领导：刘东 / 责任单位：
    市教育局 / 主要责任人：毛杰 / 进度安排：6月底前…), or that closes with its own bracket of owners.
    A short line (关键词 教育) is a heading, no item; a paragraph that already opens with a number is
    left as it is."""
    lines = text.split("\n")
    marked: list[int] = []
    for index, line in enumerate(lines):
        if _closes_with_owners(line.strip()):
            # a paragraph closed by its own owner bracket (山西 2020: 强化“禁煤区”建设。2020年10月底前，…
            # （省生态环境厅牵头，市县政府负责落实）) is a task by itself
            marked.append(index)
            continue
        if not _LABEL_AT.match(line.strip()):
            continue
        previous = index - 1
        while previous >= 0 and not lines[previous].strip():
            previous -= 1
        if previous < 0 or (marked and marked[-1] == previous):
            continue
        candidate = lines[previous].strip()
        opening = next(_markers(candidate), None)
        if _LABEL_AT.match(candidate) or (opening is not None and opening.start() == 0):
            continue
        if len(candidate) >= 8:
            marked.append(previous)
    for number, index in enumerate(marked, start=1):
        lines[index] = f"{number}．{lines[index].strip()}"
    return "\n".join(lines)


#: The issuer of a signature: an office or government alone on its line (市人民政府办公室).
_SIGNER = re.compile(r"^[\u4e00-\u9fff]{0,20}(?:人民政府|政府|办公室|办公厅|委员会|领导小组|指挥部)$")
#: What a page may show after a document's end: attachments, 此件公开发布, 抄送, print and share buttons.
_AFTER_END = re.compile(r"^(?:附件|（此件|抄送|抄报|扫一扫|【|打印|关闭|分享)")
#: The distribution block of a printed document: 抄送：…, and the printing office's 2023年7月29日印发.
_DISTRIBUTION = re.compile(r"^(?:(?:抄送|抄报)[：:]|.{0,24}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$)")


def _signature(lines: list[str], *, distribution: bool) -> set[int]:
    """The indexes of the lines that close the text after its last task: an issuer and a date line
    (市人民政府办公室 / 2023年2月10日) and, with ``distribution``, the copy list and the printing
    office's date (抄送：… / 市人民政府办公室 / 2023年2月10日印发), with nothing after them but a
    page's end matter. A 意见 or 通知 that holds its tasks ends so; the signature continues no owner
    line and dates no task."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    block: set[int] = set()
    dated = False
    for k in range(len(filled) - 1, -1, -1):
        line = lines[filled[k]].strip()
        if _DATE_LINE.match(line) or (distribution and _DISTRIBUTION.match(line)):
            dated = dated or "抄" not in line[:2]
        elif not (
            _AFTER_END.match(line) or (k + 1 < len(filled) and filled[k + 1] in block and _SIGNER.match(line))
        ):
            break
        if _AFTER_END.match(line) and not distribution and "抄" in line[:2]:
            break
        block.add(filled[k])
    return block if dated else set()


#: The heading of an attached document (附件1, 附件 2), not the list of them (附件：1.…) nor a
#: reference to one (详见附件1).
_ATTACHMENT = re.compile(r"(?:^|(?<=[\s\u3000）)。]))附件\s*\d{1,2}(?![.．：:、])")


#: The same closing a one-line copy, after a space on the last line: …（区发改局负责） 市人民政府办公室
#: 2023年2月10日, or 抄送：…。 市人民政府办公室 2023年2月10日印发.
_SIGNED_TAIL = re.compile(
    r"[ \t\u3000]+(?:(?:抄送|抄报)\s*[：:][^\n]*?[ \t\u3000]+)?[\u4e00-\u9fff]{0,20}"
    r"(?:人民政府|政府|办公室|办公厅|委员会|领导小组|指挥部)[ \t\u3000]*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月"
    r"\s*\d{1,2}\s*日(?:\s*印发)?\s*$"
)


def _signed_tail(text: str) -> int | None:
    """Where a signature closing a one-line copy starts (``_SIGNED_TAIL``), after other text on its line."""
    tail = _SIGNED_TAIL.search(text, max(0, len(text) - 200)) if "日" in text[-12:] else None
    if tail is None or not text[text.rfind("\n", 0, tail.start()) + 1 : tail.start()].strip():
        return None
    return tail.start()


def without_signature(text: str, *, distribution: bool = True) -> str:
    """``text`` with the lines that close it after its last task blanked (line numbers kept)."""
    lines = text.split("\n")
    signature = _signature(lines, distribution=distribution) if "日" in text else set()
    if not signature:
        return text
    return "\n".join("" if i in signature else line for i, line in enumerate(lines))


def _segment(text: str) -> _Segmenter:
    seg = _Segmenter()
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        position = 0
        line_start = True
        for match in _markers(line):
            start = match.start()
            at_start = position == 0 and not line[:start].strip()
            before = line[start - 1] if start else ""
            glued = not at_start and before not in _BOUNDARY
            if glued and not re.match(r"[\u4e00-\u9fff”」》]", before):
                continue
            if at_start and _META_FIELD.match(line, match.end()):
                # a page's numbered metadata list (北京 2016: 5. [成文日期] 2016-06-08): no item
                continue
            if not at_start and line[:start].rstrip().endswith(("附件：", "附件:")):
                # the list of attached files (附件：1.2025年…任务清单 2.…): no item; in a one-line copy
                # it would take the numbers of the attached plan's first items
                continue
            if "附件" in line and _ATTACHMENT.search(line, position, start):
                # an attached plan's numbering starts again (附件1 …清单 一、… 1.…), in a one-line copy too
                seg.last.clear()
                seg.last_any.clear()
            accepted = seg.accept(match, line_start=at_start, glued=glued)
            if accepted is None:
                continue
            if start > position:
                seg.add_text(line[position:start], line_number, line_start=line_start)
            level, number = accepted
            seg.open(level, number, match.group(0), line_number)
            position = match.end()
            line_start = False
        if position < len(line):
            seg.add_text(line[position:], line_number, line_start=line_start)
    return seg


_FULL_BRACKET = re.compile("[（）]")


def _strip_brackets(text: str) -> str:
    """An owner clause without its brackets; brackets side by side are parts of one clause.

    >>> _strip_brackets("（牵头单位：市发改委）（2022年6月底前完成）")
    '牵头单位：市发改委；2022年6月底前完成'
    """
    text = text.strip().rstrip("。；，")
    while text.startswith("（") and text.endswith("）"):
        # the first bracket closes before the end: （X）…（Y） is not one bracketed whole
        depth = 0
        groups: list[tuple[int, int]] = []
        opened = 0
        for bracket in _FULL_BRACKET.finditer(text):
            if bracket.group() == "（":
                if depth == 0:
                    opened = bracket.start()
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    groups.append((opened, bracket.end()))
        if len(groups) > 1:
            between = [text[a[1] : b[0]] for a, b in itertools.pairwise(groups)]
            if groups[0][0] == 0 and groups[-1][1] == len(text) and not "".join(between).strip():
                return "；".join(_strip_brackets(text[a:b]) for a, b in groups)
            return text
        text = text[1:-1].strip().rstrip("。；，")
    return text


#: Short text after a task's closing parenthesis that is no sentence of the task: a byline, a stray ``|``.
_TAIL = re.compile(r"）\s*([^。；！？（）]{1,30})$")


#: A name that can only be a unit's: a short name ending like one (…局, …委, …政府), maybe with 等.
_UNIT_NAME = re.compile(
    r"^[\u4e00-\u9fff（）]{2,24}(?:局|委|办|厅|中心|院|会|部|公司|政府|管委会|单位|部门|支行|海关|集团|队|所|站|社|署|处|室"
    # media as owners of a 文明城市 task (蚌埠 2016: 市广播电视台、市网宣办、市县政府网站、各大商业网站等)
    r"|电视台|网站)等?$"
)


def _role_sentence(body: str) -> tuple[int, str, frozenset[Convention]] | None:
    """The last sentence of a paragraph when it names owners in role words only, without brackets.

    ``…建立工作机制。市发改委牵头，市财政局、市商务局配合。``: every name must
    be a unit's and nothing else may be said, so that a sentence of the
    task (由市发改委牵头建立联席会议制度) is never taken for its owners.
    """
    stripped = body.rstrip().rstrip("。；")
    start = max(stripped.rfind("。"), stripped.rfind("；")) + 1
    sentence = stripped[start:].strip()
    if not start or not re.search(r"牵头|负责$|配合$", sentence):
        return None
    clause = read_owners(sentence)
    names = [*clause.lead_units, *clause.responsible_units]
    if clause.unread or clause.deadlines or not names or not all(_UNIT_NAME.match(n) for n in names):
        return None
    return start, sentence, frozenset({Convention.UNBRACKETED_OWNERS})


def _leading_owners(body: str) -> tuple[int, str] | None:
    """Owners in a bracket that opens the task (1.【市发改委牵头】推进…): where the task's text starts
    and the bracket's content, when that content names owners (a label, 牵头, or unit names only)."""
    if not body.startswith("（"):
        return None
    close = body.find("）")
    if close == -1 or "（" in body[1:close]:
        return None
    content = body[1:close]
    names = _LIST_PARTS.split(content)
    if _LABEL_AT.match(content) or _LEADS_IN_WORDS.search(content) or all(_UNIT_NAME.match(n) for n in names):
        return close + 1, content
    return None


#: A heading that names the unit leading every task under it (沁县 2025: 一、县示范区管委会牵头工作（8项）).
_HEADING_LEAD = re.compile(
    r"^(?P<unit>[^，。、；：（）]{2,24}?)牵头(?:的)?(?:重点)?(?:工作|任务|事项)(?:（\d+项）)?[。：]?$"
)


def _heading_leads(items: Iterable[_Item]) -> None:
    """Give the tasks under a heading that names their lead (X牵头工作) that lead, when they name none.

    The name must be a unit's (…局, …委, …管委会): a heading that names a
    leader (一、朱伟县长牵头重点工作) leads nothing.
    """
    # the nearest heading first: children come after their parent, so go backwards
    for item in reversed(list(items)):
        if item.owners or not item.children or "牵头" not in item.text:
            continue
        heading = _HEADING_LEAD.match(item.text.strip())
        if heading is None or not _UNIT_NAME.match(heading.group("unit")):
            continue
        below = list(item.children)
        while below:
            child = below.pop()
            if child.children:
                below += child.children
            elif not child.owners:
                child.owners = heading.group("unit") + "牵头"


def _heading_owners(items: Iterable[_Item]) -> None:
    """Give the owners a heading names to the numbered items under it, when none of them names its
    own (一、优化政务服务（牵头单位：市行政审批局） / 1.推进一网通办… / 2.压减审批时间…): the items
    are the tasks, the heading their area (whose lead the heading's owners stay).

    A heading is a short title (no sentence inside it) whose items stand on lines of their own;
    an item that says what to do and closes with its owners keeps them, its steps below it
    being its text.
    """
    for item in items:
        kids = item.children
        if not item.owners or len(kids) < 2 or any(k.line == item.line for k in kids):
            continue
        if len(item.text) > 40 or "。" in item.text.rstrip("。") or find_deadlines(item.text, 2000):
            continue
        below = list(kids)
        leaves: list[_Item] = []
        while below:
            kid = below.pop()
            if kid.owners or kid.owner_lines:
                break
            if kid.children:
                below += kid.children
            else:
                leaves.append(kid)
        else:
            for leaf in leaves:
                leaf.owners = item.owners


def _closing_bracket(text: str, opening: int) -> int | None:
    """Where the bracket opened at ``opening`` closes (brackets inside it counted), or None."""
    depth = 0
    for match in _FULL_BRACKET.finditer(text, opening):
        depth += 1 if match.group() == "（" else -1
        if depth == 0:
            return match.start()
    return None


def _owners_before_label(body: str, start: int) -> int | None:
    """Where the bracket opens that holds owners before a later label in it (西城 2022:
    （区商务局、区科信局负责落实，完成时限：2022年10月）): the owners belong to the clause."""
    opening = body.rfind("（", 0, start)
    if opening <= 0 or "）" in body[opening:start]:
        return None
    before = body[opening + 1 : start].strip().strip("，；")
    return opening if before and find_owner_clause(f"（{before}）") is not None else None


def _before_person(clause: str) -> str:
    """An owner clause without a person's field run into it after its units (``_PERSON_FIELD``)."""
    person = _PERSON_FIELD.search(clause) if "人：" in clause else None
    return clause if person is None else clause[: person.start()]


def _owner_split(item: _Item) -> None:
    """Cut the item's text from its owner clause."""
    body = "".join(p.strip() for p in item.parts)
    owners: list[str] = [_strip_brackets(line) for line in item.owner_lines]
    item.standalone = bool(item.owner_lines)
    label = _LABEL_AT.search(body)
    if label is not None and label.start() > 0:
        start = label.start()
        close = _closing_bracket(body, start - 1) if body[start - 1] == "（" else None
        after = body[close + 1 :].strip(" 。；，") if close is not None else ""
        if close is not None and after and not after.startswith("（"):
            # a labelled bracket after the title, the task's text after it (1.推进A（牵头单位：X）\n9月底前…)
            owners.insert(0, _strip_brackets(body[start - 1 : close + 1]))
            title, rest = body[: start - 1].rstrip(), body[close + 1 :].lstrip(" 。；，")
            # the title was a line of its own: it ends as a sentence before the text that follows
            body = title + ("" if not title or title[-1] in "。；：！？" else "。") + rest
        else:
            if body[start - 1] == "（":
                start -= 1
            elif (opening := _owners_before_label(body, start)) is not None:
                start = opening
            owners.insert(0, _strip_brackets(_before_person(body[start:])))
            body = body[:start]
    elif label is not None and label.start() == 0 and not item.children:
        owners.insert(0, _strip_brackets(body))
        body = ""
    elif not owners:
        clause = find_owner_clause(body) or _clause_without_note(body)
        if (
            clause is None
            and (tail := _TAIL.search(body)) is not None
            and not find_deadlines(tail.group(1), 2000)
        ):
            # a byline or a table's last bar after the owner clause (…（区人社局、金融办负责） 本报记者 …)
            clause = find_owner_clause(body[: tail.start(1)])
        if clause is None:
            clause = _role_sentence(body)
        if clause is not None:
            start, content, _ = clause
            owners.append(content)
            body = body[:start]
            if not item.children and "（" in body and (split := _owned_sentences(body, content)):
                body, owners[-1], item.more = split
        elif (leading := _leading_owners(body)) is not None:
            end, content = leading
            owners.append(content)
            body = body[end:]
    # a run of spaces inside a prose paragraph is an extraction gap, not a table's cell edge (佳木斯 2018:
    # 1.控制用水总量。   强化用水监督管理。)
    item.text = body.replace("\t", "").strip()
    item.owners = "；".join(o for o in owners if o) or None


#: A bracket inside a paragraph, closing a sentence: maybe the owners of the words before it.
_INNER_BRACKET = re.compile(r"（([^（）]{2,160})）[。；，]?")


def _owner_bracket(content: str) -> bool:
    """Whether a bracket's content names owners: a label or a role word, and units only."""
    if not (_LABEL_AT.match(content) or re.search(r"牵头|负责|配合|主办|协办", content)):
        return False
    clause = _read(content)
    names = [name.removesuffix("等") for name in (*clause.leads, *clause.others)]
    return bool(names) and all(_UNIT_NAME.match(name) for name in names)


def _owned_sentences(body: str, last: str) -> tuple[str, str, list[tuple[str, str]]] | None:
    """Several tasks in one paragraph, each closed by its own owner bracket (湖南 2014: （一）…分配机制
    （分管副省长、协管副秘书长负责，省国资委牵头。…）。毫不动摇鼓励…（…省经信委、省发改委负责…）。推进工商
    注册制度便利化…（…省工商局牵头）): the first task's text, then (text, owners) for the others, the
    paragraph's last owners (``last``) closing the last one; None for one task."""
    pieces: list[tuple[str, str]] = []
    start = 0
    for bracket in _INNER_BRACKET.finditer(body):
        if bracket.end() < len(body) and _owner_bracket(bracket.group(1)):
            pieces.append((body[start : bracket.start()].strip(), bracket.group(1)))
            start = bracket.end()
    if not pieces or not body[start:].strip():
        return None
    first, owners = pieces[0]
    return first, owners, [*pieces[1:], (body[start:].strip(), last)]


#: A leader named by office, not a unit (湖南 2014: 分管副省长、协管副秘书长负责，省国资委牵头).
_LEADER = re.compile(r"(?:分管|协管|主管|常务)?副?[省市州县区旗盟]?(?:长|秘书长)(?:同志)?")

#: A collective that names units or departments, complete in itself (市直相关单位, 各有关部门).
_CLOSED_COLLECTIVE = re.compile(r"(?:单位|部门)$")
#: A part after it that names one unit or district (高新区, 岳麓区, 市商务局).
_NAMED = re.compile(r"^[\u4e00-\u9fff]{2,8}[区县市]$")

#: A part of a 、-list that names a collective of its own (各部门, 有关单位, 区直各部门, and a level
#: before 各: 宿迁 2024: 各县（区）人民政府、市各功能区管委会).
_COLLECTIVE_START = re.compile(r"各|有关|[省市州盟县区旗](?:直|各)|[省市州盟县区旗]级(?:各|有关|相关)")
#: A part that names a body's own collective (北京 2016: 各区政府、市政府各部门): …政府各部门, 全区各单位.
_OWN_COLLECTIVE = re.compile(r"[\u4e00-\u9fff]{2,8}各(?:有关|相关)?(?:部门|单位|机构|街道|乡镇|委办局)")


def _clean_names(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(clean for raw in names for clean in _clean_name(raw)))


@functools.lru_cache(maxsize=8192)
def _clean_name(raw: str) -> tuple[str, ...]:
    """The unit names one owner name stands for, remembered per distinct name (plans repeat them)."""
    name = _without_role(raw.strip().strip("。，、；")).strip()
    if not name or _NOTE.search(name) or _LEADER.fullmatch(name):
        return ()
    # 各地、各部门: two collectives; 各区、县级市: one.
    if is_collective(name) and "、" in name:
        parts = split_outside_brackets(name, "、")
        pieces: list[str] = []
        for part in parts:
            if pieces and (
                _COLLECTIVE_START.match(part)
                or _OWN_COLLECTIVE.match(part)
                or (
                    (_CLOSED_COLLECTIVE.search(pieces[-1]) or not is_collective(pieces[-1]))
                    and (_NAMED.match(part) or _UNIT_NAME.match(part))
                    and not is_collective(part)
                )
            ):
                # 长沙: 市直相关单位、高新区、岳麓区: a collective of units or departments is closed, the
                # names after it are units of their own (各区、县级市 and 各县（市、区）政府、丽水开发区管委会
                # stay one)
                pieces.append(part)
            elif pieces:
                pieces[-1] += "、" + part
            else:
                pieces.append(part)
        return tuple(unit for p in pieces if p for unit in collective_parts(p))
    if ("和" in name or "与" in name or "/" in name or "／" in name) and _JOINED.search(name):
        return tuple(part for joined in _JOINED.split(name) for part in _unglue(joined))
    return tuple(_unglue(name))


#: 和, 与 or a slash between a unit's ending and the next unit's level prefix: two names
#: (市发改委和市财政局, 市发改委/市财政局, 长沙: 岳麓区和市直相关单位).
_JOINED = re.compile(r"(?<=[局委办厅院府会心司区])(?:和|与|/|／)(?=[省市州盟县区旗各])")


#: Where two names run together in a flattened table (市行政审批局市司法局): after a unit's ending,
#: before a level prefix that starts a department's name.
_GLUED = re.compile(
    r"(?<=[局委办厅院署])(?=[省市州县区](?!级|直|委员)[\u4e00-\u9fff]{2,}(?:局|委|办|厅|中心|院)$)"
)

#: Between a station or an office (…所, …站) and another glued after it: they name no level, so
#: only the ending of both parts shows the place (派出所工商质监所, 农机站农技推广站).
_GLUED_STATION = re.compile(r"(?<=[\u4e00-\u9fff]{2}[所站])(?=[\u4e00-\u9fff]{2,8}[所站]$)")

#: What every _GLUED place has around it (a unit's ending, then a level prefix): found directly.
_GLUED_HINT = re.compile(r"[局委办厅院署][省市州县区]")


def _unglue(name: str) -> list[str]:
    """Split names glued together with nothing between them; a single name is left alone.

    >>> _unglue("市行政审批局市司法局"), _unglue("市委组织部")
    (['市行政审批局', '市司法局'], ['市委组织部'])
    >>> _unglue("省通信管理局菏泽市信息通信发展办公室")
    ['省通信管理局菏泽市信息通信发展办公室']
    """
    if len(name) < 6 or "（" in name:
        return [name]
    if _GLUED_STATION.search(name):
        # a township's stations and offices glued (徐庄镇 2017: 派出所工商质监所)
        return [part for part in _GLUED_STATION.split(name) if part]
    if len(name) < 8 or _GLUED_HINT.search(name) is None:
        return [name]
    parts = [part for part in _GLUED.split(name) if part]
    return parts if all(len(part) >= 3 for part in parts) else [name]


@attrs.frozen
class _Owners:
    leads: tuple[str, ...]
    others: tuple[str, ...]
    deadlines: tuple[str, ...]
    ongoing: bool
    conventions: frozenset[Convention]
    first_is_lead: bool


def _balanced(part: str) -> str:
    """A part without the brackets a cut left unmatched at its ends (责任单位：X）（ → 责任单位：X)."""
    while part:
        if part[0] == "（" and part.count("（") > part.count("）"):
            part = part[1:].strip()
        elif part[-1] == "（" or (part[-1] == "）" and part.count("）") > part.count("（")):
            part = part[:-1].strip()
        elif part[0] == "）":
            part = part[1:].strip()
        else:
            break
    return part.strip("；，。")


_CELL_DATE = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?P<month>1[0-2]|0?[1-9])\s*月"
    r"(?:\s*(?P<day>[0-3]?\d)\s*日|(?P<part>[上中下])旬)?"
)
#: The last day of the first and middle ten days of a month (怀柔 2024: 完成时限：2024年10月中旬).
_TEN_DAYS = {"上": 10, "中": 20}
#: A deadline cell that names the plan year as a whole (完成时限：今年, 本年度, 年度内).
_THIS_YEAR = re.compile(r"^(?:今年|本年度?|当年|年度内|年度)(?:内|完成)?$")
_QUARTER = re.compile(r"(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?:第)?(?P<q>[一二三四1-4])\s*季度")
#: A deadline cell of the second half of a year (完成时限：下半年): by the end of that year.
_SECOND_HALF = re.compile(r"^(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?下半年(?:底|内|前|完成)*$")
#: A date written in figures in a deadline cell (2023.9, 2023-09, 2023/9/30): a spreadsheet's or a
#: web table's way of writing 2023年9月 (the month's end) or a day.
_FIGURE_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*[.．/\-－]\s*(?P<month>1[0-2]|0?[1-9])"
    r"(?:\s*[.．/\-－]\s*(?P<day>[0-3]?\d))?(?![\d%])"
)


def _month_dates(pattern: re.Pattern[str], value: str, year: int) -> list[tuple[str, dt.date]]:
    """The dates ``pattern`` finds in a deadline cell: its year (else the plan's), month, and day or
    旬 (上旬/中旬/下旬), else the month's end; a day the month has not (2023.9.31) dates nothing."""
    found: list[tuple[str, dt.date]] = []
    for match in pattern.finditer(value):
        groups = match.groupdict()
        y, month = int(groups["year"] or year), int(groups["month"])
        try:
            if groups.get("day"):
                due = dt.date(y, month, int(groups["day"]))
            elif groups.get("part") in _TEN_DAYS:
                due = dt.date(y, month, _TEN_DAYS[groups["part"]])
            else:
                due = end_of_month(y, month)
        except ValueError:
            continue
        found.append((match.group(0), due))
    return found


def _deadline_cell(value: str, year: int) -> list[tuple[str, dt.date]]:
    """The due dates of a deadline label or column (完成时限：2023年6月, 6月30日前, 三季度末).

    What stands under a deadline label is a deadline, so a month without
    底 or a full date counts here, unlike in running text.
    """
    found = [(d.phrase, d.due) for d in find_deadlines(value, year)]
    if found:
        return found
    if this_year := _THIS_YEAR.match(value.strip()):
        # 完成时限：今年 / 本年度: by the end of the plan year
        return [(this_year.group(0), dt.date(year, 12, 31))]
    if second_half := _SECOND_HALF.match(value.strip()):
        return [(second_half.group(0), dt.date(int(second_half.group("year") or year), 12, 31))]
    if figures := _month_dates(_FIGURE_DATE, value, year):
        return figures
    result = _month_dates(_CELL_DATE, value, year)
    for match in _QUARTER.finditer(value):
        result.append((match.group(0), end_of_quarter(int(match.group("year") or year), match.group("q"))))
    return result


def _label_parts(content: str) -> list[str]:
    """Cut an owner clause before each label (责任单位：…), even a label glued to the text before it."""
    cuts = [m.start() for m in _ANY_LABEL_COLON.finditer(content)]
    bounds = [0, *[c for c in cuts if c > 0], len(content)]
    return [content[a:b] for a, b in itertools.pairwise(bounds)]


#: The mark of the lead unit written after its name in a list (市发改委（牵头）、市财政局): the
#: names so marked are taken out before the clause is read, so that 牵头 is no X牵头 phrase there.
_LEAD_MARK = re.compile(r"(?P<name>[^、，；：（）]+)（牵头(?:单位|部门)?）(?=$|[、，；。）])")
#: A lead marked with a star in an owner cell (吴江 2024: ★区发改委、统计局).
_STAR = "★"
_STARRED = re.compile(r"★\s*([^、，；：（）★]+)")


@functools.lru_cache(maxsize=8192)  # a pure reading of a clause, which a plan repeats (a frozen _Owners)
def _read(content: str) -> _Owners:  # noqa: PLR0912, PLR0915 - one pass over the parts of a clause, kept together
    conventions: set[Convention] = set()
    content = _without_later_tasks_note(content)
    first_is_lead = _may_state_first_lead(content) and bool(_FIRST_IS_LEAD.search(content))
    if first_is_lead:
        content = _FIRST_IS_LEAD.sub("", content)
    marked = [m.group("name").strip() for m in _LEAD_MARK.finditer(content)]
    content = _LEAD_MARK.sub(r"\g<name>", content)
    if _STAR in content:
        # a star before the lead's name in an owner cell (吴江 2024: ★区发改委、统计局)
        marked += [m.group(1).strip() for m in _STARRED.finditer(content)]
        content = content.replace(_STAR, "")
    leads: list[str] = []
    others: list[str] = []
    deadlines: list[str] = []
    ongoing = False
    # 责任单位 beside 配合单位 with no 牵头 label: the units 责任 names are the principal ones
    principal_names: list[str] = []
    cooperating_names: list[str] = []
    for raw in _label_parts(content):
        part = _balanced(raw.strip().strip("；，。"))
        if not part or _IGNORED_PART.match(part):
            continue
        sentences = [s for s in part.split("。") if s.strip() and not _NOTE.search(s)]
        part = "。".join(sentences)
        if _WORD_PART.match(part):
            part = _WORD_PART.sub("", part)
        lead_label = _LEAD_PART.match(part)
        other_label = _OTHER_PART.match(part) or (None if lead_label else _UNKNOWN_PART.match(part))
        if lead_label or other_label:
            value = part[(lead_label or other_label).end() :]  # type: ignore[union-attr]
            cooperating = other_label is not None and not part.startswith("责任")
            conventions.add(Convention.COOPERATING_LABEL if cooperating else Convention.LABELLED_OWNERS)
            if _LEADS_IN_WORDS.search(value):
                clause = read_owners(value.replace("。", "，"))
                conventions |= clause.conventions
                leads += _with_etc(clause.lead_units, clause.trimmed)
                others += _with_etc(clause.responsible_units, clause.trimmed)
                deadlines += clause.deadlines
                continue
            names, dates, is_ongoing = _names_and_deadlines(value)
            (leads if lead_label else others).extend(names)
            if other_label is not None:
                (cooperating_names if cooperating else principal_names).extend(names)
            deadlines += dates
            ongoing = ongoing or is_ongoing
            continue
        if (deadline_label := _DEADLINE_PART.match(part)) is not None:
            value = part[deadline_label.end() :]
            if _ONGOING.match(value):
                ongoing = True
                conventions.add(Convention.ONGOING_IN_OWNERS)
            else:
                deadlines.append(value)
                conventions.add(Convention.DEADLINE_IN_OWNERS)
            continue
        clause = read_owners(part.replace("。", "，"))
        conventions |= clause.conventions
        named = _with_etc(clause.lead_units, clause.trimmed)
        if _LEADS_IN_WORDS.search(part):
            leads += named
        else:
            # no label and no 牵头: the source names no lead unit
            others += named
        others += _with_etc(clause.responsible_units, clause.trimmed)
        deadlines += clause.deadlines
        ongoing = ongoing or Convention.ONGOING_IN_OWNERS in clause.conventions
    conventions.discard(Convention.RESPONSIBLE_LABEL_ONLY)
    if not leads and not first_is_lead and principal_names and cooperating_names:
        # two owner columns 责任单位 / 配合单位 (临安 2022): the 责任单位 lead, the 配合单位 share
        leads = principal_names
        others = [n for n in others if n not in principal_names]
    if marked:
        # a unit marked as the lead inside a list: 责任单位：县行政审批局（牵头）、县司法局
        conventions.add(Convention.PHRASED_OWNERS)
        leads = [*marked, *(n for n in leads if n not in marked)]
        others = [n for n in others if n not in marked]
    lead_names = _clean_names(leads)
    other_names = [n for n in _clean_names(others) if n not in lead_names]
    return _Owners(
        tuple(lead_names),
        tuple(other_names),
        tuple(deadlines),
        ongoing,
        frozenset(conventions),
        first_is_lead,
    )


@functools.lru_cache(maxsize=8192)
def _names_and_deadlines(value: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """A labelled value: unit names, with any deadline or ongoing mark written among them.

    Remembered per distinct value: plans repeat their owner lists.
    """
    names: list[str] = []
    dates: list[str] = []
    ongoing = False
    kept: list[str] = []
    for piece in split_outside_brackets(value.replace("。", "，"), "，；"):
        part = piece.strip()
        if not part:
            continue
        if _ONGOING.match(part):
            ongoing = True
        elif len(part) <= 16 and find_deadlines(part, 2000):
            dates.append(part)
        else:
            kept.append(_without_role(part))
    split, trimmed = split_units("，".join(kept))
    names += _with_etc(split, trimmed)
    return tuple(names), tuple(dates), ongoing


def _with_etc(names: Iterable[str], trimmed: Iterable[str]) -> list[str]:
    """Names with the 等 that closed an open list put back (市科技局等: the list is not closed)."""
    lost = set(trimmed)
    return [f"{name}等" if f"{name}等" in lost else name for name in names]


_SENTENCE_END = re.compile(r"[。；]")


def _title(text: str) -> str:
    title = _SENTENCE_END.split(text, maxsplit=1)[0].strip()
    return title[:80]


# -- tables -------------------------------------------------------------------------------

_TABLE_SPLIT = re.compile(r"\s*\|\s*|\t+")
_BAR_SPLIT = re.compile(r"\s*\|\s*")
#: An empty cell inside a row parted by bars or tabs, kept so that the cells after it keep their columns.
_EMPTY_CELL = "\x00"


def _table_cells(text: str) -> tuple[list[str], list[tuple[int, str]]] | None:
    """A flattened table's header and its cells (with their lines), if the text holds one.

    The header is a run of cells that are all header names of the family's
    vocabulary (``data/vocabulary.json``: 序号, 具体要求, 责任单位, 时限要求…),
    one of them an owner column. Cells are parted by ``|`` or tabs, or stand
    one to a line; a table without any separator needs three header cells,
    a number or task column among them, so that a lone 责任单位 line is no table.
    """
    lines = text.split("\n")
    joined_cells: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if "|" in line:
            # bars part the cells; a gap inside a cell is no cell of its own (余杭 2018: | 祝振伟  陈夏林 |)
            parts = _BAR_SPLIT.split(line)
            filled = [i for i, cell in enumerate(parts) if cell.strip()]
            # an empty cell between two filled ones is an empty column of the row (| 2 | 加强… |  | 侨办 |:
            # no lead, the unit is responsible), not a cell to pass over
            joined_cells.extend(
                (number, cell if cell.strip() else _EMPTY_CELL)
                for i, cell in enumerate(parts)
                if cell.strip() or (filled and filled[0] < i < filled[-1])
            )
        elif "\t" in line:
            joined_cells.extend((number, cell) for cell in _TABLE_SPLIT.split(line))
        else:
            joined_cells.append((number, line))
    cells = [(n, c.strip()) for n, c in joined_cells if c.strip() and c.strip() != "|"]
    separated = any("|" in line or "\t" in line for line in lines)
    if separated and (found := _header_line(cells)) is not None:
        return found
    for index in range(len(cells)):
        roles: list[str] = []
        names: list[str] = []
        j = index
        while j < len(cells):
            name = cells[j][1]
            role = _header_role(name, inside=j > index)
            if j > index and j + 1 < len(cells) and len(name) <= 4 >= len(cells[j + 1][1]):
                # a header name broken over two lines (泗洲头镇 2024: 责任 / 领导 / 责任 / 科室)
                joined = name + cells[j + 1][1]
                if (whole := _header_role(joined)) is not None:
                    role, name = whole, joined
                    j += 1
            if role is None:
                break
            roles.append(role)
            names.append(name)
            j += 1
        if not {"lead", "shared"} & set(roles):
            continue
        if (len(roles) >= 2) if separated else (len(roles) >= 3 and bool({"number", "task"} & set(roles))):
            return names, cells[j:]
    return None


def _by_line(cells: list[tuple[int, str]]) -> dict[int, list[str]]:
    """A table's cells grouped by the line they stand on, the lines in order (cells come in text order)."""
    grouped: dict[int, list[str]] = {}
    for line, cell in cells:
        grouped.setdefault(line, []).append(cell)
    return grouped


def _header_line(cells: list[tuple[int, str]]) -> tuple[list[str], list[tuple[int, str]]] | None:
    """A header row of a table parted by bars or tabs that names a column the vocabulary does not
    know (序号 | 工作任务 | 目标要求 | 责任单位 | 完成时限), or None: every cell of the row is a
    header when the known ones name an owner column and a number or task column, and they are
    most of the row. :func:`_column_roles` gives the unknown columns their roles."""
    for line, row in _by_line(cells).items():
        roles = [_header_role(cell) for cell in row]
        known = {role for role in roles if role}
        unknown = roles.count(None)
        if not unknown or not {"lead", "shared"} & known or not {"number", "task"} & known:
            continue
        if len(row) > 12 or unknown * 2 >= len(row) or any(len(cell) > 12 for cell in row):
            continue
        first = next(i for i, (n, _) in enumerate(cells) if n == line)
        return row, cells[first + len(row) :]
    return None


def _column_roles(header: list[str]) -> list[str]:
    """The role of each column; a column the vocabulary does not know is more of the task's text
    before the first owner column (目标要求), and passed over after it."""
    roles = [_header_role(h) or "" for h in header]
    first_owner = next((i for i, role in enumerate(roles) if role in ("lead", "shared")), len(roles))
    return [role or ("task" if i < first_owner and i > 0 else "ignored") for i, role in enumerate(roles)]


#: A year before a header name (沙坪坝 2022: 序号 / 2022年预期目标 / 责任单位).
_HEADER_YEAR = re.compile(r"^(?:19|20)\d{2}\s*年(?:度)?")


def _header_role(cell: str, *, inside: bool = True) -> str | None:
    """A header cell's role; a year before the name is passed over inside a header row, not at its
    start, where a title line (2022年重点工作) stands before the table."""
    words = vocabulary()
    role = words.role(cell)
    if role is None and inside and _HEADER_YEAR.match(cell):
        role = words.role(_HEADER_YEAR.sub("", cell))
    if role is None and _NAMED_COLUMN.fullmatch(cell.replace(" ", "")):
        # a column of names of what is done (徐庄镇 2017: 专项整治行业名称 | 时间安排 | 责任单位)
        role = "task"
    return role


#: A header naming what each row is about, …名称, and no owner's or a person's column (单位名称).
_NAMED_COLUMN = re.compile(r"(?![^名]*(?:单位|部门|领导|责任人))[\u4e00-\u9fff]{2,8}名称")


def _owner_like(cell: str) -> bool:
    """A cell that is a list of unit names (an owner cell), not a leader's name or a progress report."""
    parts = [p.strip() for p in re.split(r"[、，,；]", cell.replace(_STAR, "")) if p.strip()]
    return bool(parts) and all(_UNIT_NAME.match(p) for p in parts)


_OWNER_LABELS = ("牵头单位", "责任单位", "配合单位")


def _more_units(value: str) -> bool:
    """A cell under a deadline column that is one more owner's name, not a date."""
    return bool(_UNIT_NAME.match(value)) and not (_ONGOING.match(value) or _deadline_cell(value, 2000))


#: A long owner cell that is a list of short names (宿迁 2024: 市政府办公室、市发展改革委、… twelve units).
_UNIT_LIST_PART = re.compile(r"[、，,]")


def _unit_list(value: str) -> bool:
    """An owner cell longer than a sentence that is only units' names, each short, none a sentence."""
    return "。" not in value and all(0 < len(part) <= 20 for part in _UNIT_LIST_PART.split(value))


def _is_sub_row(cell: str, following: str) -> bool:
    """An unnumbered task sentence followed by its own deadline cell (rows that end with a date)."""
    return (
        cell.endswith("。")
        and not re.match(rf"^(?:\d|[{_CN}]+、|（[{_CN}]+）)", cell)
        and not _is_task_start(following)
        and bool(find_deadlines(following, 2000))
    )


def _is_task_start(cell: str) -> re.Match[str] | None:
    """A row's number cell: 1, 1. text, or a number in brackets alone (芜湖 2025: （1） | 地区生产总值…)."""
    return re.match(r"^(?:（(?=\d{1,3}）$))?(\d{1,3})(?:）$|(?:\s*[.．、]\s*(?!\d)(.*))?$)", cell, re.DOTALL)


#: The label a table column's cells get in the owner clause, by the column's role.
_COLUMN_LABEL = {"lead": "牵头单位", "shared": "责任单位", "deadline": "完成时限"}


def _column_label(header: str, role: str) -> str:
    if role == "shared" and re.search(r"配合|协同|协办|参与", header):
        return "配合单位"
    return _COLUMN_LABEL[role]


def _read_table(  # noqa: PLR0912, PLR0915 - one pass over the cells, a branch per kind of cell
    header: list[str], cells: list[tuple[int, str]]
) -> list[tuple[int, int, str, str, str, str]]:
    """Rows as (line, number, group, text, owner cells…, the number as printed when bracketed).

    A row starts at a number cell; the task's text follows (in the number's
    cell or the next one); columns between the text and the first owner
    column (责任领导, 进展情况) are passed over; then the owner and deadline
    columns, each cell labelled by its column's role.
    """
    roles = _column_roles(header)
    first_owner = next(i for i, role in enumerate(roles) if role in ("lead", "shared"))
    text_column = max((i for i in range(first_owner) if roles[i] == "task"), default=first_owner - 1)
    # a deadline column between the task and its owners is read with them (重点任务 | 完成时限 | 牵头单位)
    first_owner = next(
        (i for i in range(text_column + 1, first_owner) if roles[i] == "deadline"), first_owner
    )
    between = max(first_owner - text_column - 1, 0)
    tail = list(zip(header[first_owner:], roles[first_owner:], strict=True))
    rows: list[tuple[int, int, str, str, str, str]] = []
    dated_column = roles[-1] == "deadline"
    group = ""
    index = 0
    while index < len(cells):
        line, cell = cells[index]
        if cell == _EMPTY_CELL:
            index += 1
            continue
        start = _is_task_start(cell)
        if start is None:
            following = cells[index + 1][1] if index + 1 < len(cells) else ""
            if rows and dated_column and following and _is_sub_row(cell, following):
                # a second line of the row above, under its merged number and owner cells (大竹 2016:
                # 5 / 开工建设县老年养护楼。/ 县民政局 / 5月底前动工 / 开工建设老年大学。/ 12月底前)
                last = rows[-1]
                clause = f"{last[4]}；完成时限：{following}" if last[4] else f"完成时限：{following}"
                rows[-1] = (last[0], last[1], last[2], last[3], clause, last[5])
                index += 2
                continue
            if not re.match(r"^\d", cell):
                group = cell
            index += 1
            continue
        number = int(start.group(1))
        text = (start.group(2) or "").strip()
        index += 1
        if not text and roles[0] == "number" and text_column > 1:
            number, text, group, index = _before_text(
                _unmerged(roles[1 : text_column + 1], cells, index, line),
                cells,
                index,
                number=number,
                group=group,
                line=line,
            )
        elif not text and index < len(cells):
            text = cells[index][1]
            index += 1
        index = _skip_between(cells, index, between)
        values: list[str] = []
        column_index = 0
        while column_index < len(tail) and index < len(cells):
            column, role = tail[column_index]
            value = cells[index][1]
            if value == _EMPTY_CELL:
                index += 1
                column_index += 1
                continue
            if _is_task_start(value) or re.match(rf"^(?:[{_CN}]+、|（[{_CN}]+）)", value):
                break
            if role == "deadline":
                if values and values[-1].startswith(_OWNER_LABELS) and _more_units(value):
                    # a table with one cell a line lists several owners one to a line (大竹 2016:
                    # 县水务局 / 县住建局 / 县护城河指挥部 / 12月底前): a unit's name is no deadline
                    values[-1] += f"、{value}"
                    index += 1
                    continue
                if not (
                    _ONGOING.match(value)
                    or find_deadlines(value, 2000)
                    or len(value) <= 12
                    # dated deliverables on the row's own line (广东省卫生健康委 2021: 2021年2月公布预算信息，
                    # 2021年8月公布上年度决算信息)
                    or (cells[index][0] == line and _deadline_cell(value, 2000))
                ):
                    break
            elif len(value) > 80 and not (role in ("lead", "shared") and _unit_list(value)):
                break
            if role == "shared" and (together := _TOGETHER_WITH.fullmatch(value)) is not None:
                # 宣传处会办公室 (广东省卫生健康委 2021): the first unit leads, 会(同) the second
                values.append(
                    f"牵头单位：{together.group(1)}；{_column_label(column, role)}：{together.group(2)}"
                )
            elif role in _COLUMN_LABEL:
                values.append(f"{_column_label(column, role)}：{value}")
            index += 1
            column_index += 1
        while (
            values
            and column_index == len(tail)
            and tail[-1][1] in ("lead", "shared")
            and index < len(cells)
            and cells[index][0] != line
            and all(map(_spaced_unit, split_outside_brackets(cells[index][1], "、，")))
        ):
            # the last column's owners one a line, copied one cell a line (东城 2017: 统计局 / 产促局 /
            # 人力社保局 / 2 / …): a unit's name before the next number is one more owner of the row
            values[-1] += f"、{cells[index][1]}"
            index += 1
        after = _is_task_start(cells[index][1]) if not values and index < len(cells) else None
        if after is not None and cell.startswith("（") != after.group(0).startswith("（"):
            # a numbered row without owners before rows numbered in another style is their group
            # (芜湖 2025: 1 | 大力提振消费。 | || then （8） | 统筹衔接消费券… | 市商务局 | …)
            group = text
            continue
        rows.append((line, number, group, text, "；".join(values), cell if cell.startswith("（") else ""))
    return rows


def _bar_rows(header: list[str], lines: list[str], first: int) -> list[tuple[int, int, str, str, str, str]]:
    """Rows of a table without a number column whose cells after the first open with ``|`` and whose
    rows end with a ``|`` line; a row's first cell may take several lines (长沙: 市政 / 府办 / 公厅 /
    | 强化行政监督… / | 市直各单位、各区县市 / |). A row with fewer cells continues the cells merged
    from the row above (推进国家安全工作发展 / | 市直各单位、各区县市 / |: the lead above leads it)."""
    roles = _column_roles(header)
    if "task" not in roles or "number" in roles:
        return []
    rows: list[tuple[int, int, str, str, str, str]] = []
    above = [""] * len(header)
    plain: list[str] = []
    bars: list[str] = []
    start = first

    def finish() -> None:
        if bars and len(bars) < len(header):
            present = ["".join(plain)] if plain else []
            values = above[: len(header) - len(bars) - len(present)] + present + bars
            above[:] = values
            owners = [
                f"{_column_label(h, role)}：{value}"
                for h, role, value in zip(header, roles, values, strict=True)
                if role in _COLUMN_LABEL and value
            ]
            rows.append((start, len(rows) + 1, "", values[roles.index("task")], "；".join(owners), ""))
        plain.clear()
        bars.clear()

    for number, raw in enumerate(lines[first - 1 :], start=first):
        line = raw.strip()
        if line.startswith("|") and line.strip("| "):
            bars.append(line.strip("| "))
        elif line.strip("| "):
            if bars:
                finish()
            if not plain:
                start = number
            plain.append(line)
        elif bars and line:
            finish()
    finish()
    return rows


def _owners_first(header: list[str]) -> bool:
    """Whether an owner column stands before the task column (序号 | 牵头单位 | 重点任务 | 完成时限)."""
    roles = _column_roles(header)
    owner = next((i for i, role in enumerate(roles) if role in ("lead", "shared")), len(roles))
    return "task" in roles and owner < roles.index("task")


def _line_rows(header: list[str], cells: list[tuple[int, str]]) -> list[tuple[int, int, str, str, str, str]]:
    """Rows of a table one row a line, read by the columns' roles in any order (重点任务 | 牵头单位 |
    责任单位 | 完成时限; 序号 | 牵头单位 | 重点任务; 徐庄镇 2017: 烟花爆竹 | 1月份 | 安监站、安监所 |).

    A line with a cell for every column is a task, numbered by its number cell or else by its
    place; a line of one cell is the group of the rows below it (一、政务服务); the table ends at
    the first other line after its rows.
    """
    roles = _column_roles(header)
    if "task" not in roles:
        return []
    rows: list[tuple[int, int, str, str, str, str]] = []
    group = ""
    for line, cells_of_line in _by_line(cells).items():
        row = [cell.replace(_EMPTY_CELL, "") for cell in cells_of_line]
        if len(row) == 1 and len(header) > 1:
            group = row[0]
            continue
        if len(row) != len(header):
            if rows:
                break
            continue
        text = " ".join(value for value, role in zip(row, roles, strict=True) if role == "task")
        printed = row[roles.index("number")] if "number" in roles else ""
        number = int(printed) if printed.isdecimal() else len(rows) + 1
        owners = [
            f"{_column_label(name, role)}：{value}"
            for name, role, value in zip(header, roles, row, strict=True)
            if role in _COLUMN_LABEL and value
        ]
        rows.append((line, number, group, text, "；".join(owners), ""))
    return rows


#: An owner cell naming a unit that acts 会同 (together with) another: the first leads. After a
#: division's or a department's name only (处, 局, 厅, 室), never after 委 (居委会, 管委会 end in 会)
#: nor before 计 (会计室).
_TOGETHER_WITH = re.compile(
    r"([\u4e00-\u9fff]{1,12}?[处局厅室])会(?!计)同?([\u4e00-\u9fff]{1,12}?(?:处|局|厅|室|办|委))"
)


def _unmerged(columns: list[str], cells: list[tuple[int, str]], index: int, line: int) -> list[str]:
    """The columns before the owners that a row of a table a row a line fills itself: the leading ones
    may be merged over several rows (广东省卫生健康委 2021: 1 | 做好常态化疫情防控信息发布 | 重点围绕… |
    应急处、… | 长期推进 |, then 2 | 扎实做好疫苗接种… | 疾控处 | 长期推进 |: 工作任务 is row 1's). They
    are when the cell after all of them is no unit list and the cell after the last ones is, both on
    the row's own line."""

    def owners_at(at: int) -> bool:
        return at < len(cells) and cells[at][0] == line and _owner_like(_BRACKETED.sub("", cells[at][1]))

    if len(columns) < 2 or owners_at(index + len(columns)):
        return columns
    merged = next((k for k in range(1, len(columns)) if owners_at(index + len(columns) - k)), 0)
    return columns[merged:]


def _before_text(
    roles: list[str], cells: list[tuple[int, str]], index: int, *, number: int, group: str, line: int
) -> tuple[int, str, str, int]:
    """The cells from after the number to the task column: a grouping cell, texts in several columns.

    上城 2019: 1 / 地区生产总值 (任务名称) / 增长5.5%(市下达指标) (指标要求): one task in two
    columns. 吴江 2024: 1 / 主要预期目标 (项目) / 1.地区生产总值增长5%以上。: the number column
    numbers a group, and the tasks carry their own numbers in the task column. A cell on the
    row's own line is the row's, even when it opens with a step's number (临安 2022: 2 | … |
    1.婴幼儿照护服务成长驿站：3月底前… |).
    """
    texts: list[str] = []
    for role in roles:
        if index >= len(cells) or (texts and cells[index][0] != line and _is_task_start(cells[index][1])):
            break
        value = cells[index][1]
        if role == "task":
            own = _is_task_start(value)
            if not texts and own is not None and own.group(2):
                number, value = int(own.group(1)), own.group(2).strip()
            texts.append(value)
        elif role == "area":
            group = value
        index += 1
    return number, " ".join(texts), group, index


def _skip_between(cells: list[tuple[int, str]], index: int, between: int) -> int:
    """Pass over the columns between the task and its owners (牵头领导, 进展情况).

    Such a cell may be missing where it was merged with the row above, or
    take two lines (吴江 2024: 王 嵘 / 方 勇): a cell that is a list of units is
    the owners' and stops the skipping; a person's name one line further is
    still the leaders' column.
    """
    skipped = 0
    while index < len(cells) and not _is_task_start(cells[index][1]):
        value = cells[index][1]
        if between == 0 or _owner_like(value):
            break
        if skipped >= between and not (
            re.fullmatch(r"[\u4e00-\u9fff]{2,4}", value.replace(" ", ""))
            and index + 1 < len(cells)
            and _owner_like(cells[index + 1][1])
        ):
            # one more short name only when the owners' cell follows it
            break
        index += 1
        skipped += 1
    return index


# -- the plan -------------------------------------------------------------------------------


#: A page's metadata label before the document number (文号：, 发文字号, 文 号).
_NUMBER_LABEL = re.compile(r"(?:文\s*号|发文字号|文件编号)\s*[：:|]?\s*$")


def _own_number(text: str) -> re.Match[str] | None:
    """The plan's own document number: on a line of its own, or closing the title line.

    …意见（池政〔2017〕101号） is the plan's number.

    A number cited inside a sentence (根据《…》（国办发〔2022〕8号）) is another document's; one
    after a page's metadata label (文号：某政办字〔2023〕15号, 发文字号 …) is the plan's.
    """
    for line in text.split("\n")[:60]:
        stripped = line.strip()
        match = _RAW_DOC_NUMBER.search(stripped)
        if match is None:
            continue
        if match.start() == 0 and len(stripped) - match.end() <= 2:
            return match
        if _NUMBER_LABEL.search(stripped[: match.start()]):
            return match
        before = stripped[: match.start()].rstrip("（([ ")
        if _TITLE_END.search(before) and len(stripped) - match.end() <= 2 and "。" not in stripped:
            return match
    return None


def _year(  # noqa: PLR0911 - one return per source of the year, in order
    text: str,
    title: str,
    number: re.Match[str] | None,
    year: int | None,
    conventions: set[Convention],
) -> int | None:
    """The plan year: the caller's, the title's, the document number's, a date line's, the deadlines', any.

    A year in Chinese numerals (二〇二三年) counts as the same year in figures.
    """
    if year is not None:
        conventions.add(Convention.YEAR_FROM_CALLER)
        return year
    if "年" in text and _CHINESE_YEAR.search(text):
        text = _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), text)
        title = _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), title)
    if match := (_TITLE_SPAN.search(title) or _TITLE_YEAR.search(title)):
        conventions.add(Convention.YEAR_FROM_TITLE)
        return int(match.group(1))
    if number is not None and (match := re.search(r"(?:19|20)\d{2}", number.group(0))):
        conventions.add(Convention.YEAR_FROM_DOCUMENT_NUMBER)
        return int(match.group(0))
    dates = [int(m.group(1)) for line in text.split("\n") if (m := _DATE_LINE.match(line.strip()))]
    dates += [
        int(m.group(1) or m.group(2)) for line in text.split("\n") if (m := _DATE_STAMP.match(line.strip()))
    ]
    dates += [int(m.group(1)) for m in _META_DATE.finditer(text)]
    if not dates and "：" in text:
        dates += [int(m.group(1) or m.group(2)) for m in _TIMED_DATE.finditer(text)]
    if dates:
        conventions.add(Convention.YEAR_FROM_DATE_LINE)
        return dates[0]
    dated = collections.Counter(int(m.group(1)) for m in _DATED.finditer(text))
    if dated:
        conventions.add(Convention.YEAR_FROM_DEADLINES)
        return dated.most_common(1)[0][0]
    years = collections.Counter(int(m.group(1)) for m in _ANY_YEAR.finditer(text))
    years.update(int(m.group(1)) for m in _CITED_YEAR.finditer(text))
    if not years:
        years.update(int(m.group(1)) for m in _BRACKETED_YEAR.finditer(text))
    if years:
        conventions.add(Convention.YEAR_FROM_TEXT)
        return max(years, key=lambda y: (years[y], y))
    return None


def _printed_brackets(names: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Names with the lenticular brackets the source prints in them (各县〔区〕人民政府), not （）.

    The text is read with every bracket made （）; a name the source never
    prints so, but prints with 〔〕, gets its own brackets back.
    """
    printed = []
    for name in names:
        variant = name.replace("（", "〔").replace("）", "〕")
        printed.append(variant if "（" in name and name not in text and variant in text else name)
    return tuple(printed)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


def _finding(message: str, line: int, expected: str, found: str, action: str = "noted") -> ParseFinding:
    return ParseFinding.from_error(ParseError(message, line, 1, expected=expected, found=found), action)


def parse_generic(  # noqa: PLR0912, PLR0915 - one pass over the items, kept together
    text: str, *, year: int | None, registry: Mapping[str, Unit] | None = None
) -> GenericResult:
    """Read ``text`` (already checked, errata applied, simplified) as a plan of the family."""
    del registry
    conventions: set[Convention] = set()
    findings: list[ParseFinding] = []
    if "(" in text or ")" in text or "," in text or ":" in text or ";" in text:
        conventions.add(Convention.HALF_WIDTH_PUNCTUATION)
    norm = normalize(text)
    dated_norm = norm  # the signature's date still dates the plan
    norm = without_signature(norm)
    table = _table_cells(norm)
    raw_tasks: list[
        tuple[int, int, str, str, str, str, bool]
    ] = []  # line, number, label, area, text, owners, standalone
    chains: list[list[str]] = []  # the markers around each task, for its label as printed
    areas_by_key: dict[str, tuple[str, str | None]] = {}
    front_lines: list[str] = []
    if table is not None:
        conventions.add(Convention.FLATTENED_TABLE)
        if any(
            "\t" in cells and not _CELL_GAP.search(raw)
            for cells, raw in zip(norm.split("\n"), text.split("\n"), strict=False)
        ):
            conventions.add(Convention.SPACED_TABLE)
        header, cells = table
        table_rows = (
            (_owners_first(header) and _line_rows(header, cells))
            or _read_table(header, cells)
            or _bar_rows(header, norm.split("\n"), cells[0][0] if cells else 1)
            or _line_rows(header, cells)
        )
        for line, number, group, body, owners, marker in table_rows:
            raw_tasks.append((line, number, marker or str(number), group or "任务", body, owners, False))
            chains.append(group_marker(group))
            areas_by_key.setdefault(group or "任务", (group or "任务", None))
        first_cell_line = cells[0][0] if cells else 1
        front_lines = [line for line in norm.split("\n")[: max(first_cell_line - 2, 0)] if line.strip()]
    else:
        if (signed := _signed_tail(text)) is not None:
            norm = normalize(text[:signed])  # a one-line copy's closing signature is no owner
        seg = _segment(norm)
        for item in seg.items:
            _owner_split(item)
        if not any(i.owners for i in seg.items) and (numbered := _number_owned_paragraphs(norm)) != norm:
            # items printed without numbers, each followed by its owner lines: numbered by place
            renumbered = _segment(numbered)
            for item in renumbered.items:
                _owner_split(item)
            if any(i.owners for i in renumbered.items):
                seg = renumbered
        front_lines = [t for _, t in seg.front]
        _heading_leads(seg.items)
        _heading_owners(seg.items)
        owned = {id(i) for i in seg.items if i.owners}
        # one owner paragraph after the last of several sub-items belongs to their parent
        lines_of_items = collections.Counter(i.line for i in seg.items)
        folded: set[int] = set()
        for item in seg.items:
            kids = item.children
            # an enumeration inside the item's own paragraph (…：1.推行一网通办；2.推行…（牵头单位：…）),
            # not a text copied as one line, where every item shares the line
            inline = (
                bool(kids)
                and all(k.line == item.line for k in kids)
                and (lines_of_items[item.line] == len(kids) + 1)
            )
            if (
                not item.owners
                and len(kids) > 1
                and kids[-1].owners
                and (kids[-1].standalone or kids[-1].level == 3 or inline)
                and not any(k.owners for k in kids[:-1])
                and not kids[-1].children
            ):
                item.owners, kids[-1].owners = kids[-1].owners, None
                owned.discard(id(kids[-1]))
                owned.add(id(item))
                if inline:
                    item.text += "".join(k.label + k.text for k in kids)
                    folded |= {id(k) for k in kids}
                    item.children = []
        if folded:
            seg.items = [i for i in seg.items if id(i) not in folded]

        # the first item of each level: a numbering that starts above 1 there runs on from nothing
        first_of_level = {id(i) for i in {i.level: i for i in reversed(seg.items)}.values()}
        owned_below: set[int] = set()
        for item in reversed(seg.items):  # children come after their parent
            if item.parent is not None and (id(item) in owned or id(item) in owned_below):
                # an item closed by its own owners stays a task when the items after it do not number
                # its steps (上海 2023, a retrieval chunk: （八）…（责任单位：…） then 2.完善…, no 1. at all)
                first = item.parent.children[0]
                if id(item.parent) in owned and first.number != 1 and id(first) in first_of_level:
                    continue
                owned_below.add(id(item.parent))

        tasks_items = [i for i in seg.items if id(i) in owned and id(i) not in owned_below]
        task_ids = {id(i) for i in tasks_items}
        levels = {i.level for i in tasks_items}
        numbers_by_level: dict[int, list[int]] = collections.defaultdict(list)
        for i in tasks_items:
            numbers_by_level[i.level].append(i.number)
        number_sets = {level: set(numbers) for level, numbers in numbers_by_level.items()}
        number_max = {level: max(numbers) for level, numbers in numbers_by_level.items()}
        # parents (by id; 0 for the top) holding a task at each level
        task_parents = {(id(i.parent) if i.parent else 0, i.level) for i in tasks_items}
        extra: set[int] = set()
        for item in seg.items:
            if id(item) in task_ids or item.level not in levels or id(item) in owned_below or item.children:
                continue
            numbers = numbers_by_level[item.level]
            continuous = (
                len(number_sets[item.level]) == len(numbers)
                and item.number not in number_sets[item.level]
                and item.number < number_max[item.level]
            )
            sibling_task = (id(item.parent) if item.parent else 0, item.level) in task_parents
            if sibling_task or continuous:
                extra.add(id(item))
                if item.text:
                    findings.append(
                        _finding(
                            f"task {item.label.strip('.．、')} names no owner",
                            item.line,
                            "an owner clause such as （牵头单位：…） after the item",
                            repr(item.text[:20]),
                        )
                    )
        for item in seg.items:
            if id(item) not in task_ids and id(item) not in extra:
                continue
            parent = item.parent
            key = str(id(parent)) if parent is not None else "-"
            if parent is not None:
                name = _title(parent.text) or parent.label
                areas_by_key.setdefault(key, (name, parent.owners))
            else:
                areas_by_key.setdefault(key, ("任务", None))
            body = item.text or ""
            raw_tasks.append(
                (item.line, item.number, item.label, key, body, item.owners or "", item.standalone)
            )
            chains.append(enclosing(item))
            for more_text, more_owners in item.more:
                raw_tasks.append((item.line, item.number, "", key, more_text, more_owners, False))
                chains.append([*enclosing(item), item.label])
        last = seg.items[-1] if seg.items else None
        if last is not None and not last.owners and last.text and not last.text.endswith(tuple("。）！；")):
            findings.append(
                _finding(
                    "the text stops in the middle of a sentence: is it truncated?",
                    last.line,
                    "a paragraph that ends with 。 or ）",
                    repr(last.text[-20:]),
                    "kept",
                )
            )
        if any(i.level == 3 for i in tasks_items) or any(i.level == 1 for i in tasks_items):
            conventions.add(Convention.OTHER_TASK_LEVEL)
    if not raw_tasks and table is None and seg.items:
        deepest = max(i.level for i in seg.items)
        first = next(i for i in seg.items if i.level == deepest)
        raise ParseError(
            f"no tasks: {len(seg.items)} numbered item{'s' if len(seg.items) != 1 else ''}, "
            "none with an owner clause",
            first.line,
            1,
            expected="an owner clause such as （牵头单位：…；责任单位：…） or （…牵头） "
            "after a numbered item",
            found=repr((first.label + first.text)[:20]),
        )
    if not raw_tasks:
        raise ParseError(
            "no tasks: no numbered item (1. …, （一）…) in the text",
            1,
            1,
            expected="numbered tasks with their owners, such as 1.…（牵头单位：…；责任单位：…）",
            found=repr(_first_line(norm)[:20]) if norm.strip() else "only blank lines",
        )
    title = next((line for line in front_lines if _ends_like_a_title(line) and len(line) <= 80), "")
    if not title:
        findings.append(_finding("no title", 1, "a title line ending in 方案/计划/意见/要点", "none"))
    number_match = _own_number(text)
    if number_match is None:
        findings.append(
            _finding("no document number", 1, "a document number such as 菏政发〔2023〕11号", "none")
        )
    plan_year = _year(dated_norm, title, number_match, year, conventions)
    # read owners and dates
    all_owners = [_read(owners) if owners else None for *_, owners, _ in raw_tasks]
    first_is_lead = any(o is not None and o.first_is_lead for o in all_owners) or bool(
        _may_state_first_lead(norm) and _FIRST_IS_LEAD.search(norm)
    )
    if first_is_lead:
        conventions.add(Convention.FIRST_UNIT_LEADS)
    every_task_shared = _every_task_shared(norm)
    undated = any(find_deadlines(body, 2000) for *_, body, _o, _s in raw_tasks) or any(
        o is not None and o.deadlines for o in all_owners
    )
    if plan_year is None:
        if undated:
            raise ParseError(
                "the plan year cannot be known: the deadlines name no year and neither does the text",
                1,
                1,
                expected="a year in the title (2023年), the document number (〔2023〕), a dated deadline, "
                "or pass year= (parse(text, year=2023))",
                found="no year anywhere",
            )
        plan_year = _UNKNOWN_YEAR
        conventions.add(Convention.YEAR_ASSUMED)
        findings.append(
            _finding(
                f"the plan year is written nowhere and no deadline needs it; {plan_year} stands in "
                "(pass year= to set it)",
                1,
                "a year in the title or parse(text, year=…)",
                "no year",
            )
        )
    area_keys = list(dict.fromkeys(key for _, _, _, key, *_ in raw_tasks))
    area_index = {key: index for index, key in enumerate(area_keys, start=1)}
    areas: list[Area] = []
    for index, key in enumerate(area_keys, start=1):
        name, area_owners = areas_by_key.get(key, ("任务", None))
        area_leads = _read(area_owners).leads if area_owners else ()
        areas.append(Area(number=index, name=name or "任务", lead_units=tuple(dict.fromkeys(area_leads))))
    numbers = [n for _, n, *_ in raw_tasks]
    keep_numbers = all(a < b for a, b in itertools.pairwise(numbers)) and all(n > 0 for n in numbers)
    if not keep_numbers:
        conventions.add(Convention.TASKS_RENUMBERED)
    tasks: list[Task] = []
    units: list[str] = []
    labels = printed_labels(
        [label for _, _, label, *_ in raw_tasks],
        chains,
        [number if keep_numbers else index for index, (_, number, *_) in enumerate(raw_tasks, start=1)],
    )
    if _ENCLOSED_NUMBER.search(text):
        labels = [_as_enclosed(label, text) for label in labels]
    lenticular = "〔" in text  # tested once, not once a task (the whole text is scanned if none)
    for index, ((line, number, label, key, body, _owners_text, _standalone), clause) in enumerate(
        zip(raw_tasks, all_owners, strict=True), start=1
    ):
        leads: tuple[str, ...] = clause.leads if clause else ()
        others: tuple[str, ...] = clause.others if clause else ()
        if clause is not None:
            conventions |= clause.conventions
        if not leads and others and first_is_lead:
            leads, others = others[:1], others[1:]
        if every_task_shared:
            others = (*others, *(u for u in every_task_shared if u not in others and u not in leads))
        if lenticular:
            leads, others = _printed_brackets(leads, text), _printed_brackets(others, text)
        if not leads and others:
            conventions.add(Convention.NO_LEAD_UNITS)
        if not leads and clause is not None:
            findings.append(
                _finding(
                    f"task {label.strip('.．、')} names no lead unit",
                    line,
                    "牵头单位：… or …牵头",
                    "responsible units only" if others else "no owner",
                )
            )
        text_body = body or label
        found = milestones_in(text_body, plan_year)
        milestones = [m for m, _ in found]
        title_text = _title(text_body) or text_body[:80]
        for phrase_text in clause.deadlines if clause else ():
            milestones += [
                Milestone(due=due, phrase=phrase, deliverable=title_text)
                for phrase, due in _deadline_cell(phrase_text, plan_year)
            ]
        try:
            targets = tuple(targets_in(text_body, [span for _, span in found]))
        except (ValueError, TypeError):
            targets = ()
        try:
            task = Task(
                number=number if keep_numbers else index,
                title=title_text,
                text=text_body,
                area=area_index[key],
                lead_units=leads,
                responsible_units=tuple(u for u in others if u not in leads),
                milestones=tuple(milestones),
                targets=targets,
                label=labels[index - 1],
            )
        except (ValueError, TypeError) as invalid:
            findings.append(
                ParseFinding.from_error(
                    ParseError(
                        f"task {label} cannot be read", line, 1, expected="a task", found=str(invalid)
                    ),
                    "skipped",
                )
            )
            continue
        tasks.append(task)
        units += task.units
    if not tasks:
        raise ParseError("no task could be read", 1, 1, expected="numbered tasks", found="none")
    document = Document(
        number=number_match.group(0) if number_match else "（无文号）",
        title=title or "（无标题）",
        issuer="未署名",
        year=plan_year,
    )
    return GenericResult(
        document=document,
        areas=tuple(areas),
        tasks=tuple(tasks),
        conventions=frozenset(conventions),
        findings=tuple(findings),
        units=tuple(dict.fromkeys(units + [u for a in areas for u in a.lead_units])),
    )
