"""The example notebooks are committed clean and listed in the docs (``nox -s notebooks`` runs them)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).parent.parent
NOTEBOOKS = sorted((ROOT / "examples").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    """The examples hold the tour, the analysis and the progress notebook, with the sample it reads."""
    names = [path.name for path in NOTEBOOKS]
    assert names[:3] == ["01-tour.ipynb", "02-analysis.ipynb", "03-progress.ipynb"]
    assert (ROOT / "examples" / "ledger-2023-10-15.csv").is_file()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
class TestNotebook:
    """Each notebook is valid, has no outputs in git, and runs in the standard Python kernel."""

    def test_valid(self, path: Path) -> None:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)

    def test_outputs_stripped(self, path: Path) -> None:
        notebook = nbformat.read(path, as_version=4)
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            assert cell.outputs == [], f"{path.name} cell {index} has outputs: clear them before committing"
            assert cell.execution_count is None, f"{path.name} cell {index} has an execution count"
        assert "widgets" not in notebook.metadata

    def test_python3_kernel(self, path: Path) -> None:
        notebook = nbformat.read(path, as_version=4)
        assert notebook.metadata.kernelspec.name == "python3"

    def test_listed_in_the_docs(self, path: Path) -> None:
        assert f"`{path.name}`" in (ROOT / "docs" / "notebooks.md").read_text(encoding="utf-8")

    def test_starts_with_a_title(self, path: Path) -> None:
        notebook = nbformat.read(path, as_version=4)
        first = notebook.cells[0]
        assert first.cell_type == "markdown"
        assert first.source.startswith("# ")


class TestStripCheck:
    """The stripped-outputs check fails on a notebook that has outputs."""

    def test_detects_outputs(self, tmp_path: Path) -> None:
        notebook = nbformat.read(NOTEBOOKS[0], as_version=4)
        code = next(cell for cell in notebook.cells if cell.cell_type == "code")
        code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="x\n")]
        code.execution_count = 1
        dirty = tmp_path / "dirty.ipynb"
        nbformat.write(notebook, dirty)
        with pytest.raises(AssertionError, match="has outputs"):
            TestNotebook().test_outputs_stripped(dirty)


class TestExamplePlans:
    """The real plans the fourth notebook reads are the test corpus's texts, with where they came from."""

    def test_copies_of_the_corpus(self) -> None:
        plans = sorted((ROOT / "examples" / "plans").glob("*.txt"))
        assert len(plans) == 4
        corpus = ROOT / "tests" / "data" / "family" / "real"
        for path in plans:
            assert path.read_bytes() == (corpus / path.name).read_bytes(), path.name

    def test_each_has_its_source(self) -> None:
        sources = (ROOT / "examples" / "plans" / "SOURCES.md").read_text(encoding="utf-8")
        for path in (ROOT / "examples" / "plans").glob("*.txt"):
            assert f"\n| {path.stem} |" in sources, path.name
