"""Planning a 两新组织 ledger: each row matched to a registered organization by its
credit code, then by its exact name, and checked by the organization service's rules."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import ENTERPRISE_SUBTYPE, FORMATION, SOCIAL_SUBTYPE
from app.domain.pinyin import search_keys
from app.errors import FieldError
from app.ledger.plan import RowPlan, compare, note, refuse_repeats
from app.ledger.registry import Registry, column_defaults, owned_elsewhere
from app.services import coverage as coverage_rules
from app.services import organizations as service
from db.journal import new_id
from db.models import Instructor, InstructorAssignment, Organization, PartyOrg

_REFS = ("community", "party_org", "subtype")
_KEPT_WHEN_EMPTY = {"kind": "enterprise", "industry": "other", "status": "active", "employees": 0}


def plan_rows(session: Session, rows: list[RowPlan], names: list[str], registry: Registry) -> None:
    specs = service.ORG_FIELDS
    stored = {
        r["id"]: r
        for r in session.execute(
            select(Organization.__table__).where(Organization.deleted.is_(False))
        ).mappings()
    }
    by_uscc = {r["uscc"]: i for i, r in stored.items() if r["uscc"]}
    by_name: dict[str, list[str]] = {}
    for i, r in stored.items():
        by_name.setdefault(r["name"], []).append(i)
    instructors = dict(
        session.execute(
            select(InstructorAssignment.organization_id, Instructor.name)
            .join(Instructor, Instructor.id == InstructorAssignment.instructor_id)
            .where(InstructorAssignment.deleted.is_(False), InstructorAssignment.ends_on.is_(None))
        ).all()
    )
    refuse_repeats(rows, names, _file_key)
    linking: dict[str, list[RowPlan]] = {}
    for row in rows:
        if row.refused or row.action == "skipped":
            continue
        v = row.values
        row.label = v["name"]
        current = _match(row, names, v, by_uscc, by_name, stored)
        if row.refused:
            continue
        if current is not None:
            row.target = current["id"]
            if owned_elsewhere(registry, row, names, current):
                continue
        wanted: dict[str, Any] = {}
        for name, value in v.items():
            if name in specs and name not in _REFS and hasattr(Organization, name):
                wanted[name] = value
        if current is None and "kind" not in wanted:
            wanted["kind"] = infer_kind(v)
        kind = wanted.get("kind") or (current or {}).get("kind") or "enterprise"
        try:
            if current is None or "kind" in v or "subtype" in v or current.get("subtype") is None:
                wanted["subtype"] = service._parse_subtype(
                    kind, v.get("subtype"), (current or {}).get("subtype")
                )
        except FieldError as exc:
            note(row, names, "subtype", exc.message)
        if "community" in v:
            wanted["community_id"] = registry.community(row, names, v["community"])
        party = None
        if "party_org" in v:
            party = registry.party_org(row, names, v["party_org"])
            if party is not None:
                wanted["party_org_id"] = party.id
        elif current is not None and current.get("party_org_id"):
            party = registry.party_orgs_by_id.get(current["party_org_id"])
        if "formation" in specs and hasattr(Organization, "formation"):
            _formation(row, names, wanted, party, current)
        _check_against_party(row, names, party)
        if "instructor" in v and current is not None and instructors.get(current["id"]) != v["instructor"]:
            known = instructors.get(current["id"])
            note(
                row,
                names,
                "instructor",
                f"与登记的指导员“{known or '（无）'}”不一致，未改动指导员；请在登记簿中调整。",
                refused=False,
            )
        if row.refused:
            continue
        if current is None:
            row.record = _new_record(wanted)
            row.record["id"] = new_id()
        else:
            compare(row, current, wanted)
            if "name" in row.changes:
                row.changes["name_pinyin"], row.changes["name_initials"] = (None, None), (None, None)
        if (
            party is not None
            and wanted.get("party_org_id")
            and wanted["party_org_id"] != (current or {}).get("party_org_id")
        ):
            linking.setdefault(party.id, []).append(row)
    _check_capacity(session, linking, names, registry)


def infer_kind(values: dict[str, Any]) -> str:
    """A ledger without a 组织类型 column: social organizations are registered by 民政
    (credit code starting 5) or 司法行政 (3: law firms), or named by their subtype."""
    subtype = values.get("subtype")
    if subtype and SOCIAL_SUBTYPE.parse(subtype) is not None:
        return "social_org"
    if subtype and ENTERPRISE_SUBTYPE.parse(subtype) is not None:
        return "enterprise"
    uscc = values.get("uscc") or ""
    return "social_org" if uscc[:1] in ("3", "5") else "enterprise"


def _file_key(row: RowPlan) -> tuple[Any, str, str] | None:
    v = row.values
    if v.get("uscc"):
        return ("uscc", v["uscc"]), "uscc", "统一社会信用代码"
    if v.get("name"):
        return ("name", v["name"]), "name", "组织名称"
    return None


def _match(
    row: RowPlan,
    names: list[str],
    v: dict[str, Any],
    by_uscc: dict[str, str],
    by_name: dict[str, list[str]],
    stored: dict[str, dict[str, Any]],
) -> dict[str, Any] | None:
    """The registered organization this row is about: by credit code, then by exact name."""
    uscc = v.get("uscc")
    if uscc and uscc in by_uscc:
        return stored[by_uscc[uscc]]
    same_name = by_name.get(v["name"], [])
    if len(same_name) > 1:
        note(
            row,
            names,
            "name",
            f"已登记 {len(same_name)} 个名为“{v['name']}”的两新组织，请在台账中填写统一社会信用代码以区分。",
        )
        return None
    if not same_name:
        return None
    found = stored[same_name[0]]
    if uscc and found["uscc"] and found["uscc"] != uscc:
        note(
            row,
            names,
            "uscc",
            f"已登记的“{found['name']}”统一社会信用代码为 {found['uscc']}，与本行不同；请核对是否为同一单位。",
        )
        return None
    return found


def _formation(
    row: RowPlan, names: list[str], wanted: dict[str, Any], party: Any, current: dict[str, Any] | None
) -> None:
    """How the organization is covered, as the organization service decides it: from its
    Party organization (none without one)."""
    from app.services import formation as formations

    if party is None:
        if wanted.pop("formation", None) is not None:
            note(row, names, "formation", "没有关联党组织，未登记组建方式。", refused=False)
        return
    try:
        wanted["formation"] = formations.choose(
            party, wanted.get("formation"), (current or {}).get("formation")
        )
    except FieldError as exc:
        note(row, names, "formation", exc.message)


def _check_against_party(row: RowPlan, names: list[str], party: Any) -> None:
    """The columns an organization ledger carries about its Party organization, checked
    against the Party organization it is linked to (they are not stored here)."""
    v = row.values
    has = v.get("has_party_org")
    if has is not None:
        says = _yes_no(has)
        if says is True and party is None and "party_org" not in row.columns:
            note(
                row,
                names,
                "has_party_org",
                "写明已建立党组织，但台账中没有“所属党组织”一列，未关联党组织。",
                refused=False,
            )
        elif says is True and party is None and v.get("party_org") is None:
            note(
                row,
                names,
                "has_party_org",
                "写明已建立党组织，但没有填写所属党组织，未关联党组织。",
                refused=False,
            )
        elif says is False and party is not None:
            note(
                row,
                names,
                "has_party_org",
                f"写明未建立党组织，但所属党组织为“{party.name}”，请核对。",
                refused=False,
            )
    if (
        "formation" in v
        and isinstance(v["formation"], str)
        and party is not None
        and "formation" not in service.ORG_FIELDS
    ):
        code = FORMATION.parse(v["formation"])
        if code != party.formation:
            note(
                row,
                names,
                "formation",
                f"所属党组织“{party.name}”登记的组建方式为“{FORMATION.label(party.formation)}”，与本行不同，请核对。",
                refused=False,
            )
    if v.get("secretary") and party is not None and (party.secretary or "") != v["secretary"]:
        note(
            row,
            names,
            "secretary",
            f"所属党组织“{party.name}”登记的书记为“{party.secretary or '（未填）'}”，与本行不同；书记请在党组织名单中导入。",
            refused=False,
        )


def _yes_no(text: str) -> bool | None:
    from app.ledger.values import _bool

    answer = _bool(text)
    return True if answer == "是" else False if answer == "否" else None


def _check_capacity(
    session: Session, linking: dict[str, list[RowPlan]], names: list[str], registry: Registry
) -> None:
    """A joint branch's limit, as the service checks it when one organization is linked:
    here for all the organizations the ledger links to it at once."""
    for party_id, rows in linking.items():
        party = session.get(PartyOrg, party_id)
        if party is None:
            continue
        adding = [r.target or r.record.get("id") for r in rows]
        try:
            coverage_rules.check_capacity(session, party, adding, None)
        except FieldError as exc:
            for row in rows:
                note(row, names, "party_org", exc.message)
        finally:
            session.expire(party)  # a note the check may have made is not this plan's to keep


def _new_record(wanted: dict[str, Any]) -> dict[str, Any]:
    record = column_defaults(Organization)
    record.update({k: v for k, v in wanted.items() if v is not None})
    for name, default in _KEPT_WHEN_EMPTY.items():
        if record.get(name) is None:
            record[name] = default
    record["name_pinyin"], record["name_initials"] = search_keys(record["name"])
    return record
