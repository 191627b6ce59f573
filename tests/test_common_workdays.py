"""China's working days follow the State Council's 2023 holiday arrangements.

Facts from 国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号):
中秋节、国庆节 9月29日至10月6日放假调休，共8天；10月7日（星期六）、10月8日（星期日）上班。
劳动节 4月29日至5月3日放假调休，共5天；4月23日（星期日）、5月6日（星期六）上班。
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heze_plan.common.workdays import (
    add_working_days,
    holiday_name,
    is_working_day,
    last_working_day_on_or_before,
    working_days_between,
)

D = dt.date


class TestNationalDay2023:
    """The eight-day Mid-Autumn and National Day holiday and its two make-up days."""

    @pytest.mark.parametrize("day", [D(2023, 9, 29) + dt.timedelta(days=i) for i in range(8)])
    def test_holiday(self, day: dt.date) -> None:
        assert not is_working_day(day)

    @pytest.mark.parametrize("day", [D(2023, 10, 7), D(2023, 10, 8), D(2023, 4, 23), D(2023, 5, 6)])
    def test_make_up_working_days(self, day: dt.date) -> None:
        assert day.weekday() >= 5
        assert is_working_day(day)

    def test_end_of_september_deadline(self) -> None:
        # 9月底前 = 2023-09-30, a Saturday inside the holiday: the last working day is the 28th
        assert last_working_day_on_or_before(D(2023, 9, 30)) == D(2023, 9, 28)
        assert last_working_day_on_or_before(D(2023, 9, 28)) == D(2023, 9, 28)

    def test_counting_across_the_holiday(self) -> None:
        # after the 28th: 10-07, 10-08 and 10-09 are the next working days
        assert working_days_between(D(2023, 9, 28), D(2023, 10, 9)) == 3
        assert working_days_between(D(2023, 10, 9), D(2023, 9, 28)) == -3
        assert add_working_days(D(2023, 9, 28), 1) == D(2023, 10, 7)
        assert add_working_days(D(2023, 9, 28), 3) == D(2023, 10, 9)

    def test_names(self) -> None:
        assert holiday_name(D(2023, 10, 1)) == "National Day"
        assert holiday_name(D(2023, 10, 7)) is None
        assert holiday_name(D(2023, 11, 4)) == "weekend"

    def test_negative_days_refused(self) -> None:
        with pytest.raises(ValueError, match="days must be zero or more, got -1"):
            add_working_days(D(2023, 1, 1), -1)


def _count_day_by_day(start: dt.date, end: dt.date) -> int:
    days = (end - start).days
    return sum(is_working_day(start + dt.timedelta(days=i)) for i in range(1, days + 1))


class TestCountingProperties:
    """The arithmetic count agrees with counting day by day."""

    @given(st.dates(D(2021, 1, 1), D(2025, 12, 31)), st.integers(0, 800))
    def test_agrees_with_day_by_day(self, start: dt.date, span: int) -> None:
        end = start + dt.timedelta(days=span)
        assert working_days_between(start, end) == _count_day_by_day(start, end)

    def test_long_spans_are_cheap(self) -> None:
        # a century is counted with one holiday lookup per year, not per day
        assert working_days_between(D(1950, 1, 1), D(2049, 12, 31)) > 24_000
