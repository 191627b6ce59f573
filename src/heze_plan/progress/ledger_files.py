"""Reading ledger files (xlsx, CSV or JSON) with every problem reported, and writing templates.

A ledger is what a department fills in with a spreadsheet: an .xlsx
workbook (:mod:`heze_plan.progress.ledger_xlsx`), or a CSV in UTF-8 with or
without the byte-order mark Excel writes, in GB18030/GBK (Excel's plain
"CSV" on a Chinese Windows) or UTF-16 (Excel's "Unicode text"); headers in
Chinese or English (``docs/ledger.md`` lists every column and every word
and date form understood). Reading never stops at the first
mistake: every row is checked, good rows are kept, and each bad row becomes
a :class:`~heze_plan.progress.ledger.Problem` naming file, line and what is wrong.
Nothing here writes to the file read; templates are written atomically by
the command line through :func:`heze_plan.common.files.write_atomic`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from attrs import frozen

from heze_plan.common.dates import spreadsheet_date
from heze_plan.common.numerals import area_label
from heze_plan.common.tables import LIST_SEPARATOR
from heze_plan.errors import LedgerError, SourceError
from heze_plan.model.plan import Milestone, Obligation, Plan, Safeguard, Task
from heze_plan.model.target_text import target_formula
from heze_plan.progress._columns import COLUMNS, HEADERS, header_key
from heze_plan.progress._shares import reporter, shares
from heze_plan.progress.ledger import (
    Ledger,
    MilestoneEntry,
    ObligationActual,
    ObligationEntry,
    Problem,
    Progress,
    TargetActual,
)
from heze_plan.progress.ledger_xlsx import column_letter, read_workbook, workbook
from heze_plan.query.lookup import (
    COUNTIES,
    COUNTY_COLLECTIVES,
    UnitLookupError,
    resolve_county,
    resolve_unit,
)
from heze_plan.query.selections import Chosen, scope

__all__ = [
    "COLUMNS",
    "LEDGER_FORMAT",
    "LedgerError",
    "LedgerFile",
    "ledger_date",
    "ledger_rows",
    "load_ledger",
    "parse_ledger",
    "read_ledger",
    "template",
    "template_rows",
    "template_workbook",
    "write_ledger",
]

#: Names the JSON ledger format and its version.
LEDGER_FORMAT = "heze-plan-ledger/1"

_COLLECTIVES = frozenset(COUNTY_COLLECTIVES)

#: The date forms a ledger cell may take, as the messages name them.
DATE_FORMS = "a date cell, 2023-09-30, 2023/9/30, 2023.9.30 or 2023年9月30日"
_CHINESE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
#: An obligation's key in the 保障措施 column: S1.6 (the S may be left out or lower case).
_OBLIGATION = re.compile(r"[Ss]?\d{1,2}\.\d{1,2}")
_MIDNIGHT = re.compile(r"(.+?)[ T]0?0:00(?::00(?:\.0+)?)?")


def ledger_date(value: object) -> dt.date:
    """A date as a ledger cell holds it: a date or a datetime at midnight, or text in a form people write.

    >>> ledger_date("2023年9月30日"), ledger_date("2023-09-30 00:00:00")
    (datetime.date(2023, 9, 30), datetime.date(2023, 9, 30))
    >>> ledger_date(dt.datetime(2023, 9, 30, 14, 5))
    Traceback (most recent call last):
    ValueError: 2023-09-30 14:05:00 has a time of day: write the date only (a date cell, 2023-09-30, ...)
    """
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            msg = f"{value} has a time of day: write the date only (a date cell, 2023-09-30, ...)"
            raise ValueError(msg)
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    midnight = _MIDNIGHT.fullmatch(text)
    if midnight:
        text = midnight.group(1)
    chinese = _CHINESE_DATE.fullmatch(text)
    if chinese:
        text = "-".join(chinese.groups())
    try:
        return spreadsheet_date(text)
    except ValueError as error:
        if "calendar" in str(error):
            msg = f"{value!r} is not a date of the calendar"
        else:
            msg = f"{value!r} is not a date: write {DATE_FORMS}"
        raise ValueError(msg) from None


def _parse_number(text: object) -> float:
    """A figure as a spreadsheet writes it: ``27000``, ``27,000``, ``2.7万``, ``85%``."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    match = re.fullmatch(r"([+-]?\d+(?:\.\d+)?)\s*([万亿])?\s*[%％]?", str(text).strip().replace(",", ""))
    if not match:
        msg = f"{text!r} is not a number"
        raise ValueError(msg)
    factor = {"万": 10_000, "亿": 100_000_000}.get(match.group(2) or "", 1)
    return float(Decimal(match.group(1)) * factor)  # exact: 2.365万 is 23650, not 23650.000000000004


#: The fields a unit fills in: a row with none of them is a template row nobody filled in.
_REPORTED = ("status", "completed", "value", "as_of", "note", "evidence")


def _round(as_of: dt.date | None) -> str:
    return "" if as_of is None else f" as of {as_of}"


class _Listing:
    """A task's milestones as a message lists them, written only when a message needs them.

    Checking 100 000 good rows should not format 100 000 listings nobody reads.
    """

    __slots__ = ("_milestones",)

    def __init__(self, milestones: Sequence[Milestone]) -> None:
        self._milestones = milestones

    def __str__(self) -> str:
        return ", ".join(f"{i} ({m.due})" for i, m in enumerate(self._milestones, 1))


class _Cells(Mapping[str, str]):
    """Where each field of one workbook row is (``{"status": "台账!I7"}``), written when asked.

    The checker asks only for the cells of the fields at fault, so a good row
    costs no formatting (one mapping per row instead of a string per cell).
    """

    __slots__ = ("_letters", "_row", "_sheet")

    def __init__(self, sheet: str, letters: Mapping[str, str], row: int) -> None:
        self._sheet, self._letters, self._row = sheet, letters, row

    def __getitem__(self, field: str) -> str:
        return f"{self._sheet}!{self._letters[field]}{self._row}"

    def __iter__(self) -> Iterator[str]:
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)


class _Checker:
    """Turns raw rows into entries, collecting problems; one instance per file.

    Each problem names where the user sees it: the cell of the field at fault
    when the format has cells (``台账!J7``), else the row (``line 7``).
    """

    def __init__(self, plan: Plan, name: str, as_of: dt.date | None) -> None:
        self.plan, self.name, self.as_of = plan, name, as_of
        self.problems: list[Problem] = []
        self.entries: dict[tuple[int, int | None, dt.date | None], MilestoneEntry] = {}
        self.actuals: dict[tuple[int, int, dt.date], TargetActual] = {}
        self.safeguards: dict[tuple[int, int | None, dt.date | None], MilestoneEntry] = {}
        self.tasks = {t.number: t for t in plan.tasks}
        self.guards = {s.number: s for s in plan.safeguards}
        self._guard_targets = {s.number: s.targets for s in plan.safeguards}
        self._names: dict[str, tuple[str | None, bool, str | None]] = {}
        self.obligations = {o.key: o for s in plan.safeguards for o in s.obligations}
        self.shares: dict[tuple[str, str | None, dt.date | None], ObligationEntry] = {}
        self.obligation_actuals: dict[tuple[str, int, str | None, dt.date], ObligationActual] = {}
        self._cells: Mapping[str, str] = {}
        self._where = ""
        self._errors: list[tuple[str | None, str]] = []

    def problem(self, where: str, message: str, *, warning: bool = False) -> None:
        self.problems.append(Problem(self.name, where, message, warning=warning))

    def _error(self, field: str | None, message: str) -> None:
        self._errors.append((field, message))

    def row(self, where: str, raw: Mapping[str, Any], cells: Mapping[str, str] | None = None) -> None:
        """Check one row; keep it when good, else record every problem it has.

        ``cells`` locates each field (``{"status": "台账!J7"}``); a field it
        does not name is located at ``where``.
        """
        self._where, self._cells, self._errors = where, cells or {}, []
        text = {
            k: "" if v is None else v if isinstance(v, (int, float, dt.date)) else str(v).strip()
            for k, v in raw.items()
        }
        if not any(text.get(k) not in ("", None) for k in _REPORTED):
            return  # a template row nobody filled in: not reported yet
        if text.get("safeguard", "") != "":
            self._safeguard(where, text)
        else:
            task = self._task(text.get("task", ""))
            unit = self._unit(text.get("unit", ""), task)
            if text.get("target", "") != "":
                if text.get("milestone", "") != "":
                    self._error("milestone", "a row gives either a milestone or a target, not both")
                self._actual(where, task, unit, text)
            else:
                self._entry(where, task, unit, text, self.entries)
        for field, message in self._errors:
            self.problem(self._cells.get(field or "", where), message)

    def _task(self, value: object) -> Task | None:
        try:
            number = int(str(value).strip())
        except ValueError:
            self._error(
                "task",
                f"task {value!r} is not a task number" if value != "" else "the task number is missing",
            )
            return None
        if number not in self.tasks:
            self._error("task", f"unknown task {number}: the plan numbers its tasks 1..{len(self.tasks)}")
            return None
        return self.tasks[number]

    def _resolved(self, name: str) -> tuple[str | None, bool, str | None]:
        """A 填报单位 as written: (county or canonical unit, whether a county, the lookup's error).

        Remembered per name: a ledger names the same few units on every row.
        """
        found = self._names.get(name)
        if found is None:
            county = resolve_county(name)
            if county is not None:
                found = (county, True, None)
            else:
                try:
                    found = (resolve_unit(self.plan, name).name, False, None)
                except UnitLookupError as error:
                    found = (None, False, str(error))
            self._names[name] = found
        return found

    def _unit(self, name: object, task: Task | None) -> str | None:
        name = str(name).strip()
        if not name:
            return None
        canonical, county, error = self._resolved(name)
        if canonical is None:
            self._error("unit", error or f"unknown unit {name!r}")
            return None
        if task is None:
            return canonical
        # a county reports through the collectives (各县区政府、管委会)
        allowed = not _COLLECTIVES.isdisjoint(task.units) if county else canonical in task.units
        if not allowed:
            self._error(
                "unit",
                f"{canonical} is not a unit of task {task.number} (its units: {'、'.join(task.units)})",
            )
        return canonical

    def _date(self, field: str, label: str, value: object) -> dt.date | None:
        if value in ("", None):
            return None
        try:
            day = ledger_date(value)
        except ValueError as error:
            self._error(field, f"{label}: {error}")
            return None
        if not self.plan.year <= day.year <= self.plan.year + 1:
            self._error(
                field,
                f"{label} {day} is outside the plan year {self.plan.year} "
                f"(or the year after, for work finished late)",
            )
            return None
        if self.as_of is not None and day > self.as_of:
            self._error(
                field,
                f"{label} {day} is after {self.as_of}, the date checked for: it cannot have happened yet",
            )
            return None
        return day

    def _milestone(self, task: Task | Safeguard, value: object, what: str) -> int | None:  # noqa: PLR0911 - one per mistake
        milestones: tuple[Milestone, ...] = task.milestones
        listing = _Listing(milestones)  # written out only in a message
        value = str(value) if not isinstance(value, dt.date) else value
        if value == "":
            if milestones:
                self._error("milestone", f"say which milestone of {what}: {listing}")
            return None
        if not milestones:
            self._error("milestone", f"{what} has no milestone (it runs all year): leave the milestone empty")
            return None
        if isinstance(value, str) and re.fullmatch(r"\d{1,3}", value):
            index = int(value)
            if not 1 <= index <= len(milestones):
                self._error("milestone", f"{what} has no milestone {index}; its milestones are {listing}")
                return None
            return index
        try:
            due = ledger_date(value)
        except ValueError:
            self._error("milestone", f"milestone {value!r} is neither an index nor a date; {what}: {listing}")
            return None
        matches = [i for i, m in enumerate(milestones, 1) if m.due == due]
        if not matches:
            self._error("milestone", f"{what} has no milestone due {due}; its milestones are {listing}")
            return None
        if len(matches) > 1:
            choices = " or ".join(f"{i} ({milestones[i - 1].deliverable[:20]}…)" for i in matches)
            self._error("milestone", f"{what} has {len(matches)} milestones due {due}: write {choices}")
            return None
        return matches[0]

    def _status(self, text: dict[str, Any]) -> tuple[Progress | None, dt.date | None]:
        status: Progress | None = None
        if text.get("status", "") == "":
            self._error(
                "status", "the status is missing: " + ", ".join(f"{s.label} / {s.value}" for s in Progress)
            )
        else:
            try:
                status = Progress.parse(str(text["status"]))
            except ValueError as error:
                self._error("status", str(error))
        completed = self._date("completed", "completion date", text.get("completed", ""))
        if status is Progress.DONE and text.get("completed", "") == "":
            self._error("completed", "status done needs a completion date")
        elif status not in (None, Progress.DONE) and text.get("completed", "") != "":
            self._error(
                "completed", f"status {status.value} contradicts the completion date {text['completed']}"
            )
        if status is Progress.DROPPED and not text.get("note"):
            self._error("note", "a dropped milestone needs a note saying why")
        if text.get("value", "") != "":
            self._error("value", "value and as-of date belong to target rows: fill in the target column")
        return status, completed

    def _entry(
        self,
        where: str,
        task: Task | None,
        unit: str | None,
        text: dict[str, Any],
        into: dict[tuple[int, int | None, dt.date | None], MilestoneEntry],
    ) -> None:
        index = self._milestone(task, text.get("milestone", ""), f"task {task.number}") if task else None
        if task is not None:
            self._plan_columns(task, index, text)
        status, completed = self._status(text)
        as_of = self._date("as_of", "the report's as-of date", text.get("as_of", ""))
        self._completed_by_round(completed, as_of)
        if self._errors or task is None or status is None:
            return
        key = (task.number, index, as_of)
        if key in into:
            self._error(
                None,
                f"duplicate row: task {task.number} milestone {index}{_round(as_of)} "
                f"already at {into[key].source}",
            )
            return
        into[key] = self._made(task.number, index, status, completed, unit, text, where, as_of)

    def _completed_by_round(self, completed: dt.date | None, as_of: dt.date | None) -> None:
        if completed is not None and as_of is not None and completed > as_of:
            self._error(
                "completed", f"completion date {completed} is after the row's as-of date {as_of} (数据截至)"
            )

    def _plan_columns(self, task: Task, index: int | None, text: dict[str, Any]) -> None:
        """A plan column edited by hand (the task's title, a milestone's due date) is a problem.

        The row may belong to another task than its number says: the title tells.
        """
        title = str(text.get("title", "")).strip()
        if title and title not in {task.title, task.labelled_title}:
            owner = next((t.number for t in self.plan.tasks if title in {t.title, t.labelled_title}), None)
            hint = f" (that is the title of task {owner})" if owner else ""
            self._error(
                "title",
                f"the plan column 任务名称 was edited: task {task.number} is {task.title!r}, "
                f"the row says {title!r}{hint}",
            )
        due = text.get("due", "")
        if due != "" and index is not None:
            try:
                day = ledger_date(due)
            except ValueError:
                day = None
            if day != task.milestones[index - 1].due:
                self._error(
                    "due",
                    f"the plan column 截止日期 was edited: task {task.number} milestone {index} is due "
                    f"{task.milestones[index - 1].due}, the row says {due}",
                )

    def _made(  # noqa: PLR0917 - the fields of an entry
        self,
        number: int,
        index: int | None,
        status: Progress,
        completed: dt.date | None,
        unit: str | None,
        text: dict[str, Any],
        where: str,
        as_of: dt.date | None,
    ) -> MilestoneEntry:
        return MilestoneEntry(
            task=number,
            milestone=index,
            status=status,
            completed=completed,
            unit=unit,
            note=str(text.get("note", "")),
            evidence=str(text.get("evidence", "")),
            source=str(text.get("source", "")) or f"{self.name}:{where}",
            as_of=as_of,
        )

    def _safeguard(self, where: str, text: dict[str, Any]) -> None:
        """A row reporting a safeguard's own deadline (保障措施 column: the safeguard's number).

        An obligation's key there (``S1.6``) makes it an obligation row (:meth:`_obligation`).
        """
        value = text["safeguard"]
        number = str(value).strip()
        if _OBLIGATION.fullmatch(number):
            self._obligation(where, text, number)
            return
        guard = self.guards.get(int(number)) if number.isdigit() else None
        with_deadlines = [str(s.number) for s in self.plan.safeguards if s.milestones]
        if guard is None:
            self._error(
                "safeguard", f"no safeguard {value!r}: those with a deadline are {', '.join(with_deadlines)}"
            )
        if text.get("task", "") != "" or text.get("target", "") != "":
            self._error("task", "a safeguard row names no task and no target")
        unit = None
        if str(text.get("unit", "")).strip():
            try:
                unit = resolve_unit(self.plan, str(text["unit"]).strip()).name
            except UnitLookupError as error:
                self._error("unit", str(error))
        index = (
            self._milestone(guard, text.get("milestone", ""), f"safeguard {guard.number}") if guard else None
        )
        status, completed = self._status(text)
        as_of = self._date("as_of", "the report's as-of date", text.get("as_of", ""))
        self._completed_by_round(completed, as_of)
        if self._errors or guard is None or status is None:
            return
        key = (guard.number, index, as_of)
        if key in self.safeguards:
            first = self.safeguards[key].source
            self._error(
                None,
                f"duplicate row: safeguard {guard.number} deadline {index}{_round(as_of)} already at {first}",
            )
            return
        self.safeguards[key] = self._made(guard.number, index, status, completed, unit, text, where, as_of)

    def _obligation(self, where: str, text: dict[str, Any], value: str) -> None:
        """A row reporting a unit's share of an obligation (``S1.6``), or a safeguard target's figure."""
        key = "S" + value.upper().removeprefix("S")
        found = self.obligations.get(key)
        if found is None:
            keys = list(self.obligations)
            listing = f"{keys[0]}..{keys[-1]}" if keys else "none"
            self._error("safeguard", f"no obligation {value!r}: the plan's obligations are {listing}")
        if text.get("task", "") != "":
            self._error("task", "an obligation row names no task: clear 任务序号 or 保障措施")
        if text.get("milestone", "") != "":
            self._error("milestone", "an obligation row has no milestone: its deadline is the obligation's")
        share: str | None = None
        name = str(text.get("unit", "")).strip()
        if name and found is not None:
            share, refused = reporter(self.plan, found, name)
            if refused:
                self._error("unit", refused)
        if found is not None:
            self._obligation_due(found, text.get("due", ""))
        if text.get("target", "") != "":
            self._obligation_actual(where, found, share, text)
            return
        status, completed = self._status(text)
        as_of = self._date("as_of", "the report's as-of date", text.get("as_of", ""))
        self._completed_by_round(completed, as_of)
        if self._errors or found is None or status is None:
            return
        round_key = (found.key, share, as_of)
        if round_key in self.shares:
            whose = share or "the whole"
            first = self.shares[round_key].source
            self._error(None, f"duplicate row: {found.key} ({whose}){_round(as_of)} already at {first}")
            return
        self.shares[round_key] = ObligationEntry(
            obligation=found.key,
            status=status,
            completed=completed,
            unit=share,
            note=str(text.get("note", "")),
            evidence=str(text.get("evidence", "")),
            source=str(text.get("source", "")) or f"{self.name}:{where}",
            as_of=as_of,
        )

    def _obligation_due(self, obligation: Obligation, due: object) -> None:
        """The plan column 截止日期 of an obligation row, edited by hand, is a problem."""
        if due in ("", None):
            return
        try:
            day: dt.date | None = ledger_date(due)
        except ValueError:
            day = None
        if day != obligation.due:
            said = obligation.due or f"none ({obligation.frequency})"
            self._error(
                "due",
                f"the plan column 截止日期 was edited: {obligation.key} is due {said}, the row says {due}",
            )

    def _obligation_actual(
        self, where: str, obligation: Obligation | None, share: str | None, text: dict[str, Any]
    ) -> None:
        index: int | None = None
        if obligation is not None:
            targets = [self._guard_targets[obligation.safeguard][i] for i in obligation.targets]
            listing = ", ".join(f"{i} ({t.phrase})" for i, t in enumerate(targets, 1)) or "none"
            raw = str(text["target"]).strip()
            if re.fullmatch(r"\d{1,3}", raw) and 1 <= int(raw) <= len(targets):
                index = int(raw)
            else:
                self._error("target", f"{obligation.key} has no target {raw!r}; its targets: {listing}")
            if index is not None and targets[index - 1].scope == "per county" and share is None:
                self._error(
                    "unit",
                    f"target {index} of {obligation.key} is set per county ({targets[index - 1].phrase}): "
                    "fill in 填报单位 with the county whose figure it is",
                )
        value = self._value(text)
        as_of = self._date("as_of", "the value's as-of date", text.get("as_of", ""))
        if self._errors or obligation is None or index is None or value is None or as_of is None:
            return
        key = (obligation.key, index, share, as_of)
        if key in self.obligation_actuals:
            first = self.obligation_actuals[key].source
            self._error(
                None, f"duplicate row: {obligation.key} target {index} as of {as_of} already at {first}"
            )
            return
        self.obligation_actuals[key] = ObligationActual(
            obligation=obligation.key,
            target=index,
            value=value,
            as_of=as_of,
            unit=share,
            note=str(text.get("note", "")),
            evidence=str(text.get("evidence", "")),
            source=str(text.get("source", "")) or f"{self.name}:{where}",
        )

    def _value(self, text: dict[str, Any]) -> float | None:
        """The actual value of a target row, with its as-of date required; status columns refused."""
        value: float | None = None
        if text.get("value", "") == "":
            self._error("value", "the actual value is missing")
        else:
            try:
                value = _parse_number(text["value"])
            except ValueError as error:
                self._error("value", f"value: {error}")
        if text.get("as_of", "") == "":
            self._error("as_of", "the as-of date of the value is missing")
        if text.get("status", "") != "" or text.get("completed", "") != "":
            field = "status" if text.get("status", "") != "" else "completed"
            self._error(field, "status and completion date belong to milestone rows, not target rows")
        return value

    def _target(self, task: Task, value: str) -> int | None:
        listing = ", ".join(f"{i} ({t.phrase})" for i, t in enumerate(task.targets, 1)) or "none"
        if re.fullmatch(r"\d{1,3}", value):
            index = int(value)
            if 1 <= index <= len(task.targets):
                return index
            self._error("target", f"task {task.number} has no target {index}; its targets: {listing}")
            return None
        matches = [i for i, t in enumerate(task.targets, 1) if value in (t.phrase, t.subject)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            self._error(
                "target",
                f"target {value!r} of task {task.number} is ambiguous: "
                f"write {' or '.join(map(str, matches))}",
            )
        else:
            self._error("target", f"task {task.number} has no target {value!r}; its targets: {listing}")
        return None

    def _actual(self, where: str, task: Task | None, unit: str | None, text: dict[str, Any]) -> None:
        index = self._target(task, str(text["target"])) if task else None
        value = self._value(text)
        as_of = self._date("as_of", "the value's as-of date", text.get("as_of", ""))
        if self._errors or task is None or index is None or value is None or as_of is None:
            return
        key = (task.number, index, as_of)
        if key in self.actuals:
            first = self.actuals[key].source
            self._error(
                None, f"duplicate row: task {task.number} target {index} as of {as_of} already at {first}"
            )
            return
        self.actuals[key] = TargetActual(
            task=task.number,
            target=index,
            value=value,
            as_of=as_of,
            unit=unit,
            note=str(text.get("note", "")),
            evidence=str(text.get("evidence", "")),
            source=str(text.get("source", "")) or f"{self.name}:{where}",
        )

    def ledger(self) -> Ledger:
        return Ledger(
            entries=tuple(self.entries.values()),
            actuals=tuple(self.actuals.values()),
            safeguards=tuple(self.safeguards.values()),
            obligations=tuple(self.shares.values()),
            obligation_actuals=tuple(self.obligation_actuals.values()),
        )


def _columns(checker: _Checker, header: Sequence[object], where: str) -> list[str | None] | None:
    """The column name of each header cell (None for one ignored); None when no row can be read."""
    columns: list[str | None] = []
    for cell in header:
        label = "" if cell is None else str(cell)
        name = HEADERS.get(header_key(label))
        if name is None and label.strip():
            known = ", ".join(f"{n} / {zh}" for n, zh, used in COLUMNS if used)
            checker.problem(
                where,
                f"unknown column {label.strip()!r} is ignored (its cells are not read); "
                f"known columns: {known}",
                warning=True,
            )
        columns.append(name)
    if "task" not in columns:
        checker.problem(where, "no task column (任务序号): no row can be read")
        return None
    return columns


def _csv_rows(checker: _Checker, text: str) -> Iterator[tuple[str, dict[str, str], dict[str, str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        checker.problem("line 1", "the file is empty: expected a header row (see `heze-plan ledger init`)")
        return
    columns = _columns(checker, header, "line 1")
    if columns is None:
        return
    start = reader.line_num + 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
                checker.problem(
                    f"line {start}", f"{len(cells)} cells but only {len(columns)} columns: row ignored"
                )
            else:
                yield (
                    f"line {start}",
                    {c: v for c, v in zip(columns, cells, strict=False) if c is not None},
                    {},
                )
        start = reader.line_num + 1


def _xlsx_rows(checker: _Checker, data: bytes) -> Iterator[tuple[str, dict[str, Any], Mapping[str, str]]]:
    sheet, header, rows = read_workbook(data, checker.name)
    columns = _columns(checker, header, f"{sheet}!1")
    if columns is None:
        return
    letters = {name: column_letter(i) for i, name in enumerate(columns, 1) if name is not None}
    for number, values in rows:
        if not any(v not in (None, "") and str(v).strip() for v in values):
            continue
        extra = [
            f"{sheet}!{column_letter(i)}{number}"
            for i, v in enumerate(values[len(columns) :], len(columns) + 1)
            if v not in (None, "") and str(v).strip()
        ]
        if extra:
            checker.problem(extra[0], f"cells outside the header's columns ({', '.join(extra)}): row ignored")
            continue
        yield (
            f"{sheet}!{number}",
            {c: v for c, v in zip(columns, values, strict=False) if c is not None},
            _Cells(sheet, letters, number),
        )


def _json_rows(checker: _Checker, text: str) -> Iterator[tuple[str, dict[str, Any], dict[str, str]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        checker.problem(f"line {error.lineno}", f"not JSON: {error.msg}")
        return
    if not isinstance(data, dict) or data.get("format") != LEDGER_FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        checker.problem("$.format", f"expected {LEDGER_FORMAT!r}, found {found!r}")
        return
    for section, kind in (("milestones", "milestone"), ("targets", "target"), ("safeguards", "safeguard")):
        rows = data.get(section, [])
        if not isinstance(rows, list):
            checker.problem(f"$.{section}", f"expected a list of rows, found {type(rows).__name__}")
            continue
        for number, row in enumerate(rows):
            where = f"$.{section}[{number}]"
            if not isinstance(row, dict):
                checker.problem(where, f"expected an object, found {type(row).__name__}")
                continue
            unknown = sorted(set(row) - {n for n, _, _ in COLUMNS} - {"source"})
            if unknown:
                checker.problem(where, f"unknown keys {unknown} are ignored", warning=True)
            if kind in ("target", "safeguard") and row.get(kind) in ("", None):
                checker.problem(where, f"a row under {section} needs a {kind}")
                continue
            yield (
                where,
                {
                    k: ("" if v is None else v if isinstance(v, (int, float)) else str(v))
                    for k, v in row.items()
                },
                {k: f"{where}.{k}" for k in row},
            )
    unknown = sorted(set(data) - {"format", "milestones", "targets", "safeguards"})
    if unknown:
        checker.problem("$", f"unknown keys {unknown} are ignored", warning=True)


def parse_ledger(
    text: str, plan: Plan, *, name: str = "<ledger>", json_format: bool = False, as_of: dt.date | None = None
) -> tuple[Ledger, list[Problem]]:
    """The good rows of a ledger text and every problem found, in file order.

    ``as_of`` is the date the ledger is read for: a completion or as-of date
    after it is a problem (it cannot have happened yet).
    """
    checker = _Checker(plan, name, as_of)
    rows: Iterable[tuple[str, Mapping[str, Any], Mapping[str, str]]] = (
        _json_rows(checker, text) if json_format else _csv_rows(checker, text)
    )
    for where, row, cells in rows:
        checker.row(where, row, cells)
    return checker.ledger(), checker.problems


@frozen
class LedgerFile:
    """A ledger file as read: its good rows, every problem and warning, and how it was read.

    ``encoding`` says how the file was read (``xlsx``, ``JSON``, ``UTF-8 CSV``,
    ``GB18030 CSV``, ...), so that the user can see that a GBK file was
    understood as such.
    """

    ledger: Ledger
    problems: tuple[Problem, ...]
    encoding: str


#: Byte-order marks, longest first (UTF-32's starts like UTF-16's), and the codec each means.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 (with BOM)"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """The text of a CSV or JSON file and the encoding it was read in (said to the user).

    A byte-order mark decides; NUL bytes, which no text has, mean UTF-16
    without one (``_utf16``); otherwise UTF-8 is tried first (a GBK file
    of Chinese text is almost never valid UTF-8), then GB18030, which reads
    every GBK and GB2312 file.
    """
    for mark, codec, label in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError as error:
                msg = (
                    f"{path} starts like {label} but is not (byte {error.start}); save it again as CSV UTF-8"
                )
                raise LedgerError(msg) from None
    if b"\x00" in data:  # text has no NUL: UTF-16 without its byte-order mark (ASCII's high bytes)
        return _utf16(data, path)
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GB18030/GBK"
    except UnicodeDecodeError as error:
        msg = (
            f"{path} is neither UTF-8 nor GB18030/GBK text (byte {error.start}): in Excel, save it as "
            "“CSV UTF-8 (逗号分隔)(*.csv)” or as an .xlsx workbook"
        )
        raise LedgerError(msg) from None


def _utf16(data: bytes, path: Path) -> tuple[str, str]:
    """A file with NUL bytes: UTF-16 without a byte-order mark, little or big endian.

    The commas, digits and line ends of a CSV are ASCII, whose UTF-16 code
    units have a zero high byte: zeros at odd offsets mean little endian (as
    Windows writes it), at even offsets big endian.
    """
    odd = data[1::2].count(0)
    even = data[0::2].count(0)
    codec, label = ("utf-16-le", "UTF-16 LE (no BOM)") if odd >= even else ("utf-16-be", "UTF-16 BE (no BOM)")
    try:
        if len(data) % 2:
            raise UnicodeDecodeError(codec, data, len(data) - 1, len(data), "odd number of bytes")
        return data.decode(codec), label
    except UnicodeDecodeError as error:
        msg = (
            f"{path} has NUL bytes, as UTF-16 text without a byte-order mark would, but is not {label} "
            f"(byte {error.start}): save it again as CSV UTF-8 or as an .xlsx workbook"
        )
        raise LedgerError(msg) from None


#: Workbooks read after LibreOffice converts them to .xlsx (``heze_plan.sources.office.WORKBOOK_SUFFIXES``).
_CONVERTED = (".xls", ".ods")


def load_ledger(path: Path | str, plan: Plan, *, as_of: dt.date | None = None) -> LedgerFile:
    """Read a ledger file: .xlsx (a workbook), .json, else CSV (UTF-8, GB18030/GBK or UTF-16).

    An ``.xls`` or ``.ods`` workbook (Excel 97–2003, OpenDocument) is converted to
    ``.xlsx`` by LibreOffice first (:mod:`heze_plan.sources.office`), when it is installed.

    Never writes to the file. An unreadable file is a :class:`~heze_plan.errors.LedgerError`.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        msg = f"cannot read ledger {path}: {error.strerror}"
        raise LedgerError(msg) from None
    described = "xlsx workbook"
    if path.suffix.lower() in _CONVERTED:  # .xls, .ods: LibreOffice makes them .xlsx
        # imported here: the readers of every plan format cost ~40 ms, which a CSV ledger never needs
        from heze_plan.sources import office  # noqa: PLC0415

        try:
            data = office.to_xlsx(path, data)
        except SourceError as error:
            raise LedgerError(f"cannot read ledger {error}") from None
        described = f"{path.suffix.lower().lstrip('.')} workbook, converted by LibreOffice"
    if path.suffix.lower() in (".xlsx", ".xlsm", *_CONVERTED) or data.startswith(b"PK\x03\x04"):
        checker = _Checker(plan, str(path), as_of)
        for where, row, cells in _xlsx_rows(checker, data):
            checker.row(where, row, cells)
        return LedgerFile(checker.ledger(), tuple(checker.problems), described)
    text, encoding = _decode(data, path)
    json_format = path.suffix.lower() == ".json"
    ledger, problems = parse_ledger(text, plan, name=str(path), json_format=json_format, as_of=as_of)
    return LedgerFile(ledger, tuple(problems), "JSON" if json_format else f"{encoding} CSV")


def read_ledger(
    path: Path | str, plan: Plan, *, as_of: dt.date | None = None
) -> tuple[Ledger, list[Problem]]:
    """Read a ledger file: its good rows and its problems.

    See :func:`~heze_plan.progress.ledger_files.load_ledger`, which also says how the file was read.
    """
    read = load_ledger(path, plan, as_of=as_of)
    return read.ledger, list(read.problems)


def template_rows(
    plan: Plan,
    tasks: Chosen | None = None,
    *,
    unit: str | None = None,
    led_by: str | None = None,
    safeguards: bool = True,
    obligations_of: str | None = None,
) -> list[dict[str, object]]:
    """The rows of a template: one per milestone, task without milestone, target, obligation.

    ``tasks`` (a query selection, or a list of tasks, milestones and targets:
    :func:`heze_plan.query.scope`) picks the rows, in the plan's order;
    ``led_by`` keeps the tasks that unit leads; ``unit`` fills the 填报单位
    column. ``safeguards`` adds a row for every obligation of the safeguards
    (保障措施: S1.1 onwards, which belong to no task) and for every target an
    obligation states; ``obligations_of`` (a unit or county) adds only the
    obligations that fall on it, with its name as 填报单位. A target set per
    county has a row per county. Values are typed: numbers as ints, dates as dates.
    """
    rows: list[dict[str, object]] = []
    picked = scope(plan, tasks)
    numbers = {t.number for t in picked.tasks}
    for task in plan.tasks:
        if task.number not in numbers or (led_by is not None and led_by not in task.lead_units):
            continue
        common: dict[str, object] = {
            "task": task.number,
            "title": task.labelled_title,
            "lead_units": LIST_SEPARATOR.join(task.lead_units),
            "unit": unit or "",
        }
        if task.ongoing and task.number in picked.whole:
            rows.append(common | {"item": "（无时间节点，全年推进）"})
        for index in picked.milestone_numbers(task):
            milestone = task.milestones[index - 1]
            item = f"{milestone.phrase}：{milestone.deliverable}"
            rows.append(common | {"milestone": index, "due": milestone.due, "item": item})
        for index in picked.target_numbers(task):
            target = task.targets[index - 1]
            rows.append(common | {"target": index, "item": f"{target.phrase}：{target.subject}"})
    if safeguards or obligations_of is not None:
        rows += _obligation_rows(plan, None if safeguards else obligations_of)
    return rows


def _obligation_rows(plan: Plan, party: str | None) -> list[dict[str, object]]:
    """A row per obligation and per target it states; with ``party``, its share of those on it.

    The county collective (各县区政府、管委会) stands for each county: its rows are one per county.
    """
    rows: list[dict[str, object]] = []
    for guard in plan.safeguards:
        for obligation in guard.obligations:
            own = shares(obligation)
            whose: list[str | None] = [None]
            if party in COUNTY_COLLECTIVES:
                whose = [county for county in own if county in COUNTIES]
            elif party is not None:
                share, refused = reporter(plan, obligation, party)
                whose = [] if refused or share not in own else [share]
            common: dict[str, object] = {
                "safeguard": obligation.key,
                "title": f"保障措施{area_label(guard.number)}{guard.title}",
                "lead_units": obligation.actor_phrase,
            }
            when = obligation.phrase or _FREQUENCY_WORDS.get(obligation.frequency or "", obligation.frequency)
            item = f"{when}：{obligation.action}"
            rows += [common | {"due": obligation.due or "", "item": item, "unit": u or ""} for u in whose]
            for index, number in enumerate(obligation.targets, 1):
                target = guard.targets[number]
                line = common | {
                    "target": index,
                    "item": f"{target.phrase}（{target_formula(target)}）：{target.subject}",
                    "lead_units": target.applies_to or obligation.actor_phrase,
                }
                if target.scope == "per county" and whose == [None]:  # the whole plan: each county's row
                    rows += [line | {"unit": county} for county in own if county in COUNTIES]
                else:
                    rows += [line | {"unit": u or ""} for u in whose]
    return rows


#: How a template words an obligation that has no deadline (its frequency).
_FREQUENCY_WORDS = {"ongoing": "持续推进", "常态化": "常态化", "定期": "定期", "适时": "适时", "及时": "及时"}


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else "" if value is None else str(value)


def template(
    plan: Plan,
    *,
    unit: str | None = None,
    json_format: bool = False,
    chinese: bool = True,
    tasks: Chosen | None = None,
    rows: list[dict[str, object]] | None = None,
) -> str:
    """A ledger template listing every milestone, task without milestone, target and obligation.

    With ``unit``, only the tasks that unit leads (lead units are accountable
    and report) and the safeguards' obligations that fall on it; with ``tasks``
    (a query selection, or a list of tasks, milestones and targets:
    :func:`heze_plan.query.scope`), only what it picks, in the plan's order;
    every obligation (S1.1 onwards) is listed for the whole plan. ``rows``
    (from :func:`template_rows`) lists others. CSV starts with a byte-order
    mark so that Excel opens it as UTF-8; headers are Chinese unless
    ``chinese`` is false.
    """
    if rows is None:
        whole = unit is None and tasks is None
        own = unit if tasks is None else None  # a unit's template: the obligations that fall on it too
        rows = template_rows(plan, tasks, unit=unit, led_by=unit, safeguards=whole, obligations_of=own)
    if json_format:
        milestones: list[dict[str, object]] = []
        targets: list[dict[str, object]] = []
        guards: list[dict[str, object]] = []
        for row in rows:
            shown: dict[str, object] = (
                {"task": row["task"]} if "task" in row else {"safeguard": row["safeguard"]}
            )
            shown |= {k: _text(row.get(k, "")) for k in ("title", "lead_units", "item")}
            if "target" in row:
                shown |= {"target": row["target"], "value": None, "as_of": ""}
                targets.append(shown)
            else:
                shown |= {"milestone": row.get("milestone"), "due": _text(row.get("due", ""))}
                shown |= {"status": "", "completed": ""}
                (guards if "safeguard" in row else milestones).append(shown)
            shown |= {"unit": row["unit"], "note": "", "evidence": ""}
        document = {
            "format": LEDGER_FORMAT,
            "milestones": milestones,
            "targets": targets,
            "safeguards": guards,
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([zh if chinese else name for name, zh, _ in COLUMNS])
    for row in rows:
        writer.writerow([_text(row.get(name, "")) for name, _, _ in COLUMNS])
    return "\ufeff" + out.getvalue()


def template_workbook(plan: Plan, rows: list[dict[str, object]], *, unit: str | None = None) -> bytes:
    """The template of ``rows`` (from :func:`template_rows`) as an .xlsx workbook."""
    return workbook(rows, title=plan.document.title, unit=unit)


#: The columns of a written ledger: the template's, and where each row came from.
LEDGER_COLUMNS: tuple[tuple[str, str, bool], ...] = (*COLUMNS, ("source", "来源", True))


def ledger_rows(plan: Plan, ledger: Ledger) -> list[dict[str, object]]:
    """The rows of a ledger as :func:`write_ledger` writes them, plan columns filled from the plan."""
    rows: list[dict[str, object]] = []
    tasks = {t.number: t for t in plan.tasks}
    guards = {g.number: g for g in plan.safeguards}
    for entry in ledger.entries:
        task = tasks[entry.task]
        row: dict[str, object] = {
            "task": task.number,
            "title": task.labelled_title,
            "lead_units": LIST_SEPARATOR.join(task.lead_units),
        }
        if entry.milestone is not None:
            milestone = task.milestones[entry.milestone - 1]
            row |= {"milestone": entry.milestone, "due": milestone.due}
        rows.append(row | _reported(entry))
    for actual in ledger.actuals:
        task = tasks[actual.task]
        rows.append(
            {
                "task": task.number,
                "target": actual.target,
                "title": task.labelled_title,
                "lead_units": LIST_SEPARATOR.join(task.lead_units),
                "value": actual.value,
                "as_of": actual.as_of,
                "unit": actual.unit or "",
                "note": actual.note,
                "evidence": actual.evidence,
                "source": actual.source,
            }
        )
    for entry in ledger.safeguards:
        guard = guards[entry.task]
        row = {"safeguard": guard.number, "milestone": entry.milestone}
        if entry.milestone is not None:
            row["due"] = guard.milestones[entry.milestone - 1].due
        rows.append(row | _reported(entry))
    found = {o.key: o for g in plan.safeguards for o in g.obligations}
    for share in ledger.obligations:
        obligation = found[share.obligation]
        row = {"safeguard": share.obligation, "lead_units": obligation.actor_phrase}
        rows.append(row | {"due": obligation.due or ""} | _reported(share))
    for figure in ledger.obligation_actuals:
        obligation = found[figure.obligation]
        rows.append(
            {
                "safeguard": figure.obligation,
                "target": figure.target,
                "lead_units": obligation.actor_phrase,
                "value": figure.value,
                "as_of": figure.as_of,
                "unit": figure.unit or "",
                "note": figure.note,
                "evidence": figure.evidence,
                "source": figure.source,
            }
        )
    return rows


def _reported(entry: MilestoneEntry | ObligationEntry) -> dict[str, object]:
    return {
        "status": entry.status.label,
        "completed": entry.completed or "",
        "as_of": entry.as_of or "",
        "unit": entry.unit or "",
        "note": entry.note,
        "evidence": entry.evidence,
        "source": entry.source,
    }


def write_ledger(plan: Plan, ledger: Ledger, fmt: str) -> bytes:
    """A ledger as a file of ``fmt`` (``xlsx``, ``csv`` or ``json``) that :func:`load_ledger` reads back.

    Every row keeps its 填报单位 and its source (the file and cell it was
    read from), in the 来源 column.
    """
    rows = ledger_rows(plan, ledger)
    if fmt == "xlsx":
        return workbook(rows, title=plan.document.title, columns=LEDGER_COLUMNS)
    if fmt == "json":
        sections: dict[str, list[dict[str, object]]] = {"milestones": [], "targets": [], "safeguards": []}
        for row in rows:
            section = "targets" if "target" in row else "safeguards" if "safeguard" in row else "milestones"
            sections[section].append({k: _json_value(v) for k, v in row.items() if v != ""})
        document = {"format": LEDGER_FORMAT, **sections}
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt != "csv":
        msg = f"unknown ledger format {fmt!r}: use xlsx, csv or json"
        raise ValueError(msg)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([zh for _, zh, _ in LEDGER_COLUMNS])
    for row in rows:
        writer.writerow([_cell_text(row.get(name, "")) for name, _, _ in LEDGER_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _cell_text(value: object) -> str:
    if isinstance(value, float):
        return repr(value)  # every digit: the value reads back the same
    return _text(value)
