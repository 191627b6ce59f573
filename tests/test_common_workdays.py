"""China's working days follow the State Council's 2023 holiday arrangements.

Facts from 国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号):
中秋节、国庆节 9月29日至10月6日放假调休，共8天；10月7日（星期六）、10月8日（星期日）上班。
劳动节 4月29日至5月3日放假调休，共5天；4月23日（星期日）、5月6日（星期六）上班。
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heze_plan import data
from heze_plan.common import workdays
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


@pytest.fixture
def from_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The working days read from a snapshot, as in an installed wheel, with the caches emptied around."""
    (tmp_path / data.WORKDAYS).write_text(workdays.snapshot_json(), encoding="utf-8")
    monkeypatch.setattr(data, "_HERE", str(tmp_path))
    for cached in (workdays._snapshot, workdays._year):
        cached.cache_clear()
    yield
    monkeypatch.undo()
    for cached in (workdays._snapshot, workdays._year):
        cached.cache_clear()


class TestSnapshot:
    """A wheel reads China's working days from its snapshot, and they are what the holidays package says."""

    def test_same_answers_as_the_package(self, from_snapshot: None) -> None:
        """Every day of every year of the snapshot: working or not, and the holiday's name in English and
        Chinese, as ``holidays.country_holidays("CN")`` answers (asked directly here, not through
        heze_plan).
        """
        import holidays

        years = sorted(workdays._snapshot())
        assert years[0] == 2000
        assert 2023 in years
        for year in years:
            english = holidays.country_holidays("CN", years=year)
            chinese = holidays.country_holidays("CN", years=year, language="zh_CN")
            day = D(year, 1, 1)
            while day.year == year:
                assert is_working_day(day) == english.is_working_day(day), day
                for calendar, language in ((english, None), (chinese, "zh_CN")):
                    name = calendar.get(day)
                    expected = (
                        str(name)
                        if name is not None
                        else (None if english.is_working_day(day) else "weekend")
                    )
                    assert holiday_name(day, language=language) == expected, (day, language)
                day += dt.timedelta(days=1)

    def test_read_without_the_package(self, from_snapshot: None) -> None:
        """国办发明电〔2022〕16号 from the snapshot alone: 10月7日（星期六）上班, 9月29日 中秋节 (its zh_CN
        name
        as holidays records it) and 3 working days from 9月28日 to 10月9日; no calendar of the package built.
        """
        workdays._calendar.cache_clear()
        assert is_working_day(D(2023, 10, 7))
        assert not is_working_day(D(2023, 9, 29))
        assert holiday_name(D(2023, 9, 29), language="zh_CN") == "中秋节"
        assert working_days_between(D(2023, 9, 28), D(2023, 10, 9)) == 3
        assert workdays._calendar.cache_info().currsize == 0

    def test_unannounced_years_ask_the_package(self, from_snapshot: None) -> None:
        """A year after the last announced one is not frozen in the snapshot: the package answers for it."""
        last = max(workdays._snapshot())
        assert last + 1 not in workdays._snapshot()
        assert is_working_day(D(last + 1, 3, 3)) == (D(last + 1, 3, 3).weekday() < 5)
