"""Register services: what a clerk does, and the bad input they must be stopped at."""

from __future__ import annotations

import pytest

from app.errors import FieldError, LiangxinError, NotFoundError
from app.services import communities, instructors, members, organizations, party_orgs
from app.services.audit import read_journal
from app.store import Store

USCC = "9144030071526726XG"


def _org(store: Store, name: str, **values: object) -> dict:
    return organizations.add_organization(store, {"name": name, "kind": "enterprise", **values})


def test_search_by_name_pinyin_initials_and_credit_code(any_store: Store) -> None:
    communities.add_community(any_store, "南岭村社区")
    _org(any_store, "深圳市某某科技有限公司", uscc=USCC, employees="120", community="南岭村社区")
    _org(any_store, "深圳市华信物流有限公司")
    for query in ("某某", "szmm", "SZMM", "shenzhenmoumou", "moumoukeji", "71526726", "9144030071526726xg"):
        page = organizations.list_organizations(any_store, search=query)
        assert [r.name for r in page.rows] == ["深圳市某某科技有限公司"], query
    assert organizations.list_organizations(any_store, search="hxwl").total == 1
    assert organizations.list_organizations(any_store, search="zzzz").total == 0


def test_two_character_names_are_found_by_name_initials_and_id_digits(any_store: Store) -> None:
    members.add_member(any_store, {"name": "张伟", "id_number": "11010519491231002X"})
    members.add_member(any_store, {"name": "王芳", "id_number": "440307198503091311"})
    for query in ("张伟", "zw", "ZW", "zhangwei", "19491231"):
        assert [r.name for r in members.list_members(any_store, search=query).rows] == ["张伟"], query
    row = members.list_members(any_store, search="zw").rows[0]
    assert row.id_number == "110105********002X"
    assert members.list_members(any_store, search="zw", reveal=True).rows[0].id_number == "11010519491231002X"


def test_wrong_credit_code_is_refused_and_nothing_is_written(any_store: Store) -> None:
    with pytest.raises(FieldError, match="第18位校验码应为 G") as err:
        _org(any_store, "某公司", uscc="9144030071526726XA")
    assert err.value.field == "uscc"
    assert organizations.list_organizations(any_store).total == 0
    assert read_journal(any_store) == []


def test_duplicate_credit_code_is_refused(store: Store) -> None:
    _org(store, "甲公司", uscc=USCC)
    with pytest.raises(FieldError, match="已登记为“甲公司”"):
        _org(store, "乙公司", uscc=USCC)


@pytest.mark.parametrize(
    ("value", "message"), [("-3", "不能为负数"), ("abc", "不是数字"), ("12.5", "不是数字")]
)
def test_negative_or_non_numeric_staff_counts_are_refused(store: Store, value: str, message: str) -> None:
    with pytest.raises(FieldError, match=f"“职工人数”.*{message}"):
        _org(store, "某公司", employees=value)
    assert organizations.list_organizations(store).total == 0


def test_staff_count_accepts_thousands_separators(store: Store) -> None:
    assert _org(store, "某公司", employees="1,200")["employees"] == 1200


def test_unknown_coded_value_lists_the_choices(store: Store) -> None:
    with pytest.raises(
        FieldError, match="“组织类型”应为以下之一：非公企业（enterprise）、社会组织（social_org）"
    ):
        organizations.add_organization(store, {"name": "某公司", "kind": "company"})
    record = organizations.add_organization(
        store, {"name": "某学校", "kind": "社会组织", "subtype": "民办学校"}
    )
    assert (record["kind"], record["subtype"]) == ("social_org", "private_school")


def test_member_pointed_at_a_missing_organization_is_refused(any_store: Store) -> None:
    with pytest.raises(NotFoundError, match="找不到两新组织“不存在的公司”"):
        members.add_member(any_store, {"name": "张伟", "employer": "不存在的公司"})
    assert members.list_members(any_store).total == 0


def test_member_with_a_bad_id_number_is_refused(store: Store) -> None:
    with pytest.raises(FieldError, match="第18位校验码应为 X"):
        members.add_member(store, {"name": "张伟", "id_number": "110105194912310021"})
    with pytest.raises(FieldError, match="出生日期 19990230 不存在"):
        members.add_member(store, {"name": "张伟", "id_number": "440307199902301238"})
    assert members.list_members(store).total == 0


def test_member_gender_must_agree_with_the_id_number(store: Store) -> None:
    with pytest.raises(FieldError, match="号码表明为女"):
        members.add_member(store, {"name": "张伟", "id_number": "11010519491231002X", "gender": "男"})
    record = members.add_member(store, {"name": "张伟", "id_number": "11010519491231002X"})
    # Beside a masked ID number only the year: the masked digits are the birth date.
    assert (record["gender"], record["birth_date"]) == ("female", "1949年")
    full = members.get_member(store, record["id"], reveal=True)
    assert str(full["birth_date"]) == "1949-12-31"


def test_legacy_fifteen_digit_id_is_stored_as_eighteen(store: Store) -> None:
    record = members.add_member(store, {"name": "老党员", "id_number": "440307850309131"})
    full = members.get_member(store, record["id"], reveal=True)
    assert len(full["id_number"]) == 18 and full["id_number"].startswith("44030719850309131")


def test_joint_branch_sixth_organization_needs_a_recorded_reason(any_store: Store) -> None:
    orgs = [_org(any_store, f"第{i}公司")["id"] for i in range(6)]
    branch = party_orgs.add_party_org(
        any_store, {"name": "南岭村社区联合党支部", "level": "联合党支部"}, covers=orgs[:5]
    )
    assert len(branch["covered"]) == 5
    with pytest.raises(FieldError, match=r"将覆盖 6 个单位，超过.*不超过 5 个.*理由"):
        organizations.edit_organization(any_store, orgs[5], {"party_org": branch["id"]})
    assert organizations.get_organization(any_store, orgs[5])["party_org"] is None
    organizations.edit_organization(
        any_store, orgs[5], {"party_org": branch["id"]}, coverage_override="同一楼宇，区两新工委同意"
    )
    after = party_orgs.get_party_org(any_store, branch["id"])
    assert len(after["covered"]) == 6
    assert "同一楼宇，区两新工委同意" in after["coverage_override"]
    override_entry = [c for c in read_journal(any_store) if "coverage_override" in c.changes]
    assert override_entry, "the override must be journaled"


def test_joint_limit_follows_the_setting(store: Store) -> None:
    from app.settings import change_setting

    change_setting(store, "rule.joint.max_orgs", 3)
    orgs = [_org(store, f"第{i}公司")["id"] for i in range(4)]
    with pytest.raises(FieldError, match="不超过 3 个"):
        party_orgs.add_party_org(store, {"name": "联合党支部", "level": "joint_branch"}, covers=orgs)
    assert party_orgs.list_party_orgs(store).total == 0  # the whole add rolled back


def test_party_org_rules_of_shape(store: Store) -> None:
    with pytest.raises(FieldError, match="联合党支部的组建方式应为“联合组建”"):
        party_orgs.add_party_org(store, {"name": "甲", "level": "joint_branch", "formation": "independent"})
    with pytest.raises(FieldError, match="届满日期早于"):
        party_orgs.add_party_org(
            store, {"name": "甲", "level": "branch", "term_start": "2024-01-01", "term_end": "2023-01-01"}
        )
    committee = party_orgs.add_party_org(store, {"name": "某公司委员会", "level": "党委"})
    branch = party_orgs.add_party_org(
        store, {"name": "某公司第一党支部", "level": "党支部", "parent": committee["id"]}
    )
    with pytest.raises(FieldError, match="上级党组织应为党委或党总支"):
        party_orgs.add_party_org(store, {"name": "乙", "level": "branch", "parent": branch["id"]})
    assert branch["parent"] == "某公司委员会"


def test_deletes_that_would_orphan_records_are_refused(store: Store) -> None:
    org = _org(store, "某公司")
    branch = party_orgs.add_party_org(store, {"name": "某公司党支部", "level": "branch"}, covers=[org["id"]])
    members.add_member(store, {"name": "张伟", "employer": org["id"], "party_org": branch["id"]})
    with pytest.raises(LiangxinError, match="仍是 1 名党员的工作单位"):
        organizations.delete_organization(store, org["id"])
    with pytest.raises(LiangxinError, match="仍有 1 名党员、覆盖 1 个两新组织"):
        party_orgs.delete_party_org(store, branch["id"])
    assert organizations.list_organizations(store).total == 1


def test_records_are_found_by_id_prefix_and_exact_name(store: Store) -> None:
    org = _org(store, "深圳市某某科技有限公司")
    assert organizations.get_organization(store, org["id"][:13])["name"] == "深圳市某某科技有限公司"
    assert organizations.get_organization(store, "深圳市某某科技有限公司")["id"] == org["id"]
    with pytest.raises(NotFoundError, match="找不到两新组织“某某”"):
        organizations.get_organization(store, "某某")


def test_instructor_assignment_gives_work_coverage(store: Store) -> None:
    org = _org(store, "某公司")
    person = instructors.add_instructor(store, {"name": "李明", "unit": "南湾街道党工委"})
    instructors.assign_instructor(store, person["id"], org["id"])
    record = organizations.get_organization(store, org["id"])
    assert (record["instructor"], record["coverage"]) == ("李明", "work")
    assert organizations.list_organizations(store, coverage="工作覆盖（已派指导员）").total == 1
    with pytest.raises(LiangxinError, match="仍在指导 1 个"):
        instructors.delete_instructor(store, person["id"])
    assert instructors.end_assignment(store, org["id"]) == 1
    assert organizations.get_organization(store, org["id"])["coverage"] == "none"


def test_list_filters_and_sorting(store: Store) -> None:
    communities.add_community(store, "南岭村社区")
    _org(store, "乙公司", employees=10, community="南岭村社区")
    _org(store, "甲公司", employees=300)
    organizations.add_organization(store, {"name": "丙学校", "kind": "social_org", "subtype": "民办学校"})
    assert organizations.list_organizations(store, sort="employees", descending=True).rows[0].name == "甲公司"
    assert [r.name for r in organizations.list_organizations(store, kind="社会组织").rows] == ["丙学校"]
    assert [r.name for r in organizations.list_organizations(store, community="南岭村社区").rows] == [
        "乙公司"
    ]
    # Chinese names sort by pinyin, as people expect: 丙 bing, 甲 jia, 乙 yi.
    assert [r.name for r in organizations.list_organizations(store).rows] == ["丙学校", "甲公司", "乙公司"]
    with pytest.raises(FieldError, match="不能按“colour”排序"):
        organizations.list_organizations(store, sort="colour")


def test_surnames_are_searched_by_their_surname_reading(store: Store) -> None:
    members.add_member(store, {"name": "单雪"})
    members.add_member(store, {"name": "曾志伟"})
    assert [r.name for r in members.list_members(store, search="sx").rows] == ["单雪"]
    assert [r.name for r in members.list_members(store, search="zengzhiwei").rows] == ["曾志伟"]


def test_replacing_coverage_counts_only_the_new_list(store: Store) -> None:
    orgs = [_org(store, f"第{i}公司")["id"] for i in range(6)]
    branch = party_orgs.add_party_org(store, {"name": "联合党支部", "level": "联合党支部"}, covers=orgs[:5])
    # Swap one unit for another: still five units, no reason needed.
    after = party_orgs.set_covered_organizations(store, branch["id"], [*orgs[:4], orgs[5]])
    assert sorted(o["id"] for o in after["covered"]) == sorted([*orgs[:4], orgs[5]])
    # Editing an unrelated field of an over-limit branch with a recorded reason asks nothing again.
    party_orgs.set_covered_organizations(store, branch["id"], orgs, override="同一楼宇")
    party_orgs.edit_party_org(store, branch["id"], {"secretary": "刘晓磊"})
    assert party_orgs.get_party_org(store, branch["id"])["coverage_override"].count("同一楼宇") == 1


def test_a_branch_becoming_joint_respects_the_limit(store: Store) -> None:
    orgs = [_org(store, f"第{i}公司")["id"] for i in range(6)]
    branch = party_orgs.add_party_org(
        store, {"name": "某党支部", "level": "党支部", "formation": "挂靠组建"}, covers=orgs
    )
    with pytest.raises(FieldError, match="将覆盖 6 个单位"):
        party_orgs.edit_party_org(store, branch["id"], {"level": "联合党支部", "formation": "联合组建"})
    assert party_orgs.get_party_org(store, branch["id"])["formation"] == "attached"
