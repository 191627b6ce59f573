"""A real CalDAV server (Radicale) accepts the feeds; a CalDAV client reads every event back unchanged."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest

import heze_plan
from heze_plan.calendar.feed_set import write_feeds

caldav = pytest.importorskip("caldav")

PLAN = heze_plan.load()
USER = "liaison"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Radicale server on 127.0.0.1 with a free port and a temporary storage folder; its URL."""
    storage = tmp_path_factory.mktemp("radicale")
    port = free_port()
    config = storage / "config"
    config.write_text("", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "radicale",
        "--config",
        str(config),
        "--server-hosts",
        f"127.0.0.1:{port}",
        "--storage-filesystem-folder",
        str(storage / "collections"),
        "--auth-type",
        "none",
        "--rights-type",
        "owner_only",
    ]
    server = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    _, errors = server.communicate(timeout=5)
                    pytest.fail(f"Radicale did not start: {errors.decode(errors='replace')[-2000:]}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def connect(url: str) -> Any:
    """A CalDAV client logged in; asking for the principal makes Radicale create the user's home."""
    client = caldav.DAVClient(url=url, username=USER, password="x")
    client.principal()
    return client


def normal(component: icalendar.cal.Component) -> tuple[Any, ...]:
    """A component as (name, sorted property values, sorted subcomponents).

    What it says, not how it is laid out: the server may reorder and refold.
    """
    properties = []
    for name, value in component.property_items(recursive=False):
        if name in {"BEGIN", "END"}:
            continue
        values = value if isinstance(value, list) else [value]
        properties += [(name, v.to_ical().decode("utf-8")) for v in values]
    return (
        component.name,
        tuple(sorted(properties)),
        tuple(sorted(normal(sub) for sub in component.subcomponents)),
    )


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("feeds")
    write_feeds(PLAN, directory)
    return directory


class TestRadicale:
    """Feeds uploaded to Radicale come back, event by event, exactly as written."""

    @pytest.mark.parametrize(
        "name", ["plan.ics", "unit-shi-xing-zheng-shen-pi-fu-wu-ju.ics", "area-01-kai-ban-qi-ye.ics"]
    )
    def test_round_trip(self, radicale: str, feeds: Path, name: str) -> None:
        """PUT the whole feed as a calendar collection, then read every event back with the caldav client."""
        data = (feeds / name).read_bytes()
        written = icalendar.Calendar.from_ical(data)
        expected = {str(e["UID"]): normal(e) for e in written.walk("VEVENT")}
        assert expected  # these feeds have events

        client = connect(radicale)
        url = f"{radicale}{USER}/{name.removesuffix('.ics')}/"
        response = client.put(url, data.decode("utf-8"), {"Content-Type": "text/calendar; charset=utf-8"})
        assert response.status in {200, 201, 204}, response.status

        calendar = client.calendar(url=url)
        found = {}
        for item in calendar.events():
            component = item.icalendar_component
            found[str(component["UID"])] = normal(component)
        assert found == expected

    def test_event_by_uid(self, radicale: str, feeds: Path) -> None:
        """Task 2's 9月底前 event is found by its UID and falls on 2023-09-30, all day."""
        from heze_plan.calendar.entries import milestone_uid

        client = connect(radicale)
        url = f"{radicale}{USER}/by-uid/"
        client.put(url, (feeds / "plan.ics").read_text(encoding="utf-8"), {"Content-Type": "text/calendar"})
        event = client.calendar(url=url).event_by_uid(milestone_uid(PLAN, 2, 1)).icalendar_component
        assert event["DTSTART"].dt.isoformat() == "2023-09-30"
        assert event["DTEND"].dt.isoformat() == "2023-10-01"

    def test_todos(self, radicale: str) -> None:
        """A feed of events and to-dos: the server keeps both; the client reads the to-dos back unchanged."""
        from heze_plan.calendar.feed import Component, FeedOptions, build_calendar

        data = build_calendar(PLAN, [PLAN.task(8)], FeedOptions(components=Component.BOTH)).to_ical()
        expected = {str(t["UID"]): normal(t) for t in icalendar.Calendar.from_ical(data).walk("VTODO")}
        client = connect(radicale)
        url = f"{radicale}{USER}/todos/"
        client.put(url, data.decode("utf-8"), {"Content-Type": "text/calendar; charset=utf-8"})
        calendar = client.calendar(url=url)
        todos = calendar.todos(include_completed=True)
        assert {str(t.icalendar_component["UID"]): normal(t.icalendar_component) for t in todos} == expected
        assert len(calendar.events()) == 2


class TestRadicaleWithStatus:
    """Feeds marked from the sample ledger come back from Radicale unchanged, cancelled and completed too."""

    def test_status_round_trip(self, radicale: str) -> None:
        """Tasks 2 (done), 102 (done late), 149 (dropped), 159 (overdue, in progress) and 8 on 2023-10-15:
        every event and to-do, with its STATUS and COMPLETED, is read back as written.
        """
        import datetime as dt

        from heze_plan.calendar.feed import Component, FeedOptions, StatusSource, build_calendar
        from heze_plan.progress.ledger_files import read_ledger

        sample = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"
        ledger, problems = read_ledger(sample, PLAN, as_of=dt.date(2023, 10, 15))
        assert problems == []
        options = FeedOptions(components=Component.BOTH, status=StatusSource(ledger, dt.date(2023, 10, 15)))
        tasks = [PLAN.task(n) for n in (2, 8, 102, 149, 159)]
        data = build_calendar(PLAN, tasks, options).to_ical()
        written = icalendar.Calendar.from_ical(data)
        events = {str(e["UID"]): normal(e) for e in written.walk("VEVENT")}
        todos = {str(t["UID"]): normal(t) for t in written.walk("VTODO")}
        assert {str(t["STATUS"]) for t in written.walk("VTODO")} == {
            "COMPLETED",
            "CANCELLED",
            "IN-PROCESS",
            "NEEDS-ACTION",
        }
        client = connect(radicale)
        url = f"{radicale}{USER}/status/"
        client.put(url, data.decode("utf-8"), {"Content-Type": "text/calendar; charset=utf-8"})
        calendar = client.calendar(url=url)
        assert {
            str(e.icalendar_component["UID"]): normal(e.icalendar_component) for e in calendar.events()
        } == (events)
        back = calendar.todos(include_completed=True)
        assert {str(t.icalendar_component["UID"]): normal(t.icalendar_component) for t in back} == todos
