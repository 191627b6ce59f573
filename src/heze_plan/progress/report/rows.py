"""The rows the report formats share: numbers, rates, score and target rows, table grids.

Every format shows the same figures in the same order; building the rows once
here keeps the text table, the CSV and the HTML page from drifting apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heze_plan.common.tables import display_width, pad
from heze_plan.model.target_text import target_formula
from heze_plan.progress.assessment import (
    Attainment,
    ItemStatus,
    ObligationStatus,
    ObligationTargetStatus,
    Score,
    State,
    Status,
    TargetStatus,
)

__all__ = [
    "NUMERIC",
    "SCORE_HEADER",
    "SCORE_HEADER_BOTH",
    "behind_first",
    "grid",
    "milestone_name",
    "missing_figures",
    "number",
    "obligation_scores",
    "obligation_share_rows",
    "obligation_target_rows",
    "obligation_when",
    "rate",
    "score_rows",
    "target_rows",
    "target_text",
]


def number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def rate(score: Score) -> str:
    rate = score.on_time_rate
    return "—" if rate is None else f"{rate:.0%}"


NUMERIC = re.compile(r"-?\d+(?:\.\d+)?%?|—")


def grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(display_width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [
            pad(str(c), w, right=bool(NUMERIC.fullmatch(str(c)))) for c, w in zip(row, widths, strict=True)
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def milestone_name(item: ItemStatus) -> str:
    return f"{item.task}" if item.milestone is None else f"{item.task}.{item.milestone}"


def target_text(target: TargetStatus) -> str:
    return target_formula(target.target, number=number, strip=False)


def target_rows(result: Status, *, label: str) -> list[list[str]]:
    """A row per target: ``task.index``, its ``label`` field (phrase or subject), wanted, actual, as of,
    attainment."""
    return [
        [
            f"{t.task}.{t.index}",
            getattr(t.target, label),
            target_text(t),
            number(t.actual.value) if t.actual else "",
            str(t.actual.as_of) if t.actual else "",
            t.attainment.value,
        ]
        for t in result.targets
    ]


def behind_first(scores: Sequence[Score]) -> list[Score]:
    """Units or areas with the most overdue, then late, milestones first; otherwise in plan order."""
    return sorted(scores, key=lambda s: (-s.counts.get(State.OVERDUE, 0), -s.counts.get(State.DONE_LATE, 0)))


def score_rows(scores: Sequence[Score]) -> list[list[str]]:
    order = (
        State.DONE_ON_TIME,
        State.DONE_LATE,
        State.OVERDUE,
        State.DUE_SOON,
        State.NOT_YET_DUE,
        State.ONGOING,
    )
    return [
        [s.name, str(s.total), *(str(s.counts.get(state, 0)) for state in (*order, State.DROPPED)), rate(s)]
        for s in behind_first(scores)
    ]


SCORE_HEADER = [
    "",
    "total",
    "on time",
    "late",
    "overdue",
    "due soon",
    "not due",
    "ongoing",
    "dropped",
    "on-time rate",
]

#: The score columns in Chinese with English beside them (text report, HTML).
SCORE_HEADER_BOTH = [
    "",
    "合计 total",
    "按期完成 on time",
    "逾期完成 late",
    "已逾期 overdue",
    "即将到期 due soon",
    "未到期 not due",
    "常态推进 ongoing",
    "已取消 dropped",
    "按期率 on-time rate",
]


def obligation_when(share: ObligationStatus) -> str:
    """When an obligation is due: its date, else how often it recurs (``ongoing`` is 持续).

    >>> import heze_plan, datetime as dt
    >>> from heze_plan.progress import Ledger, status
    >>> shares = status(heze_plan.load(), Ledger(), as_of=dt.date(2023, 9, 1)).obligations
    >>> sorted({obligation_when(s) for s in shares})
    ['2023-08-29', '2023-12-31', '及时', '常态化', '持续', '适时']
    """
    if share.due is not None:
        return str(share.due)
    frequency = share.obligation.frequency or "ongoing"
    return "持续" if frequency == "ongoing" else frequency


def obligation_scores(result: Status) -> list[Score]:
    """One score per obligation, counting its shares (one per unit or county it falls on)."""
    counts: dict[str, dict[State, int]] = {}
    for share in result.obligations:
        name = f"{share.key} {obligation_when(share)} {share.obligation.actor_phrase}"
        counts.setdefault(name, dict.fromkeys(State, 0))[share.state] += 1
    return [Score(name, tally) for name, tally in counts.items()]


def obligation_share_rows(shares: Sequence[ObligationStatus]) -> list[list[str]]:
    """A row per share: key, unit or county, due or frequency, state (Chinese and English), days late."""
    return [
        [
            s.key,
            s.unit or s.obligation.actor_phrase,
            obligation_when(s),
            f"{s.state.label} {s.state.value}",
            number(s.days_late) if s.days_late is not None else "",
        ]
        for s in shares
    ]


def _figure_text(figure: ObligationTargetStatus) -> str:
    return target_formula(figure.target, number=number, strip=False)


def obligation_target_rows(result: Status) -> list[list[str]]:
    """A row per safeguard target (per county where set per county): as :func:`target_rows` does."""
    rows = []
    for figure in result.obligation_targets:
        actual = figure.actual
        rows.append(
            [
                f"{figure.obligation}.{figure.index}",
                figure.unit or figure.target.applies_to or "",
                figure.target.phrase,
                _figure_text(figure),
                number(actual.value) if actual else "",
                str(actual.as_of) if actual else "",
                f"{figure.attainment.label} {figure.attainment.value}",
            ]
        )
    return rows


def missing_figures(result: Status) -> int:
    """How many safeguard targets have no figure yet."""
    return sum(1 for f in result.obligation_targets if f.attainment is Attainment.NO_ACTUAL)
