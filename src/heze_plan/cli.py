"""The ``heze-plan`` command line.

A thin layer: each command parses its options, calls functions of the
library that return text or data, and prints. A user's mistake (a bad
option, an unknown unit, an unreadable file) is one line on stderr and exit
status 2, never a traceback; findings of ``check`` exit with status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from heze_plan import __version__, load, parse
from heze_plan.checks import RULES, check
from heze_plan.files import write_atomic
from heze_plan.model import Plan
from heze_plan.parsing import ParseError
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


#: Each registers one command (or a group) on the subparsers; order is the order in --help.
_REGISTRARS = (
    _register_summary,
    _register_check,
    _register_export,
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
