"""``import heze_plan`` stays light: heavy dependencies load only when a feature needs them."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out))


class TestImport:
    """Importing the package or loading the embedded plan loads no calendar, holiday or parser code."""

    def test_import_loads_neither_icalendar_nor_holidays(self) -> None:
        loaded = _modules_after("import heze_plan")
        assert not {m for m in loaded if m.split(".")[0] in {"icalendar", "holidays"}}
        assert "heze_plan.parsing" not in loaded
        assert "importlib.metadata" not in loaded

    def test_load_serves_the_snapshot_without_parsing(self) -> None:
        loaded = _modules_after("import heze_plan\nassert len(heze_plan.load().tasks) == 195")
        assert "heze_plan.parsing" not in loaded
        assert not {m for m in loaded if m.split(".")[0] in {"icalendar", "holidays"}}

    def test_lazy_names_resolve(self) -> None:
        import heze_plan

        assert heze_plan.parse.__module__ == "heze_plan.parsing"
        assert heze_plan.ParseError.__module__ == "heze_plan.parse_report"
        assert isinstance(heze_plan.__version__, str)
        assert set(heze_plan.__all__) <= set(dir(heze_plan))


class TestShadowedSubmodule:
    """heze_plan.status stays the function even when its submodule is imported first."""

    def test_status_is_the_function(self) -> None:
        code = (
            "import heze_plan\nimport heze_plan.status\n"
            "assert callable(heze_plan.status), heze_plan.status\n"
            "assert heze_plan.status is heze_plan.status.__globals__['status']\n"
            "print('ok')"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.strip() == "ok"
