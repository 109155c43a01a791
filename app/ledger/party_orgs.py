"""Planning a 党组织 list: each row matched to a registered Party organization by exact
name, its parent found among the registered ones or the rows above and below it, the
organizations it covers linked by name or credit code, and the Party-organization
service's rules applied (a parent is a committee or general branch, a joint branch is
formed jointly, a term ends after it starts, the joint limit)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.bounds import not_after_today, not_before
from app.domain.pinyin import search_keys
from app.errors import FieldError
from app.ledger.plan import RowPlan, compare, note, refuse_repeats
from app.ledger.registry import PartyRef, Registry, column_defaults, owned_elsewhere
from app.services import coverage as coverage_rules
from app.services import party_orgs as service
from db.journal import new_id
from db.models import Organization, PartyOrg

_REFS = ("parent", "community")
_SPLIT = re.compile(r"[、,，;；\n]+")


def plan_rows(
    session: Session, rows: list[RowPlan], names: list[str], registry: Registry, today: date
) -> None:
    refuse_repeats(
        rows, names, lambda r: (r.values["name"], "name", "党组织名称") if r.values.get("name") else None
    )
    table = PartyOrg.__table__
    stored = {
        r["name"]: dict(r)
        for r in session.execute(select(table).where(table.c.deleted.is_(False))).mappings()
    }
    covering: dict[str, str | None] = dict(
        session.execute(
            select(Organization.id, Organization.party_org_id).where(Organization.deleted.is_(False))
        ).all()
    )
    # The rows' own Party organizations, so that a parent may be listed in the same file.
    in_file: dict[str, PartyRef] = {}
    for row in rows:
        if row.refused or row.action == "skipped":
            continue
        current = stored.get(row.values["name"])
        ident = current["id"] if current else new_id()
        level = (
            row.values.get("level") or (current or {}).get("level") or infer_level(row.values["name"]) or ""
        )
        in_file[row.values["name"]] = PartyRef(ident, row.values["name"], level, "", None, None)
    for row in rows:
        if row.refused or row.action == "skipped":
            continue
        v = row.values
        row.label = v["name"]
        current = stored.get(v["name"])
        if current is not None:
            row.target = current["id"]
            if owned_elsewhere(registry, row, names, current):
                continue
        wanted = {n: x for n, x in v.items() if n in service.PARTY_FIELDS and n not in _REFS and n in table.c}
        if current is None and "level" not in wanted:
            wanted["level"] = infer_level(v["name"])
            if wanted["level"] is None:
                note(
                    row,
                    names,
                    "name",
                    "台账中没有“党组织类别”一列，从名称也看不出是党委、党总支还是党支部，请补上该列。",
                )
                continue
        merged = {**(current or {}), **{k: x for k, x in wanted.items() if x is not None}}
        _rules(row, names, wanted, merged, current, today)
        if "community" in v:
            wanted["community_id"] = registry.community(row, names, v["community"])
        if "parent" in v:
            wanted["parent_id"] = _parent(session, row, names, v["parent"], in_file, registry, current)
        if "covers" in v:
            _covers(session, row, names, v["covers"], registry, in_file[v["name"]].id, merged, covering)
        if row.refused:
            continue
        if current is None:
            record = column_defaults(PartyOrg)
            record.update({k: x for k, x in wanted.items() if x is not None})
            record["formation"] = merged["formation"]
            record["established_on"] = record["established_on"] or record["term_start"] or today
            record["name_pinyin"], record["name_initials"] = search_keys(record["name"])
            record["id"] = in_file[v["name"]].id
            row.record = record
        else:
            wanted["formation"] = merged["formation"]
            compare(row, current, wanted)
            if "name" in row.changes:
                row.changes["name_pinyin"], row.changes["name_initials"] = (None, None), (None, None)


def infer_level(name: str) -> str | None:
    """A list without a 党组织类别 column: the level its name says."""
    if "联合" in name and "支部" in name:
        return "joint_branch"
    if name.endswith(("党总支", "总支部委员会", "总支")):
        return "general_branch"
    if name.endswith(("党委", "委员会")) and "支部" not in name:
        return "committee"
    if name.endswith(("支部", "支部委员会")):
        return "branch"
    return None


def _rules(
    row: RowPlan, names: list[str], wanted: dict[str, Any], merged: dict[str, Any], current: Any, today: date
) -> None:
    """party_orgs._apply's rules, on the record as it would be after the import."""
    if merged.get("formation") is None:
        merged["formation"] = "joint" if merged.get("level") == "joint_branch" else "independent"
    if merged.get("level") == "joint_branch" and merged["formation"] != "joint":
        note(row, names, "formation", "联合党支部的组建方式应为“联合组建”。")
    if merged.get("term_start") and merged.get("term_end") and merged["term_end"] < merged["term_start"]:
        note(row, names, "term_end", "任期届满日期早于任期开始日期，请核对。")
    try:
        if "established_on" in wanted:
            not_after_today(merged.get("established_on"), today, "成立日期", "established_on")
        if {"established_on", "term_start"} & set(wanted):
            not_before(
                merged.get("term_start"),
                merged.get("established_on"),
                "本届任期开始",
                "成立日期",
                "term_start",
            )
    except FieldError as exc:
        note(row, names, exc.field, exc.message)


def _parent(
    session: Session,
    row: RowPlan,
    names: list[str],
    name: str,
    in_file: dict[str, PartyRef],
    registry: Registry,
    current: dict[str, Any] | None,
) -> str | None:
    target = in_file.get(name)
    if target is None:
        target = registry.party_org(row, names, name, "parent")
        if target is None:
            return None
    this = PartyOrg(id=(current or {}).get("id") or in_file[row.values["name"]].id, name=row.values["name"])
    parent = session.get(PartyOrg, target.id) if target.id in registry.party_orgs_by_id else None
    if parent is None:  # a Party organization of this file, not yet registered
        parent = PartyOrg(id=target.id, name=target.name, level=target.level, parent_id=None)
    try:
        service._check_parent(session, this, parent)
    except FieldError as exc:
        note(row, names, "parent", exc.message)
        return None
    return target.id


def _covers(
    session: Session,
    row: RowPlan,
    names: list[str],
    text: str,
    registry: Registry,
    party_id: str,
    merged: dict[str, Any],
    covering: dict[str, str | None],
) -> None:
    """Exactly the organizations listed become the ones this Party organization covers
    (as the service's coverage list does); the joint limit is checked on that list."""
    wanted: list[str] = []
    for key in (k.strip() for k in _SPLIT.split(text)):
        if key:
            found = registry.organization(row, names, key, "covers", "未关联该单位")
            if found is not None and found not in wanted:
                wanted.append(found)
    now = {o for o, p in covering.items() if p == party_id}
    if set(wanted) == now:
        return  # as registered: nothing to change, nothing to check again
    party = PartyOrg(id=party_id, name=merged["name"], formation=merged["formation"])
    try:
        coverage_rules.check_capacity(session, party, list(wanted), None, replacing=True)
    except FieldError as exc:
        note(row, names, "covers", exc.message)
        return
    row.changes["covers"] = (sorted(now), sorted(wanted))
    row.values["covers_ids"] = wanted
