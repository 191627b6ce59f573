"""Every paragraph a page break cut is rejoined: checked break by break against the source.

The extraction marks a page break with a blank line; in the body a break
that is not followed by a new paragraph (a task number, an area or section
heading, 抄送) cuts a paragraph in two. There are 47 such breaks, read in the
source text one by one: 34 fall inside a task's or principle's text and must
rejoin without a seam (优质的制|度供给 → 优质的制度供给), 11 inside an owner
clause, where the unit names they cut must come out whole (市人力资源社|会保障局),
and 2 repeat a character across the break, which errata E2 (task 70, 加|加大)
and E4 (task 170, 市委组织部|部) correct.
"""

from __future__ import annotations

import re

import pytest

import heze_plan
from heze_plan.model.plan import Plan

#: A line that opens a new paragraph, so the blank line before it is no cut.
_OPENS = re.compile(
    r"^(?:\d+\s*[.．、]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|[一二三四五六七八九十]+、|抄送)"
)

#: Breaks inside owner clauses, by the source line before the break: the task and the unit the
#: break cuts, which must be read whole (as tests/data/expected_tasks.csv also checks).
OWNER_CLAUSE_BREAKS = {
    53: (5, "各县区政府、管委会"),  # 市大数据局，各|县区政府、管委会)
    113: (28, "各县区政府、管委会"),  # 责任单位：各县区|政府、管委会)
    123: (31, "水、电、气、热各专营单位"),  # 水、电、气、热|各专营单位
    131: (34, "水、气各专营单位"),  # 水、|气各专营单位
    175: (51, "各县区政府、管委会"),  # 各县区政府、|管委会)
    213: (64, "市法院"),  # （牵头单|位：市法院
    309: (101, "市人力资源社会保障局"),  # 市人力资源社|会保障局
    359: (119, "国家金融监督管理总局菏泽监管分局"),  # 国家金融监督|管理总局菏泽监管分局
    369: (123, "市发展改革委"),  # (牵头单|位：市发展改革委
    403: (135, "市行政审批服务局"),  # …管理运行制度。|(牵头单位：市行政审批服务局
    525: (181, "市有关部门、单位"),  # 市有关部门、|单位
}
#: Breaks that repeat a character, by source line: the erratum and the text read instead.
ERRATUM_BREAKS = {231: ("E2", "加大对银行机构乱收费行为"), 495: ("E4", "市委组织部")}


def _breaks(text: str) -> list[tuple[int, str, str]]:
    """(line before the break, its last 4 characters, the first 4 of the line after), in the body."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("二、工作原则"))
    end = next(i for i, line in enumerate(lines) if line.startswith("抄送"))
    found = []
    for i in range(start, end):
        after = lines[i + 2].strip() if i + 2 < len(lines) else ""
        if lines[i].strip() and not lines[i + 1].strip() and after and not _OPENS.match(after):
            found.append((i + 1, re.sub(r"\s", "", lines[i])[-4:], re.sub(r"\s", "", after)[:4]))
    return found


@pytest.fixture(scope="module")
def plan() -> Plan:
    return heze_plan.load()


class TestPageJoins:
    """Each cut paragraph reads as one: no seam, whole unit names, an erratum where a character repeats."""

    def test_the_number_of_cuts(self) -> None:
        assert len(_breaks(heze_plan.source_text())) == 47

    def test_each_cut_rejoins(self, plan: Plan) -> None:
        texts = (
            [p.text for p in plan.principles]
            + [t.text for t in plan.tasks]
            + [s.text for s in plan.safeguards]
        )
        whole = "\n".join(texts)
        for line, before, after in _breaks(heze_plan.source_text()):
            if line in OWNER_CLAUSE_BREAKS:
                task, unit = OWNER_CLAUSE_BREAKS[line]
                found = plan.task(task)
                assert unit in (*found.lead_units, *found.responsible_units), (line, task, unit)
            elif line in ERRATUM_BREAKS:
                erratum, reading = ERRATUM_BREAKS[line]
                assert (before + after) not in whole, line
                assert any(e.id == erratum and reading in e.correction for e in plan.errata), line
            else:
                assert before + after in whole, (line, before, after)

    def test_no_unit_is_a_fragment(self, plan: Plan) -> None:
        # a cut owner clause read as two names would leave a stub such as 部 or 会保障局
        names = {u for t in plan.tasks for u in (*t.lead_units, *t.responsible_units)}
        assert names <= {unit.name for unit in plan.units}
        assert not any(len(name) < 3 for name in names)
