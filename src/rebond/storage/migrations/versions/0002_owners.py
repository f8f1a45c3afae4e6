"""Schema 2, hosted mode: owner columns (issuer + subject) on every row, unique keys that include them, preferences.

Rows of a first-release journal go to the local owner (personal mode's one person).

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LOCAL = "local"  # rebond.storage.owner.LOCAL, frozen here as this migration wrote it


def upgrade() -> None:
    op.drop_index("applications_identity", table_name="applications")
    for table in ("applications", "drafts", "analyses"):
        # Batch mode: SQLite rebuilds the table (the unnamed v1 unique key of a first-release file goes with it).
        with op.batch_alter_table(
            table, recreate="always" if table == "drafts" else "auto",
            naming_convention={"uq": "%(table_name)s_identity_v1"},
        ) as batch:  # fmt: skip
            batch.add_column(sa.Column("owner_issuer", sa.Text, nullable=False, server_default=LOCAL))
            batch.add_column(sa.Column("owner_subject", sa.Text, nullable=False, server_default=LOCAL))
            if table == "drafts":
                batch.drop_constraint("drafts_identity_v1", type_="unique")
                batch.create_unique_constraint(
                    "drafts_identity",
                    ["owner_issuer", "owner_subject", "application_id", "language", "channel", "variant", "engine"],
                )
    op.create_index(
        "applications_identity", "applications",
        ["owner_issuer", "owner_subject", "candidate_name", "company", "role"], unique=True,
    )  # fmt: skip
    op.create_index("applications_owner", "applications", ["owner_issuer", "owner_subject", "updated_at"])
    op.create_index("drafts_owner", "drafts", ["owner_issuer", "owner_subject", "application_id"])
    op.create_index("analyses_owner", "analyses", ["owner_issuer", "owner_subject", "application_id"])
    op.create_table(
        "preferences",
        sa.Column("owner_issuer", sa.Text, primary_key=True),
        sa.Column("owner_subject", sa.Text, primary_key=True),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("ui_language", sa.Text),
        sa.Column("tone_json", sa.Text),
    )
    op.execute("INSERT INTO schema_version (version) VALUES (2)")


def downgrade() -> None:
    raise NotImplementedError("the journal only moves forward; restore a backup to go back")
