"""The files shipped with the package, and the one place that reads them.

- ``heze-2023-plan.txt``: the embedded plan's text as extracted from the published PDF
  (菏政发〔2023〕11号), the ground truth;
- ``errata.json``: the corrections applied to that text, each with its reason;
- ``units.csv``: the registry of the embedded plan's units (name, kind, aliases, basis);
- ``readings.json``: how the embedded plan's arguable targets are read, each decision explained;
- ``counties.csv``: Heze's county-level divisions and the names people use for them;
- ``city.json``: the city's own name and the prefixes people put before a unit's name;
- ``former_names.csv``: the names units had before the institutional reforms (市工商局 →
  市市场监管局), each with the reform and its basis;
- ``vocabulary.json``: the words of the whole family (task-table headers, document-wide rules),
  read by :mod:`heze_plan.data.vocabulary` for the table reader and the tolerant parser;
- ``heze-2023-plan.json``: in a built wheel only, the embedded plan parsed when
  the wheel was built (see ``heze_plan._embedded``); a source checkout has none.

Nothing here parses: each function returns the file's text, and the stage
that understands it turns it into model objects.
"""

from __future__ import annotations

import hashlib
import os

__all__ = [
    "CITY",
    "COUNTIES",
    "ERRATA",
    "FORMER_NAMES",
    "READINGS",
    "SHIPPED",
    "SNAPSHOT",
    "SOURCE",
    "UNITS",
    "VOCABULARY",
    "WORKDAYS",
    "inputs_digest",
    "read_text",
    "source_text",
]

SOURCE = "heze-2023-plan.txt"
ERRATA = "errata.json"
UNITS = "units.csv"
READINGS = "readings.json"
COUNTIES = "counties.csv"
CITY = "city.json"
FORMER_NAMES = "former_names.csv"
VOCABULARY = "vocabulary.json"
SNAPSHOT = "heze-2023-plan.json"
#: China's holidays and make-up working days of the announced years, as the ``holidays`` package knows
#: them when a wheel is built (written by ``hatch_build.py`` into the wheel only; read by
#: :mod:`heze_plan.common.workdays`, which saves importing that package, about 150 ms).
WORKDAYS = "china-workdays.json"
#: Every shipped file but the snapshot: what the embedded plan and its look-ups are made from
#: (``tests/test_embedded.py`` checks that the data directory holds exactly these).
SHIPPED = (SOURCE, ERRATA, UNITS, READINGS, COUNTIES, CITY, FORMER_NAMES, VOCABULARY)

_HERE = os.path.dirname(os.path.abspath(__file__))


def read_text(name: str) -> str:
    """A shipped file's text (UTF-8); :class:`FileNotFoundError` when the package has no such file.

    Read straight from the directory beside this module, which saves the 6 ms
    that importing :mod:`importlib.resources` costs in a fresh process; a
    package installed as a zip is read through :mod:`importlib.resources`.
    """
    try:
        with open(os.path.join(_HERE, name), encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        if os.path.isdir(_HERE):
            raise
    from importlib import resources  # noqa: PLC0415 - only for a package that is not on disk

    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def source_text() -> str:
    """The source text of the embedded plan, exactly as extracted from the published PDF."""
    return read_text(SOURCE)


def inputs_digest() -> str:
    """SHA-256 over every shipped file (:data:`SHIPPED`): the text, errata, registry, readings, city facts.

    A snapshot records the digest of the inputs it was parsed from, so that
    one built from other inputs is never served.
    """
    digest = hashlib.sha256()
    for name in SHIPPED:
        data = read_text(name).encode("utf-8")
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()
