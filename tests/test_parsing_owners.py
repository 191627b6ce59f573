"""Owner clauses in every form the family writes them (heze_plan.parsing.owners)."""

from __future__ import annotations

import pytest

from heze_plan.parsing.findings import Convention
from heze_plan.parsing.owners import find_owner_clause, read_owners


class TestReadOwners:
    """Each form gives the lead units, the responsible units and any deadline."""

    @pytest.mark.parametrize(
        ("content", "lead", "responsible"),
        [
            (
                "牵头单位：市商务局、市财政局；责任单位：各县区政府、管委会",
                ("市商务局", "市财政局"),
                ("各县区政府、管委会",),
            ),
            ("牵头单位:市商务局;责任单位:市财政局", ("市商务局",), ("市财政局",)),
            ("牵头部门：市商务局，责任部门：市财政局", ("市商务局",), ("市财政局",)),
            ("牵头单位：市商务局；配合单位：市财政局", ("市商务局",), ("市财政局",)),
            ("市商务局牵头，市财政局、市税务局按职责分工负责", ("市商务局",), ("市财政局", "市税务局")),
            ("由市商务局牵头，市财政局配合", ("市商务局",), ("市财政局",)),
            ("市商务局牵头负责", ("市商务局",), ()),
            ("市商务局负责", ("市商务局",), ()),
            ("市商务局、市财政局", ("市商务局", "市财政局"), ()),
            ("责任单位：市商务局、市财政局", ("市商务局", "市财政局"), ()),
            (
                "牵头单位：省商务厅；责任单位：省直有关部门，各市人民政府",
                ("省商务厅",),
                ("省直有关部门", "各市人民政府"),
            ),
            ("牵头单位：县政府（办公室、研究室）", ("县政府（办公室、研究室）",), ()),
        ],
    )
    def test_forms(self, content: str, lead: tuple[str, ...], responsible: tuple[str, ...]) -> None:
        clause = read_owners(content)
        assert (clause.lead_units, clause.responsible_units, clause.unread) == (lead, responsible, ())

    @pytest.mark.parametrize(
        ("content", "deadlines"),
        [
            ("市商务局牵头，6月底前完成", ("6月底前完成",)),
            ("牵头单位：市商务局；完成时限：2023年10月底前", ("2023年10月底前",)),
            ("牵头单位：市商务局，年底前完成", ("年底前完成",)),
            ("牵头单位：州商务局；责任单位：州财政局,6月底完成", ("6月底完成",)),
        ],
    )
    def test_deadlines(self, content: str, deadlines: tuple[str, ...]) -> None:
        clause = read_owners(content)
        assert clause.deadlines == deadlines
        assert Convention.DEADLINE_IN_OWNERS in clause.conventions
        assert clause.lead_units[0].endswith("商务局")

    def test_ongoing_mark(self) -> None:
        clause = read_owners("牵头单位：市商务局；完成时限：长期坚持")
        assert (clause.deadlines, clause.conventions) == (
            (),
            frozenset({Convention.LABELLED_OWNERS, Convention.ONGOING_IN_OWNERS}),
        )

    def test_only_responsible_label(self) -> None:
        assert read_owners("责任单位：市商务局").conventions == {Convention.RESPONSIBLE_LABEL_ONLY}

    def test_unreadable_part_is_reported(self) -> None:
        assert read_owners("牵头单位：市商务局；请于每季度末报送进展").unread == ("请于每季度末报送进展",)


class TestFindOwnerClause:
    """The owner clause is the last parenthesis when it names owners, or trailing labels."""

    def test_nested_brackets(self) -> None:
        body = "做一件事。（牵头单位：各县区人民政府（管委会））"
        assert find_owner_clause(body) == (5, "牵头单位：各县区人民政府（管委会）", frozenset())

    def test_half_width(self) -> None:
        start, content, conventions = find_owner_clause("做一件事。(市商务局牵头)。") or (0, "", frozenset())
        assert (start, content, conventions) == (5, "市商务局牵头", {Convention.HALF_WIDTH_PUNCTUATION})

    def test_unbracketed_labels(self) -> None:
        found = find_owner_clause("做一件事。牵头单位：市商务局；责任单位：各县区政府")
        assert found == (5, "牵头单位：市商务局；责任单位：各县区政府", {Convention.UNBRACKETED_OWNERS})

    @pytest.mark.parametrize(
        "body", ["推行新办法（试行）。", "做一件事。", "建成服务窗口（含政务服务中心）", "（）"]
    )
    def test_not_an_owner_clause(self, body: str) -> None:
        assert find_owner_clause(body) is None
