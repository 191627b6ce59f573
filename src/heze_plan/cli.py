"""The ``heze-plan`` command line.

A thin layer: each command parses its options, calls functions of the
library that return text or data, and prints. A user's mistake (a bad
option, an unknown unit, an unreadable file) is one line on stderr and exit
status 2, never a traceback; findings of ``check`` exit with status 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from heze_plan import __version__, load, parse, queries, views
from heze_plan.calendar_feed import PRODID, Component, FeedOptions, build_calendar
from heze_plan.checks import RULES, check
from heze_plan.feed_entries import Entry
from heze_plan.feed_status import StatusSource, marks
from heze_plan.feeds import write_feeds
from heze_plan.files import write_atomic
from heze_plan.ledger import Ledger, Problem
from heze_plan.ledger_io import LedgerError, read_ledger, template
from heze_plan.lookup import AreaLookupError, Party, UnitLookupError, resolve_party, resolve_unit
from heze_plan.model import Plan, TargetKind
from heze_plan.parsing import ParseError
from heze_plan.report import render as render_report
from heze_plan.revisions import FeedError, Revisions
from heze_plan.serialize import to_json
from heze_plan.status import status
from heze_plan.tables import FORMATS, json_text, render

__all__ = ["UsageError", "add_selection_options", "main", "select_milestones", "select_tasks"]


class UsageError(Exception):
    """A mistake of the user's that the command reports in one line."""


def _plan(args: argparse.Namespace) -> Plan:
    """The plan to work on: ``--plan FILE`` (plan text) or the embedded one."""
    source: Path | None = getattr(args, "plan", None)
    if source is None:
        return load()
    try:
        text = source.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise UsageError(f"cannot read plan text {source}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{source} is not UTF-8 text") from None
    try:
        return parse(text)
    except ParseError as error:
        raise UsageError(f"{source}: {error}") from None


def summary_text(plan: Plan) -> str:
    """A short overview of a plan: document, counts and deadlines by month."""
    document = plan.document
    dated = [m for t in plan.tasks for m in t.milestones]
    ongoing = sum(1 for t in plan.tasks if t.ongoing)
    lines = [
        document.title,
        f"{document.issuer} {document.number}",
        f"adopted {document.adopted.isoformat() if document.adopted else '?'}, "
        f"printed {document.printed.isoformat() if document.printed else '?'}, plan year {plan.year}",
        "",
        f"{len(plan.areas)} areas, {len(plan.tasks)} tasks, {len(plan.units)} units, "
        f"{len(dated)} milestones, {sum(len(t.targets) for t in plan.tasks)} targets",
        f"{ongoing} tasks have no deadline and run all year (to {plan.horizon.isoformat()})",
        f"{len(plan.errata)} corrections to the source text (errata)",
        "",
        "milestones by month:",
    ]
    by_month: dict[str, int] = {}
    for milestone in sorted(dated, key=lambda m: m.due):
        key = milestone.due.strftime("%Y-%m")
        by_month[key] = by_month.get(key, 0) + 1
    lines += [f"  {month}  {count:3d}" for month, count in by_month.items()]
    return "\n".join(lines)


def _summary(args: argparse.Namespace) -> int:
    print(summary_text(_plan(args)))
    return 0


def _check(args: argparse.Namespace) -> int:
    findings = check(_plan(args))
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} finding(s)", file=sys.stderr)
        return 1
    print(f"no findings: the plan passes all {len(RULES)} rules")
    return 0


def _export(args: argparse.Namespace) -> int:
    text = to_json(_plan(args))
    if args.output is None:
        print(text)
    else:
        write_atomic(args.output, text + "\n")
    return 0


def _add_plan_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plan",
        type=Path,
        metavar="FILE",
        help="read the plan from this text file instead of the embedded Heze 2023 plan",
    )


Handler = Callable[[argparse.Namespace], int]
_S = TypeVar("_S", bound="queries.Selection[Any]")


# --------------------------------------------------------------------------- selection options


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """Add the options that select tasks (by unit, area, date, text) to a command.

    Every option narrows the selection; given together they all apply. The
    values are checked by :func:`select_tasks` / :func:`select_milestones`,
    so that a mistake is one line naming what was wrong.
    """
    group = parser.add_argument_group("selection (options combine: every one must hold)")
    group.add_argument(
        "--unit",
        metavar="NAME",
        help="tasks the unit leads or shares; short forms (发改委, 人民银行) and county governments "
        "(曹县, 牡丹区人民政府, matched through 各县区政府、管委会) are understood",
    )
    group.add_argument("--lead", metavar="NAME", help="tasks the unit leads (牵头单位)")
    group.add_argument(
        "--responsible", metavar="NAME", help="tasks in which the unit is responsible (责任单位)"
    )
    group.add_argument("--area", metavar="N|NAME", help="tasks of one area, by number (7) or name (跨境贸易)")
    group.add_argument("--due-after", metavar="YYYY-MM-DD", help="with a deadline on or after this day")
    group.add_argument("--due-before", metavar="YYYY-MM-DD", help="with a deadline on or before this day")
    group.add_argument(
        "--month", metavar="YYYY-MM", help="with a deadline in this month (10 means the plan year's)"
    )
    group.add_argument(
        "--search",
        metavar="TERM",
        nargs="+",
        action="extend",
        help="title or text contains every term (Chinese substring; whitespace and case ignored)",
    )
    group.add_argument("--ongoing", action="store_true", help="only tasks without a deadline (run all year)")


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"{option}: bad date {text!r}, expected YYYY-MM-DD (for example 2023-10-31)"
        ) from None


def _narrow(selection: _S, args: argparse.Namespace) -> _S:
    """Apply the selection options to any selection (tasks, milestones, targets)."""
    try:
        if args.unit:
            selection = selection.involving(args.unit)
        if args.lead:
            selection = selection.led_by(args.lead)
        if args.responsible:
            selection = selection.with_responsible(args.responsible)
        if args.area:
            selection = selection.in_area(args.area)
        if args.due_after or args.due_before:
            start = _date(args.due_after, "--due-after") if args.due_after else dt.date.min
            end = _date(args.due_before, "--due-before") if args.due_before else dt.date.max
            if start > end:
                raise UsageError(f"--due-after {args.due_after} is later than --due-before {args.due_before}")
            selection = selection.due_between(start, end)
        if args.month:
            selection = selection.in_month(args.month)
        if args.search:
            selection = selection.search(*args.search)
    except (UnitLookupError, AreaLookupError, ValueError) as error:
        raise UsageError(str(error)) from None
    return selection


def _refuse_ongoing_with_dates(args: argparse.Namespace) -> None:
    if args.ongoing and (args.due_after or args.due_before or args.month):
        raise UsageError("--ongoing selects tasks without deadlines; it cannot be combined with date options")


def select_tasks(plan: Plan, args: argparse.Namespace) -> queries.TaskSelection:
    """The tasks that the options of :func:`add_selection_options` select; ``UsageError`` on bad input."""
    _refuse_ongoing_with_dates(args)
    selection = _narrow(queries.tasks(plan), args)
    return selection.ongoing() if args.ongoing else selection


def select_milestones(plan: Plan, args: argparse.Namespace) -> queries.MilestoneSelection:
    """The milestones that the selection options select; date options apply to each milestone."""
    if args.ongoing:
        raise UsageError("--ongoing selects tasks without deadlines, which have no milestones")
    return _narrow(queries.milestones(plan), args)


def _party(plan: Plan, args: argparse.Namespace) -> Party | None:
    name = args.unit or args.lead or args.responsible
    return resolve_party(plan, name) if name else None


def _add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="table (aligned text, default), json or csv"
    )


def _emit(records: list[dict[str, object]], columns: Sequence[tuple[str, str]], fmt: str, what: str) -> None:
    if not records and fmt == "table":
        print(f"no {what} match", file=sys.stderr)
        return
    print(render(records, columns, fmt))


# --------------------------------------------------------------------------- query commands


def _tasks(args: argparse.Namespace) -> int:
    plan = _plan(args)
    selection = select_tasks(plan, args)
    party = _party(plan, args)
    records = views.task_records(selection, party)
    if args.format == "csv":
        columns = views.TASK_CSV_COLUMNS if party else views.TASK_CSV_COLUMNS[:-1]
    else:
        columns = (*views.TASK_COLUMNS, ("role", "role")) if party else views.TASK_COLUMNS
    _emit(records, columns, args.format, "tasks")
    if args.format == "table" and records:
        print(f"{len(records)} task(s)", file=sys.stderr)
    return 0


def _show(args: argparse.Namespace) -> int:
    plan = _plan(args)
    text = args.number.strip()
    if not text.isdigit():
        raise UsageError(f"task number must be a whole number, got {args.number!r}")
    try:
        task = plan.task(int(text))
    except KeyError as error:
        raise UsageError(str(error.args[0])) from None
    if args.format == "json":
        one = queries.tasks(plan).where(lambda t: t.number == task.number)
        record = views.task_records(one)[0]
        record["text"] = task.text
        record["targets"] = views.target_records(one.targets())
        record["per_provincial_arrangement"] = task.per_provincial_arrangement
        record["prerequisites"] = list(task.prerequisites)
        record["errata"] = [
            {"id": e.id, "kind": e.kind, "source": e.source, "correction": e.correction, "reason": e.reason}
            for e in plan.errata_for(task.number)
        ]
        print(json_text(record))
    else:
        print(views.task_detail(plan, task))
    return 0


def _units(args: argparse.Namespace) -> int:
    _emit(views.unit_records(_plan(args)), views.UNIT_COLUMNS, args.format, "units")
    return 0


def _areas(args: argparse.Namespace) -> int:
    _emit(views.area_records(_plan(args)), views.AREA_COLUMNS, args.format, "areas")
    return 0


def _targets(args: argparse.Namespace) -> int:
    plan = _plan(args)
    _refuse_ongoing_with_dates(args)
    selection = _narrow(queries.targets(plan), args)
    if args.ongoing:
        selection = selection.where(lambda ref: ref.task.ongoing)
    if args.kind:
        selection = selection.of_kind(args.kind)
    records = views.target_records(selection)
    columns = (*views.TARGET_COLUMNS, ("phrase", "phrase")) if args.format == "csv" else views.TARGET_COLUMNS
    _emit(records, columns, args.format, "targets")
    return 0


def _timeline(args: argparse.Namespace) -> int:
    plan = _plan(args)
    selection = select_milestones(plan, args)
    if args.next is not None:
        if args.next < 1:
            raise UsageError(f"--next must be a positive number of milestones, got {args.next}")
        selection = selection[: args.next]
    party = _party(plan, args)
    if args.format == "table":
        if not selection:
            print("no milestones match", file=sys.stderr)
        else:
            print(views.timeline_text(selection, party))
        return 0
    columns = (("month", "month"), *views.MILESTONE_COLUMNS, ("deliverable", "deliverable"))
    if party:
        columns = (*columns, ("role", "role"))
    print(render(views.milestone_records(selection, party), columns, args.format))
    return 0


# --------------------------------------------------------------------------- calendar feeds


def _reminders(text: str) -> tuple[int, ...]:
    """``7,1`` → (7, 1): distinct whole days from 0 to 366."""
    msg = f"days before the due date must be distinct whole numbers from 0 to 366, such as 7,1; got {text!r}"
    parts = [part.strip() for part in text.split(",")]
    if not all(part.isdigit() for part in parts):
        raise argparse.ArgumentTypeError(msg)
    days = tuple(int(part) for part in parts)
    if any(d > 366 for d in days) or len(set(days)) != len(days):
        raise argparse.ArgumentTypeError(msg)
    return days


def _revised(text: str) -> dt.datetime:
    """An ISO date or date-time; without a zone it is China time."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        msg = f"expected an ISO date such as 2023-10-15 or 2023-10-15T09:00+08:00, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    return moment


def _add_feed_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("event options")
    group.add_argument(
        "--remind",
        type=_reminders,
        default=(7, 1),
        metavar="DAYS",
        help="reminders this many days before each due date, at 09:00, comma-separated (default 7,1)",
    )
    group.add_argument(
        "--no-reminders", dest="remind", action="store_const", const=(), help="no reminders (VALARM) at all"
    )
    group.add_argument(
        "--components",
        choices=[c.value for c in Component],
        default=Component.EVENT.value,
        help="events (default; every client shows them), to-dos (VTODO) or both",
    )
    group.add_argument(
        "--revised",
        type=_revised,
        metavar="DATE",
        help="when the data was revised, stamped on changed events (default: the plan's printed date)",
    )


def _feed_options(args: argparse.Namespace, status: StatusSource | None, **extra: object) -> FeedOptions:
    return FeedOptions(
        reminders=args.remind,
        components=Component(args.components),
        revised=args.revised,
        status=status,
        **extra,  # type: ignore[arg-type]
    )


def _add_status_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("status from a progress ledger (台账)")
    group.add_argument(
        "--ledger",
        type=Path,
        metavar="FILE",
        help="mark each event 【已完成】, 【逾期】 or 【已取消】 from this ledger (.csv or .json)",
    )
    group.add_argument(
        "--as-of",
        type=_date_argument,
        metavar="DATE",
        help="the day the status is shown for, YYYY-MM-DD (required with --ledger)",
    )
    group.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when the ledger has problems (the feeds are still written, without those rows)",
    )


def _feed_status(args: argparse.Namespace, plan: Plan) -> tuple[StatusSource | None, list[Problem]]:
    """The ledger's status for the feed, and the problems of its rows (printed to stderr, one a line).

    The as-of date is required: a published feed must not depend on the day it was generated.
    """
    if args.ledger is None:
        for option, given in (("--as-of", args.as_of is not None), ("--strict", args.strict)):
            if given:
                raise UsageError(f"{option} applies to the ledger: give --ledger FILE too")
        return None, []
    if args.as_of is None:
        raise UsageError(f"--ledger {args.ledger} needs --as-of DATE, the day the status is shown for")
    ledger, problems = _read(args, plan, args.as_of)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {args.ledger}: those rows are left out", file=sys.stderr)
    return StatusSource(ledger, args.as_of), problems


def _marks_text(plan: Plan, status: StatusSource | None, selection: list[Entry] | None = None) -> str:
    if status is None:
        return ""
    counts = marks(plan, status, selection)
    shown = ", ".join(f"{n} {mark}" for mark, n in counts.items()) or "none marked"
    return f"; status as of {status.as_of.isoformat()}: {shown}"


def _exit_status(args: argparse.Namespace, problems: list[Problem]) -> int:
    return 1 if problems and args.strict else 0


def _read_revisions(path: Path, *, what: str) -> Revisions:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {what} {path}: {error.strerror}") from None
    try:
        return Revisions.from_ical(data, prodid=PRODID)
    except FeedError as error:
        raise UsageError(f"{what} {path}: {error}; heze-plan leaves it alone") from None


def _feed_unit(plan: Plan, args: argparse.Namespace) -> str | None:
    """The unit a calendar is made for (its lead items get marked), when one registry unit is selected."""
    name = args.unit or args.lead
    if not name:
        return None
    try:
        return resolve_unit(plan, name).name
    except UnitLookupError:  # a county, which acts through the collectives and leads nothing itself
        return None


def _calendar(args: argparse.Namespace) -> int:
    plan = _plan(args)
    selection = [Entry(ref.task, ref.index) for ref in select_milestones(plan, args)]
    output: Path | None = args.output
    if args.previous is not None:
        previous = _read_revisions(args.previous, what="previous feed")
    elif output is not None and output.exists():
        previous = _read_revisions(output, what="output file")
    else:
        previous = Revisions()
    status, problems = _feed_status(args, plan)
    options = _feed_options(args, status, name=args.name, unit=_feed_unit(plan, args))
    data = build_calendar(plan, selection, options, previous).to_ical()
    if output is None:
        sys.stdout.buffer.write(data)
        return _exit_status(args, problems)
    try:
        write_atomic(output, data)
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror}") from None
    now = Revisions.from_ical(data, prodid=PRODID)
    new = sum(1 for uid in now if uid not in previous)
    revised = sum(1 for uid, r in now.items() if uid in previous and previous[uid].sequence != r.sequence)
    gone = sum(1 for uid in previous if uid not in now)
    print(
        f"{output}: {len(now)} entries ({new} new, {revised} revised, {gone} dropped)"
        + _marks_text(plan, status, selection)
    )
    return _exit_status(args, problems)


def _feeds(args: argparse.Namespace) -> int:
    plan = _plan(args)
    status, problems = _feed_status(args, plan)
    try:
        report = write_feeds(plan, args.outdir, base_url=args.base_url, options=_feed_options(args, status))
    except (FeedError, ValueError) as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        where = error.filename or args.outdir
        raise UsageError(f"cannot write feeds into {args.outdir}: {where}: {error.strerror}") from None
    print(
        f"{args.outdir}: {len(report.index)} feeds; {len(report.written)} files written, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed" + _marks_text(plan, status)
    )
    for name in report.kept:
        print(
            f"kept {args.outdir / name}: no longer a feed, but changed since heze-plan wrote it",
            file=sys.stderr,
        )
    return _exit_status(args, problems)


def _register_summary(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = commands.add_parser("summary", help="an overview of the plan")
    _add_plan_option(summary)
    summary.set_defaults(handler=_summary)


def _register_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check", help="check the plan against every rule; exit 1 when there are findings"
    )
    _add_plan_option(parser)
    parser.set_defaults(handler=_check)


def _register_export(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="export the plan as data")
    _add_plan_option(export)
    export.add_argument("--format", choices=["json"], default="json", help="the export format (default json)")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    export.set_defaults(handler=_export)


def _date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD") from None


def _working_days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of working days (0 or more)")
    return int(text)


def _lead_unit(plan: Plan, name: str | None) -> str | None:
    """The canonical name of the unit the user named (forgiving: see `resolve_unit`); it must lead tasks."""
    if name is None:
        return None
    try:
        unit = resolve_unit(plan, name).name
    except UnitLookupError as error:
        raise UsageError(str(error)) from None
    if not any(unit in t.lead_units for t in plan.tasks):
        raise UsageError(f"{unit} leads no task of the plan (it only shares tasks led by others)")
    return unit


def _ledger_init(args: argparse.Namespace) -> int:
    plan = _plan(args)
    target: Path = args.file
    if target.exists() and not args.force:
        raise UsageError(f"{target} exists; it is not overwritten (use --force to replace it)")
    fmt = args.format or ("json" if target.suffix.lower() == ".json" else "csv")
    text = template(
        plan, unit=_lead_unit(plan, args.unit), json_format=fmt == "json", chinese=args.lang == "zh"
    )
    write_atomic(target, text)
    print(f"wrote {target} ({fmt}); fill in status and completion date, or value and as-of date")
    return 0


def _read(args: argparse.Namespace, plan: Plan, as_of: dt.date | None) -> tuple[Ledger, list[Problem]]:
    try:
        return read_ledger(args.ledger, plan, as_of=as_of)
    except LedgerError as error:
        raise UsageError(str(error)) from None


def _ledger_check(args: argparse.Namespace) -> int:
    plan = _plan(args)
    ledger, problems = _read(args, plan, args.as_of or dt.date.today())
    for problem in problems:
        print(problem)
    summary = f"{len(ledger.entries)} milestone row(s) and {len(ledger.actuals)} target actual(s) read"
    if problems:
        print(f"{summary}; {len(problems)} problem(s), those rows are left out", file=sys.stderr)
        return 1
    print(f"{summary}; no problems")
    return 0


def _report(args: argparse.Namespace) -> int:
    plan = _plan(args)
    unit = _lead_unit(plan, args.unit)
    ledger, problems = _read(args, plan, args.as_of)
    result = status(plan, ledger, as_of=args.as_of, within=args.within, unit=unit)
    text = render_report(result, problems, fmt=args.format, title=plan.document.title)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomic(args.output, text)
    if problems and args.format != "table":
        for problem in problems:
            print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {args.ledger}: those rows are left out", file=sys.stderr)
    return 1 if problems and args.strict else 0


def _register_ledger(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ledger = commands.add_parser(
        "ledger", help="the progress ledger (台账): write a template, check a filled one"
    )
    actions = ledger.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="write a template listing every milestone and target to report on")
    init.add_argument("file", type=Path, metavar="FILE", help="the template to write (.csv or .json)")
    init.add_argument("--unit", metavar="U", help="only the tasks this unit leads (name or alias)")
    init.add_argument("--format", choices=["csv", "json"], help="default: json for a .json FILE, else csv")
    init.add_argument("--lang", choices=["zh", "en"], default="zh", help="CSV header language (default zh)")
    init.add_argument("--force", action="store_true", help="replace FILE if it exists")
    _add_plan_option(init)
    init.set_defaults(handler=_ledger_init)
    check = actions.add_parser("check", help="check every row of a ledger; exit 1 when there are problems")
    check.add_argument("ledger", type=Path, metavar="FILE", help="the ledger (.csv or .json)")
    check.add_argument(
        "--as-of", type=_date_argument, metavar="DATE", help="dates after DATE are problems (default: today)"
    )
    _add_plan_option(check)
    check.set_defaults(handler=_ledger_check)


def _register_report(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser("report", help="the progress report on a date, from a ledger")
    report.add_argument(
        "--ledger", type=Path, metavar="FILE", required=True, help="the ledger (.csv or .json)"
    )
    report.add_argument(
        "--as-of", type=_date_argument, metavar="DATE", required=True, help="the report date, YYYY-MM-DD"
    )
    report.add_argument("--unit", metavar="U", help="only the tasks this unit leads (name or alias)")
    report.add_argument("--format", choices=["table", "csv", "json", "html"], default="table")
    report.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    report.add_argument(
        "--within",
        type=_working_days,
        default=5,
        metavar="N",
        help="due soon = within N working days (default 5)",
    )
    report.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when the ledger has problems (the report is still written)",
    )
    _add_plan_option(report)
    report.set_defaults(handler=_report)


def _register_tasks(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "tasks",
        help="list the tasks that match: by unit, area, deadline, text",
        description="List tasks. Every selection option narrows the list; without options, all tasks.",
    )
    _add_plan_option(parser)
    add_selection_options(parser)
    _add_format_option(parser)
    parser.set_defaults(handler=_tasks)


def _register_show(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "show",
        help="one task in full: units, milestones, targets, qualifiers, errata",
        description="Show one task in full, with the errata that touched its text.",
    )
    _add_plan_option(parser)
    parser.add_argument("number", metavar="N", help="the task's number (1..195 in the Heze 2023 plan)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    parser.set_defaults(handler=_show)


def _register_units(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "units",
        help="every unit with how many tasks it leads and shares",
        description="Every unit of the registry with the tasks it leads and shares, most tasks first.",
    )
    _add_plan_option(parser)
    _add_format_option(parser)
    parser.set_defaults(handler=_units)


def _register_areas(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "areas",
        help="the areas with their lead units and counts",
        description="Every area (领域) with its lead units and its counts of tasks, milestones "
        "and ongoing tasks.",
    )
    _add_plan_option(parser)
    _add_format_option(parser)
    parser.set_defaults(handler=_areas)


def _register_targets(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "targets",
        help="the quantitative targets of the tasks that match",
        description="List the quantitative targets of the selected tasks; date options apply to "
        "the milestone each target is due with.",
    )
    _add_plan_option(parser)
    add_selection_options(parser)
    parser.add_argument("--kind", choices=[k.value for k in TargetKind], help="only targets of this kind")
    _add_format_option(parser)
    parser.set_defaults(handler=_targets)


def _register_timeline(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "timeline",
        help="milestones month by month",
        description="The milestones of the selected tasks, month by month; date options apply "
        "to each milestone.",
    )
    _add_plan_option(parser)
    add_selection_options(parser)
    parser.add_argument("--next", type=int, metavar="N", help="only the first N milestones (by date)")
    _add_format_option(parser)
    parser.set_defaults(handler=_timeline)


def _register_calendar(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "calendar",
        help="an iCalendar feed of the deadlines: one all-day event per milestone",
        description="Write an iCalendar (.ics) feed with one all-day event per milestone of the selected "
        "tasks. "
        "Regenerating into the same FILE keeps UIDs and moves SEQUENCE only for events that changed.",
    )
    _add_plan_option(parser)
    add_selection_options(parser)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--name", help="the calendar's name (default: the document number and 任务时间节点)")
    parser.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help="the feed this one replaces, for SEQUENCE history (default: FILE of -o when it exists)",
    )
    _add_feed_options(parser)
    _add_status_options(parser)
    parser.set_defaults(handler=_calendar)


def _register_feeds(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "feeds",
        help="a directory of feeds: the whole plan, one per area, one per unit, with index.html",
        description="Write one feed for the whole plan, one per area and one per unit into OUTDIR, "
        "with index.html and index.json. Removes only feeds it wrote itself that no longer exist.",
    )
    _add_plan_option(parser)
    parser.add_argument("outdir", type=Path, metavar="OUTDIR", help="the directory to publish")
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="where OUTDIR is served (https://…), for the subscribe links in the index",
    )
    _add_feed_options(parser)
    _add_status_options(parser)
    parser.set_defaults(handler=_feeds)


#: Each registers one command (or a group) on the subparsers; order is the order in --help.
_REGISTRARS = (
    _register_summary,
    _register_tasks,
    _register_show,
    _register_units,
    _register_areas,
    _register_targets,
    _register_timeline,
    _register_calendar,
    _register_feeds,
    _register_check,
    _register_export,
    _register_ledger,
    _register_report,
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="heze-plan",
        description="Query, check and export the Heze 2023 business-environment plan (菏政发〔2023〕11号).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _REGISTRARS:
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except UsageError as error:
        print(f"heze-plan: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head and the like
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
