"""Alembic's environment: always handed a connection by ``rebond.storage.migrate`` (never an ini file's URL)."""

from __future__ import annotations

from alembic import context

from rebond.storage.schema import metadata

connection = context.config.attributes["connection"]
# SQLite cannot alter a table's constraints: batch mode rebuilds the table (create, copy, drop, rename).
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
