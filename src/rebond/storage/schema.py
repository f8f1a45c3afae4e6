"""The journal's tables. Every table carries its owner (issuer + subject), and every unique key includes it.

Version 1 (the first release) had no owners; ``upgrade_v1`` keeps its rows and gives them to the local owner.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 2

# Tables holding a person's rows, in the order an export lists them (and the reverse of erasure's).
OWNED_TABLES = ("applications", "drafts", "analyses", "preferences")

_OWNER_COLUMNS = """
    owner_issuer TEXT NOT NULL,
    owner_subject TEXT NOT NULL,"""

TABLES = f"""
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS applications (
    id INTEGER PRIMARY KEY,{_OWNER_COLUMNS}
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    candidate_name TEXT NOT NULL,
    recruiter_name TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    interview_date TEXT,
    context_json TEXT NOT NULL,
    sent_at TEXT,
    reply_received INTEGER NOT NULL DEFAULT 0,
    reply_received_at TEXT
);
CREATE TABLE IF NOT EXISTS drafts (
    id INTEGER PRIMARY KEY,{_OWNER_COLUMNS}
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    variant INTEGER NOT NULL,
    engine TEXT NOT NULL,
    request_json TEXT NOT NULL,
    draft_json TEXT NOT NULL,
    UNIQUE (owner_issuer, owner_subject, application_id, language, channel, variant, engine)
);
CREATE TABLE IF NOT EXISTS analyses (
    id INTEGER PRIMARY KEY,{_OWNER_COLUMNS}
    application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    categories TEXT NOT NULL,
    reply TEXT NOT NULL,
    analysis_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS preferences (
    owner_issuer TEXT NOT NULL,
    owner_subject TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    ui_language TEXT,
    tone_json TEXT,
    PRIMARY KEY (owner_issuer, owner_subject)
);
"""

INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS applications_identity
    ON applications (owner_issuer, owner_subject, candidate_name, company, role);
CREATE INDEX IF NOT EXISTS applications_owner ON applications (owner_issuer, owner_subject, updated_at);
CREATE INDEX IF NOT EXISTS drafts_owner ON drafts (owner_issuer, owner_subject, application_id);
CREATE INDEX IF NOT EXISTS analyses_owner ON analyses (owner_issuer, owner_subject, application_id);
"""


def create(conn: sqlite3.Connection) -> None:
    """Create every table and index that is missing (a new file, or the end of an upgrade)."""
    # One statement at a time: executescript() would commit the caller's open transaction first.
    for statement in (TABLES + INDEXES).split(";"):
        if statement.strip():
            conn.execute(statement)


def upgrade_v1(conn: sqlite3.Connection, local: tuple[str, str]) -> None:
    """v1 -> v2 in one transaction: owner columns on every row (the local owner), unique keys that include them.

    SQLite cannot change a table's constraints in place, so ``drafts`` is rebuilt:
    create the new table, copy, drop, rename (foreign keys are off on this connection).
    """
    issuer, subject = local
    conn.execute("DROP INDEX IF EXISTS applications_identity")
    for table in ("applications", "analyses"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN owner_issuer TEXT NOT NULL DEFAULT '{issuer}'")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN owner_subject TEXT NOT NULL DEFAULT '{subject}'")
    conn.execute("ALTER TABLE drafts RENAME TO drafts_v1")
    create(conn)
    conn.execute(
        "INSERT INTO drafts (id, owner_issuer, owner_subject, application_id, created_at, updated_at, language, "
        "channel, variant, engine, request_json, draft_json) SELECT id, ?, ?, application_id, created_at, "
        "updated_at, language, channel, variant, engine, request_json, draft_json FROM drafts_v1",
        (issuer, subject),
    )
    conn.execute("DROP TABLE drafts_v1")
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
