"""Hypothesis strategies for the model: one place for every generator the tests share.

Generated plans are valid by construction (the validators accept them and
:func:`heze_plan.check` finds nothing), so properties can be stated over
any of them; tests that need a broken plan break one deliberately.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

import heze_plan
from heze_plan.model.plan import (
    Area,
    Comparator,
    Document,
    Erratum,
    Milestone,
    Obligation,
    Plan,
    Principle,
    Safeguard,
    Target,
    TargetKind,
    Task,
    Unit,
    UnitKind,
)
from heze_plan.progress.ledger import (
    Ledger,
    MilestoneEntry,
    ObligationActual,
    ObligationEntry,
    Progress,
    TargetActual,
)

# ---------------------------------------------------------------- model (core)

#: Characters that plan text is made of, including the full-width punctuation.
CHINESE = st.sampled_from(
    "营商环境创新提升行动实施方案市场主体登记政务服务数据共享电子证照平台审批监管，、；（）“”"
)
chinese_text = st.text(CHINESE, min_size=1, max_size=40).filter(lambda s: s.strip())
UNIT_STEMS = st.text(
    st.sampled_from("发展改革商务财政税务科技司法公安交通水务城管教育民政"), min_size=2, max_size=6
)


@st.composite
def unit_names(draw: st.DrawFn) -> str:
    """A municipal unit name, or a collective whose name holds a 、."""
    if draw(st.booleans()) and draw(st.integers(0, 4)) == 0:
        return draw(st.sampled_from(["各县区政府、管委会", "市有关部门、单位", "各县区法院"]))
    return "市" + draw(UNIT_STEMS) + draw(st.sampled_from(["局", "委", "中心", "办"]))


def plan_dates(year: int) -> st.SearchStrategy[dt.date]:
    """Dates inside the plan year."""
    return st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31))


milestones = st.builds(
    Milestone,
    due=plan_dates(2023),
    phrase=st.sampled_from(["9月底前", "11月底前", "年内", "全年", "12 月底前"]),
    deliverable=chinese_text,
    printed_phrase=st.none() | st.sampled_from(["12 月底前", "9 月底前"]),
    printed_deliverable=st.none() | chinese_text,
)

finite = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)


@st.composite
def targets(draw: st.DrawFn, milestone_count: int = 0) -> Target:
    """A target of any kind, pointing at one of ``milestone_count`` milestones or at none."""
    kind = draw(st.sampled_from(TargetKind))
    milestone = draw(st.none() | st.integers(1, milestone_count)) if milestone_count else None
    scope = draw(st.sampled_from([None, "per county", "per month", "per year"]))
    if kind is TargetKind.RELATIVE:
        return Target(
            kind=kind,
            comparator=draw(st.sampled_from([Comparator.MORE_THAN, Comparator.AT_LEAST])),
            phrase="高于全省平均水平",
            subject=draw(chinese_text),
            reference="全省平均水平",
            scope=scope,
            milestone=milestone,
        )
    comparator = draw(st.sampled_from(Comparator))
    value = draw(finite)
    upper = value + draw(finite) if comparator is Comparator.RANGE else None
    return Target(
        kind=kind,
        comparator=comparator,
        phrase=draw(chinese_text),
        subject=draw(chinese_text),
        value=value,
        upper=upper,
        unit=draw(st.sampled_from(["人", "%", "个工作日", "小时", "家", "项"])),
        scope=scope,
        milestone=milestone,
    )


@st.composite
def tasks(draw: st.DrawFn, number: int = 1, area: int = 1, units: tuple[str, ...] = ("市商务局",)) -> Task:
    """A valid task whose units come from ``units``."""
    lead = draw(st.lists(st.sampled_from(units), min_size=1, max_size=3, unique=True))
    rest = [u for u in units if u not in lead]
    responsible = draw(st.lists(st.sampled_from(rest), max_size=3, unique=True)) if rest else []
    task_milestones = draw(st.lists(milestones, max_size=3))
    task_targets = draw(st.lists(targets(len(task_milestones)), max_size=3))
    return Task(
        number=number,
        title=draw(chinese_text),
        text=draw(chinese_text),
        area=area,
        lead_units=tuple(lead),
        responsible_units=tuple(responsible),
        milestones=tuple(task_milestones),
        targets=tuple(task_targets),
        per_provincial_arrangement=draw(st.booleans()),
        prerequisites=tuple(draw(st.lists(chinese_text, max_size=2))),
        # a label as another plan prints it (written to JSON only when there is one)
        label=draw(st.sampled_from(["", "（三）", "二（一）", "二.3", "33"])),
    )


@st.composite
def plans(draw: st.DrawFn, max_tasks: int = 12) -> Plan:
    """A whole valid plan for 2023: numbered areas and tasks, every unit registered."""
    names = tuple(draw(st.lists(unit_names(), min_size=1, max_size=8, unique=True)))
    area_count = draw(st.integers(1, 4))
    areas = [
        Area(
            number=n,
            name=draw(chinese_text),
            lead_units=tuple(draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True))),
        )
        for n in range(1, area_count + 1)
    ]
    task_count = draw(st.integers(0, max_tasks))
    area_of = sorted(draw(st.lists(st.integers(1, area_count), min_size=task_count, max_size=task_count)))
    plan_tasks = [draw(tasks(number=n + 1, area=area_of[n], units=names)) for n in range(task_count)]
    return Plan(
        document=Document(
            number="菏政发〔2023〕11号",
            title=draw(chinese_text),
            issuer="菏泽市人民政府",
            year=2023,
            adopted=dt.date(2023, 7, 8),
            printed=dt.date(2023, 1, 1),
        ),
        goal=draw(st.text(CHINESE, max_size=30)),
        principles=(Principle(number=1, title=draw(chinese_text), text=draw(chinese_text)),),
        areas=tuple(areas),
        tasks=tuple(plan_tasks),
        safeguards=(Safeguard(number=1, title=draw(chinese_text), text=draw(chinese_text)),),
        units=tuple(
            Unit(name=n, kind=UnitKind.COLLECTIVE if "、" in n else UnitKind.MUNICIPAL_DEPARTMENT)
            for n in names
        ),
        errata=(
            Erratum(
                id="E1",
                task=None,
                kind="typo",
                source="平台 and 场所",
                correction="平台和场所",
                reason="stray word",
            ),
        ),
    )


# ---------------------------------------------------------------- tables (queries)

#: One line of cell text mixing ASCII, CJK ideographs, full-width forms and punctuation.
cell_text = st.text(
    alphabet=st.sampled_from("abcXYZ019 -.%菏泽海关市商务局县区政府、管委会（一）“”：ＡＢ１２"),
    max_size=12,
).map(lambda s: " ".join(s.split()))

#: A table: a few rows of the same number of cells.
tables = st.integers(min_value=1, max_value=4).flatmap(
    lambda width: st.lists(st.lists(cell_text, min_size=width, max_size=width), max_size=6)
)


# ---------------------------------------------------------------- parse round trip (issue 7)
#
# Plans of the family as (expected plan, text): the text is what an
# extraction of the plan could look like (page breaks mid-sentence and
# mid-name, blank lines, stray spaces, either punctuation width, any owner
# convention, sometimes traditional characters), and the expected plan is
# built from the same draws, never from the parser's output.

# The renderer has its own small tables and rules, written from the published plans, never
# the parser's helpers (numerals, owner lists, month ends, the traditional-character table):
# a mistake shared by the renderer and the parser would otherwise pass unseen.

import re  # noqa: E402 - kept with the section it serves

_DIGITS = "一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1-99 as the plans number their areas: 七, 十, 十三, 二十, 二十一."""
    if not 1 <= number <= 99:
        msg = f"no area is numbered {number}"
        raise ValueError(msg)
    tens, ones = divmod(number, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens - 1] + "十")) + (
        _DIGITS[ones - 1] if ones else ""
    )


def end_of_month(year: int, month: int) -> dt.date:
    """The last day of a month: the day before the first of the next month (12月底 is 12月31日)."""
    first_of_next = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def _collective(name: str) -> bool:
    """A group of bodies named as one, as the plans write them: 各县区法院, 市有关部门、单位, 市直各部门."""
    return name.startswith("各") or "有关" in name or "直各" in name or "、" in name


def owner_list(names: tuple[str, ...]) -> str:
    """Units as the plans list them: 、 between single units; a collective (its name may hold a 、 of
    its own) stands apart, set off by ， (市商务局、市财政局，各县区政府、管委会).
    """
    text = ""
    for i, name in enumerate(names):
        if i:
            text += "，" if _collective(name) or _collective(names[i - 1]) else "、"
        text += name
    return text


#: Simplified → traditional for the characters the generated plans use: labels (牵头单位 → 牽頭單位),
#: deadline and counter words (年内 → 年內, 个 → 個), unit names (县区 → 縣區, 发展改革 → 發展改革), and
#: the free text (营商环境 → 營商環境). Written from the traditional-character editions of such plans.
_SIMPLIFIED_TO_TRADITIONAL = str.maketrans(
    dict(
        zip(
            "牵头单责门负职领时间内务项个场区县国办监营环设资产业税财据统级电证数审发关实计划标题点节"
            "动创体记优进机准贸农乡护权组织党纪检长镇强开后执质验态队层规围书专传输运应对学习导厅",
            "牽頭單責門負職領時間內務項個場區縣國辦監營環設資產業稅財據統級電證數審發關實計劃標題點節"
            "動創體記優進機準貿農鄉護權組織黨紀檢長鎮強開後執質驗態隊層規圍書專傳輸運應對學習導廳",
            strict=True,
        )
    )
)

#: Characters for free text: none is a digit, a numeral, a deadline word
#: (年 月 底 内 全), a counter, a comparator, a scope word or punctuation.
SAFE = (
    "营商环境创新提升行动实施方案市场主体登记政务服务数据共享电子证照平台审批监管优化推进建设完善机制体系标准"
)
safe_text = st.text(st.sampled_from(SAFE), min_size=2, max_size=10)
LEVELS = ("市", "县", "区", "州", "省")
COUNTERS = ("家", "项", "个", "人", "场", "件", "%")
_MARKER_START = re.compile(
    r"\d{1,4}\s*[.．、](?!\d)|[（(]\s*[一二三四五六七八九十]+\s*[）)]|[一二三四五六七八九十]+、|抄送|抄报|\d{4}年\d"
)
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…]")


@st.composite
def family_units(draw: st.DrawFn, level: str) -> tuple[str, ...]:
    """Distinct unit names of a plan issued at ``level`` (市, 县, 省…), collectives included."""
    singles = st.builds(
        lambda stem, suffix: level + stem + suffix, UNIT_STEMS, st.sampled_from(["局", "委", "中心", "办"])
    )
    collectives = st.sampled_from(
        ["各县区政府、管委会", f"{level}有关部门、单位", "各县区法院", f"{level}直各部门"]
    )
    return tuple(draw(st.lists(singles | collectives, min_size=2, max_size=8, unique=True)))


def _widths(draw: st.DrawFn, text: str) -> str:
    """Full-width brackets, colons and separators, each possibly half-width."""
    for full, half in (("（", "("), ("）", ")"), ("：", ":"), ("；", ";"), ("，", ",")):
        if draw(st.booleans()):
            text = text.replace(full, half)
    return text


@st.composite
def _target(draw: st.DrawFn, milestone: int | None) -> tuple[str, Target]:
    """A target clause (新增12家以上, 3个工作日内办结) and the target it states."""
    value = draw(st.integers(1, 9999))
    if draw(st.integers(0, 4)) == 0:
        clause = f"{value}个工作日内办结"
        return clause, Target(
            kind=TargetKind.SERVICE_TIME,
            comparator=Comparator.AT_MOST,
            phrase=f"{value}个工作日内",
            subject=clause,
            value=value,
            unit="个工作日",
            milestone=milestone,
        )
    counter = draw(st.sampled_from(COUNTERS))
    form = draw(st.sampled_from(["以上", "以下", "左右", "", "不少于"]))
    phrase = f"不少于{value}{counter}" if form == "不少于" else f"{value}{counter}{form}"
    comparator = {
        "以上": Comparator.AT_LEAST,
        "以下": Comparator.AT_MOST,
        "左右": Comparator.ABOUT,
        "": Comparator.EQUAL,
        "不少于": Comparator.AT_LEAST,
    }[form]
    clause = "新增" + phrase
    return clause, Target(
        kind=TargetKind.QUANTITY,
        comparator=comparator,
        phrase=phrase,
        subject=clause,
        value=value,
        unit=counter,
        milestone=milestone,
    )


@st.composite
def _deadline(draw: st.DrawFn, year: int) -> tuple[str, dt.date]:
    """A deadline phrase as the family writes it, and the day it means."""
    kind = draw(st.sampled_from(["month", "month", "bare", "dated", "年底前", "年内", "全年"]))
    month = draw(st.integers(1, 12))
    if kind == "month":
        return f"{month}月底前", end_of_month(year, month)
    if kind == "bare":
        return f"{month}月底", end_of_month(year, month)
    if kind == "dated":
        other = year + draw(st.integers(-1, 1))
        return f"{other}年{month}月底前", end_of_month(other, month)
    return kind, dt.date(year, 12, 31)


@st.composite
def _task_text(
    draw: st.DrawFn, year: int
) -> tuple[str, list[Milestone], list[Target], bool, tuple[str, ...]]:
    """A task's text with what it carries: milestones, targets, 根据省统一部署, …完成后."""
    title = draw(safe_text)
    sentences = [title + "。"]
    milestones: list[Milestone] = []
    targets: list[Target] = []
    provincial = draw(st.booleans())
    if provincial:
        sentences.append(f"根据省统一部署，{draw(safe_text)}。")
    prerequisites: tuple[str, ...] = ()
    if draw(st.integers(0, 3)) == 0:
        waiting = draw(safe_text) + "完成后"
        prerequisites = (waiting,)
        sentences.append(f"{waiting}，{draw(safe_text)}。")
    for _ in range(draw(st.integers(0, 3))):
        dated = draw(st.booleans())
        deliverable = draw(safe_text)
        if draw(st.booleans()):
            clause, target = draw(_target(len(milestones) + 1 if dated else None))
            deliverable += "，" + clause
            targets.append(target)
        if dated:
            phrase, due = draw(_deadline(year))
            milestones.append(Milestone(due=due, phrase=phrase, deliverable=deliverable))
            sentences.append(f"{phrase}，{deliverable}。")
        else:
            sentences.append(deliverable + "。")
    return "".join(sentences), milestones, targets, provincial, prerequisites


@st.composite
def _owner_clause(
    draw: st.DrawFn, lead: tuple[str, ...], responsible: tuple[str, ...], title: str, year: int
) -> tuple[str, list[Milestone]]:
    """The owner clause in one of the family's conventions, with a milestone when it holds a deadline."""
    style = draw(st.sampled_from(["labels", "words", "plain", "unbracketed"]))
    if style == "plain" and responsible:
        style = "labels"
    lead_text, shared_text = owner_list(lead), owner_list(responsible)
    extra: list[Milestone] = []
    deadline = ""
    if style in {"labels", "words"} and draw(st.integers(0, 3)) == 0:
        month = draw(st.integers(1, 12))
        extra.append(Milestone(due=end_of_month(year, month), phrase=f"{month}月底前", deliverable=title))
        deadline = f"；完成时限：{month}月底前" if style == "labels" else f"，{month}月底前完成"
    if style == "words":
        shares = f"，{shared_text}按职责分工负责" if responsible else draw(st.sampled_from(["负责", ""]))
        return _widths(draw, f"（{lead_text}牵头{shares}{deadline}）"), extra
    if style == "plain":
        return _widths(draw, f"（{lead_text}）"), extra
    lead_label = draw(st.sampled_from(["牵头单位", "牵头部门"]))
    shared_label = draw(st.sampled_from(["责任单位", "责任部门", "配合单位"]))
    clause = f"{lead_label}：{lead_text}" + (f"；{shared_label}：{shared_text}" if responsible else "")
    if style == "unbracketed":
        return "\n" + _widths(draw, clause), extra
    return _widths(draw, f"（{clause}{deadline}）"), extra


def _noise(draw: st.DrawFn, lines: list[str], body_start: int) -> str:
    """Join paragraphs as an extraction would: page breaks in body paragraphs, stray spaces, blank lines."""
    out: list[str] = []
    for index, paragraph in enumerate(lines):
        line = paragraph
        if index >= body_start and not re.match(r"[一二三四五六七八九十]+、", line) and len(line) > 8:
            cuts = draw(st.lists(st.integers(6, len(line) - 1), max_size=2, unique=True))
            pieces, last = [], 0
            for cut in sorted(cuts):
                if _MARKER_START.match(line[cut:]) or not line[last:cut].strip():
                    continue
                pieces.append(line[last:cut])
                last = cut
            pieces.append(line[last:])
            broken = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"])).join(pieces)
            spaces = draw(st.lists(st.integers(1, len(broken) - 1), max_size=3, unique=True))
            for at in sorted(spaces, reverse=True):
                if _CJK.match(broken[at - 1]) or _CJK.match(broken[at]):
                    broken = broken[:at] + " " + broken[at:]
            line = broken
        out.append(line)
        out.append("\n" * draw(st.integers(1, 3)))
    return "".join(out)


@st.composite
def plan_texts(draw: st.DrawFn, max_tasks: int = 8) -> tuple[Plan, str]:
    """A plan of the family and its text as an extraction could give it (see the section's comment)."""
    year = draw(st.integers(2019, 2030))
    level = draw(st.sampled_from(LEVELS))
    place = "某" + draw(st.sampled_from("甲乙丙丁"))
    names = draw(family_units(level))
    document = Document(
        number=f"{place[1]}政发〔{year}〕{draw(st.integers(1, 99))}号",
        title=f"{place}{level}{year}年{draw(safe_text)}行动方案",
        issuer=f"{place}{level}人民政府",
        year=year,
    )
    lines = [f"{document.issuer}文件", document.number, document.title]
    body_start = len(lines)
    goal = draw(safe_text) + "。"
    lines += ["一、工作目标", goal, "二、重点任务"]
    areas: list[Area] = []
    tasks: list[Task] = []
    for area_number in range(1, draw(st.integers(1, 3)) + 1):
        leads = tuple(draw(st.lists(st.sampled_from(names), max_size=2, unique=True)))
        area = Area(number=area_number, name=draw(safe_text), lead_units=leads)
        areas.append(area)
        heading = f"（{chinese_numeral(area_number)}）{area.name}。"
        if leads:
            heading += _widths(draw, f"（领域牵头部门：{owner_list(leads)}）")
        lines.append(heading)
        for _ in range(draw(st.integers(1, max_tasks))):
            number = len(tasks) + 1
            lead = tuple(draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)))
            rest = [n for n in names if n not in lead]
            responsible = (
                tuple(draw(st.lists(st.sampled_from(rest), max_size=3, unique=True))) if rest else ()
            )
            text, milestones, targets, provincial, prerequisites = draw(_task_text(year))
            title = text.split("。", 1)[0]
            clause, extra = draw(_owner_clause(lead, responsible, title, year))
            marker = draw(st.sampled_from([". ", ".", "．"]))
            lines.append(f"{number}{marker}{text}{clause}")
            tasks.append(
                Task(
                    number=number,
                    title=title,
                    text=text,
                    area=area_number,
                    lead_units=lead,
                    responsible_units=responsible,
                    milestones=(*milestones, *extra),
                    targets=tuple(targets),
                    per_provincial_arrangement=provincial,
                    prerequisites=prerequisites,
                )
            )
    safeguards = []
    if draw(st.booleans()):
        lines.append("三、保障措施")
        title = draw(safe_text)
        text = f"{title}。{draw(safe_text)}。"
        lines.append(f"（一）{text}")
        safeguards.append(Safeguard(number=1, title=title, text=text))
    names_in_order = [u for a in areas for u in a.lead_units] + [u for t in tasks for u in t.units]
    plan = Plan(
        document=document,
        goal=goal,
        principles=(),
        areas=tuple(areas),
        tasks=tuple(tasks),
        safeguards=tuple(safeguards),
        units=tuple(Unit(name=n, kind=UnitKind.COLLECTIVE) for n in dict.fromkeys(names_in_order)),
    )
    text = _noise(draw, lines, body_start)
    if draw(st.integers(0, 4)) == 0:
        text = text.translate(_SIMPLIFIED_TO_TRADITIONAL)
    return plan, text


# --- ledger -----------------------------------------------------------------

PLAN = heze_plan.load()
YEAR_DAYS = st.dates(min_value=dt.date(PLAN.year, 1, 1), max_value=dt.date(PLAN.year, 12, 31))
#: The text of a note or unit as a spreadsheet cell may hold it (no NUL, no surrogates).
CELL_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(',"\n'), max_size=30
).map(str.strip)


@st.composite
def milestone_entries(draw: st.DrawFn) -> MilestoneEntry:
    """A valid entry for a milestone (or a task without milestones) of the embedded plan."""
    task = draw(st.sampled_from(PLAN.tasks))
    index = None if task.ongoing else draw(st.integers(1, len(task.milestones)))
    status = draw(st.sampled_from(Progress))
    completed = draw(YEAR_DAYS) if status is Progress.DONE else None
    note = draw(CELL_TEXT)
    if status is Progress.DROPPED and not note:
        note = "按省里部署取消"
    unit = draw(st.none() | st.sampled_from(task.units))
    return MilestoneEntry(
        task=task.number, milestone=index, status=status, completed=completed, unit=unit, note=note
    )


@st.composite
def target_actuals(draw: st.DrawFn) -> TargetActual:
    """A valid actual for a target of the embedded plan."""
    task = draw(st.sampled_from([t for t in PLAN.tasks if t.targets]))
    value = draw(st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda v: round(v, 3)))
    return TargetActual(
        task=task.number,
        target=draw(st.integers(1, len(task.targets))),
        value=value,
        as_of=draw(YEAR_DAYS),
        note=draw(CELL_TEXT),
    )


# ---------------------------------------------------------------- display (rich HTML in Jupyter)

#: Text mixing Chinese, the characters HTML gives meaning to, and quotes.
markup_text = st.text(
    alphabet=st.sampled_from(list("菏泽市行政审批服务局、，。（）<>&\"' /=;abc123")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")


@st.composite
def markup_tasks(draw: st.DrawFn) -> Task:
    """A task whose every text field may contain markup characters."""
    lead = draw(st.lists(markup_text, min_size=1, max_size=3, unique=True))
    responsible = draw(st.lists(markup_text.filter(lambda n: n not in lead), max_size=3, unique=True))
    task_milestones = draw(
        st.lists(
            st.builds(Milestone, due=plan_dates(2023), phrase=markup_text, deliverable=markup_text),
            max_size=3,
        )
    )
    return Task(
        number=draw(st.integers(1, 500)),
        title=draw(markup_text),
        text=draw(markup_text),
        area=draw(st.integers(1, 30)),
        lead_units=tuple(lead),
        responsible_units=tuple(responsible),
        milestones=tuple(task_milestones),
        prerequisites=tuple(draw(st.lists(markup_text, max_size=2))),
        per_provincial_arrangement=draw(st.booleans()),
    )


# ---------------------------------------------------------------- ledgers (every row kind, several rounds)

#: Cell text every ledger format can hold: no control characters, no non-characters (U+FFFE), and no
#: surrounding spaces (readers strip them, as a spreadsheet user expects).
LEDGER_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co")) | st.sampled_from(',"\n'),
    max_size=20,
).map(str.strip)
ROUND_DAYS = st.none() | st.dates(dt.date(2023, 7, 1), dt.date(2024, 6, 30))


@st.composite
def ledger_rows(draw: st.DrawFn) -> MilestoneEntry:
    """A milestone entry of any round, with a source, as a merged ledger holds it."""
    entry = draw(milestone_entries())
    as_of = draw(ROUND_DAYS)
    if as_of is not None and entry.completed is not None and entry.completed > as_of:
        as_of = entry.completed
    note = draw(LEDGER_TEXT) or ("按省里部署取消" if entry.status is Progress.DROPPED else "")
    return attrs.evolve(
        entry,
        as_of=as_of,
        note=note,
        evidence=draw(LEDGER_TEXT),
        source=f"单位{draw(st.integers(1, 9))}.xlsx:台账!{draw(st.integers(2, 300))}",
    )


@st.composite
def safeguard_rows(draw: st.DrawFn) -> MilestoneEntry:
    """A report on a safeguard's own deadline (safeguards 1 and 2 of the embedded plan have one)."""
    guard = draw(st.sampled_from([s for s in PLAN.safeguards if s.milestones]))
    status = draw(st.sampled_from(Progress))
    return MilestoneEntry(
        task=guard.number,
        milestone=draw(st.integers(1, len(guard.milestones))),
        status=status,
        completed=draw(YEAR_DAYS) if status is Progress.DONE else None,
        unit=draw(st.none() | st.just("市营转办")),
        note="因故取消" if status is Progress.DROPPED else "",
        source="保障.csv:line 2",
    )


#: The county-level divisions of Heze (data/counties.csv), written out here rather than read.
HEZE_COUNTIES = (
    "牡丹区", "定陶区", "曹县", "单县", "成武县", "巨野县", "郓城县", "鄄城县", "东明县",
    "菏泽经济技术开发区", "菏泽高新技术产业开发区",
)  # fmt: skip


#: The collectives through which the plan names every county together (各县区政府、管委会 in
#: S1.4; 有关县区政府、管委会 among S1.3's 各领域责任单位): each county reports its own share.
HEZE_COUNTY_COLLECTIVES = ("各县区政府、管委会", "有关县区政府、管委会")


def _who_may_report(obligation: Obligation) -> list[str]:
    """The units and counties an obligation falls on: its actors, the counties for a county collective."""
    names = [a for a in obligation.actors if a not in HEZE_COUNTY_COLLECTIVES]
    counties = any(a in HEZE_COUNTY_COLLECTIVES for a in obligation.actors)
    return names + (list(HEZE_COUNTIES) if counties else [])


@st.composite
def obligation_rows(draw: st.DrawFn) -> ObligationEntry:
    """A report on one unit's (or county's) share of an obligation, or on the whole (no unit)."""
    obligation = draw(st.sampled_from([o for g in PLAN.safeguards for o in g.obligations]))
    status = draw(st.sampled_from(Progress))
    who = _who_may_report(obligation)
    completed = draw(YEAR_DAYS) if status is Progress.DONE else None
    as_of = draw(st.none() | YEAR_DAYS)
    if completed is not None and as_of is not None and completed > as_of:
        completed, as_of = as_of, completed  # a round reports what was done by its date
    return ObligationEntry(
        obligation=obligation.key,
        status=status,
        completed=completed,
        unit=draw(st.none() | st.sampled_from(who)) if who else None,
        note="因故取消" if status is Progress.DROPPED else draw(LEDGER_TEXT),
        source="义务.csv:line 2",
        as_of=as_of,
    )


@st.composite
def obligation_figures(draw: st.DrawFn) -> ObligationActual:
    """A figure of a safeguard's target (S2.1 不少于7项; S2.3's per county, with the county)."""
    obligation = draw(st.sampled_from([o for g in PLAN.safeguards for o in g.obligations if o.targets]))
    index = draw(st.integers(1, len(obligation.targets)))
    guard = next(g for g in PLAN.safeguards if g.number == obligation.safeguard)
    per_county = guard.targets[obligation.targets[index - 1]].scope == "per county"
    unit = draw(st.sampled_from(HEZE_COUNTIES)) if per_county else None
    return ObligationActual(
        obligation=obligation.key,
        target=index,
        value=draw(st.integers(0, 40)),
        as_of=draw(YEAR_DAYS),
        unit=unit,
        source="义务.csv:line 3",
    )


@st.composite
def ledgers(draw: st.DrawFn) -> Ledger:
    """A ledger of milestone rows (several rounds), target actuals and safeguard rows, with sources."""
    entries = draw(st.lists(ledger_rows(), max_size=6, unique_by=lambda e: e.round_key))
    actuals = draw(st.lists(target_actuals(), max_size=4, unique_by=lambda a: a.key))
    actuals = [
        attrs.evolve(
            a,
            unit=draw(st.none() | st.sampled_from(PLAN.task(a.task).units)),
            note=draw(LEDGER_TEXT),
            source=f"t.csv:line {n + 2}",
        )
        for n, a in enumerate(actuals)
    ]
    guards = draw(st.lists(safeguard_rows(), max_size=2, unique_by=lambda e: e.round_key))
    shares = draw(st.lists(obligation_rows(), max_size=3, unique_by=lambda e: e.round_key))
    figures = draw(st.lists(obligation_figures(), max_size=2, unique_by=lambda a: a.key))
    return Ledger(
        entries=entries,
        actuals=actuals,
        safeguards=guards,
        obligations=shares,
        obligation_actuals=figures,
    )


# ---------------------------------------------------------------- parsing shortcuts


def joined(pieces: tuple[str, ...], max_pieces: int = 12) -> st.SearchStrategy[str]:
    """Strings made of ``pieces`` (characters or words) in any order: the places a pattern's
    shortcut must agree with the pattern are where these pieces meet."""
    return st.lists(st.sampled_from(pieces), max_size=max_pieces).map("".join)
