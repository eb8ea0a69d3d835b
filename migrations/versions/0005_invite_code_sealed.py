"""invitations keep their code sealed, so the reminder repeats the first link

Revision ID: 0005_invite
Revises: 0004_force
Create Date: 2026-12-02 16:55:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_invite"
down_revision: str | None = "0004_force"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("email_invites") as batch:
        batch.add_column(sa.Column("code_sealed", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("email_invites") as batch:
        batch.drop_column("code_sealed")
