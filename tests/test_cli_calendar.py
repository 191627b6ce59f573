"""The ``calendar`` and ``feeds`` commands: what they write, and how they refuse a user's mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from heze_plan.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def summaries(path: Path) -> list[str]:
    return [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


class TestCalendarCommand:
    """``heze-plan calendar`` writes one feed, whole or selected, and regenerates it in place."""

    def test_whole_plan(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The main job: all 121 task milestones and the safeguards' 2 deadlines (保障措施（一）
        印发1个月内, （二） 年内) into one file; a second run changes nothing.
        """
        output = tmp_path / "heze-2023.ics"
        status, out, _ = run(capsys, "calendar", "-o", str(output))
        assert status == 0
        assert len(summaries(output)) == 123
        assert "123 new" in out
        first = output.read_bytes()
        status, out, _ = run(capsys, "calendar", "-o", str(output))
        assert (status, output.read_bytes()) == (0, first)
        assert "0 new, 0 revised, 0 dropped" in out

    def test_stdout(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """Without -o the feed goes to standard output."""
        assert main(["calendar", "--area", "1"]) == 0
        out = capsysbinary.readouterr().out
        assert out.startswith(b"BEGIN:VCALENDAR\r\n")
        assert out.count(b"BEGIN:VEVENT") == 8

    def test_unit_selection(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--unit 商务局 finds 市商务局; its feed is named for it and has the tasks it leads (task 57), with
        the same title as in every other feed (no 【牵头】 mark: one UID, one text).
        """
        output = tmp_path / "shangwu.ics"
        assert run(capsys, "calendar", "--unit", "商务局", "-o", str(output))[0] == 0
        names = summaries(output)
        assert any(s.startswith("57. 积极支持开展出口信用保险") for s in names)
        assert not any("【牵头】" in s for s in names)
        calendar = icalendar.Calendar.from_ical(output.read_bytes())
        assert str(calendar["X-WR-CALNAME"]).startswith("市商务局")

    def test_unit_and_area(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--unit and --area together: both must hold (市税务局 in （六）纳税: tasks 45 and 47)."""
        output = tmp_path / "tax.ics"
        assert run(capsys, "calendar", "--unit", "市税务局", "--area", "纳税", "-o", str(output))[0] == 0
        assert sorted(int(s.removeprefix("【牵头】").split(".")[0]) for s in summaries(output)) == [45, 47]

    def test_month_keeps_single_milestones(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--month 2023-11: task 8's 11月底前 milestone stays, its 9月底前 one goes; 35 in all."""
        output = tmp_path / "nov.ics"
        assert run(capsys, "calendar", "--month", "2023-11", "-o", str(output))[0] == 0
        calendar = icalendar.Calendar.from_ical(output.read_bytes())
        days = {e["DTSTART"].dt.isoformat() for e in calendar.walk("VEVENT")}
        assert days == {"2023-11-30"}
        assert len(summaries(output)) == 35
        assert "8. 优化企业全生命周期集成服务体系（节点2/2）" in summaries(output)

    def test_county_through_collectives(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--unit 曹县 selects what 各县区政府、管委会 shares (task 2 among them), none marked 【牵头】."""
        output = tmp_path / "caoxian.ics"
        assert run(capsys, "calendar", "--unit", "曹县", "-o", str(output))[0] == 0
        names = summaries(output)
        assert "2. 探索市场主体住所（经营场所）标准化登记" in names
        assert not any(s.startswith("【牵头】") for s in names)

    def test_no_reminders_and_todos(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--no-reminders drops VALARM; --components todo writes VTODOs only."""
        output = tmp_path / "todo.ics"
        assert run(capsys, "calendar", "--no-reminders", "--components", "todo", "-o", str(output))[0] == 0
        data = output.read_bytes()
        assert b"VALARM" not in data
        assert (
            data.count(b"BEGIN:VTODO") == 123
        )  # 121 task milestones + 保障措施（一） 印发1个月内 (2023-08-29) + （二） 年内 (2023-12-31): 123.
        assert b"BEGIN:VEVENT" not in data

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["--unit", "局"], "unknown unit '局'"),
            (["--unit", "不存在的单位"], "unknown unit '不存在的单位'"),
            (["--area", "99"], "numbers its areas 1..21"),
            (["--area", "不存在"], "no area '不存在'"),
            (["--ongoing"], "no milestones"),
            (["--month", "13"], "bad month '13'"),
        ],
    )
    def test_bad_selection(self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
        """An unknown unit or area, or a selection without milestones, is one line and exit status 2."""
        status, out, err = run(capsys, "calendar", *argv)
        assert status == 2
        assert message in err
        assert "Traceback" not in err
        assert err.count("\n") == 1
        assert out == ""

    @pytest.mark.parametrize(
        ("option", "value"),
        [("--remind", "x"), ("--remind", "7,7"), ("--remind", "-1"), ("--revised", "2023-13-01")],
    )
    def test_bad_option_values(self, capsys: pytest.CaptureFixture[str], option: str, value: str) -> None:
        """Malformed reminder days and revision dates are refused by the parser with exit status 2."""
        with pytest.raises(SystemExit) as stop:
            main(["calendar", f"{option}={value}"])
        assert stop.value.code == 2
        assert option in capsys.readouterr().err

    def test_foreign_output_kept(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An existing file that heze-plan did not write is never overwritten."""
        output = tmp_path / "mine.ics"
        output.write_text(
            "BEGIN:VCALENDAR\r\nPRODID:-//Me//Mine//EN\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", encoding="utf-8"
        )
        before = output.read_bytes()
        status, _, err = run(capsys, "calendar", "-o", str(output))
        assert status == 2
        assert "another program" in err
        assert output.read_bytes() == before

    def test_unwritable_output(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An output path under a regular file cannot be written: one line, exit status 2."""
        (tmp_path / "file").write_text("x", encoding="utf-8")
        status, _, err = run(capsys, "calendar", "-o", str(tmp_path / "file" / "feed.ics"))
        assert status == 2
        assert "cannot write" in err
        assert "Traceback" not in err

    def test_previous_feed(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--previous reads the SEQUENCE history from another file, such as the copy on the web server."""
        published = tmp_path / "published.ics"
        run(capsys, "calendar", "-o", str(published))
        fresh = tmp_path / "fresh.ics"
        assert run(capsys, "calendar", "--previous", str(published), "-o", str(fresh))[0] == 0
        assert fresh.read_bytes() == published.read_bytes()
        status, _, err = run(capsys, "calendar", "--previous", str(tmp_path / "missing.ics"))
        assert status == 2
        assert "cannot read previous feed" in err


class TestFeedsCommand:
    """``heze-plan feeds OUTDIR`` writes the set, and refuses to touch files it did not write."""

    def test_writes_the_set(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """87 feeds (one for 纪委监委机关 of 保障措施（三） too) and the index; a rerun writes nothing."""
        status, out, _ = run(capsys, "feeds", str(tmp_path), "--base-url", "https://plan.example/feeds")
        assert status == 0
        assert "87 feeds; 89 files written" in out
        index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
        assert index["feeds"][0]["webcal"] == "webcal://plan.example/feeds/plan.ics"
        rerun = run(capsys, "feeds", str(tmp_path), "--base-url", "https://plan.example/feeds")[1]
        assert "0 files written, 89 unchanged, 0 removed" in rerun

    def test_foreign_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A stranger's plan.ics in OUTDIR stops the command with exit status 2; nothing is written."""
        (tmp_path / "plan.ics").write_text("mine", encoding="utf-8")
        status, _, err = run(capsys, "feeds", str(tmp_path))
        assert status == 2
        assert "did not write" in err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]

    def test_outdir_is_a_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """OUTDIR that is a regular file is a usage error, and the file is left as it was."""
        target = tmp_path / "public"
        target.write_text("not a directory", encoding="utf-8")
        status, _, err = run(capsys, "feeds", str(target))
        assert status == 2
        assert "cannot write feeds" in err
        assert target.read_text(encoding="utf-8") == "not a directory"

    def test_bad_base_url(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A base URL that is not http(s) is a usage error."""
        status, _, err = run(capsys, "feeds", str(tmp_path), "--base-url", "ftp://x.example/")
        assert status == 2
        assert "base URL" in err


class TestSafeguardDeadlinesInCalendar:
    """``heze-plan calendar`` selects the safeguards' deadlines by unit and date, never by area."""

    FIRST = "保障措施（一） 持续加大统筹协调力度：制定具体落实方案"

    def guards(self, capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> list[str]:
        assert main(["calendar", "--no-reminders", *argv]) == 0
        data = capsysbinary.readouterr().out
        return [
            str(e["SUMMARY"])
            for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
            if "保障措施（" in str(e["SUMMARY"])
        ]

    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            # 各县区…要在本行动计划印发1个月内…: a county acts through 各县区政府、管委会
            (["--unit", "曹县"], [FIRST]),
            (["--unit", "各县区政府、管委会"], [FIRST]),
            # （三）获得电力 is led by 市发展改革委: a 领域牵头部门, named in both deadlines
            (
                ["--unit", "发改委"],
                [FIRST, "保障措施（二） 持续发挥示范带动作用：形成的全国领先的创新性经验做法"],
            ),
            (["--lead", "发改委", "--month", "2023-08"], [FIRST]),
            (["--unit", "市营转办"], []),  # receives the plans (报市营转办备案)
            (["--month", "2023-09"], []),
            (["--due-before", "2023-08-28"], []),
            (["--due-after", "2023-08-29", "--due-before", "2023-08-29"], [FIRST]),
            (["--search", "落实方案"], [FIRST]),
            (["--search", "不在文中的词"], []),
            (["--area", "3"], []),  # belongs to no area
            (["--responsible", "发改委"], []),  # names no responsible unit
        ],
    )
    def test_selection(
        self, capsysbinary: pytest.CaptureFixture[bytes], argv: list[str], expected: list[str]
    ) -> None:
        assert self.guards(capsysbinary, *argv) == expected

    def test_august(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """--month 2023-08: the 11 task milestones of 8月底前 and the 2023-08-29 deadline."""
        assert main(["calendar", "--month", "2023-08"]) == 0
        data = capsysbinary.readouterr().out
        assert len(list(icalendar.Calendar.from_ical(data).walk("VEVENT"))) == 11 + 1


def _event_blocks(data: bytes) -> dict[str, bytes]:
    """Each VEVENT of a feed as its raw bytes (folded lines and all), by UID: what a client downloads."""
    blocks: dict[str, bytes] = {}
    for chunk in data.split(b"BEGIN:VEVENT\r\n")[1:]:
        block = chunk.split(b"END:VEVENT\r\n", 1)[0]
        uid = next(line for line in block.split(b"\r\n") if line.startswith(b"UID:"))
        blocks[uid.decode()] = block
    return blocks


BASE_URL = "https://plan.example/heze"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The feed set as ``heze-plan feeds --base-url`` publishes it."""
    directory = tmp_path_factory.mktemp("published")
    assert main(["feeds", str(directory), "--base-url", BASE_URL]) == 0
    return directory


class TestCalendarBaseUrl:
    """``calendar --base-url`` gives each event the URL it has in ``feeds``, so both write the same event.

    RFC 5545 §3.8.4.6: "This property may be used in a calendar component to convey a location where a
    more dynamic rendition of the calendar information associated with the calendar component can be
    found." docs/calendar.md names that location: the task's entry ``index.html#task-N`` under the base URL.
    """

    BASE = BASE_URL

    def feed_file(self, published: Path, key: str) -> Path:
        index = json.loads((published / "index.json").read_text(encoding="utf-8"))
        return published / next(f["file"] for f in index["feeds"] if f["key"] == key)

    @pytest.mark.parametrize(
        ("argv", "key"),
        [([], "plan"), (["--unit", "市商务局"], "unit:市商务局"), (["--area", "7"], "area:7")],
    )
    def test_same_events_as_feeds(
        self, published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], key: str
    ) -> None:
        """Every event of ``calendar`` is byte for byte the event of that UID in the matching feed of the set
        (UID, text, reminders, URL, SEQUENCE and stamps of a first run), and the two hold the same UIDs.
        """
        output = tmp_path / "one.ics"
        assert run(capsys, "calendar", *argv, "--base-url", self.BASE, "-o", str(output))[0] == 0
        ours = _event_blocks(output.read_bytes())
        theirs = _event_blocks(self.feed_file(published, key).read_bytes())
        assert ours
        assert sorted(ours) == sorted(theirs)
        assert ours == theirs

    def test_url_is_the_task_anchor(
        self, published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Read by vobject (not the library that wrote it): task 57's event links to ``index.html#task-57``
        under the base URL, and the published index page has that anchor.
        """
        import vobject

        output = tmp_path / "one.ics"
        assert (
            run(capsys, "calendar", "--unit", "市商务局", "--base-url", self.BASE, "-o", str(output))[0] == 0
        )
        calendar = vobject.readOne(output.read_text(encoding="utf-8"))
        urls = {e.summary.value.split(".")[0]: e.url.value for e in calendar.vevent_list}
        assert urls["57"] == "https://plan.example/heze/index.html#task-57"
        assert '<li id="task-57"' in (published / "index.html").read_text(encoding="utf-8")

    def test_without_base_url_no_url(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """Without --base-url there is nowhere to point to: no event has a URL property."""
        assert main(["calendar", "--area", "1"]) == 0
        assert b"\r\nURL" not in capsysbinary.readouterr().out

    @pytest.mark.parametrize("url", ["ftp://x.example/", "plan.example/heze", "https://x.example/?a=1"])
    def test_bad_base_url(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str) -> None:
        """A base URL that is not an absolute http(s) URL without query is refused with one line naming the
        option and quoting the value; no file is written.
        """
        output = tmp_path / "one.ics"
        status, _, err = run(capsys, "calendar", "--base-url", url, "-o", str(output))
        assert status == 2
        assert "--base-url" in err
        assert url.split("?", maxsplit=1)[0] in err
        assert "Traceback" not in err
        assert not output.exists()
