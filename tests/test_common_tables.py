"""Tables, CSV and JSON rendering that line up with Chinese text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import given

from heze_plan.common.tables import display_width, json_text, pad, render, text_table
from heze_plan.model.plan import TargetKind
from tests.strategies import tables


class TestDisplayWidth:
    """Wide and full-width characters take two columns, combining marks none."""

    @pytest.mark.parametrize(
        ("text", "width"),
        [
            ("", 0),
            ("abc", 3),
            ("菏泽海关", 8),
            ("各县区政府、管委会", 18),  # 、 is wide punctuation
            ("（一）", 6),
            ("ＲＣＥＰ", 8),  # full-width Latin
            ("e\u0301", 1),  # e + combining acute
            ("2.7万人", 7),
        ],
    )
    def test_widths(self, text: str, width: int) -> None:
        assert display_width(text) == width

    def test_pad_never_cuts(self) -> None:
        assert pad("市行政审批服务局", 4) == "市行政审批服务局"
        assert pad("海关", 5) == "海关 "


class TestTextTable:
    """Every column starts at the same display column on every line."""

    def test_chinese_columns_line_up(self) -> None:
        records = [{"n": 53, "unit": "菏泽海关", "x": "a"}, {"n": 8, "unit": "市行政审批服务局", "x": "b"}]
        lines = text_table(records, [("n", "no."), ("unit", "unit"), ("x", "x")]).split("\n")
        # The third column starts after the widest unit (16 columns) and two spaces, on every line.
        starts = [
            display_width(line[: line.rindex(cell)])
            for line, cell in zip([lines[0], *lines[2:]], "xab", strict=True)
        ]
        assert starts == [23, 23, 23]
        assert lines[1] == "---  ----------------  -"

    @given(tables)
    def test_alignment_property(self, rows: list[list[str]]) -> None:
        width = len(rows[0]) if rows else 1
        columns = [(str(i), f"h{i}") for i in range(width)]
        records = [{str(i): cell for i, cell in enumerate(row)} for row in rows]
        lines = text_table(records, columns).split("\n")
        assert len(lines) == len(rows) + 2
        # The rule line gives each column's width; every cell must fit before the next column starts.
        rule = lines[1].split("  ")
        widths = [len(dashes) for dashes in rule]
        for line, row in zip(lines[2:], rows, strict=True):
            offset = 0
            for i, cell in enumerate(row):
                segment = _take_columns(line, offset, widths[i])
                assert segment.rstrip() == cell.rstrip()
                offset += widths[i] + 2

    def test_lists_are_joined(self) -> None:
        table = text_table([{"lead": ["市商务局", "菏泽海关"]}], [("lead", "lead")])
        assert table.splitlines()[2] == "市商务局；菏泽海关"

    def test_values_are_shown_plainly(self) -> None:
        record = {
            "d": dt.date(2023, 9, 30),
            "k": TargetKind.QUANTITY,
            "v": 27000.0,
            "none": None,
            "flag": True,
        }
        line = text_table([record], [(k, k) for k in record]).splitlines()[2]
        assert line.split() == ["2023-09-30", "quantity", "27000", "yes"]

    def test_no_records_gives_the_heading(self) -> None:
        assert text_table([], [("n", "no.")]).splitlines() == ["no.", "---"]


def _take_columns(line: str, start: int, width: int) -> str:
    """The part of ``line`` from display column ``start`` spanning ``width`` columns."""
    out, column = [], 0
    for char in line:
        if column >= start + width:
            break
        if column >= start:
            out.append(char)
        column += display_width(char)
    return "".join(out)


RECORDS: tuple[dict[str, object], ...] = (
    {
        "number": 4,
        "title": "推进涉企证照“一照关联”“一码通行”",
        "lead": ["市行政审批服务局"],
        "due": [dt.date(2023, 11, 30)],
    },
    {"number": 53, "title": "提升通关便利化水平", "lead": ["菏泽海关", "市商务局"], "due": "ongoing"},
)
COLUMNS = (("number", "no."), ("title", "title"), ("lead", "lead"))


class TestRender:
    """render gives CSV and JSON that other programs read back unchanged."""

    def test_csv_round_trip(self) -> None:
        rows = list(csv.reader(io.StringIO(render(RECORDS, COLUMNS, "csv"))))
        assert rows == [
            ["number", "title", "lead"],
            ["4", "推进涉企证照“一照关联”“一码通行”", "市行政审批服务局"],
            ["53", "提升通关便利化水平", "菏泽海关；市商务局"],
        ]

    def test_csv_quotes_commas(self) -> None:
        rows = list(csv.reader(io.StringIO(render([{"t": "a, b"}], [("t", "t")], "csv"))))
        assert rows[1] == ["a, b"]

    def test_json_keeps_every_key_and_structure(self) -> None:
        data = json.loads(render(RECORDS, COLUMNS, "json"))
        assert data[0]["due"] == ["2023-11-30"]
        assert data[1]["lead"] == ["菏泽海关", "市商务局"]
        assert "菏泽海关" in render(RECORDS, COLUMNS, "json")  # not \\u escapes

    def test_json_text(self) -> None:
        assert json.loads(json_text({"k": TargetKind.RELATIVE})) == {"k": "relative"}

    def test_unknown_format(self) -> None:
        with pytest.raises(ValueError, match="table, json, csv"):
            render(RECORDS, COLUMNS, "xml")
