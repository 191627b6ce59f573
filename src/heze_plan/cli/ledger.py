"""The progress commands: ``ledger init``, ``ledger check`` and ``report``.

The ledger's reader (:mod:`heze_plan.progress.ledger_files`), the status
(:mod:`heze_plan.progress.assessment`, with the working-day calendar of ``holidays``)
and the report's renderers load when one of these commands runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from heze_plan.cli.common import (
    Commands,
    UsageError,
    add_plan_option,
    date_argument,
    load_plan,
    read_ledger,
    refuse_overwriting_inputs,
)

if TYPE_CHECKING:
    from heze_plan.model.plan import Plan


def _working_days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of working days (0 or more)")
    return int(text)


def _lead_unit(plan: Plan, name: str | None) -> str | None:
    """The canonical name of the unit the user named (forgiving: see `resolve_unit`); it must lead tasks."""
    if name is None:
        return None
    from heze_plan.query.lookup import UnitLookupError, resolve_unit

    try:
        unit = resolve_unit(plan, name).name
    except UnitLookupError as error:
        raise UsageError(str(error)) from None
    if not any(unit in t.lead_units for t in plan.tasks):
        raise UsageError(f"{unit} leads no task of the plan (it only shares tasks led by others)")
    return unit


def _ledger_init(args: argparse.Namespace) -> int:
    from heze_plan.common.files import write_atomic
    from heze_plan.progress.ledger_files import template

    plan = load_plan(args)
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


def _ledger_check(args: argparse.Namespace) -> int:
    plan = load_plan(args)
    ledger, problems = read_ledger(args, plan, args.as_of or dt.date.today())
    for problem in problems:
        print(problem)
    summary = f"{len(ledger.entries)} milestone row(s) and {len(ledger.actuals)} target actual(s) read"
    if problems:
        print(f"{summary}; {len(problems)} problem(s), those rows are left out", file=sys.stderr)
        return 1
    print(f"{summary}; no problems")
    return 0


def _report(args: argparse.Namespace) -> int:
    from heze_plan.common.files import write_atomic
    from heze_plan.progress.assessment import status
    from heze_plan.progress.report import render as render_report

    refuse_overwriting_inputs(args.output, args.ledger, args.plan)
    plan = load_plan(args)
    unit = _lead_unit(plan, args.unit)
    ledger, problems = read_ledger(args, plan, args.as_of)
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


def register_ledger(commands: Commands) -> None:
    """``heze-plan ledger``."""
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
    add_plan_option(init)
    init.set_defaults(handler=_ledger_init)
    check = actions.add_parser("check", help="check every row of a ledger; exit 1 when there are problems")
    check.add_argument("ledger", type=Path, metavar="FILE", help="the ledger (.csv or .json)")
    check.add_argument(
        "--as-of", type=date_argument, metavar="DATE", help="dates after DATE are problems (default: today)"
    )
    add_plan_option(check)
    check.set_defaults(handler=_ledger_check)


def register_report(commands: Commands) -> None:
    """``heze-plan report``."""
    report = commands.add_parser("report", help="the progress report on a date, from a ledger")
    report.add_argument(
        "--ledger", type=Path, metavar="FILE", required=True, help="the ledger (.csv or .json)"
    )
    report.add_argument(
        "--as-of", type=date_argument, metavar="DATE", required=True, help="the report date, YYYY-MM-DD"
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
    add_plan_option(report)
    report.set_defaults(handler=_report)
