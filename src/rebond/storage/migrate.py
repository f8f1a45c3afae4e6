"""Bring a database to the current schema with Alembic (``migrations/``), on a connection the caller opened.

A journal written before Alembic (schema 1 or 2, with only its ``schema_version`` table) is stamped at the
revision it already has, then upgraded: every row is kept.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_APP_ROLE = "rebond_app"


def _config(connection: Connection, app_role: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    config.attributes["app_role"] = app_role
    return config


_HEAD: list[str] = []  # read once from the shipped migrations (no functools cache in the storage layer)


def head() -> str:
    """The newest revision the migrations know."""
    if not _HEAD:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        _HEAD.append(str(ScriptDirectory.from_config(config).get_current_head()))
    return _HEAD[0]


def current(connection: Connection) -> str | None:
    """The revision this database is at: Alembic's, else the one its ``schema_version`` names; None when empty."""
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is not None:
        return revision
    if inspect(connection).has_table("schema_version"):
        version = connection.execute(text("SELECT MAX(version) FROM schema_version")).scalar()
        return f"{int(version):04d}" if version else None
    return None


def upgrade(connection: Connection, app_role: str = DEFAULT_APP_ROLE) -> bool:
    """Upgrade to the newest revision inside the caller's transaction; False when there was nothing to do."""
    at = current(connection)
    if at == head():
        return False
    config = _config(connection, app_role)
    if at is not None and MigrationContext.configure(connection).get_current_revision() is None:
        command.stamp(config, at)  # a journal from before Alembic: it is at the revision its version names
    command.upgrade(config, "head")
    return True
