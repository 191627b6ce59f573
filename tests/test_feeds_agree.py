"""Feeds that agree with each other, with China's working week, and with yesterday's run."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import icalendar
import pytest

import heze_plan
from heze_plan.calendar.feed import FeedOptions, StatusSource
from heze_plan.calendar.feed_set import write_feeds
from heze_plan.calendar.manifest import MANIFEST_NAME
from heze_plan.progress.ledger_files import read_ledger

PLAN = heze_plan.load()
D = dt.date
UTC = dt.timezone.utc
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"


def _days(start: D, end: D) -> set[D]:
    return {start + dt.timedelta(days=i) for i in range((end - start).days + 1)}


#: 国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）, typed from the notice:
#: 元旦 2022-12-31 至 2023-01-02; 春节 1月21日至27日, 1月28日（星期六）、29日（星期日）上班;
#: 清明节 4月5日; 劳动节 4月29日至5月3日, 4月23日（星期日）、5月6日（星期六）上班;
#: 端午节 6月22日至24日, 6月25日（星期日）上班; 中秋节、国庆节 9月29日至10月6日,
#: 10月7日（星期六）、10月8日（星期日）上班.
HOLIDAYS_2023 = (
    _days(D(2022, 12, 31), D(2023, 1, 2))
    | _days(D(2023, 1, 21), D(2023, 1, 27))
    | {D(2023, 4, 5)}
    | _days(D(2023, 4, 29), D(2023, 5, 3))
    | _days(D(2023, 6, 22), D(2023, 6, 24))
    | _days(D(2023, 9, 29), D(2023, 10, 6))
)
WORKING_WEEKEND_DAYS_2023 = {
    D(2023, 1, 28),
    D(2023, 1, 29),
    D(2023, 4, 23),
    D(2023, 5, 6),
    D(2023, 6, 25),
    D(2023, 10, 7),
    D(2023, 10, 8),
}


def working(day: D) -> bool:
    assert day.year == 2023, "the expectation only knows 2023"
    if day in WORKING_WEEKEND_DAYS_2023:
        return True
    return day not in HOLIDAYS_2023 and day.weekday() < 5


def on_or_before(day: D) -> D:
    while not working(day):
        day -= dt.timedelta(days=1)
    return day


def at_nine(day: D) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 1, tzinfo=UTC)  # 09:00 UTC+8


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("agree")
    write_feeds(PLAN, directory, base_url="https://feeds.example/")
    return directory


def events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


class TestRemindersOnWorkingDays:
    """Reminders go off at 09:00 China time on working days of the State Council's 2023 calendar."""

    def test_all_123_events(self, published: Path) -> None:
        """For every event of the whole plan: the "7 days" reminder on the working day on or before
        due − 7, the "1 day" one on the last working day before the due date, both at 09:00 UTC+8.
        """
        found = events(published / "plan.ics")
        assert len(found) == 123
        for event in found:
            due = event["DTSTART"].dt
            expected = sorted(
                {
                    at_nine(on_or_before(due - dt.timedelta(days=7))),
                    at_nine(on_or_before(due - dt.timedelta(days=1))),
                }
            )
            triggers = sorted(alarm["TRIGGER"].dt for alarm in event.walk("VALARM"))
            assert triggers == expected, (event["SUMMARY"], due)
            assert all(working(t.date()) for t in triggers)

    def test_the_days_the_issue_named(self, published: Path) -> None:
        """09-30 deadlines remind on Friday 09-22 and Thursday 09-28 (not Saturday 09-23 or Mid-Autumn
        09-29); 12-31 ones on Friday 12-22 and Friday 12-29 (not Sunday 12-24 or Saturday 12-30).
        """
        by_due: dict[D, set[tuple[dt.datetime, ...]]] = {}
        for event in events(published / "plan.ics"):
            triggers = tuple(sorted(a["TRIGGER"].dt for a in event.walk("VALARM")))
            by_due.setdefault(event["DTSTART"].dt, set()).add(triggers)
        assert by_due[D(2023, 9, 30)] == {(at_nine(D(2023, 9, 22)), at_nine(D(2023, 9, 28)))}
        assert by_due[D(2023, 12, 31)] == {(at_nine(D(2023, 12, 22)), at_nine(D(2023, 12, 29)))}

    def test_reminders_that_meet_are_one(self) -> None:
        """A milestone due on 10-06 (inside the National Day break): both reminders would fall on 09-28,
        so there is one.
        """
        from heze_plan.calendar.feed import reminder_days

        assert reminder_days(D(2023, 10, 6), (7, 1)) == [D(2023, 9, 28)]
        assert reminder_days(D(2023, 10, 9), (7, 1)) == [D(2023, 9, 28), D(2023, 10, 8)]


class TestOneUidOneText:
    """An event is the same, byte for byte, in every feed that holds it."""

    def test_across_all_87_feeds(self, published: Path) -> None:
        """Collect every VEVENT of every feed by UID: each UID has exactly one serialisation."""
        seen: dict[str, set[bytes]] = {}
        for path in published.glob("*.ics"):
            for event in events(path):
                seen.setdefault(str(event["UID"]), set()).add(event.to_ical())
        assert len(seen) == 123
        assert {uid for uid, texts in seen.items() if len(texts) > 1} == set()


class TestDailyRuns:
    """A week of daily ``--as-of`` runs with no change of status writes nothing after the first."""

    def test_a_week_without_change(self, tmp_path: Path) -> None:
        """From 2023-10-15 to 10-22 no deadline passes (the next is 10-31): every file and its
        modification time stay as the first run left them.
        """
        dues = {m.due for t in PLAN.tasks for m in t.milestones}
        assert not dues & _days(D(2023, 10, 15), D(2023, 10, 22))
        out = tmp_path / "out"

        def run(day: D) -> tuple[str, ...]:
            ledger, problems = read_ledger(SAMPLE, PLAN, as_of=day)
            assert problems == []
            return write_feeds(PLAN, out, options=FeedOptions(status=StatusSource(ledger, day))).written

        assert (
            len(run(D(2023, 10, 15))) == 89
        )  # 87 feeds (1 + 21 areas + 65 units), index.html and index.json
        before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
        for day in range(16, 23):
            assert run(D(2023, 10, day)) == ()
        assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before


class TestNamesToldApart:
    """Units whose names read alike but for the tones get names that differ in the tones."""

    def test_water_and_tax(self, published: Path) -> None:
        """市水务局 (shuǐ) and 市税务局 (shuì): unit-shi4-shui3-wu4-ju2 and unit-shi4-shui4-wu4-ju2."""
        feeds = {
            f["key"]: f for f in json.loads((published / "index.json").read_text(encoding="utf-8"))["feeds"]
        }
        assert feeds["unit:市水务局"]["file"] == "unit-shi4-shui3-wu4-ju2.ics"
        assert feeds["unit:市税务局"]["file"] == "unit-shi4-shui4-wu4-ju2.ics"
        assert feeds["unit:市商务局"]["file"] == "unit-shi-shang-wu-ju.ics"  # no collision, no tones
        assert not [f for f in feeds.values() if str(f["file"]).removesuffix(".ics")[-2:] in {"-2", "-3"}]

    def test_old_names_keep_working(self, tmp_path: Path) -> None:
        """A directory published with the old names (unit-shi-shui-wu-ju.ics for the water bureau,
        -2 for the tax bureau) moves each to its toned name and keeps the old file as a copy, listed as
        an alias in index.json.
        """
        out = tmp_path / "out"
        write_feeds(PLAN, out)
        manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
        old = {
            "unit-shi4-shui3-wu4-ju2.ics": "unit-shi-shui-wu-ju.ics",
            "unit-shi4-shui4-wu4-ju2.ics": "unit-shi-shui-wu-ju-2.ics",
        }
        for new, former in old.items():  # what a directory written before issue 13 holds
            shutil.move(out / new, out / former)
            manifest["files"][former] = manifest["files"].pop(new)
        (out / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
        write_feeds(PLAN, out)
        feeds = {f["key"]: f for f in json.loads((out / "index.json").read_text(encoding="utf-8"))["feeds"]}
        assert feeds["unit:市水务局"]["file"] == "unit-shi4-shui3-wu4-ju2.ics"
        assert [a["file"] for a in feeds["unit:市水务局"]["aliases"]] == ["unit-shi-shui-wu-ju.ics"]
        assert [a["file"] for a in feeds["unit:市税务局"]["aliases"]] == ["unit-shi-shui-wu-ju-2.ics"]
        for new, former in old.items():
            assert (out / new).read_bytes() == (out / former).read_bytes()
        # and it stays that way: a third run changes nothing
        assert write_feeds(PLAN, out).written == ()
