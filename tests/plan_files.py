"""Real plan files in every format the readers take, written from the Heze source text by real tools.

Each builder writes one file from :func:`heze_plan.source_text` as an office
would publish it: reportlab typesets a PDF with its built-in CID font
STSong-Light (a running header and ``— N —`` page numbers on every page);
python-docx writes a Word document (header and page-number field in the
footer); LibreOffice converts it to PDF and re-saves it as .docx, and re-saves
a workbook; the web pages wrap the article in navigation, breadcrumbs, a
sidebar and a footer, as a government site does; the task table lists the
195 tasks under merged area rows, below a title. None of them uses the
library's own writers or readers.
"""

from __future__ import annotations

import csv
import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import heze_plan
from heze_plan.common.numerals import from_chinese
from heze_plan.model.plan import Plan

#: The running header of every page of the typeset plan.
RUNNING_HEADER = "菏泽市2023年深化营商环境创新提升行动实施方案"
TABLE_TITLE = "《菏泽市2023年深化营商环境创新提升行动实施方案》重点任务分工表"
TABLE_HEADER = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]
CHINESE_NUMERALS = "一二三四五六七八九十"


def source_paragraphs() -> list[str]:
    """The source text's lines that hold text, each typeset as a paragraph."""
    return [line for line in heze_plan.source_text().split("\n") if line.strip()]


def write_pdf_reportlab(path: Path) -> Path:
    """The plan typeset in STSong-Light on A4, with a running header and a ``— N —`` page number."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK"
    )

    def furniture(canvas, document) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, RUNNING_HEADER)
        canvas.setFont("STSong-Light", 11)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {document.page} —")
        canvas.restoreState()

    story = [Paragraph(html.escape(line), style) for line in source_paragraphs()]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def write_docx(path: Path) -> Path:
    """The plan as a Word document: a paragraph a line, a running header, a PAGE field in the footer."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Noto Serif CJK SC"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    normal.font.size = Pt(14)
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    field = footer.add_run()
    for kind, instruction in (("begin", None), (None, " PAGE "), ("end", None)):
        element = OxmlElement("w:fldChar" if kind else "w:instrText")
        if kind:
            element.set(qn("w:fldCharType"), kind)
        else:
            element.text = instruction
        field._r.append(element)
    footer.add_run(" —")
    for line in source_paragraphs():
        document.add_paragraph(line).paragraph_format.first_line_indent = Pt(28)
    document.save(str(path))
    return path


#: Where the numbers that a list draws stand in the source's lines: chapter 一、, area （一）, task 1.
_LIST_LABELS = (
    re.compile(r"(?P<n>[一二三四五六七八九十]+)、"),
    re.compile(r"[（(](?P<n>[一二三四五六七八九十]+)[）)] ?"),
    re.compile(r"(?P<n>[0-9]+)[.．] ?"),
)

#: The lists as Word writes them (ECMA-376 Part 1, §17.9): a two-level list numbers the chapters
#: 一、 (through the Heading 1 style) and the areas （一）, which restart under each chapter; a list
#: of its own numbers the tasks 1. on through every area. (One three-level list whose task level
#: never restarts, w:lvlRestart 0, is what Word also offers, but LibreOffice 7.4 restarts that
#: level under each area all the same, and the tests compare with LibreOffice's rendering.)
_LIST_DEFINITIONS = """
<w:numbering xmlns:w="{w}">
<w:abstractNum w:abstractNumId="{outline}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="{tasks}">
  <w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:suff w:val="space"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="{outline}"><w:abstractNumId w:val="{outline}"/></w:num>
<w:num w:numId="{tasks}"><w:abstractNumId w:val="{tasks}"/></w:num>
</w:numbering>
"""


def _numbering_ids(numbering, qn):  # type: ignore[no-untyped-def]
    """Every abstract definition's and instance's id already in a numbering part, with its attribute."""
    for element in numbering.iter(qn("w:abstractNum")):
        yield element, "w:abstractNumId"
    for element in numbering.iter(qn("w:num")):
        yield element, "w:numId"


def write_docx_numbered(path: Path) -> Path:
    """The plan as a Word document whose chapter, area and task numbers are a list, not typed.

    Each line that starts with 一、, （一） or 1. loses that label and becomes an
    item of one multilevel list instead: Word (and LibreOffice) draw the same
    number, but the paragraph's text no longer holds it. The labels are
    checked to follow one another as the list will number them, so the
    document shows exactly the source's numbers.
    """
    import docx
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsmap, qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    used = [int(e.get(qn(a))) for e, a in _numbering_ids(numbering, qn)]
    outline, tasks = str(max(used, default=0) + 1), str(max(used, default=0) + 2)
    definitions = parse_xml(_LIST_DEFINITIONS.format(w=nsmap["w"], outline=outline, tasks=tasks))
    first_instance = numbering.find(qn("w:num"))
    for element in list(definitions):
        if element.tag == qn("w:abstractNum") and first_instance is not None:
            first_instance.addprevious(element)  # the schema puts every w:abstractNum before any w:num
        else:
            numbering.append(element)
    heading = document.styles["Heading 1"].element.get_or_add_pPr()
    heading.insert(0, parse_xml(f'<w:numPr xmlns:w="{nsmap["w"]}"><w:numId w:val="{outline}"/></w:numPr>'))

    counters = [0, 0, 0]
    for line in source_paragraphs():
        for level, label in enumerate(_LIST_LABELS):
            found = label.match(line)
            if found is None:
                continue
            number = found["n"]
            value = int(number) if number.isdigit() else from_chinese(number)
            expected = counters[level] + 1
            if value != expected:
                msg = f"the source's label {found[0]!r} does not follow {counters[level]} in a list"
                raise ValueError(msg)
            counters[level] = value
            if level == 0:
                counters[1] = 0
                document.add_paragraph(line[found.end() :], style="Heading 1")
            else:
                paragraph = document.add_paragraph(line[found.end() :])
                number_properties = OxmlElement("w:numPr")
                list_level, list_id = (1, outline) if level == 1 else (0, tasks)
                for name, val in (("w:ilvl", str(list_level)), ("w:numId", list_id)):
                    element = OxmlElement(name)
                    element.set(qn("w:val"), val)
                    number_properties.append(element)
                paragraph._p.get_or_add_pPr().insert(0, number_properties)
            break
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def soffice() -> str | None:
    """LibreOffice's command, when it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(source: Path, target_format: str, outdir: Path, profile: Path) -> Path:
    """Convert a file with LibreOffice headless, in a profile of its own (runs do not share one)."""
    command = soffice()
    assert command is not None
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            command,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env={**os.environ, "HOME": str(profile)},
    )
    converted = outdir / f"{source.stem}.{target_format.split(':', maxsplit=1)[0]}"
    if not converted.exists():  # LibreOffice exits 0 when a filter is missing (Writer not installed)
        msg = f"LibreOffice wrote no {converted.name}"
        raise FileNotFoundError(msg)
    return converted


_NAVIGATION = (
    '<div class="top"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zcwj/">政策文件</a>'
    ' <a href="/hdjl/">互动交流</a> <a href="/bsfw/">办事服务</a></div>'
    '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
    '<a href="/zfwj/">政府文件</a></div>'
)
_SIDEBAR = (
    '<div class="side"><h3>相关文件</h3><ul>'
    + "".join(
        f'<li><a href="/zfwj/{n}.html">关于印发菏泽市{2015 + n}年重点工作任务分工的通知</a></li>'
        for n in range(8)
    )
    + "</ul></div>"
)
_FOOTER = (
    '<div class="foot"><p>主办单位：菏泽市人民政府办公室　承办单位：菏泽市大数据中心</p>'
    "<p>网站标识码：3717000001　鲁ICP备05006537号　鲁公网安备 37170202000123号</p>"
    '<p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a></p></div>'
)
_SCRIPT = '<script>var share = "分享到微信、微博"; document.write("欢迎访问菏泽市人民政府网站");</script>'


def write_html_paragraphs(path: Path) -> Path:
    """A government page in GB2312 (as many sites still are): the article as <p> elements."""
    body = "".join(f'<p style="text-indent:2em">{html.escape(line)}</p>' for line in source_paragraphs())
    page = (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<title>菏泽市人民政府 政府文件</title>{_SCRIPT}</head><body>{_NAVIGATION}{_SIDEBAR}"
        f'<div class="article"><div class="content" id="zoom">{body}</div></div>{_FOOTER}</body></html>'
    )
    path.write_bytes(page.encode("gb18030"))
    return path


def write_html_breaks(path: Path) -> Path:
    """A page in UTF-8 whose article is one cell of a layout table, its paragraphs split by <br>."""
    body = "<br>\n".join(f"&nbsp;&nbsp;&nbsp;&nbsp;{html.escape(line)}" for line in source_paragraphs())
    page = (
        f'<html><head><meta charset="utf-8"><title>政府文件</title></head><body>{_NAVIGATION}'
        f'<table><tr><td width="200">{_SIDEBAR}</td><td class="TRS_Editor">{body}</td></tr></table>'
        f"{_FOOTER}{_SCRIPT}</body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return path


def write_html_without_article(path: Path) -> Path:
    """A page with navigation, a sidebar and a footer but no article (a listing page)."""
    page = f"<html><head><meta charset='utf-8'></head><body>{_NAVIGATION}{_SIDEBAR}{_FOOTER}</body></html>"
    path.write_text(page, encoding="utf-8")
    return path


def _owners(names: tuple[str, ...]) -> str:
    """Unit names as a table cell lists them: one a line (Alt+Enter in a spreadsheet)."""
    return "\n".join(names)


def task_rows(plan: Plan) -> list[list[object]]:
    """The plan as a 任务分工表: title rows, the header, an area row before each area's tasks."""
    rows: list[list[object]] = [["附件"], [plan.document.number], [TABLE_TITLE], TABLE_HEADER]
    for area in plan.areas:
        leads = f"（领域牵头部门：{'、'.join(area.lead_units)}）" if area.lead_units else ""
        rows.append([f"{_area_number(area.number)}、{area.name}。{leads}"])
        for task in plan.tasks:
            if task.area == area.number:
                deadlines = "、".join(dict.fromkeys(m.phrase for m in task.milestones))
                rows.append(
                    [
                        task.number,
                        task.text,
                        _owners(task.lead_units),
                        _owners(task.responsible_units),
                        deadlines,
                    ]
                )
    return rows


def _area_number(number: int) -> str:
    if number <= 10:
        return CHINESE_NUMERALS[number - 1]
    return (
        ("" if number < 20 else CHINESE_NUMERALS[number // 10 - 1])
        + "十"
        + (CHINESE_NUMERALS[number % 10 - 1] if number % 10 else "")
    )


def write_xlsx(path: Path, plan: Plan) -> Path:
    """The task table as a workbook: title and area rows merged across the five columns."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "任务分工"
    for row in task_rows(plan):
        sheet.append(row)
        if len(row) == 1:
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=5)
    book.save(str(path))
    return path


def write_docx_table(path: Path, plan: Plan) -> Path:
    """The task table as a Word table (附件 and the title above it, the header row repeated on each
    page, each area row merged across the five columns), for LibreOffice to typeset as a PDF."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    rows = task_rows(plan)
    header_at = rows.index(TABLE_HEADER)
    for row in rows[:header_at]:
        document.add_paragraph(str(row[0]))
    table = document.add_table(rows=0, cols=5)
    table.style = "Table Grid"
    widths = (Cm(1.5), Cm(11.5), Cm(4.5), Cm(6), Cm(2.5))
    for row in rows[header_at:]:
        cells = table.add_row().cells
        if len(row) == 1:
            merged = cells[0].merge(cells[4])
            merged.text = str(row[0])
            continue
        for cell, value, width in zip(cells, row, widths, strict=True):
            cell.text = str(value)
            cell.width = width
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    document.save(str(path))
    return path


def write_csv(path: Path, plan: Plan, encoding: str = "gb18030") -> Path:
    """The task table as CSV in GB18030, as Excel saves it on a Chinese Windows."""
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(task_rows(plan))
    return path
