"""A selection of :mod:`heze_plan.query` goes as it is into the calendar, status, frames and template.

September 2023 has 21 milestones (9月底前 and 9月底 counted in the source text,
see test_queries.py), all due 2023-09-30; 菏泽海关 leads tasks 53, 55 and 56, of which
only 55 has a deadline (12 月底前，进一步提升原产地签证服务便利化; 53 and 56 run the whole year).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import icalendar
import pytest

from heze_plan.calendar.feed import build_calendar
from heze_plan.model.plan import Plan
from heze_plan.progress.assessment import State, status
from heze_plan.progress.ledger import Ledger
from heze_plan.progress.ledger_files import template
from heze_plan.query import milestones, scope, targets, tasks

SEPTEMBER = dt.date(2023, 9, 30)


def _september(plan: Plan) -> list[tuple[int, int]]:
    """(task, milestone number) of every milestone due in September, read from the tasks themselves."""
    return [
        (t.number, i)
        for t in plan.tasks
        for i, m in enumerate(t.milestones, 1)
        if (m.due.year, m.due.month) == (2023, 9)
    ]


class TestCalendar:
    """build_calendar takes a milestone or task selection, with the UIDs the whole plan's feed gives them."""

    def test_milestone_selection(self, plan: Plan) -> None:
        chosen = milestones(plan).in_month("2023-09")
        events = icalendar.Calendar.from_ical(build_calendar(plan, chosen).to_ical()).walk("VEVENT")
        assert len(events) == len(_september(plan)) == 21
        assert {e["DTSTART"].dt for e in events} == {SEPTEMBER}
        whole = icalendar.Calendar.from_ical(build_calendar(plan).to_ical()).walk("VEVENT")
        september = {str(e["UID"]) for e in whole if e["DTSTART"].dt == SEPTEMBER}
        assert {str(e["UID"]) for e in events} == september

    def test_task_selection(self, plan: Plan) -> None:
        chosen = tasks(plan).led_by("菏泽海关")
        events = icalendar.Calendar.from_ical(build_calendar(plan, chosen).to_ical()).walk("VEVENT")
        numbers = sorted({int(str(e["SUMMARY"]).split(".")[0]) for e in events})
        assert numbers == [55]
        assert [e["DTSTART"].dt for e in events] == [dt.date(2023, 12, 31)]

    def test_target_selection_is_refused(self, plan: Plan) -> None:
        """A target is not a deadline of its own: the calendar says what it accepts."""
        with pytest.raises(TypeError, match="a selection holds tasks, entries, MilestoneRef"):
            build_calendar(plan, targets(plan))


class TestStatus:
    """status(..., tasks=selection) reports exactly what the selection picks."""

    def test_milestone_selection(self, plan: Plan) -> None:
        result = status(
            plan, Ledger(), as_of=dt.date(2023, 10, 15), tasks=milestones(plan).in_month("2023-09")
        )
        assert sorted((i.task, i.milestone) for i in result.items) == _september(plan)
        assert {i.state for i in result.items} == {State.OVERDUE}  # nothing reported, all past due
        assert result.targets == ()

    def test_task_selection_keeps_ongoing_tasks(self, plan: Plan) -> None:
        ongoing = tasks(plan).ongoing()[:3]
        result = status(plan, Ledger(), as_of=dt.date(2023, 10, 15), tasks=ongoing)
        assert [(i.task, i.milestone, i.state) for i in result.items] == [
            (t.number, None, State.ONGOING) for t in ongoing
        ]

    def test_target_selection_with_a_unit(self, plan: Plan) -> None:
        """Targets of task 170 (8人以上, 10场, 2.7万人以上), narrowed by the unit that leads it."""
        lead = plan.task(170).lead_units[0]
        chosen = targets(plan).where(lambda r: r.task.number == 170)
        result = status(plan, Ledger(), as_of=dt.date(2023, 10, 15), tasks=chosen, unit=lead)
        assert [(t.task, t.index, t.target.phrase) for t in result.targets] == [
            (170, 1, "8人以上"),
            (170, 2, "10场"),
            (170, 3, "2.7万人以上"),
        ]
        assert result.items == ()
        other = status(plan, Ledger(), as_of=dt.date(2023, 10, 15), tasks=chosen, unit="菏泽海关")
        assert other.targets == ()

    def test_not_a_selection(self, plan: Plan) -> None:
        with pytest.raises(
            TypeError, match="a selection holds tasks, MilestoneRef or TargetRef values, got 8"
        ):
            status(plan, Ledger(), as_of=dt.date(2023, 10, 15), tasks=[8])  # type: ignore[list-item]


class TestTemplate:
    """The ledger template lists the selection's milestones, numbered from 1 as the ledger reads them."""

    def test_milestone_selection(self, plan: Plan) -> None:
        text = template(plan, tasks=milestones(plan).in_month("2023-09"))
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        assert sorted((int(r["任务序号"]), int(r["时间节点"])) for r in rows) == _september(plan)
        assert {r["截止日期"] for r in rows} == {"2023-09-30"}
        assert not any(r["目标"] for r in rows)

    def test_task_selection_equals_the_unit_filter(self, plan: Plan) -> None:
        assert template(plan, tasks=tasks(plan).led_by("菏泽海关")) == template(
            plan,
            unit=None,
            tasks=[
                plan.task(53),
                plan.task(55),
                plan.task(56),
            ],
        )


class TestDataFrames:
    """The DataFrame functions take a selection for their ``tasks``."""

    pytest.importorskip("pandas")

    def test_milestones(self, plan: Plan) -> None:
        from heze_plan.notebook.frames import milestones_dataframe, tasks_dataframe

        chosen = milestones(plan).in_month("2023-09")
        frame = milestones_dataframe(plan, chosen)
        assert sorted(zip(frame["task"], frame["milestone"], strict=True)) == _september(plan)
        assert list(tasks_dataframe(plan, chosen).index) == list(chosen.numbers)

    def test_targets(self, plan: Plan) -> None:
        from heze_plan.notebook.frames import targets_dataframe

        chosen = targets(plan).of_kind("service_time")
        frame = targets_dataframe(plan, chosen)
        assert list(zip(frame["task"], frame["target"], strict=True)) == [
            (r.task.number, r.index) for r in chosen
        ]
        assert set(frame["kind"]) == {"service_time"}


class TestScope:
    """What a selection picks, for any consumer."""

    def test_task_picks_everything_and_ref_picks_one(self, plan: Plan) -> None:
        task = plan.task(170)
        picked = scope(plan, [milestones(plan).where(lambda m: m.task.number == 8)[1], task])
        assert [t.number for t in picked.tasks] == [8, 170]
        assert picked.milestone_numbers(plan.task(8)) == [2]
        assert picked.milestone_numbers(task) == [1, 2]
        assert picked.target_numbers(task) == [1, 2, 3]
        assert picked.whole == {170}
