"""The parser's targets match a table written by reading the source (tests/data/expected_targets.csv).

The table was written from the source text alone, task by task, without
running the parser: one row per quantitative commitment of the tasks, the
safeguards (``S2``) and the principles (``P2``), with the quote it rests on,
its kind, comparator, figures, unit, scope (per county, per month, per
year), what it applies to (an item of a 分别 list, a population, one of two
measures) and the date it is due with (empty when it holds for the plan year
without a milestone of its own).
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import re
from pathlib import Path

import pytest

import heze_plan
from heze_plan.model.plan import Plan, Target

TABLE = Path(__file__).parent / "data" / "expected_targets.csv"


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _owner_text(plan: Plan, owner: str) -> str:
    if owner.startswith("S"):
        return plan.safeguards[int(owner[1:]) - 1].text
    if owner.startswith("P"):
        return plan.principles[int(owner[1:]) - 1].text
    return plan.task(int(owner)).text


def _figure(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _key(owner: str, target: Target, due: dt.date | None) -> tuple[str, ...]:
    return (
        owner,
        target.kind.value,
        target.comparator.value,
        _figure(target.value),
        _figure(target.upper),
        target.unit,
        target.scope or "",
        target.applies_to or "",
        due.isoformat() if due else "",
    )


def _parsed(plan: Plan) -> list[tuple[tuple[str, ...], Target]]:
    found: list[tuple[tuple[str, ...], Target]] = []
    for task in plan.tasks:
        for target in task.targets:
            due = task.milestones[target.milestone - 1].due if target.milestone is not None else None
            found.append((_key(str(task.number), target, due), target))
    for safeguard in plan.safeguards:
        for target in safeguard.targets:
            due = safeguard.milestones[target.milestone - 1].due if target.milestone is not None else None
            found.append((_key(f"S{safeguard.number}", target, due), target))
    for principle in plan.principles:
        found.extend((_key(f"P{principle.number}", target, None), target) for target in principle.targets)
    return found


@pytest.fixture(scope="module")
def plan() -> Plan:
    return heze_plan.load()


#: The columns of the expected table that a parsed target must match, in order.
KEY_COLUMNS = ("owner", "kind", "comparator", "value", "upper", "unit", "scope", "applies_to", "due")


def _table_key(row: dict[str, str]) -> tuple[str, ...]:
    """What identifies a target of the table: its owner and every compared field."""
    return tuple(row[k] for k in KEY_COLUMNS)


class TestExpectedTargets:
    """Every commitment the reader found is parsed, with its scope and milestone, and nothing else is."""

    def test_table_quotes_the_source(self, plan: Plan) -> None:
        for row in _rows():
            assert _squash(row["quote"]) in _squash(_owner_text(plan, row["owner"])), row

    def test_parsed_targets_equal_the_table(self, plan: Plan) -> None:
        expected = collections.Counter(_table_key(row) for row in _rows())
        parsed = collections.Counter(key for key, _ in _parsed(plan))
        assert parsed - expected == collections.Counter(), "parsed but not in the table"
        assert expected - parsed == collections.Counter(), "in the table but not parsed"

    def test_each_parsed_phrase_is_in_its_quote(self, plan: Plan) -> None:
        quotes = collections.defaultdict(list)
        for row in _rows():
            key = _table_key(row)
            quotes[key].append(_squash(row["quote"]))
        for key, target in _parsed(plan):
            assert any(_squash(target.phrase) in quote for quote in quotes[key]), (key, target.phrase)


class TestReadings:
    """Each reading that could go either way is decided in the data and said in the target."""

    def test_task_66_two_percent_is_a_funding_rule(self, plan: Plan) -> None:
        # 66. 对符合条件的地方法人金融机构发放的普惠小微企业贷款，按照余额增量的2%提供资金
        (rule,) = [t for t in plan.task(66).targets if t.phrase == "2%"]
        assert rule.kind.value == "rule"
        assert rule.reading
        assert "rule" in rule.reading

    def test_safeguard_two_ten_items_linked_to_nei(self, plan: Plan) -> None:
        # （二） 市直各领域年内形成的…不少于7项；形成的全省领先的…不少于10项
        safeguard = plan.safeguards[1]
        ten = next(t for t in safeguard.targets if t.phrase == "不少于10项")
        assert safeguard.milestones[ten.milestone - 1].phrase == "年内"
        assert ten.applies_to == "市直各领域"

    def test_counties_follow_the_municipal_figures(self, plan: Plan) -> None:
        # （二） 各县区相关领域…案例数量参照市直部门执行
        counties = [t for t in plan.safeguards[1].targets if t.phrase == "案例数量参照市直部门执行"]
        assert [(t.value, t.scope) for t in counties] == [(7, "per county"), (10, "per county")]
        assert all(t.reading and "参照市直部门执行" in t.reading for t in counties)

    def test_every_target_of_a_new_kind_explains_itself(self, plan: Plan) -> None:
        new_kinds = {"discount", "availability", "reach", "duration", "rule"}
        for _, target in _parsed(plan):
            if target.kind.value in new_kinds:
                assert target.reading, target.phrase


class TestCoverage:
    """A commitment to cover everything (全覆盖, 全部实现, 应替尽替) is a target of 100%, in text order."""

    @pytest.mark.parametrize(
        ("task", "phrase", "due"),
        [
            # 1. 根据国家、省统一部署，推动市场准入负面清单事项全部实现网上办理
            (1, "全部实现网上办理", None),
            # 37. …实现查询“不见面、可视化、全天候、全覆盖”（no date: it waits for the province's platform）
            (37, "全覆盖", None),
            # 55. 12 月底前，进一步提升原产地签证服务便利化，全部实现“全程网办”
            (55, "全部实现“全程网办”", dt.date(2023, 12, 31)),
            # 107. 持续推进基层快递网点从业人员优先参加工伤保险，实现人员全覆盖
            (107, "实现人员全覆盖", None),
            # 136. 12月底前，实现企业和个人全生命周期高频主题集成服务全覆盖
            (136, "高频主题集成服务全覆盖", dt.date(2023, 12, 31)),
            # 138. 11月底前，市直部门、各县区年办件量100件以上的…申请材料实现…“应替尽替”
            (138, "“应替尽替”", dt.date(2023, 11, 30)),
        ],
    )
    def test_full_coverage_is_100_percent(
        self, plan: Plan, task: int, phrase: str, due: dt.date | None
    ) -> None:
        (target,) = [t for t in plan.task(task).targets if t.phrase == phrase and t.unit == "%"]
        assert (target.kind.value, target.comparator.value, target.value) == ("quantity", "=", 100)
        found = plan.task(task).milestones[target.milestone - 1].due if target.milestone else None
        assert found == due
        assert target.reading
        assert phrase.strip("“”") in target.reading

    def test_round_the_clock_query(self, plan: Plan) -> None:
        # 37. 实现查询“不见面、可视化、全天候、全覆盖”: 全天候 is 24 hours, as 140's 24小时“不打烊”
        targets = plan.task(37).targets
        assert [(t.phrase, t.kind.value, t.value, t.unit) for t in targets] == [
            ("全天候", "availability", 24, "小时"),
            ("全覆盖", "quantity", 100, "%"),
        ]

    def test_added_target_takes_its_place_in_the_text(self, plan: Plan) -> None:
        # 55. …12 月底前，…全部实现“全程网办”。每月组织编发 2—3 期…: the coverage comes first
        assert [t.phrase for t in plan.task(55).targets] == ["全部实现“全程网办”", "2—3期"]

    def test_first_of_two_december_deadlines(self, plan: Plan) -> None:
        # 136. …12月底前，实现…集成服务全覆盖。…12月底前，引导各县区打造一批…: two 12月底前; the
        # coverage belongs to the first, whose deliverable states it.
        task = plan.task(136)
        (target,) = task.targets
        assert target.milestone == 1
        assert "全覆盖" in task.milestones[0].deliverable
        assert "全覆盖" not in task.milestones[1].deliverable

    def test_threshold_scopes_the_items_not_a_target(self, plan: Plan) -> None:
        # 138. 年办件量100件以上的常用政务服务事项: 100件以上 says which items, it commits to nothing
        assert [t.value for t in plan.task(138).targets] == [100]
        assert "100件以上" in (plan.task(138).targets[0].applies_to or "")


class TestOrder:
    """A task's targets are numbered in the order its text states them (the ledger's 目标1, 目标2 …)."""

    def test_task_140(self, plan: Plan) -> None:
        # 140. 打造15分钟交管“服务圈”。在…建设15处“微型车管所”，实现…等17项高频事项“就近办”，…
        # 实现服务群众24小时“不打烊”。: the title's 15分钟 comes first, though it is a reach, not a count
        assert [t.phrase for t in plan.task(140).targets] == [
            "15分钟交管“服务圈”",
            "15处",
            "17项",
            "24小时",
        ]

    def test_every_task_in_text_order(self, plan: Plan) -> None:
        for task in plan.tasks:
            places = []
            cursor = 0
            for target in task.targets:
                at = task.text.find(target.phrase, cursor)
                if at == -1:  # the same phrase for two targets (分别, shared measures)
                    at = task.text.find(target.phrase)
                assert at != -1, (task.number, target.phrase)
                places.append(at)
                cursor = at
            assert places == sorted(places), (task.number, [t.phrase for t in task.targets])
