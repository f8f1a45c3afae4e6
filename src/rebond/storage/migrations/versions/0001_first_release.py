"""Schema 1, the first release: applications, drafts, analyses; no owners.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("schema_version", sa.Column("version", sa.Integer, nullable=False))
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("candidate_name", sa.Text, nullable=False),
        sa.Column("recruiter_name", sa.Text, nullable=False, server_default=""),
        sa.Column("company", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("interview_date", sa.Text),
        sa.Column("context_json", sa.Text, nullable=False),
        sa.Column("sent_at", sa.Text),
        sa.Column("reply_received", sa.Integer, nullable=False, server_default="0"),
        sa.Column("reply_received_at", sa.Text),
    )
    op.create_index("applications_identity", "applications", ["candidate_name", "company", "role"], unique=True)
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("language", sa.Text, nullable=False),
        sa.Column("channel", sa.Text, nullable=False),
        sa.Column("variant", sa.Integer, nullable=False),
        sa.Column("engine", sa.Text, nullable=False),
        sa.Column("request_json", sa.Text, nullable=False),
        sa.Column("draft_json", sa.Text, nullable=False),
        sa.UniqueConstraint("application_id", "language", "channel", "variant", "engine", name="drafts_identity_v1"),
    )
    op.create_table(
        "analyses",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id", ondelete="CASCADE")),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("categories", sa.Text, nullable=False),
        sa.Column("reply", sa.Text, nullable=False),
        sa.Column("analysis_json", sa.Text, nullable=False),
    )
    op.execute("INSERT INTO schema_version (version) VALUES (1)")


def downgrade() -> None:
    raise NotImplementedError("the journal only moves forward; restore a backup to go back")
