"""The plan's deadlines as iCalendar feeds: entries, event text, one feed, a set of feeds with an index page.

The stages of a feed: :mod:`~heze_plan.calendar.entries` (and
:mod:`~heze_plan.calendar.safeguards`) choose what becomes an event,
:mod:`~heze_plan.calendar.event_text` words it, :mod:`~heze_plan.calendar.status_marks`
marks ledger status, :mod:`~heze_plan.calendar.feed` builds one VCALENDAR with
stable revisions (:mod:`~heze_plan.calendar.revisions`), and
:mod:`~heze_plan.calendar.feed_set` writes one feed per unit and area with
its :mod:`~heze_plan.calendar.manifest`, :mod:`~heze_plan.calendar.slugs` and
:mod:`~heze_plan.calendar.index_page`. The feed set's names load on first use (PEP 562): a single
feed needs none of them.
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING, Any

from heze_plan.calendar._ical import (
    fold,
    to_ical,
)
from heze_plan.calendar.entries import (  # the function entries() stays in its module of that name
    Entry,
    milestone_uid,
)
from heze_plan.calendar.event_text import (
    SAFEGUARD_CATEGORY,
    alarm_text,
    chinese_date,
    description_text,
    safeguard_description,
    safeguard_label,
    safeguard_summary,
    summary_text,
    working_day_note,
)
from heze_plan.calendar.feed import (
    PRODID,
    TIMEZONE,
    Component,
    FeedItems,
    FeedOptions,
    RenderedFeed,
    build_calendar,
    data_revised,
    reminder_days,
    render_feed,
)
from heze_plan.calendar.revisions import (
    HASH_PROPERTY,
    Revision,
    Revisions,
    content_digest,
)
from heze_plan.calendar.safeguards import (
    SafeguardEntry,
    actors,
    safeguard_entries,
    safeguard_uid,
    subject,
)
from heze_plan.calendar.status_marks import (
    COMPLETED_TIME,
    StatusSource,
    completed_at,
    entry_status,
    event_status,
    feed_status_note,
    has_reminders,
    marks,
    status_lines,
    summary_mark,
    todo_status,
)

if TYPE_CHECKING:  # the names _LAZY provides, for type checkers and editors
    from heze_plan.calendar.feed_set import (
        FeedSpec,
        FeedsReport,
        feed_specs,
        write_feeds,
    )
    from heze_plan.calendar.index_page import (
        IndexEntry,
        check_base_url,
        index_html,
        index_json,
        links,
        subscribable,
    )
    from heze_plan.calendar.manifest import (
        MANIFEST_NAME,
        Manifest,
        OwnedFile,
        sha256,
    )
    from heze_plan.calendar.publish import (
        publish_directory,
    )
    from heze_plan.calendar.slugs import (
        slug,
        toned_slug,
        unique_slug,
    )

__all__ = [
    "COMPLETED_TIME",
    "HASH_PROPERTY",
    "MANIFEST_NAME",
    "PRODID",
    "SAFEGUARD_CATEGORY",
    "TIMEZONE",
    "Component",
    "Entry",
    "FeedItems",
    "FeedOptions",
    "FeedSpec",
    "FeedsReport",
    "IndexEntry",
    "Manifest",
    "OwnedFile",
    "RenderedFeed",
    "Revision",
    "Revisions",
    "SafeguardEntry",
    "StatusSource",
    "actors",
    "alarm_text",
    "build_calendar",
    "check_base_url",
    "chinese_date",
    "completed_at",
    "content_digest",
    "data_revised",
    "description_text",
    "entry_status",
    "event_status",
    "feed_specs",
    "feed_status_note",
    "fold",
    "has_reminders",
    "index_html",
    "index_json",
    "links",
    "marks",
    "milestone_uid",
    "publish_directory",
    "reminder_days",
    "render_feed",
    "safeguard_description",
    "safeguard_entries",
    "safeguard_label",
    "safeguard_summary",
    "safeguard_uid",
    "sha256",
    "slug",
    "status_lines",
    "subject",
    "subscribable",
    "summary_mark",
    "summary_text",
    "to_ical",
    "todo_status",
    "toned_slug",
    "unique_slug",
    "working_day_note",
    "write_feeds",
]

#: The feed set's names (its files, manifest, index page and file names) load on first use: a single
#: feed (``heze-plan calendar``) needs none of them.
_LAZY = {
    **dict.fromkeys(
        (
            "FeedSpec",
            "FeedsReport",
            "feed_specs",
            "write_feeds",
        ),
        "heze_plan.calendar.feed_set",
    ),
    **dict.fromkeys(
        (
            "IndexEntry",
            "check_base_url",
            "index_html",
            "index_json",
            "links",
            "subscribable",
        ),
        "heze_plan.calendar.index_page",
    ),
    **dict.fromkeys(
        (
            "MANIFEST_NAME",
            "Manifest",
            "OwnedFile",
            "sha256",
        ),
        "heze_plan.calendar.manifest",
    ),
    **dict.fromkeys(
        ("publish_directory",),
        "heze_plan.calendar.publish",
    ),
    **dict.fromkeys(
        (
            "slug",
            "toned_slug",
            "unique_slug",
        ),
        "heze_plan.calendar.slugs",
    ),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(_importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    msg = f"module 'heze_plan.calendar' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*__all__, *(name for name in globals() if not name.startswith("_"))})
