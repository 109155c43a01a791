"""Appraisal templates as immutable versions; the shipped ones under fixed ids.

Until now each database seeded the three shipped templates under ids of its own, so
the district would hold one "述职评议考核" per station after merging. A shipped
template that nobody changed (version 1, the shipped text, never journaled) is
replaced here by the row every database now holds: a fixed id made from its code and
version, owned by the program (``liangxin``). Appraisals that pointed at the old row
point at the fixed one; this station's own are journaled as a change (like 0006's
tombstones), so the district learns the new pointer. Any other template row stays as
it is: a version the station owns. Then one live row per owner, code and version.

The fixed ids, the owner and the shipped texts' digests are written out here, not
imported: this step must do tomorrow what it does today, whatever later versions of
the program ship.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BUILTIN_OWNER = "liangxin"  # as db.models.appraisal.BUILTIN_OWNER
BUILTIN_NAMESPACE = uuid.UUID("28f58f89-6772-4986-b3a2-ecea29f1cec2")  # as db.models.appraisal
# sha256 of each shipped file's text as version 1 of the program seeded it.
SHIPPED_V1 = {
    "review": "e723e6669c83809ad1711358afe1fc5e40afb4e3b3bfe04eccd2e8f0372f0ad6",
    "star_rating": "d9106a27e787a153d24db49b8f617be1b8957eab8e7fc54e635e597f13f306df",
    "health_check": "583cb1458366bcc0cf1a41570c1682dd930549b2a58da1a3d9f59eee11842098",
}
# db/migrations/versions/ -> the root that holds resources/, in the source tree and in
# the frozen build alike (both carry db/migrations and resources side by side).
TEMPLATES = Path(__file__).resolve().parents[3] / "resources" / "templates"
BY = "liangxin"  # who the journal says repointed the appraisals: the program, upgrading
LIVE = sa.text("deleted = false AND code IS NOT NULL AND version IS NOT NULL")

TEMPLATE = sa.table(
    "appraisal_template",
    sa.column("id", sa.String),
    sa.column("owner", sa.String),
    sa.column("rev", sa.Integer),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
    sa.column("updated_by", sa.String),
    sa.column("deleted", sa.Boolean),
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("version", sa.Integer),
    sa.column("body", sa.Text),
)
APPRAISAL = sa.table(
    "appraisal",
    sa.column("id", sa.String),
    sa.column("owner", sa.String),
    sa.column("rev", sa.Integer),
    sa.column("updated_at", sa.DateTime(timezone=True)),
    sa.column("updated_by", sa.String),
    sa.column("template_id", sa.String),
)
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


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fixed_id(code: str) -> str:
    return str(uuid.uuid5(BUILTIN_NAMESPACE, f"{code}:1"))


def _shipped_v1(code: str) -> str | None:
    """The shipped file's text if it still is version 1 (a later program may ship another)."""
    try:
        text = (TEMPLATES / f"{code}.json").read_text(encoding="utf-8")
    except OSError:
        return None
    return text if _digest(text) == SHIPPED_V1[code] else None


def _repoint(conn: sa.Connection, station: str | None, old_ids: list[str], fixed: str, now: datetime) -> None:
    """Appraisals of the replaced rows onto the fixed one. This station's own are changed
    as a write would (next journal number, rev, one entry each); another station's copy
    keeps its rev, since its owner's upgrade makes the same change and sends it."""
    found = conn.execute(
        sa.select(APPRAISAL.c.id, APPRAISAL.c.owner, APPRAISAL.c.template_id)
        .where(APPRAISAL.c.template_id.in_(old_ids))
        .order_by(APPRAISAL.c.id)
    ).all()
    if not found:
        return
    others = [row_id for row_id, owner, _ in found if owner != station]
    if others:
        conn.execute(sa.update(APPRAISAL).where(APPRAISAL.c.id.in_(others)).values(template_id=fixed))
    own = [(row_id, old) for row_id, owner, old in found if owner == station]
    if not own:
        return
    last = conn.execute(
        sa.text("UPDATE counter SET value = value + :n WHERE name = 'journal' RETURNING value"),
        {"n": len(own)},
    ).scalar_one()
    entries = []
    for seq, (row_id, old) in enumerate(own, start=last - len(own) + 1):
        conn.execute(
            sa.update(APPRAISAL)
            .where(APPRAISAL.c.id == row_id)
            .values(template_id=fixed, rev=seq, updated_at=now, updated_by=BY)
        )
        entries.append(
            {
                "seq": seq,
                "table_name": "appraisal",
                "row_id": row_id,
                "op": "update",
                "owner": station,
                "rev": seq,
                # as db.journal.dump_changes writes it
                "changes": json.dumps({"template_id": [old, fixed]}, separators=(",", ":")),
                "at": now,
                "by": BY,
            }
        )
    conn.execute(sa.insert(JOURNAL), entries)


def _convert(conn: sa.Connection, station: str | None, code: str, now: datetime) -> None:
    fixed = _fixed_id(code)
    candidates = conn.execute(
        sa.select(TEMPLATE).where(
            TEMPLATE.c.code == code,
            TEMPLATE.c.version == 1,
            TEMPLATE.c.rev == 0,  # seeded beside the journal: never sent anywhere
            TEMPLATE.c.deleted.is_(False),
            TEMPLATE.c.id != fixed,
        )
    ).all()
    pristine = [r for r in candidates if _digest(r.body) == SHIPPED_V1[code]]
    rows = set(conn.execute(sa.select(TEMPLATE.c.id).where(TEMPLATE.c.code == code)).scalars())
    if not rows:
        return  # a new database, or one without this template yet: the program seeds it
    if fixed not in rows:
        body = pristine[0].body if pristine else _shipped_v1(code)
        if body is not None:  # else the program seeds what it ships after upgrading
            name = pristine[0].name if pristine else json.loads(body)["name"]
            created = min((r.created_at for r in pristine), default=now)
            conn.execute(
                sa.insert(TEMPLATE).values(
                    id=fixed,
                    owner=BUILTIN_OWNER,
                    rev=0,
                    created_at=created,
                    updated_at=now,
                    updated_by=BUILTIN_OWNER,
                    deleted=False,
                    code=code,
                    name=name,
                    version=1,
                    body=body,
                )
            )
    if not pristine:
        return
    old_ids = [r.id for r in pristine]
    _repoint(conn, station, old_ids, fixed, now)
    conn.execute(sa.delete(TEMPLATE).where(TEMPLATE.c.id.in_(old_ids)))


def upgrade() -> None:
    conn = op.get_bind()
    station = conn.execute(sa.text("SELECT code FROM station WHERE is_self = :yes"), {"yes": True}).scalar()
    now = datetime.now(UTC)
    for code in SHIPPED_V1:
        _convert(conn, station, code, now)
    op.create_index(
        "uq_appraisal_template_version_live",
        "appraisal_template",
        ["owner", "code", "version"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )


def downgrade() -> None:
    # The fixed ids stay: an older program finds the shipped templates by code.
    op.drop_index("uq_appraisal_template_version_live", table_name="appraisal_template")
