"""A ledger written as xlsx, CSV or JSON and read back gives the same rows: the formats lose nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from heze_plan.progress.ledger import Ledger
from heze_plan.progress.ledger_files import load_ledger, write_ledger

from .strategies import PLAN, ledgers

pytest.importorskip("openpyxl")


class TestRoundTrip:
    """``load_ledger(write_ledger(x)) == x`` for every format, rounds, units, notes and sources included."""

    @pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
    @given(ledger=ledgers())
    def test_round_trip(self, fmt: str, ledger: Ledger) -> None:
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / f"merged.{fmt}"
            path.write_bytes(write_ledger(PLAN, ledger, fmt))
            read = load_ledger(path, PLAN)
        assert read.problems == ()
        assert read.ledger == ledger
