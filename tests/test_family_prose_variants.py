"""Metamorphic tests: the corpus's prose plans rewritten as another publisher could print them (issue 11).

Each transform below turns a real plan of ``tests/data/family/real/`` into a
text a government could equally have published and a civil servant reads
the same way: owner brackets set as owner lines after the task and back,
the label synonyms the corpus uses, units parted by ， instead of 、, the
bracket kinds and clause separators the corpus shows, role words
(X牵头，Y配合), the numbering punctuation of the task level, a notice with its
signature before the plan, a web page's frame around it, doubled line
breaks, a one-line copy, traditional characters. The variant is scored with
:mod:`benchmarks.family_score` against the SAME expected table and must score
as the original does.

A transform is run on every document it changes: one that finds nothing to
change (no owner bracket to turn into lines) is no test. Where a document
cannot take a transform the test is generated and skipped with the reason
(a table cannot become a one-line copy); where the parser does not read the
variant yet it is an xfail with the reason.
"""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from heze_plan.parsing.hanzi import _SIMPLIFIED, TRADITIONAL

from .test_family_corpus import CORPUS, SCORE

SLUGS = SCORE.slugs(CORPUS)

#: The owner labels the corpus writes, as a pattern.
LABEL = (
    r"(?:牵头(?:责任)?单位|牵头部门|主要责任单位|责任单位|责任部门"
    r"|配合单位|协同配合单位|协办单位|协同责任单位)"
)
_OWNER_LINE = re.compile(rf"(?m)^(\s*)({LABEL})\s*([:：])(.*)$")
_LEADER_LINE = re.compile(r"^\s*(?:牵头(?:负责)?领导|责任领导|分管领导)\s*[:：]")
_BRACKET = re.compile(rf"[（(]({LABEL}[:：][^（）()]*)[）)]")
_HEADER = re.compile(r"(?m)^\s*(?:序号|编号|牵头单位|责任单位|完成时限|主要内容|重点任务|工作任务)\s*$")
_TRAD = str.maketrans(_SIMPLIFIED, TRADITIONAL)

Transform = Callable[[str, str], "str | None"]


def _rows(slug: str) -> list[dict[str, str]]:
    with (CORPUS / f"{slug}.expected.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _year(slug: str) -> str:
    return next((row["plan_year"] for row in _rows(slug) if row["plan_year"]), "")


def _is_table(text: str, slug: str) -> bool:
    """A table however rendered (bars, tabs, one cell a line under a header): no prose to rejoin."""
    return "|" in text or "\t" in text or bool(_HEADER.search(text)) or slug.endswith(("-table", "-progress"))


def _renumber(punct: str) -> Transform:
    """The task level numbered 1. / 1、 / 1． (where the table numbers tasks 1, 2, …)."""

    def transform(text: str, slug: str) -> str | None:
        if not any(re.fullmatch(r"\d+[.、．﹒]?", row["number"]) for row in _rows(slug)):
            return None
        return re.sub(r"(?m)^(\s*)(\d{1,2})[.．、﹒](?=\s*[^\d\s])", lambda m: m[1] + m[2] + punct, text)

    return transform


def _relabel(old: str, new: str) -> Transform:
    """A label synonym of the corpus (牵头单位 → 牵头部门, 责任单位 → 责任部门, …)."""

    def transform(text: str, slug: str) -> str | None:
        pattern = rf"(?<![\u4e00-\u9fff]){old}(?=\s*[:：])"
        return re.sub(pattern, new, text) if re.search(pattern, text) else None

    return transform


def _commas(value: str) -> str:
    """、 → ， between units at depth 0, after a unit's last character (not inside 各县、市、区政府)."""
    out, depth = [], 0
    for i, char in enumerate(value):
        depth += (char in "（(〔【") - (char in "）)〕】")
        out.append(
            "，"
            if char == "、" and depth <= 0 and i and value[i - 1] in "局委办厅府会室心院部队所站司行社署处"
            else char
        )
    return "".join(out)


def comma_units(text: str, slug: str) -> str | None:
    new = _OWNER_LINE.sub(lambda m: m[1] + m[2] + m[3] + _commas(m[4]), text)
    return _BRACKET.sub(lambda m: _commas(m[0]), new)


def brackets_to_lines(text: str, slug: str) -> str | None:
    """An owner bracket after the task set as one owner line per label under it."""
    pattern = re.compile(rf"(?m)^(\s*)(.*?)[（(]({LABEL}[:：][^（）()]*)[）)]([。；;]?)\s*$")

    def lines(m: re.Match[str]) -> str:
        parts = [p.strip() for p in re.split(r"[;；]", m[3]) if p.strip()]
        return m[1] + m[2] + m[4] + "".join("\n" + m[1] + p for p in parts)

    return pattern.sub(lines, text)


def lines_to_brackets(text: str, slug: str) -> str | None:
    """Owner lines under a task set as one bracket after it (blank lines between them kept out)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        i += 1
        group: list[str] = []
        j = i
        while j < len(lines):
            if _OWNER_LINE.match(lines[j]):
                group.append(lines[j].strip().rstrip("。；;"))
            elif lines[j].strip() or not (j + 1 < len(lines) and _OWNER_LINE.match(lines[j + 1])):
                break
            j += 1
        if group and out[-1].strip() and not _OWNER_LINE.match(out[-1]) and not _LEADER_LINE.match(out[-1]):
            out[-1] = out[-1].rstrip() + "（" + "；".join(group) + "）"
            i = j
    return "\n".join(out)


def role_words(text: str, slug: str) -> str | None:
    """（牵头单位：X；责任单位：Y） as role words: （X牵头，Y配合）."""
    pattern = re.compile(
        r"[（(](?:牵头单位|牵头部门)[:：]([^（）()；;:：]+?)"
        r"(?:[;；，,]\s*(?:责任单位|配合单位|责任部门|协办单位)[:：]([^（）()；;:：]+?))?[）)]"
    )
    return pattern.sub(lambda m: f"（{m[1]}牵头，{m[2]}配合）" if m[2] else f"（{m[1]}牵头）", text)


def notice(text: str, slug: str) -> str | None:
    """The notice that sends the plan, signed and dated in the plan's year, before it."""
    year = _year(slug)
    head = "各县区人民政府，市直各部门：\n现将本方案印发给你们，请认真贯彻落实。\n市人民政府办公室\n"
    return head + (f"{year}年2月10日\n" if year else "") + "\n" + text


def furniture(text: str, slug: str) -> str | None:
    """A government web page's frame: breadcrumbs, 发布时间, font buttons; an attached file, the QR code."""
    year = _year(slug)
    head = "首页 > 政务公开 > 政策文件\n"
    head += f"发布时间：{year}-02-10 09:30  来源：市人民政府办公室\n" if year else ""
    head += "【字体：大 中 小】 打印\n"
    return head + text + "\n附件：1.工作任务分解表.doc\n扫一扫在手机打开当前页\n"


def oneline(text: str, slug: str) -> str | None:
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


TRANSFORMS: dict[str, Transform] = {
    "double_breaks": lambda text, slug: text.replace("\n", "\n\n"),
    "num_dot": _renumber("."),
    "num_dun": _renumber("、"),
    "num_fullstop": _renumber("．"),
    "label_bumen": _relabel("牵头单位", "牵头部门"),
    "label_zhuyao": _relabel("牵头单位", "主要责任单位"),
    "label_zeren_bumen": _relabel("责任单位", "责任部门"),
    "label_xieban": _relabel("配合单位", "协办单位"),
    "comma_units": comma_units,
    "bracket_half": lambda text, slug: re.sub(rf"（({LABEL}[:：][^（）()]*)）", r"(\1)", text),
    "bracket_full": lambda text, slug: re.sub(rf"\(({LABEL}[:：][^（）()]*)\)", r"（\1）", text),
    "bracket_tortoise": lambda text, slug: _BRACKET.sub(r"〔\1〕", text),
    "clause_comma": lambda text, slug: _BRACKET.sub(
        lambda m: re.sub(rf"[;；]\s*(?={LABEL}[:：])", "，", m[0]), text
    ),
    "role_words": role_words,
    "brackets_to_lines": brackets_to_lines,
    "lines_to_brackets": lines_to_brackets,
    "notice": notice,
    "furniture": furniture,
    "oneline": oneline,
    "traditional": lambda text, slug: text.translate(_TRAD),
}

#: (transform, document) pairs a document cannot take, and why.
CANNOT: dict[str, str] = {
    "oneline": "a table (bars, tabs or one cell a line under a header) cannot become a one-line copy cleanly",
}
#: (transform, document) pairs whose variant the expected table reads otherwise, or that the excerpt
#: kept in the corpus cannot take, and why.
OTHERWISE: dict[tuple[str, str], str] = {
    ("oneline", "guowuyuan-2015"): "the excerpt starts at (五十六): inside a line only the next number of "
    "its level is an item, and a whole copy has (一) to (五十五) before it",
    ("comma_units", "lishui-city-2023"): "the table keeps 各县（市、区）政府、丽水开发区管委会 as one name; "
    "parted by ， they are two",
    ("lines_to_brackets", "shijingshan-district-2019"): "the 协办单位 line runs on to the next line (a PDF's "
    "line break inside 园区党工 / 委): the transform brackets its first line only and leaves the rest out",
}
#: (transform, document) pairs the parser does not read yet, and why.
NOT_YET: dict[tuple[str, str], str] = {
    (
        "oneline",
        "haidong-city-2020",
    ): "one-line copy: the source's label cut over two lines (人：) joins the unit",
    (
        "oneline",
        "qinxian-county-2025",
    ): "one-line copy: a heading's lead (一、X牵头工作) inside the running text",
    ("oneline", "shaanxi-province-2015"): "one-line copy: the year of a news date line (13.03.2015) mid-line",
    ("oneline", "tianjin-city-2020"): "one-line copy: numbers written 1。 after a space",
    ("oneline", "zhengzhou-city-2012-shishi"): "one-line copy: items without numbers run together",
}


def _cases() -> list[object]:
    cases: list[object] = []
    for name, transform in TRANSFORMS.items():
        for slug in SLUGS:
            text = (CORPUS / f"{slug}.txt").read_text(encoding="utf-8")
            if name in CANNOT and _is_table(text, slug):
                cases.append(
                    pytest.param(name, slug, marks=pytest.mark.skip(reason=CANNOT[name]), id=f"{name}-{slug}")
                )
                continue
            new = transform(text, slug)
            if new is None or new == text:
                continue  # nothing to change: no test
            marks = []
            if (name, slug) in OTHERWISE:
                marks.append(pytest.mark.skip(reason=OTHERWISE[name, slug]))
            if (name, slug) in NOT_YET:
                marks.append(pytest.mark.xfail(reason=NOT_YET[name, slug], strict=True))
            cases.append(pytest.param(name, slug, marks=marks, id=f"{name}-{slug}"))
    return cases


_ORIGINAL: dict[str, object] = {}


@pytest.mark.parametrize(("name", "slug"), _cases())
def test_variant_scores_as_the_original(name: str, slug: str, tmp_path: Path) -> None:
    if slug not in _ORIGINAL:
        _ORIGINAL[slug] = SCORE.score_document(slug, CORPUS)
    original = _ORIGINAL[slug]
    text = (CORPUS / f"{slug}.txt").read_text(encoding="utf-8")
    (tmp_path / f"{slug}.txt").write_text(TRANSFORMS[name](text, slug) or text, encoding="utf-8")
    shutil.copy(CORPUS / f"{slug}.expected.csv", tmp_path / f"{slug}.expected.csv")
    variant = SCORE.score_document(slug, tmp_path)
    assert variant.outcome == original.outcome, variant.outcome  # type: ignore[attr-defined]
    assert variant.right >= original.right, "\n".join(variant.misses)  # type: ignore[attr-defined]
