"""The output helper: what ``-o`` does to each kind of target, and that nothing temporary stays behind."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from heze_plan.common.files import is_stale, remove_stale, temporary_name, write_output
from heze_plan.errors import HezePlanError, OutputError

SRC = str(Path(__file__).resolve().parents[1] / "src")


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


class TestRegularFiles:
    """A regular file is replaced atomically, keeps its permissions, and no temporary stays."""

    def test_new_file_and_parents(self, tmp_path: Path) -> None:
        """A new file in missing directories is created with the content, mode 0644."""
        target = tmp_path / "a" / "b" / "out.ics"
        assert write_output(target, "日历\n") == target
        assert target.read_bytes() == "日历\n".encode()
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        assert leftovers(target.parent) == []

    def test_replace_is_a_new_inode_and_keeps_mode(self, tmp_path: Path) -> None:
        """Replacing renames a new file over the old one (a reader holding the old file keeps it whole)."""
        target = tmp_path / "out.txt"
        target.write_text("old", encoding="utf-8")
        target.chmod(0o600)
        with target.open("rb") as reader:
            write_output(target, b"new")
            assert reader.read() == b"old"
        assert target.read_bytes() == b"new"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600

    def test_failure_leaves_old_file_and_no_temporary(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """When the rename fails (here: permission denied), the old file is intact and the error names it."""
        target = tmp_path / "out.txt"
        target.write_text("old", encoding="utf-8")

        def refuse(*_: object) -> None:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(os, "replace", refuse)
        with pytest.raises(OutputError) as caught:
            write_output(target, b"new")
        assert caught.value.errno == errno.EACCES
        assert str(caught.value) == f"cannot write {target}: Permission denied"
        assert isinstance(caught.value, HezePlanError)
        assert target.read_bytes() == b"old"
        assert leftovers(tmp_path) == []

    def test_interrupt_leaves_no_temporary(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Ctrl-C in the middle of writing removes the temporary file."""

        def interrupt(*_: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupt)
        with pytest.raises(KeyboardInterrupt):
            write_output(tmp_path / "out.txt", b"data")
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only directory")
    def test_read_only_directory(self, tmp_path: Path) -> None:
        """A directory without write permission: OutputError with EACCES, naming the file."""
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        try:
            with pytest.raises(OutputError) as caught:
                write_output(folder / "x.ics", b"x")
            assert caught.value.errno == errno.EACCES
        finally:
            folder.chmod(0o755)


class TestSpecialTargets:
    """Links are written through, devices and FIFOs in place, directories refused."""

    def test_symlink_written_through(self, tmp_path: Path) -> None:
        """``-o link.ics`` updates the file the link points to; the link stays a link."""
        real = tmp_path / "real.ics"
        real.write_bytes(b"old")
        link = tmp_path / "link.ics"
        link.symlink_to(real.name)
        write_output(link, b"new")
        assert link.is_symlink()
        assert os.readlink(link) == real.name
        assert real.read_bytes() == b"new"
        assert leftovers(tmp_path) == []

    def test_chain_of_links_to_a_new_file(self, tmp_path: Path) -> None:
        """A link to a link to a file that does not exist yet creates that file."""
        (tmp_path / "second").symlink_to("real.ics")
        (tmp_path / "first").symlink_to("second")
        write_output(tmp_path / "first", b"x")
        assert (tmp_path / "real.ics").read_bytes() == b"x"
        assert (tmp_path / "first").is_symlink()
        assert (tmp_path / "second").is_symlink()

    def test_fifo_gets_the_data(self, tmp_path: Path) -> None:
        """A FIFO's reader receives all the data, and the FIFO is still a FIFO afterwards."""
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
        reader.start()
        data = "节点".encode() * 50_000  # more than a pipe buffer
        write_output(fifo, data)
        reader.join(timeout=30)
        assert received == [data]
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        assert leftovers(tmp_path) == []

    def test_dev_null_stays_a_device(self) -> None:
        """``/dev/null`` is written in place: it is a character device afterwards."""
        assert write_output("/dev/null", b"x") == Path("/dev/null")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
    def test_dev_full_is_disk_full(self) -> None:
        """``/dev/full`` answers every write with ENOSPC: an OutputError naming it, the device untouched."""
        with pytest.raises(OutputError) as caught:
            write_output("/dev/full", b"x" * 10_000)
        assert caught.value.errno == errno.ENOSPC
        assert str(caught.value) == "cannot write /dev/full: No space left on device"
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)

    def test_directory_refused(self, tmp_path: Path) -> None:
        """A directory is refused in one message, and nothing is created inside it."""
        with pytest.raises(OutputError) as caught:
            write_output(tmp_path, b"x")
        assert caught.value.errno == errno.EISDIR
        assert str(caught.value) == f"cannot write {tmp_path}: is a directory; give a file name"
        assert list(tmp_path.iterdir()) == []

    def test_link_to_directory_refused(self, tmp_path: Path) -> None:
        """A link to a directory is a directory too."""
        (tmp_path / "d").mkdir()
        (tmp_path / "l").symlink_to("d")
        with pytest.raises(OutputError):
            write_output(tmp_path / "l", b"x")

    def test_dash_is_stdout(self, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
        """``-`` writes to standard output and creates no file named ``-``."""
        assert write_output("-", "日历".encode()) is None
        assert capfdbinary.readouterr().out == "日历".encode()
        assert not Path("-").exists()


class TestStaleTemporaries:
    """Temporaries carry their process id; those of dead processes are removed by the next write."""

    def test_killed_writer_cleaned_up(self, tmp_path: Path) -> None:
        """A process killed with SIGKILL while writing leaves a temporary; the next write removes it."""
        script = (
            "import os, sys\n"
            "from heze_plan.common import files\n"
            "os.fsync = lambda fd: (print('writing', flush=True), __import__('time').sleep(60))\n"
            f"files.write_output({str(tmp_path / 'out.txt')!r}, b'x' * 1000)\n"
        )
        process = subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": SRC}
        )
        assert process.stdout is not None
        assert process.stdout.readline() == b"writing\n"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        left = leftovers(tmp_path)
        assert len(left) == 1
        assert is_stale(left[0])
        write_output(tmp_path / "out.txt", b"done")
        assert leftovers(tmp_path) == []
        assert (tmp_path / "out.txt").read_bytes() == b"done"

    def test_sigterm_cleans_up(self, tmp_path: Path) -> None:
        """The command line turns SIGTERM into an exception: the temporary is removed, exit status 143."""
        script = (
            "import os, sys, time\n"
            "from heze_plan.common import files\n"
            "from heze_plan import cli\n"
            "def slow(fd):\n"
            "    print('writing', flush=True)\n"
            "    time.sleep(60)\n"
            "os.fsync = slow\n"
            f"sys.exit(cli.main(['export', '-o', {str(tmp_path / 'plan.json')!r}]))\n"
        )
        process = subprocess.Popen(
            [sys.executable, "-c", script],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": SRC},
        )
        assert process.stdout is not None
        assert process.stdout.readline() == b"writing\n"
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
        assert process.returncode == 143
        assert err.decode() == "heze-plan: stopped by signal SIGTERM\n"
        assert list(tmp_path.iterdir()) == []

    def test_live_and_foreign_names_kept(self, tmp_path: Path) -> None:
        """Only temporaries of dead processes go: this process's, and files of other shapes, stay."""
        mine = temporary_name("a.ics")
        (tmp_path / mine).write_bytes(b"")
        (tmp_path / ".notes.tmp").write_bytes(b"")
        (tmp_path / ".a.ics.heze-plan-notapid.tmp").write_bytes(b"")
        dead = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
        )
        ghost = f".a.ics.heze-plan-{int(dead.stdout)}-0123abcd.tmp"
        (tmp_path / ghost).write_bytes(b"")
        time.sleep(0.05)
        assert remove_stale(tmp_path) == [ghost]
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [mine, ".notes.tmp", ".a.ics.heze-plan-notapid.tmp"]
        )
