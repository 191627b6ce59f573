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

from heze_plan import __version__, load, parse
from heze_plan.calendar_feed import PRODID, Component, FeedOptions, build_calendar
from heze_plan.checks import RULES, check
from heze_plan.feeds import write_feeds
from heze_plan.files import write_atomic
from heze_plan.model import Plan, Task
from heze_plan.parsing import ParseError
from heze_plan.revisions import FeedError, Revisions
from heze_plan.serialize import to_json

__all__ = ["UsageError", "main"]


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


def _selected_units(plan: Plan, wanted: Sequence[str]) -> set[str]:
    """Canonical names of the units the user typed: a name, an alias or a fragment of one unit's name."""
    found: set[str] = set()
    for text in wanted:
        exact = [u.name for u in plan.units if text == u.name or text in u.aliases]
        partial = [u.name for u in plan.units if text in u.name or any(text in a for a in u.aliases)]
        matches = exact or partial
        if len(matches) != 1:
            detail = (
                f"it matches {len(matches)} units: {'、'.join(matches)}"
                if matches
                else "no unit has that name"
            )
            raise UsageError(f"--unit {text!r}: {detail}")
        found.add(matches[0])
    return found


def _selected_areas(plan: Plan, wanted: Sequence[str]) -> set[int]:
    """Numbers of the areas the user typed: a number or (a fragment of) one area's name."""
    found: set[int] = set()
    for text in wanted:
        if text.strip().isdigit():
            number = int(text)
            if not any(a.number == number for a in plan.areas):
                raise UsageError(f"--area {text!r}: this plan numbers its areas 1..{len(plan.areas)}")
            found.add(number)
            continue
        matches = [a for a in plan.areas if text in a.name]
        if len(matches) != 1:
            names = "、".join(a.name for a in matches)
            detail = f"it matches {len(matches)} areas: {names}" if matches else "no area has that name"
            raise UsageError(f"--area {text!r}: {detail}")
        found.add(matches[0].number)
    return found


def _add_calendar_selection(parser: argparse.ArgumentParser) -> None:
    """The selection options of ``calendar`` (to give way to the shared ones of ``tasks``)."""
    parser.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="NAME",
        help="tasks this unit leads or shares (repeatable)",
    )
    parser.add_argument(
        "--area", action="append", default=[], metavar="N|NAME", help="tasks of this area (repeatable)"
    )


def _calendar_selection(plan: Plan, args: argparse.Namespace) -> tuple[Task, ...] | None:
    """The tasks ``--unit`` and ``--area`` select (all when neither is given); both must hold."""
    if not args.unit and not args.area:
        return None
    units = _selected_units(plan, args.unit)
    areas = _selected_areas(plan, args.area)
    return tuple(
        t for t in plan.tasks if (not units or units & set(t.units)) and (not areas or t.area in areas)
    )


def _add_plan_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plan",
        type=Path,
        metavar="FILE",
        help="read the plan from this text file instead of the embedded Heze 2023 plan",
    )


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


def _feed_options(args: argparse.Namespace, **extra: object) -> FeedOptions:
    return FeedOptions(
        reminders=args.remind,
        components=Component(args.components),
        revised=args.revised,
        **extra,  # type: ignore[arg-type]
    )


def _read_revisions(path: Path, *, what: str) -> Revisions:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {what} {path}: {error.strerror}") from None
    try:
        return Revisions.from_ical(data, prodid=PRODID)
    except FeedError as error:
        raise UsageError(f"{what} {path}: {error}; heze-plan leaves it alone") from None


def _calendar(args: argparse.Namespace) -> int:
    plan = _plan(args)
    selection = _calendar_selection(plan, args)
    units = _selected_units(plan, args.unit)
    # A feed for one unit marks the tasks it leads, as the unit feeds of ``feeds`` do.
    options = _feed_options(args, name=args.name, unit=units.pop() if len(units) == 1 else None)
    output: Path | None = args.output
    if args.previous is not None:
        previous = _read_revisions(args.previous, what="previous feed")
    elif output is not None and output.exists():
        previous = _read_revisions(output, what="output file")
    else:
        previous = Revisions()
    data = build_calendar(plan, selection, options, previous).to_ical()
    if output is None:
        sys.stdout.buffer.write(data)
        return 0
    try:
        write_atomic(output, data)
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror}") from None
    now = Revisions.from_ical(data, prodid=PRODID)
    new = sum(1 for uid in now if uid not in previous)
    revised = sum(1 for uid, r in now.items() if uid in previous and previous[uid].sequence != r.sequence)
    gone = sum(1 for uid in previous if uid not in now)
    print(f"{output}: {len(now)} entries ({new} new, {revised} revised, {gone} dropped)")
    return 0


def _feeds(args: argparse.Namespace) -> int:
    plan = _plan(args)
    try:
        report = write_feeds(plan, args.outdir, base_url=args.base_url, options=_feed_options(args))
    except (FeedError, ValueError) as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        where = error.filename or args.outdir
        raise UsageError(f"cannot write feeds into {args.outdir}: {where}: {error.strerror}") from None
    print(
        f"{args.outdir}: {len(report.index)} feeds; {len(report.written)} files written, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed"
    )
    for name in report.kept:
        print(
            f"kept {args.outdir / name}: no longer a feed, but changed since heze-plan wrote it",
            file=sys.stderr,
        )
    return 0


Handler = Callable[[argparse.Namespace], int]


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


def _register_calendar(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "calendar",
        help="an iCalendar feed of the deadlines: one all-day event per milestone",
        description="Write an iCalendar (.ics) feed with one all-day event per milestone of the selected "
        "tasks. "
        "Regenerating into the same FILE keeps UIDs and moves SEQUENCE only for events that changed.",
    )
    _add_plan_option(parser)
    _add_calendar_selection(parser)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--name", help="the calendar's name (default: the document number and 任务时间节点)")
    parser.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help="the feed this one replaces, for SEQUENCE history (default: FILE of -o when it exists)",
    )
    _add_feed_options(parser)
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
    parser.set_defaults(handler=_feeds)


#: Each registers one command (or a group) on the subparsers; order is the order in --help.
_REGISTRARS = (
    _register_summary,
    _register_check,
    _register_export,
    _register_calendar,
    _register_feeds,
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
