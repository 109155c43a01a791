"""The three registers a ledger can fill, and what offices call each column.

A register's fields are its service's field specs (ORG_FIELDS, MEMBER_FIELDS,
PARTY_FIELDS): the same labels, bounds and parsers as the editor and the CLI. Beside
them a few columns are read only to check a row (an organization ledger's 是否建立党组织
and 党组织书记 are facts about its Party organization, not about the organization) and a
Party-organization list may name the organizations each one covers.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from app.domain.fields import Field
from app.errors import LiangxinError

ORGANIZATIONS, MEMBERS, PARTY_ORGS = "organizations", "members", "party-orgs"
KIND_KEYS = (ORGANIZATIONS, MEMBERS, PARTY_ORGS)


@dataclass(frozen=True)
class Target:
    """Where a column can go: a field of the register, or a column read to check a row."""

    name: str
    label: str
    synonyms: tuple[str, ...]
    spec: Field | None  # None: not a register field (checked, or a link list)
    note: str = ""  # shown beside a check-only column in the mapping


@dataclass(frozen=True, eq=False)
class LedgerKind:
    key: str
    title: str  # the register, as its page is called
    table: str
    targets: dict[str, Target]

    @functools.cached_property
    def specs(self) -> dict[str, Field]:
        return {n: t.spec for n, t in self.targets.items() if t.spec is not None}

    @functools.cached_property
    def required(self) -> list[str]:
        """Fields some column must hold (a required field the rows can be read without
        is inferred instead: see INFERRED)."""
        return [n for n, s in self.specs.items() if s.required and n not in INFERRED.get(self.key, ())]


# What offices write over each column (besides the field's own label). Compared after
# normalise_header: no spaces, no hints in brackets, no * or colon.
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    ORGANIZATIONS: {
        "name": (
            "单位名称",
            "企业名称",
            "组织名称",
            "两新组织名称",
            "社会组织名称",
            "名称",
            "单位全称",
            "企业全称",
        ),
        "kind": ("组织类型", "单位类型", "两新组织类型", "类型", "组织类别"),
        "subtype": ("具体类型", "企业类型", "社会组织类型", "登记类型", "企业性质", "单位性质"),
        "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "统一社会信用代码证号"),
        "industry": ("行业", "所属行业", "行业类别", "行业分类", "所属领域"),
        "employees": (
            "职工人数",
            "从业人员",
            "从业人员数",
            "从业人数",
            "员工数",
            "员工人数",
            "职工数",
            "在职人数",
        ),
        "above_scale": ("规模以上企业", "是否规模以上企业", "规上企业", "是否规上企业"),
        "community": ("所属社区", "所在社区", "社区", "社区名称"),
        "status": ("经营状态", "登记状态", "状态", "经营情况"),
        "party_org": ("所属党组织", "党组织名称", "党组织", "隶属党组织", "所在党组织"),
        "formation": ("组建方式", "党组织组建方式", "组建形式"),
        "supervising_unit": ("业务主管单位", "主管单位"),
        "leader_link": ("挂点领导", "联系领导", "包联领导"),
        "has_union": ("已建工会", "是否建立工会", "工会", "建立工会"),
        "has_youth_league": ("已建共青团", "是否建立团组织", "是否建立共青团", "团组织", "共青团"),
        "has_women_federation": ("已建妇联", "是否建立妇联", "妇联", "妇联组织"),
        "venue_site": ("有场所", "场所"),
        "venue_facilities": ("有设施", "设施"),
        "venue_sign": ("有标志", "标志", "标牌"),
        "venue_flag": ("有党旗", "党旗"),
        "venue_books": ("有书报", "书报"),
        "venue_rules": ("有制度", "制度"),
        "legal_rep": ("法定代表人", "法人代表", "法人", "负责人", "主要负责人"),
        "contact_name": ("联系人", "党建联系人"),
        "contact_phone": ("联系电话", "电话", "联系方式", "手机", "手机号码"),
        "address": ("地址", "单位地址", "注册地址", "经营地址", "办公地址", "详细地址"),
        "notes": ("备注", "说明"),
        "has_party_org": (
            "是否建立党组织",
            "已建党组织",
            "是否建立党的组织",
            "党组织建立情况",
            "是否建党组织",
        ),
        "secretary": ("党组织书记", "书记", "书记姓名"),
        "instructor": ("党建指导员", "党建工作指导员", "指导员"),
    },
    MEMBERS: {
        "name": ("姓名", "党员姓名"),
        "gender": ("性别",),
        "ethnicity": ("民族",),
        "id_number": ("公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码"),
        "phone": ("联系电话", "手机号码", "手机", "电话", "联系方式"),
        "education": ("学历", "文化程度", "最高学历", "全日制学历"),
        "joined_on": ("入党日期", "入党时间", "入党年月"),
        "full_on": ("转正日期", "转正时间", "转正年月"),
        "category": ("党员类别", "人员类别", "党员类型", "类别", "正式/预备"),
        "relation": ("组织关系", "组织关系状态", "关系状态", "党员状态"),
        "mobile_from": ("流出地/来自", "来自", "流入前所在地", "流出地"),
        "mobile_to": ("流入地/去向", "去向", "流入地"),
        "employer": ("工作单位", "所在单位", "就业单位", "单位", "单位名称", "工作单位及职务"),
        "party_org": ("所在党组织", "所在党支部", "所属党组织", "所属党支部", "党组织", "党支部", "所在支部"),
        "exit_kind": ("减少方式", "减少类型"),
        "exit_on": ("减少日期", "减少时间"),
        "exit_note": ("减少说明", "减少原因"),
        "notes": ("备注",),
        "birth_date": ("出生日期", "出生年月", "出生时间"),
    },
    PARTY_ORGS: {
        "name": ("党组织名称", "党组织全称", "支部名称", "名称", "组织名称"),
        "level": ("党组织类别", "党组织类型", "组织类别", "类别", "层级"),
        "formation": ("组建方式", "组建形式"),
        "parent": ("上级党组织", "隶属党组织", "上级党委", "所属上级党组织"),
        "community": ("所在社区", "所属社区", "社区"),
        "secretary": ("书记", "党组织书记", "书记姓名"),
        "secretary_phone": ("书记电话", "书记联系电话", "书记手机", "联系电话"),
        "established_on": ("成立日期", "成立时间", "建立时间", "建立日期"),
        "term_start": ("本届任期开始", "换届时间", "本届换届时间", "任期开始"),
        "term_end": ("本届任期届满", "任期届满", "届满时间", "任期届满时间"),
        "notes": ("备注",),
        "covers": (
            "覆盖单位",
            "所覆盖单位",
            "覆盖的两新组织",
            "覆盖组织",
            "所在单位",
            "单位名称",
            "覆盖企业",
        ),
    },
}

# Columns that are not fields of the register, and what is done with them.
EXTRAS: dict[str, dict[str, tuple[str, str]]] = {
    ORGANIZATIONS: {
        "has_party_org": ("是否建立党组织", "核对：与“所属党组织”是否一致"),
        "formation": ("组建方式", "核对：与所属党组织的组建方式是否一致"),
        "secretary": ("党组织书记", "核对：与所属党组织登记的书记是否一致"),
        "instructor": ("党建指导员", "核对：与该单位登记的指导员是否一致"),
    },
    MEMBERS: {"birth_date": ("出生日期", "核对：与公民身份号码中的出生日期是否一致")},
    PARTY_ORGS: {"covers": ("覆盖单位", "按名称或统一社会信用代码关联所覆盖的两新组织（多个用顿号分隔）")},
}

# Required fields inferred for each row when no column holds them: an organization's
# kind from its credit code (registered by 民政 or 司法行政: a social organization) and
# its subtype; a Party organization's level from its name (…党委, …党总支, …联合党支部).
INFERRED = {ORGANIZATIONS: ("kind",), PARTY_ORGS: ("level",)}

TITLES = {ORGANIZATIONS: "两新组织", MEMBERS: "党员", PARTY_ORGS: "党组织"}
TABLES = {ORGANIZATIONS: "organization", MEMBERS: "member", PARTY_ORGS: "party_org"}
# The register kinds of app.changes, for the window's refresh.
CHANGE_KINDS = {ORGANIZATIONS: "organization", MEMBERS: "member", PARTY_ORGS: "party_org"}


def _specs(key: str) -> dict[str, Field]:
    if key == ORGANIZATIONS:
        from app.services.organizations import ORG_FIELDS

        return ORG_FIELDS
    if key == MEMBERS:
        from app.services.members import MEMBER_FIELDS

        return MEMBER_FIELDS
    from app.services.party_orgs import PARTY_FIELDS

    return PARTY_FIELDS


@functools.cache
def ledger_kind(key: str) -> LedgerKind:
    key = {"organization": ORGANIZATIONS, "member": MEMBERS, "party_org": PARTY_ORGS}.get(key, key)
    if key not in KIND_KEYS:
        raise LiangxinError(
            f"没有“{key}”这种台账，可选：organizations（两新组织）、members（党员）、party-orgs（党组织）。"
        )
    specs = _specs(key)
    words = SYNONYMS[key]
    targets: dict[str, Target] = {}
    for name, spec in specs.items():
        targets[name] = Target(name, spec.label, words.get(name, ()), spec)
    for name, (label, note) in EXTRAS[key].items():
        if name not in targets:  # a register that gains such a field stores it instead
            targets[name] = Target(name, label, words.get(name, ()), None, note)
    return LedgerKind(key, TITLES[key], TABLES[key], targets)
