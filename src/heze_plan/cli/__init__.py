"""The ``heze-plan`` command line.

A thin layer: each command parses its options, calls functions of the
library that return text or data, and prints. A user's mistake (a bad
option, an unknown unit, an unreadable file) is one line on stderr and exit
status 2, never a traceback; findings of ``check`` exit with status 1.

One module per group of commands, each with a ``register_X(commands)`` per
command, listed in :data:`REGISTRARS` in the order ``--help`` shows them:

- :mod:`heze_plan.cli.plan`: ``summary``, ``check``, ``export``;
- :mod:`heze_plan.cli.inspect`: ``inspect`` (what the parser understood of a plan file);
- :mod:`heze_plan.cli.queries`: ``tasks``, ``show``, ``units``, ``areas``, ``targets``, ``timeline``;
- :mod:`heze_plan.cli.calendar`: ``calendar``, ``feeds``;
- :mod:`heze_plan.cli.ledger`: ``ledger init``, ``ledger check``, ``report``;

and what they share in :mod:`heze_plan.cli.common` (``UsageError``,
``--plan``, output) and :mod:`heze_plan.cli.selection` (the options that
select tasks). Building the parser imports none of the feature modules:
each handler imports what it needs when it runs, so that ``heze-plan
summary`` or ``--help`` does not pay for icalendar, holidays or pypinyin
(``docs/benchmarks.md``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from heze_plan.cli import calendar, inspect, ledger, plan, queries
from heze_plan.cli.common import Commands, Handler, UsageError
from heze_plan.cli.plan import summary_text
from heze_plan.cli.selection import add_selection_options, select_milestones, select_tasks

__all__ = [
    "REGISTRARS",
    "UsageError",
    "add_selection_options",
    "build_parser",
    "main",
    "select_milestones",
    "select_tasks",
    "summary_text",
]

#: Each registers one command (or a group) on the subparsers; order is the order in --help.
REGISTRARS: tuple[Callable[[Commands], None], ...] = (
    plan.register_summary,
    queries.register_tasks,
    queries.register_show,
    queries.register_units,
    queries.register_areas,
    queries.register_targets,
    queries.register_obligations,
    queries.register_timeline,
    calendar.register_calendar,
    calendar.register_feeds,
    plan.register_check,
    inspect.register_inspect,
    plan.register_export,
    ledger.register_ledger,
    ledger.register_report,
)


class _Version(argparse._VersionAction):  # argparse's own, for the same help line and output
    """``--version``, reading the package version (``importlib.metadata``, 17 ms) only when asked."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        from importlib import metadata  # importlib.metadata costs 17 ms: only on --version

        try:
            version = metadata.version("heze-plan")
        except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
            version = "0+unknown"
        self.version = f"%(prog)s {version}"
        super().__call__(parser, namespace, values, option_string)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="heze-plan",
        description="Query, check and export the Heze 2023 business-environment plan (菏政发〔2023〕11号).",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in REGISTRARS:
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
