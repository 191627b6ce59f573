"""Each task's label as the source prints it (``Task.label``), from its own marker and its chapters'.

Plans of the family number their tasks in many ways: 1–45 through all the chapters, again from 1
in each chapter, （一） items that are the tasks, （1）（2） under a ``1.`` heading, a list that
starts at 33. The parser numbers the tasks 1..N where the printed numbers cannot serve as keys;
the label keeps what the reader of the document sees. A task's own marker is its label when no
other task has the same one; when markers come back (（一） in every chapter), the enclosing
labels are put before it, nearest first, as many as it takes for every label to be one task's:
``二（三）``, ``二.3``. A label that is the task's number is left empty.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Protocol

__all__ = ["enclosing", "group_marker", "printed_labels"]

_SPACES = re.compile(r"\s+")
#: A table's group row that opens with a chapter's or an area's marker (一、…, （一）…).
_GROUP_MARKER = re.compile(r"^\s*([一二三四五六七八九十]+\s*、|[（(]\s*[一二三四五六七八九十]+\s*[）)])")


class _Nested(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def parent(self) -> _Nested | None: ...


def enclosing(item: _Nested) -> list[str]:
    """The markers of the items around ``item``, outermost first."""
    markers: list[str] = []
    parent = item.parent
    while parent is not None:
        markers.append(parent.label)
        parent = parent.parent
    return markers[::-1]


def group_marker(cell: str) -> list[str]:
    """The marker opening a table's group row (``一、``), as a one-item chain, or none.

    >>> group_marker("二、提升政务服务效能"), group_marker("重点任务")
    (['二、'], [])
    """
    match = _GROUP_MARKER.match(cell)
    return [match.group(1)] if match else []


@functools.lru_cache(maxsize=1024)
def _own(marker: str) -> str:
    """``3.``, ``3、``, ``二、`` and ``（ 三 ）`` as ``3``, ``3``, ``二`` and ``（三）``.

    Remembered: a plan prints a few markers many times (every task under 一、 has it in its chain).
    """
    return _SPACES.sub("", marker).rstrip("、.．,，:：").replace("(", "（").replace(")", "）")


def _joined(parts: Sequence[str]) -> str:
    """Parts put together, a dot only between two unbracketed ones: ``二.3``, ``二（三）``, ``（一）1``."""
    text = ""
    for part in parts:
        if text and not text.endswith("）") and not part.startswith("（"):
            text += "."
        text += part
    return text


def printed_labels(
    markers: Sequence[str], chains: Sequence[Sequence[str]], numbers: Sequence[int]
) -> list[str]:
    """One label per task: its marker, its enclosing markers (outermost first) and its number.

    ``""`` where the label would be the number itself.

    >>> printed_labels(["1.", "2.", "1.", "2."], [["一、"], ["一、"], ["二、"], ["二、"]], [1, 2, 3, 4])
    ['一.1', '一.2', '二.1', '二.2']
    >>> printed_labels(["（一）", "（二）"], [["一、"], ["一、"]], [1, 2])
    ['（一）', '（二）']
    >>> printed_labels(["33.", "34."], [[], []], [33, 34])
    ['', '']
    """
    own = [_own(marker) for marker in markers]
    outer = [[own for own in map(_own, chain) if own] for chain in chains]
    depth = 0
    longest = max((len(chain) for chain in outer), default=0)
    while True:
        labels = [
            _joined([*(chain[max(len(chain) - depth, 0) :] if depth else []), mine])
            for chain, mine in zip(outer, own, strict=True)
        ]
        # a task the source prints no label for (one of several in a paragraph) has none to part
        printed = [label for label in labels if label]
        if len(set(printed)) == len(printed) or depth >= longest:
            break
        depth += 1
    return ["" if label == str(number) else label for label, number in zip(labels, numbers, strict=True)]
