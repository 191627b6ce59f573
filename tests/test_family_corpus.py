"""Real plans of the family, as published, against tables of their tasks written by reading them.

``tests/data/family/real/`` holds plans (or their openings) published by
other governments (SOURCES.md says where each came from and what was
taken); each ``.expected.csv`` was written by people reading the text,
never by running the parser. Every document is parsed with plain
``heze_plan.parse(text)``, no year and no option, as a new user would.
The scoring is :mod:`benchmarks.family_score`, also run as a benchmark.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

import heze_plan
from heze_plan.parsing.findings import Convention

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "data" / "family" / "real"


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("family_score", ROOT / "benchmarks" / "family_score.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["family_score"] = module
    spec.loader.exec_module(module)
    return module


SCORE = _scorer()
SLUGS = SCORE.slugs(CORPUS)
#: Documents of the seventh (blind) batch the parser does not read yet; fixed one by one.
#: 宁波 2014 task 3: in the one-line copy a district table follows `各区政府` after a space, and the
#: spaces are dropped as extraction spaces, so the table runs into the unit's name.
NOT_YET: frozenset[str] = frozenset(
    {
        "ningbo-city-2014-oneline",
    }
)


def _expected_year(slug: str) -> str:
    with (CORPUS / f"{slug}.expected.csv").open(encoding="utf-8", newline="") as handle:
        return next(csv.DictReader(handle))["plan_year"]


class TestCorpus:
    """The corpus is what SOURCES.md says: at least 10 governments, each document with its table."""

    def test_every_text_has_its_table_and_its_source(self) -> None:
        texts = sorted(p.stem for p in CORPUS.glob("*.txt"))
        assert texts == SLUGS
        sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
        assert all(f"| {slug} |" in sources for slug in SLUGS)
        assert len(SLUGS) >= 10


class TestEachDocument:
    """Plain parse(text) reads each document; its tasks have the owners and dates a reader wrote down."""

    @pytest.mark.parametrize("slug", SLUGS)
    def test_document(self, slug: str) -> None:
        if slug in NOT_YET:
            pytest.xfail("seventh blind batch: not read yet")
        result = SCORE.score_document(slug, CORPUS)
        if result.outcome == "needs year":
            # No year anywhere and a 年底前 deadline: the parser must ask for year= (and does).
            assert not _expected_year(slug)
            return
        assert result.outcome == "parsed", result.outcome
        assert result.right == result.tasks, "\n".join(result.misses)

    @pytest.mark.parametrize("slug", SLUGS)
    def test_plan_year(self, slug: str) -> None:
        if slug in NOT_YET:
            pytest.xfail("seventh blind batch: not read yet")
        year = _expected_year(slug)
        text = (CORPUS / f"{slug}.txt").read_text(encoding="utf-8")
        if not year:
            if SCORE.score_document(slug, CORPUS).outcome == "needs year":
                with pytest.raises(heze_plan.ParseError, match=r"pass year="):
                    heze_plan.parse(text)
                return
            # no deadline needs the year: it is assumed, and said so
            report = heze_plan.parse_with_report(text)
            assert Convention.YEAR_ASSUMED in report.conventions
            assert not any(t.milestones for t in report.plan.tasks)
            return
        assert heze_plan.parse_with_report(text).plan.year == int(year)


class TestLenientAgrees:
    """``strict=False`` (what ``inspect`` uses) reads each document as ``strict=True`` does: leniency only
    keeps going where strict would stop, it never trades the tolerant reading for a poorer one (辽宁 2012
    gave 1 task instead of 10 until the Heze-layout reading stopped winning on its skeleton alone)."""

    @pytest.mark.parametrize("slug", SLUGS)
    def test_same_tasks(self, slug: str) -> None:
        text = (CORPUS / f"{slug}.txt").read_text(encoding="utf-8")
        try:
            strict = heze_plan.parse_with_report(text).plan
        except heze_plan.ParseError:
            pytest.skip("strict parse refuses it (the year is asked for)")
        lenient = heze_plan.parse_with_report(text, strict=False).plan
        assert lenient.tasks == strict.tasks


class TestScore:
    """The overall score, the figure reported in docs/parsing.md."""

    def test_score_floor(self) -> None:
        scores = [s for s in SCORE.score(CORPUS) if s.slug not in NOT_YET]
        right = sum(s.right for s in scores)
        total = sum(s.tasks for s in scores)
        print(SCORE.table(scores))
        assert total >= 80
        assert right / total >= 0.97
        assert sum(s.outcome == "parsed" for s in scores) >= len(scores) - 1
