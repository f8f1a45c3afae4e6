"""The two backends: the migrations build exactly the one schema definition (new, upgraded from schema 1 or 2, and on
PostgreSQL); a journal of the current release upgrades with every row kept; concurrent writers lose nothing; and on
PostgreSQL, row-level security is the second lock: a query that forgets its owner filter returns nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from rebond.compose import compose
from rebond.storage import OWNED_TABLES, SCHEMA_VERSION, Database, Owner, Store
from rebond.storage.schema import APP_TABLES, metadata
from tests.storage.conftest import ALICE, BOB, ISSUER, fill, request

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def shape(engine: Engine) -> dict[str, object]:
    """What the database has, table by table: columns (nullable), indexes, unique keys, foreign keys."""
    found = inspect(engine)
    tables = {}
    for table in metadata.tables:
        uniques = {tuple(u["column_names"]) for u in found.get_unique_constraints(table)}
        uniques |= {tuple(i["column_names"]) for i in found.get_indexes(table) if i["unique"]}
        pk = tuple(found.get_pk_constraint(table)["constrained_columns"])
        tables[table] = {
            # SQLite reports a v1 file's INTEGER PRIMARY KEY as nullable; it never holds NULL (it is the rowid).
            "columns": {c["name"]: bool(c["nullable"]) and c["name"] not in pk for c in found.get_columns(table)},
            "primary key": pk,
            "indexes": {i["name"]: tuple(i["column_names"]) for i in found.get_indexes(table) if not i["unique"]},
            "unique": uniques,
            "foreign keys": {(tuple(f["constrained_columns"]), f["referred_table"]) for f in found.get_foreign_keys(table)},
        }
    return tables


def defined() -> dict[str, object]:
    """The same, read from ``rebond.storage.schema``."""
    tables = {}
    for name, table in metadata.tables.items():
        uniques = {tuple(c.name for c in u.columns) for u in table.constraints if u.__class__.__name__ == "UniqueConstraint"}
        uniques |= {tuple(c.name for c in i.columns) for i in table.indexes if i.unique}
        pk = tuple(c.name for c in table.primary_key.columns)
        tables[name] = {
            "columns": {c.name: bool(c.nullable) and c.name not in pk for c in table.columns},
            "primary key": pk,
            "indexes": {i.name: tuple(c.name for c in i.columns) for i in table.indexes if not i.unique},
            "unique": uniques,
            "foreign keys": {((f.parent.name,), f.column.table.name) for f in table.foreign_keys},
        }
    return tables


@pytest.mark.parametrize("start", ["new file", "schema 1 file", "schema 2 file"])
def test_the_migrations_build_the_one_schema_on_sqlite(tmp_path: Path, start: str) -> None:
    path = tmp_path / "journal.sqlite3"
    if start != "new file":
        shutil.copy(FIXTURES / f"journal_v{start[7]}.sqlite3", path)
    database = Database(path)
    assert database.schema_version() == SCHEMA_VERSION
    assert shape(database.engine) == defined()
    database.dispose()


def test_the_migrations_build_the_one_schema_on_postgresql(postgres) -> None:
    engine = create_engine(postgres.owner_url, poolclass=NullPool)
    try:
        assert shape(engine) == defined()
    finally:
        engine.dispose()


def test_a_journal_of_the_current_release_upgrades_with_every_row_kept(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copy(FIXTURES / "journal_v2.sqlite3", path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 2
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in OWNED_TABLES}
    database = Database(path)
    assert database.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(path) as conn:
        for table, rows in before.items():
            assert conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() == rows, table
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    alice = Store(database, ALICE)
    assert alice.counts() == {"applications": 2, "drafts": 3, "analyses": 2, "preferences": 1}
    assert "ALICE-V2" in alice.export_json() and "LOCAL-V2" not in alice.export_json()
    assert Store(database, Owner.local()).counts()["applications"] == 2
    database.dispose()


def test_two_replicas_with_20_concurrent_writers_each_lose_nothing_and_double_nothing(database: Database) -> None:
    """Two app servers (two engines, two pools, nothing shared in memory) with 20 writers each, all at once,
    saving their own applications and one shared application: the exact row counts after."""
    replicas = [database, Database(database.url.render_as_string(hide_password=False))]
    per_replica, rounds, owners = 20, 3, 4
    writers = per_replica * len(replicas)
    shared = request("SHARED", "Desjardins")
    errors: list[BaseException] = []
    start = threading.Barrier(writers)

    def write(n: int) -> None:
        store = Store(replicas[n % len(replicas)], Owner(ISSUER, f"writer-{n % owners}"))
        try:
            start.wait()
            for r in range(rounds):
                own = request(f"W{n}", f"Entreprise {n}", variant=r)
                store.save_draft(own, compose(own))
                store.save_draft(shared, compose(shared))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    replicas[1].dispose()
    assert not errors, errors[:3]
    totals = {"applications": 0, "drafts": 0}
    for owner in range(owners):
        counts = Store(database, Owner(ISSUER, f"writer-{owner}")).counts()
        totals = {table: totals[table] + counts[table] for table in totals}
    # Per writer: one own application with `rounds` drafts; per owner: one shared application with one draft.
    assert totals == {"applications": writers + owners, "drafts": writers * rounds + owners}


# -- row-level security (PostgreSQL) ---------------------------------------------------------------------------------


def test_an_unfiltered_query_as_the_app_role_returns_no_other_owners_rows(postgres) -> None:
    database = Database(postgres.app_url)
    fill(Store(database, ALICE), "RLS-ALICE")
    fill(Store(database, BOB), "RLS-BOB")
    try:
        with database.connect(BOB) as conn:  # SET LOCAL rebond.owner = Bob, then no owner filter at all
            for table in OWNED_TABLES:
                rows = [dict(r) for r in conn.execute(text(f"SELECT * FROM {table}")).mappings()]
                assert rows, f"Bob sees his own {table}"
                assert {(r["owner_issuer"], r["owner_subject"]) for r in rows} == {(BOB.issuer, BOB.subject)}, table
                assert "RLS-ALICE" not in str(rows)
            # Writing another owner's rows, or rows in another's name, is refused too.
            assert conn.execute(text("UPDATE applications SET role = 'x' WHERE owner_subject = :s"),
                                {"s": ALICE.subject}).rowcount == 0  # fmt: skip
            assert conn.execute(text("DELETE FROM drafts")).rowcount == 3  # his own three, none of Alice's
        with pytest.raises(DBAPIError, match="row-level security"):
            with database.connect(BOB) as conn:
                conn.execute(text(
                    "INSERT INTO preferences (owner_issuer, owner_subject, updated_at) VALUES (:i, :s, 'now')"
                ), {"i": ALICE.issuer, "s": "someone-else"})  # fmt: skip
        with database.connect(None) as conn:  # no owner set: nothing at all
            for table in OWNED_TABLES:
                assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one() == 0, table
        assert Store(database, ALICE).counts() == {"applications": 2, "drafts": 3, "analyses": 2, "preferences": 1}
    finally:
        database.dispose()


def test_the_app_role_owns_nothing_and_cannot_bypass_row_level_security(postgres) -> None:
    role = postgres.psql("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'rebond_app'")
    assert role.strip() == "f|f"
    owned = postgres.psql(
        "SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
        "WHERE r.rolname = 'rebond_app' AND c.relnamespace = 'public'::regnamespace"
    )
    assert owned.strip() == ""
    for table in (*APP_TABLES, "alembic_version"):
        secured = postgres.psql(f"SELECT relrowsecurity FROM pg_class WHERE oid = 'public.{table}'::regclass")
        policies = postgres.psql(f"SELECT count(*) FROM pg_policies WHERE tablename = '{table}'")
        assert secured.strip() == "t" and int(policies) >= 1, table
    # Every table the schema defines is under a policy.
    assert set(metadata.tables) <= set(APP_TABLES)
    # The app role cannot change the schema.
    with pytest.raises(DBAPIError):
        engine = create_engine(postgres.app_url, poolclass=NullPool)
        try:
            with engine.begin() as conn:
                conn.execute(text("ALTER TABLE applications DISABLE ROW LEVEL SECURITY"))
        finally:
            engine.dispose()


def test_the_form_restores_the_newest_draft_of_its_own_owner_only(database: Database) -> None:
    """``latest_request`` reads one row: the owner's most recently saved draft, never another person's."""
    alice, bob = Store(database, ALICE), Store(database, BOB)
    assert alice.latest_request() is None
    made = fill(alice, "LATEST-A")
    newest = request("LATEST-A", "Hydro LATEST-A")
    assert alice.latest_request() == newest == alice.drafts()[0].request
    assert made["request"] != newest  # the first one saved is not the one restored
    assert bob.latest_request() is None
    bob.save_draft(request("LATEST-B"), compose(request("LATEST-B")))
    assert bob.latest_request() == request("LATEST-B") and alice.latest_request() == newest
