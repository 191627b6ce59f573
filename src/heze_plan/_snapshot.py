"""A pre-built snapshot of the embedded plan, so that :func:`heze_plan.load` need not parse.

Parsing the 100 KB source takes about 25 ms; unpickling the parsed plan
about 1 ms. The snapshot (``data/heze-2023-plan.pickle``) is keyed on a
fingerprint of everything the plan is made from: the source text, the
errata and unit tables, and the code of the model and the parser. When any
of them changes the key no longer matches, :func:`read` returns ``None`` and
:func:`heze_plan.load` parses the source as before, so a stale snapshot can
never be served; a test (``tests/test_snapshot.py``) fails until the
snapshot is rebuilt with ``python -m heze_plan._snapshot``.

The pickle is the package's own data, written by this module from the
package's own source, and trusted as much as the code beside it.
"""

from __future__ import annotations

import hashlib
import pickle
from importlib import resources
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
    "parse_report.py",
    "owners.py",
    "deadlines.py",
    "targets.py",
    "units.py",
    "hanzi.py",
    "_input.py",
    "errata.py",
)


def fingerprint() -> str | None:
    """SHA-256 of the inputs, or ``None`` when one cannot be read (an install without sources)."""
    digest = hashlib.sha256()
    package = resources.files("heze_plan")
    try:
        for name in INPUTS:
            data = package.joinpath(name).read_bytes()
            digest.update(f"{name}\0{len(data)}\0".encode())
            digest.update(data)
    except OSError:
        return None
    return digest.hexdigest()


def read() -> Plan | None:
    """The snapshot's plan when its key matches the inputs' fingerprint; ``None`` otherwise."""
    try:
        data = resources.files("heze_plan").joinpath(SNAPSHOT).read_bytes()
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
    path = Path(str(resources.files("heze_plan").joinpath(SNAPSHOT)))
    write(plan, path)
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
