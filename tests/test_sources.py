"""Reading plan files as they are published: each format gives the Heze plan's 195 tasks.

The files are written by real tools (``tests/plan_files.py``: reportlab,
python-docx, LibreOffice, openpyxl, the csv module) from the Heze source text,
once per test session. The tasks read from each are compared with the
embedded plan (:func:`heze_plan.load`, parsed from the source text with the
shipped errata), field by field.
"""

from __future__ import annotations

import codecs
import datetime as dt
import importlib
import io
import re
import zipfile
from pathlib import Path

import attrs
import pytest

import heze_plan
from heze_plan.errors import ExtraMissingError, ParseError, SourceError
from heze_plan.model.plan import Plan, Task
from heze_plan.parsing import known_units, shipped_errata
from heze_plan.sources import READERS, read_source, read_text
from tests import plan_files

pytest.importorskip("pypdf", reason="the pdf extra (pypdf) is not installed")
pytest.importorskip("docx", reason="the docx extra (python-docx) is not installed")
pytest.importorskip("lxml.html", reason="the html extra (lxml) is not installed")
pytest.importorskip("openpyxl", reason="the xlsx extra (openpyxl) is not installed")
pytest.importorskip("reportlab", reason="reportlab (test extra) typesets the PDF")

needs_soffice = pytest.mark.skipif(
    plan_files.soffice() is None, reason="LibreOffice (soffice) is not installed"
)


def _unprinted(tasks: tuple[Task, ...]) -> tuple[Task, ...]:
    """``tasks`` without the spelling of their deadlines as printed, which is each file's own.

    The source prints 12 月底前 with a space in four tasks; a task table written from the plan
    has none, and LibreOffice's PDF puts one in 9 月底前 (task 2) where the source has none.
    """
    return tuple(
        attrs.evolve(
            t,
            milestones=tuple(
                attrs.evolve(m, printed_phrase=None, printed_deliverable=None) for m in t.milestones
            ),
        )
        for t in tasks
    )


def _closed(tasks: tuple[Task, ...]) -> tuple[Task, ...]:
    return _unprinted(tuple(attrs.evolve(t, open_owner_lists=()) for t in tasks))


def assert_heze_tasks(read: Plan, expected: Plan, *, text: bool = True) -> None:
    """The 195 tasks, each with its number, area, lead units, responsible units and milestones."""
    assert len(read.tasks) == 195
    for got, want in zip(read.tasks, expected.tasks, strict=True):
        assert got.number == want.number
        assert got.area == want.area, got.number
        assert got.lead_units == want.lead_units, got.number
        assert got.responsible_units == want.responsible_units, got.number
        (got_unprinted,), (want_unprinted,) = _unprinted((got,)), _unprinted((want,))
        assert got_unprinted.milestones == want_unprinted.milestones, got.number
        assert got.targets == want.targets, got.number
        if text:
            assert got.text == want.text, got.number
    assert [a.name for a in read.areas] == [a.name for a in expected.areas]
    assert [a.lead_units for a in read.areas] == [a.lead_units for a in expected.areas]


class TestEveryFormatGivesTheHezeTasks:
    """Each published form of the plan reads as the same 195 tasks as the source text."""

    @pytest.mark.parametrize("kind", ["pdf", "docx", "html", "html-br"])
    def test_documents(self, published: dict[str, Path], plan: Plan, kind: str) -> None:
        read = heze_plan.read(published[kind], errata=shipped_errata(), registry=known_units())
        assert_heze_tasks(read, plan)
        assert read.document.number == "菏政发〔2023〕11号"
        assert read.document.title == plan.document.title
        assert read.safeguards == plan.safeguards

    @pytest.mark.parametrize("kind", ["pdf", "docx", "html", "html-br"])
    def test_without_errata_as_the_text_reads(self, published: dict[str, Path], kind: str) -> None:
        """With no errata, a file reads exactly as the source text parsed with none: the whole plan."""
        assert heze_plan.read(published[kind]) == heze_plan.parse(heze_plan.source_text())

    @pytest.mark.parametrize("kind", ["xlsx", "csv"])
    def test_task_tables(self, published: dict[str, Path], plan: Plan, kind: str) -> None:
        """A task table carries the tasks' texts, owners and deadlines: all of them read back.

        The document number and title come from the rows above the header;
        the goal, principles and safeguards are not in a task table.
        """
        read = heze_plan.read(published[kind])
        assert_heze_tasks(read, plan)
        # a task table writes owner names without the 等 of an open list (task 144)
        assert read.tasks == _closed(plan.tasks)
        assert read.document.number == plan.document.number
        assert not read.safeguards

    @needs_soffice
    @pytest.mark.parametrize("kind", ["pdf", "docx"])
    def test_written_by_libreoffice(self, office_published: dict[str, Path], plan: Plan, kind: str) -> None:
        assert_heze_tasks(heze_plan.read(office_published[kind], errata=shipped_errata()), plan)
        read, parsed = heze_plan.read(office_published[kind]), heze_plan.parse(heze_plan.source_text())
        assert attrs.evolve(read, tasks=_unprinted(read.tasks)) == attrs.evolve(
            parsed, tasks=_unprinted(parsed.tasks)
        )

    @needs_soffice
    def test_workbook_saved_by_libreoffice_calc(self, office_published: dict[str, Path], plan: Plan) -> None:
        assert heze_plan.read(office_published["xlsx"]).tasks == _closed(plan.tasks)


class TestHowEachFileWasRead:
    """``read_source`` says in one line which way a file was read (``inspect`` prints it): a user of
    another city learns whether a table was read as a table, and how much of a page was kept."""

    @pytest.mark.parametrize(
        ("kind", "start"),
        [
            ("pdf", "a PDF: the text layer of its "),
            ("docx", "a Word document: its paragraphs and tables in document order"),
            ("html", "a web page: its article, "),
            ("xlsx", "a workbook: the task table of sheet "),
            ("csv", "a CSV task table of "),
        ],
    )
    def test_published_forms(self, published: dict[str, Path], kind: str, start: str) -> None:
        source = read_source(published[kind])
        assert source.reading.startswith(start), source.reading
        assert source.text == read_text(published[kind])

    def test_the_article_is_part_of_the_page(self, published: dict[str, Path]) -> None:
        """The article keeps fewer Chinese characters than the page holds: its navigation is left out."""
        reading = read_source(published["html"]).reading
        kept, total = (int(n) for n in re.findall(r"(\d+) of the page's (\d+)", reading)[0])
        assert 0 < kept < total

    def test_a_ruled_task_table(self, pdf_task_tables: dict[str, Path]) -> None:
        """The 34-page table is said to be read by its ruling lines, over every page."""
        reading = read_source(pdf_task_tables["分工表"]).reading
        assert "task table (" in reading
        assert "read cell by cell from the table's ruling lines (pdfplumber)" in reading
        assert re.search(r"on pages 1–(\d+)\)", reading)


class TestPdf:
    """The PDF reader removes the page furniture and rejoins what the page breaks cut."""

    def test_no_running_header_or_page_number(self, published: dict[str, Path]) -> None:
        text = read_text(published["pdf"])
        lines = text.split("\n")
        assert plan_files.RUNNING_HEADER not in lines
        assert not [line for line in lines if line.startswith("—") and line.endswith("—")]
        assert "— 1 —" not in text

    def test_every_character_of_the_source(self, published: dict[str, Path]) -> None:
        """Nothing is lost or added: the characters are the source's, spaces aside (· included)."""

        def letters(text: str) -> str:
            return "".join(text.split())

        assert letters(read_text(published["pdf"])) == letters(heze_plan.source_text())

    def test_lines_typeset_across_a_page_are_one_paragraph(self, published: dict[str, Path]) -> None:
        """The source's paragraphs come back whole, however the PDF wrapped and broke them."""
        paragraphs = ["".join(p.split()) for p in read_text(published["pdf"]).strip().split("\n\n")]
        assert paragraphs == ["".join(p.split()) for p in plan_files.source_paragraphs()]

    def test_a_numbered_item_at_a_page_top_starts_a_paragraph(self) -> None:
        # 佳木斯 2018 through LibreOffice's PDF: page 1, of short lines, ends with an area heading as long
        # as its commonest line; page 2 opens with the first task. Before, the two were one paragraph
        # and the parse refused the plan (area 1 has no tasks).
        from heze_plan.sources.pdf import _paragraphs

        pages = [
            ["二、工作任务", "", "（一）实施最严格水资源管理。", "（二）全面控制污染物排放。"],
            ["1.控制用水总量。强化用水监督管理。[市水务局牵头]", "增长1.5%以上。"],
        ]
        assert _paragraphs(pages) == [
            "二、工作任务",
            "（一）实施最严格水资源管理。",
            "（二）全面控制污染物排放。",
            "1.控制用水总量。强化用水监督管理。[市水务局牵头]增长1.5%以上。",
        ]

    def test_truncated(self, published: dict[str, Path], tmp_path: Path) -> None:
        cut = tmp_path / "cut.pdf"
        cut.write_bytes(published["pdf"].read_bytes()[:30000])
        with pytest.raises(SourceError, match=r"cut\.pdf: not a readable PDF \(damaged or cut short\)"):
            heze_plan.read(cut)

    def test_not_a_pdf(self, tmp_path: Path) -> None:
        fake = tmp_path / "plan.pdf"
        fake.write_text("一、工作目标", encoding="utf-8")
        with pytest.raises(SourceError, match=r"plan\.pdf: not a readable PDF"):
            read_text(fake)

    def test_scan_without_text_layer(self, tmp_path: Path) -> None:
        from reportlab.pdfgen import canvas

        scan = tmp_path / "scan.pdf"
        page = canvas.Canvas(str(scan))
        page.rect(100, 100, 300, 500, fill=1)  # the picture of a page, no text
        page.showPage()
        page.save()
        with pytest.raises(SourceError, match=r"scan\.pdf: no text layer in its 1 page\(s\).*OCR"):
            read_text(scan)


class TestDocx:
    """A Word document reads in document order; a broken one is an error naming it."""

    def test_tables_in_document_order(self, tmp_path: Path) -> None:
        import docx

        document = docx.Document()
        document.add_paragraph("菏政办字〔2024〕3号")
        document.add_paragraph("菏泽市2024年营商环境工作要点实施方案")
        document.add_paragraph("一、重点任务")
        table = document.add_table(rows=4, cols=4)
        for row, cells in zip(
            table.rows,
            [
                ["序号", "具体措施", "牵头部门", "时间节点"],
                ["（一）提升政务服务效能"] * 4,
                ["1", "建设企业服务中心。", "市行政审批服务局", "2024年6月底前"],
                ["2", "清理隐性壁垒。", "市发展改革委\n市市场监管局", "年底前"],
            ],
            strict=True,
        ):
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = value
        document.add_paragraph("二、保障措施")
        path = tmp_path / "要点.docx"
        document.save(str(path))
        text = read_text(path)
        assert text.index("一、重点任务") < text.index("1. 建设企业服务中心") < text.index("二、保障措施")
        read = heze_plan.read(path)
        assert [t.lead_units for t in read.tasks] == [("市行政审批服务局",), ("市发展改革委", "市市场监管局")]
        assert [[m.due.isoformat() for m in t.milestones] for t in read.tasks] == [
            ["2024-06-30"],
            ["2024-12-31"],
        ]

    def test_zip_of_garbage(self, tmp_path: Path) -> None:
        path = tmp_path / "方案.docx"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", b"\x00\x01garbage" * 40)
            archive.writestr("word/document.xml", b"not xml at all " * 40)
        path.write_bytes(buffer.getvalue())
        with pytest.raises(SourceError, match=r"方案\.docx: not a readable \.docx document"):
            heze_plan.read(path)

    def test_not_a_zip(self, tmp_path: Path) -> None:
        path = tmp_path / "方案.docx"
        path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
        with pytest.raises(SourceError, match=r"方案\.docx: not a readable \.docx document"):
            read_text(path)


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan as a Word document numbered by lists (``plan_files.write_docx_numbered``)."""
    return plan_files.write_docx_numbered(tmp_path_factory.mktemp("numbered") / "菏政发2023-11.docx")


class TestWordNumbering:
    """Numbers that Word draws from a list (一、 （一） 1.) are read as if typed (ECMA-376 Part 1, §17.9)."""

    def test_the_paragraphs_hold_no_number(self, numbered: Path) -> None:
        """The document really numbers by a list: no paragraph's own text starts with a label."""
        import docx

        texts = [p.text for p in docx.Document(str(numbered)).paragraphs]
        area = texts.index("开办企业。（领域牵头部门：市行政审批服务局）")
        assert texts[area + 1].startswith("全面实施市场准入负面清单。")
        assert not [t for t in texts if t.startswith(("1. ", "一、", "（一）", "195. "))]

    def test_reads_as_the_source_text(self, numbered: Path, plan: Plan) -> None:
        """The 195 tasks come back with their numbers, areas, owners and deadlines; the whole plan too."""
        assert_heze_tasks(heze_plan.read(numbered, errata=shipped_errata(), registry=known_units()), plan)
        assert heze_plan.read(numbered) == heze_plan.parse(heze_plan.source_text())

    def test_labels_as_the_source_prints_them(self, numbered: Path) -> None:
        text = read_text(numbered)
        labels = (
            "一、工作目标",
            "四、保障措施",
            "（一）开办企业。",
            "（二十一）法治保障。",
            "（一）持续加大",
        )
        for label in labels:
            assert f"\n{label}" in text
        assert "\n1. 全面实施市场准入负面清单" in text
        assert "\n195. 提升" in text
        assert "\n24. 优化电力接入工程" in text  # numbering goes on across areas (w:lvlRestart 0)

    @needs_soffice
    def test_libreoffice_draws_the_same_labels(self, numbered: Path, tmp_path: Path) -> None:
        """LibreOffice's own rendering of the list, as plain text, has the labels the reader gives.

        LibreOffice indents list items and puts a space after each label in its
        text export, so lines are compared without white space.
        """
        try:
            rendered = plan_files.libreoffice_convert(
                numbered, "txt:Text (encoded):UTF8", tmp_path / "txt", tmp_path / "profile"
            )
        except (FileNotFoundError, OSError) as error:
            pytest.skip(f"LibreOffice cannot convert here (Writer missing?): {error}")

        def lines(text: str) -> list[str]:
            return [squeezed for line in text.split("\n") if (squeezed := "".join(line.split()))]

        office = lines(rendered.read_text(encoding="utf-8-sig"))
        assert lines(read_text(numbered)) == office
        assert "1.全面实施市场准入负面清单。根据省统一部署，组织开展市场准入壁垒排查清理" in office[20]

    @needs_soffice
    def test_resaved_by_libreoffice(self, numbered: Path, tmp_path: Path, plan: Plan) -> None:
        """LibreOffice writes its own numbering part when it saves: the tasks read the same."""
        try:
            resaved = plan_files.libreoffice_convert(
                numbered, "docx:MS Word 2007 XML", tmp_path / "docx", tmp_path / "profile"
            )
        except (FileNotFoundError, OSError) as error:
            pytest.skip(f"LibreOffice cannot convert here (Writer missing?): {error}")
        assert_heze_tasks(heze_plan.read(resaved, errata=shipped_errata(), registry=known_units()), plan)


class TestOfficeFormats:
    """Word 97–2003, RTF, OpenDocument and Excel 97–2003 files are read through LibreOffice."""

    @pytest.fixture(scope="class")
    @staticmethod
    def legacy(tmp_path_factory: pytest.TempPathFactory, published: dict[str, Path]) -> dict[str, Path]:
        """The plan saved by LibreOffice in each format it reads back through the office reader."""
        if plan_files.soffice() is None:
            pytest.skip("LibreOffice (soffice) is not installed")
        folder = tmp_path_factory.mktemp("legacy")
        profile = tmp_path_factory.mktemp("lo-legacy-profile")
        formats = {
            "doc": (published["docx"], "doc:MS Word 97"),
            "rtf": (published["docx"], "rtf"),
            "odt": (published["docx"], "odt"),
            "xls": (published["xlsx"], "xls:MS Excel 97"),
            "ods": (published["xlsx"], "ods"),
        }
        try:
            return {
                kind: plan_files.libreoffice_convert(source, target, folder / kind, profile)
                for kind, (source, target) in formats.items()
            }
        except (FileNotFoundError, OSError) as error:
            pytest.skip(f"LibreOffice cannot convert here (Writer or Calc missing?): {error}")

    @needs_soffice
    @pytest.mark.parametrize("kind", ["doc", "rtf", "odt"])
    def test_documents(self, legacy: dict[str, Path], plan: Plan, kind: str) -> None:
        assert legacy[kind].read_bytes()[:4] != b"PK\x03\x04" or kind == "odt"  # not a .docx in disguise
        read = heze_plan.read(legacy[kind], errata=shipped_errata(), registry=known_units())
        assert_heze_tasks(read, plan)
        assert read.document.number == "菏政发〔2023〕11号"

    @needs_soffice
    @pytest.mark.parametrize("kind", ["xls", "ods"])
    def test_task_tables(self, legacy: dict[str, Path], plan: Plan, kind: str) -> None:
        assert heze_plan.read(legacy[kind]).tasks == _closed(plan.tasks)

    def test_without_libreoffice(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """No office suite: one line that says what to install or how to save the file instead."""
        monkeypatch.setenv("HEZE_PLAN_SOFFICE", str(tmp_path / "no-such-soffice"))
        path = tmp_path / "菏政发2023-11.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(500))
        message = (
            r"菏政发2023-11\.doc: a Word 97–2003 document \(\.doc\) is read through LibreOffice, which is"
        )
        with pytest.raises(SourceError, match=message + r".*save the file as \.docx"):
            heze_plan.read(path)

    def test_nothing_converted(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """LibreOffice exits 0 even when it writes nothing (seen with a filter missing): said, not crashed."""
        silent = tmp_path / "soffice"
        silent.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
        silent.chmod(0o755)
        monkeypatch.setenv("HEZE_PLAN_SOFFICE", str(silent))
        path = tmp_path / "方案.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(500))
        with pytest.raises(SourceError, match=r"方案\.doc: LibreOffice could not read it as a Word 97–2003"):
            heze_plan.read(path)

    @needs_soffice
    def test_damaged(self, tmp_path: Path) -> None:
        """LibreOffice reads what it cannot recognise as text: the error is then the table reader's."""
        path = tmp_path / "任务分工.xls"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4)
        with pytest.raises(SourceError, match=r"任务分工\.xls: sheet 任务分工: no task-table header"):
            heze_plan.read(path)


@pytest.fixture(scope="session")
def pdf_task_tables(tmp_path_factory: pytest.TempPathFactory, plan: Plan) -> dict[str, Path]:
    """Task tables typeset by LibreOffice: Heze's 195 tasks as a Word table over many pages, and a small
    table with a lead unit merged down over two tasks."""
    pytest.importorskip("pdfplumber", reason="pdfplumber (the pdf extra) reads ruled tables")
    if plan_files.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    import docx

    folder = tmp_path_factory.mktemp("pdf-tables")
    profile = tmp_path_factory.mktemp("lo-profile-tables")
    small = docx.Document()
    small.add_paragraph("某县2022年优化营商环境重点任务分工表")
    table = small.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    values = [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["1", "推行企业开办“一窗通办”，实现全程网上办理。", "县行政审批服务局", "2022年6月底"],
        ["2", "推行工程建设项目“拿地即开工”。", "", "2022年9月底"],
        ["3", "优化纳税服务，拓展非接触式办税。", "县税务局\n县财政局", "持续推进"],
    ]
    for row, texts in zip(table.rows, values, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(1, 2).text = "县行政审批服务局"
    small.save(str(folder / "merged.docx"))
    plan_files.write_docx_table(folder / "分工表.docx", plan)
    try:
        return {
            name: plan_files.libreoffice_convert(folder / f"{name}.docx", "pdf", folder / "pdf", profile)
            for name in ("分工表", "merged")
        }
    except (FileNotFoundError, OSError) as error:
        pytest.skip(f"LibreOffice cannot convert here (Writer missing?): {error}")


class TestPdfTaskTables:
    """A plan published as a ruled task table in a PDF (附件：重点任务分工表), as LibreOffice typesets
    it: the text layer interleaves the cells line by line, the table's ruling gives them back."""

    def test_heze_as_a_table_over_many_pages(self, pdf_task_tables: dict[str, Path], plan: Plan) -> None:
        """All 195 tasks, with rows the page breaks cut, units one to a line, the header repeated on
        each page. Parentheses come back full-width from this font, so they are compared so."""
        read = heze_plan.read(pdf_task_tables["分工表"])
        wide = str.maketrans("()", "（）")
        assert len(read.tasks) == 195
        for got, want in zip(read.tasks, _closed(plan.tasks), strict=True):
            assert (got.number, got.area, got.lead_units, got.responsible_units) == (
                want.number,
                want.area,
                want.lead_units,
                want.responsible_units,
            )
            assert [m.due for m in got.milestones] == [m.due for m in want.milestones], got.number
            assert got.text.translate(wide) == want.text.translate(wide), got.number
        assert [a.name for a in read.areas] == [a.name for a in plan.areas]
        assert read.document.number == plan.document.number

    def test_lead_merged_down_over_two_tasks(self, pdf_task_tables: dict[str, Path]) -> None:
        read = heze_plan.read(pdf_task_tables["merged"])
        assert read.year == 2022
        assert [(t.lead_units, [m.due for m in t.milestones]) for t in read.tasks] == [
            (("县行政审批服务局",), [dt.date(2022, 6, 30)]),
            (("县行政审批服务局",), [dt.date(2022, 9, 30)]),
            (("县税务局", "县财政局"), []),
        ]

    def test_without_pdfplumber_the_text_layer_is_read(
        self, pdf_task_tables: dict[str, Path], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """pdfplumber is part of the pdf extra; without it the reader falls back to the text layer."""
        real_import = importlib.import_module

        def no_pdfplumber(name: str, *args: object) -> object:
            if name == "pdfplumber":
                raise ImportError(name)
            return real_import(name, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(importlib, "import_module", no_pdfplumber)
        text = read_text(pdf_task_tables["merged"])
        assert "序号" in text
        assert "牵头单位：" not in text


class TestHtml:
    """The article of a web page, not its navigation, breadcrumbs, sidebar, footer or scripts."""

    @pytest.mark.parametrize("kind", ["html", "html-br"])
    def test_only_the_article(self, published: dict[str, Path], kind: str) -> None:
        text = read_text(published[kind])
        for outside in ("当前位置", "政务公开", "相关文件", "网站标识码", "联系我们", "分享到", "欢迎访问"):
            assert outside not in text
        assert text.startswith("菏泽市人民政府文件\n")
        assert "".join(text.split()) == "".join(heze_plan.source_text().split())

    def test_no_article(self, tmp_path: Path) -> None:
        page = plan_files.write_html_without_article(tmp_path / "list.html")
        with pytest.raises(SourceError, match=r"list\.html: no article text"):
            heze_plan.read(page)

    def test_task_table_in_a_page(self, tmp_path: Path) -> None:
        rows = "".join(
            f"<tr><td>{n}</td><td>{task}</td><td>{lead}</td><td>{shared}</td></tr>"
            for n, task, lead, shared in [
                (1, "推行“一业一证”改革，9月底前覆盖50个行业。", "区行政审批服务局", "区市场监管局"),
                (2, "开展涉企收费专项检查。", "区发展改革局", "区财政局、区市场监管局"),
            ]
        )
        page = tmp_path / "p.html"
        page.write_text(
            "<html><body><nav><a href='/'>首页</a></nav><div class='content'>"
            "<p>某区2023年优化营商环境重点任务分工方案</p><p>区政办发〔2023〕5号</p>"
            "<p>为进一步优化营商环境，持续激发市场主体活力，结合本区实际，制定本方案，请各单位认真抓好落实。</p>"
            "<p>一、重点任务</p>"
            "<table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th></tr>"
            "<tr><td colspan='4'>（一）优化准入准营</td></tr>"
            f"{rows}</table></div></body></html>",
            encoding="utf-8",
        )
        read = heze_plan.read(page)
        assert [(t.number, t.lead_units, t.responsible_units) for t in read.tasks] == [
            (1, ("区行政审批服务局",), ("区市场监管局",)),
            (2, ("区发展改革局",), ("区财政局", "区市场监管局")),
        ]
        assert [m.due.isoformat() for m in read.tasks[0].milestones] == ["2023-09-30"]

    def test_page_that_is_a_title_and_a_table(self, tmp_path: Path) -> None:
        """A page holding only a title and a task table is read whole, not its longest cell; units
        one to a line in a cell (``<br>``) are several units."""
        long_task = "推进一网通办，实现政务服务事项全程网办，企业群众办事只跑一次，全面提升政务服务效能"
        page = tmp_path / "表.html"
        page.write_text(
            "<html><head><meta charset='utf-8'></head><body><div class='nav'><a href='/'>首页</a></div>"
            "<div class='article'><h1>某市2022年优化营商环境重点任务分工表</h1><table>"
            "<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>"
            f"<tr><td>1</td><td>{long_task}</td><td>市行政审批局</td><td>市大数据局<br>各县区政府</td>"
            "<td>2022年6月底</td></tr>"
            "<tr><td>2</td><td>压缩工程建设项目审批时间，社会投资简易低风险项目审批不超过15个工作日</td>"
            "<td>市住建局</td><td></td><td>2022年9月底</td></tr>"
            "<tr><td>3</td><td>优化纳税服务</td><td>市税务局</td><td><p>市财政局</p><p>市人社局</p></td>"
            "<td>持续推进</td></tr></table></div><div class='footer'>版权所有</div></body></html>",
            encoding="utf-8",
        )
        read = heze_plan.read(page)
        assert read.document.year == 2022
        assert [(t.lead_units, t.responsible_units, [m.due for m in t.milestones]) for t in read.tasks] == [
            (("市行政审批局",), ("市大数据局", "各县区政府"), [dt.date(2022, 6, 30)]),
            (("市住建局",), (), [dt.date(2022, 9, 30)]),
            (("市税务局",), ("市财政局", "市人社局"), []),
        ]


class TestTables:
    """Task tables: columns by header names, the header below a title, merged rows and cells."""

    def _book(self, tmp_path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "分工"
        for row in rows:
            sheet.append(row)
        for merge in merges:
            sheet.merge_cells(merge)
        path = tmp_path / "分工.xlsx"
        book.save(str(path))
        return path

    def test_merged_lead_cell_leads_each_task(self, tmp_path: Path) -> None:
        """A lead unit merged down over two tasks leads both; a deadline column the text lacks counts."""
        path = self._book(
            tmp_path,
            [
                ["某县2023年营商环境提升行动实施方案", None, None, None, None],
                ["县政发〔2023〕2号", None, None, None, None],
                ["编号", "任务内容", "牵头\n部门", "责任部门", "时限要求"],
                ["一、政务服务", None, None, None, None],
                [1, "推进“一网通办”。", "县行政审批服务局", "县大数据中心", "2023年10月底前"],
                [2, "推进“一窗受理”。", None, "各乡镇", "持续推进"],
            ],
            merges=("A4:E4", "C5:C6"),
        )
        read = heze_plan.read(path)
        assert [t.lead_units for t in read.tasks] == [("县行政审批服务局",), ("县行政审批服务局",)]
        assert read.areas[0].name == "政务服务"
        assert [m.due.isoformat() for m in read.tasks[0].milestones] == ["2023-10-31"]

    def test_deadline_the_text_states_is_not_doubled(self, published: dict[str, Path], plan: Plan) -> None:
        """The Heze table repeats each task's deadlines in 完成时限: each milestone comes once."""
        read = heze_plan.read(published["xlsx"])
        assert sum(len(t.milestones) for t in read.tasks) == sum(len(t.milestones) for t in plan.tasks)

    def test_no_header(self, tmp_path: Path) -> None:
        path = self._book(tmp_path, [["姓名", "电话"], ["张三", "123"]])
        with pytest.raises(
            SourceError, match=r"分工\.xlsx: sheet 分工: no task-table header in the first 30 rows"
        ):
            heze_plan.read(path)

    def test_csv_without_header(self, tmp_path: Path) -> None:
        path = tmp_path / "t.csv"
        path.write_text("a,b\n1,2\n", encoding="utf-8")
        with pytest.raises(SourceError, match=r"t\.csv: no task-table header.*牵头单位"):
            read_text(path)

    def test_header_without_tasks(self, tmp_path: Path) -> None:
        path = tmp_path / "t.csv"
        path.write_text("序号,重点任务,牵头单位\n", encoding="utf-8")
        with pytest.raises(SourceError, match=r"t\.csv: row 1: the task table has a header but no task rows"):
            read_text(path)

    def test_corrupt_workbook(self, tmp_path: Path) -> None:
        path = tmp_path / "坏.xlsx"
        path.write_bytes(b"PK\x03\x04 this is not a workbook")
        with pytest.raises(SourceError, match=r"坏\.xlsx: not a readable \.xlsx workbook"):
            read_text(path)


class TestText:
    """Plain text in the encodings Chinese offices save it in."""

    @pytest.mark.parametrize(
        ("encoding", "bom"),
        [
            ("utf-8", b""),
            ("utf-8", codecs.BOM_UTF8),
            ("gb18030", b""),
            ("gbk", b""),
            ("utf-16-le", codecs.BOM_UTF16_LE),
            ("utf-16-be", codecs.BOM_UTF16_BE),
            ("utf-16-le", b""),
        ],
    )
    def test_encodings(self, tmp_path: Path, plan: Plan, encoding: str, bom: bytes) -> None:
        text = heze_plan.source_text()
        path = tmp_path / "plan.txt"
        try:
            path.write_bytes(bom + text.replace("\n", "\r\n").encode(encoding))
        except UnicodeEncodeError:  # GBK has no · : the plan as a GBK office saves it, with a ・
            path.write_bytes(bom + text.replace("·", "・").encode(encoding))
        assert read_text(path).replace("・", "·") == text

    def test_binary(self, tmp_path: Path) -> None:
        path = tmp_path / "plan.txt"
        path.write_bytes(bytes(range(256)) * 4)
        with pytest.raises(SourceError, match=r"plan\.txt: not text in any encoding"):
            heze_plan.read(path)


class TestErrors:
    """What cannot be read is one error naming the file, never a traceback of a library."""

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        path = tmp_path / "plan.wps"
        path.write_bytes(b"x")
        with pytest.raises(
            SourceError, match=r"plan\.wps: unknown kind of file '\.wps': a plan is read from"
        ):
            heze_plan.read(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(SourceError, match=r"nothing\.pdf: cannot read the file: No such file"):
            heze_plan.read(tmp_path / "nothing.pdf")

    def test_empty_file(self, tmp_path: Path) -> None:
        path = tmp_path / "empty.docx"
        path.write_bytes(b"")
        with pytest.raises(SourceError, match=r"empty\.docx: the file is empty"):
            heze_plan.read(path)

    def test_parse_errors_stay_parse_errors(self, tmp_path: Path) -> None:
        path = tmp_path / "note.html"
        path.write_text(
            "<p>" + "这是一份关于天气的通知，请各单位注意防暑降温，合理安排工作时间。" * 3 + "</p>", "utf-8"
        )
        with pytest.raises(ParseError, match="no tasks"):
            heze_plan.read(path)

    @pytest.mark.parametrize(
        ("suffix", "module", "extra"),
        [
            (".pdf", "pypdf", "pdf"),
            (".docx", "docx", "docx"),
            (".html", "lxml.html", "html"),
            (".xlsx", "openpyxl", "xlsx"),
        ],
    )
    def test_missing_extra(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, module: str, extra: str
    ) -> None:
        real = importlib.import_module

        def without(name: str, package: str | None = None) -> object:
            if name == module:
                raise ModuleNotFoundError(f"No module named {name!r}")
            return real(name, package)

        monkeypatch.setattr(importlib, "import_module", without)
        path = tmp_path / f"plan{suffix}"
        path.write_bytes(b"PK\x03\x04 data")
        with pytest.raises(ExtraMissingError, match=rf"pip install 'heze-plan\[{extra}\]'") as raised:
            heze_plan.read(path)
        assert isinstance(raised.value, ImportError)
        assert raised.value.extra == extra

    def test_registry_covers_every_format(self) -> None:
        assert {".txt", ".pdf", ".docx", ".html", ".htm", ".xlsx", ".csv"} <= set(READERS)


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The Heze plan as the parser reads its text, before the embedded plan's readings
    (data/readings.json, decisions that no file carries) are applied."""
    return heze_plan.parse(heze_plan.source_text(), errata=shipped_errata(), registry=known_units())
