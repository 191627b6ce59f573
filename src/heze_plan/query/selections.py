"""Query helpers: immutable selections of tasks, milestones and targets that filter again.

Start from :func:`tasks`, :func:`milestones` or :func:`targets` and narrow
down with the same helpers on each: who (:meth:`~Selection.led_by`,
:meth:`~Selection.with_responsible`, :meth:`~Selection.involving`), where
(:meth:`~Selection.in_area`), when (:meth:`~Selection.due_on`,
:meth:`~Selection.due_before`, :meth:`~Selection.due_after`,
:meth:`~Selection.due_between`, :meth:`~Selection.in_month`) and what
(:meth:`~Selection.search`). Every helper returns a new selection; a
selection is a sequence (``len``, indexing, slicing, iteration).

>>> import heze_plan
>>> plan = heze_plan.load()
>>> [t.number for t in tasks(plan).led_by("菏泽海关")]
[53, 55, 56]
>>> november = milestones(plan).led_by("审批服务局").in_month("2023-11")
>>> [(m.task.number, m.due.isoformat()) for m in november][:3]
[(4, '2023-11-30'), (6, '2023-11-30'), (8, '2023-11-30')]

Names of units are resolved forgivingly (:func:`heze_plan.query.lookup.resolve_unit`);
a name that means no unit raises :class:`~heze_plan.errors.UnitLookupError`
rather than selecting nothing. A county government (曹县, 牡丹区人民政府) is
matched through the collectives that stand for it (各县区政府、管委会), and the
selection records that: :meth:`~Selection.via` gives the collective.

The look-ups use indexes built once per plan (by unit, area, month and
character), so a filter costs the size of the answer and of the selection,
not a scan of the plan's text.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

import attrs

from heze_plan.common.dates import as_date
from heze_plan.model.plan import Milestone, Plan, Target, TargetKind, Task
from heze_plan.query._cache import per_plan
from heze_plan.query.lookup import resolve_area, resolve_party

__all__ = [
    "Chosen",
    "MilestoneRef",
    "MilestoneSelection",
    "Scope",
    "Selection",
    "TargetRef",
    "TargetSelection",
    "TaskSelection",
    "UnitLoad",
    "milestones",
    "next_milestones",
    "parse_month",
    "scope",
    "targets",
    "tasks",
    "unit_load",
]


@attrs.frozen
class MilestoneRef:
    """One milestone with the task it belongs to and its number in that task (from 1, as in 节点1/2)."""

    task: Task
    index: int
    milestone: Milestone

    @property
    def due(self) -> dt.date:
        """The milestone's deadline (inclusive)."""
        return self.milestone.due

    @property
    def phrase(self) -> str:
        """The deadline as the plan words it (``9月底前``)."""
        return self.milestone.phrase

    @property
    def deliverable(self) -> str:
        """What is due."""
        return self.milestone.deliverable


@attrs.frozen
class TargetRef:
    """One target with the task that states it (``index`` from 1) and the milestone it is due with, if any."""

    task: Task
    index: int
    target: Target

    @property
    def milestone(self) -> Milestone | None:
        """The milestone whose deliverable states the target, or ``None`` (the whole year)."""
        if self.target.milestone is None:
            return None
        return self.task.milestones[self.target.milestone - 1]


# --------------------------------------------------------------------------- indexes


def _haystack(text: str) -> str:
    """Text as search sees it: NFKC, case-folded, without whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


@attrs.frozen
class _Index:
    lead: Mapping[str, frozenset[int]]
    responsible: Mapping[str, frozenset[int]]
    area: Mapping[int, frozenset[int]]
    #: Every milestone, sorted by (due, task, index), and their due dates for bisection.
    milestones: tuple[MilestoneRef, ...]
    dues: tuple[dt.date, ...]
    #: For each character, the tasks whose title or text contains it.
    chars: Mapping[str, frozenset[int]]
    haystacks: Mapping[int, str]


def _build_index(plan: Plan) -> _Index:
    lead: dict[str, set[int]] = {}
    responsible: dict[str, set[int]] = {}
    area: dict[int, set[int]] = {}
    chars: dict[str, set[int]] = {}
    haystacks: dict[int, str] = {}
    refs: list[MilestoneRef] = []
    for task in plan.tasks:
        for unit in task.lead_units:
            lead.setdefault(unit, set()).add(task.number)
        for unit in task.responsible_units:
            responsible.setdefault(unit, set()).add(task.number)
        area.setdefault(task.area, set()).add(task.number)
        haystacks[task.number] = _haystack(task.title + "\n" + task.text)
        for char in set(haystacks[task.number]):
            chars.setdefault(char, set()).add(task.number)
        refs += [MilestoneRef(task, i, m) for i, m in enumerate(task.milestones, start=1)]
    refs.sort(key=lambda r: (r.due, r.task.number, r.index))

    def freeze(d: Mapping[Any, set[int]]) -> dict[Any, frozenset[int]]:
        return {k: frozenset(v) for k, v in d.items()}

    return _Index(
        lead=freeze(lead),
        responsible=freeze(responsible),
        area=freeze(area),
        milestones=tuple(refs),
        dues=tuple(r.due for r in refs),
        chars=freeze(chars),
        haystacks=haystacks,
    )


#: The indexes of a plan, built on its first query and kept while the plan lives.
_index = per_plan(_build_index)


# --------------------------------------------------------------------------- dates


_MONTH = re.compile(r"^(?:(\d{4})\s*[-/年.]\s*)?(\d{1,2})\s*月?$")


def parse_month(text: str, year: int) -> tuple[int, int]:
    """``'2023-10'``, ``'2023年10月'``, ``'10'`` or ``'10月'`` (in ``year``) as (year, month).

    >>> parse_month("2023-10", 2023), parse_month("10月", 2023)
    ((2023, 10), (2023, 10))
    >>> parse_month("2023-13", 2023)
    Traceback (most recent call last):
    ...
    ValueError: bad month '2023-13': expected YYYY-MM (or a month 1-12 of 2023)
    """
    match = _MONTH.match(text.strip())
    month = int(match.group(2)) if match else 0
    if match is None or not 1 <= month <= 12:
        msg = f"bad month {text!r}: expected YYYY-MM (or a month 1-12 of {year})"
        raise ValueError(msg)
    return (int(match.group(1)) if match.group(1) else year, month)


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


# --------------------------------------------------------------------------- selections

T = TypeVar("T")
S = TypeVar("S", bound="Selection[Any]")
_Via = tuple[tuple[int, tuple[str, ...]], ...]


@attrs.frozen(repr=False)
class Selection(Sequence[T], Generic[T]):
    """What every selection shares: the plan, the items, and how a unit matched.

    ``via`` maps a task number to the collectives a unit filter matched it
    through (a county asked for, ``各县区政府、管委会`` found), for tasks that
    matched only that way.
    """

    plan: Plan = attrs.field(eq=False)
    items: tuple[T, ...]
    _via: _Via = ()

    # -- what a subclass says about its items

    def _number(self, item: T) -> int:
        raise NotImplementedError

    def _milestone_keys(self, item: T) -> Iterable[tuple[int, int]]:
        raise NotImplementedError

    # -- the sequence protocol

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, key: int) -> T: ...
    @overload
    def __getitem__(self: S, key: slice) -> S: ...
    def __getitem__(self: S, key: int | slice) -> Any:
        if isinstance(key, slice):
            return self._keep(self.items[key])
        return self.items[key]

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __repr__(self) -> str:
        numbers = ", ".join(str(n) for n in self.numbers[:10])
        more = ", …" if len(self.numbers) > 10 else ""
        return f"{type(self).__name__}({len(self)} items; tasks {numbers}{more})"

    @property
    def numbers(self) -> tuple[int, ...]:
        """The numbers of the tasks the items belong to, once each, in order of first item."""
        return tuple(dict.fromkeys(self._number(item) for item in self.items))

    def via(self, task: int | Task) -> tuple[str, ...]:
        """The collectives through which a unit filter matched this task (``()`` if directly)."""
        number = task if isinstance(task, int) else task.number
        return dict(self._via).get(number, ())

    # -- building new selections

    def _keep(self: S, items: Iterable[T], via: Mapping[int, tuple[str, ...]] | None = None) -> S:
        kept = tuple(items)
        numbers = {self._number(item) for item in kept}
        merged = {n: v for n, v in self._via if n in numbers}
        for number, collectives in (via or {}).items():
            if number in numbers:
                merged[number] = tuple(dict.fromkeys(merged.get(number, ()) + collectives))
        return attrs.evolve(self, items=kept, via=tuple(sorted(merged.items())))

    def _with_tasks(self: S, numbers: Collection[int], via: Mapping[int, tuple[str, ...]] | None = None) -> S:
        return self._keep((i for i in self.items if self._number(i) in numbers), via)

    def where(self: S, predicate: Callable[[T], bool]) -> S:
        """The items for which ``predicate`` is true: the escape hatch for any other question."""
        return self._keep(i for i in self.items if predicate(i))

    # -- who

    def _by_unit(self: S, unit: str, *roles: Mapping[str, frozenset[int]]) -> S:
        party = resolve_party(self.plan, unit)
        direct = {n for role in roles for u in party.units for n in role.get(u, ())}
        via: dict[int, tuple[str, ...]] = {}
        for collective in party.via:
            for number in {n for role in roles for n in role.get(collective, ())} - direct:
                via[number] = (*via.get(number, ()), collective)
        return self._with_tasks(direct | set(via), via)

    def led_by(self: S, unit: str) -> S:
        """Items of tasks that ``unit`` leads (牵头单位)."""
        return self._by_unit(unit, _index(self.plan).lead)

    def with_responsible(self: S, unit: str) -> S:
        """Items of tasks in which ``unit`` is a responsible unit (责任单位)."""
        return self._by_unit(unit, _index(self.plan).responsible)

    def involving(self: S, unit: str) -> S:
        """Items of tasks that ``unit`` leads or shares; a county matches through 各县区政府、管委会.

        >>> import heze_plan
        >>> caoxian = tasks(heze_plan.load()).involving("曹县人民政府")
        >>> len(caoxian), caoxian.via(1)
        (171, ('各县区政府、管委会',))
        """
        index = _index(self.plan)
        return self._by_unit(unit, index.lead, index.responsible)

    # -- where and what

    def in_area(self: S, area: int | str) -> S:
        """Items of tasks in the area with this number or name (``7``, ``'跨境贸易'``)."""
        number = resolve_area(self.plan, area).number
        return self._with_tasks(_index(self.plan).area.get(number, frozenset()))

    def search(self: S, *terms: str) -> S:
        """Items of tasks whose title or text contains every term.

        Matching ignores whitespace, letter case and full-/half-width forms.

        >>> import heze_plan
        >>> tasks(heze_plan.load()).search("电子营业执照", "招标投标").numbers
        (118,)
        """
        needles = [_haystack(term) for term in terms]
        if not needles or not all(needles):
            msg = f"search needs at least one non-empty term, got {terms!r}"
            raise ValueError(msg)
        index = _index(self.plan)
        candidates = set(index.haystacks)
        for char in set("".join(needles)):
            candidates &= index.chars.get(char, frozenset())
        found = {n for n in candidates if all(needle in index.haystacks[n] for needle in needles)}
        return self._with_tasks(found)

    # -- when

    def due_between(self: S, start: dt.date | str, end: dt.date | str) -> S:
        """Items with a milestone due from ``start`` to ``end``, both days included.

        A task stays if any of its milestones falls in the range; a milestone
        if it does; a target if the milestone it is due with does. Ongoing
        tasks have no date and never match. Dates may be written as text
        (``"2023-09-30"``, ``"2023/9/30"``: :func:`heze_plan.common.dates.user_date`).
        """
        start, end = as_date(start, "start"), as_date(end, "end")
        if start > end:
            msg = f"the range is empty: {start.isoformat()} is after {end.isoformat()}"
            raise ValueError(msg)
        index = _index(self.plan)
        low = bisect.bisect_left(index.dues, start)
        high = bisect.bisect_right(index.dues, end)
        keys = {(r.task.number, r.index) for r in index.milestones[low:high]}
        return self._keep(i for i in self.items if keys.intersection(self._milestone_keys(i)))

    def due_on(self: S, day: dt.date) -> S:
        """Items with a milestone due on ``day``."""
        return self.due_between(day, day)

    def due_before(self: S, day: dt.date | str) -> S:
        """Items with a milestone due on or before ``day`` (by that day; a date or ``"2023-09-30"``)."""
        return self.due_between(dt.date.min, as_date(day, "day"))

    def due_after(self: S, day: dt.date | str) -> S:
        """Items with a milestone due on or after ``day`` (a date or ``"2023-09-30"``)."""
        return self.due_between(as_date(day, "day"), dt.date.max)

    def in_month(self: S, year: int | str, month: int | None = None) -> S:
        """Items with a milestone due in a month: ``in_month(2023, 10)``, ``in_month('2023-10')``, or
        ``in_month(10)`` for a month of the plan year.
        """
        if isinstance(year, bool) or isinstance(month, bool):
            msg = f"a month is a number 1-12 or 'YYYY-MM', got {year!r}, {month!r}"
            raise TypeError(msg)
        if isinstance(year, int) and month is None and 1 <= year <= 12:
            year, month = self.plan.year, year
        if isinstance(year, str):
            if month is not None:
                msg = "give the month either as 'YYYY-MM' or as (year, month), not both"
                raise TypeError(msg)
            year, month = parse_month(year, self.plan.year)
        elif not isinstance(year, int):
            msg = f"a year is a whole number such as 2023, got {year!r}"
            raise TypeError(msg)
        elif month is None:
            msg = f"in_month({year}) names no month: give in_month({year}, 10) or in_month('{year}-10')"
            raise ValueError(msg)
        elif not 1 <= month <= 12:
            msg = f"bad month {month!r}: expected 1-12"
            raise ValueError(msg)
        return self.due_between(*_month_bounds(year, month))


@attrs.frozen(repr=False)
class TaskSelection(Selection[Task]):
    """Tasks, in the plan's order."""

    def _number(self, item: Task) -> int:
        return item.number

    def _milestone_keys(self, item: Task) -> Iterable[tuple[int, int]]:
        return ((item.number, i) for i in range(1, len(item.milestones) + 1))

    def ongoing(self) -> TaskSelection:
        """The tasks without a deadline, which run the whole plan year."""
        return self._keep(t for t in self.items if t.ongoing)

    def milestones(self) -> MilestoneSelection:
        """The milestones of these tasks, by due date."""
        numbers = set(self.numbers)
        refs = (r for r in _index(self.plan).milestones if r.task.number in numbers)
        return MilestoneSelection(self.plan, tuple(refs), self._via)

    def targets(self) -> TargetSelection:
        """The targets of these tasks, in task order."""
        refs = (TargetRef(t, i, g) for t in self.items for i, g in enumerate(t.targets, start=1))
        return TargetSelection(self.plan, tuple(refs), self._via)


@attrs.frozen(repr=False)
class MilestoneSelection(Selection[MilestoneRef]):
    """Milestones, by due date (then task number and position in the task)."""

    def _number(self, item: MilestoneRef) -> int:
        return item.task.number

    def _milestone_keys(self, item: MilestoneRef) -> Iterable[tuple[int, int]]:
        return ((item.task.number, item.index),)

    def next(self, after: dt.date, n: int = 10) -> MilestoneSelection:
        """The first ``n`` milestones due after ``after`` (the day itself excluded)."""
        if n < 1:
            msg = f"n must be a positive number of milestones, got {n!r}"
            raise ValueError(msg)
        return self._keep([r for r in self.items if r.due > after][:n])

    def by_month(self) -> dict[tuple[int, int], MilestoneSelection]:
        """The milestones grouped by (year, month) of their due date, in date order."""
        groups: dict[tuple[int, int], list[MilestoneRef]] = {}
        for ref in self.items:
            groups.setdefault((ref.due.year, ref.due.month), []).append(ref)
        return {key: self._keep(refs) for key, refs in groups.items()}


@attrs.frozen(repr=False)
class TargetSelection(Selection[TargetRef]):
    """Targets of tasks, in task order."""

    def _number(self, item: TargetRef) -> int:
        return item.task.number

    def _milestone_keys(self, item: TargetRef) -> Iterable[tuple[int, int]]:
        if item.target.milestone is None:
            return ()
        return ((item.task.number, item.target.milestone),)

    def of_kind(self, kind: TargetKind | str) -> TargetSelection:
        """Targets of one kind: a :class:`~heze_plan.model.plan.TargetKind` or its value (``'quantity'``)."""
        try:
            wanted = TargetKind(kind)
        except ValueError:
            kinds = ", ".join(k.value for k in TargetKind)
            msg = f"bad target kind {kind!r}: expected one of {kinds}"
            raise ValueError(msg) from None
        return self._keep(r for r in self.items if r.target.kind is wanted)


# --------------------------------------------------------------------------- what a selection picks

#: What the consumers of a selection accept: tasks, milestones and targets, from a selection or a list.
Chosen = Iterable[Task | MilestoneRef | TargetRef]


@attrs.frozen
class Scope:
    """What a selection picks out of a plan: tasks, and which of their milestones and targets.

    A task picks itself whole (every milestone and target; an ongoing task its
    whole-year row); a :class:`MilestoneRef` picks one milestone and a
    :class:`TargetRef` one target, each with its task. Numbers count from 1.
    """

    #: The tasks, once each, in the order of their first item.
    tasks: tuple[Task, ...]
    #: (task number, milestone number) of each milestone picked.
    milestones: frozenset[tuple[int, int]]
    #: (task number, target number) of each target picked.
    targets: frozenset[tuple[int, int]]
    #: The numbers of the tasks picked whole.
    whole: frozenset[int]

    def milestone_numbers(self, task: Task) -> list[int]:
        """The numbers of the task's milestones picked, in the task's order."""
        return [i for i in range(1, len(task.milestones) + 1) if (task.number, i) in self.milestones]

    def target_numbers(self, task: Task) -> list[int]:
        """The numbers of the task's targets picked, in the task's order."""
        return [i for i in range(1, len(task.targets) + 1) if (task.number, i) in self.targets]


def scope(plan: Plan, chosen: Chosen | None = None) -> Scope:
    """What ``chosen`` picks (``None``: the whole plan); anything but tasks, milestones and targets raises.

    >>> import heze_plan
    >>> plan = heze_plan.load()
    >>> picked = scope(plan, milestones(plan).in_month("2023-09").led_by("审批服务局"))
    >>> task8 = plan.task(8)
    >>> [t.number for t in picked.tasks], picked.milestone_numbers(task8), picked.target_numbers(task8)
    ([2, 3, 8, 11], [1], [])
    """
    order: dict[int, Task] = {}
    picked_milestones: set[tuple[int, int]] = set()
    picked_targets: set[tuple[int, int]] = set()
    whole: set[int] = set()
    for item in plan.tasks if chosen is None else chosen:
        if isinstance(item, Task):
            task = item
            whole.add(task.number)
            picked_milestones.update((task.number, i) for i in range(1, len(task.milestones) + 1))
            picked_targets.update((task.number, i) for i in range(1, len(task.targets) + 1))
        elif isinstance(item, MilestoneRef):
            task = item.task
            picked_milestones.add((task.number, item.index))
        elif isinstance(item, TargetRef):
            task = item.task
            picked_targets.add((task.number, item.index))
        else:
            msg = f"a selection holds tasks, MilestoneRef or TargetRef values, got {item!r}"
            raise TypeError(msg)
        order.setdefault(task.number, task)
    return Scope(
        tuple(order.values()), frozenset(picked_milestones), frozenset(picked_targets), frozenset(whole)
    )


# --------------------------------------------------------------------------- entry points


def tasks(plan: Plan) -> TaskSelection:
    """Every task of the plan, ready to be filtered."""
    return TaskSelection(plan, plan.tasks)


def milestones(plan: Plan) -> MilestoneSelection:
    """Every milestone of the plan's tasks, by due date."""
    return MilestoneSelection(plan, _index(plan).milestones)


def targets(plan: Plan) -> TargetSelection:
    """Every target of the plan's tasks (the safeguards' plan-level targets are not tasks')."""
    return tasks(plan).targets()


def next_milestones(plan: Plan, after: dt.date, n: int = 10) -> MilestoneSelection:
    """The ``n`` milestones that fall due next after the day ``after``.

    >>> import datetime as dt, heze_plan
    >>> [(m.task.number, m.phrase) for m in next_milestones(heze_plan.load(), dt.date(2023, 11, 30), 3)]
    [(7, '12月底前'), (39, '12月底前'), (55, '12月底前')]
    """
    return milestones(plan).next(after, n)


@attrs.frozen
class UnitLoad:
    """How many tasks a unit leads and how many it shares as a responsible unit."""

    unit: str
    leads: int
    shares: int
    #: The tasks it leads, in the order counted (for what they hold: milestones, ongoing work).
    led: tuple[Task, ...] = attrs.field(default=(), repr=False)

    @property
    def total(self) -> int:
        """Tasks the unit is named in."""
        return self.leads + self.shares


def unit_load(
    plan: Plan, tasks: Iterable[Task] | None = None, *, busiest_first: bool = True
) -> list[UnitLoad]:
    """Every registered unit with its counts among ``tasks`` (default: the plan's).

    Most tasks first (then registry order), or with ``busiest_first=False``
    in registry order. A unit leads a task when it is among the task's lead
    units (the accountable ones) and shares it when it is among the
    responsible units.

    >>> import heze_plan
    >>> unit_load(heze_plan.load())[0]
    UnitLoad(unit='各县区政府、管委会', leads=0, shares=168)
    """
    chosen = tuple(plan.tasks if tasks is None else tasks)
    loads = []
    for unit in plan.units:
        led = tuple(t for t in chosen if unit.name in t.lead_units)
        shares = sum(1 for t in chosen if unit.name in t.responsible_units)
        loads.append(UnitLoad(unit.name, len(led), shares, led))
    return sorted(loads, key=lambda load: -load.total) if busiest_first else loads
