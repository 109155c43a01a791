"""A campaign's responsible units and phases: the names become tasks' assignees and
print on the notice, so they meet the same bounds as any other text."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import FieldError
from app.services import campaigns
from app.store import Store


@pytest.mark.parametrize(
    ("units", "said"),
    [
        ("挂点领导:王\x1b[31m书记", "控制字符"),
        ("挂点领导:", "没有写责任单位的名称"),
        ("挂点领导:" + "名" * 101, "最多 100 个字"),
        ("\n".join(f"单位{i}" for i in range(201)), "最多 200 个"),
    ],
)
def test_bad_responsible_units_are_refused_and_nothing_is_made(store: Store, units: str, said: str) -> None:
    with pytest.raises(FieldError, match=said):
        campaigns.create_campaign(store, {}, template="da_zujian", units=units, year=2027)
    assert campaigns.list_campaigns(store) == []


@pytest.mark.parametrize(
    ("phase", "said"),
    [
        (campaigns.PhasePlan("攻\x1b坚", date(2027, 1, 1), date(2027, 2, 1)), "控制字符"),
        (campaigns.PhasePlan("  ", date(2027, 1, 1), date(2027, 2, 1)), "名称"),
        (campaigns.PhasePlan("攻坚", date(1800, 1, 1), date(2027, 2, 1)), "1921"),
    ],
)
def test_bad_phases_are_refused(store: Store, phase: campaigns.PhasePlan, said: str) -> None:
    with pytest.raises(FieldError, match=said):
        campaigns.create_campaign(store, {"name": "测试行动"}, phases=[phase])
    assert campaigns.list_campaigns(store) == []
