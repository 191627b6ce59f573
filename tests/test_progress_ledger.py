"""Tests of the progress ledger: its rows, reading CSV and JSON, every bad-row case, templates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from heze_plan.model.plan import Plan
from heze_plan.progress.ledger import Ledger, MilestoneEntry, Problem, Progress, TargetActual
from heze_plan.progress.ledger_files import LEDGER_FORMAT, LedgerError, parse_ledger, read_ledger, template

from .strategies import PLAN, milestone_entries, target_actuals

#: The sample ledger shipped in examples/ (plausible, invented data).
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"
HEADER = "task,milestone,target,status,completed,value,as_of,unit,note,evidence\n"


def row(task: object = "", milestone: object = "", target: object = "", **cells: object) -> str:
    """One CSV line in the column order of ``HEADER``; ``cells`` names the other columns."""
    names = HEADER.strip().split(",")
    values = {"task": task, "milestone": milestone, "target": target, **cells}
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([values.get(n, "") for n in names])
    return out.getvalue()


def read(
    plan: Plan, rows: str, *, as_of: dt.date | None = None, header: str = HEADER
) -> tuple[Ledger, list[Problem]]:
    """Parse a CSV ledger made of ``header`` and ``rows``."""
    return parse_ledger(header + rows, plan, name="t.csv", as_of=as_of)


def messages(problems: list[Problem]) -> list[str]:
    return [f"{p.where}: {p.message}" for p in problems]


class TestProgress:
    """Status labels are accepted in English or Chinese, and anything else is refused by name."""

    @pytest.mark.parametrize(
        ("label", "status"),
        [
            ("未启动", Progress.NOT_STARTED),
            ("推进中", Progress.IN_PROGRESS),
            ("已完成", Progress.DONE),
            ("已取消", Progress.DROPPED),
            ("Not Started", Progress.NOT_STARTED),
            ("in_progress", Progress.IN_PROGRESS),
            (" DONE ", Progress.DONE),
            ("dropped", Progress.DROPPED),
        ],
    )
    def test_labels(self, label: str, status: Progress) -> None:
        assert Progress.parse(label) is status

    def test_unknown_label_lists_the_choices(self) -> None:
        choices = r"unknown status '完成了'.*已完成 \(done\): 已完成、完成、已办结"
        with pytest.raises(ValueError, match=choices):
            Progress.parse("完成了")


class TestRows:
    """A row that contradicts itself cannot be built, and the ledger refuses two rows for one milestone."""

    def test_done_needs_a_date(self) -> None:
        with pytest.raises(ValueError, match="done needs a completion date"):
            MilestoneEntry(task=8, milestone=1, status=Progress.DONE)

    @pytest.mark.parametrize("status", [Progress.NOT_STARTED, Progress.IN_PROGRESS, Progress.DROPPED])
    def test_only_done_has_a_date(self, status: Progress) -> None:
        with pytest.raises(ValueError, match="contradicts completion date"):
            MilestoneEntry(task=8, milestone=1, status=status, completed=dt.date(2023, 9, 1))

    def test_no_duplicates(self) -> None:
        entry = MilestoneEntry(task=8, milestone=1, status=Progress.IN_PROGRESS, source="a:1")
        with pytest.raises(ValueError, match=r"holds \(8, 1, None\) twice"):
            Ledger(entries=(entry, entry))

    def test_latest_actual_on_or_before(self) -> None:
        early = TargetActual(task=170, target=3, value=21800, as_of=dt.date(2023, 9, 30))
        late = TargetActual(task=170, target=3, value=23650, as_of=dt.date(2023, 10, 15))
        ledger = Ledger(actuals=(late, early))
        assert ledger.actual(170, 3, dt.date(2023, 10, 1)) == early
        assert ledger.actual(170, 3) == late
        assert ledger.actual(170, 3, dt.date(2023, 9, 29)) is None


class TestSample:
    """The shipped sample ledger reads without problems and says what its rows say."""

    def test_reads_cleanly(self, plan: Plan) -> None:
        ledger, problems = read_ledger(SAMPLE, plan, as_of=dt.date(2023, 10, 15))
        assert problems == []
        assert len(ledger.entries) == 48
        assert len(ledger.actuals) == 14

    def test_rows(self, plan: Plan) -> None:
        ledger, _ = read_ledger(SAMPLE, plan)
        # "34,2023-08-31": task 34's only milestone is 8月底前 (完成企业用气应急储备4万立方米以上保障工程).
        entry = ledger.entry(34, 1)
        assert entry is not None
        assert entry.completed == dt.date(2023, 8, 30)
        assert entry.unit == "市城管局"  # written as the alias 城管局
        assert entry.source.endswith("ledger-2023-10-15.csv:line 3")
        # 2.365万 is read as 23650 (targets are in base units: 2.7万 → 27000).
        actual = ledger.actual(170, 3)
        assert actual is not None
        assert actual.value == 23650
        assert ledger.entry(149, 1) is not None
        assert ledger.entry(149, 1).status is Progress.DROPPED  # type: ignore[union-attr]

    def test_every_row_says_it_is_sample_data(self) -> None:
        rows = list(csv.DictReader(io.StringIO(SAMPLE.read_text(encoding="utf-8-sig"))))
        assert rows
        assert all(row["备注"].startswith("示例数据") for row in rows)

    def test_reading_never_writes(self, plan: Plan) -> None:
        before = SAMPLE.read_bytes()
        read_ledger(SAMPLE, plan, as_of=dt.date(2023, 9, 1))  # with problems
        assert SAMPLE.read_bytes() == before


class TestEncodingAndHeaders:
    """UTF-8 with or without Excel's BOM, Chinese or English headers, template columns ignored."""

    def test_bom_and_chinese_headers(self, plan: Plan, tmp_path: Path) -> None:
        path = tmp_path / "l.csv"
        path.write_bytes(
            "\ufeff任务序号,时间节点,状态,完成日期,填报单位\r\n8,1,已完成,2023-09-27,审批局\r\n".encode()
        )
        ledger, problems = read_ledger(path, plan)
        assert problems == []
        assert ledger.entry(8, 1) == MilestoneEntry(
            task=8,
            milestone=1,
            status=Progress.DONE,
            completed=dt.date(2023, 9, 27),
            unit="市行政审批服务局",
            source=f"{path}:line 2",
        )

    def test_without_bom(self, plan: Plan, tmp_path: Path) -> None:
        path = tmp_path / "l.csv"
        path.write_text("Task,Milestone,Status\n8,2023-11-30,In Progress\n", encoding="utf-8")
        ledger, problems = read_ledger(path, plan)
        assert problems == []
        assert ledger.entry(8, 2) is not None

    def test_neither_utf8_nor_gb18030_is_one_clear_error(self, plan: Plan, tmp_path: Path) -> None:
        path = tmp_path / "latin.csv"
        path.write_bytes(b"task,status\n8,\xff\xff\n")  # 0xFF never starts a GB18030 character
        with pytest.raises(LedgerError, match=r"neither UTF-8 nor GB18030/GBK.*CSV UTF-8"):
            read_ledger(path, plan)

    def test_missing_file(self, plan: Plan, tmp_path: Path) -> None:
        with pytest.raises(LedgerError, match="cannot read ledger"):
            read_ledger(tmp_path / "nope.csv", plan)

    def test_unknown_column_is_named_and_rows_still_read(self, plan: Plan) -> None:
        ledger, problems = read(plan, "8,1,推进中,\n", header="task,milestone,stauts,status\n")
        assert messages(problems) == [
            "line 1: unknown column 'stauts' is ignored (its cells are not read); known columns: "
            "task / 任务序号, milestone / 时间节点, target / 目标, safeguard / 保障措施, "
            "status / 状态, completed / 完成日期, "
            "value / 实际值, as_of / 数据截至, unit / 填报单位, note / 备注, evidence / 佐证材料"
        ]
        assert problems[0].warning  # an unknown column is a warning: ``ledger check`` still passes
        assert ledger.entries == ()  # the status was in the unknown column, so the row is unreported

    def test_no_task_column(self, plan: Plan) -> None:
        _, problems = read(plan, "1,推进中\n", header="编号,状态\n")
        assert "no task column" in messages(problems)[-1]

    def test_empty_file(self, plan: Plan) -> None:
        _, problems = parse_ledger("", plan, name="e.csv")
        assert [str(p) for p in problems] == [
            "e.csv:line 1: the file is empty: expected a header row (see `heze-plan ledger init`)"
        ]

    def test_blank_and_unfilled_rows_are_not_reports(self, plan: Plan) -> None:
        ledger, problems = read(plan, ",,,,,,,,,\n" + row(8, 1, unit="市行政审批服务局") + "\n")
        assert (ledger.entries, problems) == ((), [])

    def test_lines_count_multiline_cells(self, plan: Plan) -> None:
        _, problems = read(plan, row(8, 1, status="推进中", note="two\nlines") + row(999, 1, status="推进中"))
        assert messages(problems) == ["line 4: unknown task 999: the plan numbers its tasks 1..195"]


class TestBadRows:
    """Every kind of bad row is named with its line and a clear message; good rows are kept."""

    @pytest.mark.parametrize(
        ("bad", "message"),
        [
            (row(task="abc", milestone="1", status="推进中"), "task 'abc' is not a task number"),
            (row(milestone="1", status="推进中"), "the task number is missing"),
            (
                row(task="196", milestone="1", status="推进中"),
                "unknown task 196: the plan numbers its tasks 1..195",
            ),
            (
                row(task="8", milestone="3", status="推进中"),
                "task 8 has no milestone 3; its milestones are 1 (2023-09-30), 2 (2023-11-30)",
            ),
            (
                row(8, "2023-10-31", status="推进中"),
                "task 8 has no milestone due 2023-10-31; its milestones are 1 (2023-09-30), 2 (2023-11-30)",
            ),
            (row(task="8", status="推进中"), "say which milestone of task 8: 1 (2023-09-30), 2 (2023-11-30)"),
            (
                row(task="8", milestone="soon", status="推进中"),
                "milestone 'soon' is neither an index nor a date",
            ),
            (
                row(task="1", milestone="1", status="推进中"),
                "task 1 has no milestone (it runs all year): leave the milestone empty",
            ),
            (row(task="8", milestone="1", status="完成了"), "unknown status '完成了'"),
            (row(task="8", milestone="1", note="有备注"), "the status is missing"),
            (row(task="8", milestone="1", status="已完成"), "status done needs a completion date"),
            (
                row(task="8", milestone="1", status="未启动", completed="2023-09-01"),
                "status not started contradicts the completion date 2023-09-01",
            ),
            (
                row(task="8", milestone="1", status="推进中", completed="2023-09-01"),
                "status in progress contradicts the completion date 2023-09-01",
            ),
            (row(task="8", milestone="1", status="已取消"), "a dropped milestone needs a note saying why"),
            (
                row(task="8", milestone="1", status="已完成", completed="2022-12-30"),
                "completion date 2022-12-30 is outside the plan year 2023",
            ),
            (
                row(task="8", milestone="1", status="已完成", completed="2025-01-05"),
                "completion date 2025-01-05 is outside the plan year 2023 (or the year after",
            ),
            (
                row(task="8", milestone="1", status="已完成", completed="30/09/2023"),
                "completion date: '30/09/2023' is not a date: write a date cell, 2023-09-30, 2023/9/30, "
                "2023.9.30 or 2023年9月30日",
            ),
            (
                row(task="8", milestone="1", status="已完成", completed="2023-02-30"),
                "completion date: '2023-02-30' is not a date of the calendar",
            ),
            (
                row(task="8", milestone="1", status="已完成", completed="2023-09-27", unit="市发改局"),
                "unknown unit '市发改局'; did you mean 市发展改革委",
            ),
            (
                row(8, 1, status="已完成", completed="2023-09-27", unit="市税务局"),
                "市税务局 is not a unit of task 8 "
                "(its units: 市行政审批服务局、市有关部门、单位、各县区政府、管委会)",
            ),
            (
                row(task="8", milestone="1", status="推进中", value="12"),
                "value and as-of date belong to target rows",
            ),
            (row(task="170", target="9", value="abc", as_of="2023-09-30"), "value: 'abc' is not a number"),
            (row(task="170", target="3", as_of="2023-09-30", note="有备注"), "the actual value is missing"),
            (row(task="170", target="3", value="21800"), "the as-of date of the value is missing"),
            (
                row(task="170", target="3", value="21800", as_of="2023-13-01"),
                "the value's as-of date: '2023-13-01' is not a date of the calendar",
            ),
            (
                row(task="170", target="3", value="21800", as_of="2022-12-31"),
                "the value's as-of date 2022-12-31 is outside the plan year 2023",
            ),
            (
                row(task="170", target="4", value="21800", as_of="2023-09-30"),
                "task 170 has no target 4; its targets: 1 (8人以上), 2 (10场), 3 (2.7万人以上)",
            ),
            (
                row(task="170", target="2万人", value="21800", as_of="2023-09-30"),
                "task 170 has no target '2万人'",
            ),
            (
                row(task="53", target="13小时和2小时内", value="11", as_of="2023-09-30"),
                "target '13小时和2小时内' of task 53 is ambiguous: write 1 or 2",
            ),
            (
                row(task="170", milestone="1", target="3", value="21800", as_of="2023-09-30"),
                "a row gives either a milestone or a target, not both",
            ),
            (
                row(
                    task="170",
                    target="3",
                    status="已完成",
                    completed="2023-09-30",
                    value="21800",
                    as_of="2023-09-30",
                ),
                "status and completion date belong to milestone rows",
            ),
        ],
    )
    def test_bad_row(self, plan: Plan, bad: str, message: str) -> None:
        good = row(2, 1, status="已完成", completed="2023-09-26")
        ledger, problems = read(plan, good + bad + row(3, 1, status="已完成", completed="2023-09-28"))
        assert any(m.startswith("line 3: ") and message in m for m in messages(problems)), messages(problems)
        assert all(p.where == "line 3" for p in problems)
        assert [e.task for e in ledger.entries] == [2, 3]

    def test_milestone_date_ambiguous_in_task_136(self, plan: Plan) -> None:
        """Task 136 has two 12月底前 milestones: a date alone names neither, the error names both."""
        _, problems = read(plan, row(136, "2023-12-31", status="推进中"))
        (message,) = messages(problems)
        assert message.startswith(
            "line 2: task 136 has 2 milestones due 2023-12-31: write 1 (实现企业和个人全生命周期"
        )
        assert " or 2 (引导各县区打造一批主动提醒" in message

    def test_milestone_by_index_in_task_136(self, plan: Plan) -> None:
        ledger, problems = read(plan, row(136, 1, status="推进中") + row(136, 2, status="未启动"))
        assert problems == []
        assert {e.key for e in ledger.entries} == {(136, 1), (136, 2)}

    def test_target_by_phrase(self, plan: Plan) -> None:
        ledger, problems = read(plan, row(170, target="2.7万人以上", value="2.365万", as_of="2023-10-15"))
        assert problems == []
        assert ledger.actuals[0].target == 3

    def test_future_completion_relative_to_as_of(self, plan: Plan) -> None:
        ledger, problems = read(
            plan, row(8, 1, status="已完成", completed="2023-10-16"), as_of=dt.date(2023, 10, 15)
        )
        assert messages(problems) == [
            "line 2: completion date 2023-10-16 is after 2023-10-15, the date checked for: "
            "it cannot have happened yet"
        ]
        assert ledger.entries == ()
        assert (
            read(plan, row(8, 1, status="已完成", completed="2023-10-15"), as_of=dt.date(2023, 10, 15))[1]
            == []
        )

    def test_duplicates_name_the_first_row(self, plan: Plan) -> None:
        rows = (
            row(8, 1, status="推进中")
            + row(8, "2023-09-30", status="已完成", completed="2023-09-27")
            + row(170, target=3, value=1, as_of="2023-09-30")
            + row(170, target=3, value=2, as_of="2023-09-30")
        )
        ledger, problems = read(plan, rows)
        assert messages(problems) == [
            "line 3: duplicate row: task 8 milestone 1 already at t.csv:line 2",
            "line 5: duplicate row: task 170 target 3 as of 2023-09-30 already at t.csv:line 4",
        ]
        assert ledger.entry(8, 1).status is Progress.IN_PROGRESS  # type: ignore[union-attr]

    def test_all_problems_of_a_row_at_once(self, plan: Plan) -> None:
        _, problems = read(plan, row(8, 9, status="已完成", unit="无此单位"))
        assert len(problems) == 3

    def test_too_many_cells(self, plan: Plan) -> None:
        _, problems = read(plan, row(8, 1, status="推进中").rstrip("\n") + ",extra\n")
        assert messages(problems) == ["line 2: 11 cells but only 10 columns: row ignored"]


class TestJson:
    """The JSON ledger holds the same rows, and its problems are located by JSON path."""

    def test_reads(self, plan: Plan) -> None:
        document = {
            "format": LEDGER_FORMAT,
            "milestones": [{"task": 8, "milestone": 1, "status": "done", "completed": "2023-09-27"}],
            "targets": [{"task": 170, "target": 3, "value": 23650, "as_of": "2023-10-15"}],
        }
        ledger, problems = parse_ledger(json.dumps(document), plan, name="l.json", json_format=True)
        assert problems == []
        assert ledger.entry(8, 1) is not None
        assert ledger.actual(170, 3) is not None

    def test_problems_by_path(self, plan: Plan) -> None:
        document = {
            "format": LEDGER_FORMAT,
            "milestones": [
                {"task": 8, "milestone": 1, "status": "done"},
                "x",
                {"task": 8, "milestone": 2, "status": "done", "completed": "2023-11-01", "colour": 1},
            ],
            "targets": [{"task": 170, "value": 1}],
            "extra": 1,
        }
        _, problems = parse_ledger(json.dumps(document), plan, name="l.json", json_format=True)
        assert [str(p) for p in problems] == [
            "l.json:$.milestones[0]: status done needs a completion date",
            "l.json:$.milestones[1]: expected an object, found str",
            "l.json:$.milestones[2]: warning: unknown keys ['colour'] are ignored",
            "l.json:$.targets[0]: a row under targets needs a target",
            "l.json:$: warning: unknown keys ['extra'] are ignored",
        ]

    def test_not_json_or_wrong_format(self, plan: Plan) -> None:
        assert [str(p) for p in parse_ledger("{", plan, name="l.json", json_format=True)[1]] == [
            "l.json:line 1: not JSON: Expecting property name enclosed in double quotes"
        ]
        problems = parse_ledger('{"format": "x"}', plan, name="l.json", json_format=True)[1]
        assert [str(p) for p in problems] == ["l.json:$.format: expected 'heze-plan-ledger/1', found 'x'"]


class TestTemplate:
    """The template lists every milestone, task without milestone and target, and reads back as empty."""

    def test_csv_lists_everything(self, plan: Plan) -> None:
        text = template(plan)
        assert text.startswith("\ufeff任务序号,时间节点,目标,")
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        # 121 milestones, 87 tasks without one, 64 task targets (tests/data/expected_targets.csv):
        # the facts of the plan; and a row per obligation of the safeguards (S1.1..S3.4, the 13
        # sentences of 保障措施 that lay a duty), dated where the sentence has a deadline: S1.6
        # 各县区、市直领域牵头部门要在本行动计划印发1个月内制定具体落实方案 (印发 2023-07-29: 2023-08-29),
        # and （二）'s 市直各领域年内形成的… and what follows it (年内: 2023-12-31).
        assert sum(1 for r in rows if r["时间节点"] and not r["保障措施"]) == 121
        duties = [(r["保障措施"], r["截止日期"]) for r in rows if r["保障措施"] and not r["目标"]]
        assert [key for key, _ in duties] == [f"S1.{n}" for n in range(1, 7)] + [
            "S2.1", "S2.2", "S2.3", "S3.1", "S3.2", "S3.3", "S3.4"
        ]  # fmt: skip
        assert {key: due for key, due in duties if due} == {
            "S1.6": "2023-08-29", "S2.1": "2023-12-31", "S2.2": "2023-12-31", "S2.3": "2023-12-31"
        }  # fmt: skip
        # （二）'s targets: 不少于7项 (national) and 不少于10项 (provincial) for the municipal areas, and
        # 各县区…案例数量参照市直部门执行, the same two figures for each of the 11 county-level divisions.
        figures = [(r["保障措施"], r["目标"], r["填报单位"]) for r in rows if r["保障措施"] and r["目标"]]
        assert figures[:2] == [("S2.1", "1", ""), ("S2.2", "1", "")]
        assert len(figures) == 2 + 2 * 11
        assert ("S2.3", "2", "曹县") in figures
        assert sum(1 for r in rows if not r["时间节点"] and not r["目标"] and not r["保障措施"]) == 87
        assert sum(1 for r in rows if r["目标"] and not r["保障措施"]) == 64
        assert parse_ledger(text.lstrip("\ufeff"), plan) == (Ledger(), [])

    def test_for_one_unit(self, plan: Plan) -> None:
        rows = list(
            csv.DictReader(io.StringIO(template(plan, unit="市科技局", chinese=False).lstrip("\ufeff")))
        )
        # 市科技局 leads tasks 161–165 (领域（十八）), 161 with one milestone and 3 targets.
        assert sorted({int(r["task"]) for r in rows if r["task"]}) == [161, 162, 163, 164, 165]
        assert all(r["unit"] == "市科技局" for r in rows)
        # and the obligations that fall on it as a lead unit of an area and a responsible unit:
        # S1.2 (市直各领域牵头单位要切实发挥牵头作用), S1.3 (各领域责任单位要…配合牵头单位), S1.6
        # (市直领域牵头部门要在本行动计划印发1个月内制定具体落实方案), S2.1 and S2.2 (市直各领域年内形成的…)
        assert [r["safeguard"] for r in rows if r["safeguard"] and not r["target"]] == [
            "S1.2", "S1.3", "S1.6", "S2.1", "S2.2"
        ]  # fmt: skip

    def test_json_reads_back_as_empty(self, plan: Plan) -> None:
        text = template(plan, json_format=True)
        data = json.loads(text)
        # 64 task targets and the safeguards' 2 + 2 × 11 (（二）'s figures, then per county).
        assert (len(data["milestones"]), len(data["targets"])) == (121 + 87, 64 + 24)
        assert len(data["safeguards"]) == 13  # S1.1..S3.4
        assert parse_ledger(text, plan, json_format=True) == (Ledger(), [])

    def test_filled_template_reads(self, plan: Plan) -> None:
        text = template(plan, unit="市科技局").lstrip("\ufeff")
        lines = text.splitlines()
        filled = lines[1].split(",")
        filled[8] = "推进中"  # the 状态 column
        ledger, problems = parse_ledger("\n".join([lines[0], ",".join(filled), *lines[2:]]), plan)
        assert problems == []
        assert [e.key for e in ledger.entries] == [(161, 1)]


def _csv(entries: list[MilestoneEntry], actuals: list[TargetActual]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER.strip().split(","))
    for e in entries:
        writer.writerow(
            [
                e.task,
                e.milestone or "",
                "",
                e.status.value,
                e.completed or "",
                "",
                "",
                e.unit or "",
                e.note,
                "",
            ]
        )
    for a in actuals:
        writer.writerow([a.task, "", a.target, "", "", repr(a.value), a.as_of, "", a.note, ""])
    return out.getvalue()


class TestRoundTrip:
    """Any valid rows written as CSV read back unchanged."""

    @given(
        st.lists(milestone_entries(), max_size=8, unique_by=lambda e: e.key),
        st.lists(target_actuals(), max_size=8, unique_by=lambda a: a.key),
    )
    def test_csv(self, entries: list[MilestoneEntry], actuals: list[TargetActual]) -> None:
        ledger, problems = parse_ledger(_csv(entries, actuals), PLAN)
        assert problems == []
        assert [attrs_dict(e) for e in ledger.entries] == [attrs_dict(e) for e in entries]
        assert [attrs_dict(a) for a in ledger.actuals] == [attrs_dict(a) for a in actuals]


def attrs_dict(row: object) -> dict[str, object]:
    """A row's fields without ``source``, which says where a read row came from."""
    data = attrs.asdict(row)  # type: ignore[arg-type]
    data.pop("source")
    return data
