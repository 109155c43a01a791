"""Coded values: the code stored in the database and the Chinese label people see."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.text import halfwidth, shown
from app.errors import FieldError


@dataclass(frozen=True)
class Codes:
    title: str  # what the set is called, for messages
    labels: dict[str, str]  # code -> 中文

    def label(self, code: str | None) -> str:
        return self.labels.get(code or "", code or "")

    def parse(self, value: str) -> str | None:
        """Accept the code or the Chinese label; ``None`` when neither matches."""
        value = halfwidth(value).strip()
        if value.lower() in self.labels:  # codes are lower-case ASCII: MALE is male
            return value.lower()
        for code, label in self.labels.items():
            if value == label:
                return code
        return None

    def require(self, value: str, field: str) -> str:
        """The code for what was typed, or a refusal listing every valid value."""
        code = self.parse(value)
        if code is None:
            raise FieldError(
                field, f"“{self.title}”应为以下之一：{self.choices_text()}；“{shown(value)}”不在其中。"
            )
        return code

    def choices_text(self) -> str:
        return "、".join(f"{label}（{code}）" for code, label in self.labels.items())


ORG_KIND = Codes("组织类型", {"enterprise": "非公企业", "social_org": "社会组织"})

ENTERPRISE_SUBTYPE = Codes(
    "企业类型",
    {
        "llc": "有限责任公司",
        "joint_stock": "股份有限公司",
        "sole_proprietorship": "个人独资企业",
        "partnership": "合伙企业",
        "foreign_invested": "外商投资企业",
        "hmt_invested": "港澳台投资企业",
        "individual": "个体工商户",
    },
)
SOCIAL_SUBTYPE = Codes(
    "社会组织类型",
    {
        "private_school": "民办学校",
        "private_hospital": "民办医院/医疗机构",
        "law_firm": "律师事务所",
        "accounting_firm": "会计师事务所",
        "tax_firm": "税务师事务所",
        "trade_association": "行业协会/商会",
        "social_group": "社会团体",
        "private_non_enterprise": "民办非企业单位",
        "foundation": "基金会",
    },
)
# 实体性社会组织: the 30-staff rule applies to these subtypes.
ENTITY_SOCIAL_SUBTYPES = ("private_school", "private_hospital", "law_firm", "accounting_firm", "tax_firm")

INDUSTRY = Codes(
    "行业",
    {
        "internet": "互联网",
        "manufacturing": "制造业",
        "property": "物业管理",
        "logistics": "物流快递",
        "food_delivery": "外卖配送",
        "finance": "新兴金融",
        "retail": "批发零售",
        "catering": "住宿餐饮",
        "construction": "建筑业",
        "business_services": "商务服务",
        "law": "法律服务",
        "accounting": "会计审计",
        "tax": "税务服务",
        "education": "教育培训",
        "medical": "医疗卫生",
        "social_services": "社会服务",
        "culture": "文化体育",
        "other": "其他",
    },
)

ORG_STATUS = Codes("经营状态", {"active": "在营", "closed": "注销", "moved_out": "迁出"})

PARTY_LEVEL = Codes(
    "党组织类别",
    {"committee": "党委", "general_branch": "党总支", "branch": "党支部", "joint_branch": "联合党支部"},
)
FORMATION = Codes("组建方式", {"independent": "单独组建", "joint": "联合组建", "attached": "挂靠组建"})

GENDER = Codes("性别", {"male": "男", "female": "女"})
CATEGORY = Codes("党员类别", {"full": "正式党员", "probationary": "预备党员"})
RELATION = Codes(
    "组织关系",
    {"transferred": "已转入", "pocket": "口袋党员", "mobile_out": "流出党员", "mobile_in": "流入党员"},
)
EDUCATION = Codes(
    "学历",
    {
        "doctorate": "研究生（博士）",
        "master": "研究生（硕士）",
        "bachelor": "大学本科",
        "college": "大学专科",
        "secondary": "中专/高中",
        "junior": "初中及以下",
    },
)
EXIT_KIND = Codes(
    "减少方式", {"transferred_out": "转出", "died": "死亡", "left": "出党", "stopped": "停止党籍"}
)
ACTIVITY_KIND = Codes(
    "组织生活类型",
    {
        "general_meeting": "支部党员大会",
        "committee_meeting": "支委会",
        "group_meeting": "党小组会",
        "lecture": "党课",
        "theme_day": "主题党日",
        "life_meeting": "组织生活会",
        "member_review": "民主评议党员",
        "heart_talk": "谈心谈话",
    },
)
