"""The words of the family read from ``vocabulary.json``: task-table headers, owner labels, document rules.

Two stages read the same words: :mod:`heze_plan.sources.table` finds the
columns of a spreadsheet by their header names, and the tolerant parser
(``heze_plan.parsing._generic``) finds the header of a table flattened to
text. Keeping the words in one data file, read once here, means a header
name added for one is known to the other: an owner clause's label (牵头单位：)
is a column header too. Each list says where its words come from in the
file itself.
"""

from __future__ import annotations

import functools
import json
import re

import attrs

from heze_plan.data import VOCABULARY, read_text

__all__ = ["COLUMN_ROLES", "Vocabulary", "header_key", "vocabulary"]

#: The roles a task-table column can have, in the order ``vocabulary.json`` lists them.
COLUMN_ROLES = ("number", "task", "lead", "shared", "deadline", "area", "ignored")
_BLANK = re.compile(r"[\s\u3000]+")


def header_key(cell: str) -> str:
    """A header cell as compared with the vocabulary: no spaces, no closing colon.

    >>> header_key("主 要 工 作 任 务："), header_key("责任\\n单位")
    ('主要工作任务', '责任单位')
    """
    return _BLANK.sub("", cell).rstrip("：:")


#: A header name of two words joined by 与, 和 or 及 (目标与任务, 内容和要求).
_JOINED = re.compile(r"([\u4e00-\u9fff]{2,3})[与和及]([\u4e00-\u9fff]{2,3})")


@attrs.frozen
class Vocabulary:
    """Header names by column role, owner labels by role, and the phrases of a first-unit-leads rule."""

    #: Header name (as :func:`header_key` gives it) → the column's role.
    headers: dict[str, str]
    #: Phrases saying, once for a document, that the first unit listed leads.
    first_unit_leads: tuple[str, ...]
    #: The labels of an owner clause naming the lead (牵头单位, 主办单位…), longest first.
    lead_labels: tuple[str, ...] = ()
    #: The labels naming the other owners (责任单位, 配合单位, 协助部门…), longest first.
    shared_labels: tuple[str, ...] = ()
    #: The header names, longest first (what :meth:`header_names` tries at each place).
    _longest_first: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)

    @_longest_first.default
    def _sort_names(self) -> tuple[str, ...]:
        return tuple(sorted(self.headers, key=len, reverse=True))

    def names(self, role: str) -> tuple[str, ...]:
        """The header names of one role, in the data file's order."""
        return tuple(name for name, each in self.headers.items() if each == role)

    def role(self, cell: str) -> str | None:
        """The role of a header cell, or ``None`` when the cell is no known header.

        A short name joined by 与, 和 or 及 is the name without it (目标与任务 is 目标任务).

        >>> vocabulary().role("目 标 与 任 务"), vocabulary().role("序号和说明")
        ('task', None)
        """
        key = header_key(cell)
        role = self.headers.get(key)
        if role is None and len(key) <= 8:
            joined = _JOINED.fullmatch(key)
            if joined is not None:
                role = self.headers.get(joined[1] + joined[2])
        return role

    def header_names(self, line: str) -> list[str] | None:
        """A header row with nothing between its names, cut into them, or ``None`` when it is no such row.

        The longest name is tried first at each place (a PDF's text layer or a web copy glues a table's
        header cells: 序号重点任务牵头单位责任单位完成时限).

        >>> vocabulary().header_names("序号 重点任务牵头单位"), vocabulary().header_names("序号和说明")
        (['序号', '重点任务', '牵头单位'], None)
        """
        key = header_key(line)
        names: list[str] = []
        at = 0
        while at < len(key):
            name = next((n for n in self._longest_first if key.startswith(n, at)), None)
            if name is None:
                # a name joined by 与, 和 or 及 (目标与任务), as :meth:`role` reads it
                joined = _JOINED.match(key, at)
                while joined is not None and self.role(joined[0]) is None:
                    joined = _JOINED.match(key[: joined.end() - 1], at)
                if joined is None:
                    return None
                name = joined[0]
            names.append(name)
            at += len(name)
        return names


def _labels(raw: dict[str, list[str]], role: str) -> tuple[str, ...]:
    """Every label of a role: each prefix with each suffix, and the role's own words; longest first."""
    made = [prefix + suffix for prefix in raw[role] for suffix in raw["suffixes"]] + raw[f"{role}_words"]
    return tuple(sorted(dict.fromkeys(made), key=len, reverse=True))


@functools.cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once."""
    raw = json.loads(read_text(VOCABULARY))
    headers: dict[str, str] = {}
    for role in COLUMN_ROLES:
        for name in raw["table_headers"][role]:
            if name in headers:
                msg = f"{VOCABULARY}: header {name!r} is listed as {headers[name]} and as {role}"
                raise ValueError(msg)
            headers[name] = role
    lead, shared = _labels(raw["owner_labels"], "lead"), _labels(raw["owner_labels"], "shared")
    if clash := set(lead) & set(shared):
        msg = f"{VOCABULARY}: owner labels {sorted(clash)} are both lead and shared"
        raise ValueError(msg)
    for role, labels in (("lead", lead), ("shared", shared)):
        for label in labels:
            if headers.setdefault(label, role) != role:
                msg = f"{VOCABULARY}: owner label {label!r} is a {role} label but a {headers[label]} header"
                raise ValueError(msg)
    return Vocabulary(
        headers=headers,
        first_unit_leads=tuple(raw["first_unit_leads"]["phrases"]),
        lead_labels=lead,
        shared_labels=shared,
    )
