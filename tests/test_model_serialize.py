"""The JSON export is stable, documented and reads back into an equal plan."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given

import heze_plan
from heze_plan import Plan
from heze_plan.model.serialize import (
    EXPORT_FORMAT,
    ExportError,
    from_json,
    structure_plan,
    to_json,
    unstructure,
)

from . import strategies

SRC = Path(__file__).resolve().parent.parent / "src"


class TestRoundTrip:
    """structure(unstructure(x)) == x, for the embedded plan and generated ones."""

    def test_embedded_plan(self) -> None:
        plan = heze_plan.load()
        assert from_json(to_json(plan)) == plan

    @given(strategies.plans())
    def test_generated_plans(self, plan: Plan) -> None:
        assert structure_plan(unstructure(plan)) == plan
        assert from_json(to_json(plan, indent=None)) == plan

    def test_output_is_deterministic(self) -> None:
        """Two fresh processes with different string hashing (PYTHONHASHSEED) parse the text and export the
        same bytes: no set or dict order, id or clock leaks into the export.
        """
        script = (
            "import sys, heze_plan\n"
            "from heze_plan.model.serialize import to_json\n"
            "from heze_plan._embedded import parse_embedded\n"
            "plan = parse_embedded()\n"
            "sys.stdout.buffer.write(to_json(plan).encode('utf-8'))\n"
        )
        outputs = []
        for seed in ("1", "2", "3"):
            env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(SRC)}
            done = subprocess.run([sys.executable, "-c", script], capture_output=True, env=env, check=True)
            outputs.append(done.stdout)
        assert outputs[0] == outputs[1] == outputs[2]
        assert outputs[0] == to_json(heze_plan.load()).encode("utf-8")
        assert len(outputs[0]) > 100_000  # the whole plan, not an empty export


class TestShape:
    """The documented fields are there, with units by canonical name and ISO dates."""

    def test_fields(self) -> None:
        data = json.loads(to_json(heze_plan.load()))
        assert data["format"] == EXPORT_FORMAT
        assert data["document"] == {
            "number": "菏政发〔2023〕11号",
            "title": "菏泽市2023年深化营商环境创新提升行动实施方案",
            "issuer": "菏泽市人民政府",
            "year": 2023,
            "adopted": "2023-07-08",
            "printed": "2023-07-29",
            "notice_title": "菏泽市人民政府关于印发菏泽市2023年深化营商环境创新提升行动实施方案的通知",
            # 已经2023年7月8日市政府第26次常务会议审议通过
            "meeting": "市政府第26次常务会议",
            # 各县区人民政府（管委会），市政府各部门、各直属机构，市属各企业，各大中专院校：
            "recipients": [
                "各县区人民政府（管委会）",
                "市政府各部门",
                "各直属机构",
                "市属各企业",
                "各大中专院校",
            ],
            # 抄送：市委各部门，市人大办公室，市政协办公室，市监委，市法院，市检察院，
            # 菏泽军分区，各民主党派市委。
            "copied_to": [
                "市委各部门",
                "市人大办公室",
                "市政协办公室",
                "市监委",
                "市法院",
                "市检察院",
                "菏泽军分区",
                "各民主党派市委",
            ],
            "printed_by": "菏泽市人民政府办公室",
            "release": "此件公开发布",
        }
        assert data["areas"][2] == {
            "number": 3,
            "name": "获得电力",
            "lead_units": ["市发展改革委", "国网菏泽供电公司"],
        }
        task8 = data["tasks"][7]
        assert task8["number"] == 8
        assert task8["lead_units"] == ["市行政审批服务局"]
        assert [(m["due"], m["phrase"]) for m in task8["milestones"]] == [
            ("2023-09-30", "9月底前"),
            ("2023-11-30", "11月底前"),
        ]
        youth = data["tasks"][169]["targets"][2]
        assert {k: youth[k] for k in ("kind", "comparator", "value", "unit", "milestone")} == {
            "kind": "quantity",
            "comparator": "≥",
            "value": 27000,
            "unit": "人",
            "milestone": 2,  # 12月底前，引进青年人才2.7万人以上: the task's second deadline
        }
        assert {
            k: v
            for k, v in next(u for u in data["units"] if u["name"] == "各县区政府、管委会").items()
            if k not in {"aliases", "basis"}
        } == {"name": "各县区政府、管委会", "kind": "collective"}


class TestBadInput:
    """Broken data is refused with every problem and where it is."""

    def _data(self) -> dict[str, object]:
        data: dict[str, object] = json.loads(to_json(heze_plan.load()))
        return data

    def test_not_json(self) -> None:
        with pytest.raises(ExportError, match="not JSON"):
            from_json("{tasks: [")

    def test_wrong_format(self) -> None:
        with pytest.raises(ExportError, match=r"\$\.format: expected 'heze-plan/2', found None"):
            from_json("{}")

    def test_bad_date_names_its_path(self) -> None:
        data = self._data()
        data["tasks"][7]["milestones"][0]["due"] = "2023-09-31"  # type: ignore[index]
        with pytest.raises(ExportError) as error:
            from_json(json.dumps(data, ensure_ascii=False))
        assert any("$.tasks[7].milestones[0].due" in e for e in error.value.errors)

    def test_task_with_an_empty_lead_name_names_the_field(self) -> None:
        data = self._data()
        data["tasks"][0]["lead_units"] = [""]  # type: ignore[index]
        with pytest.raises(ExportError) as error:
            from_json(json.dumps(data, ensure_ascii=False))
        assert any("Task.lead_units must hold non-empty unit names" in e for e in error.value.errors)

    def test_every_problem_is_listed(self) -> None:
        data = self._data()
        data["tasks"][0]["number"] = "one"  # type: ignore[index]
        data["areas"][0]["name"] = 5  # type: ignore[index]
        data["units"][0]["kind"] = "ministry"  # type: ignore[index]
        with pytest.raises(ExportError) as error:
            from_json(json.dumps(data, ensure_ascii=False))
        paths = " ".join(error.value.errors)
        assert "$.tasks[0]" in paths
        assert "$.areas[0]" in paths
        assert "$.units[0].kind" in paths

    def test_unknown_field_is_refused(self) -> None:
        data = self._data()
        data["tasks"][0]["owner"] = "x"  # type: ignore[index]
        with pytest.raises(ExportError, match="owner"):
            from_json(json.dumps(data, ensure_ascii=False))


class TestVersionOne:
    """A heze-plan/1 export counted a target's milestone from 0; it reads back into the same plan."""

    def test_milestones_counted_from_0_are_read_from_1(self) -> None:
        plan = heze_plan.load()
        data = json.loads(to_json(plan))
        data["format"] = "heze-plan/1"
        for owner in (*data["tasks"], *data["safeguards"]):
            for target in owner["targets"]:
                if target["milestone"] is not None:
                    target["milestone"] -= 1
        # task 170: 9月底前…新增…; 12月底前，引进青年人才2.7万人以上 was index 1 in heze-plan/1
        assert data["tasks"][169]["targets"][2]["milestone"] == 1
        assert from_json(json.dumps(data, ensure_ascii=False)) == plan

    def test_milestone_0_is_refused_in_version_2(self) -> None:
        data = json.loads(to_json(heze_plan.load()))
        data["tasks"][169]["targets"][2]["milestone"] = 0
        with pytest.raises(ExportError) as error:
            from_json(json.dumps(data, ensure_ascii=False))
        assert any("milestone must be a milestone number from 1, got 0" in e for e in error.value.errors)
