"""The ``heze-plan`` command line.

A thin layer: each command parses its options, calls functions of the
library that return text or data, and prints. A user's mistake (a bad
option, an unknown unit, an unreadable file) is one line on stderr and exit
status 2, never a traceback; findings of ``check`` exit with status 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from heze_plan import __version__, load, parse
from heze_plan.checks import RULES, check
from heze_plan.files import write_atomic
from heze_plan.ledger import Ledger, Problem
from heze_plan.ledger_io import LedgerError, read_ledger, template
from heze_plan.model import Plan
from heze_plan.parsing import ParseError
from heze_plan.report import render
from heze_plan.serialize import to_json
from heze_plan.status import status

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


def _add_plan_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plan",
        type=Path,
        metavar="FILE",
        help="read the plan from this text file instead of the embedded Heze 2023 plan",
    )


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


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD") from None


def _working_days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of working days (0 or more)")
    return int(text)


def _unit(plan: Plan, name: str | None) -> str | None:
    """The canonical name of the unit the user named (canonical name or alias); UsageError otherwise."""
    if name is None:
        return None
    for unit in plan.units:
        if name.strip() in (unit.name, *unit.aliases):
            if not any(unit.name in t.lead_units for t in plan.tasks):
                raise UsageError(
                    f"{unit.name} leads no task of the plan (it only shares tasks led by others)"
                )
            return unit.name
    names = [u.name for u in plan.units] + [a for u in plan.units for a in u.aliases]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(close)}?" if close else "; `heze-plan summary` lists the plan"
    raise UsageError(f"unknown unit {name!r}{hint}")


def _ledger_init(args: argparse.Namespace) -> int:
    plan = _plan(args)
    target: Path = args.file
    if target.exists() and not args.force:
        raise UsageError(f"{target} exists; it is not overwritten (use --force to replace it)")
    fmt = args.format or ("json" if target.suffix.lower() == ".json" else "csv")
    text = template(plan, unit=_unit(plan, args.unit), json_format=fmt == "json", chinese=args.lang == "zh")
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
    unit = _unit(plan, args.unit)
    ledger, problems = _read(args, plan, args.as_of)
    result = status(plan, ledger, as_of=args.as_of, within=args.within, unit=unit)
    text = render(result, problems, fmt=args.format, title=plan.document.title)
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
        "--as-of", type=_date, metavar="DATE", help="dates after DATE are problems (default: today)"
    )
    _add_plan_option(check)
    check.set_defaults(handler=_ledger_check)


def _register_report(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser("report", help="the progress report on a date, from a ledger")
    report.add_argument(
        "--ledger", type=Path, metavar="FILE", required=True, help="the ledger (.csv or .json)"
    )
    report.add_argument(
        "--as-of", type=_date, metavar="DATE", required=True, help="the report date, YYYY-MM-DD"
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


#: Each registers one command (or a group) on the subparsers; order is the order in --help.
_REGISTRARS = (
    _register_summary,
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
