"""The progress report of a :class:`~heze_plan.status.Status` as a table, CSV, JSON or HTML.

Each renderer is a pure function from the status (and the ledger's
problems, which the report lists rather than hides) to text. The HTML
report lives in :mod:`heze_plan.report_html`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from heze_plan.ledger import Problem
from heze_plan.status import Attainment, ItemStatus, Score, State, Status, TargetStatus
from heze_plan.tables import display_width, pad
from heze_plan.target_text import target_formula

__all__ = ["FORMATS", "REPORT_FORMAT", "render", "to_csv", "to_data", "to_json", "to_table"]

#: Names the JSON report format and its version.
REPORT_FORMAT = "heze-plan-status/1"
FORMATS = ("table", "csv", "json", "html")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _rate(score: Score) -> str:
    rate = score.on_time_rate
    return "—" if rate is None else f"{rate:.0%}"


_NUMERIC = re.compile(r"-?\d+(?:\.\d+)?%?|—")


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(display_width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [
            pad(str(c), w, right=bool(_NUMERIC.fullmatch(str(c)))) for c, w in zip(row, widths, strict=True)
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def _milestone_name(item: ItemStatus) -> str:
    return f"{item.task}" if item.milestone is None else f"{item.task}.{item.milestone}"


def _target_text(target: TargetStatus) -> str:
    return target_formula(target.target, number=_number, strip=False)


def _target_rows(result: Status, *, label: str) -> list[list[str]]:
    """A row per target: ``task.index``, its ``label`` field (phrase or subject), wanted, actual, as of,
    attainment."""
    return [
        [
            f"{t.task}.{t.index}",
            getattr(t.target, label),
            _target_text(t),
            _number(t.actual.value) if t.actual else "",
            str(t.actual.as_of) if t.actual else "",
            t.attainment.value,
        ]
        for t in result.targets
    ]


def _behind_first(scores: Sequence[Score]) -> list[Score]:
    """Units or areas with the most overdue, then late, milestones first; otherwise in plan order."""
    return sorted(scores, key=lambda s: (-s.counts.get(State.OVERDUE, 0), -s.counts.get(State.DONE_LATE, 0)))


def _score_rows(scores: Sequence[Score]) -> list[list[str]]:
    order = (
        State.DONE_ON_TIME,
        State.DONE_LATE,
        State.OVERDUE,
        State.DUE_SOON,
        State.NOT_YET_DUE,
        State.ONGOING,
    )
    return [
        [s.name, str(s.total), *(str(s.counts.get(state, 0)) for state in (*order, State.DROPPED)), _rate(s)]
        for s in _behind_first(scores)
    ]


SCORE_HEADER = [
    "",
    "total",
    "on time",
    "late",
    "overdue",
    "due soon",
    "not due",
    "ongoing",
    "dropped",
    "on-time rate",
]


def to_table(result: Status, problems: Sequence[Problem] = ()) -> str:
    """A plain-text report for a terminal: counts, lists of overdue and due items, scoreboards, targets."""
    lines = [f"Progress as of {result.as_of} (due soon: within {result.within} working days)"]
    if result.unit:
        lines.append(f"tasks led by {result.unit}")
    lines += ["", *_grid(["state", "count"], [[s.value, str(result.count(s))] for s in State])]
    for state in (State.OVERDUE, State.DUE_SOON, State.DONE_LATE):
        chosen = [i for i in result.items if i.state is state]
        if chosen:
            lines += ["", f"{state.value}:"]
            rows = [
                [
                    _milestone_name(i),
                    str(i.due),
                    "、".join(i.lead_units),
                    _number(i.days_late or i.working_days_left),
                ]
                for i in chosen
            ]
            extra = "days late" if state is not State.DUE_SOON else "working days left"
            lines += _grid(["milestone", "due", "lead units", extra], rows)
    lines += ["", "by lead unit:", *_grid(["lead unit", *SCORE_HEADER[1:]], _score_rows(result.by_unit))]
    lines += ["", "by area:", *_grid(["area", *SCORE_HEADER[1:]], _score_rows(result.by_area))]
    rows = _target_rows(result, label="phrase")
    lines += ["", "targets:", *_grid(["target", "phrase", "wanted", "actual", "as of", "attainment"], rows)]
    missing = [t for t in result.targets if t.attainment is Attainment.NO_ACTUAL]
    lines.append(f"  {len(missing)} of {len(result.targets)} targets have no actual yet")
    if problems:
        lines += ["", f"{len(problems)} problem(s) in the ledger (those rows are left out):"]
        lines += [f"  {p}" for p in problems]
    return "\n".join(lines)


def _item_data(item: ItemStatus) -> dict[str, Any]:
    entry = item.entry
    return {
        "task": item.task,
        "milestone": item.milestone,
        "area": item.area,
        "lead_units": list(item.lead_units),
        "due": item.due.isoformat() if item.due else None,
        "phrase": item.phrase,
        "deliverable": item.deliverable,
        "state": item.state.value,
        "working_days_left": item.working_days_left,
        "days_late": item.days_late,
        "reported": entry.status.value if entry else None,
        "completed": entry.completed.isoformat() if entry and entry.completed else None,
        "unit": entry.unit if entry else None,
        "note": entry.note if entry else "",
        "evidence": entry.evidence if entry else "",
        "source": entry.source if entry else None,
    }


def _target_data(target: TargetStatus) -> dict[str, Any]:
    actual = target.actual
    return {
        "task": target.task,
        "target": target.index,
        "phrase": target.target.phrase,
        "subject": target.target.subject,
        "comparator": target.target.comparator.value,
        "value": target.target.value,
        "upper": target.target.upper,
        "unit": target.target.unit,
        "reference": target.target.reference,
        "actual": actual.value if actual else None,
        "actual_as_of": actual.as_of.isoformat() if actual else None,
        "attainment": target.attainment.value,
        "gap": target.gap,
        "source": actual.source if actual else None,
    }


def _score_data(score: Score) -> dict[str, Any]:
    return {
        "name": score.name,
        "total": score.total,
        "counts": {state.value: score.counts.get(state, 0) for state in State},
        "on_time_rate": score.on_time_rate,
    }


def to_data(result: Status, problems: Sequence[Problem] = ()) -> dict[str, Any]:
    """The report as plain data: what :func:`to_json` writes."""
    return {
        "format": REPORT_FORMAT,
        "as_of": result.as_of.isoformat(),
        "within_working_days": result.within,
        "unit": result.unit,
        "counts": {state.value: result.count(state) for state in State},
        "items": [_item_data(i) for i in result.items],
        "targets": [_target_data(t) for t in result.targets],
        "by_lead_unit": [_score_data(s) for s in result.by_unit],
        "by_area": [_score_data(s) for s in result.by_area],
        "problems": [{"file": p.file, "where": p.where, "message": p.message} for p in problems],
    }


def to_json(result: Status, problems: Sequence[Problem] = ()) -> str:
    """The report as JSON (format ``heze-plan-status/1``)."""
    return json.dumps(to_data(result, problems), ensure_ascii=False, indent=2)


CSV_COLUMNS = (
    "kind",
    "task",
    "index",
    "area",
    "lead_units",
    "due",
    "item",
    "state",
    "working_days_left",
    "days_late",
    "reported",
    "completed",
    "wanted",
    "actual",
    "actual_as_of",
    "unit",
    "note",
    "source",
)


def to_csv(result: Status, problems: Sequence[Problem] = ()) -> str:
    """One row per milestone (kind ``milestone``) and per target (kind ``target``), with a BOM for Excel.

    Problems are not rows of this table; the command line prints them on stderr.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in result.items:
        data = _item_data(item)
        writer.writerow(
            [
                "milestone" if item.milestone is not None else "task",
                item.task,
                item.milestone or "",
                item.area,
                "、".join(item.lead_units),
                data["due"] or "",
                f"{item.phrase}：{item.deliverable}" if item.phrase else item.deliverable,
                item.state.value,
                "" if item.working_days_left is None else item.working_days_left,
                "" if item.days_late is None else item.days_late,
                data["reported"] or "",
                data["completed"] or "",
                "",
                "",
                "",
                data["unit"] or "",
                data["note"],
                data["source"] or "",
            ]
        )
    for target in result.targets:
        actual = target.actual
        writer.writerow(
            [
                "target",
                target.task,
                target.index,
                "",
                "",
                "",
                f"{target.target.phrase}：{target.target.subject}",
                target.attainment.value,
                "",
                "",
                "",
                "",
                _target_text(target),
                _number(actual.value) if actual else "",
                actual.as_of.isoformat() if actual else "",
                (actual.unit or "") if actual else "",
                actual.note if actual else "",
                actual.source if actual else "",
            ]
        )
    return "\ufeff" + out.getvalue()


def render(result: Status, problems: Sequence[Problem] = (), *, fmt: str = "table", title: str = "") -> str:
    """The report in one of :data:`FORMATS`."""
    if fmt == "table":
        return to_table(result, problems) + "\n"
    if fmt == "csv":
        return to_csv(result, problems)
    if fmt == "json":
        return to_json(result, problems) + "\n"
    if fmt == "html":
        from heze_plan.report_html import to_html  # noqa: PLC0415 - report_html imports this module

        return to_html(result, problems, title=title)
    msg = f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}"
    raise ValueError(msg)
