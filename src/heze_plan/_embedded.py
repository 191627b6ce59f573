"""The embedded Heze 2023 plan: parsed from the shipped text, or read from the wheel's JSON snapshot.

Parsing the 100 KB source takes about 20 ms plus the parser's imports. A
wheel therefore carries the plan already parsed, as the stable JSON export
(``data/heze-2023-plan.json``), written by the build hook (``hatch_build.py``)
when the wheel is built and read back through the model's own constructors
(:mod:`heze_plan.model._plain`), its validators running. Nothing binary is kept in git and nothing needs
rebuilding by hand: a source checkout or an editable install has no
snapshot and parses the text, and a snapshot whose recorded inputs differ
from the shipped ones (:func:`heze_plan.data.inputs_digest`) is ignored.
Reading JSON runs no code of its own, unlike unpickling.
"""

from __future__ import annotations

import functools
import json

from heze_plan import data
from heze_plan.model._plain import from_plain
from heze_plan.model.plan import Plan

__all__ = ["load", "parse_embedded", "snapshot_json"]


def parse_embedded() -> Plan:
    """The embedded plan parsed from its shipped text with the shipped errata and unit registry."""
    from heze_plan.parsing import known_units, parse, shipped_errata  # noqa: PLC0415 - the parser's imports only without a snapshot
    from heze_plan.parsing.readings import as_embedded  # noqa: PLC0415 - as above

    return as_embedded(parse(data.source_text(), errata=shipped_errata(), registry=known_units()))


def snapshot_json(plan: Plan) -> str:
    """The snapshot of ``plan`` (the parse of the shipped inputs): the JSON export and the inputs' digest."""
    from heze_plan.model.serialize import unstructure  # noqa: PLC0415 - cattrs only when writing or reading one

    return json.dumps({"inputs": data.inputs_digest(), "plan": unstructure(plan)}, ensure_ascii=False)


def _read_snapshot() -> Plan | None:
    try:
        text = data.read_text(data.SNAPSHOT)
    except FileNotFoundError:
        return None
    document = json.loads(text)
    if document.get("inputs") != data.inputs_digest():
        return None
    return from_plain(Plan, document["plan"])


@functools.cache
def load() -> Plan:
    """The embedded Heze 2023 plan, the same object for every caller of the process.

    Read from the wheel's snapshot when it was built from the shipped inputs,
    parsed from the shipped text otherwise; the plan is immutable, so every
    caller shares it.
    """
    plan = _read_snapshot()
    return plan if plan is not None else parse_embedded()
