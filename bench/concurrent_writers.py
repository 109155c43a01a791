"""Several clerks writing at once: N processes each add members to one organization
and edit that organization, alternately, through the services (one write transaction
each). Measures throughput on SQLite and PostgreSQL and checks what was written: no
gap in the journal, every row's ``rev`` its last entry, and the chain of old and new
values true (each entry's old value of a field is the previous entry's new one).

    python -m bench.concurrent_writers --engine both --workers 4 --edits 200

One *edit* here is one write transaction (a member added, or the organization
edited); each worker makes ``--edits`` of them. ``work`` is what each process runs
(tests/test_concurrency.py starts it too)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

READY, GO = "ready", "go"
ROOT = Path(__file__).resolve().parents[1]  # where ``-m bench.concurrent_writers`` is found


def work(db: str, org_id: str, worker: int, edits: int) -> None:
    """One writer: waits for ``go`` on stdin, then alternates a member added (employed
    by the organization) with an edit of the organization."""
    from app.services import members, organizations
    from app.store import open_store

    store = open_store(db)
    try:
        print(READY, flush=True)
        if sys.stdin.readline().strip() != GO:
            return
        for i in range(edits):
            if i % 2 == 0:
                members.add_member(store, {"name": f"党员{worker}-{i}", "employer": org_id})
            else:
                organizations.edit_organization(
                    store,
                    org_id,
                    {"employees": str(worker * 1000 + i), "contact_name": f"联系人{worker}-{i}"},
                )
    finally:
        store.close()


def prepare(db: str) -> str:
    """An organization for everyone to edit; returns its id."""
    from app.services import organizations
    from app.store import open_store

    store = open_store(db)
    try:
        return str(
            organizations.add_organization(store, {"name": "共同编辑的公司", "kind": "enterprise"})["id"]
        )
    finally:
        store.close()


def run_writers(db: str, org_id: str, workers: int, edits: int, env: dict[str, str] | None = None) -> float:
    """Start the writers, let them go together, wait for all; returns the seconds from
    go to the last one done. Raises if any failed, with what it said."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "bench.concurrent_writers", "work", db, org_id, str(w), str(edits)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
        )
        for w in range(workers)
    ]
    try:
        for p in procs:
            assert p.stdout is not None and p.stdin is not None
            line = p.stdout.readline().strip()
            if line != READY:
                raise RuntimeError(f"writer did not start: {line} {p.stderr.read() if p.stderr else ''}")
        started = time.perf_counter()
        for p in procs:
            assert p.stdin is not None
            p.stdin.write(GO + "\n")
            p.stdin.flush()
        failures = []
        for p in procs:
            _out, err = p.communicate(timeout=600)
            if p.returncode != 0:
                failures.append(f"exit {p.returncode}: {err.strip()[-2000:]}")
        elapsed = time.perf_counter() - started
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    if failures:
        raise RuntimeError("; ".join(failures))
    return elapsed


@dataclass
class JournalCheck:
    entries: int
    gaps: int  # numbers missing between 1 and the last
    counter_off: bool  # the counter does not stand at the last number
    chain_breaks: list[str]  # "table row field: old … after new …"
    stale_revs: list[str]  # rows whose rev is not their last entry's seq


def check_journal(db: str) -> JournalCheck:
    from sqlalchemy import select

    from app.store import open_store
    from db.base import Base
    from db.models import Counter, JournalEntry

    store = open_store(db)
    try:
        with store.read() as session:
            rows = session.execute(
                select(
                    JournalEntry.seq, JournalEntry.table_name, JournalEntry.row_id, JournalEntry.changes
                ).order_by(JournalEntry.seq)
            ).all()
            counter = session.scalar(select(Counter.value).where(Counter.name == "journal")) or 0
            last_seq: dict[tuple[str, str], int] = {}
            latest: dict[tuple[str, str, str], object] = {}
            breaks: list[str] = []
            for seq, table, row_id, changes in rows:
                last_seq[(table, row_id)] = seq
                for field, (old, new) in json.loads(changes).items():
                    key = (table, row_id, field)
                    if key in latest and latest[key] != old:
                        breaks.append(
                            f"{table} {row_id} {field}: #{seq} old {old!r} after new {latest[key]!r}"
                        )
                    latest[key] = new
            stale: list[str] = []
            for table_name in {t for t, _ in last_seq}:
                table = Base.metadata.tables[table_name]
                for row_id, rev in session.execute(select(table.c.id, table.c.rev)):
                    expected = last_seq.get((table_name, row_id))
                    if expected is not None and rev != expected:
                        stale.append(f"{table_name} {row_id}: rev {rev}, last entry #{expected}")
    finally:
        store.close()
    seqs = [r[0] for r in rows]
    last = seqs[-1] if seqs else 0
    return JournalCheck(len(seqs), last - len(set(seqs)), counter != last, breaks, stale)


@contextmanager
def station(engine: str, folder: Path, pg_admin: str) -> Iterator[str]:
    """A fresh, initialised station database on the engine; dropped afterwards."""
    from app.store import init_store

    if engine == "sqlite":
        db = str(folder / f"writers-{uuid.uuid4().hex[:8]}.sqlite3")
        init_store(db, "440307001", "南湾街道")[0].close()
        yield db
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"lx_writers_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_admin, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        db = make_url(pg_admin).set(database=name).render_as_string(hide_password=False)
        init_store(db, "440307001", "南湾街道")[0].close()
        yield db
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def measure(engine: str, workers: int, edits: int, pg_admin: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder, station(engine, Path(folder), pg_admin) as db:
        org_id = prepare(db)
        elapsed = run_writers(db, org_id, workers, edits)
        check = check_journal(db)
    return {
        "engine": engine,
        "workers": workers,
        "edits_per_worker": edits,
        "seconds": round(elapsed, 2),
        "edits_per_second": round(workers * edits / elapsed, 1),
        "journal_entries": check.entries,
        "gaps": check.gaps,
        "chain_breaks": len(check.chain_breaks),
        "stale_revs": len(check.stale_revs),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "work":
        db, org_id, worker, edits = args[1:5]
        work(db, org_id, int(worker), int(edits))
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench.concurrent_writers")
    parser.add_argument("--engine", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument(
        "--pg-admin", default=os.environ.get("LIANGXIN_TEST_PG", "postgresql+psycopg:///postgres")
    )
    opts = parser.parse_args(args)
    engines = ["sqlite", "postgresql"] if opts.engine == "both" else [opts.engine]
    results = [measure(e, opts.workers, opts.edits, opts.pg_admin) for e in engines]
    for r in results:
        print(json.dumps(r, ensure_ascii=False))
    if len(results) == 2:
        ratio = float(results[1]["edits_per_second"]) / float(results[0]["edits_per_second"])  # type: ignore[arg-type]
        print(f"PostgreSQL / SQLite throughput: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
