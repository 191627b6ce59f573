"""``import heze_plan`` stays light: heavy dependencies load only when a feature needs them."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _packages() -> Iterator[pkgutil.ModuleInfo]:
    import heze_plan

    return (m for m in pkgutil.walk_packages(heze_plan.__path__, "heze_plan.") if m.ispkg)


def _modules_after(code: str) -> set[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out))


class TestImport:
    """Importing the package or loading the embedded plan loads no calendar, holiday or parser code."""

    def test_import_loads_neither_icalendar_nor_holidays(self) -> None:
        loaded = _modules_after("import heze_plan")
        assert not {m for m in loaded if m.split(".")[0] in {"icalendar", "holidays"}}
        assert "heze_plan.parsing.parser" not in loaded
        assert "importlib.metadata" not in loaded

    def test_load_serves_the_snapshot_without_parsing(self, tmp_path: Path) -> None:
        # a wheel's data directory: the shipped files and the snapshot its build hook writes
        from heze_plan import _embedded, data

        for name in data.SHIPPED:
            (tmp_path / name).write_text(data.read_text(name), encoding="utf-8")
        (tmp_path / data.SNAPSHOT).write_text(_embedded.snapshot_json(_embedded.load()), encoding="utf-8")
        code = f"import heze_plan.data\nheze_plan.data._HERE = {str(tmp_path)!r}\nimport heze_plan\n"
        loaded = _modules_after(code + "assert len(heze_plan.load().tasks) == 195")
        assert "heze_plan.parsing.parser" not in loaded
        assert not {m for m in loaded if m.split(".")[0] in {"icalendar", "holidays"}}

    def test_lazy_names_resolve(self) -> None:
        """In a fresh process (nothing cached), each lazy name is the object its defining package has."""
        import heze_plan

        assert set(heze_plan._LAZY) <= set(heze_plan.__all__)
        script = (
            "import json, heze_plan\n"
            "print(json.dumps({n: [type(getattr(heze_plan, n)).__name__, getattr(getattr(heze_plan, n),"
            " '__module__', None)] for n in heze_plan._LAZY}))"
        )
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        ).stdout
        resolved = json.loads(out)
        for name, package in heze_plan._LAZY.items():
            defining = importlib.import_module(package)
            assert name in defining.__all__, (name, package)
            kind, module = resolved[name]
            assert kind == type(getattr(defining, name)).__name__, name
            assert module == getattr(getattr(defining, name), "__module__", None), (name, module)
        assert heze_plan.parse.__module__ == "heze_plan.parsing.parser"
        assert isinstance(heze_plan.__version__, str)

    def test_every_public_name_resolves(self) -> None:
        """Each name in the ``__all__`` of the package and of every subpackage is there (ruff sorts them)."""
        import heze_plan

        packages = [heze_plan, *(importlib.import_module(m.name) for m in _packages())]
        for package in packages:
            missing = [n for n in package.__all__ if not hasattr(package, n)]
            assert missing == [], package.__name__
        assert not {"sys", "importlib", "functools", "types"} & set(dir(heze_plan))

    def test_a_name_that_is_not_there_fails(self) -> None:
        """The check above can fail: a name in __all__ that nothing defines raises AttributeError."""
        import heze_plan

        with pytest.raises(AttributeError, match="no attribute 'Nonesuch'"):
            heze_plan.Nonesuch  # noqa: B018 - the attribute access is the test


class TestNoShadowedSubmodule:
    """heze_plan.status is the function, and no module of the package has that name."""

    def test_status_is_the_function(self) -> None:
        import heze_plan
        from heze_plan.progress import assessment

        assert heze_plan.status is assessment.status
        assert assessment.State is heze_plan.State

    def test_no_public_name_is_also_a_submodule(self) -> None:
        """In no package (calendar/__init__ re-exported the function entries over the module entries)."""
        import heze_plan

        for package in [heze_plan, *(importlib.import_module(m.name) for m in _packages())]:
            submodules = {m.name for m in pkgutil.iter_modules(package.__path__)}
            assert not (set(package.__all__) & submodules), package.__name__


class TestCalendarLazyNames:
    """``heze_plan.calendar`` loads the feed set's modules only when one of their names is asked for."""

    def test_a_single_feed_loads_no_feed_set(self) -> None:
        """``heze-plan calendar`` needs the feed code, not the set's files, manifest, index page or slugs."""
        code = (
            "import sys, json\nfrom heze_plan.calendar.feed import render_feed\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('heze_plan.calendar'))))"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        loaded = set(json.loads(out))
        assert "heze_plan.calendar.feed" in loaded
        feed_set = {f"heze_plan.calendar.{m}" for m in ("feed_set", "index_page", "manifest", "slugs")}
        assert not loaded & feed_set

    def test_every_lazy_name(self) -> None:
        """Every lazy name is public and is the object its module defines."""
        import heze_plan.calendar

        assert set(heze_plan.calendar._LAZY) <= set(heze_plan.calendar.__all__)
        for name, module in heze_plan.calendar._LAZY.items():
            assert getattr(heze_plan.calendar, name) is getattr(importlib.import_module(module), name), name
        with pytest.raises(AttributeError, match="no attribute 'nothing'"):
            heze_plan.calendar.nothing  # noqa: B018 - the attribute access is the test
