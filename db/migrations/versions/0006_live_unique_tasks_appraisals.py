"""One live task per campaign, rule and record; one live appraisal per template, year
and subject; one live state (task_progress) per task — each per station, over live
rows, like 0005's codes.

The services always checked first, but two clerks at the same moment on PostgreSQL
both passed the check (before writes took a lock first), so a database may hold such
pairs. They are not refused here: a clerk expects the upgrade to go through and to
lose nothing, so of each pair one stays live and the others are tombstoned
(``deleted = true``: the rows stay, and the journal says so, as if deleted by hand):
the one somebody worked on (a task moved off 待办, an appraisal made final or scored,
the state changed last), else the first one made. Tombstoning a task tombstones its
state too.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Worked-on first, then the oldest: the row kept is the first in this order.
TASK_ORDER = (
    "EXISTS (SELECT 1 FROM task_progress p WHERE p.task_id = t.id AND p.deleted = false"
    " AND p.status <> 'todo') DESC, t.created_at, t.id"
)
PROGRESS_ORDER = "t.updated_at DESC, t.created_at, t.id"
APPRAISAL_ORDER = "t.state = 'final' DESC, t.scores <> '{}' DESC, t.created_at, t.id"

# (index, table, columns after owner, which duplicate stays), in this order: tasks
# before their states, so a tombstoned task's state goes with it first.
INDEXES: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("uq_task_rule_organization_live", "task", ("campaign_id", "rule_id", "organization_id"), TASK_ORDER),
    ("uq_task_rule_party_org_live", "task", ("campaign_id", "rule_id", "party_org_id"), TASK_ORDER),
    ("uq_task_progress_live", "task_progress", ("task_id",), PROGRESS_ORDER),
    ("uq_appraisal_subject_live", "appraisal", ("template_id", "year", "subject_id"), APPRAISAL_ORDER),
)
BY = "liangxin"  # who the journal says tombstoned them: the program, while upgrading
TOMBSTONED = '{"deleted":[false,true]}'  # as db.journal.dump_changes writes it

JOURNAL = sa.table(
    "journal",
    sa.column("seq", sa.Integer),
    sa.column("table_name", sa.String),
    sa.column("row_id", sa.String),
    sa.column("op", sa.String),
    sa.column("owner", sa.String),
    sa.column("rev", sa.Integer),
    sa.column("changes", sa.Text),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("by", sa.String),
)


def _live(columns: Sequence[str], alias: str = "t.") -> str:
    """The rows an index covers (as db.models.register.live_unique words it)."""
    return " AND ".join([f"{alias}deleted = false", *(f"{alias}{c} IS NOT NULL" for c in columns)])


def _duplicates(conn: sa.Connection, table: str, columns: Sequence[str], order: str) -> list[str]:
    """The ids of every live row but the one kept, in groups that share the key."""
    key = ("owner", *columns)
    groups = conn.execute(
        sa.text(
            f"SELECT {', '.join(f't.{c}' for c in key)} FROM {table} t WHERE {_live(columns)}"
            f" GROUP BY {', '.join(f't.{c}' for c in key)} HAVING COUNT(*) > 1"
        )
    ).all()
    losers: list[str] = []
    match = " AND ".join(f"t.{c} = :k{i}" for i, c in enumerate(key))
    for group in groups:
        ids = conn.execute(
            sa.text(f"SELECT t.id FROM {table} t WHERE {_live(columns)} AND {match} ORDER BY {order}"),
            {f"k{i}": value for i, value in enumerate(group)},
        ).scalars()
        losers += list(ids)[1:]
    return losers


def _tombstone(conn: sa.Connection, table: str, ids: Sequence[str]) -> None:
    """Tombstone rows as a write would: next journal numbers, rev, stamps, one entry each."""
    if not ids:
        return
    last = conn.execute(
        sa.text("UPDATE counter SET value = value + :n WHERE name = 'journal' RETURNING value"),
        {"n": len(ids)},
    ).scalar_one()
    now = datetime.now(UTC)
    rows = sa.table(
        table,
        sa.column("id", sa.String),
        sa.column("owner", sa.String),
        sa.column("deleted", sa.Boolean),
        sa.column("rev", sa.Integer),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("updated_by", sa.String),
    )
    entries = []
    for seq, row_id in enumerate(ids, start=last - len(ids) + 1):
        owner = conn.execute(sa.select(rows.c.owner).where(rows.c.id == row_id)).scalar_one()
        conn.execute(
            sa.update(rows)
            .where(rows.c.id == row_id)
            .values(deleted=True, rev=seq, updated_at=now, updated_by=BY)
        )
        entries.append(
            {
                "seq": seq,
                "table_name": table,
                "row_id": row_id,
                "op": "delete",
                "owner": owner,
                "rev": seq,
                "changes": TOMBSTONED,
                "at": now,
                "by": BY,
            }
        )
    conn.execute(sa.insert(JOURNAL), entries)


def _states_of(conn: sa.Connection, task_ids: Sequence[str]) -> list[str]:
    if not task_ids:
        return []
    progress = sa.table(
        "task_progress",
        sa.column("id", sa.String),
        sa.column("task_id", sa.String),
        sa.column("deleted", sa.Boolean),
    )
    return list(
        conn.execute(
            sa.select(progress.c.id)
            .where(progress.c.task_id.in_(list(task_ids)), progress.c.deleted.is_(False))
            .order_by(progress.c.id)
        ).scalars()
    )


def upgrade() -> None:
    conn = op.get_bind()
    for name, table, columns, order in INDEXES:
        losers = _duplicates(conn, table, columns, order)
        if table == "task":
            _tombstone(conn, "task_progress", _states_of(conn, losers))
        _tombstone(conn, table, losers)
        where = sa.text(_live(columns, alias=""))
        op.create_index(
            name, table, ["owner", *columns], unique=True, sqlite_where=where, postgresql_where=where
        )


def downgrade() -> None:
    for name, table, _, _ in INDEXES:
        op.drop_index(name, table_name=table)
