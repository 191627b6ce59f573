"""The index page of a feed set: usable without scripts, searchable with them, readable on a phone."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest
from pypinyin import Style, lazy_pinyin

import heze_plan
from heze_plan.calendar.feed_set import write_feeds
from heze_plan.calendar.manifest import MANIFEST_NAME

PLAN = heze_plan.load()
BASE = "https://feeds.example/菏泽 日历"
CHROMIUM = next((p for n in ("chromium", "chromium-browser") if (p := shutil.which(n))), None)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Rows(HTMLParser):
    """The feed rows (section, first cell, attributes), as a browser without scripts shows them."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, dict[str, str | None]]] = []
        self.section = ""
        self._cell: list[str] | None = None
        self._row: dict[str, str | None] | None = None
        self.anchors: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.anchors.add(str(a["id"]))
        if tag == "section":
            self.section = str(a.get("id"))
        if tag == "tr" and "data-search" in a:
            self._row, self._cell = a, None
        if tag == "td" and self._row is not None and self._cell is None:
            self._cell = []
        if tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))

    def handle_data(self, data: str) -> None:
        if self._cell is not None and self._row is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._row is not None and self._cell is not None:
            self.rows.append((self.section, "".join(self._cell), self._row))
            self._row = None


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("index")
    write_feeds(PLAN, directory, base_url=BASE)
    return directory


def parsed(directory: Path) -> _Rows:
    rows = _Rows()
    rows.feed((directory / "index.html").read_text(encoding="utf-8"))
    return rows


class TestWithoutScripts:
    """The HTML alone lists everything, in a useful order, with working links."""

    def test_every_feed_listed(self, published: Path) -> None:
        """All 87 feeds (1 + 21 + 65) are rows; the search box is hidden until the script shows it."""
        page = parsed(published)
        sections = [s for s, _, _ in page.rows]
        assert (sections.count("plan"), sections.count("area"), sections.count("unit")) == (1, 21, 65)
        assert '<input id="q" type="search"' in (published / "index.html").read_text(encoding="utf-8")
        assert re.search(
            r'<input id="q"[^>]* hidden>', (published / "index.html").read_text(encoding="utf-8")
        )

    def test_units_by_pinyin(self, published: Path) -> None:
        """Units follow the order of their readings with tones (pypinyin TONE3), not the plan's order."""
        units = [name for section, name, _ in parsed(published).rows if section == "unit"]
        reading = {
            u.name: "-".join(lazy_pinyin(u.name, style=Style.TONE3, neutral_tone_with_five=True))
            for u in PLAN.units
        }
        assert units == sorted(units, key=lambda n: (reading[n], n))
        assert units != [u.name for u in PLAN.units]

    def test_empty_feeds_marked(self, published: Path) -> None:
        """Feeds without events say so instead of offering a subscription or a link (市生态环境局 has no dated
        task), and index.json says the same: not subscribable, no webcal link.
        """
        data = json.loads((published / "index.json").read_text(encoding="utf-8"))
        empty = {f["name"] for f in data["feeds"] if f["events"] == 0}
        assert "市生态环境局" in empty
        html = (published / "index.html").read_text(encoding="utf-8")
        for name in empty:
            row = re.search(rf"<tr class=\"empty\"[^>]*><td>{re.escape(name)}</td>.*?</tr>", html)
            assert row is not None, name
            assert "<a " not in row.group(0)
            assert "无时间节点" in row.group(0)

    def test_page_and_index_json_agree(self, published: Path) -> None:
        """A feed is offered for subscription on the page exactly when index.json says it is subscribable,
        which is when it has an event (or is the whole plan's); every file, offered or not, is written and
        owned by the manifest, so a subscription made before keeps working.
        """
        data = json.loads((published / "index.json").read_text(encoding="utf-8"))
        manifest = json.loads((published / MANIFEST_NAME).read_text(encoding="utf-8"))
        links = set(parsed(published).links)
        for feed in data["feeds"]:
            assert feed["subscribable"] == (feed["events"] > 0 or feed["kind"] == "plan"), feed["name"]
            assert (feed["webcal"] is not None) == feed["subscribable"], feed["name"]
            assert (feed["webcal"] in links) == feed["subscribable"], feed["name"]
            assert (published / feed["file"]).is_file()
            assert feed["file"] in str(manifest)

    def test_jiwei_jianwei_not_offered(self, published: Path) -> None:
        """纪委监委机关 is named once in the source, in safeguard （三）:
        强化与纪委监委机关联动，适时开展护航优化营商环境专项督查行动 — 适时 ("when the time is right") gives
        no date, and no task names it. So it gets no dated obligation (the model reads frequency 适时, due
        None) and its feed is listed but not offered.
        """
        source = heze_plan.source_text()
        assert source.count("纪委监委机关") == 1
        sentence = next(s for s in source.split("。") if "纪委监委机关" in s)
        assert "适时开展" in sentence
        (obligation,) = [o for s in PLAN.safeguards for o in s.obligations if "纪委监委机关" in o.actors]
        assert (obligation.safeguard, obligation.due, obligation.frequency) == (3, None, "适时")
        assert not [t for t in PLAN.tasks if "纪委监委机关" in t.units]
        data = json.loads((published / "index.json").read_text(encoding="utf-8"))
        (feed,) = [f for f in data["feeds"] if f["name"] == "纪委监委机关"]
        assert (feed["events"], feed["subscribable"], feed["webcal"]) == (0, False, None)

    def test_links_percent_encoded(self, published: Path) -> None:
        """A base URL with Chinese and a space is percent-encoded (RFC 3986) in every link."""
        links = parsed(published).links
        assert "webcal://feeds.example/%E8%8F%8F%E6%B3%BD%20%E6%97%A5%E5%8E%86/plan.ics" in links
        assert all(" " not in link and link.isascii() for link in links)

    def test_every_event_url_has_its_anchor(self, published: Path) -> None:
        """Each event of the whole plan's feed links to ``index.html#task-N`` (or ``#safeguard-N``),
        and that anchor is on the page.
        """
        anchors = parsed(published).anchors
        calendar = icalendar.Calendar.from_ical((published / "plan.ics").read_bytes())
        events = list(calendar.walk("VEVENT"))
        assert len(events) == 123
        prefix = "https://feeds.example/%E8%8F%8F%E6%B3%BD%20%E6%97%A5%E5%8E%86/index.html#"
        for event in events:
            url = str(event["URL"])
            assert url.startswith(prefix)
            assert url.removeprefix(prefix) in anchors
        assert str(events[-1]["URL"]).endswith(
            "#task-" + re.match(r"(\d+)\.", str(events[-1]["SUMMARY"])).group(1)
        )  # type: ignore[union-attr]

    def test_dates_and_warning(self, tmp_path: Path) -> None:
        """Without --base-url the page warns that it has no subscribe links; it shows when its content
        last changed (the plan's printed date, 2023-07-29 China time).
        """
        write_feeds(PLAN, tmp_path)
        html = (tmp_path / "index.html").read_text(encoding="utf-8")
        assert 'class="warn"' in html
        assert "--base-url" in html
        assert "内容更新于2023年7月29日" in html
        assert "webcal://" not in html


def _probe(directory: Path, query: str, width: int) -> dict[str, object]:
    """Open index.html in an iframe of ``width`` px in headless Chromium; report what is shown."""
    probe = directory / "probe.html"
    probe.write_text(
        f"""<!DOCTYPE html><html><body>
<iframe id=f src="index.html{query}" style="width:{width}px;height:900px;border:0"></iframe><pre id=out></pre>
<script>
document.getElementById("f").addEventListener("load", function () {{
  var d = this.contentDocument;
  var rows = Array.prototype.filter.call(d.querySelectorAll("tr[data-search]"),
    function (r) {{ return !r.hidden; }});
  var right = 0;
  rows.forEach(function (r) {{ r.querySelectorAll("a").forEach(function (a) {{
    right = Math.max(right, a.getBoundingClientRect().right); }}); }});
  document.getElementById("out").textContent = JSON.stringify({{
    clientWidth: d.documentElement.clientWidth, scrollWidth: d.documentElement.scrollWidth,
    rows: rows.map(function (r) {{ return r.cells[0].textContent; }}), linkRight: right,
    boxShown: !d.getElementById("q").hidden, value: d.getElementById("q").value,
    shown: d.getElementById("shown").textContent
  }});
}});
</script></body></html>""",
        encoding="utf-8",
    )
    command = [
        CHROMIUM or "",
        *FLAGS,
        f"--user-data-dir={directory.parent / 'profile'}",
        "--allow-file-access-from-files",
        "--virtual-time-budget=5000",
        "--dump-dom",
        probe.as_uri(),
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert found is not None, dom[-500:]
    import html as html_module

    return json.loads(html_module.unescape(found.group(1)))


def _screenshot(directory: Path, query: str, width: int) -> tuple[int, int, int]:
    shot = directory / f"shot-{width}.png"
    command = [
        CHROMIUM or "",
        *FLAGS,
        f"--user-data-dir={directory.parent / 'profile'}",
        f"--screenshot={shot}",
        f"--window-size={width},900",
        "--virtual-time-budget=5000",
        (directory / "index.html").as_uri() + query,
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big"), len(data)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (Debian: apt-get install chromium)")
class TestInChromium:
    """Headless Chromium at 1280 px (a desktop) and 390 px (a phone)."""

    @pytest.mark.parametrize("width", [1280, 390])
    def test_search_for_tax(self, published: Path, width: int) -> None:
        """``?q=税务`` fills the box, and exactly one row is left: 市税务局 (not 市水务局)."""
        shown = _probe(published, "?q=%E7%A8%8E%E5%8A%A1", width)
        assert shown["rows"] == ["市税务局"]
        assert shown["boxShown"] is True
        assert shown["value"] == "税务"
        assert shown["shown"] == "找到 1 个日历"

    def test_search_by_pinyin_fragment(self, published: Path) -> None:
        """``#q=nashui`` finds the area （六）纳税 by its pinyin."""
        shown = _probe(published, "#q=nashui", 1280)
        assert shown["rows"] == ["（六）纳税"]

    @pytest.mark.parametrize("width", [1280, 390])
    def test_nothing_overflows(self, published: Path, width: int) -> None:
        """With every row shown, the page is no wider than the window and every link is inside it."""
        shown = _probe(published, "", width)
        rows = shown["rows"]
        assert isinstance(rows, list)
        assert len(rows) == 87
        assert shown["scrollWidth"] == shown["clientWidth"]
        assert 0 < float(shown["linkRight"]) <= float(shown["clientWidth"])  # type: ignore[arg-type]

    @pytest.mark.parametrize("width", [1280, 390])
    def test_screenshots(self, published: Path, width: int) -> None:
        """A screenshot of the filtered page at each width has that width and holds a rendered page
        (a blank PNG of this size compresses to well under 10 kB).
        """
        shot_width, height, size = _screenshot(published, "?q=%E7%A8%8E%E5%8A%A1", width)
        assert (shot_width, height) == (width, 900)
        assert size > 10_000
