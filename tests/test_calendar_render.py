"""``render_feed`` writes, by string formatting, exactly the bytes icalendar writes for ``build_calendar``.

The feed set and ``heze-plan calendar`` publish :func:`render_feed`'s bytes;
:func:`build_calendar` builds the same feed as icalendar objects. The oracle
here is icalendar's own serialisation (``Calendar.to_ical()``), a library
that shares no code with the string writer, over every feed of the set and
every option that changes what an event says; and generated text for the
escapes of RFC 5545 §3.3.11.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import heze_plan
from heze_plan.calendar import to_ical
from heze_plan.calendar.feed import PRODID, Component, FeedOptions, build_calendar, render_feed
from heze_plan.calendar.feed_set import feed_specs
from heze_plan.calendar.revisions import Revisions
from heze_plan.calendar.status_marks import StatusSource
from heze_plan.progress.ledger_files import read_ledger

PLAN = heze_plan.load()
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"
SPECS = feed_specs(PLAN)


def status(as_of: dt.date) -> StatusSource:
    ledger, problems = read_ledger(SAMPLE, PLAN, as_of=as_of)
    assert not problems
    return StatusSource(ledger, as_of)


def both(selection: object, options: FeedOptions, previous: Revisions | None = None) -> tuple[bytes, bytes]:
    """The rendered bytes, and icalendar's serialisation of the objects for the same arguments."""
    rendered = render_feed(PLAN, selection, options, previous).data  # type: ignore[arg-type]
    objects = build_calendar(PLAN, selection, options, previous).to_ical()  # type: ignore[arg-type]
    return rendered, objects


class TestSameBytesAsIcalendar:
    """Every feed, with every option that changes an event, is byte for byte icalendar's serialisation."""

    @pytest.mark.parametrize("spec", SPECS, ids=[s.key for s in SPECS])
    def test_every_feed_of_the_set(self, spec: object) -> None:
        """All 87 feeds of the set as ``heze-plan feeds`` writes them by default."""
        rendered, objects = both([*spec.tasks, *spec.safeguards], spec.options)  # type: ignore[attr-defined]
        assert rendered == objects

    @pytest.mark.parametrize(
        "options",
        [
            FeedOptions(components=Component.BOTH, reminders=(3, 0)),
            FeedOptions(components=Component.TODO, reminders=()),
            FeedOptions(
                base_url="https://x.example/a%20b/", refresh=dt.timedelta(hours=1, minutes=2, seconds=3)
            ),
            FeedOptions(status=status(dt.date(2023, 10, 15)), components=Component.BOTH),
            FeedOptions(status=status(dt.date(2023, 12, 31)), components=Component.TODO),
            FeedOptions(
                name="名称; with, commas\\and\nlines",
                description="说明\\N第二行\r\n第三行",
                revised=dt.datetime(2023, 11, 2, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))),
                refresh=dt.timedelta(days=2, seconds=7),
            ),
        ],
        ids=["both", "todo", "url-refresh", "status-oct", "status-dec", "escapes"],
    )
    def test_options(self, options: FeedOptions) -> None:
        """To-dos with STATUS and COMPLETED, cancelled events, URLs, refresh durations, header escapes."""
        rendered, objects = both(None, options)
        assert rendered == objects

    def test_revised_events(self) -> None:
        """Against an earlier feed: the events whose status changed move to SEQUENCE 1, a second later;
        the bytes still agree, and the revisions reported are the ones icalendar reads back from them.
        """
        october = FeedOptions(status=status(dt.date(2023, 10, 15)), components=Component.BOTH)
        first = render_feed(PLAN, None, october).data
        previous = Revisions.from_ical(first, prodid=PRODID)
        december = FeedOptions(status=status(dt.date(2023, 12, 31)), components=Component.BOTH)
        rendered, objects = both(None, december, previous)
        assert rendered == objects
        feed = render_feed(PLAN, None, december, previous)
        parsed = icalendar.Calendar.from_ical(feed.data)
        events = {str(e["UID"]): int(e["SEQUENCE"]) for e in parsed.walk("VEVENT")}
        todos = {str(e["UID"]): int(e["SEQUENCE"]) for e in parsed.walk("VTODO")}
        assert {r.uid: r.sequence for r in feed.events} == events
        assert {r.uid: r.sequence for r in feed.todos} == todos
        assert 1 in events.values()
        assert 0 in events.values()

    def test_to_ical_agrees(self) -> None:
        """heze_plan's own folding of the objects (``to_ical``) is the same bytes too."""
        calendar = build_calendar(PLAN)
        assert render_feed(PLAN).data == to_ical(calendar) == calendar.to_ical()

    @settings(max_examples=60, deadline=None)
    @example("说明\\N第二行; a,b\\")  # icalendar reads a literal \N as a line break before escaping
    @given(
        st.text(
            alphabet=st.sampled_from([*"ab ;,:\\^Né节点【】、\n\r\t", "𝄞"]),
            min_size=1,
            max_size=200,
        )
    )
    def test_generated_text(self, text: str) -> None:
        """Any name and description (RFC 5545 §3.3.11: "a BACKSLASH character, a SEMICOLON character, a COMMA
        character, and a newline" are escaped) folds and escapes as icalendar does.
        """
        options = FeedOptions(name=text, description=text + "。", reminders=())
        rendered, objects = both([PLAN.task(2)], options)
        assert rendered == objects


class TestWrittenAsText:
    """The published feeds no longer need icalendar's objects, and say nothing the objects would not."""

    def test_reads_back_alike(self) -> None:
        """icalendar reads the rendered whole-plan feed back with its 123 events (121 task milestones and
        the 2 safeguard deadlines of the source), each with DTSTART;VALUE=DATE and an exclusive DTEND
        (RFC 5545 §3.6.1: "the "DTEND" property ... specifies the non-inclusive end of the event").
        """
        parsed = icalendar.Calendar.from_ical(render_feed(PLAN).data)
        events = parsed.walk("VEVENT")
        assert len(events) == 123
        for event in events:
            assert event["DTEND"].dt - event["DTSTART"].dt == dt.timedelta(days=1)
            assert event["DTSTART"].params["VALUE"] == "DATE"

    def test_no_line_over_75_octets(self) -> None:
        """RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break"."""
        data = b"".join(render_feed(PLAN, [*s.tasks, *s.safeguards], s.options).data for s in SPECS[:20])
        assert max(len(line) for line in re.split(rb"\r\n", data)) <= 75

    def test_name_is_text(self) -> None:
        """RFC 7986 §5.1 NAME: "Value Type: TEXT", so a semicolon, comma, backslash or line break in a feed's
        name is escaped (icalendar 7 wrote NAME and X-WR-CALNAME raw, and failed on a line break); vobject,
        which shares no code with either writer, reads the name back as given.
        """
        import vobject

        name = "市商务局; 外贸,外资\\科\n二"
        data = render_feed(PLAN, [PLAN.task(2)], FeedOptions(name=name)).data
        assert b"\r\nNAME:\xe5\xb8\x82\xe5\x95\x86\xe5\x8a\xa1\xe5\xb1\x80\\; \xe5\xa4\x96" in data
        calendar = vobject.readOne(data.decode("utf-8"))
        assert calendar.contents["name"][0].value == name
        assert calendar.contents["x-wr-calname"][0].value == name
