"""The change journal on SQLite and PostgreSQL: one gap-free entry per change,
in the same transaction as the change."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.errors import FieldError, NotOwner
from app.services import communities, members, organizations
from app.services.audit import read_journal
from app.store import Store
from db.errors import HardDeleteError
from db.models import Community, JournalEntry, Member, Organization


def _seqs(store: Store) -> list[int]:
    with store.read() as session:
        return list(session.scalars(select(JournalEntry.seq).order_by(JournalEntry.seq)))


def test_n_writes_give_n_entries_with_contiguous_numbers(any_store: Store) -> None:
    for i in range(7):
        communities.add_community(any_store, f"第{i}社区")
    seqs = _seqs(any_store)
    assert seqs == list(range(1, 8))
    with any_store.read() as session:
        revs = sorted(session.scalars(select(Community.rev)))
    assert revs == seqs  # each row's rev is the number of its last change


def test_a_rolled_back_write_leaves_no_entry_and_no_gap(any_store: Store) -> None:
    communities.add_community(any_store, "南岭村社区")
    with pytest.raises(FieldError):
        # Fails after the community row would have been flushed: nothing may remain.
        organizations.add_organization(
            any_store,
            {"name": "某公司", "kind": "enterprise", "community": "南岭村社区", "uscc": "9144030071526726XA"},
        )
    with pytest.raises(RuntimeError), any_store.write() as session:
        session.add(Community(name="回滚社区"))
        session.flush()  # the journal entry is written here ...
        raise RuntimeError("power cut")  # ... and must vanish with the row
    communities.add_community(any_store, "樟树布社区")
    assert _seqs(any_store) == [1, 2]
    with any_store.read() as session:
        assert session.scalar(select(func.count()).select_from(Community)) == 2


def test_update_records_old_and_new_values_and_skips_no_op_edits(any_store: Store) -> None:
    communities.add_community(any_store, "南岭村社区")
    org = organizations.add_organization(
        any_store,
        {
            "name": "深圳市某某科技有限公司",
            "kind": "enterprise",
            "employees": "80",
            "community": "南岭村社区",
        },
    )
    organizations.edit_organization(any_store, org["id"], {"employees": "120"})
    organizations.edit_organization(any_store, org["id"], {"employees": "120"})  # no change, no entry
    changes = read_journal(any_store, row_id=org["id"])
    assert [c.op for c in changes] == ["insert", "update"]
    assert changes[1].changes == {"employees": [80, 120]}
    assert changes[1].by == "tester"
    assert changes[0].changes["name"] == [None, "深圳市某某科技有限公司"]
    assert changes[1].rev == changes[1].seq


def test_delete_is_a_tombstone_plus_an_entry(any_store: Store) -> None:
    record = members.add_member(any_store, {"name": "张伟", "id_number": "11010519491231002X"})
    name = members.delete_member(any_store, record["id"])
    assert name == "张伟"
    with any_store.read() as session:
        row = session.get(Member, record["id"])
        assert row is not None and row.deleted is True
    last = read_journal(any_store)[-1]
    assert (last.op, last.row_id, last.changes) == ("delete", record["id"], {"deleted": [False, True]})
    assert members.list_members(any_store, search="张伟").total == 0


def test_synchronised_rows_cannot_be_hard_deleted(any_store: Store) -> None:
    row = communities.add_community(any_store, "南岭村社区")
    with pytest.raises(HardDeleteError), any_store.write() as session:
        session.delete(session.get(Community, row.id))
    assert _seqs(any_store) == [1]


def test_rows_owned_by_another_station_cannot_be_changed_here(any_store: Store) -> None:
    with any_store.write() as session:
        session.add(
            Organization(name="区属单位", kind="enterprise", subtype="llc", industry="other", owner="440307")
        )
    with pytest.raises(NotOwner, match="不能修改"), any_store.write() as session:
        org = session.scalar(select(Organization))
        org.employees = 5
    with any_store.read() as session:
        assert session.scalar(select(Organization.employees)) == 0


def test_journal_values_are_plain_json(any_store: Store) -> None:
    members.add_member(
        any_store, {"name": "李娜", "id_number": "440307198503091311", "joined_on": "2010年7月1日"}
    )
    with any_store.read() as session:
        raw = session.scalar(select(JournalEntry.changes).where(JournalEntry.table_name == "member"))
    data = json.loads(raw)
    assert data["joined_on"] == [None, "2010-07-01"]
    assert data["birth_date"] == [None, "1985-03-09"]
