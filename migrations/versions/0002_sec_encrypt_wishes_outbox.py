"""Wishes and outbox payloads encrypted at rest: JSON columns become text.

Existing values stay readable (the column types read plain JSON/text written
before); ``santa keys rotate`` encrypts them in place.

Revision ID: 0002_sec
Revises: 0003_prod
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_sec"
down_revision: str | None = "0003_prod"
branch_labels = None
depends_on = None


def _to_text(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE TEXT USING {column}::text")
    else:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.Text(), existing_nullable=False)


def _to_json(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"ALTER TABLE {table} ALTER COLUMN {column} TYPE JSONB USING "
            f"CASE WHEN {column} LIKE 'enc1:%' THEN 'null'::jsonb ELSE {column}::jsonb END"
        )
    else:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.JSON(), existing_nullable=False)


def upgrade() -> None:
    _to_text("participants", "wish_items")
    _to_text("outbox_messages", "payload")


def downgrade() -> None:
    # Encrypted values cannot go back into JSON: downgrading loses them.
    _to_json("outbox_messages", "payload")
    _to_json("participants", "wish_items")
