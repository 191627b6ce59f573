"""Tests of the progress report in its four formats, the HTML one opened in a real headless Chromium."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from heze_plan.model.plan import Plan
from heze_plan.progress.assessment import State, Status, status
from heze_plan.progress.ledger import Ledger, MilestoneEntry, Problem, Progress
from heze_plan.progress.ledger_files import read_ledger
from heze_plan.progress.report import REPORT_FORMAT, render, to_csv, to_data, to_table
from heze_plan.progress.report.html import COLORS, to_html

#: The sample ledger shipped in examples/ (plausible, invented data).
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"
AS_OF = dt.date(2023, 10, 15)
PROBLEM = Problem("l.csv", "line 9", "unknown task 999: the plan numbers its tasks 1..195")


@pytest.fixture(scope="module")
def result() -> Status:
    import heze_plan

    plan = heze_plan.load()
    ledger, _ = read_ledger(SAMPLE, plan, as_of=AS_OF)
    return status(plan, ledger, as_of=AS_OF)


class TestTable:
    """The text report lists counts, what is overdue, scoreboards, targets and the ledger's problems."""

    def test_content(self, result: Status) -> None:
        text = to_table(result, [PROBLEM])
        assert text.startswith(
            "截至 2023-10-15 进度 Progress as of 2023-10-15 "
            "(即将到期 due soon: 5 个工作日内 within 5 working days)"
        )
        assert re.search(r"已逾期 overdue\s+6\n", text)
        # Task 159 (8月底前, 市发展改革委 and 市法院) is 45 days overdue on 10-15.
        assert re.search(r"159\.1\s+2023-08-31\s+市发展改革委；市法院\s+45", text)
        # 64 task targets (tests/data/expected_targets.csv, read from the source), 13 with an actual
        assert "  51 / 64 项目标尚无实际值 (targets have no actual yet)" in text
        assert text.endswith(
            "台账问题 1 problem(s) in the ledger (those rows are left out):\n"
            "  l.csv:line 9: unknown task 999: the plan numbers its tasks 1..195"
        )

    def test_units_behind_come_first(self, result: Status) -> None:
        lines = to_table(result).splitlines()
        first = lines[lines.index("按牵头单位 by lead unit:") + 2]
        assert first.split()[0] in {"市发展改革委", "市自然资源和规划局"}  # two overdue each


class TestMachineFormats:
    """CSV and JSON carry every milestone and target, in stable shapes."""

    def test_csv(self, result: Status) -> None:
        text = to_csv(result)
        assert text.startswith("\ufeffkind,task,index,")
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        assert [sum(1 for r in rows if r["kind"] == k) for k in ("milestone", "task", "target")] == [
            121,
            87,
            64,  # the task targets of tests/data/expected_targets.csv
        ]
        late = next(r for r in rows if (r["kind"], r["task"]) == ("milestone", "102"))
        assert (late["state"], late["state_en"], late["days_late"], late["completed"]) == (
            "逾期完成",
            "done late",
            "12",
            "2023-09-12",
        )
        assert late["area"] == "（十二）"  # task 102 is in area 12, written as the plan writes it

    def test_json(self, result: Status) -> None:
        data = json.loads(render(result, [PROBLEM], fmt="json"))
        assert data == to_data(result, [PROBLEM])
        assert data["format"] == REPORT_FORMAT
        assert data["counts"]["overdue"] == 6
        assert data["problems"] == [
            {"file": "l.csv", "where": "line 9", "message": PROBLEM.message, "warning": False}
        ]
        court = next(s for s in data["by_lead_unit"] if s["name"] == "市法院")
        assert court["on_time_rate"] == pytest.approx(0.6)

    def test_unknown_format(self, result: Status) -> None:
        with pytest.raises(ValueError, match="unknown report format 'pdf'"):
            render(result, fmt="pdf")


class _Collector(HTMLParser):
    """Collects tag names and attributes of a document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


class TestHtmlIsSelfContained:
    """The HTML report is one file that loads nothing: no script, stylesheet, image or font from anywhere."""

    def test_no_external_resources(self, result: Status) -> None:
        collector = _Collector()
        collector.feed(to_html(result))
        tags = {tag for tag, _ in collector.tags}
        assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
        assert not any("src" in attrs for _, attrs in collector.tags)
        assert "@import" not in to_html(result)
        assert "url(" not in to_html(result)

    def test_user_text_is_escaped(self, plan: Plan) -> None:
        entry = MilestoneEntry(
            task=8,
            milestone=1,
            status=Progress.IN_PROGRESS,
            note="<script>alert(1)</script>",
            evidence="javascript:x",
        )
        html = to_html(status(plan, Ledger(entries=(entry,)), as_of=AS_OF))
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert 'href="javascript' not in html


def _rgb(color: str) -> tuple[int, int, int]:
    """``#c62828`` as (198, 40, 40)."""
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _chromium() -> str | None:
    return next((path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None)


CHROMIUM = _chromium()
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (Debian: apt-get install chromium)")
class TestInABrowser:
    """Chromium, started by the test, renders the report's milestone table and its SVG chart."""

    def _run(self, tmp_path: Path, html: str, *extra: str) -> str:
        page = tmp_path / "report.html"
        page.write_text(html, encoding="utf-8")
        command = [CHROMIUM or "", *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra, page.as_uri()]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
        return done.stdout

    def test_dom_has_table_and_chart(self, result: Status, tmp_path: Path) -> None:
        dom = self._run(tmp_path, to_html(result), "--dump-dom")
        collector = _Collector()
        collector.feed(dom)
        rows = [a for tag, a in collector.tags if tag == "tr" and a.get("class") == "item"]
        assert len(rows) == 121 + 87
        assert sum(1 for a in rows if a.get("data-state") == "overdue") == 6
        segments = [a for tag, a in collector.tags if tag == "rect" and a.get("class") == "segment"]
        # The plan's milestones by month: Aug 11, Sep 21, Oct 20, Nov 35, Dec 34.
        per_month: dict[str, int] = {}
        for a in segments:
            per_month[a["data-month"] or ""] = per_month.get(a["data-month"] or "", 0) + int(
                a["data-count"] or 0
            )
        assert per_month == {"2023-08": 11, "2023-09": 21, "2023-10": 20, "2023-11": 35, "2023-12": 34}
        overdue = sum(int(a["data-count"] or 0) for a in segments if a["data-state"] == State.OVERDUE.value)
        assert overdue == 6
        assert any(tag == "svg" and a.get("id") == "chart" for tag, a in collector.tags)

    def test_screenshot(self, result: Status, tmp_path: Path) -> None:
        self._run(
            tmp_path, to_html(result), f"--screenshot={tmp_path / 'shot.png'}", "--window-size=1200,900"
        )
        shot = (tmp_path / "shot.png").read_bytes()
        assert shot.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = int.from_bytes(shot[16:20], "big"), int.from_bytes(shot[20:24], "big")
        assert (width, height) == (1200, 900)
        # What the page shows: the chart's bars in the states' colours, their areas in the order of the
        # sample's counts (85 milestones not yet due, then 25 done on time, then 6 or fewer of each other).
        image = pytest.importorskip("PIL.Image")
        colors = image.open(tmp_path / "shot.png").convert("RGB").getcolors(maxcolors=width * height)
        pixels = {rgb: n for n, rgb in colors}
        area = {state: pixels.get(_rgb(COLORS[state]), 0) for state in COLORS}
        others = [n for s, n in area.items() if s not in {State.NOT_YET_DUE, State.DONE_ON_TIME}]
        assert area[State.NOT_YET_DUE] > area[State.DONE_ON_TIME] > max(others)
        assert area[State.OVERDUE] > 12 * 12  # more than its legend square: the six overdue bars are drawn

    def test_blank_page_fails_the_pixel_check(self, tmp_path: Path) -> None:
        """The check above can fail: a page without the chart has none of the states' colours."""
        self._run(tmp_path, "<!doctype html><title>x</title>", f"--screenshot={tmp_path / 'blank.png'}")
        image = pytest.importorskip("PIL.Image")
        colors = image.open(tmp_path / "blank.png").convert("RGB").getcolors(maxcolors=1 << 24)
        assert not {rgb for _, rgb in colors} & {_rgb(c) for c in COLORS.values()}
