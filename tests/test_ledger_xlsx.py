"""Tests of the ledger as a workbook and as the spreadsheets units send back.

The workbook is opened with openpyxl in full (not read-only) mode, as a
reader independent of the writer's choices, and checked against the facts of
the plan: 121 milestones, 87 tasks without one, 64 task targets
(tests/data/expected_targets.csv), 2 safeguard deadlines (印发1个月内 → 2023-08-29 and 年内 → 2023-12-31).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from heze_plan.cli import main
from heze_plan.errors import LedgerError
from heze_plan.model.plan import Plan
from heze_plan.progress.ledger import Progress
from heze_plan.progress.ledger_files import ledger_date, load_ledger, read_ledger

openpyxl = pytest.importorskip("openpyxl")

#: The header row of the 台账 sheet, as a unit sees it.
HEADER = [
    "任务序号",
    "时间节点",
    "目标",
    "保障措施",
    "任务名称",
    "截止日期",
    "节点或目标内容",
    "牵头单位",
    "状态",
    "完成日期",
    "实际值",
    "数据截至",
    "填报单位",
    "备注",
    "佐证材料",
]
PLAN_LETTERS = "ABCDEFGH"
FILL_LETTERS = "IJKLMNO"


def init(tmp_path: Path, *options: str, name: str = "台账.xlsx") -> Path:
    path = tmp_path / name
    assert main(["ledger", "init", str(path), *options]) == 0
    return path


def rows_of(path: Path) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(path)["台账"]
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(HEADER, row, strict=True)) for row in values[1:]]


class TestWorkbookOut:
    """``ledger init FILE.xlsx`` writes a real workbook a unit can fill in and nothing else."""

    def test_sheets_and_instructions(self, tmp_path: Path) -> None:
        book = openpyxl.load_workbook(init(tmp_path))
        assert book.sheetnames == ["填报说明", "台账"]
        assert book.active.title == "台账"
        notes = "\n".join(str(c.value) for c in book["填报说明"]["A"] if c.value)
        assert "落实情况台账" in notes
        assert "状态：从下拉列表选择 未启动、推进中、已完成、已取消" in notes
        assert "灰色列" in notes
        assert "2023年9月30日" in notes

    def test_one_row_per_milestone_task_target_and_safeguard_deadline(self, tmp_path: Path) -> None:
        rows = rows_of(init(tmp_path))
        task_rows = [r for r in rows if r["任务序号"] is not None]
        assert sum(1 for r in task_rows if r["时间节点"] is not None) == 121
        assert sum(1 for r in task_rows if r["时间节点"] is None and r["目标"] is None) == 87
        assert sum(1 for r in task_rows if r["目标"] is not None) == 64
        # One row per obligation of the safeguards (S1.1..S3.4: 13 sentences that lay a duty), the
        # dated ones with their date as a date cell: S1.6 印发1个月内 → 2023-08-29,
        # （二）'s 年内 → 2023-12-31.
        duties = [(r["保障措施"], r["截止日期"]) for r in rows if r["保障措施"] and r["目标"] is None]
        assert len(duties) == 13
        assert [d for d in duties if d[1]] == [
            ("S1.6", dt.datetime(2023, 8, 29)),
            ("S2.1", dt.datetime(2023, 12, 31)),
            ("S2.2", dt.datetime(2023, 12, 31)),
            ("S2.3", dt.datetime(2023, 12, 31)),
        ]
        # （二）'s 不少于7项 and 不少于10项, and the same two per county (11 county-level divisions).
        assert sum(1 for r in rows if r["保障措施"] and r["目标"] is not None) == 2 + 2 * 11
        assert len(rows) == 121 + 87 + 64 + 13 + 24

    def test_header_and_layout(self, tmp_path: Path) -> None:
        sheet = openpyxl.load_workbook(init(tmp_path))["台账"]
        assert [c.value for c in sheet[1]] == HEADER
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["G"].width >= 40  # the milestone's text is long
        assert sheet["G4"].alignment.wrap_text
        # Task 2's milestone (row 4, after task 1's two rows): 9月底前 → 2023-09-30, a real date
        # cell shown as a date.
        assert sheet["A4"].value == 2
        assert sheet["F4"].value == dt.datetime(2023, 9, 30)
        assert sheet["F4"].number_format == "yyyy-mm-dd"
        assert sheet["J4"].number_format == "yyyy-mm-dd"

    def test_plan_columns_locked_and_grey_fill_columns_open(self, tmp_path: Path) -> None:
        sheet = openpyxl.load_workbook(init(tmp_path))["台账"]
        assert sheet.protection.sheet
        assert not sheet.protection.password  # a guard against slips, not a lock
        for letter in PLAN_LETTERS:
            assert sheet[f"{letter}5"].protection.locked, letter
            assert sheet[f"{letter}5"].fill.fgColor.rgb.endswith("D9D9D9"), letter
        for letter in FILL_LETTERS:
            assert not sheet[f"{letter}5"].protection.locked, letter

    def test_status_drop_down(self, tmp_path: Path) -> None:
        sheet = openpyxl.load_workbook(init(tmp_path))["台账"]
        lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
        assert len(lists) == 1
        assert lists[0].formula1 == '"未启动,推进中,已完成,已取消"'
        assert str(lists[0].sqref) == f"I2:I{sheet.max_row}"

    def test_selection_and_unit(self, tmp_path: Path) -> None:
        rows = rows_of(init(tmp_path, "--lead", "科技局"))
        # 市科技局 leads tasks 161–165 (领域（十八）); of the obligations, those that fall on it as an
        # area's lead unit and a responsible unit (S1.2, S1.3, S1.6, S2.1, S2.2), in its name.
        assert sorted({r["任务序号"] for r in rows if r["任务序号"]}) == [161, 162, 163, 164, 165]
        assert [r["保障措施"] for r in rows if r["保障措施"] and r["目标"] is None] == [
            "S1.2", "S1.3", "S1.6", "S2.1", "S2.2"
        ]  # fmt: skip
        assert {r["填报单位"] for r in rows} == {"市科技局"}
        rows = rows_of(init(tmp_path, "--area", "7", "--month", "10", name="b.xlsx"))
        assert rows
        assert all(r["截止日期"] and r["截止日期"].month == 10 for r in rows)  # type: ignore[union-attr]

    def test_a_county_gets_the_tasks_of_its_collective(self, tmp_path: Path) -> None:
        rows = rows_of(init(tmp_path, "--unit", "曹县"))
        assert len({r["任务序号"] for r in rows if r["任务序号"]}) == 171  # as `tasks --unit 曹县人民政府`
        # The obligations that fall on the counties (各县区…), each in the county's own name: S1.3
        # (各领域责任单位, the collective among them), S1.4 (各县区要参照市级模式建立健全工作机制), S1.6
        # (各县区、市直领域牵头部门要在本行动计划印发1个月内…), S2.3 (各县区…案例数量参照市直部门执行)
        # and its two figures.
        duties = [(r["保障措施"], r["目标"], r["填报单位"]) for r in rows if r["保障措施"]]
        assert duties == [
            ("S1.3", None, "曹县"), ("S1.4", None, "曹县"), ("S1.6", None, "曹县"),
            ("S2.3", None, "曹县"), ("S2.3", 1, "曹县"), ("S2.3", 2, "曹县"),
        ]  # fmt: skip

    def test_split_by_unit(self, tmp_path: Path, plan: Plan) -> None:
        out = tmp_path / "out"
        assert main(["ledger", "init", "--split-by-unit", str(out)]) == 0
        leads = {u for t in plan.tasks for u in t.lead_units}
        counties = {"牡丹区", "定陶区", "曹县", "单县", "成武县", "巨野县", "郓城县", "鄄城县", "东明县",
                    "菏泽经济技术开发区", "菏泽高新技术产业开发区"}  # fmt: skip
        # one per lead unit, and one per county-level division for the obligations on 各县区
        assert {p.stem for p in out.iterdir()} == leads | counties
        rows = rows_of(out / "市科技局.xlsx")
        assert sorted({r["任务序号"] for r in rows if r["任务序号"]}) == [161, 162, 163, 164, 165]
        # Every task's rows go to each of its lead units: nothing is sent to nobody.
        every = {p.stem: rows_of(p) for p in out.iterdir()}
        sent = {(stem, r["任务序号"]) for stem, rows in every.items() for r in rows if r["任务序号"]}
        assert sent == {(u, t.number) for t in plan.tasks for u in t.lead_units}
        # S1.6 各县区、市直领域牵头部门要在本行动计划印发1个月内制定具体落实方案: every area's lead
        # unit (the areas' headings) gets its row in its own workbook, and each county its own.
        s16 = {(stem, r["填报单位"]) for stem, rows in every.items() for r in rows if r["保障措施"] == "S1.6"}
        area_leads = {u for a in plan.areas for u in a.lead_units}
        assert s16 == {(u, u) for u in area_leads | counties}
        assert [(r["保障措施"], r["目标"]) for r in every["曹县"]] == [
            ("S1.3", None), ("S1.4", None), ("S1.6", None), ("S2.3", None), ("S2.3", 1), ("S2.3", 2)
        ]  # fmt: skip

    def test_split_refuses_to_overwrite(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out = tmp_path / "out"
        out.mkdir()
        (out / "市科技局.xlsx").write_text("mine")
        assert main(["ledger", "init", "--split-by-unit", str(out)]) == 2
        assert "exists; nothing is overwritten" in capsys.readouterr().err
        assert (out / "市科技局.xlsx").read_text() == "mine"
        assert [p.name for p in out.iterdir()] == ["市科技局.xlsx"]


def fill(path: Path, cells: dict[str, object]) -> None:
    """Fill cells of the 台账 sheet as a unit would, and save."""
    book = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        book["台账"][ref] = value
    book.save(path)


class TestWorkbookBack:
    """A filled workbook reads back; each problem names the cell, as the unit sees it."""

    def test_filled_cells_read(self, tmp_path: Path, plan: Plan) -> None:
        path = init(tmp_path)
        # Row 4: task 2 milestone 1; row 2: task 1 (no milestone); row 3: task 1's target
        # (全部实现网上办理).
        fill(path, {"I4": "已办结", "J4": dt.datetime(2023, 9, 28), "M4": "审批局", "I2": "进行中"})
        ledger, problems = read_ledger(path, plan, as_of=dt.date(2023, 10, 15))
        assert problems == []
        entry = ledger.entry(2, 1)
        assert entry is not None
        assert (entry.status, entry.completed, entry.unit) == (
            Progress.DONE,
            dt.date(2023, 9, 28),
            "市行政审批服务局",
        )
        assert entry.source == f"{path}:台账!4"
        assert ledger.entry(1, None).status is Progress.IN_PROGRESS  # type: ignore[union-attr]

    def test_safeguard_deadline_reported(self, tmp_path: Path, plan: Plan) -> None:
        path = init(tmp_path)
        row = 2 + 121 + 87 + 64 + 5  # S1.6, the sixth obligation row, after every task row
        fill(path, {f"I{row}": "完成", f"J{row}": "2023年8月25日"})
        ledger, problems = read_ledger(path, plan)
        assert problems == []
        assert [(e.obligation, e.unit, e.completed) for e in ledger.obligations] == [
            ("S1.6", None, dt.date(2023, 8, 25))
        ]

    def test_problems_name_the_cell(
        self, tmp_path: Path, plan: Plan, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = init(tmp_path)
        fill(path, {"I4": "完成了", "I5": "已完成", "J6": "30/9/2023", "I6": "已完成"})
        assert main(["ledger", "check", str(path), "--as-of", "2023-10-15"]) == 1
        out = capsys.readouterr().out
        assert f"{path}:台账!I4: unknown status '完成了'" in out
        assert f"{path}:台账!J5: status done needs a completion date" in out
        assert f"{path}:台账!J6: completion date: '30/9/2023' is not a date: write a date cell" in out

    def test_edited_header_and_extra_column(
        self, tmp_path: Path, plan: Plan, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = init(tmp_path)
        fill(path, {"P1": "负责人", "P4": "张三", "I4": "推进中"})
        assert main(["ledger", "check", str(path), "--as-of", "2023-10-15"]) == 0
        captured = capsys.readouterr()
        assert f"{path}:台账!1: warning: unknown column '负责人' is ignored" in captured.out
        assert "1 milestone row(s)" in captured.out
        assert "1 warning(s)" in captured.out

    def test_not_a_workbook(self, tmp_path: Path, plan: Plan, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "x.xlsx"
        path.write_text("任务序号,状态\n", encoding="utf-8")
        assert main(["ledger", "check", str(path)]) == 2
        assert "is not a readable .xlsx workbook" in capsys.readouterr().err

    def test_no_task_column(self, tmp_path: Path, plan: Plan) -> None:
        book = openpyxl.Workbook()
        book.active.append(["名称", "状态"])
        path = tmp_path / "x.xlsx"
        book.save(path)
        with pytest.raises(Exception, match="no sheet has a 任务序号"):
            read_ledger(path, plan)


class TestSpreadsheetsBack:
    """CSV in the encodings Excel and WPS save, said in the output; JSON as before."""

    TEXT = "任务序号,时间节点,状态,完成日期,负责人\n2,1,已完成,2023/9/28,张三\n8,1,正在推进,,李四\n"

    @pytest.mark.parametrize(
        ("encoding", "said"),
        [
            ("utf-8", "UTF-8 CSV"),
            ("utf-8-sig", "UTF-8 (with BOM) CSV"),
            ("gbk", "GB18030/GBK CSV"),
            ("gb18030", "GB18030/GBK CSV"),
            ("utf-16", "UTF-16 CSV"),
            # Without the byte-order mark (some exports of WPS and of scripts write none): the
            # commas and digits are ASCII, so every other byte is 0, at odd offsets in LE.
            ("utf-16-le", "UTF-16 LE (no BOM) CSV"),
            ("utf-16-be", "UTF-16 BE (no BOM) CSV"),
        ],
    )
    def test_encodings(self, tmp_path: Path, plan: Plan, encoding: str, said: str) -> None:
        path = tmp_path / "l.csv"
        path.write_bytes(self.TEXT.encode(encoding))
        read = load_ledger(path, plan)
        assert read.encoding == said
        assert [(e.key, e.status) for e in read.ledger.entries] == [
            ((2, 1), Progress.DONE),
            ((8, 1), Progress.IN_PROGRESS),
        ]
        assert [p.warning for p in read.problems] == [True]  # the 负责人 column

    def test_check_says_the_encoding(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "l.csv"
        path.write_bytes(self.TEXT.encode("gbk"))
        assert main(["ledger", "check", str(path), "--as-of", "2023-10-15"]) == 0
        assert f"read {path} as GB18030/GBK CSV" in capsys.readouterr().out

    def test_check_says_utf16_without_bom(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "l.csv"
        path.write_bytes(self.TEXT.encode("utf-16-le"))
        assert not path.read_bytes().startswith((b"\xff\xfe", b"\xfe\xff"))
        assert main(["ledger", "check", str(path), "--as-of", "2023-10-15"]) == 0
        assert f"read {path} as UTF-16 LE (no BOM) CSV" in capsys.readouterr().out

    def test_nul_bytes_that_are_not_utf16(self, tmp_path: Path, plan: Plan) -> None:
        """An odd number of bytes with NULs is no UTF-16 text: a clear error, not a garbled read."""
        path = tmp_path / "l.csv"
        path.write_bytes(self.TEXT.encode("utf-16-le") + b"\x00")
        with pytest.raises(LedgerError, match=r"has NUL bytes, as UTF-16 text without a byte-order mark"):
            load_ledger(path, plan)

    def test_many_problems_summarised(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "l.csv"
        rows = "".join(f"8,1,推进中,\n{900 + i % 50},1,推进中,\n" for i in range(100))
        path.write_text("任务序号,时间节点,状态,完成日期\n" + rows, encoding="utf-8")
        assert main(["ledger", "check", str(path), "--as-of", "2023-10-15"]) == 1
        out = capsys.readouterr().out.splitlines()
        # 99 duplicates and 100 unknown tasks: 20 in full, then one line per kind.
        assert len(out) == 1 + 20 + 2
        assert out[-2].startswith("… and 90 more like ")
        assert out[-2].endswith("unknown task … the plan numbers its tasks …")
        assert out[-1].startswith("… and 89 more like ")
        assert "duplicate row" in out[-1]


class TestWords:
    """The words and dates people write are understood; the others are named with what to write."""

    @pytest.mark.parametrize(
        ("word", "status"),
        [
            *((w, Progress.DONE) for w in ("完成", "已完成", "已办结", "办结", "done", "Completed")),
            *((w, Progress.IN_PROGRESS) for w in ("推进中", "进行中", "正在推进", "In progress")),
            *((w, Progress.NOT_STARTED) for w in ("未启动", "未开始", "not_started")),
            *((w, Progress.DROPPED) for w in ("已取消", "取消", "不再实施", "dropped")),
        ],
    )
    def test_status_words(self, word: str, status: Progress) -> None:
        assert Progress.parse(word) is status

    @pytest.mark.parametrize("word", ["未完成", "是", "✓"])
    def test_words_that_do_not_say_which(self, word: str) -> None:
        with pytest.raises(ValueError, match=f"unknown status '{word}' \\(.*write"):
            Progress.parse(word)

    @pytest.mark.parametrize(
        "value",
        [
            dt.date(2023, 9, 30),
            dt.datetime(2023, 9, 30),
            "2023-09-30",
            "2023/9/30",
            "2023.9.30",
            "2023年9月30日",
            "2023 年 9 月 30 日",
            "2023-09-30 00:00:00",
            "2023/9/30 0:00",
        ],
    )
    def test_dates(self, value: object) -> None:
        assert ledger_date(value) == dt.date(2023, 9, 30)

    @pytest.mark.parametrize("value", ["9月30日", "30.9.2023", "2023-09-30 14:00", "明天"])
    def test_bad_dates(self, value: object) -> None:
        with pytest.raises(ValueError, match="is not a date: write a date cell, 2023-09-30"):
            ledger_date(value)

    def test_a_december_milestone_done_in_january(self, tmp_path: Path, plan: Plan) -> None:
        path = tmp_path / "l.csv"
        # Task 136's first milestone is due 2023-12-31 (年底前).
        path.write_text("任务序号,时间节点,状态,完成日期\n136,1,已完成,2024-01-12\n", encoding="utf-8")
        ledger, problems = read_ledger(path, plan)
        assert problems == []
        assert ledger.entry(136, 1).completed == dt.date(2024, 1, 12)  # type: ignore[union-attr]
