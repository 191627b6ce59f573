"""Writing output files so that nothing the user points the tool at is harmed.

Every ``-o FILE`` of the command line goes through :func:`write_output`
(:func:`write_atomic` is the same function under its older name):

- ``-`` (or no file) is standard output;
- a symbolic link is written through, to the file it points to, and stays a link;
- a device (``/dev/null``, ``/dev/stdout``), a FIFO or a socket is opened and
  written in place: renaming a file over it would replace the device;
- a directory is refused (:class:`~heze_plan.errors.OutputError` with ``errno.EISDIR``);
- a regular file (or a new one) is replaced atomically: the content goes to a
  temporary file beside it, is flushed to disk and renamed over the target in
  one step, so that a calendar client fetching a feed during regeneration
  gets either the old file or the new one. The file keeps its permissions.

The temporary file is removed on every way out that Python sees (errors,
``KeyboardInterrupt``, and SIGTERM or SIGHUP once the command line has turned
them into exceptions). A process killed outright (SIGKILL) cannot clean up:
its temporary file is named after its process id, and the next write beside
it removes temporaries whose process no longer runs (:func:`remove_stale`).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import sys
from pathlib import Path

from heze_plan.errors import OutputError

__all__ = ["TEMPORARY_MARK", "is_stale", "remove_stale", "temporary_name", "write_atomic", "write_output"]

#: The mark in the name of every temporary file or directory the tool makes.
TEMPORARY_MARK = ".heze-plan-"
_TEMPORARY = re.compile(r"^\..*\.heze-plan-(\d+)-[0-9a-f]{8}\.tmp$")


def temporary_name(name: str) -> str:
    """A hidden name beside ``name`` for a temporary file, carrying this process's id."""
    return f".{name}{TEMPORARY_MARK}{os.getpid()}-{secrets.token_hex(4)}.tmp"


def is_stale(name: str) -> bool:
    """Whether ``name`` is a temporary of this tool whose process no longer runs."""
    match = _TEMPORARY.match(name)
    if match is None:
        return False
    pid = int(match.group(1))
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it runs, as another user
        return False
    return False


def remove_stale(directory: Path) -> list[str]:
    """Remove the temporaries left in ``directory`` by runs that were killed; returns their names."""
    import shutil  # noqa: PLC0415 - only needed when there is something to remove

    removed: list[str] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in sorted(names):
        if not is_stale(name):
            continue
        path = directory / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(name)
    return removed


def _write_stdout(data: bytes) -> None:
    stream = sys.stdout
    if stream is None:
        raise OSError(errno.EBADF, "standard output is closed", "-")
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text-only stream, as in some embedding programs
        stream.write(data.decode("utf-8"))
        stream.flush()
        return
    buffer.write(data)
    buffer.flush()


def write_output(path: Path | str | None, content: str | bytes) -> Path | None:
    """Write ``content`` (text is UTF-8) to ``path`` as the module describes; returns the file written.

    Every failure is an :class:`~heze_plan.errors.OutputError` naming ``path``.

    ``None`` and ``-`` write to standard output and return ``None``. Missing
    parent directories of a new regular file are created.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path is None or str(path) == "-":
        _write_stdout(data)
        return None
    given = Path(path)
    try:
        return _write_file(given, data)
    except OSError as error:  # named for the file the user gave, not a temporary or a link's target
        raise OutputError(error.errno, error.strerror or str(error), str(given)) from None


def _write_file(given: Path, data: bytes) -> Path:
    target = Path(os.path.realpath(given))  # through every link, to the file the user means
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory; give a file name", str(given))
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(target, "wb") as handle:  # a device, FIFO or socket: written in place
            handle.write(data)
        return given
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target.parent)
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o644
    temporary = target.parent / temporary_name(target.name)
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return given


#: The older name of :func:`write_output`.
write_atomic = write_output
