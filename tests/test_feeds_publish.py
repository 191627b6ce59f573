"""Feeds are published all or nothing: a killed run leaves the previous set or the new one, never a mix."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import heze_plan
from heze_plan.calendar.feed import FeedOptions
from heze_plan.calendar.feed_set import write_feeds
from heze_plan.calendar.manifest import MANIFEST_NAME

SRC = str(Path(__file__).resolve().parents[1] / "src")
ENV = {**os.environ, "PYTHONPATH": SRC}
PLAN = heze_plan.load()
#: The two alternating runs: every feed of events, or every feed of to-dos.
RUNS = (["--components", "event"], ["--components", "todo"])


def generation(directory: Path) -> str:
    """Check that ``directory`` is one whole published set; return which run wrote it.

    The manifest lists exactly the files present, each with the SHA-256 of
    its content; the feeds hold all events (VEVENT) or all to-dos (VTODO);
    nothing temporary is inside.
    """
    manifest = json.loads((directory / MANIFEST_NAME).read_text(encoding="utf-8"))
    present = sorted(p.name for p in directory.iterdir() if p.name != MANIFEST_NAME)
    assert present == sorted(manifest["files"]), "files and manifest differ"
    for name, entry in manifest["files"].items():
        assert hashlib.sha256((directory / name).read_bytes()).hexdigest() == entry["sha256"], name
    kinds = {
        kind
        for path in directory.glob("*.ics")
        for kind in ("event", "todo")
        if f"BEGIN:V{kind.upper()}".encode() in path.read_bytes()
    }
    assert len(kinds) == 1, f"feeds of different runs: {kinds}"
    return kinds.pop()


class TestKilledRuns:
    """``feeds`` killed with SIGKILL at 15 moments of its run."""

    def test_sigkill_at_many_moments(self, tmp_path: Path) -> None:
        """After every kill the directory is one consistent set (the old or the new); a later run
        completes and leaves nothing temporary beside or inside it.
        """
        out = tmp_path / "out"
        start = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "heze_plan.cli", "feeds", str(out), *RUNS[0]],
            env=ENV,
            check=True,
            capture_output=True,
        )
        duration = time.monotonic() - start  # a whole run, the kills spread over 15% to 115% of it
        seen = {generation(out)}
        killed = 0
        for attempt in range(15):
            delay = duration * (0.15 + attempt / 14)
            wanted = RUNS[(attempt + 1) % 2]
            process = subprocess.Popen(
                [sys.executable, "-m", "heze_plan.cli", "feeds", str(out), *wanted],
                env=ENV,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
            killed += process.returncode == -signal.SIGKILL
            seen.add(generation(out))
        # On a machine slower or faster than the first run suggested, the kills may all fall on one
        # side of the swap; later kills, bounded in number, make sure a new set was published too.
        for extra in range(10):
            if seen == {"event", "todo"}:
                break
            process = subprocess.Popen(
                [sys.executable, "-m", "heze_plan.cli", "feeds", str(out), *RUNS[1]],
                env=ENV,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(duration * (1.2 + 0.4 * extra))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
            seen.add(generation(out))
        assert killed >= 5, "too few runs were killed before they finished"
        assert seen == {"event", "todo"}, "no killed run ever published (or none kept the old set)"
        subprocess.run(
            [sys.executable, "-m", "heze_plan.cli", "feeds", str(out), *RUNS[1]],
            env=ENV,
            check=True,
            capture_output=True,
        )
        assert generation(out) == "todo"
        assert [p.name for p in tmp_path.iterdir()] == ["out"]
        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


class TestStaging:
    """What stays and what goes when the set is swapped."""

    def test_unchanged_files_keep_inode_and_mtime(self, tmp_path: Path) -> None:
        """A file whose content does not change is the same file after a run that changes others."""
        out = tmp_path / "out"
        write_feeds(PLAN, out)
        stale = out / "area-01-kai-ban-qi-ye.ics"
        before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.iterdir()}
        (out / "notes.txt").write_text("mine", encoding="utf-8")
        (out / "sub").mkdir()
        (out / "sub" / "a.txt").write_text("a", encoding="utf-8")
        (out / "link").symlink_to("notes.txt")
        write_feeds(PLAN, out, options=FeedOptions(reminders=(3,)))
        after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.iterdir()}
        assert stale.exists()
        empty = [n for n in before if n.endswith(".ics") and b"VALARM" not in (out / n).read_bytes()]
        assert empty, "some feeds have no event, so no reminder to change"
        for name in empty:
            assert after[name] == before[name], name
        assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
        assert (out / "sub" / "a.txt").read_text(encoding="utf-8") == "a"
        assert os.readlink(out / "link") == "notes.txt"
        assert [p.name for p in tmp_path.iterdir()] == ["out"]

    def test_nothing_changed_nothing_touched(self, tmp_path: Path) -> None:
        """A second identical run changes no file, not even the directory's modification time."""
        out = tmp_path / "out"
        write_feeds(PLAN, out)
        stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
        directory = (out.stat().st_ino, out.stat().st_mtime_ns)
        report = write_feeds(PLAN, out)
        assert report.written == ()
        assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps
        assert (out.stat().st_ino, out.stat().st_mtime_ns) == directory

    def test_old_temporaries_removed(self, tmp_path: Path) -> None:
        """Temporaries that heze-plan 0.x left after a kill (``.plan.ics.k3j_x9a2.tmp``) go at the next
        publish; a file of that shape that is not ours stays.
        """
        out = tmp_path / "out"
        write_feeds(PLAN, out)
        (out / ".plan.ics.k3j_x9a2.tmp").write_bytes(b"half")
        (out / ".mine.txt.abcdefgh.tmp").write_bytes(b"mine")
        write_feeds(PLAN, out, options=FeedOptions(reminders=(2,)))
        assert not (out / ".plan.ics.k3j_x9a2.tmp").exists()
        assert (out / ".mine.txt.abcdefgh.tmp").read_bytes() == b"mine"

    @pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the exchange is Linux's renameat2")
    def test_directory_mode_kept(self, tmp_path: Path) -> None:
        """The published directory keeps its permissions across the swap."""
        out = tmp_path / "out"
        write_feeds(PLAN, out)
        out.chmod(0o750)
        write_feeds(PLAN, out, options=FeedOptions(reminders=(2,)))
        assert out.stat().st_mode & 0o777 == 0o750
