"""Reading ledger files (CSV or JSON) with every problem reported, and writing templates.

A CSV ledger is what a department fills in with a spreadsheet: UTF-8 with
or without the byte-order mark Excel writes, headers in Chinese or English
(``docs/ledger.md`` lists every column). Reading never stops at the first
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
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from heze_plan.common.dates import spreadsheet_date
from heze_plan.errors import LedgerError
from heze_plan.model.plan import Plan, Task
from heze_plan.progress.ledger import Ledger, MilestoneEntry, Problem, Progress, TargetActual
from heze_plan.query.lookup import UnitLookupError, resolve_unit
from heze_plan.query.selections import Chosen, scope

__all__ = ["COLUMNS", "LEDGER_FORMAT", "LedgerError", "parse_ledger", "read_ledger", "template"]

#: Names the JSON ledger format and its version.
LEDGER_FORMAT = "heze-plan-ledger/1"

#: Every column: its English name, its Chinese header, and whether reading uses it.
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("task", "任务序号", True),
    ("milestone", "时间节点", True),
    ("target", "目标", True),
    ("title", "任务名称", False),
    ("due", "截止日期", False),
    ("item", "节点或目标内容", False),
    ("lead_units", "牵头单位", False),
    ("status", "状态", True),
    ("completed", "完成日期", True),
    ("value", "实际值", True),
    ("as_of", "数据截至", True),
    ("unit", "填报单位", True),
    ("note", "备注", True),
    ("evidence", "佐证材料", True),
)
_HEADERS = {name: name for name, _, _ in COLUMNS} | {zh: name for name, zh, _ in COLUMNS}
_HEADERS |= {"as of": "as_of", "lead units": "lead_units", "任务编号": "task", "序号": "task"}


def _key(header: str) -> str:
    return " ".join(header.strip().lower().split())


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


class _Checker:
    """Turns raw rows into entries, collecting problems; one instance per file."""

    def __init__(self, plan: Plan, name: str, as_of: dt.date | None) -> None:
        self.plan, self.name, self.as_of = plan, name, as_of
        self.problems: list[Problem] = []
        self.entries: dict[tuple[int, int | None], MilestoneEntry] = {}
        self.actuals: dict[tuple[int, int, dt.date], TargetActual] = {}
        self.tasks = {t.number: t for t in plan.tasks}

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.name, where, message))

    def row(self, where: str, raw: Mapping[str, Any]) -> None:
        """Check one row; keep it when good, else record every problem it has."""
        errors: list[str] = []
        text = {
            k: "" if v is None else v if isinstance(v, (int, float)) else str(v).strip()
            for k, v in raw.items()
        }
        if not any(
            text.get(k) not in ("", None)
            for k in ("status", "completed", "value", "as_of", "note", "evidence")
        ):
            return  # a template row nobody filled in: not reported yet
        task = self._task(text.get("task", ""), errors)
        unit = self._unit(text.get("unit", ""), task, errors)
        if text.get("target", "") != "":
            if text.get("milestone", "") != "":
                errors.append("a row gives either a milestone or a target, not both")
            self._actual(where, task, unit, text, errors)
        else:
            self._entry(where, task, unit, text, errors)
        for error in errors:
            self.problem(where, error)

    def _task(self, value: object, errors: list[str]) -> Task | None:
        try:
            number = int(str(value).strip())
        except ValueError:
            errors.append(
                f"task {value!r} is not a task number" if value != "" else "the task number is missing"
            )
            return None
        if number not in self.tasks:
            errors.append(f"unknown task {number}: the plan numbers its tasks 1..{len(self.tasks)}")
            return None
        return self.tasks[number]

    def _unit(self, name: object, task: Task | None, errors: list[str]) -> str | None:
        name = str(name).strip()
        if not name:
            return None
        try:
            canonical = resolve_unit(self.plan, name).name
        except UnitLookupError as error:
            errors.append(str(error))
            return None
        if task is not None and canonical not in task.units:
            errors.append(
                f"{canonical} is not a unit of task {task.number} (its units: {'、'.join(task.units)})"
            )
        return canonical

    def _date(self, label: str, value: object, errors: list[str]) -> dt.date | None:
        if value in ("", None):
            return None
        try:
            day = spreadsheet_date(str(value))
        except ValueError as error:
            errors.append(f"{label}: {error}")
            return None
        if day.year != self.plan.year:
            errors.append(f"{label} {day} is outside the plan year {self.plan.year}")
            return None
        if self.as_of is not None and day > self.as_of:
            errors.append(
                f"{label} {day} is after {self.as_of}, the date checked for: it cannot have happened yet"
            )
            return None
        return day

    def _milestone(self, task: Task, value: str, errors: list[str]) -> int | None:  # noqa: PLR0911 - one per mistake
        listing = ", ".join(f"{i} ({m.due})" for i, m in enumerate(task.milestones, 1))
        if value == "":
            if task.milestones:
                errors.append(f"say which milestone of task {task.number}: {listing}")
            return None
        if not task.milestones:
            errors.append(
                f"task {task.number} has no milestone (it runs all year): leave the milestone empty"
            )
            return None
        if re.fullmatch(r"\d{1,3}", value):
            index = int(value)
            if not 1 <= index <= len(task.milestones):
                errors.append(f"task {task.number} has no milestone {index}; its milestones are {listing}")
                return None
            return index
        try:
            due = spreadsheet_date(value)
        except ValueError:
            errors.append(
                f"milestone {value!r} is neither an index nor a date; task {task.number}: {listing}"
            )
            return None
        matches = [i for i, m in enumerate(task.milestones, 1) if m.due == due]
        if not matches:
            errors.append(f"task {task.number} has no milestone due {due}; its milestones are {listing}")
            return None
        if len(matches) > 1:
            choices = " or ".join(f"{i} ({task.milestones[i - 1].deliverable[:20]}…)" for i in matches)
            errors.append(f"task {task.number} has {len(matches)} milestones due {due}: write {choices}")
            return None
        return matches[0]

    def _entry(
        self, where: str, task: Task | None, unit: str | None, text: dict[str, Any], errors: list[str]
    ) -> None:
        index = self._milestone(task, str(text.get("milestone", "")), errors) if task else None
        status: Progress | None = None
        if text.get("status", "") == "":
            errors.append("the status is missing: " + ", ".join(f"{s.value} / {s.label}" for s in Progress))
        else:
            try:
                status = Progress.parse(str(text["status"]))
            except ValueError as error:
                errors.append(str(error))
        completed = self._date("completion date", text.get("completed", ""), errors)
        if status is Progress.DONE and text.get("completed", "") == "":
            errors.append("status done needs a completion date")
        elif status not in (None, Progress.DONE) and text.get("completed", "") != "":
            errors.append(f"status {status.value} contradicts the completion date {text['completed']}")
        if status is Progress.DROPPED and not text.get("note"):
            errors.append("a dropped milestone needs a note saying why")
        if text.get("value", "") != "" or text.get("as_of", "") != "":
            errors.append("value and as-of date belong to target rows: fill in the target column")
        if errors or task is None or status is None:
            return
        key = (task.number, index)
        if key in self.entries:
            errors.append(
                f"duplicate row: task {task.number} milestone {index} already at {self.entries[key].source}"
            )
            return
        self.entries[key] = MilestoneEntry(
            task=task.number,
            milestone=index,
            status=status,
            completed=completed,
            unit=unit,
            note=str(text.get("note", "")),
            evidence=str(text.get("evidence", "")),
            source=f"{self.name}:{where}",
        )

    def _target(self, task: Task, value: str, errors: list[str]) -> int | None:
        listing = ", ".join(f"{i} ({t.phrase})" for i, t in enumerate(task.targets, 1)) or "none"
        if re.fullmatch(r"\d{1,3}", value):
            index = int(value)
            if 1 <= index <= len(task.targets):
                return index
            errors.append(f"task {task.number} has no target {index}; its targets: {listing}")
            return None
        matches = [i for i, t in enumerate(task.targets, 1) if value in (t.phrase, t.subject)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            errors.append(
                f"target {value!r} of task {task.number} is ambiguous: write {' or '.join(map(str, matches))}"
            )
        else:
            errors.append(f"task {task.number} has no target {value!r}; its targets: {listing}")
        return None

    def _actual(
        self, where: str, task: Task | None, unit: str | None, text: dict[str, Any], errors: list[str]
    ) -> None:
        index = self._target(task, str(text["target"]), errors) if task else None
        value: float | None = None
        if text.get("value", "") == "":
            errors.append("the actual value is missing")
        else:
            try:
                value = _parse_number(text["value"])
            except ValueError as error:
                errors.append(f"value: {error}")
        as_of = self._date("the value's as-of date", text.get("as_of", ""), errors)
        if text.get("as_of", "") == "":
            errors.append("the as-of date of the value is missing")
        if text.get("status", "") != "" or text.get("completed", "") != "":
            errors.append("status and completion date belong to milestone rows, not target rows")
        if errors or task is None or index is None or value is None or as_of is None:
            return
        key = (task.number, index, as_of)
        if key in self.actuals:
            first = self.actuals[key].source
            errors.append(
                f"duplicate row: task {task.number} target {index} as of {as_of} already at {first}"
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
            source=f"{self.name}:{where}",
        )

    def ledger(self) -> Ledger:
        entries: tuple[MilestoneEntry, ...] = tuple(self.entries.values())
        actuals: tuple[TargetActual, ...] = tuple(self.actuals.values())
        return Ledger(entries=entries, actuals=actuals)


def _csv_rows(checker: _Checker, text: str) -> Iterator[tuple[str, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        checker.problem("line 1", "the file is empty: expected a header row (see `heze-plan ledger init`)")
        return
    columns: list[str | None] = []
    for cell in header:
        name = _HEADERS.get(_key(cell))
        if name is None and cell.strip():
            known = ", ".join(f"{n} / {zh}" for n, zh, used in COLUMNS if used)
            checker.problem("line 1", f"unknown column {cell.strip()!r} is ignored; known columns: {known}")
        columns.append(name)
    if "task" not in columns:
        checker.problem("line 1", "no task column (任务序号): no row can be read")
        return
    start = reader.line_num + 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
                checker.problem(
                    f"line {start}", f"{len(cells)} cells but only {len(columns)} columns: row ignored"
                )
            else:
                yield f"line {start}", {c: v for c, v in zip(columns, cells, strict=False) if c is not None}
        start = reader.line_num + 1


def _json_rows(checker: _Checker, text: str) -> Iterator[tuple[str, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        checker.problem(f"line {error.lineno}", f"not JSON: {error.msg}")
        return
    if not isinstance(data, dict) or data.get("format") != LEDGER_FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        checker.problem("$.format", f"expected {LEDGER_FORMAT!r}, found {found!r}")
        return
    for section, kind in (("milestones", "milestone"), ("targets", "target")):
        rows = data.get(section, [])
        if not isinstance(rows, list):
            checker.problem(f"$.{section}", f"expected a list of rows, found {type(rows).__name__}")
            continue
        for number, row in enumerate(rows):
            where = f"$.{section}[{number}]"
            if not isinstance(row, dict):
                checker.problem(where, f"expected an object, found {type(row).__name__}")
                continue
            unknown = sorted(set(row) - {n for n, _, _ in COLUMNS})
            if unknown:
                checker.problem(where, f"unknown keys {unknown} are ignored")
            if kind == "target" and row.get("target") in ("", None):
                checker.problem(where, "a row under targets needs a target")
                continue
            yield (
                where,
                {
                    k: ("" if v is None else v if isinstance(v, (int, float)) else str(v))
                    for k, v in row.items()
                },
            )
    unknown = sorted(set(data) - {"format", "milestones", "targets"})
    if unknown:
        checker.problem("$", f"unknown keys {unknown} are ignored")


def parse_ledger(
    text: str, plan: Plan, *, name: str = "<ledger>", json_format: bool = False, as_of: dt.date | None = None
) -> tuple[Ledger, list[Problem]]:
    """The good rows of a ledger text and every problem found, in file order.

    ``as_of`` is the date the ledger is read for: a completion or as-of date
    after it is a problem (it cannot have happened yet).
    """
    checker = _Checker(plan, name, as_of)
    rows: Iterable[tuple[str, Mapping[str, Any]]] = (
        _json_rows(checker, text) if json_format else _csv_rows(checker, text)
    )
    for where, row in rows:
        checker.row(where, row)
    return checker.ledger(), checker.problems


def read_ledger(
    path: Path | str, plan: Plan, *, as_of: dt.date | None = None
) -> tuple[Ledger, list[Problem]]:
    """Read a ledger file (JSON when it ends in ``.json``, else CSV); never writes to it."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        msg = f"cannot read ledger {path}: {error.strerror}"
        raise LedgerError(msg) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        msg = (
            f"{path} is not UTF-8 text (byte {error.start}): in Excel, save it as "
            "“CSV UTF-8 (逗号分隔)(*.csv)”"
        )
        raise LedgerError(msg) from None
    return parse_ledger(text, plan, name=str(path), json_format=path.suffix.lower() == ".json", as_of=as_of)


def _template_rows(plan: Plan, unit: str | None, tasks: Chosen | None) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    picked = scope(plan, tasks)
    numbers = {t.number for t in picked.tasks}
    for task in plan.tasks:
        if task.number not in numbers or (unit is not None and unit not in task.lead_units):
            continue
        common = {"task": str(task.number), "title": task.title, "lead_units": "、".join(task.lead_units)}
        common["unit"] = unit or ""
        if task.ongoing and task.number in picked.whole:
            rows.append(common | {"item": "（无时间节点，全年推进）"})
        for index in picked.milestone_numbers(task):
            milestone = task.milestones[index - 1]
            item = f"{milestone.phrase}：{milestone.deliverable}"
            rows.append(common | {"milestone": str(index), "due": milestone.due.isoformat(), "item": item})
        for index in picked.target_numbers(task):
            target = task.targets[index - 1]
            rows.append(common | {"target": str(index), "item": f"{target.phrase}：{target.subject}"})
    return rows


def template(
    plan: Plan,
    *,
    unit: str | None = None,
    json_format: bool = False,
    chinese: bool = True,
    tasks: Chosen | None = None,
) -> str:
    """A ledger template listing every milestone, task without milestone and target to report on.

    With ``unit``, only the tasks that unit leads (lead units are accountable
    and report); with ``tasks`` (a query selection, or a list of tasks,
    milestones and targets: :func:`heze_plan.query.scope`), only what it
    picks, in the plan's order. CSV starts with a byte-order mark so that
    Excel opens it as UTF-8; headers are Chinese unless ``chinese`` is false.
    """
    rows = _template_rows(plan, unit, tasks)
    if json_format:
        milestones, targets = [], []
        for row in rows:
            shown: dict[str, object] = {"task": int(row["task"])}
            shown |= {k: row.get(k, "") for k in ("title", "lead_units", "item")}
            if "target" in row:
                shown |= {"target": int(row["target"]), "value": None, "as_of": ""}
                targets.append(shown)
            else:
                milestone = row.get("milestone")
                shown |= {"milestone": int(milestone) if milestone else None, "due": row.get("due", "")}
                shown |= {"status": "", "completed": ""}
                milestones.append(shown)
            shown |= {"unit": row["unit"], "note": "", "evidence": ""}
        document = {"format": LEDGER_FORMAT, "milestones": milestones, "targets": targets}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([zh if chinese else name for name, zh, _ in COLUMNS])
    for row in rows:
        writer.writerow([row.get(name, "") for name, _, _ in COLUMNS])
    return "\ufeff" + out.getvalue()
