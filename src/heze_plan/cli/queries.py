"""The commands that answer questions: ``tasks``, ``show``, ``units``, ``areas``, ``targets``, ``timeline``,
``obligations``.

Each selects with :mod:`heze_plan.query.selections`, turns the result into records
with :mod:`heze_plan.cli.views` and prints them as a table, JSON or CSV.
"""

from __future__ import annotations

import argparse
import sys

from heze_plan.cli.common import (
    Commands,
    UsageError,
    add_format_option,
    add_plan_option,
    emit,
    load_plan,
    with_bom,
)
from heze_plan.cli.selection import (
    add_selection_options,
    narrow,
    party,
    refuse_ongoing_with_dates,
    select_milestones,
    select_safeguards,
    select_tasks,
)
from heze_plan.model.plan import TargetKind


def _tasks(args: argparse.Namespace) -> int:
    from heze_plan.cli import views

    plan = load_plan(args)
    selection = select_tasks(plan, args)
    named = party(plan, args)
    records = views.task_records(selection, named)
    if args.format == "csv":
        columns = views.TASK_CSV_COLUMNS if named else views.TASK_CSV_COLUMNS[:-1]
    else:
        columns = (*views.TASK_COLUMNS, ("role", "role")) if named else views.TASK_COLUMNS
    emit(records, views.labelled_columns(columns, records), args.format, "tasks")
    if args.format == "table" and records:
        print(f"{len(records)} task(s)", file=sys.stderr)
    return 0


def _show(args: argparse.Namespace) -> int:
    from heze_plan.cli import views
    from heze_plan.common.tables import json_text
    from heze_plan.query import selections as queries

    plan = load_plan(args)
    text = args.number.strip()
    if text[:1] in {"S", "s"}:
        try:
            print(views.safeguard_detail(plan, "S" + text[1:]))
        except KeyError as error:
            raise UsageError(str(error.args[0])) from None
        return 0
    labelled = any(t.label for t in plan.tasks)
    try:
        # a number, or the task's label as its source prints it (（三）, 二.3: Task.label)
        task = plan.task(int(text) if text.isdigit() else text)
    except (KeyError, TypeError) as error:
        if isinstance(error, TypeError) or not (text.isdigit() or labelled):
            label = ", a task's label as printed (such as 二（三）)" if labelled else ""
            msg = f"task number must be a whole number{label} or a safeguard (S1, S1.6), got {args.number!r}"
            raise UsageError(msg) from None
        raise UsageError(str(error.args[0])) from None
    if args.format == "json":
        one = queries.tasks(plan).where(lambda t: t.number == task.number)
        record = views.task_records(one)[0]
        record["text"] = task.text
        record["targets"] = views.target_records(one.targets())
        record["per_provincial_arrangement"] = task.per_provincial_arrangement
        record["prerequisites"] = list(task.prerequisites)
        record["open_owner_lists"] = list(task.open_owner_lists)
        record["errata"] = [
            {
                "id": e.id,
                "kind": e.kind,
                "status": e.status,
                "applied": e.rewrites,
                "source": e.source,
                "correction": e.correction,
                "reason": e.reason,
            }
            for e in plan.errata_for(task.number)
        ]
        print(json_text(record))
    else:
        print(views.task_detail(plan, task))
    return 0


def _units(args: argparse.Namespace) -> int:
    from heze_plan.cli import views

    emit(views.unit_records(load_plan(args)), views.UNIT_COLUMNS, args.format, "units")
    return 0


def _areas(args: argparse.Namespace) -> int:
    from heze_plan.cli import views

    emit(views.area_records(load_plan(args)), views.AREA_COLUMNS, args.format, "areas")
    return 0


def _targets(args: argparse.Namespace) -> int:
    from heze_plan.cli import views
    from heze_plan.query import selections as queries

    plan = load_plan(args)
    refuse_ongoing_with_dates(args)
    everything = queries.targets(plan)
    selection = narrow(everything, args)
    if args.ongoing:
        selection = selection.where(lambda ref: ref.task.ongoing)
    whole_plan = len(selection) == len(everything)
    if args.kind:
        selection = selection.of_kind(args.kind)
    records = views.target_records(selection)
    if whole_plan:  # no option narrowed the tasks: the principles' and safeguards' targets too
        records += [
            r
            for r in views.plan_level_target_records(plan)
            if not args.kind or getattr(r["kind"], "value", None) == args.kind
        ]
    columns = (*views.TARGET_COLUMNS, ("phrase", "phrase")) if args.format == "csv" else views.TARGET_COLUMNS
    emit(records, views.labelled_columns(columns, records), args.format, "targets")
    return 0


def _timeline(args: argparse.Namespace) -> int:
    from heze_plan.cli import views
    from heze_plan.common.tables import render

    plan = load_plan(args)
    selection = select_milestones(plan, args)
    if args.next is not None:
        if args.next < 1:
            raise UsageError(f"--next must be a positive number of milestones, got {args.next}")
        selection = selection[: args.next]
    named = party(plan, args)
    # the safeguards' deadlines (S1.6), which belong to no task; --next counts the tasks' milestones only
    entries = select_safeguards(plan, args) if args.next is None else []
    safeguards = views.safeguard_milestone_records(plan, entries, named)
    if args.format == "table":
        if not selection and not safeguards:
            print("no milestones match", file=sys.stderr)
        if selection:
            print(views.timeline_text(selection, named))
        if safeguards:  # the safeguards' deadlines (S1.6: 印发1个月内), which belong to no task
            print(("\n" if selection else "") + views.safeguard_timeline_text(safeguards))
        return 0
    columns = (("month", "month"), *views.MILESTONE_COLUMNS, ("deliverable", "deliverable"))
    if named:
        columns = (*columns, ("role", "role"))
    records = views.milestone_records(selection, named) + safeguards
    records.sort(key=lambda r: r["due"])  # type: ignore[arg-type, return-value]
    columns = views.labelled_columns(columns, records)
    print(with_bom(render(records, columns, args.format), args.format))
    return 0


def _obligations(args: argparse.Namespace) -> int:
    from heze_plan.cli import views
    from heze_plan.query.lookup import UnitLookupError

    plan = load_plan(args)
    try:
        records = views.obligation_records(plan, args.unit)
    except UnitLookupError as error:
        raise UsageError(str(error)) from None
    emit(records, views.OBLIGATION_COLUMNS, args.format, "obligations")
    return 0


def register_obligations(commands: Commands) -> None:
    """``heze-plan obligations``."""
    parser = commands.add_parser(
        "obligations",
        help="the safeguards' duties: who must act, what, by when or how often",
        description="List the obligations of the safeguards (保障措施), S1.1 onwards; with --unit, "
        "only those the unit (or a county, through the county governments) must act on. "
        "`heze-plan show S1.6` shows one in full.",
    )
    add_plan_option(parser)
    parser.add_argument("--unit", help="only the obligations this unit or county must act on")
    add_format_option(parser)
    parser.set_defaults(handler=_obligations, lead=None, responsible=None)


def register_tasks(commands: Commands) -> None:
    """``heze-plan tasks``."""
    parser = commands.add_parser(
        "tasks",
        help="list the tasks that match: by unit, area, deadline, text",
        description="List tasks. Every selection option narrows the list; without options, all tasks.",
    )
    add_plan_option(parser)
    add_selection_options(parser)
    add_format_option(parser)
    parser.set_defaults(handler=_tasks)


def register_show(commands: Commands) -> None:
    """``heze-plan show``."""
    parser = commands.add_parser(
        "show",
        help="one task in full: units, milestones, targets, qualifiers, errata",
        description="Show one task in full, with the errata that touched its text.",
    )
    add_plan_option(parser)
    parser.add_argument(
        "number",
        metavar="N",
        help="the task's number (1..195 in the Heze 2023 plan), its label as another plan prints it "
        "(（三）, 二.3), or a safeguard: S1, S1.6",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    parser.set_defaults(handler=_show)


def register_units(commands: Commands) -> None:
    """``heze-plan units``."""
    parser = commands.add_parser(
        "units",
        help="every unit with how many tasks it leads and shares",
        description="Every unit of the registry with the tasks it leads and shares, most tasks first.",
    )
    add_plan_option(parser)
    add_format_option(parser)
    parser.set_defaults(handler=_units)


def register_areas(commands: Commands) -> None:
    """``heze-plan areas``."""
    parser = commands.add_parser(
        "areas",
        help="the areas with their lead units and counts",
        description="Every area (领域) with its lead units and its counts of tasks, milestones "
        "and ongoing tasks.",
    )
    add_plan_option(parser)
    add_format_option(parser)
    parser.set_defaults(handler=_areas)


def register_targets(commands: Commands) -> None:
    """``heze-plan targets``."""
    parser = commands.add_parser(
        "targets",
        help="the quantitative targets of the tasks that match",
        description="List the quantitative targets of the selected tasks; date options apply to "
        "the milestone each target is due with.",
    )
    add_plan_option(parser)
    add_selection_options(parser)
    kinds = [k.value for k in TargetKind]
    parser.add_argument(
        "--kind", choices=kinds, metavar="KIND", help=f"only targets of this kind: {', '.join(kinds)}"
    )
    add_format_option(parser)
    parser.set_defaults(handler=_targets)


def register_timeline(commands: Commands) -> None:
    """``heze-plan timeline``."""
    parser = commands.add_parser(
        "timeline",
        help="milestones month by month",
        description="The milestones of the selected tasks, month by month; date options apply "
        "to each milestone.",
    )
    add_plan_option(parser)
    add_selection_options(parser)
    parser.add_argument("--next", type=int, metavar="N", help="only the first N milestones (by date)")
    add_format_option(parser)
    parser.set_defaults(handler=_timeline)
