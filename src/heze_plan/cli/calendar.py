"""The calendar commands: ``calendar`` (one iCalendar feed) and ``feeds`` (a directory of them).

The feed code (:mod:`heze_plan.calendar.feed`, :mod:`heze_plan.calendar.feed_set`) and
icalendar under it load when one of these commands runs, not when the
parser is built.
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
)
from heze_plan.cli.selection import add_selection_options, select_milestones, select_safeguards

if TYPE_CHECKING:
    from heze_plan.calendar.entries import Entry
    from heze_plan.calendar.feed import FeedOptions
    from heze_plan.calendar.revisions import Revisions
    from heze_plan.calendar.safeguards import SafeguardEntry
    from heze_plan.calendar.status_marks import StatusSource
    from heze_plan.model.plan import Plan
    from heze_plan.progress.ledger import Problem

#: The values of ``heze_plan.calendar.feed.Component``, the default first (``tests/test_cli_package.py``
#: compares them; repeated so that ``--help`` needs no icalendar).
COMPONENTS = ("event", "todo", "both")


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


def _add_base_url(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--base-url", metavar="URL", help=text)


def _add_feed_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("event options")
    group.add_argument(
        "--remind",
        type=_reminders,
        default=(7, 1),
        metavar="DAYS",
        help="reminders this many days before each due date, comma-separated (default 7,1); each goes off "
        "at 09:00 China time on the last working day on or before that day",
    )
    group.add_argument(
        "--no-reminders", dest="remind", action="store_const", const=(), help="no reminders (VALARM) at all"
    )
    group.add_argument(
        "--components",
        choices=COMPONENTS,
        default=COMPONENTS[0],
        help="events (default; every client shows them), to-dos (VTODO) or both",
    )
    group.add_argument(
        "--revised",
        type=_revised,
        metavar="DATE",
        help="when the data was revised, stamped on changed events (default: the plan's printed date)",
    )


def _feed_options(args: argparse.Namespace, status: StatusSource | None, **extra: object) -> FeedOptions:
    from heze_plan.calendar.feed import Component, FeedOptions

    return FeedOptions(
        reminders=args.remind,
        components=Component(args.components),
        revised=args.revised,
        status=status,
        **extra,  # type: ignore[arg-type]
    )


def _add_status_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("status from a progress ledger (台账)")
    group.add_argument(
        "--ledger",
        type=Path,
        metavar="FILE",
        help="mark each event 【已完成】, 【逾期】 or 【已取消】 from this ledger (.csv or .json)",
    )
    group.add_argument(
        "--as-of",
        type=date_argument,
        metavar="DATE",
        help="the day the status is shown for, YYYY-MM-DD (required with --ledger)",
    )
    group.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when the ledger has problems (the feeds are still written, without those rows)",
    )


def _feed_status(args: argparse.Namespace, plan: Plan) -> tuple[StatusSource | None, list[Problem]]:
    """The ledger's status for the feed, and the problems of its rows (printed to stderr, one a line).

    The as-of date is required: a published feed must not depend on the day it was generated.
    """
    if args.ledger is None:
        for option, given in (("--as-of", args.as_of is not None), ("--strict", args.strict)):
            if given:
                raise UsageError(f"{option} applies to the ledger: give --ledger FILE too")
        return None, []
    if args.as_of is None:
        raise UsageError(f"--ledger {args.ledger} needs --as-of DATE, the day the status is shown for")
    from heze_plan.calendar.status_marks import StatusSource

    ledger, problems = read_ledger(args, plan, args.as_of)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {args.ledger}: those rows are left out", file=sys.stderr)
    return StatusSource(ledger, args.as_of), problems


def _marks_text(plan: Plan, status: StatusSource | None, selection: list[Entry] | None = None) -> str:
    if status is None:
        return ""
    from heze_plan.calendar.status_marks import marks

    counts = marks(plan, status, selection)
    shown = ", ".join(f"{n} {mark}" for mark, n in counts.items()) or "none marked"
    return f"; status as of {status.as_of.isoformat()}: {shown}"


def _exit_status(args: argparse.Namespace, problems: list[Problem]) -> int:
    return 1 if problems and args.strict else 0


def _read_revisions(path: Path, *, what: str) -> Revisions:
    from heze_plan.calendar.feed import PRODID
    from heze_plan.calendar.revisions import FeedError, Revisions

    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {what} {path}: {error.strerror}") from None
    try:  # a well-formed feed of ours is scanned without icalendar; anything else gets the full check
        return Revisions.from_own_feed(data, prodid=PRODID)
    except FeedError as error:
        raise UsageError(f"{what} {path}: {error}; heze-plan leaves it alone") from None


def _base_url(args: argparse.Namespace) -> str | None:
    """``--base-url``, checked and ending in ``/``, or None when it is not given."""
    if args.base_url is None:
        return None
    from heze_plan.calendar.index_page import check_base_url

    try:
        return check_base_url(args.base_url)
    except ValueError as error:
        raise UsageError(f"--base-url: {error}") from None


def _feed_unit(plan: Plan, args: argparse.Namespace) -> str | None:
    """The unit a calendar is made for (its lead items get marked), when one registry unit is selected."""
    from heze_plan.cli.selection import single

    name = single(args.unit) or single(args.lead)
    if not name:
        return None
    from heze_plan.query.lookup import UnitLookupError, resolve_unit

    try:
        return resolve_unit(plan, name).name
    except UnitLookupError:  # a county, which acts through the collectives and leads nothing itself
        return None


def _calendar(args: argparse.Namespace) -> int:
    from heze_plan.calendar.entries import Entry
    from heze_plan.calendar.feed import render_feed
    from heze_plan.calendar.revisions import Revisions
    from heze_plan.common.files import write_output

    base_url = _base_url(args)
    plan = load_plan(args)
    selection: list[Entry | SafeguardEntry] = [
        Entry(ref.task, ref.index) for ref in select_milestones(plan, args)
    ]
    selection += select_safeguards(plan, args)
    output: Path | None = args.output
    if args.previous is not None:
        previous = _read_revisions(args.previous, what="previous feed")
    elif output is not None and output.is_file():  # never read a FIFO or a device
        previous = _read_revisions(output, what="output file")
    else:
        previous = Revisions()
    status, problems = _feed_status(args, plan)
    options = _feed_options(args, status, name=args.name, unit=_feed_unit(plan, args), base_url=base_url)
    feed = render_feed(plan, selection, options, previous)
    if write_output(output, feed.data) is None:
        return _exit_status(args, problems)
    # Counted from the revisions just stamped, not by parsing the output again.
    now = {revision.uid: revision.sequence for revision in (*feed.events, *feed.todos)}
    new = sum(1 for uid in now if uid not in previous)
    revised = sum(1 for uid, seq in now.items() if uid in previous and previous[uid].sequence != seq)
    gone = sum(1 for uid in previous if uid not in now)
    print(
        f"{output}: {len(now)} entries ({new} new, {revised} revised, {gone} dropped)"
        + _marks_text(plan, status, [e for e in selection if isinstance(e, Entry)])
    )
    return _exit_status(args, problems)


def _feeds(args: argparse.Namespace) -> int:
    from heze_plan.calendar.feed_set import write_feeds
    from heze_plan.calendar.revisions import FeedError

    plan = load_plan(args)
    status, problems = _feed_status(args, plan)
    try:
        report = write_feeds(plan, args.outdir, base_url=args.base_url, options=_feed_options(args, status))
    except (FeedError, ValueError) as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        where = error.filename or args.outdir
        raise UsageError(f"cannot write feeds into {args.outdir}: {where}: {error.strerror}") from None
    print(
        f"{args.outdir}: {len(report.index)} feeds; {len(report.written)} files written, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed" + _marks_text(plan, status)
    )
    for name in report.kept:
        print(
            f"kept {args.outdir / name}: no longer a feed, but changed since heze-plan wrote it",
            file=sys.stderr,
        )
    return _exit_status(args, problems)


def register_calendar(commands: Commands) -> None:
    """``heze-plan calendar``."""
    parser = commands.add_parser(
        "calendar",
        help="an iCalendar feed of the deadlines: one all-day event per milestone",
        description="Write an iCalendar (.ics) feed with one all-day event per milestone of the selected "
        "tasks. "
        "Regenerating into the same FILE keeps UIDs and moves SEQUENCE only for events that changed.",
    )
    add_plan_option(parser)
    add_selection_options(parser)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--name", help="the calendar's name (default: the document number and 任务时间节点)")
    parser.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help="the feed this one replaces, for SEQUENCE history (default: FILE of -o when it exists)",
    )
    _add_base_url(
        parser,
        "where the feeds of `heze-plan feeds` are served (https://…): each event's URL is then its task's "
        "entry in index.html there, and the event is byte for byte the one in those feeds",
    )
    _add_feed_options(parser)
    _add_status_options(parser)
    parser.set_defaults(handler=_calendar)


def register_feeds(commands: Commands) -> None:
    """``heze-plan feeds``."""
    parser = commands.add_parser(
        "feeds",
        help="a directory of feeds: the whole plan, one per area, one per unit, with index.html",
        description="Write one feed for the whole plan, one per area and one per unit into OUTDIR, "
        "with index.html and index.json. Removes only feeds it wrote itself that no longer exist.",
    )
    add_plan_option(parser)
    parser.add_argument("outdir", type=Path, metavar="OUTDIR", help="the directory to publish")
    _add_base_url(
        parser,
        "where OUTDIR is served (https://…), for the subscribe links in the index and each "
        "event's URL (its task's entry in index.html)",
    )
    _add_feed_options(parser)
    _add_status_options(parser)
    parser.set_defaults(handler=_feeds)
