"""Schema state, upgrade (with the file copied aside first) and refusal of databases
written by a newer version. Alembic is the only way the schema is made or changed.

An SQLite file is one station's own: it is upgraded when opened, after a copy. A
PostgreSQL database is shared by many clerks and has no file to copy, so it is
upgraded only when asked (``liangxin upgrade``): checked for rows the new schema would
refuse, dumped with pg_dump, then upgraded; until then every command refuses it."""

from __future__ import annotations

import glob
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, Table, UniqueConstraint, and_, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, IntegrityError

from db.errors import (
    DamagedError,
    NewerSchemaError,
    NotADatabaseError,
    NotInitialisedError,
    StorageError,
    UpgradeConflictError,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"


class SchemaState(Enum):
    EMPTY = "empty"  # no tables at all: ready for init
    BEHIND = "behind"  # ours, an older revision: upgrade
    CURRENT = "current"
    NEWER = "newer"  # written by a newer liangxin: refuse
    FOREIGN = "foreign"  # tables, but not ours: refuse


def alembic_config() -> Config:
    from alembic.config import Config  # imported when needed: Alembic costs start-up time

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def known_revisions() -> set[str]:
    """Revision ids, read from the file names (``0002_….py`` is revision ``0002``) so
    that opening a database needs no Alembic; a test checks them against Alembic."""
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py")}


def head_revision() -> str:
    return max(known_revisions())


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database before anything writes to it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            raise NotADatabaseError(str(path))


# Made by the first revision and never dropped: every database of ours has them.
CORE_TABLES = frozenset({"station", "organization", "party_org", "member"})


def _classify(tables: set[str], revision: str | None) -> SchemaState:
    if revision is None:
        return SchemaState.EMPTY if not tables - {"alembic_version"} else SchemaState.FOREIGN
    if not tables >= CORE_TABLES:  # a revision stamped on something else: upgrading it would fail
        return SchemaState.FOREIGN
    if revision == head_revision():
        return SchemaState.CURRENT
    return SchemaState.BEHIND if revision in known_revisions() else SchemaState.NEWER


def read_only_uri(path: Path) -> str:
    """A URI that opens the file without changing anything beside it: the path escaped
    (a '#' or '?' in a folder name must not pick another file), and, when no WAL file
    exists, ``immutable`` so that no -wal/-shm files are created either."""
    uri = path.resolve().as_uri() + "?mode=ro"
    wal = path.with_name(path.name + "-wal")
    return uri if wal.exists() else uri + "&immutable=1"


def probe_sqlite(path: Path) -> tuple[SchemaState, str | None]:
    """Read the schema state without changing a byte of the file (read-only open)."""
    check_sqlite_file(path)
    if not path.exists() or path.stat().st_size == 0:
        return SchemaState.EMPTY, None
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        # The header said SQLite: a file that then cannot be read is damaged, not foreign.
        if _is_damage(exc):
            raise DamagedError(str(path), str(exc)) from exc
        if isinstance(exc, sqlite3.OperationalError):
            raise  # cannot open (permissions, a folder): the caller says which
        raise NotADatabaseError(str(path)) from exc
    return _classify(tables, revision), revision


SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


def _is_damage(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)


def check_integrity(engine: Engine, path: Path) -> None:
    """Refuse a damaged SQLite file before anything is written to it.

    ``quick_check`` reads every page and checks the b-tree structure (not that indexes
    agree with their tables, which is what makes ``integrity_check`` ten times slower):
    enough to catch a truncated file or pages overwritten with anything else. 0.3 s on
    the 428 MB district demo with the file in the page cache."""
    try:
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check(5)")]
            conn.rollback()
    except DatabaseError as exc:
        if _is_damage(exc.orig):
            raise DamagedError(str(path), str(exc.orig)) from exc
        raise
    if rows != ["ok"]:
        raise DamagedError(str(path), "; ".join(str(r) for r in rows))


def probe_engine(engine: Engine) -> tuple[SchemaState, str | None]:
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = None
        if "alembic_version" in tables:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        conn.rollback()
    return _classify(tables, revision), revision


def probe(url: str, engine: Engine | None = None) -> tuple[SchemaState, str | None]:
    """The schema's state: through ``engine`` once there is one. An SQLite file must
    not be opened any other way (its header read) while this process holds a
    connection to it: POSIX locks belong to the process, and closing any descriptor of
    the file drops them all. Another program closing its last connection then finds
    the file unlocked, checkpoints and deletes the WAL under ours, and our next saves
    go into the deleted file: reported saved, then gone."""
    if engine is not None:
        return probe_engine(engine)
    path = sqlite_path(url)
    assert path is not None, "PostgreSQL is probed through an engine"
    return probe_sqlite(path)


def refuse_unusable(url: str, state: SchemaState, revision: str | None) -> None:
    """A newer or someone else's schema is never touched."""
    if state is SchemaState.NEWER:
        raise NewerSchemaError(revision or "?")
    if state is SchemaState.FOREIGN:
        raise NotInitialisedError(url, foreign=True)


class OutdatedSchemaError(StorageError):
    """A PostgreSQL database at an older revision: upgraded only by ``liangxin upgrade``."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def require_current(url: str, engine: Engine) -> bool:
    """For every command but init: the schema must be ours and up to date. Returns
    whether it was upgraded just now (SQLite only: PostgreSQL is refused)."""
    state, revision = probe(url, engine)
    refuse_unusable(url, state, revision)
    if state is SchemaState.EMPTY:
        raise NotInitialisedError(url)
    if state is SchemaState.BEHIND:
        if sqlite_path(url) is None:
            raise OutdatedSchemaError(revision or "?")
        upgrade(url, engine, to=head_revision())
        return True
    return False


def backup_sqlite(path: Path, revision: str | None, target: Path | None = None) -> Path:
    """Copy the database aside (with its WAL checkpointed) before changing its schema:
    to ``target``, or beside it (``<name>.bak-<revision>-<time>``)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target or path.with_name(f"{path.name}.bak-{revision or 'base'}-{stamp}")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


# Any number: the key of the advisory lock two upgrades of one PostgreSQL database queue on.
UPGRADE_LOCK = 4_402_307_001


def upgrade(url: str, engine: Engine, to: str = "head", *, copy_first: bool = True) -> Path | None:
    """Bring the schema to ``to``. Returns the backup file made first, if any (an
    SQLite file is copied aside unless ``copy_first`` is false)."""
    state, revision = probe(url, engine)
    refuse_unusable(url, state, revision)
    backup = None
    path = sqlite_path(url)
    if state is SchemaState.BEHIND and path is not None and copy_first:
        backup = backup_sqlite(path, revision)
    from alembic import command

    config = alembic_config()
    try:
        # One transaction for every step: a step the data refuses undoes them all.
        with engine.execution_options(liangxin_write=True).begin() as connection:
            if path is None:
                # A second upgrade started meanwhile waits here, then finds the schema
                # current (Alembic reads the version after the lock) instead of failing.
                connection.execute(select(func.pg_advisory_xact_lock(UPGRADE_LOCK)))
            config.attributes["connection"] = connection
            command.upgrade(config, to)
    except IntegrityError as exc:
        table, index = _constraint(exc)
        duplicate = "UNIQUE" in str(exc.orig) or getattr(exc.orig, "sqlstate", "") == "23505"
        target = head_revision() if to == "head" else to
        raise UpgradeConflictError(
            target, table, index, str(backup) if backup else None, str(exc.orig), duplicate
        ) from exc
    return backup


def _constraint(exc: IntegrityError) -> tuple[str, str]:
    """The table and the index (or constraint) a refused upgrade step tripped over."""
    diag = getattr(exc.orig, "diag", None)  # PostgreSQL names both
    if diag is not None and (diag.table_name or diag.constraint_name):
        return diag.table_name or "", diag.constraint_name or ""
    message = str(exc.orig)
    named = re.search(r"index '([^']+)'", message)
    if named:
        return "", named.group(1)
    # SQLite names the columns ("UNIQUE constraint failed: member.owner, member.id_number"):
    # find the index over them in the models, which is what the migration creates.
    found = re.search(r"constraint failed: ([\w.]+(?:, [\w.]+)*)", message)
    if not found:
        return "", ""
    columns = [c.split(".") for c in found.group(1).split(", ")]
    table = columns[0][0]
    names = [c[-1] for c in columns]
    import db.models  # noqa: F401 - registers every table on Base.metadata
    from db.base import Base

    model = Base.metadata.tables.get(table)
    for index in model.indexes if model is not None else ():
        if [c.name for c in index.columns] == names and index.name:
            return table, str(index.name)
    return table, "、".join(names)


# --- before a deliberate upgrade: what the new schema would refuse ---------------------
# Every unique index or constraint of the models that the database does not have yet is
# one a pending migration creates; rows that share its key would make that migration
# fail half-way. They are found (and named) before anything is changed. Nothing has to be
# registered here for a new migration: the models are the list. A migration that settles
# its own duplicates before creating its index (e.g. tombstones the later ones) names
# the index in SETTLED_BY_MIGRATION, so that they do not stop the upgrade.

SETTLED_BY_MIGRATION = frozenset(
    {  # 0006 keeps the worked-on task or appraisal of each pair and tombstones the rest
        "uq_task_rule_organization_live",
        "uq_task_rule_party_org_live",
        "uq_task_progress_live",
        "uq_appraisal_subject_live",
    }
)
DUPLICATE_GROUPS_MAX = 20  # groups named; a count says how many more there are
ROWS_PER_GROUP_MAX = 10
LABEL_COLUMNS = ("name", "title")  # what a person calls the record, where it has one
LITERAL = {"literal_binds": True}


@dataclass(frozen=True)
class DuplicateGroup:
    """Live rows that share the key of a unique index the upgrade would create."""

    table: str
    index: str
    columns: tuple[str, ...]
    values: tuple[object, ...]
    rows: tuple[tuple[str, str], ...]  # (id, name or title, "" where the table has none)
    count: int


@dataclass(frozen=True)
class _PendingUnique:
    table: Table
    name: str
    columns: tuple[str, ...]
    where: str  # the partial index's condition, in this database's SQL ("" for none)


def _pending_unique(conn: Connection) -> list[_PendingUnique]:
    import db.models  # noqa: F401 - registers every table on Base.metadata
    from db.base import Base

    found = inspect(conn)
    dialect = conn.dialect.name
    tables = set(found.get_table_names())
    pending: list[_PendingUnique] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            continue  # made by a pending migration: empty, nothing to collide
        there = {c["name"] for c in found.get_columns(table.name)}
        existing = [
            (i["name"], tuple(i["column_names"])) for i in found.get_indexes(table.name) if i["unique"]
        ]
        existing += [(u["name"], tuple(u["column_names"])) for u in found.get_unique_constraints(table.name)]
        names = {n for n, _ in existing}
        keys = {cols for _, cols in existing}
        wanted = [(i.name, i, i.columns) for i in table.indexes if i.unique]
        wanted += [(c.name, c, c.columns) for c in table.constraints if isinstance(c, UniqueConstraint)]
        for name, item, cols in wanted:
            columns = tuple(c.name for c in cols)
            if name in names or name in SETTLED_BY_MIGRATION or not set(columns) <= there:
                continue  # there already, settled, or on a column a pending migration adds
            options = item.dialect_options[dialect] if dialect in ("sqlite", "postgresql") else {}
            where = options.get("where")
            if where is None and columns in keys:
                continue  # the same key is already unique under another name
            sql = "" if where is None else str(where.compile(dialect=conn.dialect, compile_kwargs=LITERAL))
            label = name if isinstance(name, str) else f"uq_{table.name}_{'_'.join(columns)}"
            pending.append(_PendingUnique(table, label, columns, sql))
    return pending


def _groups(conn: Connection, item: _PendingUnique) -> tuple[list[DuplicateGroup], int]:
    table = item.table
    key = [table.c[c] for c in item.columns]
    live = [text(item.where)] if item.where else []
    live += [c.is_not(None) for c in key]  # NULLs never collide in a unique index
    shared = (
        select(*key, func.count().label("n"))
        .where(*live)
        .group_by(*key)
        .having(func.count() > 1)
        .order_by(func.count().desc(), *key)
    )
    total = conn.execute(select(func.count()).select_from(shared.order_by(None).subquery())).scalar() or 0
    there = {c["name"] for c in inspect(conn).get_columns(table.name)}
    label = next((table.c[c] for c in LABEL_COLUMNS if c in there), None)
    groups: list[DuplicateGroup] = []
    for *values, n in conn.execute(shared.limit(DUPLICATE_GROUPS_MAX)):
        rows = conn.execute(
            select(table.c.id, label if label is not None else table.c.id)
            .where(*live, and_(*(c == v for c, v in zip(key, values, strict=True))))
            .order_by(table.c.id)
            .limit(ROWS_PER_GROUP_MAX)
        ).all()
        named = tuple((str(r[0]), str(r[1]) if label is not None and r[1] is not None else "") for r in rows)
        groups.append(DuplicateGroup(table.name, item.name, item.columns, tuple(values), named, int(n)))
    return groups, int(total)


def duplicates_blocking_upgrade(engine: Engine) -> tuple[list[DuplicateGroup], int]:
    """The groups of rows a pending unique index would refuse (the first few of each
    index), and how many groups there are in all. Reads only."""
    found: list[DuplicateGroup] = []
    total = 0
    with engine.connect() as conn:
        for item in _pending_unique(conn):
            groups, count = _groups(conn, item)
            found += groups
            total += count
        conn.rollback()
    return found, total


# --- pg_dump ------------------------------------------------------------------------------


class BackupError(StorageError):
    """pg_dump could not write the backup; ``detail`` is what it said."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path))


# Where PostgreSQL installs its programs, when pg_dump is not on PATH.
if sys.platform == "win32":
    PG_DUMP_PATTERNS = [
        os.path.join(os.environ.get(v, ""), "PostgreSQL", "*", "bin", "pg_dump.exe")
        for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
        if os.environ.get(v)
    ]
else:
    PG_DUMP_PATTERNS = [
        "/usr/lib/postgresql/*/bin/pg_dump",
        "/usr/pgsql-*/bin/pg_dump",
        "/opt/homebrew/opt/postgresql@*/bin/pg_dump",
        "/usr/local/opt/postgresql@*/bin/pg_dump",
        "/Library/PostgreSQL/*/bin/pg_dump",
    ]


def find_pg_tool(name: str) -> Path | None:
    """``pg_dump`` or ``pg_restore`` on PATH, else the newest in the folders PostgreSQL
    installs into (a newer pg_dump reads older servers; an older one refuses newer servers)."""
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    found = [
        p
        for pattern in PG_DUMP_PATTERNS
        for p in glob.glob(pattern.replace("pg_dump", name))
        if os.access(p, os.X_OK)
    ]
    return Path(max(found, key=_version_key)) if found else None


def find_pg_dump() -> Path | None:
    return find_pg_tool("pg_dump")


def pg_conninfo(url: str) -> tuple[str, dict[str, str]]:
    """The connection string for pg_dump / pg_restore and their environment: the password
    goes by PGPASSWORD, never on a command line (which every user of the computer can read)."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    return parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False), env


def dump_postgresql(url: str, target: Path, pg_dump: Path) -> None:
    """Everything in the database, in pg_dump's custom format (``pg_restore`` reads it),
    written to ``target``."""
    conninfo, env = pg_conninfo(url)
    done = subprocess.run(
        [str(pg_dump), "--format=custom", "--no-password", f"--file={target}", f"--dbname={conninfo}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(done.stderr.strip() or f"pg_dump exited {done.returncode}")
