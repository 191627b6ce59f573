"""What the query commands show: selections turned into records and text.

Pure functions, no printing and no argument parsing: the command line
(:mod:`heze_plan.cli`) calls them and renders the records with
:mod:`heze_plan.common.tables`. Records keep structured values (lists, dates) so
that JSON output is complete; the column lists say what a table shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from heze_plan.calendar.safeguards import SafeguardEntry
from heze_plan.calendar.safeguards import obligation as obligation_of
from heze_plan.common.tables import LIST_SEPARATOR, Column, text_table
from heze_plan.model.plan import Milestone, Plan, Target, Task
from heze_plan.model.target_text import target_formula
from heze_plan.query import obligations
from heze_plan.query.lookup import Party
from heze_plan.query.selections import MilestoneSelection, TargetSelection, TaskSelection, tasks, unit_load

__all__ = [
    "AREA_COLUMNS",
    "MILESTONE_COLUMNS",
    "OBLIGATION_COLUMNS",
    "TARGET_COLUMNS",
    "TASK_COLUMNS",
    "TASK_CSV_COLUMNS",
    "UNIT_COLUMNS",
    "area_records",
    "labelled_columns",
    "milestone_records",
    "obligation_records",
    "plan_level_target_records",
    "role",
    "safeguard_detail",
    "safeguard_milestone_records",
    "safeguard_timeline_text",
    "target_records",
    "task_detail",
    "task_records",
    "timeline_text",
    "unit_records",
]

TASK_COLUMNS: tuple[Column, ...] = (("number", "no."), ("due", "due"), ("title", "title"), ("lead", "lead"))
TASK_CSV_COLUMNS: tuple[Column, ...] = (
    ("number", "no."),
    ("area", "area"),
    ("title", "title"),
    ("lead", "lead"),
    ("responsible", "responsible"),
    ("due", "due"),
    ("role", "role"),
)
UNIT_COLUMNS: tuple[Column, ...] = (
    ("unit", "unit"),
    ("kind", "kind"),
    ("leads", "leads"),
    ("shares", "shares"),
    ("total", "total"),
)
AREA_COLUMNS: tuple[Column, ...] = (
    ("number", "no."),
    ("name", "area"),
    ("tasks", "tasks"),
    ("milestones", "milestones"),
    ("ongoing", "ongoing"),
    ("lead", "lead"),
)
TARGET_COLUMNS: tuple[Column, ...] = (
    ("task", "task"),
    ("kind", "kind"),
    ("target", "target"),
    ("scope", "scope"),
    ("applies_to", "for"),
    ("due", "due"),
    ("subject", "subject"),
)
OBLIGATION_COLUMNS: tuple[Column, ...] = (
    ("key", "key"),
    ("when", "when"),
    ("who", "who"),
    ("action", "what"),
)
MILESTONE_COLUMNS: tuple[Column, ...] = (
    ("due", "due"),
    ("task", "task"),
    ("phrase", "phrase"),
    ("title", "title"),
    ("lead", "lead"),
)


def role(task: Task, party: Party) -> str:
    """How ``party`` takes part in ``task``: ``lead``, ``responsible``, or either via a collective."""
    if any(u in task.lead_units for u in party.units):
        return "lead"
    if any(u in task.responsible_units for u in party.units):
        return "responsible"
    for collective in party.via:
        if collective in task.lead_units:
            return f"lead (via {collective})"
        if collective in task.responsible_units:
            return f"responsible (via {collective})"
    return ""


def task_records(selection: TaskSelection, party: Party | None = None) -> list[dict[str, object]]:
    """One record per task: number, area, title, units, deadlines and, given a party, its role.

    In a plan whose printed labels are not its numbers (:attr:`~heze_plan.model.plan.Task.label`),
    every record has the ``label`` as printed too; other plans' records are as they were.
    """
    records: list[dict[str, object]] = []
    labelled = any(task.label for task in selection)
    for task in selection:
        record: dict[str, object] = {
            "number": task.number,
            **({"label": task.printed_label} if labelled else {}),
            "area": task.area,
            "title": task.title,
            "lead": list(task.lead_units),
            "responsible": list(task.responsible_units),
            "due": [m.due for m in task.milestones] or "ongoing",
            "milestones": [
                {"due": m.due, "phrase": m.phrase, "deliverable": m.deliverable} for m in task.milestones
            ],
        }
        if party is not None:
            record["role"] = role(task, party)
        if selection.via(task):
            record["via"] = list(selection.via(task))
        records.append(record)
    return records


def unit_records(plan: Plan) -> list[dict[str, object]]:
    """Every unit with the number of tasks it leads and shares, most tasks first."""
    kinds = {unit.name: unit.kind for unit in plan.units}
    return [
        {
            "unit": load.unit,
            "kind": kinds[load.unit],
            "leads": load.leads,
            "shares": load.shares,
            "total": load.total,
        }
        for load in unit_load(plan)
    ]


def area_records(plan: Plan) -> list[dict[str, object]]:
    """Every area with its lead units and how many tasks, milestones and ongoing tasks it has."""
    records: list[dict[str, object]] = []
    for area in plan.areas:
        members = tasks(plan).in_area(area.number)
        records.append(
            {
                "number": area.number,
                "name": area.name,
                "lead": list(area.lead_units),
                "tasks": len(members),
                "milestones": sum(len(t.milestones) for t in members),
                "ongoing": sum(1 for t in members if t.ongoing),
            }
        )
    return records


def target_records(selection: TargetSelection) -> list[dict[str, object]]:
    """One record per target, with the task, the formula and the milestone it is due with.

    As in :func:`task_records`, a plan whose printed labels are not its numbers adds the ``label``.
    """
    labelled = any(ref.task.label for ref in selection)
    records = []
    for ref in selection:
        record = _target_record(
            ref.task.number,
            ref.target,
            ref.milestone.due if ref.milestone else None,
            list(ref.task.lead_units),
        )
        records.append(_with_label(record, ref.task.printed_label) if labelled else record)
    return records


def _with_label(record: dict[str, object], label: str) -> dict[str, object]:
    """``record`` with the task's printed ``label`` right after its ``task`` number."""
    at = list(record).index("task") + 1
    items = list(record.items())
    return dict([*items[:at], ("label", label), *items[at:]])


def milestone_records(selection: MilestoneSelection, party: Party | None = None) -> list[dict[str, object]]:
    """One record per milestone, by due date; given a party, its role in the task.

    As in :func:`task_records`, a plan whose printed labels are not its numbers adds the ``label``.
    """
    records: list[dict[str, object]] = []
    labelled = any(ref.task.label for ref in selection)
    for ref in selection:
        record: dict[str, object] = {
            "month": ref.due.strftime("%Y-%m"),
            "due": ref.due,
            "task": ref.task.number,
            **({"label": ref.task.printed_label} if labelled else {}),
            "phrase": ref.phrase,
            "title": ref.task.title,
            "deliverable": ref.deliverable,
            "lead": list(ref.task.lead_units),
        }
        if party is not None:
            record["role"] = role(ref.task, party)
        if selection.via(ref.task):
            record["via"] = list(selection.via(ref.task))
        records.append(record)
    return records


def safeguard_milestone_records(
    plan: Plan, entries: Sequence[SafeguardEntry], party: Party | None = None
) -> list[dict[str, object]]:
    """The safeguards' deadlines as timeline rows: ``task`` is the obligation's key (``S1.6``)."""
    records: list[dict[str, object]] = []
    for entry in entries:
        found = obligation_of(plan, entry)
        milestone = entry.milestone
        records.append(
            {
                "month": milestone.due.strftime("%Y-%m"),
                "due": milestone.due,
                "task": found.key if found else f"S{entry.safeguard.number}",
                "phrase": milestone.phrase,
                "title": f"保障措施：{entry.safeguard.title}",
                "deliverable": milestone.deliverable,
                "lead": list(found.actors) if found and found.actors else ["未指明"],
            }
        )
        if party is not None:
            actors = set(found.actors) if found else set()
            via = [c for c in party.via if c in actors]
            records[-1]["role"] = (
                "must act" if set(party.units) & actors else f"must act (via {via[0]})" if via else ""
            )
    return records


def safeguard_timeline_text(records: Sequence[dict[str, object]]) -> str:
    """The safeguards' deadlines after the tasks' months: a heading and an aligned table."""
    rows = []
    for record in records:
        lead = [str(u) for u in record["lead"]] if isinstance(record["lead"], list) else []
        rows.append({**record, "lead": lead if len(lead) <= 3 else [*lead[:3], f"… ({len(lead)})"]})
    columns = (*MILESTONE_COLUMNS, ("role", "role")) if any("role" in r for r in rows) else MILESTONE_COLUMNS
    heading = f"safeguards  {len(rows)} deadline{'s' if len(rows) != 1 else ''}"
    return heading + "\n" + text_table(rows, columns)


def timeline_text(selection: MilestoneSelection, party: Party | None = None) -> str:
    """The milestones month by month: a heading with the count, then an aligned table."""
    columns: Sequence[Column] = (*MILESTONE_COLUMNS, ("role", "role")) if party else MILESTONE_COLUMNS
    blocks = []
    for (year, month), group in selection.by_month().items():
        heading = f"{year}-{month:02d}  {len(group)} milestone{'s' if len(group) != 1 else ''}"
        records = milestone_records(group, party)
        blocks.append(heading + "\n" + text_table(records, labelled_columns(columns, records)))
    return "\n\n".join(blocks)


def labelled_columns(columns: Sequence[Column], records: Sequence[dict[str, object]]) -> tuple[Column, ...]:
    """``columns`` with the tasks' printed ``label`` after the task's number, when the records carry one."""
    if not any("label" in record for record in records):
        return tuple(columns)
    at = next((i + 1 for i, (key, _) in enumerate(columns) if key in {"number", "task"}), 0)
    return (*columns[:at], ("label", "label"), *columns[at:])


def task_detail(plan: Plan, task: Task) -> str:
    """One task in full: units, milestones with deliverables, targets, qualifiers, errata, text."""
    area = next((a.name for a in plan.areas if a.number == task.area), "(not in this plan)")
    lines = [
        f"{task.number}. {task.title}",
        *([f"printed as:   {task.label}"] if task.label else []),
        f"area:         {task.area} {area}",
        f"lead:         {LIST_SEPARATOR.join(task.lead_units)}",
        f"responsible:  {LIST_SEPARATOR.join(task.responsible_units) or '(none named)'}",
    ]
    if task.milestones:
        lines.append("milestones:")
        for m in task.milestones:
            lines.append(f"  {m.due.isoformat()}  {m.phrase}：{m.deliverable}")
            if m.reading:
                lines.append(f"      reading: {m.reading}")
    else:
        lines.append(f"milestones:   none: ongoing through the plan year (to {plan.horizon.isoformat()})")
    if task.targets:
        lines.append("targets:")
        for target in task.targets:
            when = "the plan year"
            if target.milestone is not None:
                when = task.milestones[target.milestone - 1].due.isoformat()
            lines += _target_lines(target, when)
    if task.per_provincial_arrangement:
        lines += _provincial_lines(task)
    if task.prerequisites:
        lines.append("waits for:    " + "；".join(task.prerequisites))
    errata = plan.errata_for(task.number)
    if errata:
        lines.append("errata:")
        for erratum in errata:
            source = " ".join(erratum.source.split())
            verb = "read as" if erratum.rewrites else "printed as is; meant"
            lines.append(
                f"  {erratum.id} {erratum.kind} ({erratum.status}): {source!r} {verb} {erratum.correction!r}"
            )
            lines.append(f"      {erratum.reason}")
    if task.open_owner_lists:
        lines.append(
            "open list:    "
            + LIST_SEPARATOR.join(f"{u}等" for u in task.open_owner_lists)
            + " (others may share it)"
        )
    lines += ["text:", f"  {task.text}"]
    return "\n".join(lines)


def _provincial_lines(task: Task) -> list[str]:
    lines = ["qualifier:    根据省统一部署 (follows the provincial arrangement) in:"]
    lines += [f"  {clause}" for clause in task.provincial_clauses]
    flagged = [m.phrase for m in task.milestones if m.per_provincial_arrangement]
    if task.milestones:
        lines.append(f"  deadlines that depend on it: {'、'.join(flagged) or 'none'}")
    return lines


def _target_lines(target: Target, when: str) -> list[str]:
    scope = f", {target.scope}" if target.scope else ""
    lines = [f"  {target_formula(target)}  ({target.kind.value}{scope}, by {when})"]
    if target.applies_to:
        lines.append(f"      for: {target.applies_to}")
    lines.append(f"      {target.subject}")
    if target.reading:
        lines.append(f"      reading: {target.reading}")
    return lines


def obligation_records(plan: Plan, name: str | None = None) -> list[dict[str, object]]:
    """One record per obligation of the safeguards (``S1.6``), optionally only those ``name`` must act on."""
    return [
        {
            "key": o.key,
            "who": o.actor_phrase,
            "actors": list(o.actors),
            "due": o.due,
            "phrase": o.phrase,
            "when": o.due.isoformat() if o.due else o.frequency,
            "frequency": o.frequency,
            "recipient": o.recipient,
            "action": o.action,
        }
        for o in obligations(plan, name)
    ]


def safeguard_detail(plan: Plan, key: str) -> str:
    """A safeguard (``S1``) or one obligation (``S1.6``) in full: who must act, what, when, targets."""
    number, _, index = key[1:].partition(".")
    safeguard = next((s for s in plan.safeguards if str(s.number) == number), None)
    if safeguard is None:
        msg = f"no safeguard {key!r}: this plan has safeguards S1..S{len(plan.safeguards)}"
        raise KeyError(msg)
    chosen = [o for o in safeguard.obligations if not index or str(o.number) == index]
    if not chosen:
        last = len(safeguard.obligations)
        msg = f"no obligation {key!r}: safeguard S{number} has S{number}.1..S{number}.{last}"
        raise KeyError(msg)
    lines = [f"保障措施（{safeguard.number}） {safeguard.title}"]
    for obligation in chosen:
        when = (
            f"{obligation.due.isoformat()} ({obligation.phrase})" if obligation.due else obligation.frequency
        )
        actors = LIST_SEPARATOR.join(obligation.actors) if obligation.actors else "(no unit of the registry)"
        lines += [
            f"{obligation.key}  who: {obligation.actor_phrase} → {actors}",
            f"      when: {when}",
        ]
        if obligation.recipient:
            lines.append(f"      to:   {obligation.recipient}")
        lines.append(f"      what: {obligation.action}")
        for index_ in obligation.targets:
            target = safeguard.targets[index_]
            due = (
                safeguard.milestones[target.milestone - 1].due.isoformat()
                if target.milestone is not None
                else "the plan year"
            )
            lines += _target_lines(target, due)
    return "\n".join(lines)


def plan_level_target_records(plan: Plan) -> list[dict[str, object]]:
    """The targets of the principles (``P2``) and safeguards (``S2``), as :func:`target_records` rows."""
    records: list[dict[str, object]] = []
    none: tuple[Milestone, ...] = ()
    owners = [(f"P{p.number}", p.targets, none) for p in plan.principles]
    owners += [(f"S{s.number}", s.targets, s.milestones) for s in plan.safeguards]
    for owner, found, milestones in owners:
        for target in found:
            milestone = milestones[target.milestone - 1] if target.milestone is not None else None
            records.append(_target_record(owner, target, milestone.due if milestone else None, []))
    return records


def _target_record(owner: object, target: Target, due: object, lead: list[str]) -> dict[str, object]:
    return {
        "task": owner,
        "kind": target.kind,
        "target": target_formula(target),
        "comparator": target.comparator,
        "value": target.value,
        "upper": target.upper,
        "unit": target.unit,
        "reference": target.reference,
        "scope": target.scope,
        "applies_to": target.applies_to,
        "reading": target.reading,
        "phrase": target.phrase,
        "subject": target.subject,
        "due": due,
        "lead": lead,
    }
