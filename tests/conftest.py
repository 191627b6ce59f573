"""Test configuration: Hypothesis profiles, the shared ``plan`` fixture and the plan files.

``thorough`` (the default) runs 200 examples per property; ``fast`` runs 25,
for quick local runs: ``HYPOTHESIS_PROFILE=fast pytest``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import heze_plan
from heze_plan.model.plan import Plan
from tests import plan_files

settings.register_profile(
    "thorough", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=25, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "thorough"))


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The embedded Heze 2023 plan."""
    return heze_plan.load()


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory, plan: Plan) -> dict[str, Path]:
    """Every plan file that needs no office suite, written once (``tests/plan_files.py``)."""
    for module in ("pypdf", "docx", "lxml.html", "openpyxl", "reportlab"):
        pytest.importorskip(module, reason=f"{module} (the test extra) writes or reads the plan files")
    folder = tmp_path_factory.mktemp("plan-files")
    return {
        "pdf": plan_files.write_pdf_reportlab(folder / "菏政发2023-11.pdf"),
        "docx": plan_files.write_docx(folder / "菏政发2023-11.docx"),
        "html": plan_files.write_html_paragraphs(folder / "t20230712_1.html"),
        "html-br": plan_files.write_html_breaks(folder / "content_br.htm"),
        "xlsx": plan_files.write_xlsx(folder / "任务分工.xlsx", plan),
        "csv": plan_files.write_csv(folder / "任务分工.csv", plan),
    }


@pytest.fixture(scope="session")
def office_published(tmp_path_factory: pytest.TempPathFactory, published: dict[str, Path]) -> dict[str, Path]:
    """The Word document converted to PDF and re-saved as .docx, the workbook re-saved, by LibreOffice."""
    if plan_files.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("office")
    profile = tmp_path_factory.mktemp("lo-profile")
    try:
        return {
            "pdf": plan_files.libreoffice_convert(published["docx"], "pdf", folder / "pdf", profile),
            "docx": plan_files.libreoffice_convert(
                published["docx"], "docx:MS Word 2007 XML", folder / "docx", profile
            ),
            "xlsx": plan_files.libreoffice_convert(published["xlsx"], "xlsx", folder / "xlsx", profile),
        }
    except (FileNotFoundError, OSError) as error:
        pytest.skip(f"LibreOffice cannot convert here (Writer or Calc missing?): {error}")
