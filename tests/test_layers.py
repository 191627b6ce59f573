"""Imports run down the stages of the data flow, never up, and no module imports itself back.

The order, bottom to top (docs/architecture.md): ``errors``, ``common`` and
``data``; ``model``; ``parsing`` (and ``sources``, beside it, if it appears);
``_embedded`` (the embedded plan: read from the wheel's snapshot, else parsed,
so just above the parser); ``query``; ``progress``; ``calendar``; ``notebook``;
``cli``; and on top ``heze_plan/__init__.py``. Every ``import`` statement
counts, those inside functions too: a function-level import does not make an
upward edge acceptable.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "heze_plan"

#: Each top-level part of the package and its layer: a module may import its own layer and those below.
LAYERS = {
    "errors": 0,
    "common": 0,
    "data": 0,
    "model": 1,
    "parsing": 2,
    "sources": 2,
    "_embedded": 2,
    "query": 3,
    "progress": 4,
    "calendar": 5,
    "notebook": 6,
    "cli": 7,
    "": 8,  # heze_plan/__init__.py
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(importer: str, node: ast.ImportFrom) -> str:
    """The absolute module a ``from … import`` names (relative imports resolved against ``importer``)."""
    if not node.level:
        return node.module or ""
    package = importer.split(".")
    if MODULES[importer].name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def imports(name: str, source: str) -> Iterator[tuple[str, int]]:
    """Every module of the package that ``source`` imports, with the line (``from x import sub``: x.sub)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(name, node)
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for named in targets:
            module = named
            while module and module not in MODULES and module.startswith("heze_plan"):
                module = module.rpartition(".")[0]  # heze_plan.model.plan.Plan is in heze_plan.model.plan
            if module in MODULES:
                yield module, node.lineno


def graph() -> dict[str, set[str]]:
    return {
        name: {t for t, _ in imports(name, path.read_text(encoding="utf-8"))}
        for name, path in MODULES.items()
    }


def layer(module: str) -> int:
    part = module.split(".")[1] if "." in module else ""
    if part not in LAYERS:
        msg = f"{module}: the package part {part!r} has no layer; add it to LAYERS and docs/architecture.md"
        raise AssertionError(msg)
    return LAYERS[part]


def upward(name: str, source: str) -> list[str]:
    return [
        f"{name} line {line} imports {target} (layer {layer(target)} above {layer(name)})"
        for target, line in imports(name, source)
        if layer(target) > layer(name)
    ]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles among modules, each as the path that closes it (depth-first search)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if nxt == node:
                continue
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    return found


class TestLayers:
    """No module imports a module of a higher layer, and the import graph has no cycle."""

    def test_every_part_has_a_layer(self) -> None:
        assert {layer(m) for m in MODULES} <= set(LAYERS.values())

    def test_no_import_goes_up(self) -> None:
        problems = [
            p for name, path in MODULES.items() for p in upward(name, path.read_text(encoding="utf-8"))
        ]
        assert problems == []

    def test_no_cycle(self) -> None:
        assert cycles(graph()) == []

    def test_the_graph_is_read(self) -> None:
        """The reader sees what is there: known edges, a function-level import and a relative one."""
        edges = graph()
        assert "heze_plan.model.plan" in edges["heze_plan.query.selections"]
        assert "heze_plan.parsing" in edges["heze_plan._embedded"]  # inside parse_embedded()
        assert "heze_plan.data" in edges["heze_plan._embedded"]  # from heze_plan import data


class TestTheCheckCanFail:
    """Deliberately wrong imports are caught: upward at module level, inside a function, relative, a cycle."""

    @pytest.mark.parametrize(
        "source",
        [
            "from heze_plan.cli import main\n",
            "def f():\n    import heze_plan.calendar.feed\n",
            "from ..progress import status\n",
            "import heze_plan\n",
        ],
    )
    def test_upward_import_in_the_model(self, source: str) -> None:
        assert upward("heze_plan.model.checks", source)

    def test_downward_import_passes(self) -> None:
        assert upward("heze_plan.calendar.feed", "from heze_plan.model.plan import Plan\n") == []

    def test_cycle(self) -> None:
        edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
        assert cycles(edges) == [["a", "b", "c", "a"]]
