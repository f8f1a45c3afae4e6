"""Schema 3: LLM use counted per person and per day (rebond.budget); on PostgreSQL, row-level security.

PostgreSQL only: every table gets a policy, keyed on the transaction-local setting ``rebond.owner`` (a JSON
array ``[issuer, subject]``, set by ``rebond.storage.database`` with ``set_config(..., true)`` = SET LOCAL).
The app role (``app_role`` attribute, default ``rebond_app``) gets rows only through those policies; it owns
nothing. Retention, which must see every owner's old rows, is a SECURITY DEFINER function of the owner role.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import context, op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OWNED = ("applications", "drafts", "analyses", "preferences", "llm_calls")
MINE = (
    "owner_issuer = (NULLIF(current_setting('rebond.owner', true), '')::jsonb ->> 0) "
    "AND owner_subject = (NULLIF(current_setting('rebond.owner', true), '')::jsonb ->> 1)"
)


def upgrade() -> None:
    op.create_table(
        "llm_calls",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("owner_issuer", sa.Text, nullable=False),
        sa.Column("owner_subject", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("day", sa.Text, nullable=False),
        sa.Column("tokens", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("llm_calls_owner", "llm_calls", ["owner_issuer", "owner_subject", "day", "at"])
    op.create_table(
        "llm_days",
        sa.Column("day", sa.Text, primary_key=True),
        sa.Column("tokens", sa.Integer, nullable=False, server_default="0"),
        sa.Column("requests", sa.Integer, nullable=False, server_default="0"),
    )
    op.execute("INSERT INTO schema_version (version) VALUES (3)")
    if op.get_bind().dialect.name == "postgresql":
        row_level_security(context.config.attributes.get("app_role", "rebond_app"))


def row_level_security(app: str) -> None:
    quoted = '"' + app.replace('"', '""') + '"'
    for table in OWNED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_owner ON {table} USING ({MINE}) WITH CHECK ({MINE})")
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {quoted}")
    # Shared rows that belong to no one: readable by the app, the day totals also writable.
    for table in ("schema_version", "alembic_version"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING (true)")
        op.execute(f"GRANT SELECT ON {table} TO {quoted}")
    op.execute("ALTER TABLE llm_days ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY llm_days_totals ON llm_days USING (true) WITH CHECK (true)")
    op.execute(f"GRANT SELECT, INSERT, UPDATE ON llm_days TO {quoted}")
    op.execute(f"GRANT USAGE ON SCHEMA public TO {quoted}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}")
    op.execute(
        """
        CREATE FUNCTION rebond_delete_older_than(cutoff text)
        RETURNS TABLE (table_name text, removed bigint)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE n bigint;
        BEGIN
            -- An application goes with its drafts and analyses (ON DELETE CASCADE): count before and after.
            CREATE TEMP TABLE IF NOT EXISTS rebond_before (t text, n bigint) ON COMMIT DROP;
            DELETE FROM rebond_before;
            INSERT INTO rebond_before SELECT 'applications', count(*) FROM applications
                UNION ALL SELECT 'drafts', count(*) FROM drafts UNION ALL SELECT 'analyses', count(*) FROM analyses
                UNION ALL SELECT 'preferences', count(*) FROM preferences;
            DELETE FROM applications WHERE updated_at < cutoff;
            DELETE FROM drafts WHERE updated_at < cutoff;
            DELETE FROM analyses WHERE created_at < cutoff;
            DELETE FROM preferences WHERE updated_at < cutoff;
            DELETE FROM llm_calls WHERE day < left(cutoff, 10);
            RETURN QUERY SELECT b.t, b.n - CASE b.t
                WHEN 'applications' THEN (SELECT count(*) FROM applications)
                WHEN 'drafts' THEN (SELECT count(*) FROM drafts)
                WHEN 'analyses' THEN (SELECT count(*) FROM analyses)
                ELSE (SELECT count(*) FROM preferences) END
                FROM rebond_before b;
        END $$
        """
    )
    op.execute("REVOKE ALL ON FUNCTION rebond_delete_older_than(text) FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION rebond_delete_older_than(text) TO {quoted}")


def downgrade() -> None:
    raise NotImplementedError("the journal only moves forward; restore a backup to go back")
