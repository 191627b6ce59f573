"""``heze-plan inspect FILE``: what the parser understood, for people and (``--format json``) scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from heze_plan.cli import main

REAL = Path(__file__).parent / "data" / "family" / "real"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestInspect:
    """The conventions, tasks per area, tasks without owners, undated time words and findings."""

    def test_a_plan_with_responsible_units_only(self, capsys: pytest.CaptureFixture[str]) -> None:
        # 运城: one owner line (责任单位：…) for the sub-items of item 1; no lead unit anywhere
        code, out, err = _run(capsys, "inspect", "--format", "json", str(REAL / "yuncheng-city-2017.txt"))
        assert (code, err) == (0, "")
        data = json.loads(out)
        assert data["document"]["year"] == 2017
        assert data["areas"] == [{"number": 1, "name": "“一案三制”建设", "tasks": 1}]
        assert data["without_lead"] == [1]
        assert data["without_owner"] == []
        assert "tasks with responsible units only (no lead unit)" in data["conventions"]
        assert [f["message"] for f in data["findings"]] == ["no document number", "task 1 names no lead unit"]

    def test_text_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "inspect", str(REAL / "xiamen-city-2019.txt"))
        assert code == 0
        assert out.splitlines()[0] == (
            "厦门市人民政府办公厅关于印发聚焦企业关切进一步落实优化营商环境政策若干措施的通知 "
            "(厦府办〔2019〕10号, plan year 2019): 2 tasks"
        )
        assert "  the first responsible unit leads (第一责任单位为牵头单位，下同)" in out.splitlines()
        assert "  1 坚决破除各种不合理门槛和限制，营造公平竞争市场环境: 2" in out
        assert "tasks without any owner: none" in out
        assert out.rstrip().endswith("findings: 0")

    def test_says_how_the_file_was_read(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The line after the title says which way the file was read (``reading`` in ``--format json``)."""
        _, out, _ = _run(capsys, "inspect", str(REAL / "xiamen-city-2019.txt"))
        assert out.splitlines()[1] == "read as a text file, read as it is"
        _, out, _ = _run(capsys, "inspect", "--format", "json", str(REAL / "xiamen-city-2019.txt"))
        assert json.loads(out)["reading"] == "a text file, read as it is"

    def test_time_words_no_deadline_dates(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "plan.txt"
        path.write_text("某市2023年要点\n1.第三季度启动试点，5年内建成。（市商务局牵头）\n", encoding="utf-8")
        data = json.loads(_run(capsys, "inspect", "--format", "json", str(path))[1])
        assert data["undated"] == [{"task": 1, "words": ["第三季度", "5年内"]}]

    def test_names_that_may_be_no_units(self, capsys: pytest.CaptureFixture[str]) -> None:
        # 宁波 2014 (corpus, its third task known misread): a one-line newspaper copy runs a table of
        # districts and figures into the last unit's name; inspect points at it
        data = json.loads(
            _run(capsys, "inspect", "--format", "json", str(REAL / "ningbo-city-2014-oneline.txt"))[1]
        )
        (item,) = data["doubtful_units"]
        assert item["unit"].startswith("各区政府鄞州海曙、江东、江北镇海北仑合计新辟线路年度目标2 5 1 2 10")
        assert (item["why"], item["tasks"]) == ("holds figures", [3])
        out = _run(capsys, "inspect", str(REAL / "ningbo-city-2014-oneline.txt"))[1]
        assert "names that may be no unit's (text run into an owner clause?):" in out
        assert ": holds figures; task 3" in out
        out = _run(capsys, "inspect", str(REAL / "xiamen-city-2019.txt"))[1]
        assert "names that may be no unit's (text run into an owner clause?): none" in out

    def test_needs_a_year(self, capsys: pytest.CaptureFixture[str]) -> None:
        path = REAL / "chizhou-xfj-table.txt"
        code, out, err = _run(capsys, "inspect", str(path))
        assert (code, out) == (2, "")
        assert "pass year=" in err
        code, out, _ = _run(capsys, "inspect", "--year", "2022", "--format", "json", str(path))
        data = json.loads(out)
        assert (code, data["tasks"], data["document"]["year"]) == (0, 8, 2022)
        assert "a task table flattened to text" in data["conventions"]

    def test_unreadable_file_is_one_line(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        code, out, err = _run(capsys, "inspect", str(tmp_path / "missing.txt"))
        assert (code, out) == (2, "")
        assert err.startswith("heze-plan: error: ")
        assert "missing.txt: cannot read the file" in err
        assert len(err.splitlines()) == 1
