"""A pre-built snapshot of the embedded plan, so that :func:`heze_plan.load` need not parse.

Parsing the 100 KB source takes about 22 ms; unpickling the parsed plan
about 1.5 ms. The snapshot (``data/heze-2023-plan.pickle``) is keyed on a
fingerprint (:func:`fingerprint`) of everything the plan is made from: the source text, the
errata and unit tables, and the code of the model and the parser. When any
of them changes the key no longer matches, :func:`read` returns ``None`` and
:func:`heze_plan.load` parses the source as before, so a stale snapshot can
never be served; a test (``tests/test_snapshot.py``) fails until the
snapshot is rebuilt with ``python -m heze_plan._snapshot``.

The pickle is the package's own data, written by this module from the
package's own source, and trusted as much as the code beside it.
"""

from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path

from heze_plan.model import Plan

__all__ = ["SNAPSHOT", "fingerprint", "read", "write"]

SNAPSHOT = "data/heze-2023-plan.pickle"
#: The files the embedded plan is made from, relative to the package.
INPUTS = (
    "data/heze-2023-plan.txt",
    "data/errata.json",
    "data/units.csv",
    "model.py",
    "parsing.py",
    "_layout.py",
    "_front.py",
    "parse_report.py",
    "owners.py",
    "deadlines.py",
    "targets.py",
    "units.py",
    "hanzi.py",
    "_input.py",
    "errata.py",
)


_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def _read_bytes(name: str) -> bytes:
    """A file of the package: from the directory beside this module, else through importlib.resources.

    The direct read saves the 6 ms that importing importlib.resources costs
    in a fresh process; an install from a zip still works.
    """
    try:
        with open(os.path.join(_PACKAGE, name), "rb") as handle:
            return handle.read()
    except OSError:
        from importlib import resources  # noqa: PLC0415 - only for packages not on disk

        return resources.files("heze_plan").joinpath(name).read_bytes()


def fingerprint() -> str | None:
    """Name, length and CRC-32 of every input, or ``None`` when one cannot be read.

    The key guards against serving a snapshot of other inputs by accident (an
    edit, a merge), not against tampering: whoever can change the pickle can
    change the code beside it. CRC-32 keeps the check cheap (zlib imports in
    0.4 ms, hashlib in 3 ms).
    """
    parts = []
    try:
        for name in INPUTS:
            data = _read_bytes(name)
            parts.append(f"{name}:{len(data)}:{zlib.crc32(data):08x}")
    except OSError:
        return None
    return " ".join(parts)


def read() -> Plan | None:
    """The snapshot's plan when its key matches the inputs' fingerprint; ``None`` otherwise."""
    try:
        data = _read_bytes(SNAPSHOT)
    except OSError:
        return None
    try:
        key, plan = pickle.loads(data)
    except Exception:
        return None
    current = fingerprint()
    if current is None or key != current or not isinstance(plan, Plan):
        return None
    return plan


def write(plan: Plan, path: Path) -> None:
    """Write the snapshot of ``plan`` (which must be the parse of the inputs) to ``path``."""
    from heze_plan.files import write_atomic  # noqa: PLC0415 - only when rebuilding

    key = fingerprint()
    if key is None:
        msg = "cannot fingerprint the package's inputs: is this a source checkout?"
        raise RuntimeError(msg)
    write_atomic(path, pickle.dumps((key, plan), protocol=5))


def main() -> None:
    """Rebuild the snapshot in the package's data directory from a fresh parse."""
    from heze_plan import source_text  # noqa: PLC0415 - only when rebuilding
    from heze_plan.errata import shipped_errata  # noqa: PLC0415 - only when rebuilding
    from heze_plan.parsing import parse  # noqa: PLC0415 - only when rebuilding

    plan = parse(source_text(), errata=shipped_errata())
    path = Path(_PACKAGE) / SNAPSHOT
    write(plan, path)
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
