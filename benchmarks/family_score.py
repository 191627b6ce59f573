"""Score the parser on the real plans of the family kept in ``tests/data/family/real/``.

Each ``<slug>.txt`` is a plan (or the opening of one) as published; its
``<slug>.expected.csv`` lists its tasks as people read them (columns number,
start, lead, responsible, due, plan_year; units and dates separated by
``|``), written without running the parser. Every document is parsed with
plain ``heze_plan.parse(text)``; a task is right when the parse has a task
whose text starts like ``start`` and whose lead units, responsible units
and due dates are the expected sets. A document whose text names no year
while a deadline needs one must be refused with the message that asks for
``year=`` (that is what the parser promises), and its tasks are left out of
the score.

Run ``python -m benchmarks.family_score`` from the repository root: it
prints one row per document and the totals.
"""

from __future__ import annotations

import csv
import sys
import warnings
from collections.abc import Iterable
from pathlib import Path

import attrs

import heze_plan
from heze_plan.parsing.hanzi import to_simplified

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "family" / "real"
_WIDE = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", " ": ""})


def _norm(text: str) -> str:
    return to_simplified(text.translate(_WIDE))[0]


def _set(cell: str) -> frozenset[str]:
    return frozenset(_norm(part) for part in cell.split("|") if part.strip())


@attrs.frozen
class DocumentScore:
    """How one document fared."""

    slug: str
    tasks: int
    right: int
    #: "parsed", "needs year" (refused as promised: no year, undated deadlines) or the error.
    outcome: str
    #: One line per wrong or missing task: number, what differs.
    misses: tuple[str, ...] = ()
    #: One line per task found whose label as printed (``Task.printed_label``) is not the table's
    #: number column: information, not part of the score.
    labels: tuple[str, ...] = ()


def score_document(slug: str, directory: Path = CORPUS) -> DocumentScore:
    """Parse one document and compare its tasks with the expected table."""
    text = (directory / f"{slug}.txt").read_text(encoding="utf-8")
    with (directory / f"{slug}.expected.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            plan = heze_plan.parse(text)
    except heze_plan.ParseError as error:
        if "year=" in str(error) and not any(row["plan_year"] for row in rows):
            return DocumentScore(slug, 0, 0, "needs year")
        return DocumentScore(slug, len(rows), 0, f"error: {error}")
    right = 0
    misses: list[str] = []
    used: set[int] = set()
    labels: list[str] = []
    for row in rows:
        start = _norm(row["start"])[:6]
        task = next(
            (t for t in plan.tasks if t.number not in used and _norm(t.text).startswith(start)),
            None,
        )
        if task is None:
            misses.append(f"{row['number']} {row['start']}: no task starts so")
            continue
        used.add(task.number)
        if _norm(row["number"]).rstrip("、.．") != _norm(task.printed_label):
            labels.append(f"{row['number']}: printed label {task.printed_label!r} (task {task.number})")
        got = (
            frozenset(map(_norm, task.lead_units)),
            frozenset(map(_norm, task.responsible_units)),
            frozenset(m.due.isoformat() for m in task.milestones),
        )
        expected = (
            _set(row["lead"]),
            _set(row["responsible"]),
            frozenset(d for d in row["due"].split("|") if d),
        )
        if got == expected:
            right += 1
        else:
            misses.append(
                f"{row['number']}: lead {sorted(got[0])} vs {sorted(expected[0])}, "
                f"responsible {sorted(got[1])} vs {sorted(expected[1])}, "
                f"due {sorted(got[2])} vs {sorted(expected[2])}"
            )
    return DocumentScore(slug, len(rows), right, "parsed", tuple(misses), tuple(labels))


def slugs(directory: Path = CORPUS) -> list[str]:
    return sorted(path.name.removesuffix(".expected.csv") for path in directory.glob("*.expected.csv"))


def score(directory: Path = CORPUS) -> list[DocumentScore]:
    return [score_document(slug, directory) for slug in slugs(directory)]


def table(scores: Iterable[DocumentScore]) -> str:
    """The scores as a Markdown table with a total row."""
    scores = list(scores)
    lines = ["| document | tasks right | outcome |", "|---|---|---|"]
    for item in scores:
        lines.append(f"| {item.slug} | {item.right}/{item.tasks} | {item.outcome} |")
    right = sum(s.right for s in scores)
    total = sum(s.tasks for s in scores)
    parsed = sum(s.outcome == "parsed" for s in scores)
    lines.append(f"| **total** ({parsed}/{len(scores)} parsed) | **{right}/{total}** | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    verbose = "-v" in (argv if argv is not None else sys.argv[1:])
    scores = score()
    print(table(scores))
    if verbose:
        for item in scores:
            for miss in item.misses:
                print(f"{item.slug} {miss}")
            for label in item.labels:
                print(f"{item.slug} label {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
