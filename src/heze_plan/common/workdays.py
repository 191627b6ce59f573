"""China's working days: official holidays and make-up working days (调休).

A deadline such as 9月底前 falls on 2023-09-30, a Saturday inside the 2023
National Day holiday; the last working day before it is 2023-09-28. Make-up
days work the other way: 2023-10-07 and 2023-10-08 were a Saturday and a
Sunday on which offices worked.

The calendar comes from the maintained ``holidays`` package (its ``China``
calendar lists the State Council's holidays, the substituted days off and
the weekend working days); nothing here is typed by hand. The package is
imported on first use, not with :mod:`heze_plan`.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import holidays

__all__ = [
    "add_working_days",
    "holiday_name",
    "is_working_day",
    "last_working_day_on_or_before",
    "working_days_between",
]


#: The first calendar built for each year, whatever its language: the days are the same in every
#: language, so working-day questions reuse it instead of building another (only names differ).
_ANY_LANGUAGE: dict[int, holidays.HolidayBase] = {}


@functools.cache
def _calendar(year: int, language: str | None = None) -> holidays.HolidayBase:
    import holidays  # noqa: PLC0415 - the holiday data loads on first use, not with heze_plan

    calendar = holidays.country_holidays("CN", years=year, language=language)
    _ANY_LANGUAGE.setdefault(year, calendar)
    return calendar


def _days(year: int) -> holidays.HolidayBase:
    """A calendar of ``year`` for questions about days, not names: one already built, if any."""
    return _ANY_LANGUAGE.get(year) or _calendar(year)


def is_working_day(day: dt.date) -> bool:
    """Whether offices in China work on ``day``.

    >>> is_working_day(dt.date(2023, 9, 30)), is_working_day(dt.date(2023, 10, 7))
    (False, True)
    """
    return bool(_days(day.year).is_working_day(day))


def holiday_name(day: dt.date, *, language: str | None = None) -> str | None:
    """The name of the holiday on ``day``, ``"weekend"`` for an ordinary weekend, or None.

    ``language`` is one the ``holidays`` package has for China (``"zh_CN"``,
    ``"zh_TW"``, ``"en_US"``, ``"th"``); by default the names are English.

    >>> holiday_name(dt.date(2023, 10, 2)), holiday_name(dt.date(2023, 9, 30))
    ('National Day', 'weekend')
    >>> holiday_name(dt.date(2023, 10, 2), language="zh_CN")
    '国庆节'
    """
    calendar = _calendar(day.year, language)
    name = calendar.get(day)
    if name is not None:
        return str(name)
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
        calendar = _days(year)
        count -= sum(1 for day in calendar if start < day <= end and day.weekday() < 5)
        count += sum(1 for day in calendar.weekend_workdays if start < day <= end)
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
