"""The feed set: which feeds, what each holds, stable ASCII names, the index, and safe regeneration."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import attrs
import icalendar
import pytest

import heze_plan
from heze_plan.calendar.feed_set import write_feeds
from heze_plan.calendar.manifest import MANIFEST_NAME
from heze_plan.calendar.revisions import FeedError
from heze_plan.calendar.slugs import slug

from .ics_parsers import seen_alike

PLAN = heze_plan.load()
BASE = "https://plan.example/heze/"


def index(directory: Path) -> dict[str, dict[str, object]]:
    data = json.loads((directory / "index.json").read_text(encoding="utf-8"))
    return {feed["key"]: feed for feed in data["feeds"]}


def events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("feeds")
    write_feeds(PLAN, directory, base_url=BASE)
    return directory


class TestWhichFeeds:
    """One feed for the whole plan, one per area (21), one per unit (65, with 纪委监委机关)."""

    def test_counts(self, published: Path) -> None:
        """1 + 21 + 65 feeds, each a file, all listed in the index (纪委监委机关 of 保障措施（三） too)."""
        feeds = index(published)
        kinds = [f["kind"] for f in feeds.values()]
        assert (kinds.count("plan"), kinds.count("area"), kinds.count("unit")) == (1, 21, 65)
        assert sorted(p.name for p in published.glob("*.ics")) == sorted(
            str(f["file"]) for f in feeds.values()
        )

    def test_whole_plan(self, published: Path) -> None:
        """The plan feed has the plan's 121 task milestones and the safeguards' 2 deadlines (保障措施
        （一） 印发1个月内, （二） 年内), which the whole-plan feed missed before.
        """
        assert index(published)["plan"]["events"] == 123
        assert len(events(published / "plan.ics")) == 123

    def test_every_feed_read_alike_by_three_parsers(self, published: Path) -> None:
        """All 87 feeds, including those of units without dated tasks, parse alike in icalendar, ical and
        vobject.
        """
        for path in published.glob("*.ics"):
            seen_alike(path.read_bytes())


class TestUnitFeed:
    """A unit's feed holds exactly the milestones of the tasks it leads or shares, and the safeguards'
    deadlines it must act on.
    """

    def test_shenpi_ju(self, published: Path) -> None:
        """市行政审批服务局: every milestone of every task naming it, none marked differently from the whole
        plan's feed (the index counts those it leads); as the lead department of area （一）开办企业 it
        also has the safeguards' two deadlines (领域牵头部门…印发1个月内; 市直各领域年内…), unmarked.
        """
        unit = "市行政审批服务局"
        expected = sorted((t.number, m.due) for t in PLAN.tasks if unit in t.units for m in t.milestones)
        feed = published / str(index(published)[f"unit:{unit}"]["file"])
        everything = events(feed)
        found = [e for e in everything if not str(e["SUMMARY"]).startswith("保障措施")]
        guards = [e for e in everything if str(e["SUMMARY"]).startswith("保障措施")]
        assert sorted(e["DTSTART"].dt for e in guards) == [dt.date(2023, 8, 29), dt.date(2023, 12, 31)]
        got = sorted(
            (int(re.search(r"(\d+)\. ", str(e["SUMMARY"])).group(1)), e["DTSTART"].dt) for e in found
        )  # type: ignore[union-attr]
        assert got == expected
        led = {n for t in PLAN.tasks if unit in t.lead_units for n in [t.number]}
        whole = {str(e["UID"]): e.to_ical() for e in events(published / "plan.ics")}
        assert all(whole[str(e["UID"])] == e.to_ical() for e in everything)
        assert index(published)[f"unit:{unit}"]["lead_events"] == sum(1 for n, _ in expected if n in led)

    def test_unit_without_dated_tasks(self, published: Path) -> None:
        """市生态环境局 leads tasks 17 and 77 and shares 180, none dated: its feed is valid and empty and
        says why.
        """
        entry = index(published)["unit:市生态环境局"]
        assert entry["events"] == 0
        calendar = icalendar.Calendar.from_ical((published / str(entry["file"])).read_bytes())
        assert "另有3项任务没有时间节点" in str(calendar["DESCRIPTION"])
        # named in the safeguards only, as the office the 落实方案 are filed with (报市营转办备案), not as
        # one that must file one
        assert index(published)["unit:市营转办"]["events"] == 0

    def test_area_feed(self, published: Path) -> None:
        """Area （一）开办企业 (tasks 1–9) has tasks 2–8's milestones: task 8 twice, so 8 events."""
        entry = index(published)["area:1"]
        assert entry["name"] == "（一）开办企业"
        assert entry["events"] == 8


class TestSafeguardDeadlines:
    """The safeguards' deadlines are in the plan's feed and in the feeds of those who must act, no area's."""

    def _holders(self, published: Path, day: dt.date) -> set[str]:
        found = set()
        for key, entry in index(published).items():
            for event in events(published / str(entry["file"])):
                if str(event["SUMMARY"]).startswith("保障措施") and event["DTSTART"].dt == day:
                    found.add(key)
        return found

    def test_first_deadline(self, published: Path) -> None:
        """各县区、市直领域牵头部门…印发1个月内 (2023-08-29): the plan's feed, the 18 area lead departments'
        (the union of the 21 area headings' 牵头) and 各县区政府、管委会's; not 市营转办's, no area's.
        """
        leads = {name for area in PLAN.areas for name in area.lead_units}
        expected = {"plan", "unit:各县区政府、管委会"} | {f"unit:{name}" for name in leads}
        assert self._holders(published, dt.date(2023, 8, 29)) == expected

    def test_second_deadline(self, published: Path) -> None:
        """市直各领域年内… (2023-12-31): the plan's feed and the area lead departments' only."""
        leads = {name for area in PLAN.areas for name in area.lead_units}
        assert self._holders(published, dt.date(2023, 12, 31)) == {"plan"} | {f"unit:{n}" for n in leads}

    def test_counts(self, published: Path) -> None:
        """The index counts them: 市发展改革委 leads or shares tasks with N task milestones, plus 2."""
        unit = "市发展改革委"
        tasks = sum(len(t.milestones) for t in PLAN.tasks if unit in t.units)
        entry = index(published)[f"unit:{unit}"]
        assert entry["events"] == tasks + 2
        calendar = icalendar.Calendar.from_ical((published / str(entry["file"])).read_bytes())
        assert "保障措施的全市性时间节点2个" in str(calendar["DESCRIPTION"])
        assert index(published)["unit:各县区法院"]["events"] == sum(
            len(t.milestones) for t in PLAN.tasks if "各县区法院" in t.units
        )


class TestNamesAndIndex:
    """ASCII pinyin file names, and an index with Chinese names, counts and both kinds of link."""

    def test_ascii_names(self, published: Path) -> None:
        """Every file name is lower-case ASCII, digits and hyphens."""
        for path in published.iterdir():
            assert re.fullmatch(r"\.?[a-z0-9.-]+", path.name), path.name

    def test_known_slugs(self, published: Path) -> None:
        """市商务局 is shi-shang-wu-ju, area 1 开办企业 is kai-ban-qi-ye."""
        feeds = index(published)
        assert feeds["unit:市商务局"]["file"] == "unit-shi-shang-wu-ju.ics"
        assert feeds["area:1"]["file"] == "area-01-kai-ban-qi-ye.ics"
        assert slug("菏泽仲裁办") == "he-ze-zhong-cai-ban"

    def test_links(self, published: Path) -> None:
        """https:// and webcal:// links from the base URL, in index.json and in index.html."""
        entry = index(published)["unit:市商务局"]
        assert entry["url"] == BASE + "unit-shi-shang-wu-ju.ics"
        assert entry["webcal"] == "webcal://plan.example/heze/unit-shi-shang-wu-ju.ics"
        page = (published / "index.html").read_text(encoding="utf-8")
        assert 'href="webcal://plan.example/heze/unit-shi-shang-wu-ju.ics"' in page
        assert "<td>市商务局</td>" in page
        assert "（一）开办企业" in page

    def test_without_base_url(self, tmp_path: Path) -> None:
        """Without --base-url the index links to the files relatively and offers no webcal link."""
        write_feeds(PLAN, tmp_path)
        assert index(tmp_path)["plan"]["url"] == "plan.ics"
        assert index(tmp_path)["plan"]["webcal"] is None

    @pytest.mark.parametrize("url", ["ftp://x.example/", "plan.example/feeds", "https://x.example/?a=1", ""])
    def test_bad_base_url(self, tmp_path: Path, url: str) -> None:
        """Only absolute http(s) URLs make subscribe links; anything else is refused before writing."""
        with pytest.raises(ValueError, match="base URL"):
            write_feeds(PLAN, tmp_path, base_url=url)
        assert list(tmp_path.iterdir()) == []


def shrunk(unit: str) -> heze_plan.Plan:
    """The plan without ``unit``: its tasks dropped, and the unit gone from the registry."""
    tasks = tuple(t for t in PLAN.tasks if unit not in t.units)
    return attrs.evolve(PLAN, tasks=tasks, units=tuple(u for u in PLAN.units if u.name != unit))


class TestRegeneration:
    """Regenerating keeps names and bytes and removes only the tool's own stale feeds, never others' files."""

    def test_rerun_changes_nothing(self, tmp_path: Path) -> None:
        """A second run writes no file: every file is byte-identical and untouched."""
        write_feeds(PLAN, tmp_path, base_url=BASE)
        before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
        report = write_feeds(PLAN, tmp_path, base_url=BASE)
        assert report.written == ()
        assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()} == before

    def test_stale_feed_removed(self, tmp_path: Path) -> None:
        """When 市外办 leaves the plan, its feed, written by the tool and unchanged, is removed."""
        write_feeds(PLAN, tmp_path)
        name = str(index(tmp_path)["unit:市外办"]["file"])
        report = write_feeds(shrunk("市外办"), tmp_path)
        assert report.removed == (name,)
        assert not (tmp_path / name).exists()
        assert name not in json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]

    def test_edited_stale_feed_kept(self, tmp_path: Path) -> None:
        """A stale feed that someone edited is kept, reported, and forgotten by the manifest."""
        write_feeds(PLAN, tmp_path)
        path = tmp_path / str(index(tmp_path)["unit:市外办"]["file"])
        path.write_bytes(path.read_bytes() + b"\r\n")
        report = write_feeds(shrunk("市外办"), tmp_path)
        assert report.kept == (path.name,)
        assert path.exists()
        assert write_feeds(shrunk("市外办"), tmp_path).kept == ()  # no longer the tool's: left alone for good

    def test_foreign_file_never_overwritten(self, tmp_path: Path) -> None:
        """A file the tool did not write, where it would write a feed, stops the run before anything is
        written.
        """
        (tmp_path / "index.html").write_text("my own page", encoding="utf-8")
        with pytest.raises(FeedError, match=r"index\.html.*did not write"):
            write_feeds(PLAN, tmp_path)
        assert [p.name for p in tmp_path.iterdir()] == ["index.html"]
        assert (tmp_path / "index.html").read_text(encoding="utf-8") == "my own page"

    def test_other_files_left_alone(self, tmp_path: Path) -> None:
        """Files with other names are never touched, even when feeds are removed."""
        (tmp_path / "notes.txt").write_text("keep", encoding="utf-8")
        write_feeds(PLAN, tmp_path)
        write_feeds(shrunk("市外办"), tmp_path)
        assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep"

    def test_names_kept_from_the_manifest(self, tmp_path: Path) -> None:
        """A feed keeps the file name it was given, even if its slug would now come out differently."""
        write_feeds(PLAN, tmp_path)
        manifest_path = tmp_path / MANIFEST_NAME
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        old = str(index(tmp_path)["unit:市商务局"]["file"])
        entry = manifest["files"].pop(old)
        manifest["files"]["unit-shangwu.ics"] = entry
        (tmp_path / old).rename(tmp_path / "unit-shangwu.ics")
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
        write_feeds(PLAN, tmp_path)
        assert index(tmp_path)["unit:市商务局"]["file"] == "unit-shangwu.ics"
        assert not (tmp_path / old).exists()

    def test_one_deadline_changes(self, tmp_path: Path) -> None:
        """Task 2's deadline moves: its feeds (plan, area 1, its two units) are rewritten, SEQUENCE 1 in
        each, and index.html, whose list of tasks shows the new date; index.json and the other feeds stay.
        """
        write_feeds(PLAN, tmp_path)
        task = PLAN.task(2)
        moved = attrs.evolve(
            task,
            milestones=(
                attrs.evolve(task.milestones[0], due=task.milestones[0].due.replace(month=10, day=31)),
            ),
        )
        plan = attrs.evolve(PLAN, tasks=tuple(moved if t.number == 2 else t for t in PLAN.tasks))
        report = write_feeds(plan, tmp_path)
        feeds = index(tmp_path)
        touched = {
            str(feeds[k]["file"])
            for k in ("plan", "area:1", "unit:市行政审批服务局", "unit:各县区政府、管委会")
        }
        assert set(report.written) == touched | {"index.html"}
        assert "探索市场主体住所（经营场所）标准化登记（牵头：" in (tmp_path / "index.html").read_text(
            encoding="utf-8"
        )
        assert (
            "截止：10月31日"
            in (tmp_path / "index.html").read_text(encoding="utf-8").split('id="task-2"')[1][:200]
        )
        for name in touched:
            (event,) = [e for e in events(tmp_path / name) if "2. 探索市场主体住所" in str(e["SUMMARY"])]
            assert int(event["SEQUENCE"]) == 1

    def test_broken_manifest_refused(self, tmp_path: Path) -> None:
        """An unreadable manifest stops the run: guessing which files are ours could delete someone else's."""
        (tmp_path / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
        with pytest.raises(FeedError, match="not a heze-plan manifest"):
            write_feeds(PLAN, tmp_path)

    def test_manifest_cannot_point_outside(self, tmp_path: Path) -> None:
        """A manifest naming ../something is refused: the tool only ever removes files inside OUTDIR."""
        (tmp_path / MANIFEST_NAME).write_text(
            json.dumps({"format": 1, "files": {"../victim.txt": {"sha256": "0", "feed": None}}}),
            encoding="utf-8",
        )
        with pytest.raises(FeedError, match="not a plain file name"):
            write_feeds(PLAN, tmp_path)
