"""``heze-plan inspect FILE``: what the parser understood of a plan, to judge whether to trust it.

Someone from another city parses their own plan and needs to know at a
glance what was read: the conventions the text used (labels, role words, a
flattened table, the year's source…), how many tasks each area holds, the
tasks without a lead unit or without any owner, the time words no deadline
dates (5年内, 第三季度), the owner names that look like text run into an owner
clause (figures, a stop, an unclosed bracket), and every finding of the parse.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from heze_plan.cli.common import Commands, UsageError

if TYPE_CHECKING:
    from heze_plan.parsing.findings import ParseReport
    from heze_plan.sources import Source

__all__ = ["inspection", "inspection_text", "register_inspect"]

#: Time words in a task's text that may be a deadline; listed when the task has none dated.
_TIME_WORDS = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个)?(?:季度|月份|月中|月上旬|月下旬|月)"
    r"|第[一二三四1-4]季度|[上下]半年|年底|年内|\d+\s*年内|\d+\s*个?工作日内|持续推进|长期坚持"
)


def register_inspect(commands: Commands) -> None:
    """``heze-plan inspect``."""
    parser = commands.add_parser(
        "inspect",
        help="show what was understood of a plan file: conventions, tasks per area, owners missing, findings",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the plan's text")
    parser.add_argument("--year", type=int, help="the plan year, when the text does not say it")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    parser.set_defaults(handler=_inspect)


def inspection(report: ParseReport, reading: str | None = None) -> dict[str, Any]:
    """What :func:`~heze_plan.parsing.parser.parse_with_report` understood, as data (``--format json``).

    ``reading`` says how the file was read (:attr:`heze_plan.sources.Source.reading`).
    """
    from heze_plan.parsing.units import doubtful_name

    plan = report.plan
    per_area = {area.number: 0 for area in plan.areas}
    for task in plan.tasks:
        per_area[task.area] = per_area.get(task.area, 0) + 1
    undated = []
    for task in plan.tasks:
        if task.milestones:
            continue
        words = list(dict.fromkeys(m.group(0) for m in _TIME_WORDS.finditer(task.text)))
        if words:
            undated.append({"task": task.number, "words": words})
    labels = {str(task.number): task.label for task in plan.tasks if task.label}
    doubtful: dict[str, dict[str, Any]] = {}
    for task in plan.tasks:
        for unit in task.units:
            if unit in doubtful:
                doubtful[unit]["tasks"].append(task.number)
            elif (why := doubtful_name(unit)) is not None:
                doubtful[unit] = {"unit": unit, "why": why, "tasks": [task.number]}
    return {
        "document": {
            "number": plan.document.number,
            "title": plan.document.title,
            "year": plan.document.year,
        },
        **({"reading": reading} if reading else {}),
        "conventions": sorted(convention.value for convention in report.conventions),
        "tasks": len(plan.tasks),
        "areas": [
            {"number": area.number, "name": area.name, "tasks": per_area.get(area.number, 0)}
            for area in plan.areas
        ],
        "without_lead": [
            task.number for task in plan.tasks if not task.lead_units and task.responsible_units
        ],
        "without_owner": [task.number for task in plan.tasks if not task.units],
        "undated": undated,
        # owner names that look like text run into an owner clause (parsing.units.doubtful_name)
        "doubtful_units": list(doubtful.values()),
        # the tasks' labels as printed, by number, in a plan whose labels are not its numbers
        **({"labels": labels} if labels else {}),
        "findings": [
            {
                "line": finding.line,
                "column": finding.column,
                "message": finding.message,
                "expected": finding.expected,
                "found": finding.found,
                "action": finding.action,
            }
            for finding in report.findings
        ],
    }


def _numbers(numbers: list[int], labels: dict[str, str]) -> str:
    """``3、5``, or ``3 二（一）、5 二（三）`` with the labels as printed where they are not the numbers."""
    shown = (f"{n} {labels[str(n)]}" if str(n) in labels else str(n) for n in numbers)
    return "、".join(shown) if numbers else "none"


def inspection_text(data: dict[str, Any]) -> str:
    """The inspection as text for people."""
    document = data["document"]
    labels: dict[str, str] = data.get("labels", {})
    lines = [
        f"{document['title']} ({document['number']}, plan year {document['year']}): {data['tasks']} tasks",
        *([f"read as {data['reading']}"] if data.get("reading") else []),
        "",
        "conventions:",
        *(f"  {value}" for value in data["conventions"]),
        "",
        "tasks per area:",
        *(f"  {area['number']:>3} {area['name']}: {area['tasks']}" for area in data["areas"]),
        *(
            ["", "task labels as printed: " + "、".join(f"{n} {label}" for n, label in labels.items())]
            if labels
            else []
        ),
        "",
        f"tasks without a lead unit (responsible units only): {_numbers(data['without_lead'], labels)}",
        f"tasks without any owner: {_numbers(data['without_owner'], labels)}",
        "time words no deadline dates:",
        *(
            f"  task {_numbers([item['task']], labels)}: {'、'.join(item['words'])}"
            for item in data["undated"]
        ),
    ]
    if not data["undated"]:
        lines[-1] += " none"
    lines.append("names that may be no unit's (text run into an owner clause?):")
    lines += [
        f"  {item['unit']}: {item['why']}; task {_numbers(item['tasks'], labels)}"
        for item in data["doubtful_units"]
    ]
    if not data["doubtful_units"]:
        lines[-1] += " none"
    lines.append(f"findings: {len(data['findings'])}")
    for finding in data["findings"]:
        where = f"line {finding['line']}: " if finding["line"] is not None else ""
        detail = f": expected {finding['expected']}, found {finding['found']}" if finding["expected"] else ""
        lines.append(f"  {where}{finding['message']}{detail} [{finding['action']}]")
    return "\n".join(lines)


def _plan_source(source: Path) -> Source:
    """A plan file in any format :func:`heze_plan.sources.read_source` reads, and how (``inspect FILE``).

    A file that cannot be read, or whose format needs an extra that is not
    installed, is a usage error of one line.
    """
    from heze_plan.errors import ExtraMissingError, SourceError
    from heze_plan.sources import read_source

    try:
        return read_source(source)
    except (SourceError, ExtraMissingError) as error:
        raise UsageError(str(error)) from None


def _inspect(args: argparse.Namespace) -> int:
    from heze_plan.parsing.parser import ParseError, parse_with_report

    source = _plan_source(args.file)
    try:
        report = parse_with_report(source.text, year=args.year, strict=False)
    except ParseError as error:
        raise UsageError(f"{args.file}: {error}") from None
    except ValueError as error:  # a bad --year
        raise UsageError(str(error)) from None
    data = inspection(report, source.reading)
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(inspection_text(data))
    return 0
