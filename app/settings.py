"""Rule thresholds, the coverage scope and the station's time zone: settings stored in
the database, so the district can send them down. A key without a stored row has its
default."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.roles import SETTINGS, require
from app.domain.bounds import MEMBERS_MAX, STAFF_MAX, out_of_range
from app.domain.station_time import DEFAULT_ZONE, station_zone, use_station_zone, zone_name
from app.domain.text import halfwidth, shown
from app.errors import FieldError, LiangxinError
from db.models import Setting, Station


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: Any
    minimum: int = 0
    # Every number has its own ceiling: spin boxes hold 32-bit integers, and a threshold
    # beyond anything real (3,000,000,000 employees) only hides every finding.
    maximum: int = 0
    choices: tuple[str, ...] = ()
    zone: bool = False  # a time-zone name (Asia/Shanghai), checked against the zone database


# Why each ceiling: staff and member thresholds cannot exceed the largest workforce
# (STAFF_MAX, MEMBERS_MAX); a joint branch covering more than 100 units is no longer a
# branch anyone can run; meetings at most once a day (31 a month, 92 a quarter); terms
# are 3 or 5 years under the Party's rules, 10 leaves room for an exception; a reminder
# more than two years ahead is no reminder; a percentage stops at 100; a yes/no is 0–1.

# 实体性社会组织 is an open class: seed 000 lists "民办学校、医院以及律师、会计师、税务师
# 事务所等实体性社会组织" — "等" leaves it open — so which kinds count is a setting (1 counts,
# 0 does not). Every 民办非企业单位 (社会服务机构) has real staff of its own and counts by
# default; 社会团体, 行业协会/商会 and 基金会 are membership or funding bodies, not
# workplaces, and do not unless the district says so.
ENTITY_KIND_DEFAULTS = {
    "private_school": ("民办学校", 1),
    "private_hospital": ("民办医院/医疗机构", 1),
    "law_firm": ("律师事务所", 1),
    "accounting_firm": ("会计师事务所", 1),
    "tax_firm": ("税务师事务所", 1),
    "private_non_enterprise": ("民办非企业单位（社会服务机构）", 1),
    "trade_association": ("行业协会/商会", 0),
    "social_group": ("社会团体", 0),
    "foundation": ("基金会", 0),
}

# Which 群团组织 a covered organization must have, from what staff size (seed 001:
# "成立党组织的两新组织要同步成立群团组织"; uncovered ones "要先行成立群团组织").
# 工会 for every one ("坚持“党建带工建”"; 工会法 lets a small unit join a 联合工会).
# 共青团 and 妇联 from 100 staff: the size at which seed 001 has the union federation
# build unions together ("百人以上企业集中建会行动") and at which an enterprise must have a
# Party organization; below it a unit rarely has the three 团员 a League branch needs,
# and joint 团/妇 organizations of the community serve it (seed 003: "推进联合工会、
# 联合团工委、联合妇联组建").
MASS_ORG_UNION_FROM = 0
MASS_ORG_LEAGUE_FROM = 100
# An uncovered organization must set up its mass organizations first from 25 staff: the
# size from which 工会法 requires a base union committee of the unit's own ("有会员二十五人
# 以上的，应当建立基层工会委员会"); smaller ones join a joint union.
MASS_ORG_FIRST_FROM = 25

SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec(
            "rule.enterprise_members.min_employees", "应有党员的非公企业职工人数下限", 50, 1, STAFF_MAX
        ),
        SettingSpec(
            "rule.enterprise_org.min_employees", "应建党组织的非公企业职工人数下限", 100, 1, STAFF_MAX
        ),
        SettingSpec("rule.social_org.min_staff", "应建党组织的实体性社会组织从业人员下限", 30, 1, STAFF_MAX),
        *(
            SettingSpec(
                f"rule.social_org.entity.{code}", f"{label}算作实体性社会组织（1 是，0 否）", on, 0, 1
            )
            for code, (label, on) in ENTITY_KIND_DEFAULTS.items()
        ),
        SettingSpec(
            "rule.independent.min_full_members",
            "应单独组建的正式党员人数下限（不足此数的开展联合建、挂靠建）",
            3,
            1,
            MEMBERS_MAX,
        ),
        SettingSpec("rule.joint.max_orgs", "联合党组织覆盖单位数上限", 5, 2, 100),
        # Seed 000: "推动党员50名以上的党支部及时升格" — 以上 includes the number.
        SettingSpec(
            "rule.branch_upgrade.min_members", "党员达到此数（含本数）的党支部应升格", 50, 1, MEMBERS_MAX
        ),
        SettingSpec("rule.empty_shell.max_members", "党员人数不超过此数视为空壳", 0, 0, MEMBERS_MAX),
        SettingSpec(
            "rule.instructor.min_employees", "应派党建工作指导员的职工人数下限（0 为全部）", 0, 0, STAFF_MAX
        ),
        SettingSpec(
            "rule.mass_org.union_min_employees",
            "应建工会的职工人数下限（0 为全部）",
            MASS_ORG_UNION_FROM,
            0,
            STAFF_MAX,
        ),
        SettingSpec(
            "rule.mass_org.youth_league_min_employees",
            "应建共青团组织的职工人数下限",
            MASS_ORG_LEAGUE_FROM,
            0,
            STAFF_MAX,
        ),
        SettingSpec(
            "rule.mass_org.women_federation_min_employees",
            "应建妇联组织的职工人数下限",
            MASS_ORG_LEAGUE_FROM,
            0,
            STAFF_MAX,
        ),
        SettingSpec(
            "rule.mass_org_first.min_employees",
            "未建党组织的应先行建立群团组织的职工人数下限",
            MASS_ORG_FIRST_FROM,
            0,
            STAFF_MAX,
        ),
        SettingSpec("rule.theme_day.min_per_month", "每月主题党日最少次数", 1, 1, 31),
        # 党支部工作条例: a branch with 7 or more 正式党员 has a 支部委员会.
        SettingSpec(
            "rule.committee_meeting.min_members",
            "设支部委员会的党支部正式党员人数下限（不含预备党员、流入党员）",
            7,
            1,
            MEMBERS_MAX,
        ),
        SettingSpec("rule.lecture.min_per_quarter", "每季度党课最少次数", 1, 1, 92),
        # Seed 003 asks instructors to visit ("按照“四必访”的要求，积极作为、靠前服务") and
        # blames those "挂名不管事", but names no interval: a quarter is the program's
        # default, the rhythm of the quarterly 党课 and 党员大会 the instructor guides.
        SettingSpec(
            "rule.visit.max_months",
            "走访间隔上限（月）：超过此月数没有走访的组织、所联系组织都没有走访的指导员列为问题",
            3,
            1,
            24,
        ),
        # Terms (中国共产党章程、《中国共产党基层组织选举工作条例》): a 基层委员会 (党委)
        # serves five years, a 总支部委员会 and a 支部委员会 three.
        SettingSpec("party_org.term_years", "党委每届任期（年）", 5, 1, 10),
        SettingSpec("party_org.term_years.general_branch", "党总支每届任期（年）", 3, 1, 10),
        SettingSpec("party_org.term_years.branch", "党支部（含联合党支部）每届任期（年）", 3, 1, 10),
        # Three months: time to ask the higher Party organization and prepare the election.
        SettingSpec("party_org.term_reminder_months", "任期届满前提前提醒换届（月，0 为不提醒）", 3, 0, 24),
        SettingSpec(
            "coverage.scope",
            "覆盖率统计范围",
            "active",
            choices=("active", "active_enterprise", "active_social_org"),
        ),
        SettingSpec("coverage.scope_min_employees", "覆盖率统计范围的职工人数下限", 0, 0, STAFF_MAX),
        SettingSpec("coverage.target_percent", "覆盖率目标（%）", 100, 1, 100),
        # Where the clerks are: the day a task was made or a change was journaled is
        # that day there, whatever time zone the database server or its session runs in.
        SettingSpec("station.time_zone", "本站点所在时区（按此时区把时间归入日期）", DEFAULT_ZONE, zone=True),
        # A district database has several clerks: one who waits longer than this for
        # another's save is told who holds it, rather than waiting on (PostgreSQL's
        # lock_timeout). 10 minutes at most: past that nobody is still watching.
        SettingSpec(
            "storage.lock_timeout_seconds", "多人同时保存时最长等待（秒，PostgreSQL 数据库）", 15, 1, 600
        ),
        # A shared office PC: after this long without a key or a click the window is covered
        # by the login (accounts enabled only). 8 hours at most: a working day.
        SettingSpec("session.idle_lock_minutes", "无操作自动锁定窗口（分钟，0 为不锁定）", 15, 0, 480),
    )
}

SCOPE_LABELS = {
    "active": "全部在营两新组织",
    "active_enterprise": "在营非公企业",
    "active_social_org": "在营社会组织",
}


def _valid(spec: SettingSpec, value: Any) -> bool:
    if spec.zone:
        return isinstance(value, str) and zone_name(value) == value
    if spec.choices:
        return value in spec.choices
    return isinstance(value, int) and not isinstance(value, bool) and spec.minimum <= value <= spec.maximum


def _owners(session: Session) -> tuple[str, str | None]:
    """This station and the district above it (whose thresholds arrive by sync)."""
    row = session.execute(select(Station.code, Station.parent_code).where(Station.is_self.is_(True))).first()
    if row is None:  # a database being made: only rows this session writes
        return str(session.info.get("station", "")), None
    return row[0], row[1]


def _stored(session: Session) -> dict[str, str]:
    """The stored text of every live setting in force here, for the keys this version knows.

    A station's own value wins over the district's, unless the district locked it (区统一设定);
    rows of other stations (arrived at the district in their packages) are theirs and never
    steer this one's rules."""
    own, district = _owners(session)
    rows = session.scalars(
        select(Setting).where(Setting.deleted.is_(False), Setting.owner.in_([own, district or own]))
    )
    # Lowest first: the district's, then this station's own, then the district's locked ones.
    ranked = sorted(rows, key=lambda r: 2 if (r.owner != own and r.locked) else int(r.owner == own))
    found: dict[str, str] = {}
    for row in ranked:
        if row.key in SPECS:
            found[row.key] = row.value
    return found


def locked_by_district(session: Session) -> set[str]:
    """Keys the district set and locked: this sub-district follows them (区统一设定)."""
    _own, district = _owners(session)
    if not district:
        return set()
    return set(
        session.scalars(
            select(Setting.key).where(
                Setting.owner == district, Setting.locked.is_(True), Setting.deleted.is_(False)
            )
        )
    )


def _decode(spec: SettingSpec, text: str) -> Any:
    """The stored value, or ``...`` when it is not one this version accepts."""
    try:
        value = json.loads(text)
    except ValueError:
        return ...
    return value if _valid(spec, value) else ...


def load_settings(session: Session) -> dict[str, Any]:
    """The settings in force. A stored value outside its range (written before the
    ranges existed, or by another program) counts as the default: one bad row must
    not stop the window, the rules or the reports from opening."""
    values = {key: spec.default for key, spec in SPECS.items()}
    for key, text in _stored(session).items():
        value = _decode(SPECS[key], text)
        if value is not ...:
            values[key] = value
    return values


def ignored_settings(session: Session) -> dict[str, str]:
    """Stored values that are out of range and therefore ignored (key -> stored text),
    for the settings page and ``settings list`` to show beside the default in force."""
    return {key: text for key, text in _stored(session).items() if _decode(SPECS[key], text) is ...}


def parse_setting(key: str, raw: Any) -> Any:
    spec = SPECS.get(key)
    if spec is None:
        raise FieldError(key, f"没有名为“{shown(key)}”的设置项。可用设置：{'、'.join(SPECS)}。")
    if spec.zone:
        name = zone_name(halfwidth(raw)) if isinstance(raw, str) else None
        if name is None:
            raise FieldError(
                key, f"“{spec.label}”应为时区名称，例如 {DEFAULT_ZONE}；“{shown(raw)}”不是，未做改动。"
            )
        return name
    if spec.choices:
        value = halfwidth(raw).strip() if isinstance(raw, str) else raw
        if value not in spec.choices:
            raise FieldError(
                key, f"“{spec.label}”应为以下之一：{'、'.join(spec.choices)}；“{shown(raw)}”不在其中。"
            )
        return value
    if isinstance(raw, bool):
        raise FieldError(key, f"“{spec.label}”应为整数，“{shown(raw)}”不是。")
    if isinstance(raw, int):
        value = raw
    else:
        text = halfwidth(str(raw)).strip().replace(",", "").replace("，", "")
        digits = text.lstrip("+-")
        if digits.isascii() and digits.isdigit() and len(digits.lstrip("0")) > 12:
            value = -(10**12) if text.startswith("-") else 10**12  # beyond any range: refused below
        else:
            try:
                value = int(text)
            except ValueError:
                raise FieldError(key, f"“{spec.label}”应为整数，“{shown(raw)}”不是数字。") from None
    if not spec.minimum <= value <= spec.maximum:
        raise FieldError(
            key, f"{out_of_range(spec.label, spec.minimum, spec.maximum, value, shown(raw, 20))}，未做改动。"
        )
    return value


def save_setting(session: Session, key: str, raw: Any, *, locked: bool | None = None) -> Any:
    value = parse_setting(key, raw)
    if key in locked_by_district(session):
        raise FieldError(key, f"“{SPECS[key].label}”由区里统一设定，街道不能修改，未做改动。")
    own = session.info["station"]
    row = session.scalar(select(Setting).where(Setting.key == key, Setting.owner == own))
    if row is None:
        row = Setting(key=key, value=json.dumps(value))
        session.add(row)
    else:
        row.value = json.dumps(value)
        row.deleted = False
    if locked is not None:
        row.locked = locked
    return value


def lock_setting(store: Any, key: str, locked: bool = True) -> Any:
    """The district's user action 统一设定 / 取消统一设定: its value of ``key`` goes down
    to the sub-districts in the next down package and, locked, cannot be changed there."""
    require(store, SETTINGS)
    if store.station.role != "district":
        raise LiangxinError("只有区能统一设定（锁定）设置项，街道不能。")
    if key not in SPECS:
        parse_setting(key, None)  # raises the message naming the valid keys
    with store.write() as session:
        return save_setting(session, key, load_settings(session)[key], locked=locked)


def scope_description(settings: dict[str, Any]) -> str:
    text = SCOPE_LABELS[settings["coverage.scope"]]
    minimum = settings["coverage.scope_min_employees"]
    return f"{text}（职工 {minimum} 人以上）" if minimum else text


def change_setting(store: Any, key: str, raw: Any) -> Any:
    """The user action: change one setting (journaled like any other write)."""
    require(store, SETTINGS)
    with store.write() as session:
        value = save_setting(session, key, raw)
    _follow(store, {key: value})
    return value


def _follow(store: Any, changed: dict[str, Any]) -> None:
    """Settings the storage and the clock follow take effect at once, not at next start."""
    if "storage.lock_timeout_seconds" in changed and not store.is_sqlite:
        store.sessions.use_lock_timeout(float(changed["storage.lock_timeout_seconds"]))
    if "station.time_zone" in changed:
        use_station_zone(changed["station.time_zone"])


def reset_setting(store: Any, key: str) -> Any:
    """The user action: put one setting back to its default."""
    require(store, SETTINGS)
    if key not in SPECS:
        parse_setting(key, None)  # raises the message naming the valid keys
    return change_setting(store, key, SPECS[key].default)


def reset_all_settings(store: Any) -> dict[str, Any]:
    """The user action: every changed setting back to its default, in one transaction.
    Returns the settings that changed."""
    require(store, SETTINGS)
    with store.write() as session:
        values = load_settings(session)
        changed = {key: spec.default for key, spec in SPECS.items() if values[key] != spec.default}
        # An ignored out-of-range row is rewritten too, so the database holds what is in force.
        changed |= {key: SPECS[key].default for key in ignored_settings(session)}
        for key in locked_by_district(session):  # 区统一设定: not this station's to reset
            changed.pop(key, None)
        for key, value in changed.items():
            save_setting(session, key, value)
    _follow(store, changed)
    return changed


def time_zone(session: Session) -> tzinfo:
    """The station's time zone (a ``tzinfo``), for turning stored moments into dates."""
    return station_zone(load_settings(session)["station.time_zone"])


def current_settings(store: Any) -> dict[str, Any]:
    with store.read() as session:
        return load_settings(session)


def ignored_stored_settings(store: Any) -> dict[str, str]:
    """Stored values ignored as out of range (key -> stored text); see ``ignored_settings``."""
    with store.read() as session:
        return ignored_settings(session)


def setting_locks(store: Any) -> dict[str, str]:
    """Which settings are 区统一设定: at a sub-district, the keys the district locked
    ("district": shown read-only); at the district, the keys it locks ("locked")."""
    with store.read() as session:
        if store.station.role == "district":
            own = store.station.code
            return {
                key: "locked"
                for key in session.scalars(
                    select(Setting.key).where(
                        Setting.owner == own, Setting.locked.is_(True), Setting.deleted.is_(False)
                    )
                )
            }
        return dict.fromkeys(locked_by_district(session), "district")
