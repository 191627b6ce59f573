"""Model objects from plain data (the JSON export's dicts and lists), through the classes' own constructors.

The JSON snapshot of the embedded plan (``heze_plan._embedded``, :func:`heze_plan.load`) is read
on every cold start. cattrs (:mod:`heze_plan.model.serialize`) reads it too,
with located error messages, but importing it and generating its structuring
code costs about 45 ms; this reader costs a few milliseconds. It builds each
object with its constructor, so every validator and converter runs, from
converters prepared once per class from the class's type annotations. It
trusts the shape of the data (the snapshot is written by the package itself
from a fresh parse); user files go through :func:`heze_plan.model.serialize.from_json`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import attrs

__all__ = ["from_plain"]

T = TypeVar("T")
Convert = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _converter(hint: Any) -> Convert:
    """How to turn plain data into a value of the annotated type ``hint``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        convert = _converter(inner)
        return lambda value: None if value is None else convert(value)
    if origin is tuple:
        item = _converter(args[0])
        return lambda value: tuple(map(item, value))
    if hint is dt.date:
        return dt.date.fromisoformat
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if isinstance(hint, type) and attrs.has(hint):
        return _builder(hint)
    return _identity


@functools.cache
def _builder(cls: type[Any]) -> Callable[[dict[str, Any]], Any]:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _converter(hints[f.name])) for f in attrs.fields(cls)]

    def build(data: dict[str, Any]) -> Any:
        return cls(**{name: convert(data[name]) for name, convert in fields if name in data})

    return build


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """An instance of the attrs class ``cls`` from the plain data that its export holds.

    >>> from heze_plan.model.plan import Milestone
    >>> m = from_plain(Milestone, {"due": "2023-09-30", "phrase": "9月底前", "deliverable": "建成"})
    >>> m.due, m.phrase, m.deliverable
    (datetime.date(2023, 9, 30), '9月底前', '建成')
    """
    build: Callable[[dict[str, Any]], T] = _builder(typing.cast("Hashable", cls))
    return build(data)
