"""Alembic environment: migrations run on the connection `StateStore` passes in (never a URL of its own)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
# render_as_batch: SQLite changes tables by copying them, as Alembic's batch mode does
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
