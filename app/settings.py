"""Rule thresholds and the coverage scope: settings stored in the database, so the
district can send them down. A key without a stored row has its default."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import FieldError
from db.models import Setting


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: Any
    minimum: int = 0
    maximum: int | None = None
    choices: tuple[str, ...] = ()


SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("rule.enterprise_members.min_employees", "应有党员的非公企业职工人数下限", 50, 1),
        SettingSpec("rule.enterprise_org.min_employees", "应建党组织的非公企业职工人数下限", 100, 1),
        SettingSpec("rule.social_org.min_staff", "应建党组织的实体性社会组织从业人员下限", 30, 1),
        SettingSpec("rule.independent.min_full_members", "应单独组建的正式党员人数下限", 3, 1),
        SettingSpec("rule.joint.max_orgs", "联合党组织覆盖单位数上限", 5, 2),
        SettingSpec("rule.branch_upgrade.max_members", "党支部党员人数上限（超过应升格）", 50, 1),
        SettingSpec("rule.empty_shell.max_members", "党员人数不超过此数视为空壳", 0, 0),
        SettingSpec("rule.instructor.min_employees", "应派党建工作指导员的职工人数下限（0 为全部）", 0, 0),
        SettingSpec("rule.mass_org.min_employees", "应同步建立群团组织的职工人数下限（0 为全部）", 0, 0),
        SettingSpec("rule.theme_day.min_per_month", "每月主题党日最少次数", 1, 1),
        SettingSpec("rule.committee_meeting.min_members", "设支部委员会的党支部党员人数下限", 7, 1),
        SettingSpec("rule.lecture.min_per_quarter", "每季度党课最少次数", 1, 1),
        SettingSpec("party_org.term_years", "党组织任期（年）", 5, 1),
        SettingSpec(
            "coverage.scope",
            "覆盖率统计范围",
            "active",
            choices=("active", "active_enterprise", "active_social_org"),
        ),
        SettingSpec("coverage.scope_min_employees", "覆盖率统计范围的职工人数下限", 0, 0),
        SettingSpec("coverage.target_percent", "覆盖率目标（%）", 100, 1, maximum=100),
    )
}

SCOPE_LABELS = {
    "active": "全部在营两新组织",
    "active_enterprise": "在营非公企业",
    "active_social_org": "在营社会组织",
}


def load_settings(session: Session) -> dict[str, Any]:
    values = {key: spec.default for key, spec in SPECS.items()}
    for row in session.scalars(select(Setting).where(Setting.deleted.is_(False))):
        if row.key in values:
            values[row.key] = json.loads(row.value)
    return values


def parse_setting(key: str, raw: Any) -> Any:
    spec = SPECS.get(key)
    if spec is None:
        raise FieldError(key, f"没有名为“{key}”的设置项。可用设置：{'、'.join(SPECS)}。")
    if spec.choices:
        if raw not in spec.choices:
            raise FieldError(key, f"“{spec.label}”应为以下之一：{'、'.join(spec.choices)}。")
        return raw
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise FieldError(key, f"“{spec.label}”应为整数，“{raw}”不是。") from None
    if value < spec.minimum:
        raise FieldError(key, f"“{spec.label}”不能小于 {spec.minimum}。")
    if spec.maximum is not None and value > spec.maximum:
        raise FieldError(key, f"“{spec.label}”不能大于 {spec.maximum}。")
    return value


def save_setting(session: Session, key: str, raw: Any) -> Any:
    value = parse_setting(key, raw)
    row = session.scalar(select(Setting).where(Setting.key == key))
    if row is None:
        session.add(Setting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)
        row.deleted = False
    return value


def scope_description(settings: dict[str, Any]) -> str:
    text = SCOPE_LABELS[settings["coverage.scope"]]
    minimum = settings["coverage.scope_min_employees"]
    return f"{text}（职工 {minimum} 人以上）" if minimum else text


def change_setting(store: Any, key: str, raw: Any) -> Any:
    """The user action: change one setting (journaled like any other write)."""
    with store.write() as session:
        return save_setting(session, key, raw)


def reset_setting(store: Any, key: str) -> Any:
    """The user action: put one setting back to its default."""
    if key not in SPECS:
        parse_setting(key, None)  # raises the message naming the valid keys
    return change_setting(store, key, SPECS[key].default)


def reset_all_settings(store: Any) -> dict[str, Any]:
    """The user action: every changed setting back to its default, in one transaction.
    Returns the settings that changed."""
    with store.write() as session:
        values = load_settings(session)
        changed = {key: spec.default for key, spec in SPECS.items() if values[key] != spec.default}
        for key, value in changed.items():
            save_setting(session, key, value)
    return changed


def current_settings(store: Any) -> dict[str, Any]:
    with store.read() as session:
        return load_settings(session)
