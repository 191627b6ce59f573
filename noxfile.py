"""Development sessions: ``nox`` runs the default ones (tests, lint, typing, docs, notebooks)."""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typing", "docs", "notebooks"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False

PYPROJECT = nox.project.load_toml("pyproject.toml")
#: What lint checks: the Python of the package, the tests and the docs (not the Markdown pages' examples).
PYTHON_FILES = (
    "src",
    "tests",
    "benchmarks",
    "fuzz",
    "docs/conf.py",
    "docs/_ext",
    "noxfile.py",
    "conftest.py",
)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite, doctests included."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and common mistakes with ruff."""
    session.install("ruff")
    session.run("ruff", "check", *PYTHON_FILES)
    session.run("ruff", "format", "--check", *PYTHON_FILES)


@nox.session
def typing(session: nox.Session) -> None:
    """Type-check the package with mypy in strict mode."""
    session.install("mypy", "types-openpyxl", "-e", ".[xlsx]")
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation with Sphinx, warnings as errors."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "docs"), "-e", ".")
    # -E reads every page afresh: the generated pages depend on the code, not only on their source.
    session.run(
        "sphinx-build", "-W", "--keep-going", "-E", "-b", "html", "docs", "docs/_build/html", *session.posargs
    )


@nox.session
def notebooks(session: nox.Session) -> None:
    """Execute every example notebook top to bottom in a fresh Jupyter kernel; fail on any error."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "notebooks"), "-e", ".[charts]")
    # Run copies, so that what the notebooks write (calendar files) stays out of the repository.
    scratch = Path(session.create_tmp()) / "examples"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree("examples", scratch, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    chosen = sorted(scratch.glob("*.ipynb"))
    if not chosen:
        session.error("no notebooks in examples/")
    env = {
        # Charts render to PNG without a display (Agg underneath), as in Jupyter itself.
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "JUPYTER_DATA_DIR": str(scratch / ".jupyter"),  # only this session's kernel, not a user's own
        "JUPYTER_PLATFORM_DIRS": "1",
    }
    session.run("jupyter", "execute", "--kernel_name=python3", "--timeout=600", *map(str, chosen), env=env)


@nox.session
def benchmarks(session: nox.Session) -> None:
    """Measure import, load, parse, queries, feeds, the CLI and parsing at scale (slow; prints a table).

    ``nox -s benchmarks -- --quick`` stops at 10 000 tasks; ``-- --json FILE`` also writes the figures.
    Installed from a built wheel, as users get it: the wheel carries the parsed plan (hatch_build.py).
    """
    session.install("--force-reinstall", "--no-deps", ".")
    session.install(".")
    session.run("python", "-m", "benchmarks.run", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Fuzz the parser with atheris for a bounded time (60 s; ``-- -max_total_time=N`` to change)."""
    session.install("-e", ".", "atheris")
    options = session.posargs or ["-max_total_time=60"]
    session.run("python", "fuzz/fuzz_parse.py", "-max_len=20000", *options, "fuzz/corpus")
