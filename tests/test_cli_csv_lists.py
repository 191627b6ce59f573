"""Every list cell of every CSV the command line writes splits back into exactly the model's units.

The plan writes its lists of units with 、, which also occurs inside unit names
(各县区政府、管委会, 市有关部门、单位, 水、电、气、热各专营单位): a cell joined with it cannot be split
back. The CSV cells join lists with ；(``heze_plan.common.tables.LIST_SEPARATOR``), which no unit name
contains. The expected units are
the model's, which ``tests/test_parsing_expected_table.py`` holds to the source text task by task
(``tests/data/expected_tasks.csv``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import heze_plan
from heze_plan.cli import main
from heze_plan.common.tables import LIST_SEPARATOR

PLAN = heze_plan.load()
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"


def rows(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, str]]:
    assert main(list(argv)) == 0
    out = capsys.readouterr().out
    return list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))


def split(cell: str) -> list[str]:
    """What a spreadsheet user or a script gets by splitting the cell on the separator."""
    return cell.split(LIST_SEPARATOR) if cell else []


class TestListCellsSplitBack:
    """Split on ；, each list cell gives the model's units, in order, names with 、 kept whole."""

    def test_tasks(self, capsys: pytest.CaptureFixture[str]) -> None:
        """All 195 tasks: lead and responsible units."""
        found = rows(capsys, "tasks", "--format", "csv")
        assert len(found) == 195
        for row in found:
            task = PLAN.task(int(row["number"]))
            assert split(row["lead"]) == list(task.lead_units), task.number
            assert split(row["responsible"]) == list(task.responsible_units), task.number

    def test_areas(self, capsys: pytest.CaptureFixture[str]) -> None:
        """All 21 areas: their lead units (（三）获得电力: 市发展改革委 and 国网菏泽供电公司)."""
        found = rows(capsys, "areas", "--format", "csv")
        assert len(found) == 21
        for row in found:
            assert split(row["lead"]) == list(PLAN.area(int(row["number"])).lead_units), row["number"]
        assert split(found[2]["lead"]) == ["市发展改革委", "国网菏泽供电公司"]

    def test_timeline(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every dated milestone: a task's lead units; a safeguard's deadline (S1.6): who must act, 19 units
        ending with the collective 各县区政府、管委会.
        """
        found = rows(capsys, "timeline", "--format", "csv")
        assert len(found) == 123
        for row in found:
            key = row["task"]
            if key.startswith("S"):
                number, index = (int(part) for part in key[1:].split("."))
                expected = PLAN.safeguards[number - 1].obligations[index - 1].actors
            else:
                expected = PLAN.task(int(key)).lead_units
            assert split(row["lead"]) == list(expected), key
        guard = next(row for row in found if row["task"] == "S1.6")
        assert len(split(guard["lead"])) == 19
        assert split(guard["lead"])[-1] == "各县区政府、管委会"

    def test_report(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``report --format csv``: the lead units of each task's and milestone's row (a target's row leaves
        the cell empty).
        """
        found = rows(capsys, "report", "--ledger", str(SAMPLE), "--as-of", "2023-10-15", "--format", "csv")
        items = [row for row in found if row["kind"] in ("task", "milestone")]
        assert len(items) == 208  # 121 milestones and 87 tasks without one
        for row in items:
            assert split(row["lead_units"]) == list(PLAN.task(int(row["task"])).lead_units), row["task"]

    def test_ledger_template(self, tmp_path: Path) -> None:
        """``ledger init FILE.csv``: the 牵头单位 column of every task row (its plan column, shown to the
        unit that fills the row in).
        """
        template = tmp_path / "台账.csv"
        assert main(["ledger", "init", str(template)]) == 0
        found = list(csv.DictReader(io.StringIO(template.read_text(encoding="utf-8-sig"))))
        task_rows = [row for row in found if row["任务序号"]]
        assert len({row["任务序号"] for row in task_rows}) == 195
        for row in task_rows:
            assert split(row["牵头单位"]) == list(PLAN.task(int(row["任务序号"])).lead_units), row["任务序号"]
        assert split(next(r for r in task_rows if r["任务序号"] == "1")["牵头单位"]) == [
            "市发展改革委",
            "市商务局",
            "市行政审批服务局",
        ]

    def test_names_with_the_plans_comma_stay_whole(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Task 1 (全面实施市场准入负面清单) is shared by 各县区政府、管委会, one unit: split on 、 it would
        be two, which is why 、 cannot be the separator.
        """
        task_1 = next(row for row in rows(capsys, "tasks", "--format", "csv") if row["number"] == "1")
        assert split(task_1["responsible"]) == ["各县区政府、管委会"]
        assert task_1["responsible"].split("、") != ["各县区政府、管委会"]

    def test_no_name_holds_the_separator(self) -> None:
        """The separator is unambiguous for this plan: no unit, area or safeguard actor contains it."""
        names = {u.name for u in PLAN.units} | {n for t in PLAN.tasks for n in t.units}
        names |= {a.name for a in PLAN.areas} | {
            n for s in PLAN.safeguards for o in s.obligations for n in o.actors
        }
        assert not [n for n in names if LIST_SEPARATOR in n]
