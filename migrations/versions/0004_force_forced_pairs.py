"""forced pairs: an organizer's rule that a santa must give to a giftee

Revision ID: 0004_force
Revises: 0002_after
Create Date: 2026-12-02 16:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_force"
down_revision: str | None = "0002_after"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "forced_pairs",
        sa.Column("box_id", sa.Uuid(), nullable=False),
        sa.Column("santa_participant_id", sa.Uuid(), nullable=False),
        sa.Column("giftee_participant_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "santa_participant_id <> giftee_participant_id", name=op.f("ck_forced_pairs_not_self")
        ),
        sa.ForeignKeyConstraint(
            ["box_id"], ["boxes.id"], name=op.f("fk_forced_pairs_box_id_boxes"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["giftee_participant_id"],
            ["participants.id"],
            name=op.f("fk_forced_pairs_giftee_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["santa_participant_id"],
            ["participants.id"],
            name=op.f("fk_forced_pairs_santa_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forced_pairs")),
        sa.UniqueConstraint(
            "box_id",
            "giftee_participant_id",
            name=op.f("uq_forced_pairs_box_id_giftee_participant_id"),
        ),
        sa.UniqueConstraint(
            "box_id",
            "santa_participant_id",
            name=op.f("uq_forced_pairs_box_id_santa_participant_id"),
        ),
    )
    with op.batch_alter_table("forced_pairs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_forced_pairs_box_id"), ["box_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("forced_pairs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forced_pairs_box_id"))
    op.drop_table("forced_pairs")
