"""Small helpers every stage shares: dates, Chinese numerals, text tables, atomic files, working days.

None of them knows about plans; each is one concept (see the module docs).
"""

from __future__ import annotations

from heze_plan.common.dates import (
    as_date,
    iso_date,
    spreadsheet_date,
    user_date,
)
from heze_plan.common.files import (
    write_atomic,
    write_output,
)
from heze_plan.common.numerals import (
    area_label,
    from_chinese,
    to_chinese,
)
from heze_plan.common.tables import (
    FORMATS,
    LIST_SEPARATOR,
    Column,
    display_width,
    json_text,
    pad,
    render,
    terminal_width,
    text_table,
    truncate,
)
from heze_plan.common.workdays import (
    add_working_days,
    holiday_name,
    is_working_day,
    last_working_day_on_or_before,
    working_days_between,
)

__all__ = [
    "FORMATS",
    "LIST_SEPARATOR",
    "Column",
    "add_working_days",
    "area_label",
    "as_date",
    "display_width",
    "from_chinese",
    "holiday_name",
    "is_working_day",
    "iso_date",
    "json_text",
    "last_working_day_on_or_before",
    "pad",
    "render",
    "spreadsheet_date",
    "terminal_width",
    "text_table",
    "to_chinese",
    "truncate",
    "user_date",
    "working_days_between",
    "write_atomic",
    "write_output",
]
