"""Build hook: the wheel carries the embedded plan already parsed, as JSON (see heze_plan._embedded).

When a wheel is built, the shipped text is parsed by the code being built and
the result is written as ``heze_plan/data/heze-2023-plan.json`` into the wheel
only, beside ``heze_plan/data/china-workdays.json``, what the ``holidays``
package says of China's working days in the announced years (see
heze_plan.common.workdays, which then need not import that package); the source tree is never written to, so there is nothing to rebuild or
commit by hand. Editable installs and source checkouts have no snapshot and
parse on first use.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SnapshotHook(BuildHookInterface):  # type: ignore[type-arg]
    """Parse the embedded plan and add its JSON snapshot to the wheel."""

    PLUGIN_NAME = "heze-plan-snapshot"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, str(Path(self.root) / "src"))
        try:
            from heze_plan import _embedded  # noqa: PLC0415 - the code being built, from its own tree
            from heze_plan.common import workdays  # noqa: PLC0415 - as above

            text = _embedded.snapshot_json(_embedded.parse_embedded())
            days = workdays.snapshot_json()
        finally:
            sys.path.pop(0)
            for name in [m for m in sys.modules if m == "heze_plan" or m.startswith("heze_plan.")]:
                del sys.modules[name]
        self._directory = tempfile.TemporaryDirectory()
        path = Path(self._directory.name) / "heze-2023-plan.json"
        path.write_text(text, encoding="utf-8")
        build_data["force_include"][str(path)] = "heze_plan/data/heze-2023-plan.json"
        path = Path(self._directory.name) / "china-workdays.json"
        path.write_text(days, encoding="utf-8")
        build_data["force_include"][str(path)] = "heze_plan/data/china-workdays.json"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        directory = getattr(self, "_directory", None)
        if directory is not None:
            directory.cleanup()
