"""The progress report of a :class:`~heze_plan.progress.assessment.Status` as a table, CSV, JSON or HTML.

Each renderer is a pure function from the status (and the ledger's
problems, which the report lists rather than hides) to text. The HTML
report lives in :mod:`heze_plan.progress.report.html`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from heze_plan.common.numerals import area_label
from heze_plan.common.tables import LIST_SEPARATOR
from heze_plan.model.target_text import target_formula
from heze_plan.progress.assessment import (
    Attainment,
    ItemStatus,
    ObligationStatus,
    ObligationTargetStatus,
    Score,
    State,
    Status,
    TargetStatus,
)
from heze_plan.progress.ledger import Problem
from heze_plan.progress.report.rows import (
    SCORE_HEADER_BOTH,
    grid,
    milestone_name,
    missing_figures,
    number,
    obligation_scores,
    obligation_share_rows,
    obligation_target_rows,
    obligation_when,
    score_rows,
    target_rows,
    target_text,
)

__all__ = ["REPORT_FORMAT", "to_csv", "to_data", "to_json", "to_table"]

#: Names the JSON report format and its version.
REPORT_FORMAT = "heze-plan-status/1"


def _both(state: State | Attainment) -> str:
    """A state in Chinese with English beside it: ``已逾期 overdue``."""
    return f"{state.label} {state.value}"


def _item_lists(items: Sequence[ItemStatus]) -> list[str]:
    lines: list[str] = []
    for state in (State.OVERDUE, State.DUE_SOON, State.DONE_LATE):
        chosen = [i for i in items if i.state is state]
        if chosen:
            lines += ["", f"{_both(state)}:"]
            rows = [
                [
                    milestone_name(i),
                    str(i.due),
                    LIST_SEPARATOR.join(i.lead_units),
                    number(i.days_late or i.working_days_left),
                ]
                for i in chosen
            ]
            extra = "逾期天数 days late" if state is not State.DUE_SOON else "剩余工作日 working days left"
            lines += grid(["节点 milestone", "截止 due", "牵头单位 lead units", extra], rows)
    return lines or ["  （无逾期、即将到期或逾期完成的节点 nothing overdue, due soon or late）"]


def to_table(result: Status, problems: Sequence[Problem] = ()) -> str:
    """A plain-text report for a terminal: counts, lists of overdue and due items, scoreboards, targets.

    States and headings are in Chinese with English beside them, as in the HTML report.
    """
    lines = [
        f"截至 {result.as_of} 进度 Progress as of {result.as_of} "
        f"(即将到期 due soon: {result.within} 个工作日内 within {result.within} working days)"
    ]
    if result.unit:
        led, shared = result.led(), result.responsible()
        lines.append(
            f"{result.unit}：牵头 {len({i.task for i in led})} 项任务 (leads), "
            f"参与 {len({i.task for i in shared})} 项任务 (responsible)"
        )
    lines += ["", *grid(["状态 state", "数量 count"], [[_both(s), str(result.count(s))] for s in State])]
    if result.unit and result.shared:
        lines += ["", "== 牵头的任务 tasks led =="]
        lines += _item_lists(result.led())
        lines += ["", "== 参与的任务 tasks responsible for =="]
        lines += _item_lists(result.responsible())
    else:
        lines += _item_lists(result.items)
    header = [*SCORE_HEADER_BOTH[1:]]
    lines += [
        "",
        "按牵头单位 by lead unit:",
        *grid(["牵头单位 lead unit", *header], score_rows(result.by_unit)),
    ]
    if result.by_responsible:
        lines += [
            "",
            "按责任单位 by responsible unit:",
            *grid(["责任单位 responsible unit", *header], score_rows(result.by_responsible)),
        ]
    lines += ["", "按领域 by area:", *grid(["领域 area", *header], score_rows(result.by_area))]
    rows = [
        [*row[:-1], _both(t.attainment)]
        for row, t in zip(target_rows(result, label="phrase"), result.targets, strict=True)
    ]
    lines += ["", "量化目标 targets:"]
    if result.targets:
        lines += grid(
            ["目标 target", "表述 phrase", "要求 wanted", "实际 actual", "截至 as of", "达成 attainment"],
            rows,
        )
        missing = sum(t.attainment is Attainment.NO_ACTUAL for t in result.targets)
        lines.append(f"  {missing} / {len(result.targets)} 项目标尚无实际值 (targets have no actual yet)")
    else:  # a plan of the family often states no figure at all
        lines.append("  （无量化目标 the plan states no quantitative target）")
    lines += _obligation_lines(result)
    errors = [p for p in problems if not p.warning]
    if problems:
        lines += ["", f"台账问题 {len(errors)} problem(s) in the ledger (those rows are left out):"]
        lines += [f"  {p}" for p in problems]
    return "\n".join(lines)


_SHARE_HEADER = ["义务 obligation", "单位 unit", "截止或频次 due", "状态 state", "逾期天数 days late"]


def _obligation_lines(result: Status) -> list[str]:
    """The safeguards' obligations: per obligation, the overdue shares, per unit, the targets."""
    if not result.obligations:
        return []
    header = [*SCORE_HEADER_BOTH[1:]]
    lines = [
        "",
        "== 保障措施义务 obligations of the safeguards (每个单位或县区一份 one share per unit or county) ==",
        *grid(["状态 state", "数量 count"], [[_both(s), str(result.obligation_count(s))] for s in State]),
    ]
    if result.unit:
        lines += ["", *grid(_SHARE_HEADER, obligation_share_rows(result.obligations))]
    else:
        late = [s for s in result.obligations if s.state in (State.OVERDUE, State.DUE_SOON)]
        if late:
            lines += ["", "已逾期或即将到期 overdue or due soon:"]
            lines += grid(_SHARE_HEADER, obligation_share_rows(late))
        lines += [
            "",
            "按义务 by obligation:",
            *grid(["义务 obligation", *header], score_rows(obligation_scores(result))),
        ]
        lines += [
            "",
            "按单位或县区 by unit or county:",
            *grid(["单位或县区 unit or county", *header], score_rows(result.by_obligation_unit)),
        ]
    if result.obligation_targets:
        lines += [
            "",
            "保障措施目标 targets of the safeguards:",
            *grid(
                [
                    "目标 target",
                    "单位 unit",
                    "表述 phrase",
                    "要求 wanted",
                    "实际 actual",
                    "截至 as of",
                    "达成 attainment",
                ],
                obligation_target_rows(result),
            ),
            f"  {missing_figures(result)} / {len(result.obligation_targets)} 项尚无实际值 (no actual yet)",
        ]
    return lines


def _share_data(share: ObligationStatus) -> dict[str, Any]:
    entry = share.entry
    return {
        "obligation": share.key,
        "safeguard": share.obligation.safeguard,
        "who": share.obligation.actor_phrase,
        "unit": share.unit,
        "action": share.obligation.action,
        "due": share.due.isoformat() if share.due else None,
        "when": obligation_when(share),
        "state": share.state.value,
        "state_label": share.state.label,
        "working_days_left": share.working_days_left,
        "days_late": share.days_late,
        "reported": entry.status.value if entry else None,
        "completed": entry.completed.isoformat() if entry and entry.completed else None,
        "reported_by": entry.unit if entry else None,
        "note": entry.note if entry else "",
        "evidence": entry.evidence if entry else "",
        "source": entry.source if entry else None,
    }


def _figure_data(figure: ObligationTargetStatus) -> dict[str, Any]:
    actual = figure.actual
    return {
        "obligation": figure.obligation,
        "target": figure.index,
        "unit": figure.unit,
        "phrase": figure.target.phrase,
        "subject": figure.target.subject,
        "comparator": figure.target.comparator.value,
        "value": figure.target.value,
        "target_unit": figure.target.unit,
        "due": figure.due.isoformat(),
        "actual": actual.value if actual else None,
        "actual_as_of": actual.as_of.isoformat() if actual else None,
        "attainment": figure.attainment.value,
        "attainment_label": figure.attainment.label,
        "gap": figure.gap,
        "source": actual.source if actual else None,
    }


def _item_data(item: ItemStatus) -> dict[str, Any]:
    entry = item.entry
    return {
        "task": item.task,
        "milestone": item.milestone,
        "area": item.area,
        "area_label": area_label(item.area),
        "lead_units": list(item.lead_units),
        "due": item.due.isoformat() if item.due else None,
        "phrase": item.phrase,
        "deliverable": item.deliverable,
        "state": item.state.value,
        "state_label": item.state.label,
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
        "attainment_label": target.attainment.label,
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
        "by_responsible_unit": [_score_data(s) for s in result.by_responsible],
        "by_area": [_score_data(s) for s in result.by_area],
        "responsible_only_tasks": sorted(result.shared),
        "obligation_counts": {state.value: result.obligation_count(state) for state in State},
        "obligations": [_share_data(s) for s in result.obligations],
        "obligation_targets": [_figure_data(f) for f in result.obligation_targets],
        "by_obligation_unit": [_score_data(s) for s in result.by_obligation_unit],
        "by_safeguard": [_score_data(s) for s in result.by_safeguard],
        "problems": [
            {"file": p.file, "where": p.where, "message": p.message, "warning": p.warning} for p in problems
        ],
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
    "role",
    "due",
    "item",
    "state",
    "state_en",
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
    """One row per milestone (``milestone``), target (``target``), share of an obligation (``obligation``:
    ``task`` is its key, ``unit`` the unit or county whose share it is) and safeguard target
    (``obligation target``), with a BOM for Excel.

    Problems are not rows of this table; the command line prints them on stderr.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in result.items:
        data = _item_data(item)
        role = (
            "" if result.unit is None else "参与 responsible" if item.task in result.shared else "牵头 lead"
        )
        writer.writerow(
            [
                "milestone" if item.milestone is not None else "task",
                item.task,
                item.milestone or "",
                area_label(item.area),
                LIST_SEPARATOR.join(item.lead_units),
                role,
                data["due"] or "",
                f"{item.phrase}：{item.deliverable}" if item.phrase else item.deliverable,
                item.state.label,
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
                "",
                f"{target.target.phrase}：{target.target.subject}",
                target.attainment.label,
                target.attainment.value,
                "",
                "",
                "",
                "",
                target_text(target),
                number(actual.value) if actual else "",
                actual.as_of.isoformat() if actual else "",
                (actual.unit or "") if actual else "",
                actual.note if actual else "",
                actual.source if actual else "",
            ]
        )
    for share in result.obligations:
        data = _share_data(share)
        writer.writerow(
            [
                "obligation",
                share.key,
                "",
                "",
                share.obligation.actor_phrase,
                "",
                data["due"] or data["when"],
                share.obligation.action,
                share.state.label,
                share.state.value,
                "" if share.working_days_left is None else share.working_days_left,
                "" if share.days_late is None else share.days_late,
                data["reported"] or "",
                data["completed"] or "",
                "",
                "",
                "",
                share.unit or "",
                data["note"],
                data["source"] or "",
            ]
        )
    for figure in result.obligation_targets:
        figured = figure.actual
        writer.writerow(
            [
                "obligation target",
                figure.obligation,
                figure.index,
                "",
                figure.target.applies_to or "",
                "",
                figure.due.isoformat(),
                f"{figure.target.phrase}：{figure.target.subject}",
                figure.attainment.label,
                figure.attainment.value,
                "",
                "",
                "",
                "",
                target_formula(figure.target, number=number, strip=False),
                number(figured.value) if figured else "",
                figured.as_of.isoformat() if figured else "",
                figure.unit or "",
                figured.note if figured else "",
                figured.source if figured else "",
            ]
        )
    return "\ufeff" + out.getvalue()
