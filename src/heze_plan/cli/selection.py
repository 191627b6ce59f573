"""The options that select tasks (by unit, area, date, text), shared by the listing and calendar commands.

The options are plain strings when parsed; :func:`select_tasks` and
:func:`select_milestones` check them against the plan (through
:mod:`heze_plan.query.selections`, imported when a command runs) and turn a mistake
into a :class:`~heze_plan.cli.common.UsageError` naming what was wrong.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any, TypeVar

from heze_plan.cli.common import UsageError

if TYPE_CHECKING:
    from heze_plan.calendar.safeguards import SafeguardEntry
    from heze_plan.model.plan import Plan
    from heze_plan.query import selections as queries
    from heze_plan.query.lookup import Party

_S = TypeVar("_S", bound="queries.Selection[Any]")


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """Add the options that select tasks (by unit, area, date, text) to a command.

    Every option narrows the selection; given together they all apply. The
    values are checked by :func:`select_tasks` / :func:`select_milestones`,
    so that a mistake is one line naming what was wrong.
    """
    group = parser.add_argument_group("selection (options combine: every one must hold)")
    group.add_argument(
        "--unit",
        metavar="NAME",
        action="append",
        type=_name,
        help="tasks the unit leads or shares; short forms (发改委, 人民银行) and county governments "
        "(曹县, 牡丹区人民政府, matched through 各县区政府、管委会) are understood; "
        "repeat it for the tasks of any of several units",
    )
    group.add_argument(
        "--lead",
        metavar="NAME",
        action="append",
        type=_name,
        help="tasks the unit leads (牵头单位); repeatable",
    )
    group.add_argument(
        "--responsible",
        metavar="NAME",
        action="append",
        type=_name,
        help="tasks in which the unit is responsible (责任单位); repeatable",
    )
    group.add_argument("--area", metavar="N|NAME", help="tasks of one area, by number (7) or name (跨境贸易)")
    group.add_argument("--due-after", metavar="YYYY-MM-DD", help="with a deadline on or after this day")
    group.add_argument("--due-before", metavar="YYYY-MM-DD", help="with a deadline on or before this day")
    group.add_argument(
        "--month", metavar="YYYY-MM", help="with a deadline in this month (10 means the plan year's)"
    )
    group.add_argument(
        "--search",
        metavar="TERM",
        nargs="+",
        action="extend",
        help="title or text contains every term (Chinese substring; whitespace and case ignored)",
    )
    group.add_argument("--ongoing", action="store_true", help="only tasks without a deadline (run all year)")


def _name(text: str) -> str:
    """An argparse type: a unit's name, not empty (``--unit ""`` would otherwise select everything)."""
    name = text.strip()
    if not name:
        msg = "a unit name cannot be empty"
        raise argparse.ArgumentTypeError(msg)
    return name


def single(names: list[str] | None) -> str | None:
    """The one name of a repeatable option, or ``None`` when it is absent or repeated."""
    return names[0] if names and len(names) == 1 else None


def _any_of(selection: _S, names: list[str], method: str) -> _S:
    """The items that ``selection.<method>(name)`` keeps for any of ``names``, in the selection's order."""
    if len(names) == 1:
        return getattr(selection, method)(names[0])  # type: ignore[no-any-return]
    kept: list[set[int]] = [{id(i) for i in getattr(selection, method)(name)} for name in names]
    return selection.where(lambda item: any(id(item) in ids for ids in kept))


def _date(text: str, option: str) -> dt.date:
    """The date of a selection option, by the ledgers' rule (``2023-09-30``, ``2023/9/30``)."""
    from heze_plan.common.dates import user_date

    try:
        return user_date(text)
    except ValueError:
        raise UsageError(
            f"{option}: bad date {text!r}, expected YYYY-MM-DD (for example 2023-10-31)"
        ) from None


def narrow(selection: _S, args: argparse.Namespace) -> _S:
    """Apply the selection options to any selection (tasks, milestones, targets)."""
    from heze_plan.query.lookup import AreaLookupError, UnitLookupError

    try:
        if args.unit:
            selection = _any_of(selection, args.unit, "involving")
        if args.lead:
            selection = _any_of(selection, args.lead, "led_by")
        if args.responsible:
            selection = _any_of(selection, args.responsible, "with_responsible")
        if args.area:
            selection = selection.in_area(args.area)
        if args.due_after or args.due_before:
            start = _date(args.due_after, "--due-after") if args.due_after else dt.date.min
            end = _date(args.due_before, "--due-before") if args.due_before else dt.date.max
            if start > end:
                raise UsageError(f"--due-after {args.due_after} is later than --due-before {args.due_before}")
            selection = selection.due_between(start, end)
        if args.month:
            selection = selection.in_month(args.month)
        if args.search:
            selection = selection.search(*args.search)
    except (UnitLookupError, AreaLookupError, ValueError) as error:
        raise UsageError(str(error)) from None
    _say_lookup_notes(args)
    return selection


def _say_lookup_notes(args: argparse.Namespace) -> None:
    """A unit found through a former or a broad name (市卫计委, 海关) is said on stderr, once a name.

    The answer is right, but the user should know which unit it is and why:
    the former 市卫计委's work is 市卫生健康委's since the 2019 reform.
    """
    from heze_plan.query.lookup import lookup_note

    said: set[str] = vars(args).setdefault("_notes_said", set())
    for name in (*(args.unit or ()), *(args.lead or ()), *(args.responsible or ())):
        note = lookup_note(name)
        if note and name not in said:
            said.add(name)
            print(f"heze-plan: note: {note}", file=sys.stderr)


def refuse_ongoing_with_dates(args: argparse.Namespace) -> None:
    """``--ongoing`` selects tasks without deadlines: date options with it are a mistake."""
    if args.ongoing and (args.due_after or args.due_before or args.month):
        raise UsageError("--ongoing selects tasks without deadlines; it cannot be combined with date options")


def select_tasks(plan: Plan, args: argparse.Namespace) -> queries.TaskSelection:
    """The tasks that the options of :func:`add_selection_options` select; ``UsageError`` on bad input."""
    from heze_plan.query import selections as queries

    refuse_ongoing_with_dates(args)
    selection = narrow(queries.tasks(plan), args)
    return selection.ongoing() if args.ongoing else selection


def select_milestones(plan: Plan, args: argparse.Namespace) -> queries.MilestoneSelection:
    """The milestones that the selection options select; date options apply to each milestone."""
    from heze_plan.query import selections as queries

    if args.ongoing:
        raise UsageError("--ongoing selects tasks without deadlines, which have no milestones")
    return narrow(queries.milestones(plan), args)


def party(plan: Plan, args: argparse.Namespace) -> Party | None:
    """The unit or county the options name (``--unit``, ``--lead`` or ``--responsible``), for role columns."""
    from heze_plan.query.lookup import resolve_party

    name = single(args.unit) or single(args.lead) or single(args.responsible)
    return resolve_party(plan, name) if name else None


def select_safeguards(plan: Plan, args: argparse.Namespace) -> list[SafeguardEntry]:
    """The safeguards' deadlines that the selection options select (the options were checked already).

    ``--unit`` and ``--lead`` keep those the unit (or a county, through
    各县区政府、管委会) must act on; date options apply to the due date;
    ``--search`` keeps those whose safeguard contains every term. A safeguard
    belongs to no area and names no responsible unit: ``--area`` and
    ``--responsible`` leave them all out.
    """
    from heze_plan.calendar.safeguards import actors, safeguard_entries
    from heze_plan.common.dates import user_date
    from heze_plan.query import selections as queries
    from heze_plan.query.lookup import resolve_party

    if args.area or args.responsible:
        return []
    chosen = list(safeguard_entries(plan))
    for names in filter(None, (args.unit, args.lead)):
        wanted: set[str] = set()
        for name in names:  # a repeated option: any of the units
            party = resolve_party(plan, name)
            wanted |= {*party.units, *party.via}
        chosen = [e for e in chosen if wanted.intersection(actors(plan, e))]
    start = user_date(args.due_after) if args.due_after else dt.date.min
    end = user_date(args.due_before) if args.due_before else dt.date.max
    if args.month:
        year, month = queries.parse_month(args.month, plan.year)
        start = max(start, dt.date(year, month, 1))
        end = min(end, dt.date(year, month, calendar.monthrange(year, month)[1]))
    chosen = [e for e in chosen if start <= e.milestone.due <= end]
    for term in args.search or ():
        key = _folded(term)
        chosen = [e for e in chosen if key in _folded(e.safeguard.text)]
    return chosen


def _folded(text: str) -> str:
    """Text as ``--search`` sees it: NFKC, case-folded, no whitespace (as :mod:`heze_plan.query` does)."""
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text).casefold().split())
