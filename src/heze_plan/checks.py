"""Compliance checks over a whole plan: every finding, not only the first."""
from __future__ import annotations
import attrs
from heze_plan.model import Plan
@attrs.frozen
class Finding:
    rule: str
    message: str
    task: int | None = None
def check(plan: Plan) -> list[Finding]:
    return []
