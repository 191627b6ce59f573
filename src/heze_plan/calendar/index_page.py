"""The index of a feed set: ``index.json`` for programs and ``index.html`` for people.

Both list every feed with its Chinese name, its number of events and its
links: ``https://`` to download and ``webcal://`` to subscribe (the scheme
that makes Apple Calendar and Outlook offer a subscription) when a base URL
is known, and the bare file name otherwise.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Sequence
from urllib.parse import quote, urlsplit

from attrs import frozen

from heze_plan.common.numerals import to_chinese
from heze_plan.model.plan import Plan

__all__ = ["IndexEntry", "check_base_url", "index_html", "index_json", "links", "subscribable"]


@frozen
class IndexEntry:
    """One feed as the index lists it."""

    key: str
    kind: str
    name: str
    file: str
    events: int
    lead_events: int | None = None
    #: The pinyin of the name (``shi4-shui4-wu4-ju2``…), by which units are sorted and searched.
    sort_key: str = ""
    #: Old file names of the feed, kept as copies so that earlier subscriptions keep working.
    aliases: tuple[str, ...] = ()


def check_base_url(url: str) -> str:
    """``url`` with a trailing slash; ``ValueError`` unless it is an absolute http(s) URL.

    >>> check_base_url("https://example.org/feeds")
    'https://example.org/feeds/'
    >>> check_base_url("https://example.org/my feeds")
    'https://example.org/my%20feeds/'
    """
    url = quote(url.strip(), safe=":/?#@!$&'()*+,;=%~")  # a space becomes %20; what is encoded stays
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query or parts.fragment:
        msg = (
            f"the base URL must be an absolute http:// or https:// URL without query or fragment, got {url!r}"
        )
        raise ValueError(msg)
    return url if url.endswith("/") else url + "/"


def links(file: str, base_url: str | None) -> dict[str, str | None]:
    """The download and subscribe links of a feed file.

    >>> links("plan.ics", "https://example.org/feeds/")
    {'url': 'https://example.org/feeds/plan.ics', 'webcal': 'webcal://example.org/feeds/plan.ics'}
    >>> links("plan.ics", None)
    {'url': 'plan.ics', 'webcal': None}
    """
    if base_url is None:
        return {"url": quote(file), "webcal": None}
    url = base_url + quote(file)
    return {"url": url, "webcal": "webcal://" + url.split("://", 1)[1]}


def subscribable(entry: IndexEntry) -> bool:
    """Whether the index offers a feed for subscription: the whole plan's always, another only with events.

    A unit or area whose tasks have no deadline (纪委监委机关: safeguard （三） says 适时开展, no date)
    has a feed with no event. Its file is still written, valid and saying why, so that a subscription
    made before keeps working and shows a deadline should the plan ever give one; but the index offers no
    subscription to it: ``subscribable`` is false and ``webcal`` null in ``index.json``, and its row in
    ``index.html`` has no link.

    >>> subscribable(IndexEntry("unit:纪委监委机关", "unit", "纪委监委机关", "unit-ji.ics", 0))
    False
    """
    return entry.events > 0 or entry.kind == "plan"


def index_json(plan: Plan, entries: Sequence[IndexEntry], base_url: str | None) -> str:
    """The index as JSON: the document and one object per feed, in feed order (see :func:`subscribable`)."""
    data = {
        "document": plan.document.number,
        "title": plan.document.title,
        "feeds": [
            {
                "key": e.key,
                "kind": e.kind,
                "name": e.name,
                "file": e.file,
                "events": e.events,
                **({"lead_events": e.lead_events} if e.lead_events is not None else {}),
                **links(e.file, base_url),
                **({} if subscribable(e) else {"webcal": None}),
                "subscribable": subscribable(e),
                **({"aliases": [{"file": a, **links(a, base_url)} for a in e.aliases]} if e.aliases else {}),
            }
            for e in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_KIND_HEADINGS = {"plan": "全部任务", "area": "按领域", "unit": "按单位（牵头或参与，按拼音排序）"}

_STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em;line-height:1.5}"
    "table{border-collapse:collapse;width:100%}"
    "td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left}"
    "td.n{text-align:right;white-space:nowrap}"
    "a{overflow-wrap:anywhere}"
    "tr.empty td{color:#777}"
    ".warn{background:#fff3cd;border:1px solid #e0c36a;padding:.5em}"
    "#q{font-size:1.1em;padding:.4em;width:100%;box-sizing:border-box;margin:.5em 0}"
    "@media (max-width:640px){"
    "table,thead,tbody,tr,td{display:block}thead{display:none}"
    "tr{border-bottom:1px solid #ddd;padding:.4em 0}td{border:none;padding:.1em 0;text-align:left}"
    "td.n{text-align:left}}"
)

#: Filters the feed rows as the user types; ``?q=税务`` or ``#q=税务`` fills the box. Without scripts the
#: box stays hidden and every row shows.
_SCRIPT = """
(function () {
  var box = document.getElementById("q");
  var count = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-search]"));
  function norm(s) { return s.toLowerCase().replace(/\\s+/g, ""); }
  function apply() {
    var q = norm(box.value), shown = 0;
    rows.forEach(function (row) {
      var hit = !q || row.getAttribute("data-search").indexOf(q) >= 0;
      row.hidden = !hit;
      if (hit) { shown += 1; }
    });
    document.querySelectorAll("section.feeds").forEach(function (section) {
      section.hidden = !section.querySelector("tr[data-search]:not([hidden])");
    });
    count.textContent = q ? "找到 " + shown + " 个日历" : "";
  }
  var given = new URLSearchParams(location.search).get("q") ||
    new URLSearchParams(location.hash.replace(/^#/, "")).get("q");
  if (given) { box.value = given; }
  box.hidden = false;
  box.addEventListener("input", apply);
  apply();
})();
"""


def _search_text(entry: IndexEntry) -> str:
    """What the search box matches: the name and its pinyin without tones, lower case, no spaces."""
    plain = re.sub(r"[-0-9]", "", entry.sort_key)
    return "".join(f"{entry.name} {plain}".lower().split())


def _feed_row(entry: IndexEntry, base_url: str | None) -> str:
    link = links(entry.file, base_url)
    count = str(entry.events)
    if entry.lead_events is not None:
        count += f"（牵头{entry.lead_events}）"
    url = html.escape(link["url"] or "")
    download = f'<a href="{url}">{html.escape(entry.file)}</a>'
    webcal = link["webcal"]
    if not subscribable(entry):
        subscribe, download, css = "无时间节点，不提供订阅", "", ' class="empty"'
    else:
        subscribe = f'<a href="{html.escape(webcal)}">订阅</a>' if webcal else "（缺少 --base-url）"
        css = ""
    return (
        f'<tr{css} data-search="{html.escape(_search_text(entry))}"><td>{html.escape(entry.name)}</td>'
        f"<td class=n>{html.escape(count)}</td><td>{subscribe}</td><td>{download}</td></tr>"
    )


def _task_list(plan: Plan) -> list[str]:
    """Every dated task and safeguard with an anchor (``#task-8``), the target of each event's ``URL``."""
    parts = ['<section id="items"><h2>任务时间节点</h2><ol class="items">']
    for task in plan.tasks:
        if not task.milestones:
            continue
        dues = "、".join(f"{m.due.month}月{m.due.day}日" for m in task.milestones)
        parts.append(
            f'<li id="task-{task.number}" value="{task.number}">{html.escape(task.title)}'
            f"（牵头：{html.escape('、'.join(task.lead_units))}；截止：{dues}）</li>"
        )
    parts.append("</ol><ul>")
    for safeguard in plan.safeguards:
        if not safeguard.milestones:
            continue
        dues = "、".join(f"{m.due.month}月{m.due.day}日" for m in safeguard.milestones)
        parts.append(
            f'<li id="safeguard-{safeguard.number}">保障措施（{to_chinese(safeguard.number)}）'
            f"{html.escape(safeguard.title)}（截止：{dues}）</li>"
        )
    parts.append("</ul></section>")
    return parts


def index_html(
    plan: Plan,
    entries: Sequence[IndexEntry],
    base_url: str | None,
    *,
    updated: dt.date | None = None,
    with_status: bool = False,
) -> str:
    """The index as a small self-contained HTML page in Chinese.

    A search box filters the feeds as one types (a small inline script; the
    page lists everything without it); units are sorted by pinyin; feeds
    without events say so and offer no link (:func:`subscribable`); on a
    phone the tables become one block per feed.
    ``updated`` is the day the set's content last changed (the latest
    ``LAST-MODIFIED``), shown as the page's date: a run that changes nothing
    changes the page neither.
    """
    title = html.escape(f"{plan.document.title}（{plan.document.number}）任务时间节点日历订阅")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{_STYLE}</style></head>",
        "<body>",
        f"<h1>{title}</h1>",
        "<p>每个有时间节点的任务节点是一个全天事件，提醒在截止日前7天和前1天（遇节假日提前到之前最后一个工作日）"
        "上午9点。点击“订阅”在日历应用中订阅（日历会自动更新），或复制下载链接到日历应用的“通过网址订阅”。</p>",
        "<p>只订阅一个日历：各单位订阅本单位的日历（含牵头和参与的全部任务），统筹全局的订阅“全部任务”。"
        "同一节点在各个日历中完全相同，同时订阅两个会看到两次。</p>",
    ]
    meta = []
    if updated is not None:
        meta.append(f"内容更新于{updated.year}年{updated.month}月{updated.day}日")
    if with_status:
        meta.append("完成情况据进度台账，各节点的“最后修改”时间即其状态最近一次变化的日期")
    if meta:
        parts.append(f'<p class="meta">{html.escape("；".join(meta))}。</p>')
    if base_url is None:
        parts.append(
            '<p class="warn">生成本页时没有给出网址（heze-plan feeds --base-url URL），'
            "所以没有订阅链接；下载链接是相对于本页的文件名。</p>"
        )
    parts += [
        '<input id="q" type="search" placeholder="搜索单位或领域，如：税务、纳税、shuiwu" '
        'aria-label="搜索单位或领域" hidden>',
        '<p id="shown" aria-live="polite"></p>',
    ]
    for kind, heading in _KIND_HEADINGS.items():
        chosen = [e for e in entries if e.kind == kind]
        if not chosen:
            continue
        if kind == "unit":
            chosen.sort(key=lambda e: (e.sort_key, e.name))
        parts += [
            f'<section class="feeds" id="{kind}"><h2>{html.escape(heading)}</h2>',
            "<table><thead><tr><th>日历</th><th>节点数</th><th>订阅</th><th>下载</th></tr></thead><tbody>",
            *(_feed_row(entry, base_url) for entry in chosen),
            "</tbody></table></section>",
        ]
    parts += _task_list(plan)
    parts += [f"<script>{_SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(parts)
