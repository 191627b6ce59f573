"""Hypothesis strategies for the model: one place for every generator the tests share.

Generated plans are valid by construction (the validators accept them and
:func:`heze_plan.check` finds nothing), so properties can be stated over
any of them; tests that need a broken plan break one deliberately.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

import heze_plan
from heze_plan.ledger import MilestoneEntry, Progress, TargetActual
from heze_plan.model import (
    Area,
    Comparator,
    Document,
    Erratum,
    Milestone,
    Plan,
    Principle,
    Safeguard,
    Target,
    TargetKind,
    Task,
    Unit,
    UnitKind,
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
)

finite = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)


@st.composite
def targets(draw: st.DrawFn, milestone_count: int = 0) -> Target:
    """A target of any kind, pointing at one of ``milestone_count`` milestones or at none."""
    kind = draw(st.sampled_from(TargetKind))
    milestone = draw(st.none() | st.integers(0, milestone_count - 1)) if milestone_count else None
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
