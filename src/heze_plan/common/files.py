"""Writing files so that a reader never sees half of one.

Everything the tool writes goes through :func:`write_atomic`: the content is
written to a temporary file in the same directory, flushed to disk, and
renamed over the target in one step, so that a calendar client fetching a
feed during regeneration gets either the old file or the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: Path | str, content: str | bytes) -> Path:
    """Write ``content`` to ``path`` atomically; create missing parent directories."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
