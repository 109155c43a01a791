"""Demo data: deterministic, valid, realistic enough that every rule fires."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

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
