"""No traceback, ever: every command under every fault ends with one line naming what failed.

Each command runs in a real process (``python -m heze_plan.cli``) with its
standard output on ``/dev/full`` (every write fails with ENOSPC), closed
(``>&-``), or a pipe whose reader is gone (``| head -1`` after head exits:
EPIPE); with outputs that cannot be written; and interrupted with SIGINT
(Ctrl-C) while writing feeds.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")
ENV = {**os.environ, "PYTHONPATH": SRC, "PYTHONIOENCODING": "utf-8"}
CLI = [sys.executable, "-m", "heze_plan.cli"]


def commands(work: Path) -> dict[str, list[str]]:
    """Every command of ``heze-plan --help``, with the arguments it needs."""
    ledger = work / "台账.csv"
    return {
        "summary": ["summary"],
        "tasks": ["tasks"],
        "show": ["show", "8"],
        "units": ["units"],
        "areas": ["areas"],
        "targets": ["targets"],
        "timeline": ["timeline"],
        "calendar": ["calendar"],
        "feeds": ["feeds", str(work / "feeds")],
        "check": ["check"],
        "export": ["export"],
        "ledger init": ["ledger", "init", "--force", str(work / "new.csv")],
        "ledger check": ["ledger", "check", "--as-of", "2023-10-15", str(ledger)],
        "report": ["report", "--ledger", str(ledger), "--as-of", "2023-10-15"],
    }


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("faults")
    subprocess.run(
        [*CLI, "ledger", "init", str(directory / "台账.csv")], env=ENV, check=True, capture_output=True
    )
    return directory


def no_traceback(err: str) -> None:
    assert "Traceback" not in err
    assert "Exception ignored" not in err


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("heze-plan: error:")]


NAMES = list(commands(Path()))


class TestStandardOutputFaults:
    """A full disk, a closed standard output and a broken pipe, for every command."""

    @pytest.mark.parametrize("name", NAMES)
    def test_disk_full(self, work: Path, name: str) -> None:
        """Standard output on /dev/full: exit status 2 and exactly one line saying so."""
        with open("/dev/full", "wb") as full:
            result = subprocess.run(
                [*CLI, *commands(work)[name]], stdout=full, stderr=subprocess.PIPE, env=ENV, check=False
            )
        err = result.stderr.decode()
        no_traceback(err)
        assert result.returncode == 2, err
        assert error_lines(err) == ["heze-plan: error: cannot write standard output: No space left on device"]

    @pytest.mark.parametrize("name", NAMES)
    def test_closed(self, work: Path, name: str) -> None:
        """Standard output closed (``>&-``): exit status 2, one line, nothing else written."""
        result = subprocess.run(
            ["sh", "-c", '"$0" "$@" >&-', *CLI, *commands(work)[name]],
            stderr=subprocess.PIPE,
            env=ENV,
            check=False,
        )
        err = result.stderr.decode()
        no_traceback(err)
        assert result.returncode == 2, err
        assert err == "heze-plan: error: standard output is closed; redirect it to a file or to /dev/null\n"

    @pytest.mark.parametrize("name", NAMES)
    def test_broken_pipe(self, work: Path, name: str) -> None:
        """The pipe's reader has gone (as after ``| head -1``): quiet, exit status 0, no traceback."""
        read, write = os.pipe()
        os.close(read)
        try:
            result = subprocess.run(
                [*CLI, *commands(work)[name]], stdout=write, stderr=subprocess.PIPE, env=ENV, check=False
            )
        finally:
            os.close(write)
        err = result.stderr.decode()
        no_traceback(err)
        assert result.returncode in (0, 1), err  # check exits 1 with findings; none here
        assert error_lines(err) == []

    def test_head(self) -> None:
        """``heze-plan tasks | head -1`` in a real shell: the first line, then a quiet end."""
        result = subprocess.run(
            ["sh", "-c", '"$0" "$@" | head -1', *CLI, "tasks", "--format", "json"],
            capture_output=True,
            env=ENV,
            check=False,
        )
        no_traceback(result.stderr.decode())
        assert result.stdout.decode() == "[\n"


class TestOutputFaults:
    """Outputs that cannot be written: a directory, a path under a file, a full device."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["export", "-o", "{dir}"],
            ["calendar", "-o", "{dir}"],
            ["report", "--ledger", "{ledger}", "--as-of", "2023-10-15", "-o", "{dir}"],
            ["ledger", "init", "--force", "{dir}"],
        ],
    )
    def test_directory_as_output(self, work: Path, argv: list[str]) -> None:
        """A directory given as the output: one line naming it, exit status 2, the directory untouched."""
        target = work / "a directory"
        target.mkdir(exist_ok=True)
        filled = [a.format(dir=target, ledger=work / "台账.csv") for a in argv]
        result = subprocess.run([*CLI, *filled], capture_output=True, env=ENV, check=False)
        err = result.stderr.decode()
        no_traceback(err)
        assert result.returncode == 2
        assert error_lines(err) == [
            f"heze-plan: error: cannot write {target}: is a directory; give a file name"
        ]
        assert list(target.iterdir()) == []

    def test_feeds_under_a_file(self, work: Path) -> None:
        """``feeds`` into a path below a regular file: one line naming the directory."""
        (work / "plain").write_text("x", encoding="utf-8")
        result = subprocess.run(
            [*CLI, "feeds", str(work / "plain" / "out")], capture_output=True, env=ENV, check=False
        )
        err = result.stderr.decode()
        no_traceback(err)
        assert result.returncode == 2
        assert len(error_lines(err)) == 1
        assert str(work / "plain") in err

    @pytest.mark.parametrize("name", ["export", "calendar"])
    def test_device_full(self, name: str) -> None:
        """``-o /dev/full``: the device stays a device; one line naming it."""
        result = subprocess.run([*CLI, name, "-o", "/dev/full"], capture_output=True, env=ENV, check=False)
        err = result.stderr.decode()
        no_traceback(err)
        assert result.returncode == 2
        assert err == "heze-plan: error: cannot write /dev/full: No space left on device\n"

    @pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
    def test_read_only_directory(self, work: Path) -> None:
        """A read-only directory: permission denied, in one line naming the file."""
        folder = work / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        try:
            result = subprocess.run(
                [*CLI, "export", "-o", str(folder / "x.json")], capture_output=True, env=ENV, check=False
            )
            err = result.stderr.decode()
            no_traceback(err)
            assert error_lines(err) == [
                f"heze-plan: error: cannot write {folder / 'x.json'}: Permission denied"
            ]
        finally:
            folder.chmod(0o755)


class TestBadArguments:
    """Bad arguments end in one error line (argparse's usage line above it), exit status 2."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["tasks", "--due-before", "someday"],
            ["show", "999"],
            ["tasks", "--unit", "市不存在局"],
            ["calendar", "--remind", "x"],
            ["report", "--ledger", "/nonexistent.csv", "--as-of", "2023-10-15"],
            ["feeds", "/tmp", "--base-url", "ftp://x"],
            ["nosuchcommand"],
        ],
    )
    def test_one_line(self, argv: list[str]) -> None:
        """Each is one ``error:`` line."""
        result = subprocess.run([*CLI, *argv], capture_output=True, env=ENV, check=False)
        err = result.stderr.decode()
        no_traceback(err)
        assert result.returncode == 2, err
        assert len([line for line in err.splitlines() if "error:" in line]) == 1, err


def interrupted_runs(tmp_path: Path) -> Iterator[tuple[float, int, str]]:
    """Runs of ``feeds`` interrupted while they write, ``delay`` s after their staging directory appears.

    The moment is taken from the run itself, not from the clock of the machine: a fixed delay
    after the start lands in Python's own start-up on a loaded machine (where no program can
    catch Ctrl-C) and after the end on a fast one.
    """
    for delay in (0.0, 0.02, 0.05, 0.1):
        out = tmp_path / "out"
        shutil.rmtree(out, ignore_errors=True)  # what the run before left: not this run's directory
        process = subprocess.Popen(
            [*CLI, "feeds", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV
        )
        while not any(tmp_path.iterdir()) and process.poll() is None:  # the staging directory
            time.sleep(0.001)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        yield delay, process.returncode, err.decode()


class TestInterrupt:
    """Ctrl-C during ``feeds``: one line, exit status 130, nothing temporary left."""

    def test_sigint_during_feeds(self, tmp_path: Path) -> None:
        """At every moment tried, the run either finished (0) or said ``interrupted`` (130) and cleaned up."""
        outcomes = []
        for delay, status, err in interrupted_runs(tmp_path):
            no_traceback(err)
            assert (status, err) in ((0, ""), (130, "heze-plan: interrupted\n")), (delay, status, err)
            outcomes.append(status)
            assert [p.name for p in tmp_path.iterdir()] in ([], ["out"])
            if (tmp_path / "out").exists():
                assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]
        assert 130 in outcomes
