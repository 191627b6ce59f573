"""The commands on the plan as a whole: ``summary``, ``check`` and ``export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from heze_plan.cli.common import Commands, add_plan_option, load_plan, refuse_overwriting_inputs

if TYPE_CHECKING:
    from heze_plan.model.plan import Plan


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
        *_plan_level(plan),
        f"{ongoing} tasks have no deadline and run all year (to {plan.horizon.isoformat()})",
        _errata_line(plan),
        "",
        "milestones by month:",
    ]
    by_month: dict[str, int] = {}
    for milestone in sorted(dated, key=lambda m: m.due):
        key = milestone.due.strftime("%Y-%m")
        by_month[key] = by_month.get(key, 0) + 1
    lines += [f"  {month}  {count:3d}" for month, count in by_month.items()]
    return "\n".join(lines)


def _errata_line(plan: Plan) -> str:
    """How many errata, and how many of them the parser applied to the text."""
    applied = sum(1 for e in plan.errata if e.rewrites)
    if applied == len(plan.errata):
        return f"{applied} corrections to the source text (errata)"
    shown = len(plan.errata) - applied
    return f"{applied} corrections to the source text, {shown} more errata shown beside it (meaning, labels)"


def _plan_level(plan: Plan) -> list[str]:
    """The safeguards' own deadlines (保障措施), which belong to no task: one line, or none."""
    dues = [m.due.isoformat() for s in plan.safeguards for m in s.milestones]
    if not dues:
        return []
    plural = "s" if len(dues) != 1 else ""
    return [f"+{len(dues)} plan-level deadline{plural} (保障措施): {', '.join(sorted(dues))}"]


def _summary(args: argparse.Namespace) -> int:
    print(summary_text(load_plan(args)))
    return 0


def _check(args: argparse.Namespace) -> int:
    from heze_plan.model.checks import RULES, check

    findings = check(load_plan(args))
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} finding(s)", file=sys.stderr)
        return 1
    print(f"no findings: the plan passes all {len(RULES)} rules")
    return 0


def _export(args: argparse.Namespace) -> int:
    from heze_plan.common.files import write_output
    from heze_plan.model.serialize import to_json

    refuse_overwriting_inputs(args.output, args.plan)
    write_output(args.output, to_json(load_plan(args)) + "\n")
    return 0


def register_summary(commands: Commands) -> None:
    """``heze-plan summary``."""
    summary = commands.add_parser("summary", help="an overview of the plan")
    add_plan_option(summary)
    summary.set_defaults(handler=_summary)


def register_check(commands: Commands) -> None:
    """``heze-plan check``."""
    parser = commands.add_parser(
        "check", help="check the plan against every rule; exit 1 when there are findings"
    )
    add_plan_option(parser)
    parser.set_defaults(handler=_check)


def register_export(commands: Commands) -> None:
    """``heze-plan export``."""
    export = commands.add_parser("export", help="export the plan as data")
    add_plan_option(export)
    export.add_argument("--format", choices=["json"], default="json", help="the export format (default json)")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    export.set_defaults(handler=_export)
