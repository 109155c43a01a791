"""Any sequence of a clerk's actions through the services keeps the register sound
(hypothesis, stateful): organizations, Party organizations and members added, edited
and deleted, members moved between Party organizations, a Party organization deleted
while it has members (refused), organizations covered and uncovered, 组织生活 recorded.
Each step may be refused with a sentence (LiangxinError); nothing else may happen.

After every step: the journal is numbered 1..N with its counter at N; every live
member's Party organization exists and is live, or is none; every rate the dashboard
shows lies in [0, 1] (its percent in [0, 100]); the dashboard's counts are the status
bar's (register_counts) and the registers' own list totals.

A real SQLite file per example (a copy of the migrated template). Failures print the
reproduction blob (print_blob); the default run is derandomized and small."""

from __future__ import annotations

import shutil
from datetime import date
from itertools import count
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule
from sqlalchemy import select

from app.errors import LiangxinError
from app.services import activities, members, organizations, party_orgs
from app.stats import register_counts, station_stats
from app.store import Store, open_store
from db.models import Member, PartyOrg
from tests.kill_helpers import journal_problems

TODAY = date(2026, 11, 30)
NAMES = st.sampled_from(["甲", "乙", "丙", "丁", "戊", "䶮", "𠮷", "张", "王", "李"])
STAFF = st.one_of(st.none(), st.integers(min_value=0, max_value=5000))
LEVELS = st.sampled_from(["branch", "general_branch", "committee", "joint_branch"])
RELATIONS = st.sampled_from(["transferred", "pocket", "mobile_out", "mobile_in"])
CATEGORIES = st.sampled_from(["full", "probationary"])
KINDS = st.sampled_from(["enterprise", "social_org"])
EXITS = st.sampled_from(["transferred_out", "died", "left", "stopped"])


def _rates(stats: dict[str, Any]) -> list[tuple[str, Any]]:
    """Every percent the dashboard shows: the station's rates and each group's."""
    found = [(f"rates.{k}", r["percent"]) for k, r in stats["rates"].items()]
    rate_keys = ("organization_coverage", "work_coverage", "must_build_rate", "independent_rate")
    for group in ("by_community", "by_industry", "by_staff_band", "by_kind", "by_station"):
        for row in stats[group]:
            found += [(f"{group}.{row.get('label')}.{k}", row.get(k)) for k in rate_keys if k in row]
    return found


class Register(RuleBasedStateMachine):
    """One station's register, driven through the services."""

    orgs = Bundle("orgs")
    parties = Bundle("parties")
    people = Bundle("people")

    template: Path
    folder: Path
    runs = count()
    sizes: ClassVar[list[int]] = []  # live records at each example's end: the rules did something

    def __init__(self) -> None:
        super().__init__()
        path = self.folder / f"example-{next(self.runs)}.sqlite3"
        shutil.copy(self.template, path)
        self.store: Store = open_store(str(path))
        self.names = count(1)

    def teardown(self) -> None:
        counts = register_counts(self.store)
        self.sizes.append(sum(counts[k]["total"] for k in ("organizations", "party_orgs")))
        self.store.close()

    def _name(self, head: str, what: str) -> str:
        return f"{head}{what}{next(self.names)}"

    def _try(self, action: Any, *args: Any, **kwargs: Any) -> Any:
        """A refusal is a sentence; anything else fails the test."""
        try:
            return action(self.store, *args, **kwargs)
        except LiangxinError as exc:
            assert exc.message and "Traceback" not in exc.message
            return None

    # -- organizations ---------------------------------------------------------------
    @rule(target=orgs, head=NAMES, kind=KINDS, staff=STAFF, above=st.booleans())
    def add_org(self, head: str, kind: str, staff: int | None, above: bool) -> Any:
        values = {"name": self._name(head, "科技有限公司"), "kind": kind, "employees": staff}
        if kind == "enterprise":
            values["above_scale"] = above
        record = self._try(organizations.add_organization, values)
        return record["id"] if record else "missing-org"

    @rule(org=orgs, staff=STAFF, status=st.sampled_from(["active", "closed", "moved"]))
    def edit_org(self, org: str, staff: int | None, status: str) -> None:
        self._try(organizations.edit_organization, org, {"employees": staff, "status": status})

    @rule(org=consumes(orgs))
    def delete_org(self, org: str) -> None:
        self._try(organizations.delete_organization, org)

    @rule(org=orgs, party=parties)
    def cover_org(self, org: str, party: str) -> None:
        self._try(organizations.edit_organization, org, {"party_org": party})

    @rule(org=orgs)
    def uncover_org(self, org: str) -> None:
        self._try(organizations.edit_organization, org, {"party_org": None})

    # -- Party organizations ---------------------------------------------------------
    @rule(target=parties, head=NAMES, level=LEVELS)
    def add_party(self, head: str, level: str) -> Any:
        record = self._try(party_orgs.add_party_org, {"name": self._name(head, "党支部"), "level": level})
        return record["id"] if record else "missing-party"

    @rule(party=parties, parent=parties)
    def reparent(self, party: str, parent: str) -> None:
        self._try(party_orgs.edit_party_org, party, {"parent": parent})

    @rule(party=consumes(parties))
    def delete_party(self, party: str) -> None:
        self._try(party_orgs.delete_party_org, party)

    # -- members -----------------------------------------------------------------------
    @rule(
        target=people,
        head=NAMES,
        party=st.one_of(st.none(), parties),
        relation=RELATIONS,
        category=CATEGORIES,
        employer=st.one_of(st.none(), orgs),
    )
    def add_member(
        self, head: str, party: str | None, relation: str, category: str, employer: str | None
    ) -> Any:
        values = {
            "name": self._name(head, "某"),
            "gender": "男",
            "relation": relation,
            "category": category,
            "party_org": party,
            "employer": employer,
        }
        record = self._try(members.add_member, values)
        return record["id"] if record else "missing-member"

    @rule(person=people, party=st.one_of(st.none(), parties))
    def move_member(self, person: str, party: str | None) -> None:
        self._try(members.edit_member, person, {"party_org": party})

    @rule(person=people, relation=RELATIONS, category=CATEGORIES)
    def edit_member(self, person: str, relation: str, category: str) -> None:
        self._try(members.edit_member, person, {"relation": relation, "category": category})

    @rule(person=people, how=EXITS)
    def member_leaves(self, person: str, how: str) -> None:
        self._try(members.edit_member, person, {"exit_kind": how, "exit_on": "2026-11-01"})

    @rule(person=consumes(people))
    def delete_member(self, person: str) -> None:
        self._try(members.delete_member, person)

    # -- 组织生活 ------------------------------------------------------------------------
    @rule(
        party=parties,
        kind=st.sampled_from(["theme_day", "branch_meeting", "party_lecture"]),
        day=st.integers(1, 28),
    )
    def record_life(self, party: str, kind: str, day: int) -> None:
        values = {"party_org": party, "kind": kind, "held_on": date(2026, 11, day), "topic": "学习"}
        self._try(activities.record_activity, values, today=TODAY)

    # -- what must always hold ---------------------------------------------------------
    @invariant()
    def journal_is_contiguous(self) -> None:
        assert journal_problems(self.store) == []

    @invariant()
    def every_member_has_a_live_party_org_or_none(self) -> None:
        with self.store.read() as session:
            rows = session.execute(
                select(Member.name, Member.party_org_id, PartyOrg.id, PartyOrg.deleted)
                .outerjoin(PartyOrg, PartyOrg.id == Member.party_org_id)
                .where(Member.deleted.is_(False))
            ).all()
        broken = [r for r in rows if r[1] is not None and (r[2] is None or r[3])]
        assert broken == []

    @invariant()
    def the_dashboard_agrees_with_the_registers(self) -> None:
        stats = station_stats(self.store, today=TODAY)
        for where, percent in _rates(stats):
            assert percent is None or 0 <= percent <= 100, (where, percent)
        counts = register_counts(self.store)
        for key in ("organizations", "members", "party_orgs"):
            assert stats[key] == counts[key], key
        assert organizations.list_organizations(self.store).total == counts["organizations"]["total"]
        assert party_orgs.list_party_orgs(self.store).total == counts["party_orgs"]["total"]
        m = counts["members"]
        assert members.list_members(self.store).total == m["total"] + m["pocket"] + m["mobile_in"]


@pytest.fixture
def register_machine(sqlite_template: Path, tmp_path: Path) -> type[Register]:
    Register.template = sqlite_template
    Register.folder = tmp_path
    Register.sizes = []
    return Register


QUICK = settings(
    max_examples=10,
    stateful_step_count=25,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def test_any_sequence_of_service_calls_keeps_the_invariants(register_machine: type[Register]) -> None:
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(register_machine, settings=QUICK)
    assert max(register_machine.sizes) > 3


@pytest.mark.slow
def test_many_longer_sequences_keep_the_invariants(register_machine: type[Register]) -> None:
    from hypothesis.stateful import run_state_machine_as_test

    longer = settings(QUICK, max_examples=150, stateful_step_count=60, derandomize=False)
    run_state_machine_as_test(register_machine, settings=longer)


def test_a_party_org_whose_member_left_is_not_deleted_under_the_record(store: Store) -> None:
    party = party_orgs.add_party_org(store, {"name": "甲党支部", "level": "branch"})
    person = members.add_member(store, {"name": "甲某", "gender": "男", "party_org": party["id"]})
    members.edit_member(store, person["id"], {"exit_kind": "transferred_out", "exit_on": "2026-11-01"})
    with pytest.raises(LiangxinError, match="1 名已减少"):
        party_orgs.delete_party_org(store, party["id"])
    with store.read() as session:
        member = session.get(Member, person["id"])
        assert member is not None
        target = session.get(PartyOrg, member.party_org_id) if member.party_org_id else None
        assert target is None or not target.deleted
