"""Each task keeps its label as the source prints it (``Task.label``), read against the real texts.

The labels asserted here were read in the texts of ``tests/data/family/real/`` (SOURCES.md), never
taken from the parser. The one invented text, whose （一） come back in each chapter, is marked so.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import attrs
import pytest

import heze_plan
from heze_plan.calendar.entries import entries
from heze_plan.calendar.event_text import description_text
from heze_plan.cli import main
from heze_plan.model.serialize import from_json, to_json
from heze_plan.progress.ledger_files import load_ledger

REAL = Path(__file__).parent / "data" / "family" / "real"
SCORER = Path(__file__).resolve().parent.parent / "benchmarks" / "family_score.py"


def _corpus_slugs() -> list[str]:
    return sorted(path.name.removesuffix(".expected.csv") for path in REAL.glob("*.expected.csv"))


#: Invented: two chapters whose （一）（二） start again, as many plans of the family print them.
RESTARTING = """某县2023年优化营商环境重点任务分工方案
一、提升政务服务
（一）推进一网通办。年底前实现高频事项全程网办。（牵头单位：县行政审批局；责任单位：县大数据中心）
（二）压减办理时限。6月底前压减一半。（牵头单位：县行政审批局）
二、优化要素保障
（一）保障用地需求。（牵头单位：县自然资源局）
（二）降低用能成本。9月底前完成。（牵头单位：县发展改革局；责任单位：县供电公司）
（三）强化融资服务。（牵头单位：县金融服务中心）
"""


def _real(slug: str) -> heze_plan.Plan:
    return heze_plan.parse((REAL / f"{slug}.txt").read_text(encoding="utf-8"))


class TestRealLabels:
    """The label of each task is the one its document prints, whatever level carries the tasks."""

    def test_bracketed_items_that_are_the_tasks(self) -> None:
        """嘉鱼县 2021 prints its targets as (一)…(五) under 一、: (三) is 规模以上工业增加值增长11.5%."""
        plan = _real("jiayu-county-2021")
        assert [t.label for t in plan.tasks] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
        assert plan.task("(三)").text.startswith("规模以上工业增加值增长11.5%")
        assert plan.task("（三）") is plan.task(3)

    def test_sub_tasks_inline_under_a_numbered_heading(self) -> None:
        """池州 2017 prints (1) and (2) inline after 1.深化商事制度改革: (2) is 完善企业登记全程电子化."""
        plan = _real("chizhou-city-2017")
        assert [t.label for t in plan.tasks] == ["（1）", "（2）"]
        assert plan.task("(2)").text.startswith("完善企业登记全程电子化")

    def test_chapter_level_tasks(self) -> None:
        """长清区 2014 (one line) numbers its tasks 一、二、三、: 三 is 完善城市公共服务基础设施."""
        plan = _real("changqing-district-2014-oneline")
        assert [t.label for t in plan.tasks[:3]] == ["一", "二", "三"]
        assert plan.task("三、").text.startswith("完善城市公共服务基础设施")

    def test_numbering_continuous_through_the_chapters(self) -> None:
        """官渡区 2016 runs 1–3 under 一、 and 4 under 二、: the number is the label, none is kept."""
        plan = _real("kunming-guandu-2016")
        assert [(t.number, t.label, t.printed_label) for t in plan.tasks] == [
            (1, "", "1"),
            (2, "", "2"),
            (3, "", "3"),
            (4, "", "4"),
        ]
        assert plan.task(4).text.startswith("加强项目谋划储备")

    def test_numbering_continuous_through_areas(self) -> None:
        """咸安区 2023 goes on to 12. under 二、(一): task 12 is 12, not 二（一）1."""
        plan = _real("xianan-district-2023")
        assert plan.task(12).label == ""
        assert plan.task(12).text.startswith("启动南外环高速公路")

    def test_an_excerpt_that_starts_mid_list(self) -> None:
        """Lines 45–48 of 广州 2012 alone, as a user pastes them: tasks 33, 34, 35 keep their numbers."""
        lines = (REAL / "guangzhou-talent-2012.txt").read_text(encoding="utf-8").split("\n")
        plan = heze_plan.parse("\n".join(lines[44:48]), year=2012)
        assert [(t.number, t.printed_label) for t in plan.tasks] == [(33, "33"), (34, "34"), (35, "35")]
        assert plan.task("35").text.startswith("“千人计划”南方创业服务中心")

    def test_a_table_with_a_numbers_column(self) -> None:
        """霍山 2025's table numbers its rows 1, 2, 3 in its 序号 column: the numbers are the labels."""
        plan = _real("huoshan-kfq-2025-table")
        assert [t.printed_label for t in plan.tasks] == ["1", "2", "3"]
        assert plan.task(2).text.startswith("全力推进开发区“空间再造”")


class TestCorpusLabels:
    """Every task found in the corpus has the label of the hand-written table's number column."""

    @pytest.mark.parametrize("slug", _corpus_slugs())
    def test_labels_as_read_by_hand(self, slug: str) -> None:
        """The ``number`` column ((一), (1), 一, 33) was written by reading the text, not the parser."""
        spec = importlib.util.spec_from_file_location("family_score_labels", SCORER)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert module.score_document(slug, REAL).labels == ()


class TestRestartingLabels:
    """Where the same label comes back in several chapters, the chapter's label goes before it."""

    plan = heze_plan.parse(RESTARTING)

    def test_labels_with_their_chapter(self) -> None:
        """二（三） is the third item of chapter 二, task 5 of the plan."""
        assert [t.label for t in self.plan.tasks] == [
            "一（一）",
            "一（二）",
            "二（一）",
            "二（二）",
            "二（三）",
        ]

    @pytest.mark.parametrize("typed", ["二（三）", "二(三)", "二、（三）", " 二 (三) ", "（三）", "(三)"])
    def test_typed_as_printed(self, typed: str) -> None:
        """Bracket widths, spaces and 、 aside, and a short label that only one task ends with."""
        assert self.plan.task(typed).number == 5

    def test_several_matches_are_listed(self) -> None:
        """（一） is in both chapters: the error names both, with their numbers."""
        with pytest.raises(
            KeyError, match=r"2 tasks are labelled '（一）': 一（一） \(task 1\), 二（一） \(task 3\)"
        ):
            self.plan.task("（一）")

    @pytest.mark.parametrize("typed", ["（九）", "三（一）", "一.1"])
    def test_no_match(self, typed: str) -> None:
        """A label that no task has is a KeyError saying so."""
        with pytest.raises(KeyError, match="no task labelled"):
            self.plan.task(typed)

    def test_not_a_label(self) -> None:
        """Text that is no label at all is a TypeError that says what a label looks like."""
        with pytest.raises(TypeError, match="nor is it a label such as （三）"):
            self.plan.task("开办企业")

    def test_digits_are_the_number(self) -> None:
        """``"2"`` is task 2, whatever the labels."""
        assert self.plan.task("2").label == "一（二）"

    def test_json_keeps_the_labels(self) -> None:
        """The export writes the labels and reads them back."""
        assert from_json(to_json(self.plan)) == self.plan

    def test_table_numbered_per_group(self) -> None:
        """Invented: a table whose 序号 start again under each group row (一、…) labels 二.1."""
        table = (
            "某县2023年重点工作责任清单\n序号 | 重点工作 | 牵头单位 | 完成时限\n一、政务服务 |\n"
            "1 | 推进一网通办。 | 县行政审批局 | 6月底前\n2 | 压减办理时限。 | 县行政审批局 | 9月底前\n"
            "二、要素保障 |\n1 | 保障用地需求。 | 县自然资源局 | 12月底前\n"
        )
        plan = heze_plan.parse(table)
        assert [t.label for t in plan.tasks] == ["一.1", "一.2", "二.1"]
        assert plan.task("二、1").text.startswith("保障用地需求")

    def test_embedded_plan_has_no_label(self) -> None:
        """Heze numbers its tasks 1–195 as printed: no label, and no ``label`` key in the export."""
        plan = heze_plan.load()
        assert not any(t.label for t in plan.tasks)
        assert '"label"' not in to_json(plan)

    def test_label_on_one_line(self) -> None:
        """A label with a line break or spaces at its ends is refused, naming the field."""
        task = heze_plan.load().task(1)
        with pytest.raises(ValueError, match=r"Task\.label must be a label on one line"):
            attrs.evolve(task, label=" （一）")


class TestCommands:
    """``tasks``, ``show`` and ``inspect`` show the labels, and ``show`` finds a task by one."""

    plan_parsed = heze_plan.parse(RESTARTING)

    @pytest.fixture
    def plan_file(self, tmp_path: Path) -> Path:
        path = tmp_path / "restarting.txt"
        path.write_text(RESTARTING, encoding="utf-8")
        return path

    def test_tasks_has_a_label_column(self, plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The CSV list carries the label after the number."""
        assert main(["tasks", "--plan", str(plan_file), "--format", "csv"]) == 0
        lines = capsys.readouterr().out.lstrip("\ufeff").splitlines()
        assert lines[0] == "number,label,area,title,lead,responsible,due"
        assert lines[5].startswith("5,二（三）,2,强化融资服务,")

    def test_show_by_label(self, plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``show 二（三）`` is task 5, printed as 二（三）."""
        assert main(["show", "二（三）", "--plan", str(plan_file)]) == 0
        out = capsys.readouterr().out
        assert out.startswith("5. 强化融资服务\nprinted as:   二（三）\n")

    def test_show_no_label(self, plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``show x`` in a plan with labels says that a label is allowed too."""
        assert main(["show", "x", "--plan", str(plan_file)]) == 2
        assert (
            "whole number, a task's label as printed (such as 二（三）) or a safeguard"
            in capsys.readouterr().err
        )

    def test_calendar_quotes_the_label(self) -> None:
        """The event description quotes the task by its label and says which number it is."""
        task = self.plan_parsed.task("二（二）")
        text = description_text(self.plan_parsed, next(iter(entries(self.plan_parsed, [task]))))
        assert "任务原文：二（二） 降低用能成本。" in text
        assert "第4项（原文编号二（二））" in text

    def test_show_ambiguous(self, plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``show （一）`` is refused with both matches named."""
        assert main(["show", "（一）", "--plan", str(plan_file)]) == 2
        assert "一（一） (task 1), 二（一） (task 3)" in capsys.readouterr().err

    def test_inspect_lists_labels(self, plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``inspect`` prints the labels by number."""
        assert main(["inspect", str(plan_file)]) == 0
        assert (
            "task labels as printed: 1 一（一）、2 一（二）、3 二（一）、4 二（二）、5 二（三）"
            in capsys.readouterr().out
        )

    def test_timeline_has_a_label_column(self, plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The milestones carry the label after the task's number, in the table and in CSV:
        二（二） is due 9月底前 (2023-09-30), 一（二） 6月底前, 一（一） 年底前."""
        assert main(["timeline", "--plan", str(plan_file), "--format", "csv"]) == 0
        lines = capsys.readouterr().out.lstrip("\ufeff").splitlines()
        assert lines[0].startswith("month,due,task,label,")
        assert [line.split(",")[1:4] for line in lines[1:]] == [
            ["2023-06-30", "2", "一（二）"],
            ["2023-09-30", "4", "二（二）"],
            ["2023-12-31", "1", "一（一）"],
        ]
        assert main(["timeline", "--plan", str(plan_file)]) == 0
        assert "二（二）" in capsys.readouterr().out

    def test_targets_have_a_label_column(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A target's row names its task by label too (invented text: 二（一） sets 新增用地500亩以上)."""
        path = tmp_path / "targets.txt"
        text = RESTARTING.replace("（一）保障用地需求。", "（一）保障用地需求，新增用地500亩以上。")
        path.write_text(text, encoding="utf-8")
        assert main(["targets", "--plan", str(path), "--format", "csv"]) == 0
        lines = capsys.readouterr().out.lstrip("\ufeff").splitlines()
        assert lines[0].startswith("task,label,")
        assert lines[1].startswith("3,二（一）,")

    def test_ledger_rows_show_the_label(self, plan_file: Path, tmp_path: Path) -> None:
        """A unit finds its task as its own document numbers it: 任务名称 is ``二（二） 降低用能成本``.
        Filled in and read back, the row is accepted; so is a row of an older template (the title alone)."""
        book = tmp_path / "ledger.csv"
        assert main(["ledger", "init", str(book), "--plan", str(plan_file)]) == 0
        text = book.read_text(encoding="utf-8-sig")
        assert ",二（二） 降低用能成本," in text
        rows = text.splitlines()
        header = rows[0].split(",")
        filled = []
        for row in rows[1:]:
            cells = row.split(",")
            if cells[header.index("任务名称")] == "二（二） 降低用能成本":
                cells[header.index("状态")] = "推进中"
                filled.append(",".join(cells))
                cells[header.index("任务名称")] = "降低用能成本"  # as an older template wrote it
                filled.append(",".join(cells))
        old_and_new = [",".join(header), filled[0]], [",".join(header), filled[1]]
        for lines in old_and_new:
            book.write_text("\n".join(lines) + "\n", encoding="utf-8")
            read = load_ledger(book, self.plan_parsed)
            assert read.problems == ()
            assert [(e.task, e.status.label) for e in read.ledger.entries] == [(4, "推进中")]

    def test_heze_tasks_unchanged(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Heze's list has no label column: its labels are its numbers."""
        assert main(["tasks", "--format", "csv", "--area", "1"]) == 0
        assert capsys.readouterr().out.lstrip("\ufeff").startswith("number,area,title,")
