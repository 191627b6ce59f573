"""The progress commands: ``ledger init``, ``ledger check`` and ``report``.

The ledger's reader (:mod:`heze_plan.progress.ledger_files`), the status
(:mod:`heze_plan.progress.assessment`, with the working-day calendar of ``holidays``)
and the report's renderers load when one of these commands runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from heze_plan.cli.common import (
    Commands,
    UsageError,
    add_plan_option,
    date_argument,
    load_plan,
    refuse_overwriting_inputs,
)
from heze_plan.cli.selection import add_selection_options, select_tasks

if TYPE_CHECKING:
    from heze_plan.model.plan import Plan, Task
    from heze_plan.progress.ledger import Ledger, Problem
    from heze_plan.progress.ledger_files import LedgerFile


def _load_ledger(args: argparse.Namespace, plan: Plan, as_of: dt.date | None) -> LedgerFile:
    """The ledger file of ``args.ledger`` as read; an unreadable ledger is a usage error."""
    from heze_plan.progress.ledger_files import LedgerError
    from heze_plan.progress.ledger_files import load_ledger as load

    try:
        return load(args.ledger, plan, as_of=as_of)
    except LedgerError as error:
        raise UsageError(str(error)) from None
    except ImportError:
        raise UsageError("reading .xlsx needs openpyxl: pip install 'heze-plan[xlsx]'") from None


def _working_days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of working days (0 or more)")
    return int(text)


def _party(plan: Plan, name: str | None) -> str | None:
    """The unit or county the user named (forgiving: see `resolve_party`), checked against the plan."""
    if name is None:
        return None
    from heze_plan.query.lookup import UnitLookupError, resolve_party

    try:
        resolve_party(plan, name)
    except UnitLookupError as error:
        raise UsageError(str(error)) from None
    return name


#: Problems printed one by one; after these, one summary line per kind of problem.
SHOWN_PROBLEMS = 20
_VARIABLE = re.compile(r"'[^']*'|\S*\d\S*")


def _kind(problem: Problem) -> str:
    """What a problem says, its figures, quoted values and places left out: its kind."""
    return _VARIABLE.sub("…", problem.message)


def print_problems(problems: Sequence[Problem], file: TextIO) -> None:
    """The first :data:`SHOWN_PROBLEMS` problems in full, then one line per kind of the others."""
    for problem in problems[:SHOWN_PROBLEMS]:
        print(problem, file=file)
    rest = Counter(_kind(p) for p in problems[SHOWN_PROBLEMS:])
    for kind, count in rest.items():
        first = next(p for p in problems[SHOWN_PROBLEMS:] if _kind(p) == kind)
        print(f"… and {count} more like {first.file}:{first.where}: {kind}", file=file)


def _fmt(path: Path, given: str | None) -> str:
    if given:
        return str(given)
    return {".json": "json", ".xlsx": "xlsx"}.get(path.suffix.lower(), "csv")


def _template(plan: Plan, fmt: str, rows: list[dict[str, object]], unit: str | None, lang: str) -> bytes:
    from heze_plan.progress.ledger_files import template, template_workbook

    if fmt == "xlsx":
        try:
            return template_workbook(plan, rows, unit=unit)
        except ImportError:
            raise UsageError("writing .xlsx needs openpyxl: pip install 'heze-plan[xlsx]'") from None
    return template(plan, json_format=fmt == "json", chinese=lang == "zh", rows=rows).encode("utf-8")


def _selected(args: argparse.Namespace) -> bool:
    return any(
        getattr(args, name)
        for name in ("unit", "lead", "responsible", "area", "due_after", "due_before", "month", "search")
    ) or bool(args.ongoing)


def _narrowed(args: argparse.Namespace) -> bool:
    """Whether an option other than --unit and --lead narrows the tasks."""
    names = ("responsible", "area", "due_after", "due_before", "month", "search")
    return any(getattr(args, name) for name in names) or bool(args.ongoing)


def _ledger_init(args: argparse.Namespace) -> int:
    from heze_plan.common.files import write_atomic
    from heze_plan.progress.ledger_files import template_rows
    from heze_plan.query.lookup import UnitLookupError, resolve_party

    plan = load_plan(args)
    tasks = list(select_tasks(plan, args))
    if args.split_by_unit is not None:
        return _split(plan, args, tasks)
    target: Path = args.file
    if target is None:
        raise UsageError("give the FILE to write, or --split-by-unit DIR")
    if target.exists() and not args.force:
        raise UsageError(f"{target} exists; it is not overwritten (use --force to replace it)")
    if not tasks:
        raise UsageError("no task matches the selection options: no template written")
    fmt = _fmt(target, args.format)
    unit = None
    named = [*(args.unit or ()), *(args.lead or ())]  # repeatable options: lists of names
    if len(named) == 1:  # one unit named: its name goes into 填报单位
        try:
            party = resolve_party(plan, named[0])
        except UnitLookupError as error:
            raise UsageError(str(error)) from None
        unit = party.county or (party.units[0] if len(party.units) == 1 else None)
    # One unit or county named and nothing else narrowing: its workbook, with the safeguards'
    # obligations that fall on it (S1.6 for a county or an area's lead unit).
    own = unit if unit is not None and not _narrowed(args) else None
    rows = template_rows(plan, tasks, unit=unit, safeguards=not _selected(args), obligations_of=own)
    write_atomic(target, _template(plan, fmt, rows, unit, args.lang))
    print(
        f"wrote {target} ({fmt}, {len(rows)} rows); fill in status and completion date, "
        "or value and as-of date"
    )
    return 0


def _split(plan: Plan, args: argparse.Namespace, tasks: list[Task]) -> int:
    """``--split-by-unit DIR``: one template per lead unit of the selected tasks, its tasks only.

    Unless an option other than --unit/--lead narrows the tasks, each workbook also lists the
    safeguards' obligations that fall on its unit (the county collective's lists those of the
    counties, one row per county).
    """
    from heze_plan.common.files import write_atomic
    from heze_plan.progress.ledger_files import template_rows
    from heze_plan.query.lookup import COUNTIES

    if args.file is not None:
        raise UsageError("--split-by-unit DIR writes one file per unit: give no FILE with it")
    directory: Path = args.split_by_unit
    fmt = args.format or "xlsx"
    leads = [u.name for u in plan.units if any(u.name in t.lead_units for t in tasks)]
    if not leads:
        raise UsageError("no task matches the selection options: no template written")
    own = not _narrowed(args)  # the whole share of each unit: its obligations of the safeguards too
    books = {
        unit: template_rows(
            plan,
            [t for t in tasks if unit in t.lead_units],
            unit=unit,
            safeguards=False,
            obligations_of=unit if own else None,
        )
        for unit in leads
    }
    counties = 0
    if not _selected(args):  # the whole plan: each county gets the obligations that fall on it
        for county in COUNTIES:
            rows = template_rows(plan, [], unit=county, safeguards=False, obligations_of=county)
            if rows:
                books[county], counties = rows, counties + 1
    paths = {unit: directory / f"{unit.replace('/', '／')}.{fmt}" for unit in books}
    existing = [str(p) for p in paths.values() if p.exists()]
    if existing and not args.force:
        raise UsageError(f"{existing[0]} exists; nothing is overwritten (use --force to replace files)")
    for unit, path in paths.items():
        write_atomic(path, _template(plan, fmt, books[unit], unit, args.lang))
    also = f" and one per county ({counties}: the safeguards' obligations on it)" if counties else ""
    print(f"wrote {len(paths)} {fmt} templates, one per lead unit{also}, in {directory}")
    return 0


def _kinds(ledger: Ledger) -> tuple[tuple[object, ...], ...]:
    """The rows of a ledger by kind, in the order :func:`_counts` names them."""
    return (
        ledger.entries,
        ledger.actuals,
        ledger.obligations,
        ledger.obligation_actuals,
        ledger.safeguards,
    )


def _counts(ledger: Ledger) -> str:
    """How many rows of each kind a ledger holds (old-style safeguard deadline rows only when any)."""
    entries, actuals, shares, figures, guards = (len(kind) for kind in _kinds(ledger))
    text = (
        f"{entries} milestone row(s), {actuals} target actual(s), {shares} obligation row(s) and "
        f"{figures} obligation target actual(s)"
    )
    return text + (f", {guards} safeguard deadline row(s)" if guards else "")


def _ledger_check(args: argparse.Namespace) -> int:
    plan = load_plan(args)
    read = _load_ledger(args, plan, args.as_of or dt.date.today())
    ledger = read.ledger
    print(f"read {args.ledger} as {read.encoding}")
    print_problems(read.problems, sys.stdout)
    errors = [p for p in read.problems if not p.warning]
    warnings = len(read.problems) - len(errors)
    summary = f"{_counts(ledger)} read"
    noted = f", {warnings} warning(s)" if warnings else ""
    if errors:
        print(
            f"{summary}; {len(errors)} problem(s){noted}: the rows with problems are left out, "
            "every other row is read",
            file=sys.stderr,
        )
        return 1
    print(f"{summary}; no problems{noted}")
    return 0


def _ledger_merge(args: argparse.Namespace) -> int:
    from heze_plan.common.files import write_atomic
    from heze_plan.progress.ledger_files import LedgerError, load_ledger, write_ledger
    from heze_plan.progress.merge import merge_ledgers

    out: Path = args.out
    refuse_overwriting_inputs(out, *args.files)
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists; it is not overwritten (use --force to replace it)")
    plan = load_plan(args)
    as_of = args.as_of or dt.date.today()
    problems: list[Problem] = []
    ledgers = []
    for path in args.files:
        try:
            read = load_ledger(path, plan, as_of=as_of)
        except LedgerError as error:
            raise UsageError(str(error)) from None
        rows = sum(len(kind) for kind in _kinds(read.ledger))
        print(f"read {path} as {read.encoding}: {rows} row(s)")
        problems += read.problems
        ledgers.append(read.ledger)
    merged = merge_ledgers(plan, ledgers)
    problems += merged.problems
    print_problems(problems, sys.stdout)
    for conflict in merged.conflicts:
        print(conflict)
    errors = [p for p in problems if not p.warning]
    if args.strict and merged.conflicts:
        print(f"{len(merged.conflicts)} conflict(s): with --strict, {out} is not written", file=sys.stderr)
        return 1
    write_atomic(out, write_ledger(plan, merged.ledger, _fmt(out, None)))
    ledger = merged.ledger
    print(
        f"wrote {out}: {_counts(ledger)} from {len(args.files)} file(s); "
        f"{len(merged.conflicts)} conflict(s), {len(merged.unresolved)} unresolved"
    )
    if errors or merged.unresolved:
        print(
            f"{len(errors)} problem row(s) and {len(merged.unresolved)} unresolved conflict(s) are not "
            f"in {out}: see above",
            file=sys.stderr,
        )
        return 1
    return 0


def _report(args: argparse.Namespace) -> int:
    from heze_plan.common.files import write_atomic
    from heze_plan.progress.assessment import status, with_history
    from heze_plan.progress.report import render as render_report

    refuse_overwriting_inputs(args.output, args.ledger, args.plan)
    plan = load_plan(args)
    unit = _party(plan, args.unit)
    read = _load_ledger(args, plan, args.as_of)
    ledger, problems = read.ledger, list(read.problems)
    result = status(plan, ledger, as_of=args.as_of, within=args.within, unit=unit)
    if args.format in ("html", "xlsx"):
        result = with_history(plan, ledger, result)
    if args.format == "xlsx" and args.output is None:
        raise UsageError("--format xlsx writes a workbook: give the file with -o FILE.xlsx")
    try:
        text = render_report(result, problems, fmt=args.format, title=plan.document.title)
    except ImportError:
        raise UsageError("writing .xlsx needs openpyxl: pip install 'heze-plan[xlsx]'") from None
    if args.output is None:
        assert isinstance(text, str)  # only xlsx is bytes, and it needs -o
        sys.stdout.write(text)
    else:
        write_atomic(args.output, text)
    if problems and args.format != "table":
        print_problems(problems, sys.stderr)
    errors = [p for p in problems if not p.warning]
    if errors:
        print(f"{len(errors)} problem(s) in {args.ledger}: those rows are left out", file=sys.stderr)
    return 1 if errors and args.strict else 0


def register_ledger(commands: Commands) -> None:
    """``heze-plan ledger``."""
    ledger = commands.add_parser(
        "ledger", help="the progress ledger (台账): write a template, check a filled one, merge several"
    )
    actions = ledger.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="write a template (.xlsx workbook, CSV or JSON) listing every milestone, target and obligation "
        "to report on",
    )
    init.add_argument(
        "file", type=Path, nargs="?", metavar="FILE", help="the template to write (.xlsx, .csv or .json)"
    )
    init.add_argument(
        "--split-by-unit",
        type=Path,
        metavar="DIR",
        help="write one template per lead unit into DIR (its tasks and the safeguards' obligations on it), "
        "and one per county with the obligations on the counties (.xlsx unless --format)",
    )
    init.add_argument(
        "--format",
        choices=["xlsx", "csv", "json"],
        help="default: from FILE's suffix (.xlsx, .json, else csv)",
    )
    init.add_argument("--lang", choices=["zh", "en"], default="zh", help="CSV header language (default zh)")
    init.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_selection_options(init)
    add_plan_option(init)
    init.set_defaults(handler=_ledger_init)
    check = actions.add_parser("check", help="check every row of a ledger; exit 1 when there are problems")
    check.add_argument("ledger", type=Path, metavar="FILE", help="the ledger (.xlsx, .csv or .json)")
    check.add_argument(
        "--as-of", type=date_argument, metavar="DATE", help="dates after DATE are problems (default: today)"
    )
    add_plan_option(check)
    check.set_defaults(handler=_ledger_check)
    merge = actions.add_parser(
        "merge",
        help="merge the ledgers units sent back into one; conflicts are shown, the lead unit's report wins",
    )
    merge.add_argument(
        "out", type=Path, metavar="OUT", help="the merged ledger to write (.xlsx, .csv or .json)"
    )
    merge.add_argument("files", type=Path, nargs="+", metavar="FILE", help="the ledgers to merge")
    merge.add_argument(
        "--strict", action="store_true", help="refuse to write OUT when any two reports disagree"
    )
    merge.add_argument(
        "--as-of", type=date_argument, metavar="DATE", help="dates after DATE are problems (default: today)"
    )
    merge.add_argument("--force", action="store_true", help="replace OUT if it exists")
    add_plan_option(merge)
    merge.set_defaults(handler=_ledger_merge)


def register_report(commands: Commands) -> None:
    """``heze-plan report``."""
    report = commands.add_parser("report", help="the progress report on a date, from a ledger")
    report.add_argument(
        "--ledger", type=Path, metavar="FILE", required=True, help="the ledger (.csv or .json)"
    )
    report.add_argument(
        "--as-of", type=date_argument, metavar="DATE", required=True, help="the report date, YYYY-MM-DD"
    )
    report.add_argument(
        "--unit",
        metavar="U",
        help="only the tasks this unit leads or shares, apart (name, alias, or a county such as 曹县)",
    )
    report.add_argument(
        "--format",
        choices=["table", "csv", "json", "html", "xlsx"],
        default="table",
        help="table (default), csv, json, html, or xlsx (a workbook: needs -o FILE)",
    )
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
