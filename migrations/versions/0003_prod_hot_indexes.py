"""indexes for the hot queries of big boxes

Revision ID: 0003_prod
Revises: 0002_ops

On PostgreSQL also trigram indexes (pg_trgm) for the participant and invitation
search (``LIKE '%…%'``); they exist only there and are listed in
``santa_core.db.DATABASE_ONLY_INDEXES`` so the model comparison leaves them be.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_prod"
down_revision: str | None = "0002_ops"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGRAM_INDEXES = {
    "ix_trgm_participants_display_name": ("participants", "lower(display_name)"),
    "ix_trgm_participants_nickname": ("participants", "lower(nickname)"),
    "ix_trgm_participants_email": ("participants", "email"),
    "ix_trgm_email_invites_email": ("email_invites", "email"),
}


def upgrade() -> None:
    op.create_index("ix_participants_box_email", "participants", ["box_id", "email"])
    op.create_index("ix_participants_box_created", "participants", ["box_id", "created_at", "id"])
    op.create_index("ix_households_box_created", "households", ["box_id", "created_at", "id"])
    op.create_index(
        "ix_email_invites_box_created", "email_invites", ["box_id", "created_at", "email"]
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, (table, expression) in TRIGRAM_INDEXES.items():
            op.execute(f"CREATE INDEX {name} ON {table} USING gin (({expression}) gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in TRIGRAM_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_index("ix_email_invites_box_created", table_name="email_invites")
    op.drop_index("ix_households_box_created", table_name="households")
    op.drop_index("ix_participants_box_created", table_name="participants")
    op.drop_index("ix_participants_box_email", table_name="participants")
