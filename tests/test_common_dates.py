"""Tests for heze_plan.common.dates: one rule for dates typed on the command line; the ledger's looser one."""

from __future__ import annotations

import datetime as dt

import pytest

from heze_plan.common.dates import iso_date, spreadsheet_date

SEPTEMBER_30 = dt.date(2023, 9, 30)  # 9月底前, the plan's most common deadline


class TestIsoDate:
    """ISO 8601 only: what the command line and the export format accept."""

    @pytest.mark.parametrize("text", ["2023-09-30", "20230930", "2023-W39-6"])
    def test_iso_forms(self, text: str) -> None:
        assert iso_date(text) == SEPTEMBER_30

    @pytest.mark.parametrize(
        "text", ["2023/9/30", "2023.09.30", " 2023-09-30", "2023-09-30 ", "30/09/2023", ""]
    )
    def test_other_forms_are_refused(self, text: str) -> None:
        with pytest.raises(ValueError, match=r"is not a date: write YYYY-MM-DD$") as caught:
            iso_date(text)
        assert repr(text) in str(caught.value)

    def test_a_day_that_does_not_exist(self) -> None:
        with pytest.raises(ValueError, match=r"^'2023-02-30' is not a date: write YYYY-MM-DD$"):
            iso_date("2023-02-30")


class TestSpreadsheetDate:
    """The ledger also takes what Excel and WPS write: slashes, dots, one-digit months and days."""

    @pytest.mark.parametrize(
        "text", ["2023-09-30", "2023/9/30", "2023.9.30", "2023/09/30", " 2023-9-30 ", "２０２３/９/３０"]
    )
    def test_forms(self, text: str) -> None:
        assert spreadsheet_date(text) == SEPTEMBER_30

    @pytest.mark.parametrize(
        "text", ["20230930", "2023-W39-6", "30/09/2023", "2023年9月30日", "2023 9 30", ""]
    )
    def test_not_a_date(self, text: str) -> None:
        with pytest.raises(ValueError, match=r"is not a date: write YYYY-MM-DD, e\.g\. 2023-09-30$"):
            spreadsheet_date(text)

    @pytest.mark.parametrize("text", ["2023-02-30", "2023/9/31", "2023.13.1", "2023-0-10", "0000-01-01"])
    def test_not_in_the_calendar(self, text: str) -> None:
        with pytest.raises(ValueError, match=r"is not a date of the calendar$") as caught:
            spreadsheet_date(text)
        assert str(caught.value).startswith(repr(text))
