"""Sphinx configuration: MyST Markdown pages, the API from docstrings, generated tables.

Built by ``nox -s docs`` with warnings as errors. The CLI reference and the
errata table are generated at build time from the code and the shipped data
(``_ext/heze_docs.py``), so they cannot drift from what the package does.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

import heze_plan

project = "heze_plan"
author = "heze_plan developers"
copyright = "2023–2026, heze_plan developers"
release = heze_plan.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "heze_docs",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}  # .rst: the generated API pages
root_doc = "index"
exclude_patterns = ["_build", ".venv", "**/.ipynb_checkpoints", "_templates"]
language = "en"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "show-inheritance": False}
# The API pages (docs/_api/, not in git) are generated from the package on every build.
autosummary_generate = True
templates_path = ["_templates"]

html_theme = "alabaster"
html_title = f"heze_plan {release}"
html_static_path: list[str] = []
html_theme_options = {
    "description": "菏政发〔2023〕11号 as typed data, checks, queries, calendars and reports",
    "font_family": "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
}
