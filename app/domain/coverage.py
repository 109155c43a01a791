"""Coverage states of an organization (两个覆盖)."""

from __future__ import annotations

from app.domain.codes import Codes

COVERAGE = Codes(
    "覆盖状态",
    {
        "independent": "已覆盖（单独组建）",
        "joint": "已覆盖（联合组建）",
        "attached": "已覆盖（挂靠组建）",
        "work": "工作覆盖（已派指导员）",
        "none": "未覆盖",
    },
)
