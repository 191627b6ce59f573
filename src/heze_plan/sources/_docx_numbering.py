"""Word's automatic numbering: the labels (一、 （一） 1.) that Word draws but does not store as text.

A plan written in Word often numbers its chapters, areas and tasks with a
list ("多级列表") instead of typed numbers. The paragraph then holds only
``全面实施市场准入负面清单…``; its ``1.`` lives in the numbering part
(``word/numbering.xml``) and is drawn when the document is shown. Without it
the parser sees no task numbers at all, so the reader renders each label as
Word would and puts it in front of the paragraph's text.

What is followed, after ECMA-376 Part 1 §17.9 (numbering) and §17.7 (styles):

- a paragraph's list comes from its own ``w:numPr`` or from its paragraph
  style's (through ``w:basedOn``), and a level may name the style that selects
  it (``w:lvl/w:pStyle``); ``w:numId`` 0 takes numbering away;
- a numbering instance (``w:num``) points at an abstract definition, through a
  numbering style when the definition only links to one (``w:numStyleLink``);
  ``w:lvlOverride`` replaces a level or restarts it (``w:startOverride``);
- counters belong to the abstract definition, so instances that share it
  continue one another, except where an override restarts a level;
- a level's counter starts at ``w:start``; a lower level restarts when a
  higher one is used, unless its ``w:lvlRestart`` says otherwise (0: never);
- ``w:lvlText`` places ``%1``…``%9``, each the counter of that level in its
  own ``w:numFmt`` (decimal when the level is ``w:isLgl``); ``w:suff`` is the
  tab, space or nothing after the label (a tab is read as a space).

Bullets are left out: a bullet carries no number the parser could use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from heze_plan.common.numerals import to_chinese

__all__ = ["Numbering", "format_number"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESISED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULL_STOPPED = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_IDEOGRAPH_CIRCLED = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAPITAL_DIGITS_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
#: Formats that count in ideographs (一 … 十, 十一, 二十一); they differ only above 99 or in words.
_COUNTING = frozenset(
    {
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "koreanCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    }
)
_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _counting(number: int) -> str:
    """Counting numerals below 100 (十一, 二十); larger numbers, rare in a list, in digits."""
    return to_chinese(number) if 0 < number < 100 else str(number)


def _legal(number: int, digits: str) -> str:
    """Capital (financial) numerals below 100, the tens always with their digit: 壹拾贰, not 拾贰."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    return (digits[tens] + "拾" if tens else "") + (digits[ones] if ones else "")


def _from_table(number: int, table: str) -> str:
    return table[number - 1] if 0 < number <= len(table) else str(number)


def _letters(number: int) -> str:
    """Word's letter numbering: a…z, then aa…zz, aaa…: the letter repeated, not base 26."""
    if number < 1:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _full_width(number: int) -> str:
    return str(number).translate(_FULL_WIDTH_DIGITS)


def _ideograph_digits(number: int) -> str:
    return "".join(_IDEOGRAPH_DIGITS[int(digit)] for digit in str(number))


_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

#: Formats drawn from a table of symbols, the first for 1 (past its end the number is in digits).
_SYMBOLS: dict[str, str] = {
    "decimalEnclosedCircle": _CIRCLED,
    "decimalEnclosedCircleChinese": _CIRCLED,
    "decimalEnclosedParen": _PARENTHESISED,
    "decimalEnclosedFullstop": _FULL_STOPPED,
    "ideographEnclosedCircle": _IDEOGRAPH_CIRCLED,
    "ideographTraditional": _HEAVENLY_STEMS,
    "ideographZodiac": _EARTHLY_BRANCHES,
}

#: Formats drawn by a rule.
_RULES: dict[str, Callable[[int], str]] = {
    **dict.fromkeys(_COUNTING, _counting),
    "chineseLegalSimplified": lambda number: _legal(number, _CAPITAL_DIGITS),
    "ideographLegalTraditional": lambda number: _legal(number, _CAPITAL_DIGITS_TRADITIONAL),
    **dict.fromkeys(
        ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"), _ideograph_digits
    ),
    **dict.fromkeys(("decimalFullWidth", "decimalFullWidth2"), _full_width),
    "decimalZero": lambda number: f"{number:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda number: _letters(number).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda number: _roman(number).upper(),
    "none": lambda number: "",
}


def format_number(number: int, fmt: str) -> str:
    """One counter in one of Word's number formats (``w:numFmt``, ECMA-376 §17.18.59).

    >>> [format_number(n, "chineseCounting") for n in (1, 10, 11, 21)]
    ['一', '十', '十一', '二十一']
    >>> format_number(3, "decimalEnclosedCircleChinese"), format_number(2, "ideographTraditional")
    ('③', '乙')
    >>> format_number(4, "upperRoman"), format_number(28, "lowerLetter"), format_number(7, "decimalZero")
    ('IV', 'bb', '07')

    A format this function does not know is written in decimal digits, so
    that a number is never lost.
    """
    symbols = _SYMBOLS.get(fmt)
    if symbols is not None:
        return _from_table(number, symbols)
    return _RULES.get(fmt, str)(number)


def _val(element: Any, child: str, default: str | None = None) -> str | None:
    """The ``w:val`` of ``element``'s child ``w:<child>``, or ``default``."""
    if element is None:
        return default
    found = element.find(f"{_W}{child}")
    if found is None:
        return default
    value = found.get(f"{_W}val")
    return default if value is None else value


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Level:
    """One level of a list: how its label is drawn and when its counter restarts."""

    __slots__ = ("fmt", "legal", "restart_below", "start", "style", "suffix", "text")

    def __init__(self, element: Any, index: int) -> None:
        self.start = _int(_val(element, "start"), 0)
        self.fmt = _val(element, "numFmt", "decimal") or "decimal"
        self.text = _val(element, "lvlText", "") or ""
        self.style = _val(element, "pStyle")
        self.suffix = {"space": " ", "nothing": ""}.get(_val(element, "suff", "tab") or "tab", " ")
        legal = element.find(f"{_W}isLgl")
        self.legal = legal is not None and legal.get(f"{_W}val", "true") not in {"0", "false", "off"}
        # A level restarts when a level numbered (1-based) at or above lvlRestart is used;
        # by default when any higher level is, that is, one whose 0-based index is below its own.
        self.restart_below = _int(_val(element, "lvlRestart"), index)


class _List:
    """An abstract numbering definition: its levels and the counters its instances share."""

    __slots__ = ("counters", "levels")

    def __init__(self, levels: dict[int, _Level]) -> None:
        self.levels = levels
        self.counters: dict[int, int] = {}


class Numbering:
    """The labels of a document's numbered paragraphs, drawn in document order.

    Built from the document's numbering and styles parts (their XML root
    elements, as python-docx holds them); :meth:`label` must be called for
    the paragraphs in the order they stand, as counting depends on it.
    """

    def __init__(self, numbering: Any, styles: Any) -> None:
        self._abstracts: dict[str, Any] = {}
        self._instances: dict[str, tuple[str, dict[int, Any]]] = {}
        self._lists: dict[tuple[str, str], _List] = {}
        #: The (instance, level) pairs whose start override has been applied: it applies once.
        self._restarted: set[tuple[str, int]] = set()
        self._styles: dict[str, Any] = {}
        if styles is not None:
            for style in styles.iter(f"{_W}style"):
                style_id = style.get(f"{_W}styleId")
                if style_id:
                    self._styles[style_id] = style
        if numbering is None:
            return
        for abstract in numbering.iter(f"{_W}abstractNum"):
            self._abstracts[abstract.get(f"{_W}abstractNumId", "")] = abstract
        for instance in numbering.iter(f"{_W}num"):
            overrides = {
                _int(override.get(f"{_W}ilvl"), 0): override for override in instance.iter(f"{_W}lvlOverride")
            }
            abstract_id = _val(instance, "abstractNumId", "") or ""
            self._instances[instance.get(f"{_W}numId", "")] = (abstract_id, overrides)

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None, str | None]:
        """The list (numId, ilvl) a paragraph style gives, following ``w:basedOn``; and the style."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            number_properties = style.find(f"{_W}pPr/{_W}numPr")
            if number_properties is not None:
                num_id = _val(number_properties, "numId")
                return num_id, _val(number_properties, "ilvl"), style_id
            style_id = _val(style, "basedOn")
        return None, None, None

    def _abstract(self, num_id: str) -> tuple[str, Any] | None:
        """The abstract definition behind an instance, through a numbering style's link."""
        instance = self._instances.get(num_id)
        if instance is None:
            return None
        abstract_id = instance[0]
        for _ in range(3):  # numStyleLink → numbering style → its numId → the real definition
            abstract = self._abstracts.get(abstract_id)
            if abstract is None:
                return None
            link = _val(abstract, "numStyleLink")
            if link is None:
                return abstract_id, abstract
            linked_num, _, _ = self._style_numbering(link)
            linked = self._instances.get(linked_num or "")
            if linked is None:
                return abstract_id, abstract
            abstract_id = linked[0]
        return None

    def _list(self, num_id: str, abstract_id: str, abstract: Any) -> _List:
        """The counters of a definition; an instance's overridden levels are a list of their own."""
        overrides = self._instances[num_id][1]
        replaced = any(override.find(f"{_W}lvl") is not None for override in overrides.values())
        key = (abstract_id, num_id if replaced else "")
        found = self._lists.get(key)
        if found is None:
            levels = {
                _int(level.get(f"{_W}ilvl"), 0): _Level(level, _int(level.get(f"{_W}ilvl"), 0))
                for level in abstract.iter(f"{_W}lvl")
            }
            for index, override in overrides.items():
                level = override.find(f"{_W}lvl")
                if level is not None:
                    levels[index] = _Level(level, index)
            found = self._lists[key] = _List(levels)
        return found

    def label(self, paragraph: Any) -> str:
        """The label Word draws before ``paragraph`` (a ``w:p`` element), with its suffix; or ''."""
        properties = paragraph.find(f"{_W}pPr")
        number_properties = None if properties is None else properties.find(f"{_W}numPr")
        num_id = _val(number_properties, "numId")
        level_text = _val(number_properties, "ilvl")
        style_id = _val(properties, "pStyle")
        linked_style = None
        if num_id is None:
            num_id, style_level, linked_style = self._style_numbering(style_id)
            level_text = level_text or style_level
        if not num_id or num_id == "0":
            return ""
        found = self._abstract(num_id)
        if found is None:
            return ""
        numbered = self._list(num_id, *found)
        index = _int(level_text, -1)
        if index < 0:  # a level may name the style that selects it
            index = next(
                (i for i, level in numbered.levels.items() if linked_style and level.style == linked_style),
                0,
            )
        level = numbered.levels.get(index)
        if level is None:
            return ""
        self._count(numbered, num_id, index)
        if level.fmt == "bullet" or not level.text:
            return ""
        return self._draw(numbered, level) + level.suffix

    def _count(self, numbered: _List, num_id: str, index: int) -> None:
        """Advance ``index``'s counter, restart an instance's overridden start, reset the levels below."""
        counters = numbered.counters
        overrides = self._instances[num_id][1]
        override = overrides.get(index)
        start_override = _val(override, "startOverride")
        if start_override is not None and (num_id, index) not in self._restarted:
            self._restarted.add((num_id, index))
            counters[index] = _int(start_override, 0)
        elif index in counters:
            counters[index] += 1
        else:
            counters[index] = numbered.levels[index].start
        for other, level in numbered.levels.items():
            if other > index and index < level.restart_below:
                counters.pop(other, None)

    def _draw(self, numbered: _List, level: _Level) -> str:
        """``w:lvlText`` with each ``%n`` replaced by level n's counter in its format."""
        out = []
        text = level.text
        position = 0
        while position < len(text):
            char = text[position]
            if char == "%" and position + 1 < len(text) and text[position + 1] in "123456789":
                referenced = int(text[position + 1]) - 1
                shown = numbered.levels.get(referenced)
                if shown is not None:
                    value = numbered.counters.get(referenced, shown.start)
                    out.append(format_number(value, "decimal" if level.legal else shown.fmt))
                position += 2
                continue
            out.append(char)
            position += 1
        return "".join(out)
