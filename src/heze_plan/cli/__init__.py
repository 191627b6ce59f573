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
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

from heze_plan.cli import calendar, inspect, ledger, plan, queries
from heze_plan.cli.common import Commands, Handler, UsageError
from heze_plan.cli.plan import summary_text
from heze_plan.cli.selection import add_selection_options, select_milestones, select_tasks
from heze_plan.errors import OutputError

__all__ = [
    "REGISTRARS",
    "UsageError",
    "add_selection_options",
    "build_parser",
    "main",
    "run",
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


def _stop(signum: int, frame: object) -> None:
    """SIGTERM and SIGHUP as an exception, so that cleanup code runs (no temporary file is left)."""
    raise _Stopped(signum)


class _Stopped(BaseException):
    """The command was stopped by a signal other than SIGINT."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that Python's flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def _say(message: str) -> None:
    with contextlib.suppress(OSError, AttributeError, ValueError):
        print(f"heze-plan: {message}", file=sys.stderr)


def _where(error: OSError) -> str:
    name = error.filename
    what = error.strerror or str(error)
    if name is None or str(name) == "-":
        return f"standard output: {what}" if name == "-" else what
    return f"{name}: {what}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    A usage error or a failing file (disk full, permission denied, a
    directory given as output, a closed standard output) is one line on
    stderr and exit status 2; Ctrl-C is ``heze-plan: interrupted`` and exit
    status 130 (SIGTERM 143, SIGHUP 129); output cut short by a closed pipe
    (``heze-plan tasks | head -1``) ends quietly with status 0.
    """
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if signum is not None:
                previous[signum] = signal.signal(signum, _stop)
    try:
        return _run(argv)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def run() -> None:
    """The ``heze-plan`` program: :func:`main`, then exit with its status.

    Once the command has finished, a late Ctrl-C no longer changes its
    outcome: SIGINT is ignored for the interpreter's shutdown, where Python
    has already restored the default action and the process would die of
    the signal (status -2, no message) after its work was done. An
    interrupt between the end of the command and that point is reported as
    any other.
    """
    try:
        status = main()
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    except KeyboardInterrupt:
        _say("interrupted")
        status = 130
    sys.exit(status)


def _run(argv: Sequence[str] | None) -> int:  # noqa: PLR0911 - one exit status per kind of fault
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        handler: Handler | None = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return 2
        if sys.stdout is None:
            _say("error: standard output is closed; redirect it to a file or to /dev/null")
            return 2
        status = handler(args)
        sys.stdout.flush()
    except UsageError as error:
        _say(f"error: {error}")
        return 2
    except OutputError as error:
        _say(f"error: {error}")
        return 2
    except BrokenPipeError as error:  # output piped into head and the like
        if error.filename is not None and str(error.filename) != "-":
            _say(f"error: cannot write {_where(error)}")
            return 2
        _silence_stdout()
        return 0
    except OSError as error:
        if error.filename is None or str(error.filename) == "-":
            _silence_stdout()
            _say(f"error: cannot write standard output: {error.strerror or error}")
        else:
            _say(f"error: {_where(error)}")
        return 2
    except UnicodeEncodeError as error:
        encoding = getattr(sys.stdout, "encoding", None) or error.encoding
        _say(f"error: cannot print Chinese text in the {encoding} encoding; set PYTHONIOENCODING=utf-8")
        return 2
    except KeyboardInterrupt:
        _silence_stdout()
        _say("interrupted")
        return 130
    except _Stopped as stopped:
        _silence_stdout()
        _say(f"stopped by signal {signal.Signals(stopped.signum).name}")
        return 128 + stopped.signum
    return status
