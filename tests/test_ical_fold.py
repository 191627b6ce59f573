"""heze_plan's folding gives icalendar's bytes, faster; and a feed known to be ours reads back the same."""

from __future__ import annotations

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar.parser.string import _foldline

import heze_plan
from heze_plan.calendar import PRODID, Revisions, build_calendar, feed_specs, fold, to_ical
from heze_plan.errors import FeedError

PLAN = heze_plan.load()

#: Characters of every UTF-8 length, and the escapes that must not end a folded line (icalendar #1501).
TEXT = st.text(alphabet=st.sampled_from([*list("ab ;,:\\^é节点【】"), "𝄞"]), max_size=400)


class TestFold:
    """RFC 5545 §3.1 folding, byte for byte as icalendar 7 writes it."""

    @given(TEXT)
    def test_same_as_icalendar(self, text: str) -> None:
        line = "DESCRIPTION:" + text
        assert fold(line) == _foldline(line).encode("utf-8")

    @given(TEXT)
    def test_rfc_limits(self, text: str) -> None:
        """No physical line over 75 octets; unfolding gives the line back; no character is split."""
        folded = fold("X:" + text)
        assert all(len(part) <= 75 for part in folded.split(b"\r\n"))
        assert folded.replace(b"\r\n ", b"").decode("utf-8") == "X:" + text
        for part in folded.split(b"\r\n"):
            part.decode("utf-8")

    def test_every_feed_same_bytes(self) -> None:
        """All 86 feeds: ``to_ical`` equals icalendar's ``Calendar.to_ical()``."""
        for spec in feed_specs(PLAN):
            calendar = build_calendar(PLAN, [*spec.tasks, *spec.safeguards], spec.options)
            assert to_ical(calendar) == calendar.to_ical(), spec.key


class TestOwnFeed:
    """The quick reading of a feed heze-plan wrote finds what the full parser finds."""

    def test_same_revisions(self) -> None:
        for spec in feed_specs(PLAN)[:30]:
            data = to_ical(build_calendar(PLAN, [*spec.tasks, *spec.safeguards], spec.options))
            quick = Revisions.from_own_feed(data, prodid=PRODID)
            full = Revisions.from_ical(data, prodid=PRODID)
            assert [quick[u] for u in quick] == [full[u] for u in full]

    def test_other_program_falls_back(self) -> None:
        """Another PRODID goes through the full reader, which refuses it."""
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//other//EN")
        calendar.add("version", "2.0")
        with pytest.raises(FeedError, match="written by another program"):
            Revisions.from_own_feed(calendar.to_ical(), prodid=PRODID)
