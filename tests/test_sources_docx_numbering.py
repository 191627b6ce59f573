"""Word's automatic numbering drawn as Word draws it, rule by rule of ECMA-376 Part 1 §17.9.

Each test builds the numbering and styles parts of a small document as XML
and the paragraphs that use them, and checks the labels against what the
standard says a consumer shows (quoted in each docstring). The whole plan,
numbered by lists in a real .docx and checked against LibreOffice's own
rendering, is in ``tests/test_sources.py`` (``TestWordNumbering``).
"""

from __future__ import annotations

import pytest

from heze_plan.sources._docx_numbering import Numbering, format_number

etree = pytest.importorskip("lxml.etree", reason="lxml (the docx and html extras) parses the XML")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _level(ilvl: int, fmt: str, text: str, *, extra: str = "", suffix: str = "nothing") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/></w:lvl>'
    )


def _numbering(abstracts: dict[str, str], instances: str) -> object:
    body = "".join(
        f'<w:abstractNum w:abstractNumId="{key}">{levels}</w:abstractNum>'
        for key, levels in abstracts.items()
    )
    return etree.fromstring(f'<w:numbering xmlns:w="{W}">{body}{instances}</w:numbering>')


def _styles(styles: str = "") -> object:
    return etree.fromstring(f'<w:styles xmlns:w="{W}">{styles}</w:styles>')


def _paragraph(num_id: str | None = None, ilvl: int | None = None, style: str | None = None) -> object:
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        properties += f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>'
    return etree.fromstring(f'<w:p xmlns:w="{W}"><w:pPr>{properties}</w:pPr></w:p>')


#: One instance of the definition "0".
ONE = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
#: Chapters 一、, areas （一）, tasks 1. in one three-level definition.
OUTLINE = {
    "0": _level(0, "chineseCounting", "%1、")
    + _level(1, "chineseCounting", "（%2）")
    + _level(2, "decimal", "%3.")
}


class TestLevels:
    """Counters go up, and a lower level restarts when a higher one is used."""

    def test_outline(self) -> None:
        """§17.9.10 lvlRestart: "If this element is omitted, the numbering level shall restart each
        time the previous numbering level or any higher level is used.\""""
        numbering = Numbering(_numbering(OUTLINE, ONE), None)
        sequence = [0, 1, 2, 2, 1, 2, 0, 1, 2]
        labels = [numbering.label(_paragraph("1", level)) for level in sequence]
        assert labels == ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "（一）", "1."]

    def test_never_restart(self) -> None:
        """§17.9.10: "A value of 0 shall indicate that this level shall never restart." """
        tasks = _level(2, "decimal", "%3.", extra='<w:lvlRestart w:val="0"/>')
        abstract = {"0": OUTLINE["0"].replace(_level(2, "decimal", "%3."), tasks)}
        numbering = Numbering(_numbering(abstract, ONE), None)
        labels = [numbering.label(_paragraph("1", level)) for level in (0, 1, 2, 2, 1, 2, 0, 1, 2)]
        assert labels == ["一、", "（一）", "1.", "2.", "（二）", "3.", "二、", "（一）", "4."]

    def test_restart_after_a_named_level(self) -> None:
        """§17.9.10: the value is "a one-based index" of the level after whose use this one restarts:
        with 1, the task level restarts under each chapter but not under each area."""
        tasks = _level(2, "decimal", "%3.", extra='<w:lvlRestart w:val="1"/>')
        abstract = {"0": OUTLINE["0"].replace(_level(2, "decimal", "%3."), tasks)}
        numbering = Numbering(_numbering(abstract, ONE), None)
        labels = [numbering.label(_paragraph("1", level)) for level in (0, 1, 2, 1, 2, 0, 1, 2)]
        assert labels == ["一、", "（一）", "1.", "（二）", "2.", "二、", "（一）", "1."]

    def test_legal_numbering(self) -> None:
        """§17.9.4 isLgl: the level's text shows every level's number "as Arabic numerals"."""
        levels = _level(0, "chineseCounting", "%1、") + _level(1, "decimal", "%1.%2", extra="<w:isLgl/>")
        numbering = Numbering(_numbering({"0": levels}, ONE), None)
        labels = [numbering.label(_paragraph("1", level)) for level in (0, 1, 1, 0, 1)]
        assert labels == ["一、", "1.1", "1.2", "二、", "2.1"]

    def test_suffix(self) -> None:
        """§17.9.28 suff: a tab (the default), a space or nothing after the label; a tab reads as a space."""
        levels = _level(0, "decimal", "%1.", suffix="tab") + _level(1, "decimal", "（%2）", suffix="space")
        numbering = Numbering(_numbering({"0": levels}, ONE), None)
        assert [numbering.label(_paragraph("1", level)) for level in (0, 1)] == ["1. ", "（1） "]


class TestInstances:
    """Numbering instances (w:num) share their definition's counters unless an override restarts them."""

    TWO = (
        ONE + '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )

    def test_shared_counters_and_start_override(self) -> None:
        """§17.9.27 startOverride: the level "shall restart" at the given value for this instance;
        instances without one continue the list."""
        numbering = Numbering(_numbering(OUTLINE, self.TWO), None)
        labels = [numbering.label(_paragraph(num, 2)) for num in ("1", "1", "2", "3", "3", "1")]
        assert labels == ["1.", "2.", "3.", "1.", "2.", "3."]

    def test_level_override(self) -> None:
        """§17.9.9 lvlOverride with a w:lvl: the instance draws that level its own way."""
        instances = (
            '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2">'
            + _level(2, "decimalEnclosedCircleChinese", "%3")
            + "</w:lvlOverride></w:num>"
        )
        numbering = Numbering(_numbering(OUTLINE, instances), None)
        assert [numbering.label(_paragraph("4", 2)) for _ in range(3)] == ["①", "②", "③"]

    def test_unknown_instance_and_zero(self) -> None:
        """§17.9.19 numId: 0 is "the removal of numbering properties"; an unknown id draws nothing."""
        numbering = Numbering(_numbering(OUTLINE, ONE), None)
        assert numbering.label(_paragraph("0", 0)) == ""
        assert numbering.label(_paragraph("9", 0)) == ""
        assert numbering.label(_paragraph()) == ""

    def test_bullets_carry_no_number(self) -> None:
        levels = '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
        numbering = Numbering(_numbering({"0": levels}, ONE), None)
        assert numbering.label(_paragraph("1", 0)) == ""


class TestStyles:
    """A paragraph style can carry the numbering, and styles inherit it through w:basedOn (§17.7.4.3)."""

    STYLES = (
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
        "</w:pPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="Chapter"><w:basedOn w:val="Heading1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="AreaList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
        "</w:pPr></w:style>"
        '<w:style w:type="numbering" w:styleId="PlanOutline"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
        "</w:pPr></w:style>"
    )

    def test_style_and_based_on(self) -> None:
        """A level that names a style (w:lvl/w:pStyle, §17.9.23) is the level that style selects."""
        levels = _level(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="Heading1"/>') + _level(
            1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="AreaList"/>'
        )
        numbering = Numbering(
            _numbering({"0": levels}, ONE),
            _styles(self.STYLES),
        )
        labels = [
            numbering.label(_paragraph(style="Heading1")),
            numbering.label(_paragraph(style="AreaList")),
            numbering.label(_paragraph(style="AreaList")),
            numbering.label(_paragraph(style="Chapter")),
        ]
        assert labels == ["一、", "（一）", "（二）", "二、"]

    def test_numbering_removed_by_the_paragraph(self) -> None:
        numbering = Numbering(_numbering(OUTLINE, ONE), _styles(self.STYLES))
        assert numbering.label(_paragraph("0", 0, style="Heading1")) == ""

    def test_numbering_style_link(self) -> None:
        """§17.9.21 numStyleLink: a definition that only links to a numbering style uses the
        definition that style's instance points at."""
        linked = {**OUTLINE, "5": '<w:numStyleLink w:val="PlanOutline"/>'}
        instances = ONE + '<w:num w:numId="6"><w:abstractNumId w:val="5"/></w:num>'
        numbering = Numbering(_numbering(linked, instances), _styles(self.STYLES))
        assert [numbering.label(_paragraph("6", 0)) for _ in range(2)] == ["一、", "二、"]


class TestFormats:
    """Number formats (ST_NumberFormat, §17.18.59) as Chinese documents use them."""

    @pytest.mark.parametrize(
        ("number", "fmt", "shown"),
        [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (15, "chineseCountingThousand", "十五"),
            (21, "chineseCounting", "二十一"),
            (3, "chineseLegalSimplified", "叁"),
            (12, "chineseLegalSimplified", "壹拾贰"),
            (20, "ideographLegalTraditional", "貳拾"),
            (20, "ideographDigital", "二〇"),
            (3, "ideographTraditional", "丙"),
            (2, "ideographZodiac", "丑"),
            (5, "decimalEnclosedCircleChinese", "⑤"),
            (5, "decimalEnclosedParen", "⑸"),
            (5, "decimalEnclosedFullstop", "⒌"),
            (3, "ideographEnclosedCircle", "㈢"),
            (12, "decimalFullWidth", "１２"),
            (9, "decimalZero", "09"),
            (27, "upperLetter", "AA"),
            (14, "lowerRoman", "xiv"),
            (7, "none", ""),
            (21, "decimalEnclosedCircle", "21"),  # past ⑳ the number is written out rather than lost
            (4, "someFormatOfTheFuture", "4"),
        ],
    )
    def test_format(self, number: int, fmt: str, shown: str) -> None:
        assert format_number(number, fmt) == shown
