"""Development sessions: ``nox`` runs the default ones (tests, lint, typing)."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typing"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite, doctests included."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and common mistakes with ruff."""
    session.install("ruff")
    session.run("ruff", "check", "src", "tests", "benchmarks", "fuzz", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "tests", "benchmarks", "fuzz", "noxfile.py")


@nox.session
def typing(session: nox.Session) -> None:
    """Type-check the package with mypy in strict mode."""
    session.install("mypy", "-e", ".")
    session.run("mypy")


@nox.session
def benchmarks(session: nox.Session) -> None:
    """Measure import, load, parse, queries, feeds, the CLI and parsing at scale (slow; prints a table).

    ``nox -s benchmarks -- --quick`` stops at 10 000 tasks; ``-- --json FILE`` also writes the figures.
    """
    session.install("-e", ".")
    session.run("python", "-m", "benchmarks.run", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Fuzz the parser with atheris for a bounded time (60 s; ``-- -max_total_time=N`` to change)."""
    session.install("-e", ".", "atheris")
    options = session.posargs or ["-max_total_time=60"]
    session.run("python", "fuzz/fuzz_parse.py", "-max_len=20000", *options, "fuzz/corpus")
