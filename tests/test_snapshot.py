"""The shipped snapshot of the embedded plan is exactly the parse of the shipped source."""

from __future__ import annotations

import pickle

import pytest

import heze_plan
from heze_plan import _snapshot
from heze_plan.errata import shipped_errata

REBUILD = "the snapshot is stale: rebuild it with `python -m heze_plan._snapshot` and commit it"


class TestSnapshot:
    """load() serves the snapshot only while it matches the source, the tables and the code."""

    def test_snapshot_is_fresh(self) -> None:
        assert _snapshot.read() is not None, REBUILD

    def test_snapshot_equals_the_parse_of_the_source(self) -> None:
        parsed = heze_plan.parse(heze_plan.source_text(), errata=shipped_errata())
        assert _snapshot.read() == parsed
        assert heze_plan.load() == parsed

    def test_a_changed_input_is_not_served(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # another file among the inputs changes the fingerprint, as an edit of one would
        monkeypatch.setattr(_snapshot, "INPUTS", (*_snapshot.INPUTS, "render.py"))
        assert _snapshot.read() is None

    def test_the_key_is_the_fingerprint(self) -> None:
        data = _snapshot._read_bytes(_snapshot.SNAPSHOT)
        key, plan = pickle.loads(data)
        assert key == _snapshot.fingerprint()
        assert len(plan.tasks) == 195
