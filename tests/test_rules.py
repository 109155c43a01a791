"""Every rule: a case that fires and one that does not, at the default threshold
and at a changed one. A fixed date stands in for today."""

from __future__ import annotations

from datetime import date

import pytest

from app.rules.catalog import RULES
from app.services import instructors, members, organizations, party_orgs
from app.settings import change_setting
from app.stats import check
from app.store import Store
from db.models import Activity

TODAY = date(2026, 11, 22)


def _names(store: Store, rule: str) -> set[str]:
    return {f.record_name for f in check(store, TODAY, [rule])}


def _org(store: Store, name: str, **values: object) -> str:
    return organizations.add_organization(store, {"name": name, "kind": "enterprise", **values})["id"]


def _branch(store: Store, name: str, covers: list[str], **values: object) -> str:
    values = {"level": "branch", "established_on": "2015-01-01", **values}
    return party_orgs.add_party_org(store, {"name": name, **values}, covers=covers)["id"]


def _members(store: Store, n: int, employer: str | None, party: str | None, category: str = "full") -> None:
    for _ in range(n):
        members.add_member(
            store, {"name": "党员", "employer": employer, "party_org": party, "category": category}
        )


def test_every_finding_names_its_rule_and_seed(store: Store) -> None:
    _org(store, "百人公司", employees=150)
    findings = check(store, TODAY)
    assert findings
    for f in findings:
        assert f.rule_id in {r.id for r in RULES}
        assert "“" in f.source and ("号" in f.source or "讲话" in f.source)


def test_enterprise_with_fifty_staff_needs_members(store: Store) -> None:
    _org(store, "五十人公司", employees=50)
    has = _org(store, "有党员公司", employees=80)
    _org(store, "四十九人公司", employees=49)
    _members(store, 1, has, None)
    assert _names(store, "enterprise_members") == {"五十人公司"}
    change_setting(store, "rule.enterprise_members.min_employees", 40)
    assert _names(store, "enterprise_members") == {"五十人公司", "四十九人公司"}


def test_enterprise_with_hundred_staff_or_above_scale_needs_a_party_org(store: Store) -> None:
    _org(store, "百人公司", employees=100)
    _org(store, "规上公司", employees=20, above_scale="是")
    _org(store, "九十九人公司", employees=99)
    covered = _org(store, "已建公司", employees=500)
    _branch(store, "已建公司党支部", [covered])
    assert _names(store, "enterprise_party_org") == {"百人公司", "规上公司"}
    change_setting(store, "rule.enterprise_org.min_employees", 120)
    assert _names(store, "enterprise_party_org") == {"规上公司"}


def test_entity_social_org_with_thirty_staff_needs_a_party_org(store: Store) -> None:
    def social(name: str, subtype: str, staff: int) -> None:
        organizations.add_organization(
            store, {"name": name, "kind": "社会组织", "subtype": subtype, "employees": staff}
        )

    social("某学校", "民办学校", 30)
    social("某律所", "律师事务所", 45)
    social("某协会", "行业协会/商会", 80)  # not an entity social organization
    social("某医院", "民办医院/医疗机构", 29)
    assert _names(store, "social_org_party_org") == {"某学校", "某律所"}
    change_setting(store, "rule.social_org.min_staff", 40)
    assert _names(store, "social_org_party_org") == {"某律所"}


def test_three_full_members_should_form_their_own_organization(store: Store) -> None:
    a, b, c = _org(store, "甲公司"), _org(store, "乙公司"), _org(store, "丙公司")
    joint = _branch(store, "联合党支部", [a, b], level="joint_branch")
    own = _branch(store, "丙公司党支部", [c])
    _members(store, 3, a, joint)
    _members(store, 2, b, joint)
    _members(store, 1, b, joint, category="probationary")  # probationary members do not count
    _members(store, 5, c, own)
    assert _names(store, "independent_formation") == {"甲公司"}
    change_setting(store, "rule.independent.min_full_members", 2)
    assert _names(store, "independent_formation") == {"甲公司", "乙公司"}


def test_joint_branch_over_the_limit_fires_even_with_an_override(store: Store) -> None:
    orgs = [_org(store, f"第{i}公司") for i in range(6)]
    party_orgs.add_party_org(
        store, {"name": "大联合党支部", "level": "joint_branch"}, covers=orgs, override="同一楼宇"
    )
    small = [_org(store, f"小{i}公司") for i in range(3)]
    party_orgs.add_party_org(store, {"name": "小联合党支部", "level": "joint_branch"}, covers=small)
    findings = check(store, TODAY, ["joint_max_orgs"])
    assert [f.record_name for f in findings] == ["大联合党支部"]
    assert "已记录超出理由" in findings[0].message
    change_setting(store, "rule.joint.max_orgs", 2)
    assert _names(store, "joint_max_orgs") == {"大联合党支部", "小联合党支部"}


def test_branch_with_fifty_members_or_more_should_upgrade(store: Store) -> None:
    # Was "more than fifty": 以上 includes the number (seed 000, "党员50名以上的党支部").
    big = _branch(store, "五十人支部", [])
    small = _branch(store, "四十九人支部", [])
    _members(store, 50, None, big)
    _members(store, 49, None, small)
    assert _names(store, "branch_upgrade") == {"五十人支部"}
    change_setting(store, "rule.branch_upgrade.min_members", 49)
    assert _names(store, "branch_upgrade") == {"五十人支部", "四十九人支部"}


def test_empty_shell_counts_members_of_the_branches_below(store: Store) -> None:
    committee = party_orgs.add_party_org(store, {"name": "某公司党委", "level": "committee"})["id"]
    child = _branch(store, "某公司第一党支部", [], parent=committee)
    _branch(store, "空支部", [])
    one = _branch(store, "一人支部", [])
    _members(store, 2, None, child)
    _members(store, 1, None, one)
    assert _names(store, "empty_shell") == {"空支部"}
    change_setting(store, "rule.empty_shell.max_members", 1)
    assert _names(store, "empty_shell") == {"空支部", "一人支部"}


def test_uncovered_organization_needs_an_instructor(store: Store) -> None:
    _org(store, "无人指导公司", employees=20)
    _org(store, "三人公司", employees=3)
    guided = _org(store, "有指导员公司", employees=20)
    covered = _org(store, "已建公司", employees=20)
    _branch(store, "已建公司党支部", [covered])
    person = instructors.add_instructor(store, {"name": "李明"})["id"]
    instructors.assign_instructor(store, person, guided)
    assert _names(store, "instructor_needed") == {"无人指导公司", "三人公司"}
    change_setting(store, "rule.instructor.min_employees", 10)
    assert _names(store, "instructor_needed") == {"无人指导公司"}
    instructors.end_assignment(store, guided)
    assert _names(store, "instructor_needed") == {"无人指导公司", "有指导员公司"}


def test_covered_organization_should_have_mass_organizations(store: Store) -> None:
    # Was: every covered organization of any size needed all three. Now 工会 for every one,
    # 共青团 and 妇联 from 100 staff (settings).
    full = _org(
        store, "群团齐全公司", employees=300, has_union="是", has_youth_league="是", has_women_federation="是"
    )
    partial = _org(store, "缺妇联公司", employees=100, has_union="是", has_youth_league="是")
    small = _org(store, "小公司", employees=30, has_union="是")
    _org(store, "未建公司")
    _branch(store, "联合党支部", [full, partial, small], level="joint_branch")
    findings = check(store, TODAY, ["mass_organizations"])
    assert [(f.record_name, f.message) for f in findings] == [
        ("缺妇联公司", "已建立党组织，但尚未建立妇联组织。")
    ]
    change_setting(store, "rule.mass_org.youth_league_min_employees", 30)
    assert _names(store, "mass_organizations") == {"缺妇联公司", "小公司"}
    change_setting(store, "rule.mass_org.women_federation_min_employees", 101)
    change_setting(store, "rule.mass_org.youth_league_min_employees", 31)
    assert _names(store, "mass_organizations") == set()


def _activity(store: Store, party: str, kind: str, held_on: date) -> None:
    with store.write() as session:
        session.add(Activity(party_org_id=party, kind=kind, held_on=held_on))


@pytest.mark.parametrize(
    ("rule", "kind", "inside", "outside", "times"),
    [
        (
            "theme_day_monthly",
            "theme_day",
            date(2026, 10, 15),
            date(2026, 9, 30),
            "rule.theme_day.min_per_month",
        ),
        ("committee_meeting_monthly", "committee_meeting", date(2026, 10, 1), date(2026, 11, 1), None),
        (
            "lecture_quarterly",
            "lecture",
            date(2026, 8, 20),
            date(2026, 10, 2),
            "rule.lecture.min_per_quarter",
        ),
    ],
)
def test_organizational_life_must_be_held_in_the_last_period(
    store: Store, rule: str, kind: str, inside: date, outside: date, times: str | None
) -> None:
    held = _branch(store, "按时支部", [])
    late = _branch(store, "未按时支部", [])
    _branch(store, "新成立支部", [], established_on="2026-11-01")  # too new to be judged
    for party in (held, late):
        _members(store, 7, None, party)
    _activity(store, held, kind, inside)
    _activity(store, late, kind, outside)
    assert _names(store, rule) == {"未按时支部"}
    if times:
        change_setting(store, times, 2)
        findings = {f.record_name: f.message for f in check(store, TODAY, [rule])}
        assert set(findings) == {"按时支部", "未按时支部"}
        assert "记录 1 次，少于要求的 2 次" in findings["按时支部"]


def test_committee_meetings_only_where_a_branch_committee_exists(store: Store) -> None:
    small = _branch(store, "六人支部", [])
    _members(store, 6, None, small)
    seven = _branch(store, "七人支部", [])
    _members(store, 7, None, seven)
    assert _names(store, "committee_meeting_monthly") == {"七人支部"}
    change_setting(store, "rule.committee_meeting.min_members", 6)
    assert _names(store, "committee_meeting_monthly") == {"六人支部", "七人支部"}


def test_expired_term_means_an_election_is_due(store: Store) -> None:
    # Was: five years for every level. A 党支部 serves three, a 党委 five.
    _branch(store, "已届满支部", [], term_start="2021-01-01", term_end="2026-01-01")
    _branch(store, "未届满支部", [], term_start="2025-06-01", term_end="2028-06-01")
    _branch(store, "满三年支部", [], term_start="2023-10-01")
    _branch(store, "满四年党委", [], level="committee", term_start="2022-10-01")
    assert _names(store, "term_expired") == {"已届满支部", "满三年支部"}
    change_setting(store, "party_org.term_years", 4)
    assert _names(store, "term_expired") == {"已届满支部", "满三年支部", "满四年党委"}


def test_rates_follow_the_scope_setting(store: Store) -> None:
    from app.stats import station_stats

    covered = _org(store, "已建公司", employees=200)
    guided = _org(store, "有指导员公司", employees=20)
    _org(store, "未覆盖公司", employees=5)
    organizations.add_organization(store, {"name": "某学校", "kind": "social_org", "employees": 40})
    _branch(store, "已建公司党支部", [covered])
    instructors.assign_instructor(store, instructors.add_instructor(store, {"name": "李明"})["id"], guided)
    rates = station_stats(store, TODAY)["rates"]
    assert (rates["organization_coverage"]["numerator"], rates["organization_coverage"]["denominator"]) == (
        1,
        4,
    )
    assert rates["work_coverage"]["percent"] == 50.0
    assert rates["independent_rate"]["percent"] == 100.0
    change_setting(store, "coverage.scope", "active_enterprise")
    change_setting(store, "coverage.scope_min_employees", 10)
    stats = station_stats(store, TODAY)
    assert stats["rates"]["organization_coverage"]["denominator"] == 2
    assert stats["scope"] == "在营非公企业（职工 10 人以上）"


def test_findings_of_one_record(store: Store) -> None:
    from app.services.related import organization_detail, party_org_detail

    big = _org(store, "百人公司", employees=150)
    _org(store, "另一家百人公司", employees=300)
    empty = _branch(store, "空支部", [])
    detail = organization_detail(store, big, TODAY)
    assert {f.rule_id for f in detail.findings} == {
        "enterprise_members",
        "enterprise_party_org",
        "instructor_needed",
        "mass_organizations_first",  # 150 staff, no Party organization and no 工会 yet
    }
    assert {f.record_name for f in detail.findings} == {"百人公司"}
    assert [
        f.rule_id for f in party_org_detail(store, empty, TODAY).findings if f.rule_id == "empty_shell"
    ] == ["empty_shell"]


def test_counted_findings_equal_the_listed_ones_on_the_demo(demo_db) -> None:
    from collections import Counter

    from app.rules.engine import count_findings, run_checks
    from app.settings import load_settings
    from app.store import open_store

    store = open_store(str(demo_db))
    with store.read() as session:
        settings = load_settings(session)
        counted = count_findings(session, settings, TODAY)
        listed = Counter(f.rule_id for f in run_checks(session, settings, TODAY))
    store.close()
    assert counted == {rule.id: listed[rule.id] for rule in RULES}
    assert all(counted.values())
