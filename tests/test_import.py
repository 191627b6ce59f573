"""``import heze_plan`` stays light: heavy dependencies load only when a feature needs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


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

        for name in (data.SOURCE, data.ERRATA, data.UNITS, data.READINGS):
            (tmp_path / name).write_text(data.read_text(name), encoding="utf-8")
        (tmp_path / data.SNAPSHOT).write_text(_embedded.snapshot_json(_embedded.load()), encoding="utf-8")
        code = f"import heze_plan.data\nheze_plan.data._HERE = {str(tmp_path)!r}\nimport heze_plan\n"
        loaded = _modules_after(code + "assert len(heze_plan.load().tasks) == 195")
        assert "heze_plan.parsing.parser" not in loaded
        assert not {m for m in loaded if m.split(".")[0] in {"icalendar", "holidays"}}

    def test_lazy_names_resolve(self) -> None:
        import heze_plan

        assert heze_plan.parse.__module__ == "heze_plan.parsing.parser"
        assert heze_plan.ParseError.__module__ == "heze_plan.errors"
        assert isinstance(heze_plan.__version__, str)
        # every public name resolves (dir() lists __all__ itself, so it proves nothing)
        for name in heze_plan.__all__:
            assert getattr(heze_plan, name) is not None, name
        assert not {"sys", "importlib", "functools", "types"} & set(dir(heze_plan))


class TestNoShadowedSubmodule:
    """heze_plan.status is the function, and no module of the package has that name."""

    def test_status_is_the_function(self) -> None:
        import heze_plan
        from heze_plan.progress import assessment

        assert heze_plan.status is assessment.status
        assert assessment.State is heze_plan.State

    def test_no_public_name_is_also_a_submodule(self) -> None:
        import pkgutil

        import heze_plan

        submodules = {m.name for m in pkgutil.iter_modules(heze_plan.__path__)}
        assert not (set(heze_plan.__all__) & submodules)
