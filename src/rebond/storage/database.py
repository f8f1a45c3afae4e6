"""Where the journal lives: an SQLite file (the default) or PostgreSQL; shared by every session.

A ``Database`` holds no person's data, only a pooled SQLAlchemy engine, so one object may serve every
session (``st.cache_resource``). Rows are reached only through a ``Store`` bound to an owner, and every
transaction it runs is short and, on PostgreSQL, starts with ``SET LOCAL rebond.owner`` (row-level security).

SQLite: created on first use (WAL), checked before any write (a damaged file, another program's database or a
newer journal is never touched), upgraded in place by the migrations. PostgreSQL: the migrations run as the
owner role (``owner_url``); the app connects as a role that owns nothing and sees rows only through the policies.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool, StaticPool

from rebond.storage import migrate, schema
from rebond.storage.owner import Owner

T = TypeVar("T")

# Several sessions (threads) may open the journal first at the same moment; one creates it.
_CREATE_LOCK = threading.Lock()
# PostgreSQL: a serialization failure or a deadlock; the transaction is run again.
_RETRY_SQLSTATES = {"40001", "40P01"}
ATTEMPTS = 12
# Replicas starting together migrate one at a time (a transaction-scoped advisory lock).
_MIGRATION_LOCK = 0x7265626F6E64  # "rebond"


class JournalUnusable(RuntimeError):
    """The journal cannot be used as is (damaged, not a journal, newer, or not migrated); it is left untouched."""


def _is_url(target: str | Path) -> bool:
    return isinstance(target, str) and "://" in target


class Database:
    """One journal: an SQLite file, ``Database.in_memory()``, or a database URL (``postgresql+psycopg://...``)."""

    def __init__(self, target: str | Path, *, owner_url: str | None = None,
                 app_role: str = migrate.DEFAULT_APP_ROLE, pool_size: int = 5) -> None:  # fmt: skip
        self._memory_lock: threading.RLock | None = None
        self._ready = False
        self._owner_url = owner_url
        self._app_role = app_role
        self._pool_size = pool_size
        if _is_url(target):
            self.url = make_url(str(target))
            if self.url.get_backend_name() == "sqlite":
                self.path: Path | None = Path(self.url.database or "").expanduser()
                self.url = self.url.set(database=str(self.path))
            else:
                self.path = None
        else:
            self.path = Path(target).expanduser()
            self.url = make_url("sqlite://").set(database=str(self.path))
        self._engine: Engine | None = None

    @classmethod
    def in_memory(cls) -> Database:
        """A journal kept in this process's memory only: for a session that must not touch the file."""
        db = cls(":memory:")
        db._memory_lock = threading.RLock()
        db._engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
        _sqlite_events(db._engine)
        with db._engine.connect() as conn, conn.begin():
            migrate.upgrade(conn)
        db._ready = True
        return db

    @classmethod
    def from_settings(cls, settings: object) -> Database:
        """``REBOND_DATABASE_URL`` when set (with ``REBOND_DATABASE_OWNER_URL`` to migrate at start), else the file."""
        url = getattr(settings, "database_url", None)
        if url:
            owner = getattr(settings, "database_owner_url", None)
            return cls(url.get_secret_value() if hasattr(url, "get_secret_value") else url,
                       owner_url=owner.get_secret_value() if hasattr(owner, "get_secret_value") else owner)  # fmt: skip
        return cls(getattr(settings, "db_path"))

    @property
    def is_memory(self) -> bool:
        return self._memory_lock is not None

    @property
    def dialect(self) -> str:
        return self.url.get_backend_name()

    @property
    def where(self) -> str:
        """Where the journal is, for messages: the file, or the URL without its password."""
        return str(self.path) if self.path is not None else self.url.render_as_string(hide_password=True)

    @property
    def engine(self) -> Engine:
        if not self._ready:
            self._create()
        assert self._engine is not None
        return self._engine

    def dispose(self) -> None:
        """Close every pooled connection (tests, benchmarks, shutdown)."""
        if self._engine is not None:
            self._engine.dispose()

    # -- transactions --------------------------------------------------------

    @contextmanager
    def connect(self, owner: Owner | None = None, immediate: bool = False) -> Iterator[Connection]:
        """One short transaction: committed on exit, rolled back on error; no retry (see ``transaction``).

        ``immediate`` marks a read-then-write: SQLite takes the write lock first, PostgreSQL runs it SERIALIZABLE.
        On PostgreSQL ``owner`` is set for the transaction only (``SET LOCAL rebond.owner``), for the policies.
        """
        engine = self.engine
        lock = self._memory_lock or _NO_LOCK
        with lock, engine.connect() as conn:
            if self.dialect == "sqlite":
                conn.execution_options(rebond_begin="BEGIN IMMEDIATE" if immediate else "BEGIN")
            elif immediate:
                conn.execution_options(isolation_level="SERIALIZABLE")
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(
                        text("SELECT set_config('rebond.owner', :owner, true)"),
                        {"owner": json.dumps([owner.issuer, owner.subject]) if owner else ""},
                    )
                yield conn

    def transaction(self, body: Callable[[Connection], T], owner: Owner | None = None, immediate: bool = False) -> T:
        """Run ``body`` in one short transaction, again (with a short random pause) on a serialization failure."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with self.connect(owner, immediate) as conn:
                    return body(conn)
            except DBAPIError as exc:
                if attempt == ATTEMPTS or not _retryable(exc):
                    raise
                # Exponential backoff with jitter: many writers on a busy server spread out instead of colliding again.
                time.sleep(random.uniform(0.0, min(0.5, 0.004 * 2**attempt)))
        raise AssertionError("unreachable")

    # -- creation and migrations --------------------------------------------

    def _create(self) -> None:
        with _CREATE_LOCK:
            if self._ready:
                return
            if self.dialect == "sqlite":
                self._create_sqlite()
            else:
                self._create_server()
            self._ready = True

    def _create_sqlite(self) -> None:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        try:
            # Read first, write only once the file is known to be ours.
            self._check_existing(conn)
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            raise  # locked, read-only, no such directory: the file itself is fine
        except sqlite3.DatabaseError as exc:
            raise self._unusable(f"is damaged or is not a Rebond journal ({exc})") from None
        finally:
            conn.close()
        engine = create_engine(self.url, connect_args={"timeout": 5})
        _sqlite_events(engine)
        with engine.connect() as sa_conn:
            sa_conn.execution_options(rebond_begin="BEGIN IMMEDIATE")
            with sa_conn.begin():
                # Another process may have upgraded it meanwhile: check again under the write lock.
                self._check_existing(sa_conn.connection.driver_connection)
                migrate.upgrade(sa_conn, self._app_role)
        self._engine = engine

    def _check_existing(self, conn: sqlite3.Connection) -> int | None:
        """The stored schema version (None for a new, empty file); raises when the file must be left alone."""
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "schema_version" not in tables:
            raise self._unusable("is a database, but not a Rebond journal")
        current = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        if current is not None and current > schema.SCHEMA_VERSION:
            raise self._unusable(f"was written by a newer Rebond (schema {current}); update Rebond to open it")
        if (check := conn.execute("PRAGMA quick_check").fetchone()[0]) != "ok":
            raise self._unusable(f"is damaged ({check})")
        return current

    def _create_server(self) -> None:
        if self._owner_url:
            upgrade(self._owner_url, self._app_role)
        engine = create_engine(self.url, pool_size=self._pool_size, max_overflow=10, pool_pre_ping=True)
        with engine.connect() as conn:
            version = conn.execute(text("SELECT MAX(version) FROM schema_version")).scalar()
        if version != schema.SCHEMA_VERSION:
            engine.dispose()
            raise self._unusable(
                f"has schema {version}, this Rebond needs {schema.SCHEMA_VERSION}: "
                "run `python -m rebond.storage upgrade` as the owner role"
            )
        self._engine = engine

    def _unusable(self, problem: str) -> JournalUnusable:
        return JournalUnusable(f"the journal at {self.where} {problem}; it was left untouched")

    # -- operator's work -----------------------------------------------------

    def schema_version(self) -> int:
        """The schema version stored in the journal."""
        return int(self.transaction(lambda conn: conn.execute(text("SELECT MAX(version) FROM schema_version")).scalar()))

    def delete_older_than(self, days: int, now: dt.datetime | None = None) -> dict[str, int]:
        """Retention, for the operator: every owner's rows last changed more than ``days`` ago; counts per table.

        An application goes with its drafts and analyses; a recent application keeps only its recent ones.
        On PostgreSQL the app role sees no one's rows, so this runs as the owner role's function.
        """
        if days < 1:
            raise ValueError("retention must be at least one day")
        cutoff = ((now or dt.datetime.now()) - dt.timedelta(days=days)).isoformat(timespec="seconds")

        def on_server(conn: Connection) -> dict[str, int]:
            rows = conn.execute(text("SELECT table_name, removed FROM rebond_delete_older_than(:cutoff)"),
                                {"cutoff": cutoff})  # fmt: skip
            removed = {name: int(n) for name, n in rows}
            return {table: removed[table] for table in schema.OWNED_TABLES}

        def on_file(conn: Connection) -> dict[str, int]:
            counts = {table: _count(conn, table) for table in schema.OWNED_TABLES}
            conn.execute(text("DELETE FROM applications WHERE updated_at < :cutoff"), {"cutoff": cutoff})
            conn.execute(text("DELETE FROM drafts WHERE updated_at < :cutoff"), {"cutoff": cutoff})
            conn.execute(text("DELETE FROM analyses WHERE created_at < :cutoff"), {"cutoff": cutoff})
            conn.execute(text("DELETE FROM preferences WHERE updated_at < :cutoff"), {"cutoff": cutoff})
            conn.execute(text("DELETE FROM llm_calls WHERE day < :day"), {"day": cutoff[:10]})
            return {table: counts[table] - _count(conn, table) for table in schema.OWNED_TABLES}

        return self.transaction(on_server if self.dialect == "postgresql" else on_file, immediate=True)


def upgrade(owner_url: str, app_role: str = migrate.DEFAULT_APP_ROLE) -> bool:
    """Migrate a PostgreSQL database as its owner role, one replica at a time; False when it was current."""
    engine = create_engine(owner_url, poolclass=NullPool)
    try:
        with engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            return migrate.upgrade(conn, app_role)
    finally:
        engine.dispose()


def _retryable(exc: DBAPIError) -> bool:
    if getattr(exc.orig, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig)


def _sqlite_events(engine: Engine) -> None:
    """Foreign keys on, NORMAL sync (safe with WAL), and transactions begun by us (``BEGIN IMMEDIATE`` when asked)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # the driver begins nothing itself: the "begin" event does
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        # With WAL, NORMAL never corrupts the file; it skips the fsync on each commit.
        dbapi_connection.execute("PRAGMA synchronous = NORMAL")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get("rebond_begin", "BEGIN"))


def _count(conn: Connection, table: str) -> int:
    return int(conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() or 0)


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_NO_LOCK = _NoLock()
