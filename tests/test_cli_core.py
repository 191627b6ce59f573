"""The summary, check and export commands, on the embedded plan and on plan files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import heze_plan
from heze_plan.cli import main

BROKEN_PLAN = """菏泽市人民政府文件

菏政发〔2023〕11号

菏泽市人民政府

2023年7月8日

菏泽市2023年测试行动实施方案

一、重点任务

（一）开办企业。（领域牵头部门：市行政审批服务局）

1. 第一项任务。2024年1月底前，完成第一项。（牵头单位：市行政审批服务局）

3. 第三项任务。6月底前，完成第三项。（牵头单位：市商务局；责任单位：各县区政府、管委会）
"""


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestSummary:
    """The summary gives the document and its counts."""

    def test_embedded(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "summary")
        assert code == 0
        assert "菏政发〔2023〕11号" in out
        assert "21 areas, 195 tasks" in out
        assert "  2023-09   21" in out

    def test_plan_level_deadlines(self, capsys: pytest.CaptureFixture[str]) -> None:
        """保障措施（一） 印发1个月内 (2023-07-29 + 1 month) and （二） 年内 are deadlines of no task."""
        out = _run(capsys, "summary")[1]
        assert "121 milestones" in out
        assert "+2 plan-level deadlines (保障措施): 2023-08-29, 2023-12-31" in out.splitlines()
        # E1–E9 rewrite the text; E10–E12 (meaning) and E13–E16 (labels) are shown beside it
        assert "9 corrections to the source text, 7 more errata shown beside it (meaning, labels)" in out


class TestCheck:
    """check prints every finding and exits 1 when there is one."""

    def test_embedded_is_clean(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "check")
        assert code == 0
        assert out.startswith("no findings")

    def test_broken_plan_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "plan.txt"
        path.write_text(BROKEN_PLAN, encoding="utf-8")
        code, out, err = _run(capsys, "check", "--plan", str(path))
        assert code == 1
        assert out.splitlines() == [
            "[task-numbering] task 2 is missing: numbers run 1..3",
            "[deadline-year] task 1: 2024年1月底前 (2024-01-31) lies outside the plan year 2023",
            "[deadline-issued] task 3: 6月底前 (2023-06-30) falls before the plan was issued (2023-07-08)",
        ]
        assert "finding(s)" in err

    def test_unreadable_file_is_one_line(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        code, out, err = _run(capsys, "check", "--plan", str(tmp_path / "missing.txt"))
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1
        assert "missing.txt: cannot read the file" in err

    def test_not_a_plan_is_one_line(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "notes.txt"
        path.write_text("会议纪要\n\n今天讨论了三件事。\n", encoding="utf-8")
        code, _, err = _run(capsys, "check", "--plan", str(path))
        assert code == 2
        assert err.startswith("heze-plan: error: ")
        assert "no tasks: no numbered item" in err

    def test_binary_file_is_one_line(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "plan.pdf"
        path.write_bytes(b"%PDF-1.7\n\xff\xfe\x00\x01")
        code, _, err = _run(capsys, "check", "--plan", str(path))
        assert code == 2
        assert err.count("\n") == 1
        assert "plan.pdf: not a readable PDF" in err


class TestExport:
    """export writes the stable JSON to stdout or, atomically, to a file."""

    def test_stdout(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "export", "--format", "json")
        assert code == 0
        assert heze_plan.model.serialize.from_json(out) == heze_plan.load()

    def test_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        target = tmp_path / "out" / "plan.json"
        code, out, _ = _run(capsys, "export", "-o", str(target))
        assert (code, out) == (0, "")
        assert json.loads(target.read_text(encoding="utf-8"))["document"]["number"] == "菏政发〔2023〕11号"
        assert [p.name for p in target.parent.iterdir()] == ["plan.json"]

    def test_refuses_to_overwrite_the_plan_it_reads(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "plan.txt"
        path.write_text(BROKEN_PLAN, encoding="utf-8")
        code, out, err = _run(capsys, "export", "--plan", str(path), "-o", str(path))
        assert (code, out) == (2, "")
        assert "refusing to write" in err
        assert path.read_text(encoding="utf-8") == BROKEN_PLAN

    def test_unknown_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as exit_:
            main(["export", "--format", "xml"])
        assert exit_.value.code == 2
        assert "invalid choice: 'xml'" in capsys.readouterr().err
