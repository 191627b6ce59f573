"""根据省统一部署 is read per sentence: which clause, and which deadline, depends on the province."""

from __future__ import annotations

import pytest

import heze_plan
from heze_plan.parsing.provincial import provincial_clauses


class TestShippedPlan:
    """The flags of tasks the issue names, against their sentences."""

    def test_task_5_deadline_is_the_citys_own(self) -> None:
        # 5. 根据省统一部署，研究制定…配套政策…。10月底前，建立歇业信息共享机制
        task = heze_plan.load().task(5)
        assert task.per_provincial_arrangement
        (clause,) = task.provincial_clauses
        assert clause.startswith("根据省统一部署，研究制定税务、社保、公积金")
        (deadline,) = task.milestones
        assert not deadline.per_provincial_arrangement

    def test_task_135_provincial_scheme(self) -> None:
        # 135. 10月底前，根据省级方案，制定我市政务服务中心转型指导意见; 12月底前，推动实体大厅规范建设
        first, second = heze_plan.load().task(135).milestones
        assert (first.per_provincial_arrangement, second.per_provincial_arrangement) == (True, False)

    def test_task_144_provincial_work_arrangement(self) -> None:
        # 144. 11月底前，根据全省数据相关知识产权保护和运用工作部署
        task = heze_plan.load().task(144)
        assert task.per_provincial_arrangement
        assert task.milestones[0].per_provincial_arrangement

    def test_task_149_reading(self) -> None:
        # 149. 9月底，省“版权保护与服务平台”与“爱山东”对接后，进一步优化版权登记网络服务体系
        (deadline,) = heze_plan.load().task(149).milestones
        assert deadline.phrase == "9月底"
        assert deadline.reading
        assert "no 前" in deadline.reading


class TestRule:
    """Arrangements yet to be made are flagged; published documents cited by name are not."""

    @pytest.mark.parametrize(
        "text",
        [
            "根据国家、省统一部署，推动事项全部实现网上办理。",
            "根据省级统一部署，协助制定出台条例。",
            "根据省级统筹安排发放汽车消费券。",
        ],
    )
    def test_flagged(self, text: str) -> None:
        assert provincial_clauses(text) == (text,)

    @pytest.mark.parametrize(
        "text",
        [
            # 130. 根据山东省深化政务服务“一网通办”改革实施方案，研究制定配套落实措施
            "根据山东省深化政务服务“一网通办”改革实施方案，研究制定配套落实措施。",
            # 154. 根据《山东省重点工业产品质量安全信用风险分类监管暂行办法》，细化制定配套措施
            "根据《山东省重点工业产品质量安全信用风险分类监管暂行办法》，细化制定配套措施。",
            "根据全省低风险植物及植物产品调入名单，对调入我市的植物直接申报。",
        ],
    )
    def test_not_flagged(self, text: str) -> None:
        assert provincial_clauses(text) == ()
