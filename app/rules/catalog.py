"""The rules the program checks, each with its threshold setting and the seed
sentence it comes from, so that every finding can say why it is a finding."""

from __future__ import annotations

from dataclasses import dataclass

SEEDS = {
    "000": "深两新党工委通〔2019〕1号（2018年度市两新组织党建工作述职评议会讲话）",
    "001": "深龙组通〔2019〕27号（两新组织党组织“大组建”专项攻坚行动实施方案）",
    "002": "全市“两新”组织党建工作推进会讲话",
    "003": "全市“两新”党建工作述职评议暨2022年度第一次工委会议讲话",
    "004": "苏组通〔2018〕57号（关于加强和改进“两新”组织行业党建工作的实施意见）",
}
SEED_FILES = {
    "000": "000_840e79318f38fd25.txt",
    "001": "001_78a67c7bc9fec283.txt",
    "002": "002_89519334301ad43f.txt",
    "003": "003_8bb42e099a356a30.txt",
    "004": "004_dd443ea6da764196.txt",
}


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    subject: str  # organization | party_org
    seed: str
    quote: str
    setting: str | None = None

    @property
    def source(self) -> str:
        return f"{SEEDS[self.seed]}：“{self.quote}”"


RULES: tuple[Rule, ...] = (
    Rule(
        "enterprise_members",
        "规模较大的非公企业应有党员",
        "organization",
        "001",
        "实现50人以上非公企业有党员",
        "rule.enterprise_members.min_employees",
    ),
    Rule(
        "enterprise_party_org",
        "百人以上或规模以上非公企业应有党组织",
        "organization",
        "001",
        "100人以上非公企业、规模以上非公企业及30人以上实体性的社会组织有党组织",
        "rule.enterprise_org.min_employees",
    ),
    Rule(
        "social_org_party_org",
        "实体性社会组织应有党组织",
        "organization",
        "000",
        "从业 30 人以上的民办学校、医院以及律师、会计师、税务师事务所等实体性社会组织有党组织",
        "rule.social_org.min_staff",
    ),
    Rule(
        "independent_formation",
        "正式党员3名以上应单独组建",
        "organization",
        "002",
        "对职工中正式党员3名以上的非“两新”组织……指导其及时单独建立党组织",
        "rule.independent.min_full_members",
    ),
    Rule(
        "few_members_joint",
        "正式党员不足3名的应联合建、挂靠建",
        "organization",
        "002",
        "对职工中正式党员不足3名的，开展联合建、挂靠建",
        "rule.independent.min_full_members",
    ),
    Rule(
        "joint_max_orgs",
        "联合党组织覆盖单位不超过5个",
        "party_org",
        "002",
        "联合党组织覆盖单位数不超过5个",
        "rule.joint.max_orgs",
    ),
    Rule(
        "branch_upgrade",
        "党员50名以上的党支部应升格",
        "party_org",
        "000",
        "推动党员50名以上的党支部及时升格",
        "rule.branch_upgrade.min_members",
    ),
    Rule(
        "empty_shell",
        "没有党员的“空壳”党组织",
        "party_org",
        "003",
        "对“两新”组织“空壳党支部”、流动党员、“口袋党员”等动态管理、合理优化不及时",
        "rule.empty_shell.max_members",
    ),
    Rule(
        "instructor_needed",
        "未建党组织的应派党建工作指导员",
        "organization",
        "002",
        "对未建立党组织的非“两新”组织，从乡镇（街道）、有关职能部门、产业园区在职党员干部中选派党建工作指导员",
        "rule.instructor.min_employees",
    ),
    Rule(
        "mass_organizations",
        "建有党组织的应同步建立群团组织",
        "organization",
        "001",
        "成立党组织的两新组织要同步成立群团组织",
        "rule.mass_org.youth_league_min_employees",
    ),
    Rule(
        "mass_organizations_first",
        "未建党组织的应先行建立群团组织",
        "organization",
        "001",
        "暂不具备条件成立党组织的两新组织,要先行成立群团组织",
        "rule.mass_org_first.min_employees",
    ),
    Rule(
        "theme_day_monthly",
        "每月开展一次主题党日",
        "party_org",
        "002",
        "每月开展一次“主题党日”活动",
        "rule.theme_day.min_per_month",
    ),
    Rule(
        "committee_meeting_monthly",
        "支委会每月召开",
        "party_org",
        "000",
        "严格落实“三会一课”、主题党日等制度",
        "rule.committee_meeting.min_members",
    ),
    Rule(
        "lecture_quarterly",
        "党课每季度至少一次",
        "party_org",
        "000",
        "严格落实“三会一课”、主题党日等制度",
        "rule.lecture.min_per_quarter",
    ),
    Rule(
        "visit_overdue",
        "联系指导的组织应定期走访",
        "organization",
        "003",
        "按照“四必访”的要求，积极作为、靠前服务",
        "rule.visit.max_months",
    ),
    Rule(
        "term_expired",
        "任期届满应按期换届",
        "party_org",
        "000",
        "按照统一部署，精心组织党支部换届",
        "party_org.term_years.branch",
    ),
    Rule(
        "term_ending",
        "任期即将届满，应准备换届",
        "party_org",
        "000",
        "按照统一部署，精心组织党支部换届",
        "party_org.term_reminder_months",
    ),
    Rule(
        "term_missing",
        "没有登记任期，无法提醒换届",
        "party_org",
        "000",
        "精心组织党支部换届，规范支委设置",
    ),
)
# Rules that apply to branches only: "三会一课" and 主题党日 are a 党支部's organizational
# life (党支部工作条例); a 党委's or 党总支's members hold theirs in the branches below.
BRANCH_LEVELS = ("branch", "joint_branch")
RULES_BY_ID = {rule.id: rule for rule in RULES}

# A finding about an instructor, not about a register's record: judged and shown by
# app.services.visits (the 走访 page, 工作台), not by the engine's two subjects.
INSTRUCTOR_IDLE = Rule(
    "instructor_idle",
    "党建工作指导员挂名不管事",
    "instructor",
    "003",
    "部分党建工作指导员挂帅不出征、挂名不管事",
    "rule.visit.max_months",
)
