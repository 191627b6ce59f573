"""The smaller items of issue 13: repeated and empty unit names, one date rule, typed API errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import heze_plan
from heze_plan.cli import main
from heze_plan.query import milestones, tasks

PLAN = heze_plan.load()


def numbers(capsys: pytest.CaptureFixture[str], *argv: str) -> list[int]:
    assert main([*argv, "--format", "json"]) == 0
    return [row["number"] for row in json.loads(capsys.readouterr().out)]


class TestUnitOptions:
    """``--unit`` repeated is a union; an empty name is refused."""

    def test_repeated_unit_is_union(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--unit 市商务局 --unit 市税务局``: every task that names either unit, in plan order."""
        expected = [t.number for t in PLAN.tasks if {"市商务局", "市税务局"} & set(t.units)]
        assert numbers(capsys, "tasks", "--unit", "市商务局", "--unit", "市税务局") == expected
        alone = numbers(capsys, "tasks", "--unit", "市税务局")
        assert set(alone) < set(expected)

    def test_repeated_lead(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--lead`` repeated: the tasks either unit leads."""
        expected = [t.number for t in PLAN.tasks if {"市商务局", "市税务局"} & set(t.lead_units)]
        assert numbers(capsys, "tasks", "--lead", "商务局", "--lead", "税务局") == expected

    @pytest.mark.parametrize("name", ["", "   "])
    def test_empty_name_refused(self, name: str, capsys: pytest.CaptureFixture[str]) -> None:
        """``--unit ""`` no longer selects all 195 tasks: a usage error naming the option."""
        with pytest.raises(SystemExit) as caught:
            main(["tasks", "--unit", name])
        assert caught.value.code == 2
        assert "argument --unit: a unit name cannot be empty" in capsys.readouterr().err


class TestOneDateRule:
    """Options read dates as ledgers do: ``2023/9/30`` is 2023-09-30."""

    def test_slashes(self, capsys: pytest.CaptureFixture[str]) -> None:
        iso = numbers(capsys, "tasks", "--due-before", "2023-09-30")
        assert numbers(capsys, "tasks", "--due-before", "2023/9/30") == iso
        assert numbers(capsys, "tasks", "--due-before", "2023.9.30") == iso
        assert iso == [
            t.number for t in PLAN.tasks if any(m.due <= dt.date(2023, 9, 30) for m in t.milestones)
        ]

    def test_impossible_day(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["tasks", "--due-before", "2023/9/31"]) == 2
        assert "--due-before: bad date '2023/9/31'" in capsys.readouterr().err


class TestPythonApi:
    """Typed errors and dates as text in the Python API."""

    def test_task_by_text(self) -> None:
        assert PLAN.task("8") is PLAN.task(8)

    @pytest.mark.parametrize("bad", [True, 8.0, "x", None])
    def test_task_type_errors(self, bad: object) -> None:
        """``task(True)`` used to return task 1; now every non-number is a TypeError that shows it."""
        with pytest.raises(TypeError, match="a task number is a whole number such as 8, got "):
            PLAN.task(bad)  # type: ignore[arg-type]

    def test_in_month_of_the_plan_year(self) -> None:
        """``in_month(9)`` is September of the plan year (21 tasks with a deadline then)."""
        assert list(tasks(PLAN).in_month(9)) == list(tasks(PLAN).in_month(2023, 9))
        assert len(tasks(PLAN).in_month(9)) == len(
            {t.number for t in PLAN.tasks for m in t.milestones if m.due.month == 9}
        )
        with pytest.raises(ValueError, match=r"in_month\(2023\) names no month"):
            tasks(PLAN).in_month(2023)
        with pytest.raises(TypeError):
            tasks(PLAN).in_month(True)

    def test_dates_as_text(self) -> None:
        """``due_before("2023-09-30")`` and ``due_after("2023/12/1")`` work like dates."""
        assert list(milestones(PLAN).due_before("2023-09-30")) == list(
            milestones(PLAN).due_before(dt.date(2023, 9, 30))
        )
        assert list(milestones(PLAN).due_after("2023/12/1")) == list(
            milestones(PLAN).due_after(dt.date(2023, 12, 1))
        )
        with pytest.raises(TypeError, match="must be a date or text"):
            milestones(PLAN).due_before(20230930)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="not a date-time"):
            milestones(PLAN).due_before(dt.datetime(2023, 9, 30))
        with pytest.raises(ValueError, match="is not a date"):
            milestones(PLAN).due_before("soon")
