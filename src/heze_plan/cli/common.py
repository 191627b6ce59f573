"""What every command shares: the usage error, ``--plan``, ``--format``, dates and ledgers.

Nothing here imports a feature module at import time: building the parser
must stay cheap, so the modules a command needs load when it runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from heze_plan.model.plan import Plan
    from heze_plan.progress.ledger import Ledger, Problem

#: A command's handler: it gets the parsed options and returns the exit status.
Handler = Callable[[argparse.Namespace], int]
#: What a command module's ``register`` adds its command (or group) to.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

#: The output formats every listing command offers (``heze_plan.common.tables.FORMATS``, which
#: ``tests/test_cli_package.py`` compares; repeated so that ``--help`` needs no table code).
FORMATS = ("table", "json", "csv")


class UsageError(Exception):
    """A mistake of the user's that the command reports in one line."""


def refuse_overwriting_inputs(output: Path | None, *inputs: Path | None) -> None:
    """Refuse an output path that is one of the command's own input files.

    ``report --ledger 台账.csv -o 台账.csv`` would replace what a department
    wrote with the report: nothing the user wrote is ever rewritten.
    """
    if output is None or not output.exists():
        return
    for source in inputs:
        if source is not None and source.exists() and os.path.samefile(output, source):
            msg = f"refusing to write {output}: it is the input file {source}; choose another output file"
            raise UsageError(msg)


def add_plan_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--plan FILE``: read the plan from a file instead of the embedded one."""
    parser.add_argument(
        "--plan",
        type=Path,
        metavar="FILE",
        help="read the plan from this file (.txt, .pdf, .docx, .html, .xlsx or .csv; "
        ".doc, .rtf, .odt, .xls or .ods through LibreOffice) instead of the embedded Heze 2023 plan",
    )


def load_plan(args: argparse.Namespace) -> Plan:
    """The plan to work on: ``--plan FILE`` (:func:`heze_plan.read`) or the embedded one."""
    source: Path | None = getattr(args, "plan", None)
    if source is None:
        from heze_plan._embedded import load

        return load()
    from heze_plan._reading import read
    from heze_plan.errors import ExtraMissingError, ParseError, SourceError

    try:
        return read(source)
    except (SourceError, ExtraMissingError) as error:
        raise UsageError(str(error)) from None
    except ParseError as error:
        raise UsageError(f"{source}: {error}") from None


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--format`` with the listing formats (table, json, csv)."""
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="table (aligned text, default), json or csv"
    )


def emit(records: list[dict[str, object]], columns: Sequence[tuple[str, str]], fmt: str, what: str) -> None:
    """Print records in a format; an empty table is a note on stderr (``no tasks match``), not a blank."""
    if not records and fmt == "table":
        print(f"no {what} match", file=sys.stderr)
        return
    from heze_plan.common.tables import render, terminal_width

    print(with_bom(render(records, columns, fmt, width=terminal_width() if fmt == "table" else None), fmt))


def with_bom(text: str, fmt: str) -> str:
    """CSV with the byte-order mark Excel needs to read UTF-8 (else Chinese Windows shows mojibake)."""
    return "\ufeff" + text if fmt == "csv" else text


def date_argument(text: str) -> dt.date:
    """An argparse type: a date by the ledgers' rule (:func:`heze_plan.common.dates.user_date`)."""
    from heze_plan.common.dates import user_date

    try:
        return user_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def read_ledger(args: argparse.Namespace, plan: Plan, as_of: dt.date | None) -> tuple[Ledger, list[Problem]]:
    """The ledger of ``args.ledger`` and the problems of its rows; an unreadable ledger is a usage error."""
    from heze_plan.progress.ledger_files import LedgerError
    from heze_plan.progress.ledger_files import read_ledger as read

    try:
        return read(args.ledger, plan, as_of=as_of)
    except LedgerError as error:
        raise UsageError(str(error)) from None
