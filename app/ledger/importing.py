"""导入台账 as the window and the CLI drive it: open a file (sheet, header, proposed
mapping), a dry run, then the import as one write transaction that re-makes the plan
on the database as it then is and writes the valid rows (or nothing, when the person
chose "nothing until all are fixed"), journaled like typed rows and kept in the history.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.pinyin import person_keys, search_keys
from app.domain.station_time import station_today
from app.jobs import Job, Progress, run_job
from app.ledger import members, organizations, party_orgs
from app.ledger.headers import Header, find_header, propose_mapping
from app.ledger.kinds import MEMBERS, ORGANIZATIONS, PARTY_ORGS, ledger_kind
from app.ledger.mappings import check_mapping, saved_mapping
from app.ledger.plan import NEW, REFUSED, UPDATE, Plan, data_rows, read_all, settle
from app.ledger.reading import Sheet, read_sheet, sheet_names
from app.ledger.registry import load_registry
from app.store import Store
from db.journal import JOURNAL_COUNTER, bulk_insert, new_id, utcnow
from db.models import Community, Counter, LedgerImport, Member, Organization, PartyOrg

CHUNK = 5_000  # rows written between two progress reports (and cancel checks)
MODELS = {ORGANIZATIONS: Organization, MEMBERS: Member, PARTY_ORGS: PartyOrg}


@dataclass
class Ledger:
    """A sheet ready to import: where its header is and what each column is thought to hold."""

    path: Path
    kind: str
    sheets: list[str]
    sheet: Sheet
    header: Header
    mapping: list[str | None]
    mapping_saved: bool  # the mapping is one the person saved for these headers

    @property
    def names(self) -> list[str]:
        return self.header.names

    def preview(self, rows: int = 8) -> list[list[Any]]:
        start = self.header.row + 1
        return self.sheet.rows[start : start + rows]


@dataclass(frozen=True)
class ImportResult:
    plan: Plan
    import_id: str | None  # None: nothing was written
    written: int

    @property
    def refused(self) -> int:
        return self.plan.counts[REFUSED]


def open_ledger(store: Store, path: str | Path, kind: str, sheet: str | None = None) -> Ledger:
    """Read the sheet, find its header and propose a mapping (the saved one when there is)."""
    kind = ledger_kind(kind).key
    names = sheet_names(path)
    grid = read_sheet(path, sheet)
    header = find_header(grid, ledger_kind(kind))
    saved = saved_mapping(store, kind, header.names)
    mapping = saved if saved is not None else propose_mapping(header.names, ledger_kind(kind))
    return Ledger(Path(path), kind, names, grid, header, mapping, saved is not None)


def make_plan(
    session: Session,
    store: Store,
    ledger: Ledger,
    mapping: list[str | None],
    *,
    create_communities: bool = False,
    today: date | None = None,
) -> Plan:
    kind = ledger_kind(ledger.kind)
    check_mapping(kind.key, mapping, ledger.names)
    today = today or station_today()
    rows = data_rows(ledger.sheet, ledger.header)
    read_all(rows, kind, ledger.names, mapping)
    registry = load_registry(
        session,
        store.station.code,
        create_communities=create_communities,
        organizations=kind.key != ORGANIZATIONS,
    )
    if kind.key == ORGANIZATIONS:
        organizations.plan_rows(session, rows, ledger.names, registry)
    elif kind.key == MEMBERS:
        members.plan_rows(session, rows, ledger.names, registry, today)
    else:
        party_orgs.plan_rows(session, rows, ledger.names, registry, today)
    for row in rows:
        settle(row)
    plan = Plan(kind.key, ledger.path.name, ledger.sheet.name, ledger.header, mapping, rows)
    plan.create_communities = create_communities
    plan.new_communities = {name: rows_ for name, (_, rows_) in registry.new_communities.items()}
    plan.community_ids = {name: ident for name, (ident, _) in registry.new_communities.items()}
    return plan


def dry_run(
    store: Store, ledger: Ledger, mapping: list[str | None] | None = None, *, create_communities: bool = False
) -> Plan:
    """What importing would do, row by row; reads only."""
    with store.read() as session:
        return make_plan(
            session, store, ledger, mapping or ledger.mapping, create_communities=create_communities
        )


def import_ledger_job(
    store: Store,
    ledger: Ledger,
    mapping: list[str | None] | None = None,
    *,
    create_communities: bool = False,
    all_or_nothing: bool = False,
) -> Job[ImportResult]:
    """Import in one transaction; a cancel (closing the job) leaves the database as it was."""
    yield Progress("正在核对台账", 0, 1)
    with store.write() as session:
        plan = make_plan(
            session, store, ledger, mapping or ledger.mapping, create_communities=create_communities
        )
        if plan.writes == 0 or (all_or_nothing and plan.counts[REFUSED]):
            return ImportResult(plan, None, 0)
        first = _counter(session)
        written = 0
        for done in _write(session, plan):
            written = done
            yield Progress("正在导入", done, plan.writes)
        last = _counter(session)
        record = LedgerImport(
            id=new_id(),
            kind=plan.kind,
            file_name=plan.file_name[:260],
            sheet=plan.sheet[:100],
            summary=json.dumps(plan.summary(), ensure_ascii=False),
            seq_from=first + 1 if last > first else None,
            seq_to=last if last > first else None,
            at=utcnow(),
            by=store.user,
        )
        session.add(record)
        session.flush()
        return ImportResult(plan, record.id, written)


def import_ledger(
    store: Store, ledger: Ledger, mapping: list[str | None] | None = None, **options: Any
) -> ImportResult:
    return run_job(import_ledger_job(store, ledger, mapping, **options))


def _counter(session: Session) -> int:
    return session.scalar(select(Counter.value).where(Counter.name == JOURNAL_COUNTER)) or 0


def _write(session: Session, plan: Plan) -> Iterator[int]:
    """The plan's new and changed rows, a chunk at a time; yields how many are written."""
    model = MODELS[plan.kind]
    rows = [r for r in plan.rows if r.action in (NEW, UPDATE)]
    used = {name for r in rows for name in [r.values.get("community")] if name in plan.new_communities}
    if used:
        ids = plan.community_ids
        bulk_insert(session, Community, [{"id": ids[n], "name": n, "code": None} for n in sorted(used)])
    new = [r.record for r in rows if r.action == NEW]
    if plan.kind == PARTY_ORGS:
        from app.sync.rows import parents_first

        new = parents_first("party_org", new)
    done = 0
    for start in range(0, len(new), CHUNK):
        chunk = _filled(new[start : start + CHUNK])
        bulk_insert(session, model, chunk)
        done += len(chunk)
        yield done
    updates = [r for r in rows if r.action == UPDATE]
    for start in range(0, len(updates), CHUNK):
        chunk = updates[start : start + CHUNK]
        found = {
            o.id: o for o in session.scalars(select(model).where(model.id.in_([r.target for r in chunk])))
        }
        for row in chunk:
            obj = found[row.target]
            for column, (_, value) in row.changes.items():
                if column not in ("covers", "name_pinyin", "name_initials"):
                    setattr(obj, column, value)
            if "name" in row.changes:
                obj.name_pinyin, obj.name_initials = (person_keys if plan.kind == MEMBERS else search_keys)(
                    obj.name
                )
        session.flush()
        done += len(chunk)
        yield done
    if plan.kind == PARTY_ORGS:
        _cover(session, [r for r in rows if "covers_ids" in r.values])


def _filled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows without the columns empty in every one of them (a roster rarely fills
    减少方式 or 流出地): fewer values for the driver to bind, the same rows stored."""
    empty = {k for k, v in rows[0].items() if v is None} if rows else set()
    for row in rows[1:]:
        if not empty:
            break
        empty = {k for k in empty if row[k] is None}
    return [{k: v for k, v in row.items() if k not in empty} for row in rows] if empty else rows


def _cover(session: Session, rows: list[Any]) -> None:
    """Each listed Party organization covers exactly the organizations its row names."""
    for row in rows:
        party_id = row.target or row.record["id"]
        wanted = set(row.values["covers_ids"])
        for org in session.scalars(
            select(Organization).where(
                Organization.deleted.is_(False),
                (Organization.party_org_id == party_id) | Organization.id.in_(sorted(wanted) or [""]),
            )
        ):
            org.party_org_id = party_id if org.id in wanted else None
        session.flush()
