"""Coded values of organizational life and visits (stored code, 中文 label)."""

from __future__ import annotations

from app.domain.codes import Codes

# Seed 002: "“6”即学习讨论、现场教学、党性分析、民主议事、缴纳党费、志愿服务" — the six
# items of a 主题党日; the "1" is its theme (the topic), the "X" free items in words.
THEME_DAY_ITEMS = Codes(
    "主题党日“6”项内容",
    {
        "study": "学习讨论",
        "field": "现场教学",
        "self_review": "党性分析",
        "democracy": "民主议事",
        "dues": "缴纳党费",
        "volunteer": "志愿服务",
    },
)

# Seed 003 asks instructors to visit "按照“四必访”的要求" without listing the four; these
# are the four most offices write (a new unit, a unit in difficulty, a change of its
# head or Party organization, the major festivals), with 日常走访 and 其他 beside them.
VISIT_REASON = Codes(
    "走访事由",
    {
        "new_unit": "新成立必访",
        "difficulty": "遇困难必访",
        "change": "有变动必访",
        "festival": "逢节日必访",
        "routine": "日常走访",
        "other": "其他",
    },
)

REVIEW_GRADE = Codes(
    "民主评议等次",
    {"excellent": "优秀", "qualified": "合格", "basic": "基本合格", "unqualified": "不合格"},
)
