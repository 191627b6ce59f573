"""The ledger's columns, shared by every ledger format (CSV, JSON, xlsx)."""

from __future__ import annotations

__all__ = ["COLUMNS", "FILL_COLUMNS", "HEADERS", "PLAN_COLUMNS", "header_key"]

#: Every column: its English name, its Chinese header, and whether reading uses it.
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("task", "任务序号", True),
    ("milestone", "时间节点", True),
    ("target", "目标", True),
    ("safeguard", "保障措施", True),
    ("title", "任务名称", False),
    ("due", "截止日期", False),
    ("item", "节点或目标内容", False),
    ("lead_units", "牵头单位", False),
    ("status", "状态", True),
    ("completed", "完成日期", True),
    ("value", "实际值", True),
    ("as_of", "数据截至", True),
    ("unit", "填报单位", True),
    ("note", "备注", True),
    ("evidence", "佐证材料", True),
)
#: The columns the plan fills in (locked in a workbook) and those a unit fills in.
PLAN_COLUMNS = ("task", "milestone", "target", "safeguard", "title", "due", "item", "lead_units")
FILL_COLUMNS = tuple(name for name, _, _ in COLUMNS if name not in PLAN_COLUMNS)


def header_key(header: str) -> str:
    """A header as compared: case and runs of spaces ignored."""
    return " ".join(header.strip().lower().split())


#: Every header a ledger may use for a column, in English or Chinese, keyed by :func:`header_key`.
HEADERS = {name: name for name, _, _ in COLUMNS} | {zh: name for name, zh, _ in COLUMNS}
HEADERS |= {"as of": "as_of", "lead units": "lead_units", "任务编号": "task", "序号": "task"}
HEADERS |= {"保障措施序号": "safeguard", "截至日期": "as_of", "数据截止": "as_of"}
#: A merged ledger says where each row came from (``heze-plan ledger merge``); reading keeps it.
HEADERS |= {"source": "source", "来源": "source"}
