"""The embedded plan: parsed in a checkout, read from the JSON snapshot a built wheel carries.

Expected values here are the parse of the shipped source (the snapshot must
be exactly that) and the wheel's contents; 195/195 tasks against the source
are checked by ``tests/test_parsing_expected_table.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import heze_plan
from heze_plan import _embedded, data
from heze_plan.common import workdays

ROOT = Path(__file__).parent.parent


class TestSnapshot:
    """A snapshot is the JSON export of the parse, served only while its inputs are the shipped ones."""

    def test_snapshot_reads_back_equal_to_the_parse(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        parsed = _embedded.parse_embedded()
        (tmp_path / data.SNAPSHOT).write_text(_embedded.snapshot_json(parsed), encoding="utf-8")
        for name in data.SHIPPED:
            (tmp_path / name).write_text(data.read_text(name), encoding="utf-8")
        monkeypatch.setattr(data, "_HERE", str(tmp_path))
        assert _embedded._read_snapshot() == parsed

    def test_a_snapshot_of_other_inputs_is_not_served(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        document = json.loads(_embedded.snapshot_json(heze_plan.load()))
        document["inputs"] = "0" * 64  # made from another text, errata or registry
        (tmp_path / data.SNAPSHOT).write_text(json.dumps(document), encoding="utf-8")
        for name in data.SHIPPED:
            (tmp_path / name).write_text(data.read_text(name), encoding="utf-8")
        monkeypatch.setattr(data, "_HERE", str(tmp_path))
        assert _embedded._read_snapshot() is None

    def test_the_digest_covers_every_shipped_file(self) -> None:
        """A data file added without joining SHIPPED would change the plan without changing the key."""
        directory = Path(data.__file__).parent
        files = {p.name for p in directory.iterdir() if p.is_file() and p.suffix not in {".py", ".pyc"}}
        assert files - {data.SNAPSHOT, data.WORKDAYS} == set(data.SHIPPED)

    def test_a_checkout_has_no_snapshot_and_parses(self) -> None:
        assert not (Path(data.__file__).parent / data.SNAPSHOT).exists()
        assert _embedded._read_snapshot() is None
        assert len(heze_plan.load().tasks) == 195

    def test_no_binary_file_in_the_package_sources(self) -> None:
        tracked = subprocess.run(
            ["git", "ls-files", "src"], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.split()
        if not tracked:
            pytest.skip("not a git checkout")
        assert not [name for name in tracked if name.endswith((".pickle", ".pkl", ".bin"))]


class TestWheel:
    """A wheel built from this tree carries the snapshot, and an install of it serves the same plan."""

    def test_the_wheel_carries_the_snapshot_of_this_tree(self, tmp_path: Path) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            pytest.skip(f"cannot build a wheel here: {result.stderr.strip()[-300:]}")
        (wheel,) = tmp_path.glob("*.whl")
        with zipfile.ZipFile(wheel) as archive:
            document = json.loads(archive.read("heze_plan/data/heze-2023-plan.json"))
            days = archive.read("heze_plan/data/china-workdays.json").decode("utf-8")
        assert document["inputs"] == data.inputs_digest()
        assert document["plan"] == json.loads(_embedded.snapshot_json(heze_plan.load()))["plan"]
        # China's working days as the holidays package of the build knows them (the same release here)
        assert json.loads(days) == json.loads(workdays.snapshot_json())
