"""Bad input gets one clear ParseError in a strict parse, and findings in a lenient one.

Each error says where (line and column of the text as given), what was
expected and what was found; the expected messages are written out in full
so that a change of wording is a deliberate one.
"""

from __future__ import annotations

import warnings

import pytest

import heze_plan
from heze_plan import ParseError, ParseWarning, parse, parse_with_report
from heze_plan.parsing.readings import as_embedded
from heze_plan.parsing.units import known_units

SOURCE = heze_plan.source_text()
LINES = SOURCE.split("\n")


def _error(text: str | bytes, **options: object) -> ParseError:
    with pytest.raises(ParseError) as raised:
        parse(text, **options)  # type: ignore[arg-type]
    return raised.value


def _line_of(text: str, start: str) -> int:
    """The line (from 1) of ``text`` that starts with ``start``, found independently of the parser."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if line.startswith(start))


class TestNotText:
    """Empty, binary and wrongly decoded input is refused before any parsing."""

    def test_empty(self) -> None:
        error = _error(" \n\n\t ")
        assert str(error) == "the text is empty: expected the text of a plan, found only blank space"
        assert (error.line, error.column) == (None, None)

    def test_nul_byte(self) -> None:
        error = _error("菏泽\n\n市人\x00民政府")
        assert str(error) == (
            "line 3: the input is binary, not text: expected text, "
            "found the control character U+0000 (column 3)"
        )
        assert (error.line, error.column, error.expected, error.found) == (
            3,
            3,
            "text",
            "the control character U+0000",
        )

    def test_binary_file(self) -> None:
        # bytes 0..255: 0x0a starts line 2 at byte 11, 0x80 is the first byte that is not UTF-8
        error = _error(bytes(range(256)))
        assert str(error) == (
            "line 2: the input is not UTF-8 text: expected UTF-8 text, found the byte 0x80 (column 118)"
        )

    def test_invalid_utf8(self) -> None:
        text = "一、重点任务\n（一）开办".encode() + b"\xff"
        error = _error(text)
        assert str(error) == (
            "line 2: the input is not UTF-8 text: expected UTF-8 text, found the byte 0xff (column 6)"
        )

    def test_replacement_characters(self) -> None:
        # what bytes.decode("utf-8", errors="replace") leaves of a GBK file
        text = "菏泽市人民政府文件\n\n菏政发\ufffd\ufffd2023\ufffd\ufffd11号\n"
        error = _error(text)
        assert str(error) == (
            "line 3: the text holds U+FFFD replacement characters: it was decoded from something that is "
            "not UTF-8: expected text decoded correctly, found 4 replacement characters (column 4)"
        )

    def test_not_a_string(self) -> None:
        with pytest.raises(TypeError, match="takes the plan's text as str or bytes, got int"):
            parse(12)  # type: ignore[arg-type]

    def test_bytes_of_the_plan_parse_like_the_text(self) -> None:
        embedded = as_embedded(parse(SOURCE.encode(), errata=heze_plan.load().errata, registry=known_units()))
        assert embedded == heze_plan.load()


class TestNotAPlan:
    """A text without a plan's structure says which part is missing."""

    def test_prose(self) -> None:
        error = _error("这是一段普通的文字。\n\n没有任何结构。")
        assert str(error) == (
            "line 1: no tasks: no numbered item (1. …, （一）…) in the text: expected numbered tasks with "
            "their owners, such as 1.…（牵头单位：…；责任单位：…）, found '这是一段普通的文字。' (column 1)"
        )

    def test_no_tasks_anywhere(self) -> None:
        text = "某某市人民政府文件\n\n某政发〔2023〕1号\n\n某某市行动方案\n\n一、工作目标\n\n做好工作。\n"
        error = _error(text)
        assert str(error) == (
            "line 7: no tasks: 1 numbered item, none with an owner clause: expected an owner clause such as "
            "（牵头单位：…；责任单位：…） or （…牵头） after a numbered item, "
            "found '一、工作目标做好工作。' (column 1)"
        )

    def test_task_without_owner(self) -> None:
        text = (
            "菏泽市人民政府文件\n\n菏政发〔2023〕11号\n\n菏泽市2023年某某行动实施方案\n\n"
            "一、重点任务\n\n（一）开办企业。\n\n1. 做一件事。\n"
        )
        error = _error(text)
        assert str(error) == (
            "line 11: no tasks: 3 numbered items, none with an owner clause: "
            "expected an owner clause such as "
            "（牵头单位：…；责任单位：…） or （…牵头） after a numbered item, found '1.做一件事。' (column 1)"
        )


class TestTruncated:
    """A text cut short stops with an error at the cut."""

    def test_cut_inside_a_task(self) -> None:
        cut = SOURCE.index("100. ") + 40
        error = _error(SOURCE[:cut])
        line = _line_of(SOURCE, "100. ")
        assert (error.line, error.column) == (line, 40)
        assert str(error) == (
            f"line {line}: the text stops in the middle of a sentence: is it truncated?: expected a "
            "paragraph that ends with 。 or ）, found '困难人员就业援助，滚动实施城乡公益性岗位' (column 40)"
        )

    def test_cut_after_the_tasks_heading(self) -> None:
        error = _error(SOURCE[: SOURCE.index("（一）开办企业")])
        assert str(error) == (
            f"line {_line_of(SOURCE, '三、重点任务')}: the section of tasks holds no task: expected numbered "
            "tasks (1. …) with owners, under a section such as 三、重点任务, found '三、重点任务' (column 1)"
        )

    def test_cut_after_an_area_heading(self) -> None:
        error = _error(SOURCE[: SOURCE.index("1. 全面实施")])
        assert str(error) == (
            f"line {_line_of(SOURCE, '（一）开办企业')}: area 1 has no tasks: expected numbered tasks (1. …) "
            "after the area heading, found the next heading or the end of the text (column 1)"
        )

    def test_cut_inside_the_front_matter(self) -> None:
        error = _error(SOURCE[: SOURCE.index("一、工作目标")])
        assert error.message == "no tasks: no numbered item (1. …, （一）…) in the text"


class TestOrder:
    """Tasks that go back or repeat are errors; a gap is left to heze_plan.check."""

    TASK_7 = next(line for line in LINES if line.startswith("7. "))
    TASK_8 = next(line for line in LINES if line.startswith("8. "))

    def test_repeated(self) -> None:
        text = SOURCE.replace(self.TASK_7, self.TASK_7 + "\n\n" + self.TASK_7)
        error = _error(text)
        second = _line_of(SOURCE, "7. ") + 2
        assert str(error) == (
            f"line {second}: task 7 is repeated: expected task 8 or later, found task 7 (column 1)"
        )

    def test_out_of_order(self) -> None:
        text = SOURCE.replace(self.TASK_7, "@").replace(self.TASK_8, self.TASK_7).replace("@", self.TASK_8)
        error = _error(text)
        assert str(error) == (
            f"line {_line_of(SOURCE, '8. ')}: task 7 is out of order: expected task 9 or later, found task 7 "
            "(column 1)"
        )

    def test_gap_is_for_check(self) -> None:
        plan = parse(
            SOURCE.replace(self.TASK_7 + "\n", ""), errata=heze_plan.load().errata, registry=known_units()
        )
        assert [t.number for t in plan.tasks][5:7] == [6, 8]
        assert any(f.rule == "task-numbering" for f in heze_plan.check(plan))

    def test_errors_after_an_erratum_point_at_the_text_as_given(self) -> None:
        # errata E2 and E4 join lines across page breaks; the line must still be the user's
        last = next(line for line in LINES if line.startswith("195. "))
        text = SOURCE.replace(last, last + "\n\n" + last)
        error = _error(text, errata=heze_plan.load().errata, registry=known_units())
        assert error.line == _line_of(SOURCE, "195. ") + 2


class TestLenient:
    """strict=False skips what it cannot read and says so, never silently."""

    def test_findings_in_the_report(self) -> None:
        cut = SOURCE.index("100. ") + 40
        report = parse_with_report(SOURCE[:cut], strict=False)
        assert [t.number for t in report.plan.tasks] == list(range(1, 100))
        line = _line_of(SOURCE, "100. ")
        assert [(f.line, f.action, f.message) for f in report.findings] == [
            (line, "kept", "the text stops in the middle of a sentence: is it truncated?"),
            (line, "skipped", "task 100 has no owner clause at its end"),
            (_line_of(SOURCE, "（十二）"), "kept", "area 12 has no tasks"),
        ]

    def test_warnings_from_parse(self) -> None:
        text = SOURCE.replace(TestOrder.TASK_7, TestOrder.TASK_7 + "\n\n" + TestOrder.TASK_7)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            plan = parse(text, strict=False, errata=heze_plan.load().errata, registry=known_units())
        assert as_embedded(plan).tasks == heze_plan.load().tasks
        assert [w.category for w in caught] == [ParseWarning]
        assert "task 7 is repeated" in str(caught[0].message)
        assert str(caught[0].message).endswith("[skipped]")

    def test_replacement_characters_are_kept_with_a_finding(self) -> None:
        text = SOURCE.replace("加强人才引育创新", "加强人才引育\ufffd新")
        report = parse_with_report(text, strict=False, errata=heze_plan.load().errata, registry=known_units())
        assert report.plan.task(170).title == "加强人才引育\ufffd新"
        assert [f.action for f in report.findings] == ["kept"]

    def test_binary_input_is_refused_even_when_lenient(self) -> None:
        with pytest.raises(ParseError, match="binary"):
            parse("一、重点任务\x00", strict=False)

    def test_a_clean_text_has_no_findings(self) -> None:
        report = parse_with_report(
            SOURCE, strict=False, errata=heze_plan.load().errata, registry=known_units()
        )
        assert report.findings == ()
        assert as_embedded(report.plan) == heze_plan.load()


class TestErrorObject:
    """ParseError keeps its parts as attributes and survives pickling (multiprocessing)."""

    def test_attributes_and_pickle(self) -> None:
        import pickle

        error = ParseError("task 3 is out of order", 12, 1, expected="task 2", found="task 3")
        again = pickle.loads(pickle.dumps(error))
        assert (again.message, again.line, again.column, again.expected, again.found) == (
            "task 3 is out of order",
            12,
            1,
            "task 2",
            "task 3",
        )
        assert str(again) == str(error)
        assert isinstance(error, ValueError)


class TestDistributionLineMoved:
    """A 印发 line before the first section does not end the body before it starts."""

    def test_printed_line_first(self) -> None:
        # the fuzz case: the last line (2023年7月29日印发) swapped with the first (blank)
        lines = SOURCE.split("\n")
        printed = lines.index("2023年7月29日印发")
        lines[0], lines[printed] = lines[printed], lines[0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            plan = parse("\n".join(lines), strict=False, errata=heze_plan.load().errata)
        assert len(plan.tasks) == 195
