"""The journal's tables, defined once (SQLAlchemy Core) for SQLite and PostgreSQL.

Every table holding a person's rows carries its owner (issuer + subject), and every unique key includes it.
The migrations (``rebond/storage/migrations``) build exactly this; a test compares the two on both backends.
Version 1 (the first release) had no owners; migration 0002 keeps its rows and gives them to the local owner.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, Table, Text, UniqueConstraint

# What ``schema_version`` holds: a Rebond that finds a larger number leaves the file alone.
SCHEMA_VERSION = 3

# Tables holding a person's rows, in the order an export lists them (and the reverse of erasure's).
OWNED_TABLES = ("applications", "drafts", "analyses", "preferences")
# Rows that are a person's but not their journal: LLM use counted against their budget (rebond.budget).
USAGE_TABLES = ("llm_calls",)
# The export's order within each table.
ORDER = {"applications": "id", "drafts": "id", "analyses": "id", "preferences": "owner_subject", "llm_calls": "id"}

metadata = MetaData()


def _owner() -> list[Column]:
    return [Column("owner_issuer", Text, nullable=False), Column("owner_subject", Text, nullable=False)]


schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

applications = Table(
    "applications",
    metadata,
    Column("id", Integer, primary_key=True),
    *_owner(),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("candidate_name", Text, nullable=False),
    Column("recruiter_name", Text, nullable=False, server_default=""),
    Column("company", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("interview_date", Text),
    Column("context_json", Text, nullable=False),
    Column("sent_at", Text),
    Column("reply_received", Integer, nullable=False, server_default="0"),
    Column("reply_received_at", Text),
    Index("applications_identity", "owner_issuer", "owner_subject", "candidate_name", "company", "role", unique=True),
    Index("applications_owner", "owner_issuer", "owner_subject", "updated_at"),
)

drafts = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    *_owner(),
    Column("application_id", Integer, ForeignKey("applications.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("language", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("variant", Integer, nullable=False),
    Column("engine", Text, nullable=False),
    Column("request_json", Text, nullable=False),
    Column("draft_json", Text, nullable=False),
    UniqueConstraint(
        "owner_issuer", "owner_subject", "application_id", "language", "channel", "variant", "engine",
        name="drafts_identity",
    ),  # fmt: skip
    Index("drafts_owner", "owner_issuer", "owner_subject", "application_id"),
)

analyses = Table(
    "analyses",
    metadata,
    Column("id", Integer, primary_key=True),
    *_owner(),
    Column("application_id", Integer, ForeignKey("applications.id", ondelete="CASCADE")),
    Column("created_at", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("categories", Text, nullable=False),
    Column("reply", Text, nullable=False),
    Column("analysis_json", Text, nullable=False),
    Index("analyses_owner", "owner_issuer", "owner_subject", "application_id"),
)

preferences = Table(
    "preferences",
    metadata,
    Column("owner_issuer", Text, primary_key=True),
    Column("owner_subject", Text, primary_key=True),
    Column("updated_at", Text, nullable=False),
    Column("ui_language", Text),
    Column("tone_json", Text),
)

# One row per LLM call a person made: when (UTC, ISO), the UTC day, and the tokens it used (rebond.budget).
llm_calls = Table(
    "llm_calls",
    metadata,
    Column("id", Integer, primary_key=True),
    *_owner(),
    Column("at", Text, nullable=False),
    Column("day", Text, nullable=False),
    Column("tokens", Integer, nullable=False, server_default="0"),
    Index("llm_calls_owner", "owner_issuer", "owner_subject", "day", "at"),
)

# The operator-wide total per UTC day: no person's data, one row a day, locked while a call is admitted.
llm_days = Table(
    "llm_days",
    metadata,
    Column("day", Text, primary_key=True),
    Column("tokens", Integer, nullable=False, server_default="0"),
    Column("requests", Integer, nullable=False, server_default="0"),
)

# Every table the app role reads or writes, each under a row-level security policy on PostgreSQL.
APP_TABLES = ("schema_version", *OWNED_TABLES, *USAGE_TABLES, "llm_days")
