"""A second reader's list of every figure in the plan, and what each one is (tests/data/source_figures.csv).

The list was made by reading the whole source text once more, area by area,
beside ``heze-plan targets`` and ``heze-plan show N``: every number, every
Chinese count (两家, 三处, 十大), every comparison (高于, 不低于, 不超过,
稳中有升) and every word of full coverage (全覆盖, 全部实现, 应替尽替, 全天候,
所有, 全量), each with the phrase of the source that holds it and what it
is: a ``target``, or why not (a ``name`` such as 12345热线 or “231”产业, a
``condition`` on whom a rule covers, a ``population`` an action is aimed
at, a ``description``, a ``slogan``, a ``deadline``). Deadline phrases of the
form 9月底前 are left to tests/data/expected_tasks.csv.

The tests hold the parse to the list both ways: a figure found in the text
that no row accounts for fails (so a reader's miss, or a new figure in an
edited text, cannot pass unseen), a ``target`` row must hold a parsed
target and every parsed target must lie in a ``target`` row, and a row that
is not a target must hold none (a name read as a target fails). The scanner
below is this test's own, not the parser's.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import heze_plan
from heze_plan.model.plan import Plan, Target

TABLE = Path(__file__).parent / "data" / "source_figures.csv"
DISPOSITIONS = {"target", "name", "condition", "population", "description", "slogan", "deadline"}

#: Anything a reader would stop at as a figure: Arabic numbers with what follows them, Chinese
#: numerals before a counter, comparisons and the words of full coverage.
SCAN = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?(?:\s*[—\-－~～×至]\s*\d+(?:\.\d+)?)?\s*[万亿]?\s*(?:[%％]|[\u4e00-\u9fff])?"
    r"|[一二两三四五六七八九十百千万]+(?:个|家|项|场|处|类|期|名|人|大|届|年)"
    r"|全覆盖|全部实现|应替尽替|清零|全天候|所有|全量|稳中有[升降]|不低于|不高于|高于|低于|不超过|不少于|至少"
)
#: Deadline phrases (9月底前, 12 月底前, 9月底), checked against tests/data/expected_tasks.csv.
DEADLINE = re.compile(r"\d{1,2}月(?:底前?)?$")


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _owners(plan: Plan) -> Iterator[tuple[str, str, tuple[Target, ...]]]:
    for principle in plan.principles:
        yield f"P{principle.number}", principle.text, principle.targets
    for task in plan.tasks:
        yield str(task.number), task.text, task.targets
    for safeguard in plan.safeguards:
        yield f"S{safeguard.number}", safeguard.text, safeguard.targets


def _spans(text: str, part: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(part)) for m in re.finditer(re.escape(part), text)]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return heze_plan.load()


@pytest.fixture(scope="module")
def rows_by_owner(plan: Plan) -> dict[str, list[tuple[dict[str, str], list[tuple[int, int]]]]]:
    texts = {owner: text for owner, text, _ in _owners(plan)}
    found: dict[str, list[tuple[dict[str, str], list[tuple[int, int]]]]] = {}
    for row in _rows():
        found.setdefault(row["owner"], []).append((row, _spans(texts[row["owner"]], row["quote"])))
    return found


class TestTheList:
    """Each row quotes its owner's text and says what its figure is."""

    def test_rows_quote_the_text(
        self, rows_by_owner: dict[str, list[tuple[dict[str, str], list[tuple[int, int]]]]]
    ) -> None:
        for rows in rows_by_owner.values():
            for row, spans in rows:
                assert spans, f"not in the text of {row['owner']}: {row['quote']!r}"
                assert row["disposition"] in DISPOSITIONS, row
                assert row["note"].strip(), row

    def test_every_figure_is_accounted_for(
        self, plan: Plan, rows_by_owner: dict[str, list[tuple[dict[str, str], list[tuple[int, int]]]]]
    ) -> None:
        missing = []
        for owner, text, _ in _owners(plan):
            spans = [span for _, row_spans in rows_by_owner.get(owner, []) for span in row_spans]
            for match in SCAN.finditer(text):
                if DEADLINE.match(match.group(0)):
                    continue
                if not any(start <= match.start() and match.end() <= end for start, end in spans):
                    missing.append(
                        (owner, match.group(0), text[max(0, match.start() - 10) : match.end() + 6])
                    )
        assert missing == []


class TestTheParse:
    """The parse agrees with the list: targets where the reader found them, none elsewhere."""

    def test_targets_lie_in_target_rows_and_nowhere_else(
        self, plan: Plan, rows_by_owner: dict[str, list[tuple[dict[str, str], list[tuple[int, int]]]]]
    ) -> None:
        for owner, text, targets in _owners(plan):
            rows = rows_by_owner.get(owner, [])
            holding: dict[int, list[Target]] = {}
            for target in targets:
                places = _spans(text, target.phrase)
                inside = [
                    index
                    for index, (_, spans) in enumerate(rows)
                    if any(s <= p and e <= q for p, e in places for s, q in spans)
                ]
                assert inside, f"{owner}: target {target.phrase!r} is in no row of the list"
                for index in inside:
                    holding.setdefault(index, []).append(target)
                kinds = {rows[i][0]["disposition"] for i in inside}
                assert kinds == {"target"}, f"{owner}: target {target.phrase!r} lies in a row of {kinds}"
            for index, (row, _) in enumerate(rows):
                if row["disposition"] == "target":
                    assert holding.get(index), f"{owner}: the reader's target {row['quote']!r} was not parsed"
