"""The safeguards' obligations: who must act, what, by when or how often, read from the source's sentences."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import heze_plan
from heze_plan.model.plan import Plan
from heze_plan.parsing.obligations import UNSPECIFIED, obligations_of


@pytest.fixture(scope="module")
def plan() -> Plan:
    return heze_plan.load()


def _by_key(plan: Plan) -> dict[str, heze_plan.Obligation]:
    return {o.key: o for s in plan.safeguards for o in s.obligations}


class TestShippedPlan:
    """Each sentence of the three safeguards is one obligation, with its subject's units."""

    def test_one_obligation_a_sentence(self, plan: Plan) -> None:
        # （一） has six sentences after its heading, （二） three, （三） four
        assert [len(s.obligations) for s in plan.safeguards] == [6, 3, 4]

    def test_filing_within_a_month(self, plan: Plan) -> None:
        # 各县区、市直领域牵头部门要在本行动计划印发1个月内制定具体落实方案，并报市营转办备案
        filing = _by_key(plan)["S1.6"]
        assert (filing.actor_phrase, filing.due, filing.phrase, filing.recipient) == (
            "各县区、市直领域牵头部门",
            dt.date(2023, 8, 29),
            "印发1个月内",
            "市营转办",
        )
        leads = {u for area in plan.areas for u in area.lead_units}
        assert set(filing.actors) == leads | {"各县区政府、管委会"}
        assert "市营转办" not in filing.actors  # it receives the schemes

    def test_coordinating_office(self, plan: Plan) -> None:
        # 市营转办要发挥综合协调作用，及时协调解决重点难点问题
        office = _by_key(plan)["S1.5"]
        assert (office.actors, office.frequency, office.due) == (("市营转办",), "及时", None)

    def test_responsible_units_of_the_areas(self, plan: Plan) -> None:
        # 各领域责任单位要按照职责分工和时间节点，配合牵头单位抓好工作落实
        helpers = _by_key(plan)["S1.3"]
        assert set(helpers.actors) == {u for t in plan.tasks for u in t.responsible_units}

    def test_counties_set_up_their_mechanisms(self, plan: Plan) -> None:
        # 各县区要参照市级模式建立健全工作机制…编制具体工作方案
        counties = _by_key(plan)["S1.4"]
        assert counties.actors == ("各县区政府、管委会",)
        assert counties.frequency == "ongoing"

    def test_chief_commander_mechanism_names_no_one(self, plan: Plan) -> None:
        # 健全完善市领导任分管领域“总指挥”协调推进机制: no subject
        chief = _by_key(plan)["S1.1"]
        assert (chief.actor_phrase, chief.actors) == (UNSPECIFIED, ())
        assert "总指挥" in chief.action

    def test_second_safeguard_links_its_targets(self, plan: Plan) -> None:
        found = _by_key(plan)
        # 市直各领域年内形成的…不少于7项；形成的…不少于10项: the second sentence keeps the subject
        assert found["S2.1"].actor_phrase == found["S2.2"].actor_phrase == "市直各领域"
        assert (found["S2.1"].targets, found["S2.2"].targets) == ((0,), (1,))
        assert found["S2.2"].due == dt.date(2023, 12, 31)
        # 鼓励各县区…案例数量参照市直部门执行
        assert (found["S2.3"].actors, found["S2.3"].targets) == (("各县区政府、管委会",), (2, 3))

    def test_third_safeguard(self, plan: Plan) -> None:
        found = _by_key(plan)
        # 依托“12343”优化营商环境服务热线，对全量市场主体开展常态化满意度调查
        assert found["S3.2"].frequency == "常态化"
        assert "12343" in found["S3.2"].action
        # 强化与纪委监委机关联动，适时开展护航优化营商环境专项督查行动
        assert (found["S3.3"].actors, found["S3.3"].frequency) == (("纪委监委机关",), "适时")
        # 完善台账式管理、工程化验收、走流程体验等工作机制
        assert "台账式管理" in found["S3.1"].action
        # 开展优化营商环境主题宣传活动
        assert "宣传" in found["S3.4"].action


class TestRuleOnOtherTexts:
    """The rule reads any safeguard's sentences, not Heze's."""

    def _one(self, plan: Plan, text: str) -> tuple[heze_plan.Obligation, ...]:
        first = plan.safeguards[0]
        safeguard = attrs.evolve(first, title="标题", text=f"标题。{text}", milestones=(), targets=())
        return obligations_of(plan, safeguard)

    def test_named_unit_before_yao(self, plan: Plan) -> None:
        (duty,) = self._one(plan, "市商务局要定期通报进展。")
        assert (duty.actors, duty.frequency) == (("市商务局",), "定期")

    def test_recipient_is_not_an_actor(self, plan: Plan) -> None:
        (duty,) = self._one(plan, "各县区要制定方案并报市商务局备案。")
        assert (duty.actors, duty.recipient) == (("各县区政府、管委会",), "市商务局")

    def test_courts_are_not_the_counties(self, plan: Plan) -> None:
        (duty,) = self._one(plan, "各县区法院要加强审判。")
        assert duty.actors == ("各县区法院",)

    def test_semicolon_keeps_the_subject(self, plan: Plan) -> None:
        first, second = self._one(plan, "市商务局要加强统筹；做好宣传。")
        assert first.actors == second.actors == ("市商务局",)

    def test_full_stop_does_not(self, plan: Plan) -> None:
        _, second = self._one(plan, "市商务局要加强统筹。做好宣传。")
        assert (second.actor_phrase, second.actors) == (UNSPECIFIED, ())

    def test_key(self, plan: Plan) -> None:
        assert _by_key(plan)["S1.6"].key == "S1.6"
