"""The compliance check reports every breach of every rule, with its rule id and task."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
from hypothesis import given

import heze_plan
from heze_plan import Milestone, Plan, check
from heze_plan.model.checks import RULES, Finding
from heze_plan.model.plan import Unit, UnitKind

from . import strategies


def _plan() -> Plan:
    return heze_plan.load()


def _replace_task(plan: Plan, number: int, **changes: object) -> Plan:
    tasks = tuple(attrs.evolve(t, **changes) if t.number == number else t for t in plan.tasks)
    return attrs.evolve(plan, tasks=tasks)


class TestEmbeddedPlan:
    """The shipped plan passes every rule."""

    def test_clean(self) -> None:
        assert check(_plan()) == []


class TestBrokenPlans:
    """Each kind of breach is found, and all of them at once."""

    def test_gap_and_repeat_in_numbering(self) -> None:
        plan = _plan()
        tasks = [t for t in plan.tasks if t.number != 7]
        tasks.append(plan.task(195))
        findings = check(attrs.evolve(plan, tasks=tuple(tasks)))
        assert Finding("task-numbering", "task 195 appears 2 times", 195) in findings
        assert Finding("task-numbering", "task 7 is missing: numbers run 1..195") in findings

    def test_out_of_order(self) -> None:
        plan = _plan()
        tasks = list(plan.tasks)
        tasks[0], tasks[1] = tasks[1], tasks[0]
        findings = check(attrs.evolve(plan, tasks=tuple(tasks)))
        assert [f.message for f in findings] == ["task 1 comes after task 2 (position 2)"]

    def test_deadline_outside_the_year_and_before_issue(self) -> None:
        late = Milestone(dt.date(2024, 1, 31), "2024年1月底前", "完成")
        early = Milestone(dt.date(2023, 6, 30), "6月底前", "完成")
        plan = _replace_task(_plan(), 8, milestones=(late, early))
        findings = check(plan)
        assert [(f.rule, f.task) for f in findings] == [("deadline-year", 8), ("deadline-issued", 8)]
        assert "lies outside the plan year 2023" in findings[0].message
        assert "falls before the plan was issued (2023-07-29)" in findings[1].message

    def test_unregistered_unit(self) -> None:
        plan = _replace_task(_plan(), 3, responsible_units=("市不存在局",))
        assert check(plan) == [Finding("unit-registry", "names unregistered unit '市不存在局'", 3)]

    def test_area_without_leads_and_task_in_missing_area(self) -> None:
        plan = _plan()
        areas = (attrs.evolve(plan.areas[0], lead_units=()), *plan.areas[1:])
        plan = _replace_task(attrs.evolve(plan, areas=areas), 1, area=30)
        rules = [f.rule for f in check(plan)]
        assert rules == ["area-lead", "task-area"]

    def test_areas_that_name_no_lead_at_all(self) -> None:
        """A plan whose areas never name a lead (most plans of the family) breaks no area rule."""
        plan = _plan()
        areas = tuple(attrs.evolve(area, lead_units=()) for area in plan.areas)
        assert check(attrs.evolve(plan, areas=areas)) == []

    def test_a_task_table_without_area_leads(self) -> None:
        """The invented county table (examples/county-tasks-2024.csv) names no area lead: no finding."""
        county = heze_plan.read(Path(__file__).parent.parent / "examples" / "county-tasks-2024.csv")
        assert [area.lead_units for area in county.areas] == [(), ()]
        assert [f.rule for f in check(county)] == []

    def test_duplicate_registry_entries_and_aliases(self) -> None:
        plan = _plan()
        extra = Unit(name="市商务局", kind=UnitKind.MUNICIPAL_DEPARTMENT, aliases=("发改委",))
        findings = check(attrs.evolve(plan, units=(*plan.units, extra)))
        assert [f.message for f in findings] == [
            "unit '市商务局' is registered 2 times",
            "alias '发改委' names more than one unit",
        ]

    def test_every_finding_is_reported(self) -> None:
        plan = _replace_task(_plan(), 3, responsible_units=("市甲局",))
        plan = _replace_task(plan, 4, responsible_units=("市乙局",))
        plan = _replace_task(plan, 5, milestones=(Milestone(dt.date(2022, 12, 31), "年底前", "完成"),))
        assert [(f.rule, f.task) for f in check(plan)] == [
            ("unit-registry", 3),
            ("unit-registry", 4),
            ("deadline-year", 5),
        ]

    def test_rules_are_documented(self) -> None:
        assert set(RULES) >= {"task-lead", "task-numbering", "area-lead", "unit-registry", "deadline-year"}


class TestGeneratedPlans:
    """Valid generated plans pass every rule."""

    @given(strategies.plans())
    def test_clean(self, plan: Plan) -> None:
        assert check(plan) == []
