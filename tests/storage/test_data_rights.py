"""Data rights: the export holds exactly the owner's rows, erasure leaves none of them and all of everyone else's,
retention removes only old rows, and a first-release (v1) journal upgrades in place with every row kept.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, text

from rebond.storage import OWNED_TABLES, SCHEMA_VERSION, Database, Owner, Store
from tests.storage.conftest import ALICE, BOB, fill

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "journal_v1.sqlite3"
EXPECTED = {"applications": 2, "drafts": 3, "analyses": 2, "preferences": 1}


def raw_counts(raw: Engine, owner: Owner) -> dict[str, int]:
    """Rows per table for ``owner``, counted in the database itself, not through the Store."""
    with raw.connect() as conn:
        return {
            table: conn.execute(
                text(f"SELECT COUNT(*) FROM {table} WHERE owner_issuer = :i AND owner_subject = :s"),
                {"i": owner.issuer, "s": owner.subject},
            ).scalar_one()
            for table in OWNED_TABLES
        }


def test_the_export_holds_exactly_the_owners_rows(database: Database, raw: Engine) -> None:
    alice, bob = Store(database, ALICE), Store(database, BOB)
    made = fill(alice, "ALICE-ROWS")
    fill(bob, "BOB-ROWS")
    exported = json.loads(alice.export_json())
    assert exported["format"] == "rebond-export" and exported["schema_version"] == SCHEMA_VERSION
    assert exported["owner"] == {"issuer": ALICE.issuer, "subject": ALICE.subject}
    counts = {table: len(exported[table]) for table in OWNED_TABLES}
    assert counts == exported["counts"] == EXPECTED == raw_counts(raw, ALICE)
    assert sorted(row["id"] for row in exported["applications"]) == sorted(made["applications"])
    assert sorted(row["id"] for row in exported["drafts"]) == sorted(made["drafts"])
    assert sorted(row["id"] for row in exported["analyses"]) == sorted(made["analyses"])
    text = json.dumps(exported, ensure_ascii=False)
    assert "ALICE-ROWS" in text and "BOB-ROWS" not in text
    # Stored JSON comes out as JSON, ready to read: the request's context, the draft's body.
    assert exported["drafts"][0]["request"]["context"]["candidate_name"] == "Camille ALICE-ROWS"


def test_erasure_leaves_nothing_of_the_owner_and_everything_of_the_others(database: Database, raw: Engine) -> None:
    alice, bob, local = Store(database, ALICE), Store(database, BOB), Store(database, Owner.local())
    fill(alice, "ALICE")
    fill(bob, "BOB")
    fill(local, "LOCAL")
    bob_before, local_before = bob.export_all(), local.export_all()
    assert alice.erase_all() == EXPECTED
    assert raw_counts(raw, ALICE) == dict.fromkeys(OWNED_TABLES, 0)
    assert alice.counts() == dict.fromkeys(OWNED_TABLES, 0)
    for store, before in ((bob, bob_before), (local, local_before)):
        after = store.export_all()
        assert {k: v for k, v in after.items() if k != "exported_at"} == {
            k: v for k, v in before.items() if k != "exported_at"
        }
    with raw.connect() as conn:
        assert "ALICE" not in " ".join(str(row) for row in conn.execute(text("SELECT * FROM applications")))


def test_retention_removes_only_rows_older_than_the_limit(database: Database, raw: Engine) -> None:
    alice, bob = Store(database, ALICE), Store(database, BOB)
    old = fill(alice, "OLD")
    fill(bob, "RECENT")
    long_ago = (dt.datetime.now() - dt.timedelta(days=40)).isoformat(timespec="seconds")
    with raw.begin() as conn:
        then = {"then": long_ago, "app": old["applications"][0], "analysis": old["analyses"][1]}
        conn.execute(text("UPDATE applications SET updated_at = :then WHERE id = :app"), then)
        conn.execute(text("UPDATE drafts SET updated_at = :then WHERE application_id = :app"), then)
        conn.execute(text("UPDATE analyses SET created_at = :then WHERE id = :analysis"), then)
    bob_before = raw_counts(raw, BOB)

    removed = database.delete_older_than(30)

    # The old application went with its two drafts and its linked analysis; the old unlinked analysis too.
    assert removed == {"applications": 1, "drafts": 2, "analyses": 2, "preferences": 0}
    assert [app.id for app in alice.applications()] == [old["applications"][1]]
    assert raw_counts(raw, BOB) == bob_before
    assert database.delete_older_than(30) == dict.fromkeys(OWNED_TABLES, 0)


def test_a_v1_journal_upgrades_in_place_with_every_row_kept_for_the_local_owner(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copy(FIXTURE, path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 1
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("applications", "drafts", "analyses")}
    database = Database(path)
    local = Store(database, Owner.local())
    assert local.schema_version() == SCHEMA_VERSION
    assert local.counts() == {"applications": 2, "drafts": 3, "analyses": 2, "preferences": 0}
    assert Store(database, ALICE).counts() == dict.fromkeys(OWNED_TABLES, 0)
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        for table, rows in before.items():
            after = conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            assert [tuple(row[k] for k in row.keys() if not k.startswith("owner_")) for row in after] == rows
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # The upgraded unique key still merges the same application and draft instead of adding one.
    [first] = [d for d in local.drafts() if d.request.variant == 0 and d.request.context.company == "Desjardins"]
    assert local.save_draft(first.request, first.draft) == (first.application_id, first.id)
    assert local.counts()["drafts"] == 3
    # A second open of the upgraded file changes nothing.
    assert Store(Database(path), Owner.local()).counts() == local.counts()


def test_a_session_only_journal_never_touches_a_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    memory = Store(Database.in_memory(), Owner.local())
    fill(memory, "SESSION")
    assert memory.counts() == EXPECTED
    assert list(tmp_path.iterdir()) == []
