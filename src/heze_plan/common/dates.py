"""Dates that people write: one rule for command-line options, ledgers and the Python API.

Departments fill ledgers in Excel or WPS, which write ``2023/9/30``, and some
people type ``2023.9.30``; the same person then types the same date after
``--due-before``. So options, ledgers and the query API all read dates by
:func:`user_date`: year, month and day apart by ``-``, ``/`` or ``.``
(:func:`spreadsheet_date`), or any ISO 8601 form (:func:`iso_date`). Export
files are written in ISO 8601 only. Each caller words its own error message
(the option's name, the ledger column), so only the rule lives here.

Nothing here imports more than the standard library: the command line
uses it while building its parser.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["as_date", "iso_date", "spreadsheet_date", "user_date"]

_SPREADSHEET = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def iso_date(text: str) -> dt.date:
    """The date ``text`` writes in ISO 8601, as :meth:`datetime.date.fromisoformat` reads it.

    ``2023-09-30`` is the form to write; the other ISO forms that method
    reads (``20230930``, ``2023-W39-6``) are accepted too.

        Anything else, surrounding spaces included, is a :class:`ValueError`
        that quotes the text and names the form to write:

        >>> iso_date("2023-09-30")
        datetime.date(2023, 9, 30)
        >>> iso_date("2023/9/30")
        Traceback (most recent call last):
        ValueError: '2023/9/30' is not a date: write YYYY-MM-DD
    """
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"{text!r} is not a date: write YYYY-MM-DD"
        raise ValueError(msg) from None


def spreadsheet_date(text: str) -> dt.date:
    """A date as a spreadsheet or a person writes it: year, month, day, apart by ``-``, ``/`` or ``.``.

    Month and day may have one digit; surrounding spaces are ignored. The
    figures are then read as an ISO date (:func:`iso_date`), so a day that
    does not exist is told apart from text that is not a date at all:

    >>> spreadsheet_date("2023/9/3"), spreadsheet_date(" 2023.09.30 ")
    (datetime.date(2023, 9, 3), datetime.date(2023, 9, 30))
    >>> spreadsheet_date("2023-02-30")
    Traceback (most recent call last):
    ValueError: '2023-02-30' is not a date of the calendar
    >>> spreadsheet_date("30/09/2023")
    Traceback (most recent call last):
    ValueError: '30/09/2023' is not a date: write YYYY-MM-DD, e.g. 2023-09-30
    """
    match = _SPREADSHEET.fullmatch(text.strip())
    if not match:
        msg = f"{text!r} is not a date: write YYYY-MM-DD, e.g. 2023-09-30"
        raise ValueError(msg)
    year, month, day = (int(figure) for figure in match.groups())  # int() reads full-width digits too
    try:
        return iso_date(f"{year:04d}-{month:02d}-{day:02d}")
    except ValueError:
        msg = f"{text!r} is not a date of the calendar"
        raise ValueError(msg) from None


def user_date(text: str) -> dt.date:
    """A date as a person types it anywhere: :func:`spreadsheet_date`'s forms, else any ISO 8601 form.

    >>> user_date("2023/9/30"), user_date("2023-09-30"), user_date(" 20230930 ")
    (datetime.date(2023, 9, 30), datetime.date(2023, 9, 30), datetime.date(2023, 9, 30))
    >>> user_date("9/30")
    Traceback (most recent call last):
    ValueError: '9/30' is not a date: write YYYY-MM-DD, e.g. 2023-09-30
    """
    if _SPREADSHEET.fullmatch(text.strip()):
        return spreadsheet_date(text)
    try:
        return iso_date(text.strip())
    except ValueError:
        msg = f"{text!r} is not a date: write YYYY-MM-DD, e.g. 2023-09-30"
        raise ValueError(msg) from None


def as_date(value: object, name: str) -> dt.date:
    """A date argument of the Python API, given as a ``date`` or as text a person writes (:func:`user_date`).

    ``name`` is the argument's name, for the message. A date-time, a number or
    anything else that is neither a date nor text is a :class:`TypeError`
    (comparing it with the plan's dates would fail later, far from the call);
    text that is not a date is a :class:`ValueError` quoting it:

    >>> as_date("2023-10-15", "as_of"), as_date(dt.date(2023, 10, 15), "as_of")
    (datetime.date(2023, 10, 15), datetime.date(2023, 10, 15))
    >>> as_date("2023-10-32", "as_of")
    Traceback (most recent call last):
    ValueError: as_of: '2023-10-32' is not a date of the calendar
    >>> as_date(20231015, "as_of")
    Traceback (most recent call last):
    TypeError: as_of must be a date or text such as '2023-09-30', got 20231015
    """
    if isinstance(value, dt.datetime):
        msg = f"{name} must be a date, not a date-time: got {value!r}"
        raise TypeError(msg)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return user_date(value)
        except ValueError as error:
            msg = f"{name}: {error}"
            raise ValueError(msg) from None
    msg = f"{name} must be a date or text such as '2023-09-30', got {value!r}"
    raise TypeError(msg)
