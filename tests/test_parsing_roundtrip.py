"""Property tests of the parser: generated plans survive extraction noise; no input crashes it.

A generated plan of the family is written as text with what real
extractions do to it (see ``plan_texts`` in ``tests/strategies.py``) and
parsed back: everything the text carries comes back equal. Arbitrary text,
bytes and mutations of the real source (truncations, lines deleted,
duplicated or swapped, characters swapped) either parse or raise
:class:`~heze_plan.ParseError`, nothing else.
"""

from __future__ import annotations

import contextlib
import warnings

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import heze_plan
from heze_plan import ParseError, parse, parse_with_report
from heze_plan.parsing.obligations import with_obligations
from heze_plan.parsing.readings import apply_readings, shipped_readings
from heze_plan.parsing.units import known_units
from heze_plan.parsing.writer import to_text

from .strategies import plan_texts

SOURCE = heze_plan.source_text()
SOURCE_LINES = SOURCE.split("\n")


def _carried(plan: heze_plan.Plan) -> heze_plan.Plan:
    """The plan without what the text does not carry: unit kinds and aliases (the registry's), errata.

    The safeguards' obligations, the principles' targets and the tasks' provincial clauses are
    read from their texts by rules tested on their own (test_obligations.py, test_targets.py,
    test_provincial.py); the generator states none of them, nor the milestones' flags.
    """
    units = tuple(heze_plan.Unit(name=u.name, kind=heze_plan.UnitKind.COLLECTIVE) for u in plan.units)
    return attrs.evolve(
        plan,
        units=units,
        errata=(),
        safeguards=tuple(attrs.evolve(s, obligations=()) for s in plan.safeguards),
        principles=tuple(attrs.evolve(p, targets=()) for p in plan.principles),
        tasks=tuple(
            attrs.evolve(
                t,
                provincial_clauses=(),
                milestones=tuple(
                    attrs.evolve(
                        m, per_provincial_arrangement=False, printed_phrase=None, printed_deliverable=None
                    )
                    for m in t.milestones
                ),
            )
            for t in plan.tasks
        ),
    )


class TestRoundTrip:
    """A plan written as a noisy extraction parses back to the same plan."""

    @given(plan_texts())
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    def test_noisy_text_parses_back(self, case: tuple[heze_plan.Plan, str]) -> None:
        expected, text = case
        report = parse_with_report(text)
        assert report.findings == ()
        assert _carried(report.plan) == expected

    def test_the_embedded_plan_renders_and_parses_back(self) -> None:
        # the readings of data/readings.json are the embedded plan's decisions, not in its text
        plan = heze_plan.load()
        again = with_obligations(
            apply_readings(parse(to_text(plan), registry=known_units()), shipped_readings())
        )
        assert attrs.evolve(again, errata=plan.errata) == plan


def _parses_or_parse_error(text: str | bytes, *, strict: bool = True) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.suppress(ParseError):
            parse(text, strict=strict)


class TestFuzz:
    """Nothing but ParseError escapes the parser, strict or lenient."""

    @given(st.text(), st.booleans())
    def test_arbitrary_text(self, text: str, strict: bool) -> None:
        _parses_or_parse_error(text, strict=strict)

    @given(st.binary(), st.booleans())
    def test_arbitrary_bytes(self, data: bytes, strict: bool) -> None:
        _parses_or_parse_error(data, strict=strict)

    @given(
        st.lists(st.sampled_from([*SOURCE_LINES[20:120], "一、重点任务", "（一）开办企业。", "1. 做事。"]))
    )
    def test_lines_of_the_source_in_any_order(self, lines: list[str]) -> None:
        _parses_or_parse_error("\n".join(SOURCE_LINES[:20] + lines), strict=False)

    @given(st.data(), st.booleans())
    @settings(max_examples=60)
    def test_mutations_of_the_source(self, data: st.DataObject, strict: bool) -> None:
        lines = list(SOURCE_LINES)
        for _ in range(data.draw(st.integers(1, 4))):
            kind = data.draw(st.sampled_from(["truncate", "delete", "duplicate", "swap-lines", "swap-chars"]))
            at = data.draw(st.integers(0, len(lines) - 1))
            if kind == "truncate":
                cut = data.draw(st.integers(0, len(lines[at])))
                lines = [*lines[:at], lines[at][:cut]]
            elif kind == "delete":
                del lines[at]
            elif kind == "duplicate":
                lines.insert(at, lines[at])
            elif kind == "swap-lines":
                other = data.draw(st.integers(0, len(lines) - 1))
                lines[at], lines[other] = lines[other], lines[at]
            elif len(lines[at]) > 1:
                i = data.draw(st.integers(0, len(lines[at]) - 2))
                line = lines[at]
                lines[at] = line[:i] + line[i + 1] + line[i] + line[i + 2 :]
            if not lines:
                lines = [""]
        _parses_or_parse_error("\n".join(lines), strict=strict)

    @given(plan_texts(max_tasks=3), st.data())
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    def test_generated_plans_with_characters_replaced(
        self, case: tuple[heze_plan.Plan, str], data: st.DataObject
    ) -> None:
        _, text = case
        for _ in range(data.draw(st.integers(1, 5))):
            at = data.draw(st.integers(0, len(text) - 1))
            text = (
                text[:at]
                + data.draw(st.sampled_from("（）()：:；;，,、。1.．\n 一十年月底前内全"))
                + text[at + 1 :]
            )
        _parses_or_parse_error(text, strict=data.draw(st.booleans()))
