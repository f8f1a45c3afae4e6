"""The journal's file: created on first use (WAL), checked before any write, upgraded in place; shared by every session.

A ``Database`` holds no person's data, only where the rows live, so one object may serve every
session (``st.cache_resource``). Rows are reached only through a ``Store`` bound to an owner.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rebond.storage import schema
from rebond.storage.owner import Owner

# Several sessions (threads) may open the journal first at the same moment; one creates it.
_CREATE_LOCK = threading.Lock()


class JournalUnusable(RuntimeError):
    """The file at the journal's path cannot be used as is (damaged, not a journal, or newer); it is left untouched."""


class Database:
    """One SQLite journal: a file, or (``Database.in_memory()``) rows that live only as long as this object."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self._ready = False
        self._memory: sqlite3.Connection | None = None
        self._memory_lock = threading.RLock()

    @classmethod
    def in_memory(cls) -> Database:
        """A journal kept in this process's memory only: for a session that must not touch the file."""
        db = cls(":memory:")
        db._memory = sqlite3.connect(":memory:", check_same_thread=False)
        db._memory.row_factory = sqlite3.Row
        db._memory.execute("PRAGMA foreign_keys = ON")
        schema.create(db._memory)
        db._memory.execute("INSERT INTO schema_version (version) VALUES (?)", (schema.SCHEMA_VERSION,))
        db._memory.commit()
        db._ready = True
        return db

    @property
    def is_memory(self) -> bool:
        return self._memory is not None

    @contextmanager
    def connect(self, immediate: bool = False) -> Iterator[sqlite3.Connection]:
        """A short transaction: committed on exit, rolled back on error. ``immediate`` takes the write lock first."""
        if self._memory is not None:
            with self._memory_lock, self._memory as conn:
                yield conn
            return
        if not self._ready:
            self._create()
        conn = sqlite3.connect(self.path, timeout=5)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        # With WAL, NORMAL never corrupts the file; it skips the fsync on each
        # commit, which is what made a slider move cost ~35 ms.
        conn.execute("PRAGMA synchronous = NORMAL")
        try:
            with conn:
                if immediate:
                    conn.execute("BEGIN IMMEDIATE")
                yield conn
        finally:
            conn.close()

    def _create(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _CREATE_LOCK:
            if self._ready:
                return
            conn = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            try:
                # Read first, write only once the file is known to be ours: a damaged
                # file, another program's database or a newer journal is never touched.
                current = self._check_existing(conn)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("BEGIN IMMEDIATE")
                try:
                    current = self._check_existing(conn)  # another process may have upgraded it meanwhile
                    if current == 1:
                        local = Owner.local()
                        schema.upgrade_v1(conn, (local.issuer, local.subject))
                    else:
                        schema.create(conn)
                        if current is None:
                            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (schema.SCHEMA_VERSION,))
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            except sqlite3.OperationalError:
                raise  # locked, read-only, no such directory: the file itself is fine
            except sqlite3.DatabaseError as exc:
                raise self._unusable(f"is damaged or is not a Rebond journal ({exc})") from None
            finally:
                conn.close()
            self._ready = True

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

    def _unusable(self, problem: str) -> JournalUnusable:
        return JournalUnusable(f"the journal at {self.path} {problem}; it was left untouched")

    def schema_version(self) -> int:
        """The schema version stored in the file."""
        with self.connect() as conn:
            return int(conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0])

    def delete_older_than(self, days: int, now: dt.datetime | None = None) -> dict[str, int]:
        """Retention, for the operator: every owner's rows last changed more than ``days`` ago; counts per table.

        An application goes with its drafts and analyses; a recent application keeps only its recent ones.
        """
        if days < 1:
            raise ValueError("retention must be at least one day")
        cutoff = ((now or dt.datetime.now()) - dt.timedelta(days=days)).isoformat(timespec="seconds")
        with self.connect(immediate=True) as conn:
            counts = {table: _count(conn, table) for table in schema.OWNED_TABLES}
            conn.execute("DELETE FROM applications WHERE updated_at < ?", (cutoff,))
            conn.execute("DELETE FROM drafts WHERE updated_at < ?", (cutoff,))
            conn.execute("DELETE FROM analyses WHERE created_at < ?", (cutoff,))
            conn.execute("DELETE FROM preferences WHERE updated_at < ?", (cutoff,))
            return {table: counts[table] - _count(conn, table) for table in schema.OWNED_TABLES}


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
