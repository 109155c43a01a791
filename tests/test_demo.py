"""Demo data: deterministic, valid, realistic enough that every rule fires."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.demo.generator import fill_demo, run_demo
from app.domain.idcard import validate_id_number
from app.domain.uscc import validate_uscc
from app.errors import LiangxinError
from app.store import Store, init_store, open_store
from db.models import JournalEntry, Member, Organization, PartyOrg
from tests.conftest import STATION


def _snapshot(store: Store) -> list[tuple]:
    with store.read() as session:
        orgs = session.execute(
            select(Organization.id, Organization.name, Organization.uscc).order_by(Organization.id)
        ).all()
        people = session.execute(select(Member.id, Member.name, Member.id_number).order_by(Member.id)).all()
    return [tuple(r) for r in orgs + people]


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    snapshots = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        store, _ = init_store(str(tmp_path / f"{name}.sqlite3"), *STATION)
        run_demo(store, orgs=120, members=600, seed=seed)
        snapshots.append(_snapshot(store))
        store.close()
    assert snapshots[0] == snapshots[1]
    assert snapshots[0] != snapshots[2]


def test_codes_are_valid_and_carry_the_division(demo_db: Path) -> None:
    store = open_store(str(demo_db))
    with store.read() as session:
        usccs = list(session.scalars(select(Organization.uscc)))
        ids = list(session.scalars(select(Member.id_number)))
        kinds = set(session.execute(select(PartyOrg.level, PartyOrg.formation)).all())
        relations = set(session.scalars(select(Member.relation)))
        journal = session.scalar(select(func.count()).select_from(JournalEntry))
        rows = sum(
            session.scalar(select(func.count()).select_from(t)) or 0 for t in (Organization, Member, PartyOrg)
        )
    store.close()
    assert all(validate_uscc(c) == c and c[2:8] == "440307" for c in usccs)
    assert len(set(usccs)) == len(usccs)
    assert all(validate_id_number(n).number == n for n in ids)
    assert len(set(ids)) == len(ids)
    assert {level for level, _ in kinds} == {"committee", "general_branch", "branch", "joint_branch"}
    assert {"independent", "joint", "attached"} <= {formation for _, formation in kinds}
    assert relations == {"transferred", "pocket", "mobile_out", "mobile_in"}
    assert journal > rows  # every inserted row was journaled


def test_demo_refuses_a_register_that_is_not_empty(demo_db: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "d.sqlite3"
    shutil.copy(demo_db, copy)
    store = open_store(str(copy))
    with pytest.raises(LiangxinError, match="只能填入新建的空数据库"):
        run_demo(store, orgs=50, members=10)
    store.close()


def test_stopping_the_fill_half_way_leaves_the_database_as_it_was(any_store: Store) -> None:
    store = any_store
    steps = fill_demo(store, orgs=300, members=25000, seed=1)
    for step in steps:
        if step.done > 0:
            break
    steps.close()  # the user pressed Cancel
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Organization)) == 0
        assert session.scalar(select(func.count()).select_from(JournalEntry)) == 0


# -- a register a street office would believe (app/demo/proportions.py says where each
# proportion comes from; these are the ranges the demo must keep to) --------------------


def _rows(demo_db: Path, sql: str) -> list[tuple]:
    store = open_store(str(demo_db))
    try:
        with store.read() as session:
            return [tuple(r) for r in session.execute(text(sql))]
    finally:
        store.close()


def test_members_are_a_low_single_digit_share_of_staff_higher_in_large_firms(demo_db: Path) -> None:
    bands = dict(
        _rows(
            demo_db,
            "SELECT CASE WHEN o.employees < 50 THEN 'small' WHEN o.employees >= 300 THEN 'large' "
            "ELSE 'middle' END, 1.0 * SUM((SELECT COUNT(*) FROM member m WHERE m.employer_id = o.id "
            "AND m.exit_kind IS NULL AND m.deleted = false)) / SUM(o.employees) "
            "FROM organization o WHERE o.status = 'active' GROUP BY 1",
        )
    )
    [(overall,)] = _rows(
        demo_db,
        "SELECT 1.0 * (SELECT COUNT(*) FROM member WHERE employer_id IS NOT NULL AND exit_kind IS NULL) "
        "/ (SELECT SUM(employees) FROM organization WHERE status = 'active')",
    )
    assert 0.015 <= overall <= 0.06, overall  # "low single-digit percent of staff"
    assert bands["large"] > bands["small"], bands  # "higher in large firms"
    [(worst,)] = _rows(
        demo_db,
        "SELECT MAX(1.0 * n / e) FROM (SELECT o.employees AS e, COUNT(*) AS n FROM member m "
        "JOIN organization o ON o.id = m.employer_id GROUP BY o.id, o.employees) AS per_org",
    )
    assert worst <= 0.25 + 1e-9  # never more members than staff (five had, before)


def test_members_are_young_educated_and_three_in_ten_women(demo_db: Path) -> None:
    [(women, total, young, educated)] = _rows(
        demo_db,
        "SELECT SUM(gender = 'female'), COUNT(*), "
        f"SUM(birth_date >= '{date.today().year - 40}-01-01'), "
        "SUM(education IN ('doctorate', 'master', 'bachelor')) FROM member",
    )
    assert 0.25 <= women / total <= 0.35  # about 30 % women (党内统计公报)
    assert young / total >= 0.55  # "年轻高知识群体多" (seed 000): most are 40 or younger
    assert educated / total >= 0.55  # and most hold a bachelor's degree or more
    [(probationary,)] = _rows(demo_db, "SELECT SUM(category = 'probationary') FROM member")
    assert 0.02 <= probationary / total <= 0.06  # some 3 % admitted a year (党内统计公报)
    [(oldest, youngest)] = _rows(demo_db, "SELECT MIN(birth_date), MAX(birth_date) FROM member")
    assert date.fromisoformat(str(youngest)).year <= date.today().year - 21
    assert date.fromisoformat(str(oldest)).year >= date.today().year - 64


def test_relation_states_mean_what_the_glossary_says(demo_db: Path) -> None:
    shapes = {
        (relation, has_employer, has_party)
        for relation, has_employer, has_party in _rows(
            demo_db,
            "SELECT relation, employer_id IS NOT NULL, party_org_id IS NOT NULL FROM member "
            "GROUP BY relation, employer_id IS NOT NULL, party_org_id IS NOT NULL",
        )
    }
    # 口袋党员: works here, relation never handed in to any Party organization here.
    assert {s for s in shapes if s[0] == "pocket"} == {("pocket", 1, 0)}
    # 流出: relation held here, working elsewhere (no employer here).
    assert {s for s in shapes if s[0] == "mobile_out"} == {("mobile_out", 0, 1)}
    # 流入: working here; 已转入: held by a Party organization here.
    assert all(has_employer for relation, has_employer, _ in shapes if relation == "mobile_in")
    assert {s for s in shapes if s[0] == "transferred"} == {("transferred", 1, 1)}
    assert _rows(
        demo_db, "SELECT COUNT(*) FROM member WHERE relation = 'mobile_out' AND mobile_to IS NULL"
    ) == [(0,)]


def test_addresses_and_community_names(demo_db: Path) -> None:
    import re

    addresses = [a for (a,) in _rows(demo_db, "SELECT address FROM organization")]
    pattern = re.compile(r"^深圳市龙岗区南湾街道.+(路|大道|街)\d+号(\d+栋|[A-D]座)$")
    assert [a for a in addresses if not pattern.match(a)] == []
    # Plainly fictional (南湾一社区 …), not another sub-district's real communities.
    names = [n for (n,) in _rows(demo_db, "SELECT name FROM community")]
    assert all(re.fullmatch(r"南湾[一二三四五六七八九十百零]+社区", n) for n in names), names


def test_organizational_life_follows_branch_size_and_the_rules(demo_db: Path) -> None:
    held = dict(
        _rows(
            demo_db,
            "SELECT party_org_id, COUNT(*) FROM member WHERE party_org_id IS NOT NULL AND exit_kind IS NULL "
            "AND relation <> 'mobile_in' GROUP BY party_org_id",
        )
    )
    full = dict(
        _rows(
            demo_db,
            "SELECT party_org_id, COUNT(*) FROM member WHERE party_org_id IS NOT NULL AND exit_kind IS NULL "
            "AND relation <> 'mobile_in' AND category = 'full' GROUP BY party_org_id",
        )
    )
    rows = _rows(
        demo_db,
        "SELECT a.party_org_id, a.kind, a.attendance, p.level FROM activity a JOIN party_org p ON p.id = a.party_org_id",
    )
    assert rows
    for party, kind, attendance, level in rows:
        assert level in ("branch", "joint_branch")  # 主题党日 and 三会一课 are a branch's
        if kind == "committee_meeting":
            assert full.get(party, 0) >= 7  # only where 7 正式党员 elect a 支委会
        else:
            assert 1 <= attendance <= held[party]  # never more present than the branch has


def test_coverage_is_lowest_where_the_seeds_find_blank_spots(demo_db: Path) -> None:
    # Seed 003: "物业行业、物流行业、外卖行业等还存在党建空白点".
    [(blank, overall)] = _rows(
        demo_db,
        "SELECT 1.0 * SUM(CASE WHEN industry IN ('property', 'logistics', 'food_delivery') "
        "AND party_org_id IS NOT NULL THEN 1 ELSE 0 END) / SUM(CASE WHEN industry IN "
        "('property', 'logistics', 'food_delivery') THEN 1 ELSE 0 END), "
        "1.0 * SUM(CASE WHEN party_org_id IS NOT NULL THEN 1 ELSE 0 END) / COUNT(*) "
        "FROM organization WHERE status = 'active'",
    )
    assert blank < overall * 0.75, (blank, overall)
    # …and a 单独 Party organization covers exactly one organization as its own.
    assert (
        _rows(
            demo_db,
            "SELECT party_org_id FROM organization WHERE formation = 'independent' GROUP BY party_org_id "
            "HAVING COUNT(*) > 1",
        )
        == []
    )
