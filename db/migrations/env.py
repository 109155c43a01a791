"""Alembic environment. The connection is handed in by ``db.migrate`` (so a frozen
build needs no alembic.ini); batch mode keeps SQLite's ALTER limitations hidden."""

from __future__ import annotations

from alembic import context

import db.models  # noqa: F401  (registers every table)
from db.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through db.migrate, which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
