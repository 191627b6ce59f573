"""The record of the files the tool wrote into an output directory.

``heze-plan feeds OUTDIR`` may remove a feed that no longer exists (a unit
that left the plan), but never a file that someone else put there or
changed. So it keeps ``.heze-plan-manifest.json`` in OUTDIR: each file it
wrote, with the SHA-256 of what it wrote and the feed it holds. A file is
overwritten only when the manifest names it, and removed only when, in
addition, its content is still exactly what the tool wrote.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from attrs import frozen

from heze_plan.calendar.revisions import FeedError
from heze_plan.common.files import write_atomic

__all__ = ["MANIFEST_NAME", "Manifest", "OwnedFile", "sha256"]

MANIFEST_NAME = ".heze-plan-manifest.json"
_FORMAT = 1


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


@frozen
class OwnedFile:
    """A file the tool wrote: its SHA-256 and the feed it holds (``None`` for an index)."""

    sha256: str
    feed: str | None = None
    #: An old name of the feed, kept as a copy so that subscriptions to it keep working.
    alias: bool = False


@frozen
class Manifest:
    """The files the tool wrote into one directory, by file name."""

    files: Mapping[str, OwnedFile]

    @classmethod
    def read(cls, directory: Path) -> Manifest:
        """The manifest of ``directory``; empty when there is none yet.

        Raises :class:`~heze_plan.errors.FeedError` when the manifest exists but cannot be read:
        guessing which files are ours could delete someone else's.
        """
        path = directory / MANIFEST_NAME
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls({})
        except OSError as error:
            msg = f"cannot read {path}: {error.strerror}"
            raise FeedError(msg) from None
        try:
            data = json.loads(text)
            if data.get("format") != _FORMAT:
                msg = f"unknown format {data.get('format')!r}"
                raise ValueError(msg)
            files = {
                str(name): OwnedFile(
                    sha256=str(entry["sha256"]), feed=entry.get("feed"), alias=entry.get("alias") is True
                )
                for name, entry in data["files"].items()
            }
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            msg = f"{path} is not a heze-plan manifest ({error}); move it away to start afresh"
            raise FeedError(msg) from None
        for name in files:
            if Path(name).name != name or name.startswith("."):
                msg = f"{path} names {name!r}, which is not a plain file name"
                raise FeedError(msg)
        return cls(files)

    def write(self, directory: Path) -> None:
        """Write the manifest atomically, files sorted by name; an unchanged one is left untouched."""
        data = {
            "format": _FORMAT,
            "written_by": "heze-plan feeds",
            "files": {
                name: {"sha256": owned.sha256, "feed": owned.feed, **({"alias": True} if owned.alias else {})}
                for name, owned in sorted(self.files.items())
            },
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        path = directory / MANIFEST_NAME
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)

    def name_of(self, feed: str) -> str | None:
        """The file name that holds ``feed`` (not an alias), if the tool wrote one."""
        for name, owned in self.files.items():
            if owned.feed == feed and not owned.alias:
                return name
        return None

    def aliases_of(self, feed: str) -> tuple[str, ...]:
        """The old names of ``feed`` kept as copies, sorted."""
        return tuple(sorted(n for n, owned in self.files.items() if owned.feed == feed and owned.alias))

    def unchanged(self, directory: Path, name: str) -> bool:
        """Whether ``name`` is a file the tool wrote and still holds exactly what it wrote."""
        owned = self.files.get(name)
        path = directory / name
        if owned is None or not path.is_file() or path.is_symlink():
            return False
        return sha256(path.read_bytes()) == owned.sha256
