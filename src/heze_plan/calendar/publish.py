"""Publishing a directory of feeds all at once.

Renaming each file into place keeps each file whole, but a run killed half
way would leave a mix of old and new feeds. So the new set is built in a
staging directory beside the published one (``.OUTDIR.heze-plan-PID-XXXX.tmp``):
the files that stay are hard-linked into it (their content, inode and
modification time unchanged), the new ones written, the manifest last; then
the two directories are exchanged in one step (Linux ``renameat2`` with
``RENAME_EXCHANGE``) and the old set, now under the staging name, is removed.
A reader of OUTDIR sees the whole previous set or the whole new one.

Where the exchange is not available (another system, a file system without
it), OUTDIR is renamed aside and the staging directory renamed in its place:
for the moment between the two renames OUTDIR does not exist, but it never
holds a mix. A run killed outright leaves its staging directory behind; the
next run removes it (:func:`heze_plan.common.files.remove_stale`).
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import stat
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from heze_plan.calendar.manifest import MANIFEST_NAME, Manifest
from heze_plan.common.files import is_stale, temporary_name

__all__ = ["publish_directory"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
#: What :func:`tempfile.mkstemp` named the temporary files of heze-plan 0.x: ``.NAME.XXXXXXXX.tmp``.
_OLD_TEMPORARY = re.compile(r"^\.(.+)\.[a-z0-9_]{8}\.tmp$")


def _exchange(first: Path, second: Path) -> bool:
    """Swap two directories in one step; ``False`` where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _carry(source: Path, target: Path) -> None:
    """Put ``source`` (a file, link or directory that stays) into the staging directory."""
    info = source.lstat()
    if stat.S_ISLNK(info.st_mode):
        os.symlink(os.readlink(source), target)
    elif stat.S_ISDIR(info.st_mode):
        target.mkdir()
        for child in sorted(source.iterdir()):
            _carry(child, target / child.name)
        shutil.copystat(source, target)
    elif stat.S_ISREG(info.st_mode):
        try:
            os.link(source, target)
        except OSError:  # no hard links here: a copy with the same times
            shutil.copy2(source, target)
    else:
        msg = "is neither a file, a link nor a directory; move it out of the feed directory"
        raise OSError(errno.EINVAL, msg, str(source))


def _write(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o644)


def publish_directory(
    directory: Path, written: Mapping[str, bytes], removed: Iterable[str], manifest: Manifest
) -> None:
    """Replace ``directory`` by one holding the new ``written`` files, without ``removed``, with ``manifest``.

    Everything else in ``directory`` (unchanged feeds, files of others) is
    carried over as it is.
    """
    staging = directory.parent / temporary_name(directory.name)
    leave_out = {*written, *removed, MANIFEST_NAME}
    ours = {*leave_out, *manifest.files}
    staging.mkdir(mode=0o700)
    try:
        if directory.exists():
            for child in sorted(directory.iterdir()):
                if child.name not in leave_out and not _leftover(child.name, ours):
                    _carry(child, staging / child.name)
            shutil.copymode(directory, staging)
        else:
            os.chmod(staging, 0o755)
        for name, data in written.items():
            _write(staging / name, data)
        manifest.write(staging)
        _fsync_directory(staging)
        if not directory.exists():
            os.rename(staging, directory)
        elif not _exchange(staging, directory):
            aside = directory.parent / temporary_name(directory.name)
            os.rename(directory, aside)
            os.rename(staging, directory)
            os.rename(aside, staging)
        _fsync_directory(directory.parent)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _leftover(name: str, ours: set[str]) -> bool:
    """A temporary file of a killed run: this version's, or an older one's (``.plan.ics.k3j_x9a2.tmp``)."""
    if is_stale(name):
        return True
    match = _OLD_TEMPORARY.match(name)
    return match is not None and match.group(1) in ours


def _fsync_directory(path: Path) -> None:
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
