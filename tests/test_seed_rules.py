"""Each rule at its boundary, as the seed sentence it comes from says it (49 / 50 / 51
staff or members, 2 / 3 正式党员, 6 / 7 正式党员), and the formation of each covered
organization. Every test names its sentence; the sentence is checked against the
seed text itself where ``shared/seeds`` sits beside the checkout."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import FieldError
from app.rules.catalog import RULES, RULES_BY_ID, SEED_FILES
from app.services import members, organizations, party_orgs
from app.settings import change_setting
from app.stats import check, station_stats
from app.store import Store
from db.models import Activity

TODAY = date(2026, 11, 22)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _seed_text(seed: str) -> str:
    path = SEEDS / SEED_FILES[seed]
    if not path.exists():
        pytest.skip("shared/seeds is not beside this checkout")
    return " ".join(path.read_text(encoding="utf-8").split())


def cites(rule_id: str, sentence: str) -> None:
    """The rule's finding quotes ``sentence``, and the seed says it word for word."""
    rule = RULES_BY_ID[rule_id]
    assert rule.quote == sentence
    assert sentence in rule.source
    seed = _seed_text(rule.seed)
    for part in sentence.split("……"):
        assert " ".join(part.split()) in seed, part


def _names(store: Store, rule: str) -> set[str]:
    return {f.record_name for f in check(store, TODAY, [rule])}


def _org(store: Store, name: str, **values: object) -> str:
    return organizations.add_organization(store, {"name": name, "kind": "enterprise", **values})["id"]


def _social(store: Store, name: str, subtype: str, staff: int) -> str:
    return organizations.add_organization(
        store, {"name": name, "kind": "社会组织", "subtype": subtype, "employees": staff}
    )["id"]


def _party(store: Store, name: str, covers: list[str], **values: object) -> str:
    values = {"level": "branch", "established_on": "2015-01-01", "term_start": "2025-01-01", **values}
    return party_orgs.add_party_org(store, {"name": name, **values}, covers=covers)["id"]


def _members(
    store: Store,
    n: int,
    employer: str | None,
    party: str | None,
    category: str = "full",
    relation: str = "transferred",
) -> None:
    for _ in range(n):
        members.add_member(
            store,
            {
                "name": "党员",
                "employer": employer,
                "party_org": party,
                "category": category,
                "relation": relation,
            },
        )


# -- organizations ----------------------------------------------------------------------


def test_enterprise_members_from_fifty_staff(store: Store) -> None:
    cites("enterprise_members", "实现50人以上非公企业有党员")
    for staff in (49, 50, 51):
        _org(store, f"{staff}人公司", employees=staff)
    assert _names(store, "enterprise_members") == {"50人公司", "51人公司"}


def test_enterprise_party_org_from_a_hundred_staff(store: Store) -> None:
    cites("enterprise_party_org", "100人以上非公企业、规模以上非公企业及30人以上实体性的社会组织有党组织")
    for staff in (99, 100, 101):
        _org(store, f"{staff}人公司", employees=staff)
    assert _names(store, "enterprise_party_org") == {"100人公司", "101人公司"}


def test_entity_social_organizations_are_an_open_class_set_per_kind(store: Store) -> None:
    cites(
        "social_org_party_org",
        "从业 30 人以上的民办学校、医院以及律师、会计师、税务师事务所等实体性社会组织有党组织",
    )
    for staff in (29, 30, 31):
        _social(store, f"{staff}人社工中心", "民办非企业单位", staff)  # "等": not only the five named
    _social(store, "某体育舞蹈协会", "社会团体", 80)  # a membership body, not a workplace
    assert _names(store, "social_org_party_org") == {"30人社工中心", "31人社工中心"}
    change_setting(store, "rule.social_org.entity.social_group", 1)
    change_setting(store, "rule.social_org.entity.private_non_enterprise", 0)
    assert _names(store, "social_org_party_org") == {"某体育舞蹈协会"}


def _employer_with(store: Store, name: str, full: int, **extra: int) -> str:
    org = _org(store, name, employees=20)
    _members(store, full, org, None)
    for relation, n in extra.items():
        category = "probationary" if relation == "probationary" else "full"
        _members(store, n, org, None, category, "transferred" if relation == "probationary" else relation)
    return org


def test_three_full_members_form_their_own_two_join_or_attach(store: Store) -> None:
    cites("independent_formation", "对职工中正式党员3名以上的非“两新”组织……指导其及时单独建立党组织")
    cites("few_members_joint", "对职工中正式党员不足3名的，开展联合建、挂靠建")
    _employer_with(store, "三名公司", 3)
    _employer_with(store, "两名公司", 2, probationary=1)  # a 预备党员 is not a 正式党员
    _employer_with(store, "一名公司", 1, mobile_in=2)  # 流入党员 are held elsewhere
    _employer_with(store, "无党员公司", 0)
    assert _names(store, "independent_formation") == {"三名公司"}
    assert _names(store, "few_members_joint") == {"两名公司", "一名公司"}


def test_an_organization_jointly_covered_with_three_full_members_should_form_its_own(store: Store) -> None:
    a = _employer_with(store, "甲公司", 3)
    b = _employer_with(store, "乙公司", 2)
    joint = _party(store, "联合党支部", [a, b], level="joint_branch")
    assert organizations.get_organization(store, a)["formation"] == "joint"
    findings = {f.record_name: f.message for f in check(store, TODAY, ["independent_formation"])}
    assert findings == {"甲公司": "有正式党员 3 名（3 名以上），应单独建立党组织，现为联合组建。"}
    assert _names(store, "few_members_joint") == set()  # 乙公司 is in a joint one already
    own = _party(store, "甲公司党支部", [a])
    assert organizations.get_organization(store, a)["formation"] == "independent"
    assert _names(store, "independent_formation") == set()
    assert party_orgs.get_party_org(store, joint)["covered"] == [{"id": b, "name": "乙公司"}]
    assert own


def test_joint_branch_covers_at_most_five(store: Store) -> None:
    cites("joint_max_orgs", "联合党组织覆盖单位数不超过5个")
    five = [_org(store, f"五{i}公司") for i in range(5)]
    six = [_org(store, f"六{i}公司") for i in range(6)]
    _party(store, "五家联合党支部", five, level="joint_branch")
    party_orgs.add_party_org(
        store, {"name": "六家联合党支部", "level": "joint_branch"}, covers=six, override="同一楼宇"
    )
    assert _names(store, "joint_max_orgs") == {"六家联合党支部"}


def test_mass_organizations_by_size_covered_at_once_uncovered_first(store: Store) -> None:
    cites("mass_organizations", "成立党组织的两新组织要同步成立群团组织")
    cites("mass_organizations_first", "暂不具备条件成立党组织的两新组织,要先行成立群团组织")
    union = {"has_union": "是"}
    covered = [
        _org(store, "九十九人公司", employees=99, **union),
        _org(store, "百人公司", employees=100, **union),
        _org(store, "五人公司", employees=5),
    ]
    _party(store, "联合党支部", covered, level="joint_branch")
    _org(store, "二十四人公司", employees=24)
    _org(store, "二十五人公司", employees=25)
    _org(store, "有工会的二十五人公司", employees=25, **union)
    findings = {f.record_name: f.message for f in check(store, TODAY, ["mass_organizations"])}
    assert findings == {
        "百人公司": "已建立党组织，但尚未建立共青团、妇联组织。",
        "五人公司": "已建立党组织，但尚未建立工会组织。",
    }
    assert _names(store, "mass_organizations_first") == {"二十五人公司"}


def test_instructor_for_every_uncovered_organization(store: Store) -> None:
    cites(
        "instructor_needed",
        "对未建立党组织的非“两新”组织，从乡镇（街道）、有关职能部门、产业园区在职党员干部中选派党建工作指导员",
    )
    _org(store, "小店", employees=1)
    covered = _org(store, "已建公司", employees=1)
    _party(store, "已建公司党支部", [covered])
    assert _names(store, "instructor_needed") == {"小店"}


# -- Party organizations ------------------------------------------------------------------


def test_branch_upgrade_at_fifty_members_inclusive(store: Store) -> None:
    cites("branch_upgrade", "推动党员50名以上的党支部及时升格")
    for n in (49, 50, 51):
        _members(store, n, None, _party(store, f"{n}人支部", []))
    party = _party(store, "四十九人另有流入支部", [])
    _members(store, 49, None, party)
    _members(store, 3, None, party, relation="mobile_in")  # held elsewhere: not counted here
    assert _names(store, "branch_upgrade") == {"50人支部", "51人支部"}


def test_a_branch_without_members_is_an_empty_shell(store: Store) -> None:
    cites("empty_shell", "对“两新”组织“空壳党支部”、流动党员、“口袋党员”等动态管理、合理优化不及时")
    _party(store, "空支部", [])
    _members(store, 1, None, _party(store, "一人支部", []))
    assert _names(store, "empty_shell") == {"空支部"}


def _activity(store: Store, party: str, kind: str, held_on: date) -> None:
    with store.write() as session:
        session.add(Activity(party_org_id=party, kind=kind, held_on=held_on))


def test_theme_day_is_a_branch_duty(store: Store) -> None:
    cites("theme_day_monthly", "每月开展一次“主题党日”活动")
    committee = _party(store, "某公司党委", [], level="committee")
    general = _party(store, "某公司党总支", [], level="general_branch", parent=committee)
    branch = _party(store, "某公司第一党支部", [], parent=general)
    _members(store, 3, None, branch)
    assert _names(store, "theme_day_monthly") == {"某公司第一党支部"}
    _activity(store, branch, "theme_day", date(2026, 10, 20))
    assert _names(store, "theme_day_monthly") == set()


def test_lecture_every_quarter_in_branches(store: Store) -> None:
    cites("lecture_quarterly", "严格落实“三会一课”、主题党日等制度")
    committee = _party(store, "某公司党委", [], level="committee")
    held = _party(store, "第三季度有党课支部", [], parent=committee)
    late = _party(store, "十月才上党课支部", [], parent=committee)
    _activity(store, held, "lecture", date(2026, 9, 30))  # the last day of the last quarter
    _activity(store, late, "lecture", date(2026, 10, 1))
    assert _names(store, "lecture_quarterly") == {"十月才上党课支部"}


def test_committee_meetings_from_seven_full_members(store: Store) -> None:
    cites("committee_meeting_monthly", "严格落实“三会一课”、主题党日等制度")
    six = _party(store, "六名正式党员支部", [])
    _members(store, 6, None, six)
    _members(store, 1, None, six, category="probationary")  # 预备党员 do not count
    _members(store, 2, None, six, relation="mobile_in")  # nor do 流入党员
    seven = _party(store, "七名正式党员支部", [])
    _members(store, 7, None, seven)
    committee = _party(store, "某公司党委", [], level="committee")
    _members(store, 9, None, committee)
    assert _names(store, "committee_meeting_monthly") == {"七名正式党员支部"}


def test_terms_by_level_with_a_reminder_and_a_finding_without_dates(store: Store) -> None:
    cites("term_expired", "按照统一部署，精心组织党支部换届")
    cites("term_ending", "按照统一部署，精心组织党支部换届")
    cites("term_missing", "精心组织党支部换届，规范支委设置")
    _party(store, "满三年支部", [], term_start="2023-11-22")  # ends today: due
    _party(store, "差一天满三年支部", [], term_start="2023-11-23")
    _party(store, "两年半支部", [], term_start="2024-05-01")
    _party(store, "满三年党委", [], level="committee", term_start="2023-11-01")
    _party(store, "四年九个月党委", [], level="committee", term_start="2022-02-01")
    _party(store, "无任期支部", [], term_start="")
    assert _names(store, "term_expired") == {"满三年支部"}
    ending = {f.record_name: f.message for f in check(store, TODAY, ["term_ending"])}
    assert ending == {
        "差一天满三年支部": "本届任期将于 2026年11月23日 届满（3 个月内），请提前做好换届准备。",
        "四年九个月党委": "本届任期将于 2027年02月01日 届满（3 个月内），请提前做好换届准备。",
    }
    assert _names(store, "term_missing") == {"无任期支部"}
    change_setting(store, "party_org.term_reminder_months", 0)
    assert _names(store, "term_ending") == set()


# -- rates ---------------------------------------------------------------------------------------


def test_must_build_rate_counts_what_the_rules_say_must_have_a_party_org(store: Store) -> None:
    sentence = "确保党组织应建尽建率和党的工作覆盖率均达到100%"
    assert sentence in _seed_text("002")
    big = _org(store, "百人公司", employees=100)
    _org(store, "九十九人公司", employees=99)
    _social(store, "三十人学校", "民办学校", 30)
    three = _employer_with(store, "三名党员小公司", 3)
    _party(store, "百人公司党支部", [big])
    joint = [_org(store, "联建甲"), three]
    _party(store, "联合党支部", joint, level="joint_branch")
    rates = station_stats(store, TODAY)["rates"]
    # 应建: 百人公司, 三十人学校, 三名党员小公司; 已建: 百人公司 and (jointly) 三名党员小公司.
    rate = rates["must_build_rate"]
    assert (rate["numerator"], rate["denominator"]) == (2, 3)
    assert "应建尽建率" in rate["definition"]
    coverage = station_stats(store, TODAY)["coverage"]
    assert (coverage["independent"], coverage["joint"], coverage["attached"]) == (1, 2, 0)


# -- formation belongs to each covered organization ------------------------------------------


def test_an_independent_party_org_covers_exactly_one_organization(store: Store) -> None:
    a, b = _org(store, "甲公司"), _org(store, "乙公司")
    with pytest.raises(FieldError, match="单独组建的党组织只覆盖一个单位"):
        _party(store, "甲公司党支部", [a, b])
    own = _party(store, "甲公司党支部", [a])
    # 乙公司's members attach to 甲公司's branch: allowed, and 乙 is 挂靠, not 单独.
    organizations.edit_organization(store, b, {"party_org": "甲公司党支部", "formation": "挂靠组建"})
    assert organizations.get_organization(store, b)["coverage"] == "attached"
    with pytest.raises(FieldError, match="只能是单独组建、挂靠组建"):
        organizations.edit_organization(store, b, {"formation": "联合组建"})
    with pytest.raises(FieldError, match="单独组建的党组织只覆盖一个单位"):
        organizations.edit_organization(store, b, {"formation": "单独组建"})
    stats = station_stats(store, TODAY)
    assert stats["rates"]["independent_rate"]["percent"] == 50.0
    assert stats["coverage"]["attached"] == 1
    assert own


def test_a_party_org_changing_its_formation_takes_its_organizations_along(store: Store) -> None:
    a, b, c = _org(store, "甲公司"), _org(store, "乙公司"), _org(store, "丙公司")
    joint = _party(store, "联合党支部", [a, b, c], level="branch", formation="联合组建")
    assert {organizations.get_organization(store, o)["formation"] for o in (a, b, c)} == {"joint"}
    with pytest.raises(FieldError, match="单独组建的党组织只覆盖一个单位"):
        party_orgs.edit_party_org(store, joint, {"formation": "单独组建"})
    party_orgs.set_covered_organizations(store, joint, [a])
    party_orgs.edit_party_org(store, joint, {"formation": "单独组建"})
    assert organizations.get_organization(store, a)["formation"] == "independent"
    assert organizations.get_organization(store, b)["formation"] is None  # no longer covered


def test_supervising_unit_is_a_social_organizations_field(store: Store) -> None:
    org = _social(store, "某社工中心", "民办非企业单位", 40)
    organizations.edit_organization(store, org, {"supervising_unit": "区民政局"})
    assert organizations.get_organization(store, org)["supervising_unit"] == "区民政局"
    with pytest.raises(FieldError, match="业务主管单位只适用于社会组织"):
        _org(store, "某公司", supervising_unit="区工信局")


def test_every_rule_is_tested_here() -> None:
    source = re.sub(r"\s+", "", Path(__file__).read_text(encoding="utf-8"))
    assert [r.id for r in RULES if f'cites("{r.id}"' not in source] == []


def test_upgrade_gives_each_covered_organization_its_formation(db_url: str) -> None:
    """0011: an organization takes its Party organization's formation; one marked
    independent that covers several is joint in truth, and so are its organizations."""
    from alembic import command

    from app.store import init_store, open_store, resolve_url
    from db import migrate
    from db.engine import create_db_engine
    from tests.conftest import STATION

    store, _ = init_store(db_url, *STATION)
    crowded = [_org(store, f"楼宇{i}公司") for i in range(3)]
    alone = _org(store, "独立公司")
    joint = [_org(store, "联建甲"), _org(store, "联建乙")]
    host = [_org(store, "挂靠公司")]
    _org(store, "未覆盖公司")
    crowded_party = _party(store, "楼宇联合党支部", crowded, level="joint_branch")
    _party(store, "独立公司党支部", [alone])
    _party(store, "联合党支部", joint, level="joint_branch")
    _party(store, "社区两新党支部", host, formation="挂靠组建")
    store.close()
    engine = create_db_engine(resolve_url(db_url))
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0010")
        # As the old program let a clerk save it: "单独组建", covering three firms.
        conn.execute(
            text("UPDATE party_org SET formation = 'independent', level = 'branch' WHERE id = :id"),
            {"id": crowded_party},
        )
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    engine.dispose()
    store = open_store(db_url)
    try:
        formation = {
            organizations.get_organization(store, o)["name"]: organizations.get_organization(store, o)[
                "formation"
            ]
            for o in [*crowded, alone, *joint, *host]
        }
        assert formation == {
            "楼宇0公司": "joint",
            "楼宇1公司": "joint",
            "楼宇2公司": "joint",
            "独立公司": "independent",
            "联建甲": "joint",
            "联建乙": "joint",
            "挂靠公司": "attached",
        }
        assert party_orgs.get_party_org(store, crowded_party)["formation"] == "joint"
        coverage = station_stats(store, TODAY)["coverage"]
        assert (coverage["independent"], coverage["joint"], coverage["attached"]) == (1, 5, 1)
    finally:
        store.close()


# -- the 大组建 template (seed 001) ------------------------------------------------------------


def test_da_zujian_starts_when_chosen_and_names_the_plans_units(store: Store) -> None:
    from app.services import campaigns

    plan = _seed_text("001")
    assert "区领导带头挂点未组建党组织的重点、难点非公企业" in plan
    assert "4月中旬前为**准备阶段**" in plan
    record = campaigns.create_campaign(store, {"starts_on": "2026-09-01"}, template="da_zujian")
    # "4月中旬前为准备阶段…6月20日前为攻坚阶段…6月30日前为总结阶段", kept in proportion.
    assert [(p["name"], p["starts_on"], p["ends_on"]) for p in record["phases"]] == [
        ("准备阶段", date(2026, 9, 1), date(2026, 9, 15)),
        ("攻坚阶段", date(2026, 9, 16), date(2026, 11, 20)),
        ("总结阶段", date(2026, 11, 21), date(2026, 11, 30)),
    ]
    units = {u["name"] for u in record["units"]}
    assert "区领导（挂点促建）" in units  # 挂点促建 is by 区领导, not the street's
    assert any(u.startswith("区委两新组织工委") for u in units)
    assert {"区非公党委（组织安排挂点促建、固化成果）", "区社会组织党委（统筹指导主管包建）"} <= units


def test_each_action_line_takes_its_targets(store: Store) -> None:
    from app.services import campaigns
    from app.services.campaign_actions import action_assignee

    units = list(campaigns.TEMPLATES["da_zujian"].units)
    _org(store, "无党员大企业", employees=320)
    large = _org(store, "有党员百人企业", employees=120)
    _members(store, 1, large, None)
    school = _social(store, "某民办学校", "民办学校", 40)
    organizations.edit_organization(store, school, {"supervising_unit": "区教育局"})
    _social(store, "某协会", "社会团体", 40)
    covered = _org(store, "缺工会企业", employees=60)
    _party(store, "缺工会企业党支部", [covered])
    findings = check(store, TODAY)
    with store.read() as session:
        routed = {
            (f.record_name, f.rule_id): action_assignee(session, f, units)
            for f in findings
            if f.rule_id in ("enterprise_party_org", "social_org_party_org", "mass_organizations")
        }
    assert routed == {
        ("无党员大企业", "enterprise_party_org"): ("leader", "区领导（挂点促建）"),
        ("有党员百人企业", "enterprise_party_org"): ("department", "区直机关驻街工作组（驻街保建）"),
        ("某民办学校", "social_org_party_org"): ("supervisor", "区教育局"),  # 谁主管谁负责
        ("缺工会企业", "mass_organizations"): ("mass_org", "区总工会、团区委、区妇联（党群共建）"),
    }


# -- the appraisal templates (seeds 000, 002, 004) --------------------------------------------


def _quoted(source: str) -> list[str]:
    """The sentences a template's source quotes after the document's name: the outer
    “…” of each, its inner ‘…’ put back as the seed writes them (“…”)."""
    found, depth, current = [], 0, ""
    for ch in source.split("：", 1)[1]:
        if ch == "“":
            depth += 1
            if depth == 1:
                current = ""
                continue
        elif ch == "”":
            depth -= 1
            if depth == 0:
                found.append(current)
                continue
        if depth:
            current += ch
    return [q.replace("‘", "“").replace("’", "”") for q in found]


def _quotes_its_seed(source: str, seed: str) -> list[str]:
    quoted = _quoted(source)
    assert quoted, source
    text = _seed_text(seed)
    for sentence in quoted:
        assert " ".join(sentence.split()) in text, sentence
    return quoted


def test_review_version_2_cites_its_sentence_and_adds_what_the_seeds_name() -> None:
    from app.services import appraisal_templates

    review = appraisal_templates.builtin_template("review")
    assert appraisal_templates.builtin_version("review") == 2
    # The 2020 推进会 speech governs it: a yearly review whose result counts for 五星支部.
    assert _quotes_its_seed(review.source, "002") == [
        "结合非“两新”组织党组织特点，探索科学有效的党组织书记抓基层党建述职评议考核方式，"
        "确定考核等次，考核结果与“五星支部”和市级标杆式党支部创建挂钩。"
    ]
    assert review.note == "各项分值为默认权重，可结合本地实际调整。"
    by_code = {c.code: c for c in review.criteria}
    assert by_code["A3"].title == "“双向进入、交叉任职”"
    assert "实行“双向进入、交叉任职”" in _quotes_its_seed(by_code["A3"].source, "000")[0]
    assert by_code["B4"].title == "组织生活会和民主评议党员"
    assert "组织生活会和民主评议党员等基本制度" in _quotes_its_seed(by_code["B4"].source, "004")[0]
    assert review.max_total == 100
    assert [c.code for c in review.criteria] == [
        *("A1", "A2", "A3", "B1", "B2", "B3", "B4", "C1", "C2", "D1", "D2", "D3")
    ]
    star = appraisal_templates.builtin_template("star_rating")
    assert "每年初对上年度“五星支部”创建情况进行盘点" in _quotes_its_seed(star.source, "002")
    health = appraisal_templates.builtin_template("health_check")
    assert "进行定期“党建体检”" in _quotes_its_seed(health.source, "004")[0]
    theme_day = next(c for c in health.criteria if c.code == "H5")
    assert _quotes_its_seed(theme_day.source, "002") == ["每月开展一次“主题党日”活动。"]


def test_review_version_2_reaches_a_database_made_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database the program made when 述职评议 was at version 1, with an appraisal
    finalised on it: after the upgrade it holds version 2 beside version 1, the final
    appraisal reads and prints version 1's criteria, new appraisals get version 2."""
    from alembic import command
    from pypdf import PdfReader

    from app.reports.forms import print_appraisals
    from app.services import appraisal_templates, appraisals
    from app.store import init_store, open_store, resolve_url
    from app.upgrade import upgrade_database
    from db import migrate
    from db.engine import create_db_engine
    from db.models.appraisal import builtin_template_id

    v1 = {code: appraisal_templates.builtin_texts(code)[1] for code in appraisal_templates.BUILTIN}
    db = str(tmp_path / "before.sqlite3")
    with monkeypatch.context() as then:  # the program as it was: version 1 only
        then.setattr(appraisal_templates, "builtin_texts", lambda code: {1: v1[code]})
        then.setattr(appraisal_templates, "builtin_version", lambda code: 1)
        then.setattr(
            appraisal_templates, "builtin_template", lambda code: appraisal_templates.parse_template(v1[code])
        )
        store, _ = init_store(db, "440307001", "南湾街道")
        try:
            first = _party(store, "华信物流党支部", [])
            [final] = appraisals.start_appraisals(store, "review", 2026, [first])
            old = appraisal_templates.parse_template(v1["review"])
            appraisals.finalize_appraisal(
                store,
                final,
                scores={c.code: c.max for c in old.criteria},
                evaluator="李评议",
                evaluated_on="2026-11-20",
            )
            second = _party(store, "安达科技党支部", [])
        finally:
            store.close()
    # One schema step back, so that opening it with this program is an upgrade.
    engine = create_db_engine(resolve_url(db))
    config = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "-1")
    finally:
        engine.dispose()

    assert upgrade_database(db, backup=False).changed
    store = open_store(db)
    try:
        with store.read() as session:
            from db.models import AppraisalTemplate

            versions = {
                (row.code, row.version)
                for row in session.query(AppraisalTemplate).filter(AppraisalTemplate.deleted.is_(False))
            }
        assert {("review", 1), ("review", 2), ("star_rating", 2), ("health_check", 2)} <= versions
        assert {t["code"]: t["version"] for t in appraisal_templates.list_templates(store)}["review"] == 2

        kept = appraisals.appraisal_record(store, final)
        assert kept["state"] == "final" and kept["total"] == 100 and kept["grade"] == "好"
        assert [c.code for c in kept["criteria"]] == [c.code for c in old.criteria]  # no A3, no B4
        assert {c.code: c.max for c in kept["criteria"]}["A1"] == 10
        [pdf] = print_appraisals(store, [final], tmp_path / "kept.pdf")
        printed = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert (
            "研究部署党建工作" in printed
            and "双向进入" not in printed
            and "组织生活会和民主评议党员" not in printed
        )

        [fresh] = appraisals.start_appraisals(store, "review", 2026, [second])
        record = appraisals.appraisal_record(store, fresh)
        with store.read() as session:
            from db.models import Appraisal

            assert session.get(Appraisal, fresh).template_id == builtin_template_id("review", 2)  # type: ignore[union-attr]
        assert {"A3", "B4"} <= {c.code for c in record["criteria"]}
        assert record["max_total"] == 100
        # Both subjects are the year's 述职评议, whichever version each was scored with.
        assert {row.id for row in appraisals.list_appraisals(store, "review", 2026)} == {final, fresh}
    finally:
        store.close()


def test_organizations_an_instructor_guides_are_visited_every_few_months(store: Store) -> None:
    cites("visit_overdue", "按照“四必访”的要求，积极作为、靠前服务")
    from app.services import instructors, visits

    teacher = instructors.add_instructor(store, {"name": "王指导"})["id"]
    for name in ("从未走访公司", "三月前走访公司", "上月走访公司", "新指派公司"):
        _org(store, name, employees=20)
    for name in ("从未走访公司", "三月前走访公司", "上月走访公司"):
        instructors.assign_instructor(store, teacher, name, starts_on=date(2025, 1, 1))
    instructors.assign_instructor(store, teacher, "新指派公司", starts_on=date(2026, 10, 1))  # not yet due
    visits.add_visit(
        store, {"organization": "三月前走访公司", "instructor": teacher, "visited_on": "2026-08-22"}, TODAY
    )
    visits.add_visit(
        store, {"organization": "上月走访公司", "instructor": teacher, "visited_on": "2026-10-05"}, TODAY
    )
    # The default is 3 months: a visit on 22 August is exactly three months ago, and late.
    assert _names(store, "visit_overdue") == {"从未走访公司", "三月前走访公司"}
    message = next(
        f.message for f in check(store, TODAY, ["visit_overdue"]) if f.record_name == "三月前走访公司"
    )
    assert "上次走访在 2026年08月22日" in message
    change_setting(store, "rule.visit.max_months", 4)
    assert _names(store, "visit_overdue") == {"从未走访公司"}


def test_an_instructor_who_visits_none_of_theirs_is_a_finding(store: Store) -> None:
    """Seed 003: "部分党建工作指导员挂帅不出征、挂名不管事" — judged per instructor."""
    from app.rules.catalog import INSTRUCTOR_IDLE
    from app.services import instructors, visits

    assert INSTRUCTOR_IDLE.quote in " ".join(_seed_text("003").split())
    idle = instructors.add_instructor(store, {"name": "挂名指导员"})["id"]
    busy = instructors.add_instructor(store, {"name": "勤快指导员"})["id"]
    instructors.add_instructor(store, {"name": "未指派指导员"})
    for name, who in (("甲公司", idle), ("乙公司", busy), ("丙公司", busy)):
        _org(store, name, employees=20)
        instructors.assign_instructor(store, who, name, starts_on=date(2025, 1, 1))
    visits.add_visit(store, {"organization": "乙公司", "instructor": busy, "visited_on": "2026-11-01"}, TODAY)
    # Someone else's visit to 甲公司 does not count as the instructor's own.
    visits.add_visit(
        store, {"organization": "甲公司", "visitor": "社区书记", "visited_on": "2026-11-02"}, TODAY
    )
    found = visits.idle_instructors(store, TODAY)
    assert [f.name for f in found] == ["挂名指导员"]
    assert "挂名不管事" in found[0].message and INSTRUCTOR_IDLE.quote in found[0].source
