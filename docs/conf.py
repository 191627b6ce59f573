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
    "sphinx.ext.intersphinx",
    "heze_docs",
]

# A reference to a name that does not exist fails the build (``-W``): a docstring citing
# ``heze_plan.units.resolve_unit`` after a move is an error, not a dead link.
nitpicky = True
# The standard library's names resolve through Python's own inventory, read from Debian's
# python3-doc (installed by .ci/run): the builds reach no web site.
_PYTHON_INVENTORY = Path("/usr/share/doc/python3/html/objects.inv")
intersphinx_mapping = {"python": ("https://docs.python.org/3", str(_PYTHON_INVENTORY))}
nitpick_ignore_regex = [
    # Third-party types in signatures: their projects publish inventories only on the web,
    # which the builds cannot reach; each is documented by its own project.
    ("py:class", r"icalendar\..*"),  # icalendar.Calendar, icalendar.cal.Component (icalendar.readthedocs.io)
    ("py:class", r"cattrs\..*"),  # cattrs.Converter (catt.rs)
    ("py:meth", r"pandas\..*"),  # pandas.DataFrame.explode (pandas.pydata.org)
    # Type variables of generic classes, which autodoc writes as classes but are not objects to document.
    ("py:(class|obj)", r"heze_plan\.query\.selections\.[ST]"),
    ("py:class", r"heze_plan\.cli\.selection\._S"),
    # A private class: the lines of text that the re-exported parsing.parser.paragraphs() returns.
    ("py:class", r"heze_plan\.parsing\._layout\.Paragraph"),
]
if not _PYTHON_INVENTORY.exists():  # pragma: no cover - a machine without python3-doc
    # Without Python's inventory, the standard library's names cannot resolve: say so and let them be.
    print(f"docs/conf.py: {_PYTHON_INVENTORY} is missing (apt-get install python3-doc); stdlib links off")
    intersphinx_mapping = {}
    _STDLIB = r"(datetime|dt|collections\.abc|pathlib|enum|argparse|html|importlib)\..*"
    nitpick_ignore_regex.append(("py:.*", _STDLIB))

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
