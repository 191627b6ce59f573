"""ASCII file names for Chinese names: Hanyu Pinyin without tones, syllables joined by hyphens.

Feed URLs must be plain ASCII so that every calendar client and web server
handles them; a department finds its feed by the pinyin of its name. The
readings come from the ``pypinyin`` package (imported on first use), and the
names that were handed out once are kept by the caller (see
:mod:`heze_plan.calendar.feed_set`), so that a new reading in a later ``pypinyin``
release never moves a published feed.
"""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = ["slug", "toned_slug", "unique_slug"]

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """The pinyin slug of ``text``: lower-case ASCII letters, digits and single hyphens.

    >>> slug("市行政审批服务局")
    'shi-xing-zheng-shen-pi-fu-wu-ju'
    >>> slug("各县区政府、管委会")
    'ge-xian-qu-zheng-fu-guan-wei-hui'
    >>> slug("RCEP 自贸协定")
    'rcep-zi-mao-xie-ding'
    """
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415 - its dictionaries load on first use

    syllables = lazy_pinyin(text, style=Style.NORMAL, v_to_u=False, errors="default")
    joined = "-".join(syllables).lower()
    result = _NOT_SLUG.sub("-", joined).strip("-")
    return result or "x"


def toned_slug(text: str) -> str:
    """The pinyin slug of ``text`` with tone numbers after each syllable (5 for the neutral tone).

    It tells apart names that sound alike but for the tones, and sorts names by their reading:

    >>> toned_slug("市水务局"), toned_slug("市税务局")
    ('shi4-shui3-wu4-ju2', 'shi4-shui4-wu4-ju2')
    """
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415 - its dictionaries load on first use

    syllables = lazy_pinyin(
        text, style=Style.TONE3, v_to_u=False, errors="default", neutral_tone_with_five=True
    )
    joined = "-".join(syllables).lower()
    result = _NOT_SLUG.sub("-", joined).strip("-")
    return result or "x"


def unique_slug(text: str, taken: Collection[str], prefix: str = "") -> str:
    """``prefix`` and :func:`slug` of ``text``, with ``-2``, ``-3``… added when that is taken.

    >>> unique_slug("市商务局", {"unit-shi-shang-wu-ju"}, prefix="unit-")
    'unit-shi-shang-wu-ju-2'
    """
    base = prefix + slug(text)
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
