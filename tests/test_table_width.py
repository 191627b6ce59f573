"""Tables fit the terminal: ``$COLUMNS`` (or the terminal's width) cuts the widest cells with …."""

from __future__ import annotations

import pytest

from heze_plan.cli import main
from heze_plan.common.tables import display_width, text_table, truncate


class TestTruncate:
    """Cutting counts display columns: a Chinese character is two."""

    @pytest.mark.parametrize(
        ("text", "width", "cut"),
        [
            ("市行政审批服务局", 16, "市行政审批服务局"),
            ("市行政审批服务局", 15, "市行政审批服务…"),
            ("市行政审批服务局", 10, "市行政审…"),  # 8 columns of text and … (a 9th would split a character)
            ("abcdef", 4, "abc…"),
        ],
    )
    def test_cut(self, text: str, width: int, cut: str) -> None:
        assert truncate(text, width) == cut
        assert display_width(truncate(text, width)) <= width

    def test_table_never_cuts_below_heading(self) -> None:
        """A table narrower than its headings stays as wide as they need: no heading is cut."""
        table = text_table([{"a": "x" * 30, "b": "y" * 30}], [("a", "alpha"), ("b", "beta")], width=5)
        assert table.splitlines()[0] == "alpha     beta"


class TestCommands:
    """``tasks`` and ``units`` in a narrow terminal."""

    @pytest.mark.parametrize("columns", [60, 80, 120])
    def test_tasks_fit(
        self, columns: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every line fits $COLUMNS; cut cells end in …; the first and last task are still there."""
        monkeypatch.setenv("COLUMNS", str(columns))
        assert main(["tasks"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert max(display_width(line) for line in lines) <= columns
        assert any(line.endswith("…") or "… " in line for line in lines)
        assert len(lines) == 2 + 195
        assert lines[2].startswith("1 ")
        assert lines[-1].startswith("195 ")

    def test_without_columns_cells_are_whole(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Into a file or pipe with no $COLUMNS, nothing is cut (the widest line is over 120 columns)."""
        monkeypatch.delenv("COLUMNS", raising=False)
        assert main(["tasks"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert max(display_width(line) for line in lines) > 120
        assert not any("…" in line for line in lines)

    def test_csv_and_json_never_cut(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """$COLUMNS applies to tables only: CSV keeps every character."""
        monkeypatch.setenv("COLUMNS", "40")
        assert main(["tasks", "--format", "csv"]) == 0
        assert "…" not in capsys.readouterr().out
