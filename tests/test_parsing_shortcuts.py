"""The parser's fast paths find what the patterns they stand for find.

To parse at a few tens of microseconds per task, the parser does not run
some of its regular expressions over every position of a text: it runs
them only where a match can be (near 月底, at a space, at a bracket, at a
figure before its counter), after a substring test, or it trims with a loop.
Each shortcut is stated against the plain pattern it replaces, which stays
in the module as the rule; the pieces the strings are built from are the
characters each rule turns on, including the awkward ones (U+3000 is both
a space and a CJK character; ``\\d`` also matches full-width digits;
``$`` also matches before a final line break).
"""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from heze_plan.parsing import _generic, _layout, deadlines, parser, targets
from tests.strategies import joined

SPACES = (" ", "\t", "\u3000", "\xa0", "\n")


class TestLayoutSpaces:
    """Spaces next to Chinese characters are dropped as _SPACE_NEAR_CJK says."""

    @given(joined((*SPACES, "a", "1", "２", "月", "，", "“", "—", "、", "（")))
    @example("a\u3000 b")
    @example("月 \u3000 1")
    def test_normalize_spaces(self, text: str) -> None:
        assert _layout.normalize_spaces(text) == _layout._SPACE_NEAR_CJK.sub("", text).strip()

    @given(
        joined(
            (
                *SPACES,
                *("扫一扫在手机打开当前页", "【", "】", "[", "]", "（", "）", "(", ")", "字体", "："),
                *("大", "中", "小", "打印", "关闭", "收藏", "分享", "分享到", "a", "附件.pdf", ".DOC", "x."),
            )
        )
    )
    @example("【字体：大 中 小】 打印")
    @example("\u3000分享到：")
    def test_frame_lines(self, text: str) -> None:
        """A stripped line is a web page's frame only if it opens with one of the characters
        paragraphs() tests first, and names an attached file only if it holds a dot."""
        line = text.strip()
        if line and _layout.WEB_PAGE_MARK.match(line):
            assert line[0] in _layout._WEB_PAGE_MARK_OPENINGS
        if _layout.ATTACHED_FILE.search(line):
            assert "." in line


@given(joined(("年", "2023", "建成", "完成", "实现", "投用", "投运", "竣工", "建", "a")))
def test_done_words(text: str) -> None:
    """One search for a year's verb of completion finds one where testing each word would."""
    found = deadlines._DONE_WORD.search(text) is not None
    assert found == any(word in text for word in deadlines._DONE_WORDS)


@given(st.integers(1, 9999), st.integers(1, 12))
def test_end_of_month(year: int, month: int) -> None:
    """The remembered last day of a month is the calendar's."""
    day = dt.date(year, month, calendar.monthrange(year, month)[1])
    assert deadlines.end_of_month(year, month) == day
    assert deadlines.end_of_month.__wrapped__(year, month) == day


#: The pieces year phrases are made of, and those of their look-alikes (三年内, 全年龄, 今年以来).
YEAR_PIECES = (
    *("1", "9", "2023", "２", "年", "底", "末", "内", "前", "全", "今", "完成", "龄", "三半", "度", "本"),
    *(" ", "\u3000"),
)


@given(joined((*YEAR_PIECES, "上", "半", "季度", "第", "一", "三", "月", "建成", "今年")))
@example("2023年上半年")
@example("2024年一季度末前")
def test_deadline_words(text: str) -> None:
    """find_deadlines looks for year phrases, 上半年 and completions only in a text with 年, and for
    quarters' ends only in one with 季度: every match of their patterns holds it."""
    for pattern in (deadlines._YEAR_PHRASE, deadlines._HALF_YEAR, deadlines._YEAR_DONE):
        assert all("年" in match.group(0) for match in pattern.finditer(text))
    assert all("季度" in match.group(0) for match in deadlines._QUARTER_END.finditer(text))


class TestDeadlineShortcuts:
    """Month phrases, spaced numbers and trimmed deliverables, as their patterns find them."""

    @given(
        joined(
            ("1", "2", "0", "9", "12", "2023", "２", "年", "月", "底", "末", "前", " ", "\u3000", "a", "，")
        )
    )
    @example("2023 年 12 月 底前")
    @example("0000年9月底")
    def test_month_phrases(self, text: str) -> None:
        near = deadlines._phrases_near(deadlines._MONTH_WORD, deadlines._MONTH_PHRASE, text)
        found = [(m.span(), m.groupdict()) for m in near]
        assert found == [(m.span(), m.groupdict()) for m in deadlines._MONTH_PHRASE.finditer(text)]

    @given(joined(YEAR_PIECES))
    @example("2023 年 年底前")
    @example("三年内全年龄2024年全年")
    @example("今年完成今年底前")
    @example("本年度内2024年内3年度内")
    def test_year_phrases(self, text: str) -> None:
        near = deadlines._phrases_near(deadlines._YEAR_WORD, deadlines._YEAR_PHRASE, text)
        found = [(m.span(), m.groupdict()) for m in near]
        assert found == [(m.span(), m.groupdict()) for m in deadlines._YEAR_PHRASE.finditer(text)]

    @given(joined(("，", ",", "：", ":", "、", *SPACES, "a", "月", "\u2028")))
    @example("，建立台账，\n")
    def test_trimmed(self, text: str) -> None:
        expected = deadlines._TRAILING_PUNCT.sub("", deadlines._LEADING_PUNCT.sub("", text))
        assert deadlines._trimmed(text) == expected

    @given(st.integers(1, 9999), st.integers(1, 12))
    def test_end_of_month(self, year: int, month: int) -> None:
        """The last day of the month as the standard library's calendar gives it (leap years too)."""
        assert deadlines.end_of_month(year, month) == dt.date(
            year, month, calendar.monthrange(year, month)[1]
        )

    @given(joined(("年", "月", "日", " ", "\t", "\u3000", "1", "２", "a", "\n")))
    @example("2023 年")
    @example("月\u3000２")
    def test_spaced_number(self, text: str) -> None:
        assert parser._has_spaced_number(text) == bool(parser._SPACED_NUMBER.search(text))


class TestTargetShortcuts:
    """Quantities and clause bounds, as their patterns and rules find them."""

    @given(
        joined(
            (
                "确保",
                "促进",
                "推动",
                "实现",
                "动态",
                "清零",
                "稳中有",
                "升",
                "降",
                "企业成本",
                "，",
                "、",
                "a",
            )
        )
    )
    @example("确保" + "企" * 24 + "稳中有降")
    @example("推动" + "户" * 10 + "动态清零")
    def test_cleared_and_trend(self, text: str) -> None:
        """_CLEARED and _TREND, run from their reach before their word, find what they find from the start."""
        for pattern, word, reach in (
            (targets._CLEARED, "清零", targets._CLEARED_REACH),
            (targets._TREND, "稳中有", targets._TREND_REACH),
        ):
            near = pattern.finditer(text, targets._from_word(text, word, reach)) if word in text else ()
            found = [(m.span(), m.groupdict()) for m in near]
            assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    def test_scope_words(self) -> None:
        """_scope looks for its words only in a text holding 每 or 各县区: every word holds one."""
        assert all("每" in word or "各县区" in word for words, _ in targets._SCOPES for word in words)

    @given(
        joined(
            (
                "不少于",
                "超过",
                "至少",
                "达到",
                "高于",
                "1",
                "2",
                ".",
                "5",
                "—",
                "-",
                "至",
                "~",
                " ",
                "\u3000",
                "万",
                "亿",
                "个",
                "人",
                "%",
                "％",
                "工作日",
                "月",
                "小时",
                "以上",
                "左右",
                "三",
                "两",
                "十",
                "a",
                "，",
                "平方米",
                "２",
            )
        )
    )
    @example("不少于 3 个")
    @example("2.7万人以上")
    @example("5—3人")
    def test_quantities(self, text: str) -> None:
        found = [(m.span(), m.groupdict()) for m in targets._quantities(text)]
        assert found == [(m.span(), m.groupdict()) for m in targets._QUANTITY.finditer(text)]

    @given(joined(("。", "；", ";", "，", ",", "a", "b")), st.data())
    def test_clause_bounds(self, text: str, data: st.DataObject) -> None:
        """From after the last break before the figure to the first break after it."""
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        left = max(text.rfind(c, 0, start) for c in "。；;，,") + 1
        rights = [i for i in (text.find(c, end) for c in "。；;，,") if i != -1]
        assert targets._clause_bounds(text, start, end) == (left, min(rights, default=len(text)))


class TestGenericShortcuts:
    """The tolerant reading's markers, spaces, glosses, role words and glued names."""

    @given(
        joined(
            (
                "一",
                "二",
                "十",
                "百",
                "零",
                "〇",
                "两",
                "、",
                "第",
                "章",
                "部分",
                "条",
                "（",
                "）",
                "1",
                "2",
                "12",
                ".",
                "．",
                "%",
                " ",
                "a",
                "3.5",
                "\t",
                "２",
            )
        )
    )
    @example("（一）1.2、三、")
    def test_markers(self, text: str) -> None:
        found = [(m.span(), m.groupdict()) for m in _generic._markers(text)]
        assert found == [(m.span(), m.groupdict()) for m in _generic._MARKER.finditer(text)]

    @given(joined((" ", "\u3000", "\xa0", "a", "1", "月", "，", "“", "%", "（")))
    def test_lone_spaces(self, text: str) -> None:
        assert _generic._drop_lone_spaces(text) == _generic._LONE_SPACE.sub("", text)

    @given(joined(("發", "(", "（", ")", "）", "fā", "yōu", "a", "ü", "ǚ", "化", "123456789")))
    @example("優(yōu)化")
    def test_glosses(self, text: str) -> None:
        assert _generic.strip_glosses(text) == _generic._PINYIN.subn("", text)

    @given(joined(("负责", "配合", "参与", "落实", "共同推进", "按职责", "分别", "\n", "市", "局", "负")))
    @example("市商务局负责\n")
    def test_role_words(self, text: str) -> None:
        assert _generic._without_role(text) == _generic._ROLE_SUFFIX.sub("", text)

    @given(joined(("局", "委", "办", "厅", "院", "署", "省", "市", "区", "级", "直", "司法", "中心", "X")))
    @example("市行政审批局市司法局")
    def test_glued_names(self, text: str) -> None:
        if len(text) < 8 or "（" in text:
            expected = [text]
        else:
            parts = [part for part in _generic._GLUED.split(text) if part]
            expected = parts if all(len(part) >= 3 for part in parts) else [text]
        assert _generic._unglue(text) == expected

    @given(
        joined(
            (
                *("除", "特别", "另行", "另有", "注明", "说明", "标注", "明确", "的", "以", "外", ",", "，"),
                *("各县(市、区)政府", "和", "都是", "均为", "配合单位", "?", " ", "\u3000", "\n", "消除"),
            )
        )
    )
    @example("除特别注明的外,各县(市、区)政府和金华开发区管委会都是配合单位")
    @example("除 ?特别注明外，各县政府均为配合单位")
    def test_every_task_shared(self, text: str) -> None:
        assert _generic.every_task_shared(text) == _generic._every_task_shared(_generic.normalize(text))
