"""Every proportion the demo draws from, with where it comes from.

The seeds are the first source; where they give no number, the number is a plain
reading of public statistics or of the seeds' own words, stated beside it, and
tests/test_demo.py checks that the generated register keeps to it within stated
ranges. A figure marked "illustrative" is a choice made for the demo's story, not a
statistic: it is there so that every rule has cases, as a street office would have."""

from __future__ import annotations

# -- organizations ---------------------------------------------------------------------------

# Share of enterprises among 两新组织: enterprises far outnumber social organizations in a
# Shenzhen street's register (illustrative, as before).
ENTERPRISE_SHARE = 0.76
# Staff per organization: heavy-tailed (a few large firms employ most people; most units
# are small): lognormal with a median of e**3.0 ≈ 20 staff, capped at 20,000.
STAFF_LOG_MEDIAN = 3.0
STAFF_LOG_SIGMA = 2.0
STAFF_MAX = 20_000
# Closed or moved away: kept on the register for history (illustrative).
INACTIVE_SHARE = 0.05
# Above scale (规模以上): an enterprise of 300 staff is always taken as above scale; of
# 50–299 staff one in ten (illustrative: 规上 is by turnover, not by staff).
ABOVE_SCALE_STAFF = 300
ABOVE_SCALE_SHARE_50 = 0.10

# -- members ------------------------------------------------------------------------------------

# Party members as a share of staff, by staff band. Public statistics put 两新组织 Party
# members at a low single-digit percentage of their staff, higher in large firms (the
# issue's reading; seed 003: "企业党员偏少、流动性大"). Upper edges of the bands, share.
MEMBER_SHARE_BY_STAFF = ((49, 0.015), (99, 0.025), (299, 0.035), (999, 0.045), (None, 0.055))
# No organization has more than this share of its staff in the Party (the old demo had
# five with more members than staff).
MEMBER_SHARE_CAP = 0.25
# 物业、物流、外卖 are where the seeds find blank spots (seed 003: "物业行业、物流行业、外卖
# 行业等还存在党建空白点"): fewer members and less coverage there.
BLANK_SPOT_INDUSTRIES = ("property", "logistics", "food_delivery")
BLANK_SPOT_FACTOR = 0.4
# …and of those there that have members, this share is not yet covered on top.
BLANK_SPOT_UNCOVERED = 0.4

# Women among Party members: about three in ten (中共中央组织部《中国共产党党内统计公报》:
# 女党员约占党员总数的三成).
FEMALE_SHARE = 0.30
# Age: "年轻高知识群体多" (seed 000). Ages drawn from a triangular distribution between
# 22 and 62 with its mode at 31, so most members are in their late twenties and thirties.
AGE_MIN, AGE_MODE, AGE_MAX = 22, 31, 62
# Education, highest first (doctorate … junior secondary): young and educated (seed 000),
# so about two thirds hold a bachelor's degree or more (illustrative weights).
EDUCATION_WEIGHTS = (2, 12, 52, 22, 9, 3)
# Joined the Party between 19 and 35, most at university or early in work (illustrative).
JOIN_AGE_MIN, JOIN_AGE_MAX = 19, 35

# Relation states (GLOSSARY "relation"), in a covered organization: most have transferred
# their relation in; some work here with the relation held elsewhere (流入); a few never
# handed their letter in (口袋党员). Seed 000: "一些两新组织还存在“口袋党员”“隐身党员”，有的
# 地方流动党员甚至比转入组织关系的还多" — so 流入 is a sizeable minority (illustrative).
COVERED_RELATIONS = {"transferred": 0.82, "mobile_in": 0.13, "pocket": 0.05}
# In an uncovered organization there is no Party organization to transfer into: the
# members are 口袋党员 or hold their relation elsewhere (流入).
UNCOVERED_RELATIONS = {"pocket": 0.55, "mobile_in": 0.45}
# 流出: relation held by a branch here, working elsewhere (no employer here), as a share
# of all members (illustrative; seed 003 names 流动党员 among what needs managing).
MOBILE_OUT_SHARE = 0.04
MOBILE_OUT_PLACES = ("广州", "东莞", "惠州", "上海", "杭州", "北京", "成都")
# Left the register (转出, died, 出党, 停止党籍): kept for history (illustrative).
EXIT_SHARE = 0.015
# Joined within the last year, so still 预备党员: about one in thirty of the members
# (《中国共产党党内统计公报》: the Party admits some 3 % of its membership a year).
RECENT_JOIN_SHARE = 0.035

# -- coverage -------------------------------------------------------------------------------------

# Seed 002: "对职工中正式党员3名以上的…指导其及时单独建立党组织" and "对职工中正式党员不足3名的，
# 开展联合建、挂靠建". With 3 or more 正式党员: its own Party organization mostly; the rest
# joint or not yet (the independent-formation rule then has cases). Shares of
# (independent, joint, uncovered), larger firms more often independent (illustrative).
OWN_FORMATION_BIG = (0.86, 0.08, 0.06)  # 100 staff or more
OWN_FORMATION_SMALL = (0.62, 0.20, 0.18)
# With 1–2 正式党员: (joint, attached, uncovered) — the uncovered ones are the rule's cases.
FEW_FORMATION = (0.45, 0.25, 0.30)
# A joint branch covers 2–5 organizations of one community; now and then one covers six
# with a recorded reason (seed 002: "联合党组织覆盖单位数不超过5个").
JOINT_OVERSIZE_SHARE = 0.05
# Organizations with neither a Party organization nor members: an instructor covers most
# (seed 002: "对未建立党组织的…选派党建工作指导员"; seed 003: "部分党建工作指导员挂帅不出征").
INSTRUCTOR_SHARE = 0.7
# 群团组织: covered organizations mostly have a 工会; 共青团 and 妇联 mostly from 100 staff
# (the defaults of the mass-organization settings); uncovered ones less (illustrative).
UNION_SHARE = {"covered": 0.88, "uncovered_big": 0.55, "uncovered_small": 0.2}
LEAGUE_SHARE = {"covered_big": 0.75, "covered_small": 0.25, "uncovered": 0.1}
VENUE_SHARE = 0.75  # each of the six "六有" items, in a covered organization
# Social organizations with a 业务主管单位, by kind (行业协会商会 have none since they were
# decoupled from their administering bodies; 直接登记 units often have none).
SUPERVISED_SHARE = {
    "private_school": (1.0, "区教育局"),
    "private_hospital": (1.0, "区卫生健康局"),
    "law_firm": (1.0, "区司法局"),
    "accounting_firm": (1.0, "区财政局"),
    "tax_firm": (1.0, "区税务局"),
    "private_non_enterprise": (0.6, "区民政局"),
    "social_group": (0.5, "区文化广电旅游体育局"),
    "foundation": (0.3, "区民政局"),
    "trade_association": (0.0, ""),
}

# -- Party organizations and their life -------------------------------------------------------

# A branch of 50 members or more should be upgraded (seed 000: "推动党员50名以上的党支部及时
# 升格"): most organizations that large already have a 党总支 (50–99 members) or a 党委
# (100 or more); the rest are the upgrade rule's cases (illustrative share).
GENERAL_BRANCH_MEMBERS = 50
COMMITTEE_MEMBERS = 100
UPGRADED_SHARE = 0.75

# Terms: some Party organizations were never given term dates in the register (the
# term-missing rule's cases), some record only the start (illustrative).
TERM_MISSING_SHARE = 0.03
TERM_END_UNRECORDED_SHARE = 0.3
# Branches that exist only on paper (空壳, seeds 000 and 003): one in forty.
EMPTY_SHELL_SHARE = 1 / 40
# How reliably a branch holds its monthly and quarterly meetings: between these.
DILIGENCE_MIN, DILIGENCE_MAX = 0.7, 1.0
# Attendance: the share of the branch's members present at a meeting.
ATTENDANCE_MIN, ATTENDANCE_MAX = 0.7, 0.95
