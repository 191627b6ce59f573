"""Small Chinese numerals both ways, and the area label the plan prints: 3 ↔ 三, 21 → （二十一）.

The plan numbers its chapters 一、二、…, its areas （一）…（二十一） and some
quantities in words (十大消费场景); every module that writes or reads such a
numeral uses these three functions.
"""

from __future__ import annotations

__all__ = ["area_label", "from_chinese", "to_chinese"]

_DIGITS = "零一二三四五六七八九"
_VALUES = {**{char: value for value, char in enumerate(_DIGITS)}, "两": 2}


def to_chinese(number: int) -> str:
    """A number from 1 to 99 in Chinese numerals: 3 → 三, 12 → 十二, 21 → 二十一.

    >>> to_chinese(3), to_chinese(10), to_chinese(12), to_chinese(21)
    ('三', '十', '十二', '二十一')

    Anything outside 1..99 is a :class:`ValueError` (there is no area 0 or 100).
    """
    if isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 100:
        msg = f"to_chinese takes a whole number from 1 to 99, got {number!r}"
        raise ValueError(msg)
    tens, ones = divmod(number, 10)
    if not tens:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def from_chinese(text: str) -> int:
    """The value of a small Chinese numeral: ``三`` → 3, ``十二`` → 12, ``二十`` → 20.

    >>> from_chinese("三"), from_chinese("十二"), from_chinese("三十一"), from_chinese("两")
    (3, 12, 31, 2)

    Anything else (十十, 二二十, an empty string) is a :class:`ValueError`.
    """
    tens, ten, ones = text.partition("十")
    try:
        if ten:
            if len(tens) > 1 or len(ones) > 1:
                raise KeyError(text)
            return (_VALUES[tens] if tens else 1) * 10 + (_VALUES[ones] if ones else 0)
        if not text:
            raise KeyError(text)
        value = 0
        for char in text:
            value = value * 10 + _VALUES[char]
    except KeyError:
        msg = f"not a Chinese numeral below 100: {text!r}"
        raise ValueError(msg) from None
    return value


def area_label(number: int) -> str:
    """The area's number as the plan prints it: 1 → （一）, 21 → （二十一）.

    >>> area_label(1), area_label(10), area_label(15), area_label(21)
    ('（一）', '（十）', '（十五）', '（二十一）')
    """
    return f"（{to_chinese(number)}）"
