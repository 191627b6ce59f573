"""Traditional characters are read as simplified through a small one-to-one table."""

from __future__ import annotations

import heze_plan
from heze_plan.parsing.hanzi import TRADITIONAL, to_simplified


class TestToSimplified:
    """The table converts labels, counters and deadline words, and keeps positions."""

    def test_labels_and_units(self) -> None:
        assert to_simplified("（牽頭單位：縣財政局；責任單位：各縣區政府）") == (
            "（牵头单位：县财政局；责任单位：各县区政府）",
            9,  # 牽 頭 單 縣 財 責 單 縣 區
        )

    def test_deadline_and_counter_words(self) -> None:
        assert to_simplified("年內完成，新增10個項目，50億元")[0] == "年内完成，新增10个项目，50亿元"

    def test_one_to_one(self) -> None:
        converted, _ = to_simplified(TRADITIONAL)
        assert len(converted) == len(TRADITIONAL)
        assert not set(converted) & set(TRADITIONAL)

    def test_the_simplified_source_is_untouched(self) -> None:
        assert to_simplified(heze_plan.source_text()) == (heze_plan.source_text(), 0)
