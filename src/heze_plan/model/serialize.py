"""(Un)structuring plans to and from plain data, and the stable JSON export.

One converter of our own (:func:`make_converter`), never the cattrs global
one: dates as ISO 8601 strings, enums as their values, tuples as lists.
Structuring errors are turned into messages that say where the bad value is
(``$.tasks[3].milestones[0].due: …``) with cattrs' ``transform_error``.

The JSON export (:func:`to_json`) is the documented, stable interchange
format: ``format`` names it and its version, so that readers can tell an
export from any other JSON.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.v import format_exception, transform_error

from heze_plan.common.dates import iso_date
from heze_plan.errors import ExportError
from heze_plan.model.plan import Plan, Task

__all__ = [
    "EXPORT_FORMAT",
    "READABLE_FORMATS",
    "from_json",
    "make_converter",
    "structure_plan",
    "to_json",
    "unstructure",
]

#: Names the export format and its version; bumped on any incompatible change.
#: Version 2 numbers the targets' milestones from 1 (as the ledger does) and adds the targets'
#: ``applies_to`` and ``reading``, the new target kinds, the principles' targets, the
#: safeguards' ``obligations``, the notice's metadata in ``document``, the units' ``basis``,
#: the tasks' ``open_owner_lists`` and ``provincial_clauses``, the milestones'
#: ``per_provincial_arrangement``, ``reading``, ``printed_phrase`` and ``printed_deliverable``
#: and the errata's ``status``.
EXPORT_FORMAT = "heze-plan/2"
#: A task's ``label`` (the label as printed, where it is not the number) is written only when it
#: is not empty, so that an export of a plan numbered as printed is the same as before; a reader
#: of version 2 that refuses unknown keys refuses it only in plans that carry labels.
#: The previous version, read by :func:`from_json`: targets named their milestone from 0, and
#: every field it lacks takes its default.
_FORMAT_1 = "heze-plan/1"
#: The versions :func:`from_json` reads.
READABLE_FORMATS = (_FORMAT_1, EXPORT_FORMAT)


def _structure_date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        msg = f"expected a date as YYYY-MM-DD, got {value!r}"
        raise TypeError(msg)
    try:
        return iso_date(value)
    except ValueError:
        msg = f"expected a date as YYYY-MM-DD, got {value!r}"
        raise ValueError(msg) from None


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        msg = f"expected a string, got {value!r}"
        raise TypeError(msg)
    return value


def _describe(error: BaseException, type_: Any) -> str:
    """Show our own messages (validators, hooks) as they are; cattrs' otherwise."""
    message = str(error)
    if isinstance(error, (ValueError, TypeError)) and (" must " in message or message.startswith("expected")):
        return message
    return format_exception(error, type_)


def make_converter() -> cattrs.Converter:
    """A converter for the model: ISO dates, enum values, lists for tuples, strict strings."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(str, _structure_str)
    # a task's label only where the source prints one other than the number: an export of a plan
    # whose numbers are its labels (the embedded one) stays as it was, and older readers read it
    converter.register_unstructure_hook(
        Task, make_dict_unstructure_fn(Task, converter, label=override(omit_if_default=True))
    )
    return converter


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


def unstructure(plan: Plan) -> dict[str, Any]:
    """The plan as plain data (dicts, lists, strings, numbers)."""
    data: dict[str, Any] = _converter().unstructure(plan)
    return data


def structure_plan(data: Any) -> Plan:
    """A plan from plain data; :class:`~heze_plan.errors.ExportError` lists every problem with its path."""
    try:
        return _converter().structure(data, Plan)
    except (ClassValidationError, IterableValidationError) as error:
        raise ExportError(transform_error(error, format_exception=_describe)) from None
    except (TypeError, ValueError, KeyError) as error:
        raise ExportError([f"$: {error}"]) from None


def to_json(plan: Plan, *, indent: int | None = 2) -> str:
    """The stable JSON export of a plan (see the docs for each field)."""
    document = {"format": EXPORT_FORMAT, **unstructure(plan)}
    return json.dumps(document, ensure_ascii=False, indent=indent)


def from_json(text: str) -> Plan:
    """Read a JSON export back into a plan."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ExportError([f"not JSON: {error}"]) from None
    if not isinstance(data, dict) or data.get("format") not in READABLE_FORMATS:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise ExportError([f"$.format: expected {EXPORT_FORMAT!r}, found {found!r}"])
    body = {k: v for k, v in data.items() if k != "format"}
    if data["format"] == _FORMAT_1:
        _number_milestones_from_1(body)
    return structure_plan(body)


def _number_milestones_from_1(body: dict[str, Any]) -> None:
    """A ``heze-plan/1`` export in place as ``heze-plan/2``: ``targets[].milestone`` counted from 0 then."""
    for key in ("tasks", "safeguards"):
        owners = body.get(key)
        for owner in owners if isinstance(owners, list) else ():
            found = owner.get("targets") if isinstance(owner, dict) else None
            for target in found if isinstance(found, list) else ():
                if isinstance(target, dict) and isinstance(target.get("milestone"), int):
                    target["milestone"] += 1
