"""China's working days: official holidays and make-up working days (调休).

A deadline such as 9月底前 falls on 2023-09-30, a Saturday inside the 2023
National Day holiday; the last working day before it is 2023-09-28. Make-up
days work the other way: 2023-10-07 and 2023-10-08 were a Saturday and a
Sunday on which offices worked.

The calendar comes from the maintained ``holidays`` package (its ``China``
calendar lists the State Council's holidays, the substituted days off and
the weekend working days); nothing here is typed by hand. Importing that
package costs about 150 ms (it loads every country), more than a whole
``heze-plan calendar`` run otherwise needs, so a built wheel carries what it
says for the announced years (:func:`snapshot_json`, written by
``hatch_build.py`` as ``data/china-workdays.json``) and reads that instead;
other years, other languages and a source checkout ask the package, imported
on first use, not with :mod:`heze_plan`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from attrs import frozen

from heze_plan import data

if TYPE_CHECKING:  # pragma: no cover
    import holidays

__all__ = [
    "add_working_days",
    "holiday_name",
    "is_working_day",
    "last_working_day_on_or_before",
    "snapshot_json",
    "working_days_between",
]

#: The languages whose holiday names the snapshot keeps: the package's default (English) and 简体中文.
_SNAPSHOT_LANGUAGES = (None, "zh_CN")
#: The first year a snapshot holds, and the last one it looks at for an announced schedule.
_FIRST_YEAR, _LAST_YEAR = 2000, 2100


@frozen
class _Year:
    """One year's days off (holidays on any day of the week) and weekend working days."""

    off: frozenset[dt.date]
    work: frozenset[dt.date]


@functools.cache
def _calendar(year: int, language: str | None = None) -> holidays.HolidayBase:
    import holidays  # noqa: PLC0415 - the holiday data loads on first use, not with heze_plan

    return holidays.country_holidays("CN", years=year, language=language)


def _from_package(year: int) -> _Year:
    calendar = _calendar(year)
    return _Year(frozenset(calendar), frozenset(d for d in calendar.weekend_workdays if d.year == year))


@functools.cache
def _snapshot() -> Mapping[int, tuple[_Year, dict[dt.date, tuple[str, ...]]]]:
    """The wheel's snapshot by year: the days and the holiday names in :data:`_SNAPSHOT_LANGUAGES`."""
    try:
        text = data.read_text(data.WORKDAYS)
    except FileNotFoundError:
        return {}
    return _read_snapshot(text)


def _read_snapshot(text: str) -> dict[int, tuple[_Year, dict[dt.date, tuple[str, ...]]]]:
    years = {}
    for year, values in json.loads(text)["years"].items():
        names = {dt.date.fromisoformat(day): tuple(given) for day, given in values["off"].items()}
        work = frozenset(dt.date.fromisoformat(day) for day in values["work"])
        years[int(year)] = (_Year(frozenset(names), work), names)
    return years


@functools.cache
def _year(year: int) -> _Year:
    known = _snapshot().get(year)
    return known[0] if known is not None else _from_package(year)


def snapshot_json(years: Iterable[int] | None = None) -> str:
    """What the ``holidays`` package says of ``years``, as the JSON a wheel carries.

    By default every year from 2000 to the last one with make-up working
    days, that is, the years whose schedule the State Council has announced
    and the package records (a later year has the statutory holidays only,
    and is left to the package, which a newer release may complete).

    >>> document = json.loads(snapshot_json([2023]))
    >>> document["years"]["2023"]["off"]["2023-10-02"], document["years"]["2023"]["work"][-1]
    (['National Day', '国庆节'], '2023-10-08')
    """
    if years is None:
        last = max(year for year in range(_FIRST_YEAR, _LAST_YEAR + 1) if _from_package(year).work)
        years = range(_FIRST_YEAR, last + 1)
    document: dict[str, object] = {"source": "holidays.country_holidays('CN')", "years": {}}
    chosen: dict[str, object] = {}
    for year in years:
        days = _from_package(year)
        chosen[str(year)] = {
            "off": {
                day.isoformat(): [str(_calendar(year, language).get(day)) for language in _SNAPSHOT_LANGUAGES]
                for day in sorted(days.off)
            },
            "work": [day.isoformat() for day in sorted(days.work)],
        }
    document["years"] = chosen
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


def is_working_day(day: dt.date) -> bool:
    """Whether offices in China work on ``day``.

    >>> is_working_day(dt.date(2023, 9, 30)), is_working_day(dt.date(2023, 10, 7))
    (False, True)
    """
    days = _year(day.year)
    return day in days.work if day.weekday() >= 5 else day not in days.off


def holiday_name(day: dt.date, *, language: str | None = None) -> str | None:
    """The name of the holiday on ``day``, ``"weekend"`` for an ordinary weekend, or None.

    ``language`` is one the ``holidays`` package has for China (``"zh_CN"``,
    ``"zh_TW"``, ``"en_US"``, ``"th"``); by default the names are English.

    >>> holiday_name(dt.date(2023, 10, 2)), holiday_name(dt.date(2023, 9, 30))
    ('National Day', 'weekend')
    >>> holiday_name(dt.date(2023, 10, 2), language="zh_CN")
    '国庆节'
    """
    known = _snapshot().get(day.year)
    if known is not None and language in _SNAPSHOT_LANGUAGES:
        names = known[1].get(day)
        name = None if names is None else names[_SNAPSHOT_LANGUAGES.index(language)]
    else:
        found = _calendar(day.year, language).get(day)
        name = None if found is None else str(found)
    if name is not None:
        return name
    if not is_working_day(day):
        return "weekend"
    return None


def last_working_day_on_or_before(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, else the last working day before it.

    >>> last_working_day_on_or_before(dt.date(2023, 9, 30))
    datetime.date(2023, 9, 28)
    """
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when end < start).

    Counted by arithmetic on weeks, corrected by each year's holidays and
    make-up days, so a span of decades costs no more than a few years.

    >>> working_days_between(dt.date(2023, 9, 28), dt.date(2023, 10, 9))
    3
    """
    if end < start:
        return -working_days_between(end, start)
    full_weeks, rest = divmod((end - start).days, 7)
    count = full_weeks * 5 + sum((start + dt.timedelta(days=i)).weekday() < 5 for i in range(1, rest + 1))
    for year in range(start.year, end.year + 1):
        days = _year(year)
        count -= sum(1 for day in days.off if start < day <= end and day.weekday() < 5)
        count += sum(1 for day in days.work if start < day <= end)
    return count


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (``days`` ≥ 0).

    >>> add_working_days(dt.date(2023, 9, 28), 1)
    datetime.date(2023, 10, 7)
    """
    if days < 0:
        msg = f"days must be zero or more, got {days}"
        raise ValueError(msg)
    day = start
    while days:
        day += dt.timedelta(days=1)
        days -= is_working_day(day)
    return day
