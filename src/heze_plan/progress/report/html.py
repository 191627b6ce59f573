"""The self-contained HTML progress report: one file, no network, inline CSS and SVG.

A coordinator mails it or opens it offline: no script, no web font, no
external image. The chart is an inline SVG of milestones per month of their
due date, stacked by state; each bar segment carries ``data-month``,
``data-state`` and ``data-count`` attributes and a ``<title>`` tooltip, so
that it can be read (and tested) without looking at pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from heze_plan.common.tables import LIST_SEPARATOR
from heze_plan.progress.assessment import Attainment, ItemStatus, State, Status
from heze_plan.progress.ledger import Problem
from heze_plan.progress.report.rows import (
    NUMERIC,
    SCORE_HEADER,
    missing_figures,
    obligation_scores,
    obligation_share_rows,
    obligation_target_rows,
    score_rows,
    target_rows,
)

__all__ = ["COLORS", "to_html"]

#: Fill colour of each state in the chart and the table's state badges.
COLORS = {
    State.DONE_ON_TIME: "#2e7d32",
    State.DONE_LATE: "#9e9d24",
    State.OVERDUE: "#c62828",
    State.DUE_SOON: "#ef6c00",
    State.NOT_YET_DUE: "#90a4ae",
    State.ONGOING: "#5c6bc0",
    State.DROPPED: "#6d4c41",
}

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;
margin:2em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.n{text-align:right}
.badge{display:inline-block;color:#fff;border-radius:3px;padding:0 .4em;white-space:nowrap}
.counts span{margin-right:1.2em}.problems li{color:#b71c1c}
"""


def _badge(state: State) -> str:
    return _BADGES[state]


#: Each state's badge, written once (a report of 100 000 items shows one per item).
_BADGES = {
    state: (
        f'<span class="badge" style="background:{COLORS[state]}">'
        f"{escape(state.label)} {escape(state.value)}</span>"
    )
    for state in State
}


def chart(result: Status) -> str:
    """An SVG bar chart: milestones per month of due date, stacked by state."""
    months: dict[str, dict[State, int]] = {}
    for item in result.items:
        if item.due is not None:
            tally = months.setdefault(f"{item.due.year}-{item.due.month:02d}", {})
            tally[item.state] = tally.get(item.state, 0) + 1
    keys = sorted(months)
    tallest = max((sum(m.values()) for m in months.values()), default=1) or 1
    bar, gap, height, top, left = 48, 28, 220, 20, 40
    width = left + len(keys) * (bar + gap) + 170
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + top + 40}" '
        f'role="img" aria-label="milestones per month by state" id="chart">'
    ]
    parts.append(
        f'<line x1="{left}" y1="{top + height}" x2="{left + len(keys) * (bar + gap)}" '
        f'y2="{top + height}" stroke="#444"/>'
    )
    for n, month in enumerate(keys):
        x = left + n * (bar + gap) + gap // 2
        y = float(top + height)
        for state in State:
            count = months[month].get(state, 0)
            if not count:
                continue
            h = count * height / tallest
            y -= h
            parts.append(
                f'<rect class="segment" x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" '
                f'fill="{COLORS[state]}" '
                f'data-month="{month}" data-state="{state.value}" data-count="{count}">'
                f"<title>{month} {escape(state.value)}: {count}</title></rect>"
            )
        total = sum(months[month].values())
        parts.append(
            f'<text x="{x + bar / 2}" y="{y - 4:.1f}" text-anchor="middle" font-size="12">{total}</text>'
        )
        parts.append(
            f'<text x="{x + bar / 2}" y="{top + height + 16}" text-anchor="middle" '
            f'font-size="12">{month}</text>'
        )
    legend_x = left + len(keys) * (bar + gap) + 16
    for n, state in enumerate(State):
        y = top + n * 20
        parts.append(f'<rect x="{legend_x}" y="{y}" width="12" height="12" fill="{COLORS[state]}"/>')
        parts.append(
            f'<text x="{legend_x + 18}" y="{y + 11}" font-size="12">'
            f"{escape(state.label)} {state.value}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _item_row(item: ItemStatus, result: Status) -> str:
    entry = item.entry
    evidence = ""
    if entry and entry.evidence:
        link = entry.evidence
        evidence = (
            f'<a href="{escape(link)}">{escape(link)}</a>'
            if link.startswith(("http://", "https://"))
            else escape(link)
        )
    cells = [
        f"{item.task}" + (f".{item.milestone}" if item.milestone else ""),
        escape(str(item.due or "全年")),
        escape(f"{item.phrase}：{item.deliverable}" if item.phrase else item.deliverable),
        escape(LIST_SEPARATOR.join(item.lead_units))
        + (" <small>（参与 responsible）</small>" if item.task in result.shared else ""),
        _badge(item.state),
        escape(str(entry.completed or "")) if entry else "",
        escape(entry.note) if entry else "",
        evidence,
    ]
    return (
        f'<tr class="item" data-state="{item.state.value}">'
        + "".join(f"<td>{c}</td>" for c in cells)
        + "</tr>"
    )


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], css_class: str) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        f'<tr class="{css_class}">'
        + "".join(
            f'<td class="n">{escape(c)}</td>' if NUMERIC.fullmatch(c) else f"<td>{escape(c)}</td>"
            for c in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _history(result: Status) -> str:
    """The month-by-month table: done, late and overdue at the end of each month so far."""
    if not result.history:
        return ""
    rows = []
    for day, counts in result.history:
        count = dict(counts)
        done = count[State.DONE_ON_TIME] + count[State.DONE_LATE]
        rows.append(
            [
                str(day),
                str(done),
                str(count[State.DONE_LATE]),
                str(count[State.OVERDUE]),
                str(count[State.DUE_SOON]),
            ]
        )
    header = [
        "截至 as of",
        "已完成 done",
        "其中逾期完成 of which late",
        "已逾期 overdue",
        "即将到期 due soon",
    ]
    return (
        "<h2>逐月进度 Month by month</h2>\n"
        "<p>每月末台账所知的状态（按各节点截至当日的最新填报）。"
        "The state at each month's end, as the ledger knew it then.</p>\n" + _table(header, rows, "month")
    )


def _changes(result: Status) -> str:
    """What changed per lead unit since the ledger's previous round."""
    if result.previous_round is None:
        return ""
    rows = [
        [
            change.unit,
            f"{change.task}" + (f".{change.milestone}" if change.milestone else ""),
            f"{change.before.label} {change.before.value}",
            f"{change.after.label} {change.after.value}",
        ]
        for change in result.changes
    ]
    body = (
        _table(["牵头单位 lead unit", "节点 milestone", "上一轮 before", "本轮 now"], rows, "change")
        if rows
        else "<p>无变化 no change.</p>"
    )
    return f"<h2>较上一轮（{result.previous_round}）的变化 Changes since the previous round</h2>\n" + body


def _obligations(result: Status) -> str:
    """The safeguards' obligations: counts, per obligation, per unit or county, each share, the targets."""
    if not result.obligations:
        return ""
    counts = "".join(f"<span>{_badge(s)} {result.obligation_count(s)}</span>" for s in State)
    shares = "".join(
        f'<tr class="share" data-obligation="{escape(s.key)}" data-state="{s.state.value}">'
        + "".join(f"<td>{escape(c)}</td>" for c in row[:3])
        + f"<td>{_badge(s.state)}</td><td class='n'>{escape(row[4])}</td></tr>"
        for s, row in zip(result.obligations, obligation_share_rows(result.obligations), strict=True)
    )
    head = "".join(f"<th>{h}</th>" for h in ("义务", "单位或县区", "截止或频次", "状态", "逾期天数"))
    figures = _table(
        ["目标", "单位或县区", "表述", "要求", "实际值", "截至", "达成"],
        obligation_target_rows(result),
        "obligation-target",
    )
    return f"""<h2>保障措施义务 Obligations of the safeguards</h2>
<p>保障措施所列义务，每个须落实的单位或县区各计一份（如 S1.6 印发1个月内制定具体落实方案）。
Each unit or county an obligation falls on has its own share.</p>
<p class="counts">{counts}</p>
{_table(["义务", *SCORE_HEADER[1:]], score_rows(obligation_scores(result)), "obligation")}
<h3>按单位或县区 By unit or county</h3>
{_table(["单位或县区", *SCORE_HEADER[1:]], score_rows(result.by_obligation_unit), "obligation-unit")}
<h3>保障措施目标 Targets of the safeguards</h3>
<p>{missing_figures(result)} / {len(result.obligation_targets)} 项尚无实际值 (no actual yet).</p>
{figures}
<h3>明细 Each share</h3>
<table id="obligations"><thead><tr>{head}</tr></thead><tbody>{shares}</tbody></table>
"""


def to_html(result: Status, problems: Sequence[Problem] = (), *, title: str = "") -> str:
    """The whole report as one HTML document."""
    heading = f"{title} 进度台账报告" if title else "进度台账报告 Progress report"
    counts = "".join(f"<span>{_badge(s)} {result.count(s)}</span>" for s in State)
    scope = ""
    if result.unit:
        led = len({i.task for i in result.led()})
        shared = len({i.task for i in result.responsible()})
        scope = (
            f"（{escape(result.unit)}：牵头 {led} 项任务 leads {led}，"
            f"参与 {shared} 项任务 responsible for {shared}）"
        )
    items = "".join(_item_row(i, result) for i in result.items)
    item_head = "".join(
        f"<th>{h}</th>"
        for h in ("任务.节点", "截止日期", "节点内容", "牵头单位", "状态", "完成日期", "备注", "佐证")
    )
    targets = target_rows(result, label="subject")
    missing = sum(1 for t in result.targets if t.attainment is Attainment.NO_ACTUAL)
    problem_list = "".join(f"<li>{escape(str(p))}</li>" for p in problems)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{escape(heading)} {result.as_of}</title>
<style>{_CSS}</style></head>
<body>
<h1>{escape(heading)}</h1>
<p>截至 {result.as_of}{scope}；“即将到期”指 {result.within} 个工作日内到期
（按国务院节假日及调休安排计算）。</p>
<p class="counts">{counts}</p>
<h2>按月到期节点 Milestones per month by state</h2>
{chart(result)}
{_history(result)}
{_changes(result)}
<h2>领域 By area</h2>
{_table(["领域", *SCORE_HEADER[1:]], score_rows(result.by_area), "area")}
<h2>牵头单位 By lead unit</h2>
<p>多个牵头单位共同负责的节点，计入每个牵头单位。A milestone counts for each of its lead units.</p>
{_table(["牵头单位", *SCORE_HEADER[1:]], score_rows(result.by_unit), "unit")}
<h2>责任单位 By responsible unit</h2>
<p>责任单位参与而不牵头的任务节点，计入每个责任单位。A milestone counts for each responsible unit
of its task as well.</p>
{_table(["责任单位", *SCORE_HEADER[1:]], score_rows(result.by_responsible), "responsible")}
<h2>量化目标 Targets</h2>
<p>{missing} / {len(result.targets)} 项目标尚无实际值 (no actual yet).</p>
{_table(["目标", "内容", "要求", "实际值", "截至", "达成"], targets, "target")}
{_obligations(result)}
<h2>节点明细 Milestones</h2>
<table id="items"><thead><tr>{item_head}</tr></thead><tbody>{items}</tbody></table>
<h2>台账问题 Ledger problems ({len(problems)})</h2>
<ul class="problems">{problem_list or "<li style='color:#222'>无 none</li>"}</ul>
</body></html>
"""
