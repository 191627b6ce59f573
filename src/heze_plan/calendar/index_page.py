"""The index of a feed set: ``index.json`` for programs and ``index.html`` for people.

Both list every feed with its Chinese name, its number of events and its
links: ``https://`` to download and ``webcal://`` to subscribe (the scheme
that makes Apple Calendar and Outlook offer a subscription) when a base URL
is known, and the bare file name otherwise.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from urllib.parse import quote, urlsplit

from attrs import frozen

from heze_plan.model.plan import Plan

__all__ = ["IndexEntry", "check_base_url", "index_html", "index_json", "links"]


@frozen
class IndexEntry:
    """One feed as the index lists it."""

    key: str
    kind: str
    name: str
    file: str
    events: int
    lead_events: int | None = None


def check_base_url(url: str) -> str:
    """``url`` with a trailing slash; ``ValueError`` unless it is an absolute http(s) URL.

    >>> check_base_url("https://example.org/feeds")
    'https://example.org/feeds/'
    """
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


def index_json(plan: Plan, entries: Sequence[IndexEntry], base_url: str | None) -> str:
    """The index as JSON: the document and one object per feed, in feed order."""
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
            }
            for e in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_KIND_HEADINGS = {"plan": "全部任务", "area": "按领域", "unit": "按单位（牵头或参与）"}


def index_html(plan: Plan, entries: Sequence[IndexEntry], base_url: str | None) -> str:
    """The index as a small self-contained HTML page in Chinese."""
    title = html.escape(f"{plan.document.title}（{plan.document.number}）任务时间节点日历订阅")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}"
        "table{border-collapse:collapse;width:100%}"
        "td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left;white-space:nowrap}"
        "td.n{text-align:right}</style></head>",
        "<body>",
        f"<h1>{title}</h1>",
        "<p>每个有时间节点的任务节点是一个全天事件。点击“订阅”在日历应用中订阅（日历会自动更新），"
        "或复制“下载”链接到日历应用的“通过网址订阅”。</p>",
    ]
    for kind, heading in _KIND_HEADINGS.items():
        chosen = [e for e in entries if e.kind == kind]
        if not chosen:
            continue
        parts += [
            f"<h2>{html.escape(heading)}</h2>",
            "<table><thead><tr><th>日历</th><th>事件数</th><th>订阅</th><th>下载</th></tr></thead><tbody>",
        ]
        for entry in chosen:
            link = links(entry.file, base_url)
            count = str(entry.events)
            if entry.lead_events is not None:
                count += f"（牵头{entry.lead_events}）"
            webcal = link["webcal"]
            subscribe = f'<a href="{html.escape(webcal)}">订阅</a>' if webcal else ""
            url = html.escape(link["url"] or "")
            parts.append(
                f"<tr><td>{html.escape(entry.name)}</td><td class=n>{html.escape(count)}</td>"
                f'<td>{subscribe}</td><td><a href="{url}">{html.escape(entry.file)}</a></td></tr>'
            )
        parts.append("</tbody></table>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
