"""Demo data: a realistic sub-district (or district) register, deterministic for a seed.

Every rule fires somewhere: a few organizations are made to break each rule on
purpose, the rest follow heavy-tailed, Shenzhen-like proportions. Rows go in
with Core bulk inserts in one transaction, journaled like any other write; the
work is a generator that yields progress, so a caller can show it and cancel
(stopping the generator rolls the whole fill back).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select, text

from app.demo import names as N
from app.demo import proportions as P
from app.demo.life import plan_life, write_life
from app.domain.idcard import make_id_number
from app.domain.pinyin import person_keys, search_keys
from app.domain.station_time import station_today
from app.domain.uscc import make_uscc
from app.errors import LiangxinError
from app.jobs import Job, Progress
from app.store import Store
from db.base import Synced
from db.journal import bulk_insert
from db.models import (
    Activity,
    Campaign,
    Community,
    Instructor,
    InstructorAssignment,
    Member,
    Organization,
    PartyOrg,
    Phase,
    StatSnapshot,
    Task,
    TaskProgress,
)

CHUNK = 10_000
EDUCATION = ("doctorate", "master", "bachelor", "college", "secondary", "junior")
BASE_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z: demo ids are time-ordered from here


@dataclass
class DemoSummary:
    counts: dict[str, int] = field(default_factory=dict)


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


class _Ids:
    """UUIDv7-shaped ids from the seeded generator, so a seed gives the same database."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        value = ((BASE_MS + self.n) << 80) | (0x7 << 76) | (self.rng.getrandbits(12) << 64)
        value |= (0b10 << 62) | self.rng.getrandbits(62)
        return str(uuid.UUID(int=value))


@functools.cache
def _template(model: type[Synced]) -> dict[str, Any]:
    columns = model.__table__.columns  # type: ignore[attr-defined]
    return {c.key: (False if c.type.python_type is bool else None) for c in columns}


def _row(model: type[Synced], **values: Any) -> dict[str, Any]:
    """A full row (every column present, as executemany needs) with search keys filled."""
    row = dict(_template(model))
    row.update(values)
    if "name_pinyin" in row and row.get("name"):
        keys = person_keys(row["name"]) if model in (Member, Instructor) else search_keys(row["name"])
        row["name_pinyin"], row["name_initials"] = keys
    return row


def _years_before(day: date, years: float) -> date:
    return day - timedelta(days=int(years * 365.25))


def _chinese_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 305 -> 三百零五 (for names like 南湾十二社区)."""
    digits = "零一二三四五六七八九"
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    text = f"{digits[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    return text + (digits[ones] if ones else "")


def _share_of_staff(staff: int) -> float:
    for high, share in P.MEMBER_SHARE_BY_STAFF:
        if high is None or staff <= high:
            return share
    raise AssertionError(staff)


class _Builder:
    def __init__(self, store: Store, orgs: int, members: int, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.new_id = _Ids(self.rng)
        self.n_orgs, self.n_members, self.today = orgs, members, today
        self.station_code = store.station.code
        self.division = store.station.code[:6]
        self.town = (store.station.code + "001")[:9]
        self.station_name = store.station.name
        self.place = store.station.name.removesuffix("街道").removesuffix("区").removesuffix("镇")
        self.district = N.DISTRICTS.get(self.division, "")
        self.communities: list[dict[str, Any]] = []
        self.orgs: list[dict[str, Any]] = []
        self.parties: list[dict[str, Any]] = []
        self.members: list[dict[str, Any]] = []
        self.instructors: list[dict[str, Any]] = []
        self.assignments: list[dict[str, Any]] = []
        self.empty_parties: set[str] = set()
        self.children: dict[str, list[str]] = {}  # committee id -> branch ids
        self.used_ids: set[str] = set()
        self.taken: set[str] = set()  # organization names in use

    # -- people ---------------------------------------------------------------
    def person(self) -> str:
        r = self.rng
        given = r.choice(N.GIVEN) + (r.choice(N.GIVEN) if r.random() < 0.7 else "")
        return r.choice(N.SURNAMES) + given

    def phone(self) -> str:
        return f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}"

    def address(self) -> str:
        """深圳市龙岗区南湾街道南湾大道128号3栋 — fictional roads in the real district."""
        r = self.rng
        road = r.choice(N.ROAD_WORDS) + r.choice(("路", "路", "大道", "街"))
        building = f"{r.randint(1, 12)}栋" if r.random() < 0.8 else f"{r.choice('ABCD')}座"
        return f"深圳市{self.district}{self.station_name}{road}{r.randint(1, 399)}号{building}"

    # -- communities ------------------------------------------------------------
    def build_communities(self) -> None:
        """Plainly fictional names (南湾一社区, 南湾二社区 …): a real community list would
        belong to one real sub-district only."""
        count = max(6, self.n_orgs // 100)
        for i in range(count):
            code = f"{self.town}{i + 1:03d}"
            name = f"{self.place}{_chinese_number(i + 1)}社区"
            self.communities.append(_row(Community, id=self.new_id(), name=name, code=code))

    # -- organizations ----------------------------------------------------------
    def org_name(self, kind: str, subtype: str, industry: str, taken: set[str]) -> str:
        r = self.rng
        for attempt in range(50):
            brand = r.choice(N.BRAND)
            if attempt > 3 or r.random() < 0.3:
                brand += r.choice(N.BRAND)
            if kind == "enterprise":
                trade = r.choice(N.ENTERPRISE_TRADES[industry])
                suffix = "股份有限公司" if subtype == "joint_stock" else "有限公司"
                if subtype == "individual":
                    name = f"{self.place}{brand}{trade}店"
                elif subtype == "partnership":
                    name = f"深圳{brand}{trade}合伙企业（有限合伙）"
                else:
                    name = f"深圳市{brand}{trade}{suffix}"
            else:
                pattern = r.choice(N.SOCIAL_PATTERNS[subtype][1])
                name = pattern.format(
                    b=brand,
                    b2=r.choice(N.BRAND),
                    d=self.place,
                    t=r.choice(N.ASSOCIATION_TRADES),
                    p=r.choice(N.HOMETOWNS),
                )
            if name not in taken:
                taken.add(name)
                return name
        raise AssertionError("ran out of demo names")

    def uscc(self, kind: str, subtype: str, i: int) -> str:
        # The station's own code in the mix: two streets of one district (same division)
        # must not hand out each other's credit codes (the district's 查重 would find them).
        org_code = f"{(i * 2654435761 + 12345678 + int(self.station_code) * 7919) % 10**8:08d}"
        if kind == "enterprise":
            authority, type_ = "9", "2" if subtype == "individual" else "1"
        elif subtype == "law_firm":
            authority, type_ = "3", "1"
        elif subtype in ("accounting_firm", "tax_firm"):
            authority, type_ = "9", "1"
        else:
            authority = "5"
            type_ = {"foundation": "3", "trade_association": "1", "social_group": "1"}.get(subtype, "2")
        return make_uscc(authority, type_, self.division, org_code)

    def build_organizations(self) -> None:
        r = self.rng
        taken = self.taken
        community_weights = [r.uniform(0.5, 3.0) for _ in self.communities]
        for i in range(self.n_orgs):
            kind = "enterprise" if r.random() < P.ENTERPRISE_SHARE else "social_org"
            if kind == "enterprise":
                industry = _weighted(r, N.ENTERPRISE_INDUSTRY_WEIGHTS)
                subtype = _weighted(r, N.ENTERPRISE_SUBTYPE_WEIGHTS)
            else:
                subtype = _weighted(r, N.SOCIAL_SUBTYPE_WEIGHTS)
                industry = N.SOCIAL_PATTERNS[subtype][0]
            employees = min(P.STAFF_MAX, int(r.lognormvariate(P.STAFF_LOG_MEDIAN, P.STAFF_LOG_SIGMA)) + 1)
            status = "active" if r.random() >= P.INACTIVE_SHARE else r.choice(("closed", "moved_out"))
            community = r.choices(self.communities, community_weights)[0]
            supervised, unit = P.SUPERVISED_SHARE.get(subtype, (0.0, ""))
            self.orgs.append(
                _row(
                    Organization,
                    id=self.new_id(),
                    name=self.org_name(kind, subtype, industry, taken),
                    kind=kind,
                    subtype=subtype,
                    uscc=self.uscc(kind, subtype, i),
                    industry=industry,
                    employees=employees,
                    above_scale=kind == "enterprise"
                    and (
                        employees >= P.ABOVE_SCALE_STAFF
                        or (employees >= 50 and r.random() < P.ABOVE_SCALE_SHARE_50)
                    ),
                    community_id=community["id"],
                    status=status,
                    supervising_unit=unit if kind == "social_org" and r.random() < supervised else None,
                    legal_rep=self.person(),
                    contact_name=self.person(),
                    contact_phone=self.phone(),
                    address=self.address(),
                )
            )

    def recast(self, org: dict[str, Any], kind: str, subtype: str, industry: str, employees: int) -> None:
        """Turn a generated organization into a forced case, with a name that fits it."""
        self.taken.discard(org["name"])
        org.update(kind=kind, subtype=subtype, industry=industry, employees=employees)
        org["above_scale"] = False
        org["name"] = self.org_name(kind, subtype, industry, self.taken)
        org["name_pinyin"], org["name_initials"] = search_keys(org["name"])
        org["uscc"] = self.uscc(kind, subtype, self.orgs.index(org))
        unit = P.SUPERVISED_SHARE.get(subtype, (0.0, ""))[1]
        org["supervising_unit"] = unit or None if kind == "social_org" else None

    # -- how many members work where ---------------------------------------------------
    def allot_members(self) -> None:
        """Each active organization's members (``_n``): a share of its staff that grows
        with its size, drawn at random (so some 50-staff firms have none), never more
        than MEMBER_SHARE_CAP of its staff. The 流出 members work elsewhere."""
        r = self.rng
        active = [o for o in self.orgs if o["status"] == "active"]
        self.mobile_out = round(self.n_members * P.MOBILE_OUT_SHARE)
        weights, room = [], []
        for o in active:
            o["_n"] = o.get("_n", 0)
            staff = o["employees"]
            w = 0.0 if o.get("_no_members") else staff * _share_of_staff(staff)
            if o["industry"] in P.BLANK_SPOT_INDUSTRIES:
                w *= P.BLANK_SPOT_FACTOR
            weights.append(w)
            room.append(0 if o.get("_no_members") else max(0, int(staff * P.MEMBER_SHARE_CAP) - o["_n"]))
        left = self.n_members - self.mobile_out - sum(o["_n"] for o in active)
        capacity = sum(room)
        if capacity < left:  # asked for more members than the staff could hold: lift the cap
            room = [None if w else 0 for w in weights]  # type: ignore[misc]
        cumulative = list(itertools.accumulate(weights))
        total = cumulative[-1] if cumulative else 0.0
        misses = 0
        while left > 0 and total > 0:
            i = bisect.bisect(cumulative, r.random() * total)
            i = min(i, len(active) - 1)
            if room[i] is not None and room[i] <= 0:
                misses += 1
                if misses > 50 * self.n_orgs:  # the rare case the rest will not fit: any with room
                    i = next((k for k, space in enumerate(room) if space is None or space > 0), i)
                    if room[i] is not None and room[i] <= 0:
                        break
                else:
                    continue
            active[i]["_n"] += 1
            if room[i] is not None:
                room[i] -= 1
            left -= 1
        self.mobile_out += max(0, left)  # what found no room works elsewhere

    # -- Party organizations ------------------------------------------------------
    def party(
        self, name: str, level: str, formation: str, community_id: str, parent: str | None = None
    ) -> str:
        r = self.rng
        years = 5 if level == "committee" else 3
        established = _years_before(self.today, r.uniform(1.0, 15.0))
        term_start = max(established, _years_before(self.today, r.uniform(0.1, years + 0.6)))
        term_end = None if r.random() < P.TERM_END_UNRECORDED_SHARE else _years_before(term_start, -years)
        if r.random() < P.TERM_MISSING_SHARE:
            term_start = term_end = None
        pid = self.new_id()
        self.parties.append(
            _row(
                PartyOrg,
                id=pid,
                name=name,
                level=level,
                formation=formation,
                parent_id=parent,
                community_id=community_id,
                secretary=self.person(),
                secretary_phone=self.phone(),
                established_on=established,
                term_start=term_start,
                term_end=term_end,
            )
        )
        return pid

    def build_party_orgs(self) -> None:
        """Decide coverage per organization from its members, then set up the Party
        organizations."""
        r = self.rng
        active = [o for o in self.orgs if o["status"] == "active"]
        # Forced cases so that every rule has findings, whatever the size.
        forced = max(2, self.n_orgs // 300)
        no_members = active[:forced]
        for org in no_members:  # big enterprise, no Party member found yet: 挂点 by a 区领导
            self.recast(org, "enterprise", "llc", "manufacturing", r.randint(120, 400))
            org["_no_members"] = True
        for org in active[forced : 2 * forced]:  # entity social organization over the staff threshold
            self.recast(org, "social_org", "private_school", "education", r.randint(30, 90))
            org["_uncovered"] = True
        decided = {o["id"] for o in active[: 2 * forced]}
        # Every level exists whatever the size: the largest enterprises have a 党委 and a 党总支,
        # the next one a branch of 50 members or more (due an upgrade).
        largest = sorted(
            (o for o in active[2 * forced :] if o["kind"] == "enterprise"), key=lambda o: -o["employees"]
        )
        for org, level, staff in zip(
            largest, ("committee", "general_branch", "branch"), (2500, 1200, 400), strict=False
        ):
            org["employees"] = max(org["employees"], staff)
            org["above_scale"] = True
            org["_level"] = level
            decided.add(org["id"])
        if len(largest) > 2:
            largest[2]["_n"] = 52
        self.allot_members()

        joint_pool: dict[str, list[dict[str, Any]]] = {}
        attached_pool: dict[str, list[dict[str, Any]]] = {}
        for org in active:
            if org["id"] in decided:
                if org.get("_level"):
                    self.independent(org, org["_level"])
                continue
            n = org["_n"]
            if n == 0:
                continue
            roll = r.random()
            if n >= 3:
                shares = P.OWN_FORMATION_BIG if org["employees"] >= 100 else P.OWN_FORMATION_SMALL
                formation = (
                    "independent" if roll < shares[0] else "joint" if roll < shares[0] + shares[1] else None
                )
            else:
                shares = P.FEW_FORMATION
                formation = (
                    "joint" if roll < shares[0] else "attached" if roll < shares[0] + shares[1] else None
                )
            if org["industry"] in P.BLANK_SPOT_INDUSTRIES and r.random() < P.BLANK_SPOT_UNCOVERED:
                formation = None
            if formation == "independent":
                level = None
                if n >= P.COMMITTEE_MEMBERS and r.random() < P.UPGRADED_SHARE:
                    level = "committee"
                elif n >= P.GENERAL_BRANCH_MEMBERS and r.random() < P.UPGRADED_SHARE:
                    level = "general_branch"
                self.independent(org, level)
            elif formation == "joint":
                joint_pool.setdefault(org["community_id"], []).append(org)
            elif formation == "attached":
                attached_pool.setdefault(org["community_id"], []).append(org)

        names = {c["id"]: c["name"] for c in self.communities}
        oversized = False
        for community_id, pool in joint_pool.items():
            i = 0
            n = 0
            while i < len(pool):
                over = len(pool) - i >= 6 and (not oversized or r.random() < P.JOINT_OVERSIZE_SHARE)
                size = 6 if over else r.randint(2, 5)
                oversized = oversized or over
                group = pool[i : i + size]
                i += size
                if len(group) < 2 and n:
                    group[0]["party_org_id"] = self.parties[-1]["id"]
                    group[0]["formation"] = "joint"
                    continue
                label = _chinese_number(n + 1)
                kind = "非公企业" if group[0]["kind"] == "enterprise" else "社会组织"
                pid = self.party(
                    f"{names[community_id]}{kind}第{label}联合党支部", "joint_branch", "joint", community_id
                )
                if len(group) > 5:
                    self.parties[-1]["coverage_override"] = (
                        f"{self.today.isoformat()} 覆盖 {len(group)} 个单位：同一楼宇，暂无条件拆分"
                    )
                for org in group:
                    org["party_org_id"] = pid
                    org["formation"] = "joint"
                n += 1
        for community_id, pool in attached_pool.items():
            pid = self.party(f"{names[community_id]}两新组织党支部", "branch", "attached", community_id)
            for org in pool:
                org["party_org_id"] = pid
                org["formation"] = "attached"

        # 群团组织 and the "六有" venue follow coverage and size.
        for org in self.orgs:
            covered = org["party_org_id"] is not None
            big = org["employees"] >= 100
            union = P.UNION_SHARE[
                "covered" if covered else "uncovered_big" if org["employees"] >= 25 else "uncovered_small"
            ]
            league = P.LEAGUE_SHARE[("covered_big" if big else "covered_small") if covered else "uncovered"]
            org["has_union"] = r.random() < union
            org["has_youth_league"] = r.random() < league
            org["has_women_federation"] = r.random() < league
            for flag in (
                "venue_site",
                "venue_facilities",
                "venue_sign",
                "venue_flag",
                "venue_books",
                "venue_rules",
            ):
                org[flag] = covered and r.random() < P.VENUE_SHARE
        # 挂点促建: a 区领导 takes the hardest uncovered large enterprises (seed 001).
        for org in no_members:
            org["leader_link"] = r.choice(N.LEADERS)
        # Some branches exist only on paper (空壳).
        branches = [
            p
            for p in self.parties
            if p["level"] in ("branch", "joint_branch") and p["formation"] != "independent"
        ]
        for p in r.sample(branches, max(1, round(len(branches) * P.EMPTY_SHELL_SHARE))) if branches else []:
            self.empty_parties.add(p["id"])

    def independent(self, org: dict[str, Any], level: str | None) -> None:
        r = self.rng
        if level == "committee":
            pid = self.party(f"中共{org['name']}委员会", "committee", "independent", org["community_id"])
            self.children[pid] = [
                self.party(
                    f"{org['name']}第{'一二三四'[k]}党支部",
                    "branch",
                    "independent",
                    org["community_id"],
                    parent=pid,
                )
                for k in range(r.randint(2, 4))
            ]
        elif level == "general_branch":
            pid = self.party(
                f"中共{org['name']}总支部委员会", "general_branch", "independent", org["community_id"]
            )
            self.children[pid] = [
                self.party(
                    f"{org['name']}第{'一二'[k]}党支部",
                    "branch",
                    "independent",
                    org["community_id"],
                    parent=pid,
                )
                for k in range(2)
            ]
        else:
            pid = self.party(f"{org['name']}党支部", "branch", "independent", org["community_id"])
        org["party_org_id"] = pid
        org["formation"] = "independent"

    # -- members -------------------------------------------------------------------
    def member(self, employer: str | None, party_id: str | None, relation: str) -> dict[str, Any]:
        r = self.rng
        age = r.triangular(P.AGE_MIN, P.AGE_MAX, P.AGE_MODE)
        born = _years_before(self.today, age) - timedelta(days=r.randint(0, 364))
        female = r.random() < P.FEMALE_SHARE
        while True:  # the 17th digit is odd for a man, even for a woman
            number = make_id_number(
                r.choice(N.BIRTHPLACES), born, r.randrange(500) * 2 + (0 if female else 1)
            )
            if number not in self.used_ids:
                self.used_ids.add(number)
                break
        join_age = r.uniform(P.JOIN_AGE_MIN, max(P.JOIN_AGE_MIN + 0.1, min(P.JOIN_AGE_MAX, age - 0.1)))
        joined = min(_years_before(born, -join_age), self.today - timedelta(days=r.randint(30, 120)))
        if r.random() < P.RECENT_JOIN_SHARE:  # admitted within the year: a 预备党员
            joined = max(self.today - timedelta(days=r.randint(30, 360)), _years_before(born, -18))
        probationary = (self.today - joined).days < 365
        exit_kind = None
        if r.random() < P.EXIT_SHARE:
            exit_kind = r.choice(("transferred_out", "died", "left", "stopped"))
        return _row(
            Member,
            id=self.new_id(),
            name=self.person(),
            gender="female" if female else "male",
            ethnicity=r.choices(self.ethnicities, self.ethnicity_weights)[0],
            id_number=number,
            birth_date=born,
            phone=self.phone(),
            education=r.choices(EDUCATION, P.EDUCATION_WEIGHTS)[0],
            joined_on=joined,
            full_on=None if probationary else _years_before(joined, -1),
            category="probationary" if probationary else "full",
            relation=relation,
            mobile_from=r.choice(N.HOMETOWNS) if relation == "mobile_in" else None,
            mobile_to=r.choice(P.MOBILE_OUT_PLACES) if relation == "mobile_out" else None,
            employer_id=employer,
            party_org_id=party_id,
            exit_kind=exit_kind,
            # Not before joining: the same bounds a clerk's entry must meet.
            exit_on=max(joined, self.today - timedelta(days=r.randint(1, 700))) if exit_kind else None,
        )

    def build_members(self) -> None:
        r = self.rng
        self.ethnicities, self.ethnicity_weights = zip(*N.ETHNICITIES, strict=True)
        branches_by_size: list[str] = []
        for org in self.orgs:
            if org["status"] != "active":
                continue
            covered = org["party_org_id"] is not None
            relations = P.COVERED_RELATIONS if covered else P.UNCOVERED_RELATIONS
            for _ in range(org.get("_n", 0)):
                relation = _weighted(r, relations)
                party_id = org["party_org_id"] if relation != "pocket" else None
                if party_id in self.children:
                    party_id = r.choice(self.children[party_id])
                if party_id in self.empty_parties:  # on paper only: nobody transferred in
                    party_id, relation = None, "pocket"
                if party_id and relation == "transferred":
                    branches_by_size.append(party_id)
                self.members.append(self.member(org["id"], party_id, relation))
        # 流出: relation held by a branch here (picked as members are), working elsewhere.
        for _ in range(self.mobile_out):
            party_id = r.choice(branches_by_size) if branches_by_size else None
            self.members.append(self.member(None, party_id, "mobile_out" if party_id else "pocket"))

    # -- instructors and activities ---------------------------------------------------
    def build_instructors(self) -> None:
        r = self.rng
        count = max(3, self.n_orgs // 40)
        for _ in range(count):
            self.instructors.append(
                _row(
                    Instructor,
                    id=self.new_id(),
                    name=self.person(),
                    phone=self.phone(),
                    unit=f"{self.place}{r.choice(N.INSTRUCTOR_UNITS)}",
                    position=r.choice(N.INSTRUCTOR_POSITIONS),
                )
            )
        for org in self.orgs:
            if org["status"] == "active" and org["party_org_id"] is None and r.random() < P.INSTRUCTOR_SHARE:
                self.assignments.append(
                    _row(
                        InstructorAssignment,
                        id=self.new_id(),
                        instructor_id=r.choice(self.instructors)["id"],
                        organization_id=org["id"],
                        starts_on=self.today - timedelta(days=r.randint(30, 1500)),
                    )
                )


def fill_demo(
    store: Store, orgs: int = 1500, members: int = 10000, seed: int = 1, today: date | None = None
) -> Job[None]:
    """Generate and insert demo data; yields progress (a job: closed early, the whole
    fill rolls back). Refuses a register that is not empty."""
    if orgs < 10 or members < 0:
        raise LiangxinError("演示数据至少需要 10 个两新组织，党员数不能为负数。")
    with store.write() as session:
        existing = session.scalar(select(func.count()).select_from(Organization))
        if existing:
            raise LiangxinError(
                f"数据库中已有 {existing} 个两新组织；演示数据只能填入新建的空数据库，未做任何改动。"
            )
        builder = _Builder(store, orgs, members, seed, today or station_today())
        yield Progress("正在生成演示数据", 0, 1)
        builder.build_communities()
        builder.build_organizations()
        builder.build_party_orgs()
        builder.build_members()
        builder.build_instructors()
        for org in builder.orgs:
            for scratch in ("_no_members", "_uncovered", "_level", "_n"):
                org.pop(scratch, None)
        # Parents before children: Party organizations refer to their parents.
        builder.parties.sort(key=lambda p: p["parent_id"] is not None)
        tables: list[tuple[str, type[Synced], list[dict[str, Any]]]] = [
            ("社区", Community, builder.communities),
            ("党组织", PartyOrg, builder.parties),
            ("两新组织", Organization, builder.orgs),
            ("党员", Member, builder.members),
            ("指导员", Instructor, builder.instructors),
            ("指导员指派", InstructorAssignment, builder.assignments),
        ]
        total = sum(len(rows) for _, _, rows in tables)
        done = 0
        for label, model, rows in tables:
            for start in range(0, len(rows), CHUNK):
                chunk = rows[start : start + CHUNK]
                bulk_insert(session, model, chunk)
                done += len(chunk)
                yield Progress(f"正在写入{label}", done, total)
        # Organizational life and visits through the services a clerk uses (app.demo.life).
        life = plan_life(builder)
        for written in write_life(session, life, builder.new_id):
            yield Progress("正在写入组织生活", written, len(life.drafts))
        # Fresh statistics, so the query planner picks the selective indexes.
        session.execute(text("ANALYZE"))
        _snapshot_history(builder, session)
        yield Progress("正在生成演示专项行动", total, total)
        _demo_campaign(builder, session)


def _history(rng: random.Random, now: int, months_back: int, monthly_gain: float) -> int:
    return max(0, round(now * (1 - monthly_gain * months_back + rng.uniform(-0.004, 0.004))))


def _snapshot_history(builder: _Builder, session: Any) -> None:
    """Eleven earlier months of coverage figures, rising towards today's, so the trend
    chart of a demo has a history (a real station records its own month by month)."""
    from app.rules.engine import Facts
    from app.settings import SPECS, scope_description
    from app.stats import coverage_pass

    settings = {key: spec.default for key, spec in SPECS.items()}
    c = coverage_pass(session, Facts(settings, builder.today)).station
    now = [c.in_scope, c.covered, c.work_covered, c.independent]
    month = builder.today.replace(day=1)
    for back in range(1, 12):
        month = (month - timedelta(days=1)).replace(day=1)
        in_scope = _history(builder.rng, now[0], back, 0.004)
        covered = min(in_scope, _history(builder.rng, now[1], back, 0.018))
        session.add(
            StatSnapshot(
                month=f"{month.year:04d}-{month.month:02d}",
                in_scope=in_scope,
                covered=covered,
                work_covered=min(in_scope, max(covered, _history(builder.rng, now[2], back, 0.012))),
                independent=min(covered, _history(builder.rng, now[3], back, 0.02)),
                scope=scope_description(settings),
                recorded_at=datetime.combine(month, time(18), UTC),
            )
        )


DEMO_CAMPAIGN_RULES = (
    "enterprise_party_org",
    "social_org_party_org",
    "few_members_joint",
    "instructor_needed",
    "mass_organizations_first",
)


def _demo_campaign(builder: _Builder, session: Any) -> None:
    """A 大组建 campaign under way (started 75 days ago, in its 攻坚阶段), its tasks made
    from today's findings, each given to the unit of its action line (挂点, 驻街, 主管包建,
    党群共建; the rest to the community), and partly worked through, so the board and its
    burn-down have a story."""
    from app.rules.catalog import RULES_BY_ID
    from app.rules.engine import run_checks
    from app.services.campaign_actions import Target, route
    from app.services.campaigns import TEMPLATES
    from app.settings import SPECS

    r, today = builder.rng, builder.today
    plan = TEMPLATES["da_zujian"]
    start = today - timedelta(days=75)
    bounds = [(p.starts_on, p.ends_on) for p in plan.phase_plans(start)]
    employing = {m["employer_id"] for m in builder.members if m["exit_kind"] is None}
    targets = {
        o["id"]: Target(
            o["kind"], o["employees"], o["supervising_unit"], o["leader_link"], o["id"] in employing
        )
        for o in builder.orgs
    }
    campaign_id = builder.new_id()
    bulk_insert(
        session,
        Campaign,
        [
            _row(
                Campaign,
                id=campaign_id,
                name=plan.name,
                goal=plan.goal,
                starts_on=start,
                ends_on=bounds[-1][1],
                template=plan.key,
                units="\n".join(f"{kind}:{name}" for kind, name in plan.units),
            )
        ],
    )
    phase_ids = [builder.new_id() for _ in plan.phases]
    bulk_insert(
        session,
        Phase,
        [
            _row(Phase, id=pid, campaign_id=campaign_id, name=name, ordinal=i, starts_on=s, ends_on=e)
            for i, (pid, (name, _, _), (s, e)) in enumerate(zip(phase_ids, plan.phases, bounds, strict=True))
        ],
    )
    communities = {c["id"]: c["name"] for c in builder.communities}
    org_community = {o["id"]: communities.get(o["community_id"], "未填社区") for o in builder.orgs}
    settings = {key: spec.default for key, spec in SPECS.items()}
    task_rows, progress_rows = [], []
    for f in run_checks(session, settings, today, list(DEMO_CAMPAIGN_RULES)):
        made = start + timedelta(days=r.randint(0, 20))
        early = r.random() < 0.3
        kind, unit = route(f.rule_id, targets[f.record_id], list(plan.units)) or (
            "community",
            org_community.get(f.record_id, "未填社区"),
        )
        task_id = builder.new_id()
        task_rows.append(
            _row(
                Task,
                id=task_id,
                campaign_id=campaign_id,
                phase_id=phase_ids[0 if early else 1],
                organization_id=f.record_id,
                title=RULES_BY_ID[f.rule_id].title,
                rule_id=f.rule_id,
                assignee_kind=kind,
                assignee=unit,
                station_code=builder.station_code,
                due_on=bounds[0 if early else 1][1],
                notes=f.message,
                created_at=datetime.combine(made, time(9), UTC),
            )
        )
        roll = r.random()
        status = "done" if roll < 0.35 else "doing" if roll < 0.5 else "todo"
        changed = (
            made + timedelta(days=r.randint(1, max(1, (today - made).days))) if status != "todo" else made
        )
        progress_rows.append(
            _row(
                TaskProgress,
                id=builder.new_id(),
                task_id=task_id,
                status=status,
                note="（演示数据）已上门指导，组建材料已报批" if status == "done" else None,
                override_reason="（演示数据）登记待更新" if status == "done" else None,
                changed_on=min(changed, today),
            )
        )
    for start_at in range(0, len(task_rows), CHUNK):
        bulk_insert(session, Task, task_rows[start_at : start_at + CHUNK])
        bulk_insert(session, TaskProgress, progress_rows[start_at : start_at + CHUNK])


def run_demo(store: Store, **kwargs: Any) -> dict[str, int]:
    for _ in fill_demo(store, **kwargs):
        pass
    return demo_counts(store)


def demo_counts(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (
                Community,
                Organization,
                PartyOrg,
                Member,
                Instructor,
                InstructorAssignment,
                Activity,
            )
        }
