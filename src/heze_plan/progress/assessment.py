"""Where the plan stands on a given day: each milestone's state, scoreboards, targets.

:func:`status` answers the coordinating office's daily question for one
date; :func:`milestone_status` answers it for one milestone, so that a
calendar feed can ask "what was the state of task 8's first milestone on
2023-10-03" in one call. Both read the ledger as it stood on that date: a
completion dated after ``as_of`` has not happened yet as of ``as_of``, and a
target's actual is the latest one dated on or before it.

States (:class:`State`):

- done on time: completed on or before the due date;
- done late: completed after it;
- overdue: not completed (as of the date) and the due date has passed;
- due soon: not completed, due within ``within`` working days of China's
  calendar (holidays and make-up working days from :mod:`heze_plan.common.workdays`);
- not yet due: not completed, due later;
- ongoing: a task without a milestone, which runs the whole plan year;
- dropped: reported dropped (with a note saying why).

The safeguards' obligations (S1.6) are assessed the same way, one share per
unit or county they fall on (``heze_plan.progress._shares``): a dated one
against its date, a recurring or undated one as ongoing until reported done.
A share without a row of its own takes the row that reports the obligation
as a whole (no 填报单位, or the unit the result is filed with: 报市营转办备案),
else an old-style row reporting the safeguard's deadline
(保障措施 1, 时间节点 1) that the obligation's date matches.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools

import attrs
from attrs import frozen

from heze_plan.common.dates import as_date
from heze_plan.common.numerals import area_label
from heze_plan.common.workdays import working_days_between as _between
from heze_plan.model.plan import Comparator, Obligation, Plan, Target, TargetKind, Task
from heze_plan.progress._shares import shares
from heze_plan.progress.ledger import (
    Ledger,
    MilestoneEntry,
    ObligationActual,
    ObligationEntry,
    Progress,
    TargetActual,
)
from heze_plan.query.lookup import COUNTIES, resolve_party
from heze_plan.query.selections import Chosen, scope
from heze_plan.query.selections import tasks as select_tasks

__all__ = [
    "DEFAULT_WITHIN",
    "Attainment",
    "Change",
    "ItemStatus",
    "ObligationStatus",
    "ObligationTargetStatus",
    "Score",
    "State",
    "Status",
    "TargetStatus",
    "classify",
    "milestone_status",
    "status",
    "target_due",
    "with_history",
]

#: "Due soon" means due within this many working days unless told otherwise.
DEFAULT_WITHIN = 5
#: An "about" target (10%左右) is met within this fraction of its value.
ABOUT_TOLERANCE = 0.1


@functools.lru_cache(maxsize=4096)
def working_days_between(start: dt.date, end: dt.date) -> int:
    """:func:`heze_plan.common.workdays.working_days_between`, remembered: a report asks it for few dates.

    Every item of a status is measured from the same as-of date to one of a
    few dozen due dates, so 100 000 items ask about as many pairs.
    """
    return _between(start, end)


class State(enum.Enum):
    """The state of one milestone on one day."""

    DONE_ON_TIME = "done on time"
    DONE_LATE = "done late"
    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    NOT_YET_DUE = "not yet due"
    ONGOING = "ongoing"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """The Chinese label: 按期完成, 逾期完成, 已逾期, 即将到期, 未到期, 常态推进, 已取消."""
        return _STATE_LABELS[self]


_STATE_LABELS = {
    State.DONE_ON_TIME: "按期完成",
    State.DONE_LATE: "逾期完成",
    State.OVERDUE: "已逾期",
    State.DUE_SOON: "即将到期",
    State.NOT_YET_DUE: "未到期",
    State.ONGOING: "常态推进",
    State.DROPPED: "已取消",
}


def classify(
    due: dt.date | None,
    entry: MilestoneEntry | ObligationEntry | None,
    as_of: dt.date,
    within: int = DEFAULT_WITHIN,
) -> State:
    """The state on ``as_of`` of a milestone due on ``due`` (None: no milestone) given its ledger entry.

    9月底前 is 2023-09-30, a Saturday in the National Day holiday: on the
    Thursday before, the last working day, no working day is left; from
    2023-10-01 it is overdue.

    >>> classify(dt.date(2023, 9, 30), None, dt.date(2023, 9, 28), within=0).value
    'due soon'
    >>> classify(dt.date(2023, 9, 30), None, dt.date(2023, 10, 1)).value
    'overdue'
    """
    if entry is not None and entry.status is Progress.DROPPED:
        return State.DROPPED
    if entry is not None and entry.completed is not None and entry.completed <= as_of:
        # a task with no deadline that is reported done is done, and cannot be late
        return State.DONE_ON_TIME if due is None or entry.completed <= due else State.DONE_LATE
    if due is None:
        return State.ONGOING
    if as_of > due:
        return State.OVERDUE
    if working_days_between(as_of, due) <= within:
        return State.DUE_SOON
    return State.NOT_YET_DUE


@frozen
class ItemStatus:
    """One milestone (or one task without milestones) on the as-of date."""

    task: int
    #: 1-based index of the milestone within the task; None for a task without milestones.
    milestone: int | None
    area: int
    lead_units: tuple[str, ...]
    #: The due date; None for a task without milestones (it runs to the plan's horizon).
    due: dt.date | None
    phrase: str
    deliverable: str
    state: State
    #: Working days after the as-of date up to the due date (negative once overdue); None without due date.
    working_days_left: int | None
    #: Calendar days past due: for overdue items up to the as-of date, for late ones up to completion.
    days_late: int | None
    #: The ledger row this rests on, if any (a completion after the as-of date is still shown here).
    entry: MilestoneEntry | None


class Attainment(enum.Enum):
    """How an actual compares with its target."""

    MET = "met"
    #: Below the target, but the target's date has not passed yet.
    NOT_YET_MET = "not yet met"
    #: Below the target and its date has passed.
    NOT_MET = "not met"
    NO_ACTUAL = "no actual"
    NOT_COMPARABLE = "not comparable"

    @property
    def label(self) -> str:
        """The Chinese label: 已达成, 暂未达成, 未达成, 无实际值, 无法比较."""
        return _ATTAINMENT_LABELS[self]


_ATTAINMENT_LABELS = {
    Attainment.MET: "已达成",
    Attainment.NOT_YET_MET: "暂未达成",
    Attainment.NOT_MET: "未达成",
    Attainment.NO_ACTUAL: "无实际值",
    Attainment.NOT_COMPARABLE: "无法比较",
}


@frozen
class TargetStatus:
    """One target with its latest actual on the as-of date."""

    task: int
    #: 1-based index of the target within the task.
    index: int
    target: Target
    #: When the target must be met: its milestone's due date, else the plan's horizon (year end).
    due: dt.date
    actual: TargetActual | None
    attainment: Attainment
    #: actual − value (for a range, the distance to the nearest bound; 0 inside it); None without actual.
    gap: float | None


@frozen
class ObligationStatus:
    """One unit's (or county's) share of one obligation of the safeguards on the as-of date."""

    obligation: Obligation
    #: The unit or county whose share this is; None for an obligation that names nobody (the whole).
    unit: str | None
    #: The obligation's date; None for a recurring or undated one (assessed as ongoing).
    due: dt.date | None
    state: State
    working_days_left: int | None
    days_late: int | None
    #: The row this rests on: the unit's own, else the whole obligation's (or the safeguard deadline's).
    entry: MilestoneEntry | ObligationEntry | None

    @property
    def key(self) -> str:
        """The obligation's key, ``S1.6``."""
        return self.obligation.key


@frozen
class ObligationTargetStatus:
    """One target an obligation states (S2.1's 不少于7项) with its latest figure on the as-of date."""

    obligation: str
    #: 1-based index of the target within the obligation.
    index: int
    target: Target
    #: The county whose figure it is, for a target set per county; None for one of the whole.
    unit: str | None
    due: dt.date
    actual: ObligationActual | None
    attainment: Attainment
    gap: float | None


@frozen
class Score:
    """Counts of states for one unit or area, with the on-time rate."""

    name: str
    counts: dict[State, int]

    @property
    def total(self) -> int:
        """Milestones counted (tasks without milestones included)."""
        return sum(self.counts.values())

    @property
    def on_time_rate(self) -> float | None:
        """Done on time ÷ (done on time + done late + overdue); None when none of these yet.

        Milestones not yet due, dropped or ongoing do not count either way.
        """
        settled = sum(self.counts.get(s, 0) for s in (State.DONE_ON_TIME, State.DONE_LATE, State.OVERDUE))
        return self.counts.get(State.DONE_ON_TIME, 0) / settled if settled else None


@frozen
class Change:
    """A milestone whose state changed between the previous round and the report's date."""

    unit: str
    task: int
    milestone: int | None
    before: State
    after: State


@frozen
class Status:
    """The whole picture on one date.

    :func:`with_history` adds how it came about: the counts at the end of
    each month so far, and what changed since the ledger's previous round.
    """

    as_of: dt.date
    within: int
    unit: str | None
    items: tuple[ItemStatus, ...]
    targets: tuple[TargetStatus, ...]
    #: Scores per lead unit (牵头单位): each milestone counts for each lead unit of its task.
    by_unit: tuple[Score, ...]
    by_area: tuple[Score, ...]
    #: Scores per responsible unit (责任单位) that shares a task without leading it.
    by_responsible: tuple[Score, ...] = ()
    #: With ``unit``: the tasks the unit is responsible for without leading them (the others it leads).
    shared: frozenset[int] = frozenset()
    #: The state counts at the end of each month up to the report's date (the last one: that date).
    history: tuple[tuple[dt.date, tuple[tuple[State, int], ...]], ...] = ()
    #: The ledger round before the report's date, and per lead unit what changed since it.
    previous_round: dt.date | None = None
    changes: tuple[Change, ...] = ()
    #: The safeguards' obligations, one share per unit or county they fall on (none for a selection).
    obligations: tuple[ObligationStatus, ...] = ()
    #: The safeguards' targets (per county where they are set per county).
    obligation_targets: tuple[ObligationTargetStatus, ...] = ()
    #: Scores of the obligations' shares per unit and per county (counties included).
    by_obligation_unit: tuple[Score, ...] = ()
    #: Scores of the obligations per safeguard (（一）…): they belong to no area.
    by_safeguard: tuple[Score, ...] = ()

    def obligation_count(self, state: State) -> int:
        """How many obligation shares are in ``state``."""
        return sum(1 for share in self.obligations if share.state is state)

    def count(self, state: State) -> int:
        """How many items are in ``state``."""
        return sum(1 for item in self.items if item.state is state)

    def led(self) -> tuple[ItemStatus, ...]:
        """The items of the tasks the unit leads (every item without ``unit``)."""
        return tuple(i for i in self.items if i.task not in self.shared)

    def responsible(self) -> tuple[ItemStatus, ...]:
        """The items of the tasks the unit shares as a responsible unit, without leading them."""
        return tuple(i for i in self.items if i.task in self.shared)


def _item(task: Task, index: int | None, ledger: Ledger, as_of: dt.date, within: int) -> ItemStatus:
    entry = ledger.entry(task.number, index, as_of)
    if index is None:
        due, phrase, deliverable = None, "", task.title
    else:
        milestone = task.milestones[index - 1]
        due, phrase, deliverable = milestone.due, milestone.phrase, milestone.deliverable
    state = classify(due, entry, as_of, within)
    left = None if due is None else working_days_between(as_of, due)
    late: int | None = None
    if state is State.OVERDUE and due is not None:
        late = (as_of - due).days
    elif state is State.DONE_LATE and due is not None and entry is not None and entry.completed is not None:
        late = (entry.completed - due).days
    return ItemStatus(
        task=task.number,
        milestone=index,
        area=task.area,
        lead_units=task.lead_units,
        due=due,
        phrase=phrase,
        deliverable=deliverable,
        state=state,
        working_days_left=left,
        days_late=late,
        entry=entry,
    )


def milestone_status(
    plan: Plan,
    ledger: Ledger,
    task: int,
    milestone: int | None,
    *,
    as_of: dt.date | str,
    within: int = DEFAULT_WITHIN,
) -> ItemStatus:
    """The state of one milestone on ``as_of`` (``milestone``: 1-based index; None for a task without one).

    >>> import heze_plan
    >>> plan = heze_plan.load()
    >>> milestone_status(plan, Ledger(), 8, 1, as_of=dt.date(2023, 10, 3)).state.value
    'overdue'
    """
    as_of = as_date(as_of, "as_of")
    owner = plan.task(task)
    if milestone is None and owner.milestones:
        count = len(owner.milestones)
        msg = f"task {task} has {count} milestone(s): give the index (1..{count})"
        raise ValueError(msg)
    if milestone is not None and not 1 <= milestone <= len(owner.milestones):
        msg = f"task {task} has no milestone {milestone} (it has {len(owner.milestones)})"
        raise ValueError(msg)
    return _item(owner, milestone, ledger, as_of, within)


def _gap(target: Target, actual: float, reference: float) -> tuple[Attainment, float]:
    if target.comparator is Comparator.RANGE and target.upper is not None:
        below, above = reference - actual, actual - target.upper
        gap = -below if below > 0 else above if above > 0 else 0.0
        return (Attainment.MET if gap == 0 else Attainment.NOT_MET), gap
    gap = actual - reference
    met = {
        Comparator.AT_LEAST: actual >= reference,
        Comparator.MORE_THAN: actual > reference,
        Comparator.AT_MOST: actual <= reference,
        Comparator.LESS_THAN: actual < reference,
        # A stated amount to deliver (建设15处, 新增上市公司1家) is met by reaching it.
        Comparator.EQUAL: actual >= reference if target.kind is TargetKind.QUANTITY else actual == reference,
        Comparator.ABOUT: abs(gap) <= ABOUT_TOLERANCE * abs(reference),
    }[target.comparator]
    return (Attainment.MET if met else Attainment.NOT_MET), gap


def target_due(plan: Plan, task: Task, target: Target) -> dt.date:
    """When a target of ``task`` is due: with the milestone whose deliverable states it, else at the horizon.

    >>> import heze_plan
    >>> plan = heze_plan.load()
    >>> [target_due(plan, plan.task(170), t).isoformat() for t in plan.task(170).targets]
    ['2023-09-30', '2023-12-31', '2023-12-31']
    """
    return plan.horizon if target.milestone is None else task.milestones[target.milestone - 1].due


def _target_status(plan: Plan, task: Task, index: int, ledger: Ledger, as_of: dt.date) -> TargetStatus:
    target = task.targets[index - 1]
    due = target_due(plan, task, target)
    actual = ledger.actual(task.number, index, as_of)
    if actual is None:
        return TargetStatus(task.number, index, target, due, None, Attainment.NO_ACTUAL, None)
    if target.value is None:  # relative: 高于全省平均水平 needs the reference figure, which the plan lacks
        return TargetStatus(task.number, index, target, due, actual, Attainment.NOT_COMPARABLE, None)
    attainment, gap = _gap(target, actual.value, target.value)
    if attainment is Attainment.NOT_MET and as_of <= due:
        attainment = Attainment.NOT_YET_MET
    return TargetStatus(task.number, index, target, due, actual, attainment, gap)


def _scores(items: list[ItemStatus], keys: dict[str, list[int]]) -> tuple[Score, ...]:
    """One score per key, counting the items of its tasks: one pass over the items."""
    names_of: dict[int, list[str]] = {}
    for name, numbers in keys.items():
        for number in numbers:
            names_of.setdefault(number, []).append(name)
    counts = {name: dict.fromkeys(State, 0) for name in keys}
    for item in items:
        for name in names_of.get(item.task, ()):
            counts[name][item.state] += 1
    return tuple(Score(name, counts[name]) for name in keys)


def _legacy_rows(ledger: Ledger) -> dict[tuple[int, int | None], list[MilestoneEntry]]:
    """The old-style rows reporting a safeguard's deadline (保障措施 1, 时间节点 1), oldest round first."""
    found: dict[tuple[int, int | None], list[MilestoneEntry]] = {}
    for row in sorted(ledger.safeguards, key=lambda e: dt.date.min if e.as_of is None else e.as_of):
        found.setdefault(row.key, []).append(row)
    return found


def _share_entry(
    plan: Plan,
    ledger: Ledger,
    legacy: dict[tuple[int, int | None], list[MilestoneEntry]],
    *,
    obligation: Obligation,
    unit: str | None,
    as_of: dt.date,
) -> MilestoneEntry | ObligationEntry | None:
    own = ledger.obligation(obligation.key, unit, as_of) if unit is not None else None
    if own is not None:
        return own
    whole = ledger.obligation(obligation.key, None, as_of)
    if whole is None and obligation.recipient is not None:  # 报市营转办备案: the office it is filed with
        whole = ledger.obligation(obligation.key, obligation.recipient, as_of)
    if whole is not None or obligation.due is None:
        return whole
    guard = plan.safeguards[[g.number for g in plan.safeguards].index(obligation.safeguard)]
    for index, milestone in enumerate(guard.milestones, 1):
        if milestone.due == obligation.due:
            for row in reversed(legacy.get((guard.number, index), [])):
                if row.as_of is None or row.as_of <= as_of:
                    return row
    return None


def _obligation_status(
    plan: Plan, ledger: Ledger, as_of: dt.date, within: int, wanted: set[str] | None
) -> tuple[list[ObligationStatus], list[ObligationTargetStatus]]:
    """Every share of every obligation (only ``wanted`` units' when given) and the targets they state."""
    legacy = _legacy_rows(ledger)
    found: list[ObligationStatus] = []
    figures: list[ObligationTargetStatus] = []
    for guard in plan.safeguards:
        for obligation in guard.obligations:
            own = [u for u in shares(obligation) if wanted is None or u in wanted]
            due = obligation.due
            for unit in own:
                entry = _share_entry(plan, ledger, legacy, obligation=obligation, unit=unit, as_of=as_of)
                state = classify(due, entry, as_of, within)
                late: int | None = None
                if state is State.OVERDUE and due is not None:
                    late = (as_of - due).days
                elif state is State.DONE_LATE and due is not None and entry and entry.completed:
                    late = (entry.completed - due).days
                left = None if due is None else working_days_between(as_of, due)
                found.append(ObligationStatus(obligation, unit, due, state, left, late, entry))
            if not own:
                continue
            for index, number in enumerate(obligation.targets, 1):
                target = guard.targets[number]
                whose: list[str | None] = [None]
                if target.scope == "per county":
                    whose = [u for u in own if u in COUNTIES]
                for unit in whose:
                    actual = ledger.obligation_actual(obligation.key, index, unit, as_of)
                    figures.append(
                        _figure_status(
                            obligation.key, index, target, unit, due or plan.horizon, actual, as_of
                        )
                    )
    return found, figures


def _figure_status(  # noqa: PLR0917 - the fields of the status
    key: str,
    index: int,
    target: Target,
    unit: str | None,
    due: dt.date,
    actual: ObligationActual | None,
    as_of: dt.date,
) -> ObligationTargetStatus:
    if actual is None:
        return ObligationTargetStatus(key, index, target, unit, due, None, Attainment.NO_ACTUAL, None)
    if target.value is None:
        return ObligationTargetStatus(key, index, target, unit, due, actual, Attainment.NOT_COMPARABLE, None)
    attainment, gap = _gap(target, actual.value, target.value)
    if attainment is Attainment.NOT_MET and as_of <= due:
        attainment = Attainment.NOT_YET_MET
    return ObligationTargetStatus(key, index, target, unit, due, actual, attainment, gap)


def _share_scores(found: list[ObligationStatus], key: str) -> tuple[Score, ...]:
    """Counts of the shares per unit (``key`` ``unit``) or per safeguard, in the order first met."""
    counts: dict[str, dict[State, int]] = {}
    for share in found:
        if key == "unit":
            name = share.unit or share.obligation.actor_phrase
        else:
            name = f"保障措施{area_label(share.obligation.safeguard)}"
        counts.setdefault(name, dict.fromkeys(State, 0))[share.state] += 1
    return tuple(Score(name, tally) for name, tally in counts.items())


def status(
    plan: Plan,
    ledger: Ledger,
    *,
    as_of: dt.date | str,
    within: int = DEFAULT_WITHIN,
    unit: str | None = None,
    tasks: Chosen | None = None,
) -> Status:
    """Every milestone's state, scoreboards per lead unit and area, and target attainment on ``as_of``.

    With ``unit`` (any name :func:`heze_plan.query.lookup.resolve_party` accepts,
    such as 科技局, or a county such as 曹县, which acts through
    各县区政府、管委会), only the tasks that unit leads or shares;
    :attr:`Status.shared` tells the shared ones apart. An unknown name raises
    :class:`~heze_plan.errors.UnitLookupError`. With ``tasks`` (a selection
    of :mod:`heze_plan.query` or a list of tasks, milestones and targets; see
    :func:`heze_plan.query.scope`), only what it picks, in the plan's order. Scoreboards count each
    milestone once for every lead unit of its task (they share the
    accountability), once for every responsible unit (:attr:`Status.by_responsible`)
    and once for its area.

    >>> import heze_plan
    >>> result = status(heze_plan.load(), Ledger(), as_of=dt.date(2023, 7, 29))
    >>> len(result.items), result.count(State.ONGOING)
    (208, 87)

    ``as_of`` is a date, or text as a person writes it (``"2023-10-15"``,
    ``"2023/10/15"``: :func:`heze_plan.common.dates.as_date`); a date-time or
    a number is a :class:`TypeError`, text that is no date a :class:`ValueError`.
    """
    as_of = as_date(as_of, "as_of")
    if within < 0:
        msg = f"within must be zero or more working days, got {within}"
        raise ValueError(msg)
    picked = scope(plan, tasks)
    numbers = {t.number for t in picked.tasks}
    shared: frozenset[int] = frozenset()
    wanted: set[str] | None = None
    if unit is not None:
        party = resolve_party(plan, unit)
        wanted = {party.county} if party.county else set(party.units)
        unit = party.county or (party.units[0] if len(party.units) == 1 else party.query)
        led = {t.number for t in select_tasks(plan).led_by(party.query)}
        involved = {t.number for t in select_tasks(plan).involving(party.query)}
        shared = frozenset(involved - led)
        numbers &= involved
    chosen = [t for t in plan.tasks if t.number in numbers]
    items = [
        _item(task, index, ledger, as_of, within)
        for task in chosen
        for index in (
            [None] if task.ongoing and task.number in picked.whole else picked.milestone_numbers(task)
        )
    ]
    targets = [_target_status(plan, t, i, ledger, as_of) for t in chosen for i in picked.target_numbers(t)]
    by_unit: dict[str, list[int]] = {}
    for task in chosen:
        for lead in task.lead_units:
            by_unit.setdefault(lead, []).append(task.number)
    by_responsible: dict[str, list[int]] = {}
    for task in chosen:
        for name in task.responsible_units:
            by_responsible.setdefault(name, []).append(task.number)
    by_area: dict[str, list[int]] = {}
    for task in chosen:
        area = plan.area(task.area)
        by_area.setdefault(f"{area_label(area.number)}{area.name}", []).append(task.number)
    found: list[ObligationStatus] = []
    figures: list[ObligationTargetStatus] = []
    if tasks is None:  # the obligations belong to no task: a selection of tasks leaves them out
        found, figures = _obligation_status(plan, ledger, as_of, within, wanted)
    return Status(
        as_of=as_of,
        within=within,
        unit=unit,
        items=tuple(items),
        targets=tuple(targets),
        by_unit=_scores(items, by_unit),
        by_area=_scores(items, by_area),
        by_responsible=_scores(items, by_responsible),
        shared=shared,
        obligations=tuple(found),
        obligation_targets=tuple(figures),
        by_obligation_unit=_share_scores(found, "unit"),
        by_safeguard=_share_scores(found, "safeguard"),
    )


def _month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """The last day of every month from ``start``'s to ``end``'s, the last one cut at ``end``."""
    days = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        days.append(min(following - dt.timedelta(days=1), end))
        year, month = following.year, following.month
    return days


def with_history(plan: Plan, ledger: Ledger, result: Status, tasks: Chosen | None = None) -> Status:
    """``result`` with its month-by-month counts and the changes since the ledger's previous round.

    Each month's counts are the status at the month's end as the ledger
    knew it then (each milestone's latest row dated on or before that day).
    The previous round is the latest 数据截至 date before ``result.as_of``;
    a milestone whose state differs between then and now is a
    :class:`Change`, once for each of its lead units. ``tasks`` is the
    selection ``result`` was made for, if any.
    """
    dues = [m.due for t in plan.tasks for m in t.milestones]
    start = min([*dues, result.as_of]) if plan.document.printed is None else plan.document.printed
    history = []
    for day in _month_ends(min(start, result.as_of), result.as_of):
        then = status(plan, ledger, as_of=day, within=result.within, unit=result.unit, tasks=tasks)
        history.append((day, tuple((state, then.count(state)) for state in State)))
    earlier = [day for day in ledger.rounds() if day < result.as_of]
    changes: list[Change] = []
    previous = earlier[-1] if earlier else None
    if previous is not None:
        before = status(plan, ledger, as_of=previous, within=result.within, unit=result.unit, tasks=tasks)
        states = {(i.task, i.milestone): i.state for i in before.items}
        for item in result.items:
            old = states.get((item.task, item.milestone))
            if old is not None and old is not item.state:
                changes += [Change(u, item.task, item.milestone, old, item.state) for u in item.lead_units]
    changes.sort(key=lambda c: c.unit)
    return attrs.evolve(result, history=tuple(history), previous_round=previous, changes=tuple(changes))
