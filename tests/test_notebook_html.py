"""Tests for heze_plan.notebook.html: the HTML that Jupyter shows for plans, areas, tasks and units."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given

import heze_plan
from heze_plan.common.numerals import area_label
from heze_plan.model.plan import Milestone, Plan, Task, Unit, UnitKind
from heze_plan.notebook import html as display
from heze_plan.query import selections as queries
from tests.strategies import markup_tasks

#: The only elements the views may contain: no script, style, link, image or form.
ALLOWED_TAGS = {"div", "table", "thead", "tbody", "tr", "th", "td", "h3", "h4", "p", "span", "br"}


class _Page(HTMLParser):
    """Collects the tags, attributes and text of an HTML fragment."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.chunks: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return heze_plan.load()


class TestTask:
    """A task's view shows what the source says about it: units, milestones, targets, text."""

    def test_task_8_milestones_and_units(self, plan: Plan) -> None:
        # 8. 优化企业全生命周期集成服务体系。9月底前，…11月底前，…
        # （牵头单位：市行政审批服务局；责任单位：市有关部门、单位，各县区政府、管委会）
        page = _Page(plan.task(8)._repr_html_())
        assert "8. 优化企业全生命周期集成服务体系" in page.text
        assert "2023-09-30" in page.text
        assert "2023-11-30" in page.text
        assert "研究制定企业全生命周期集成服务体系地方标准" in page.text
        for unit in ("市行政审批服务局", "市有关部门、单位", "各县区政府、管委会"):
            assert unit in page.chunks, f"{unit} is not shown as one unit"

    def test_task_170_targets(self, plan: Plan) -> None:
        # 9月底前，…力争新增领军人才8人以上。12月底前，…力争2023年引进青年人才2.7万人以上。
        page = _Page(plan.task(170)._repr_html_())
        assert "8人以上" in page.text
        assert "≥ 8 人" in page.text
        assert "≥ 27000 人" in page.text

    def test_ongoing_task_says_so(self, plan: Plan) -> None:
        # 9. 全面提升市场主体建设水平 names no deadline phrase.
        page = _Page(plan.task(9)._repr_html_())
        assert "ongoing for the whole plan year" in page.text
        assert "2023-" not in page.text

    def test_provincial_arrangement_and_prerequisite(self, plan: Plan) -> None:
        # 44. 山东省电子税务局系统功能优化提升完成后，… 根据省统一部署，…
        task = plan.task(44)
        assert task.per_provincial_arrangement
        page = _Page(task._repr_html_())
        assert "根据省统一部署" in page.text
        for prerequisite in task.prerequisites:
            assert prerequisite in page.text

    @given(markup_tasks())
    def test_any_text_is_escaped(self, task: Task) -> None:
        page = _Page(display.task_html(task))
        assert set(page.tags) <= ALLOWED_TAGS
        assert task.title in page.text
        assert task.text in page.text
        for name in task.units:
            assert name in page.chunks
        for milestone in task.milestones:
            assert milestone.deliverable in page.text

    def test_markup_in_a_title_is_shown_as_text(self) -> None:
        task = Task(
            number=1,
            title='<script>alert("x")</script>',
            text="A & B <b>",
            area=1,
            lead_units=("市<商务>局",),
            milestones=(Milestone(due=heze_plan.load().horizon, phrase="年内", deliverable="<i>done</i>"),),
        )
        page = display.task_html(task)
        assert "<script>" not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
        assert "A &amp; B &lt;b&gt;" in page
        assert "市&lt;商务&gt;局" in page
        assert "&lt;i&gt;done&lt;/i&gt;" in page


class TestSelfContained:
    """Views load nothing from elsewhere and are marked as Chinese text."""

    @pytest.mark.parametrize("view", ["plan", "area", "task", "unit", "tasks", "milestones"])
    def test_no_external_assets(self, plan: Plan, view: str) -> None:
        task = plan.task(136)
        page = {
            "plan": plan._repr_html_(),
            "area": display.area_html(plan.area(15), plan.tasks),
            "task": task._repr_html_(),
            "unit": plan.units[0]._repr_html_(),
            "tasks": display.tasks_html(plan.tasks),
            "milestones": display.milestones_html((task, m) for m in task.milestones),
        }[view]
        parsed = _Page(page)
        assert set(parsed.tags) <= ALLOWED_TAGS
        assert {name for name, _ in parsed.attributes} <= {"class", "lang", "style"}
        assert not re.search(r"url\(|https?:|@import", page)
        assert page.startswith('<div class="heze-plan" lang="zh-CN"')

    def test_cells_are_left_aligned(self, plan: Plan) -> None:
        # Notebook front ends right-align cells by default, which scatters Chinese text.
        page = display.tasks_html(plan.tasks)
        cells = re.findall(r'<t[dh] style="([^"]*)"', page)
        assert cells
        for style in cells:
            assert "text-align: left" in style


class TestPlanAndArea:
    """The plan's view counts what the source has; an area's view lists its tasks."""

    def test_plan_counts(self, plan: Plan) -> None:
        page = _Page(plan._repr_html_())
        assert "菏泽市2023年深化营商环境创新提升行动实施方案" in page.text
        assert "菏政发〔2023〕11号" in page.text
        assert "21 areas" in page.text
        assert "195 tasks" in page.text
        assert "121 milestones" in page.text
        assert "87 ongoing tasks" in page.text
        # The last area heading of the source: （二十一）法治保障。（领域牵头部门：市委依法治市办、市司法局）
        assert "（二十一）" in page.chunks
        assert "法治保障" in page.chunks

    def test_area_with_tasks(self, plan: Plan) -> None:
        # （九）获得信贷 holds tasks 66 to 83; （十）执行合同 starts with 84.
        page = _Page(display.area_html(plan.area(9), plan.tasks))
        assert "（九）获得信贷" in page.text
        numbers = [int(c) for c in page.chunks if c.isdigit() and 60 <= int(c) <= 90]
        assert numbers == list(range(66, 84))

    def test_area_alone(self, plan: Plan) -> None:
        page = _Page(plan.area(3)._repr_html_())
        assert "（三）获得电力" in page.text
        assert {"市发展改革委", "国网菏泽供电公司"} <= set(page.chunks)

    @pytest.mark.parametrize(
        ("number", "label"),
        [(1, "（一）"), (9, "（九）"), (10, "（十）"), (19, "（十九）"), (20, "（二十）")],
    )
    def test_area_label(self, number: int, label: str) -> None:
        assert area_label(number) == label


class TestUnit:
    """A unit's view shows its kind and aliases."""

    def test_registry_unit(self, plan: Plan) -> None:
        page = _Page(plan.unit("市发展改革委")._repr_html_())
        assert "发改委" in page.text
        assert "municipal_department" in page.text

    def test_unit_without_aliases(self) -> None:
        page = _Page(Unit(name="各县区政府、管委会", kind=UnitKind.COLLECTIVE)._repr_html_())
        assert "各县区政府、管委会" in page.chunks
        assert "—" in page.chunks


class TestTables:
    """Tables of selections show every row up to a limit, then say how many are left."""

    def test_long_selection_is_cut_with_a_count(self, plan: Plan) -> None:
        page = _Page(display.tasks_html(plan.tasks, caption="all"))
        assert "195 tasks" in page.text
        assert f"… {195 - display.MAX_ROWS} more (showing {display.MAX_ROWS} of 195)" in page.text

    def test_short_selection_is_whole(self, plan: Plan) -> None:
        tasks = [t for t in plan.tasks if t.area == 8]  # （八）办理破产: tasks 61 to 65
        page = display.tasks_html(tasks)
        assert "more (showing" not in page
        assert "5 tasks" in _Page(page).text

    def test_milestones_table(self, plan: Plan) -> None:
        # 136. …12月底前，实现…全覆盖。…12月底前，引导…: two milestones on the same day.
        task = plan.task(136)
        page = _Page(display.milestones_html([(task, m) for m in task.milestones], caption="136"))
        assert "2 milestones" in page.text
        assert page.chunks.count("2023-12-31") == 2

    def test_caption_is_escaped(self, plan: Plan) -> None:
        assert "&lt;u&gt;" in display.tasks_html([], caption="<u>")
        assert html.escape("<u>") in display.milestones_html([], caption="<u>")


class TestSelections:
    """Query selections show as the table of their kind, saying how a unit matched."""

    def test_tasks_led_by_customs(self, plan: Plan) -> None:
        # 53. (牵头单位：菏泽海关、市商务局…) 55. (牵头单位：市商务局、菏泽海关、市贸促会)
        # 56. (牵头单位：菏泽海关)
        page = _Page(queries.tasks(plan).led_by("菏泽海关")._repr_html_())
        assert "3 tasks" in page.text
        assert [c for c in page.chunks if c.isdigit()] == ["53", "55", "56"]

    def test_county_matches_through_the_collective(self, plan: Plan) -> None:
        # 曹县 is not a unit of the plan: it shares task 1 as one of 各县区政府、管委会.
        selection = queries.tasks(plan).involving("曹县")
        page = _Page(selection._repr_html_())
        assert "via 各县区政府、管委会" in page.text
        assert f"{len(selection)} tasks" in page.text

    def test_milestones_in_august(self, plan: Plan) -> None:
        page = _Page(queries.milestones(plan).in_month("2023-08")._repr_html_())
        assert "11 milestones" in page.text
        assert page.chunks.count("2023-08-31") == 11

    def test_service_time_targets(self, plan: Plan) -> None:
        # 19. …验收通过后3个工作日内办结不动产首次登记 (10月底前)
        page = _Page(queries.targets(plan).of_kind("service_time")._repr_html_())
        assert "5 targets" in page.text
        assert "3个工作日内" in page.chunks
        assert "≤ 3 个工作日" in page.chunks
        assert set(page.tags) <= ALLOWED_TAGS
