"""messages and gifts point at their pair's draws row; live event data encrypted at rest

Before, ``messages`` and ``gifts`` named the santa's and the giftee's participant
ids side by side, so a raw dump showed who gives to whom. Now each row points at
its pair's ``draws`` row (``draw_id``, deleted with it); the pair is only readable
through ``draws``. Existing rows are moved over; rows of pairs that a repair had
already ended (invisible to everyone, no ``draws`` row left) are deleted.
``box_events.data`` becomes text (encrypted by its column type; rows written
before stay readable and ``santa keys rotate`` encrypts them). Outbox dedupe keys
that named a pair (the pair id in both sides' message notices, a gift's id, a
giftee beside their santa) become random: each of them guarded one hour, one
gift move or one repair that is over, so nothing can collide with them again.

Downgrading gives the rows their two participant ids back; encrypted event data
cannot go back into JSON and is emptied.

Revision ID: 0006_pair
Revises: 0005_invite
Create Date: 2026-12-03 13:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006_pair"
down_revision: str | None = "0005_invite"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: table -> what the old schema had beside the two participant columns.
_OLD = {
    "messages": {
        "indexes": [
            ("ix_messages_giftee_participant_id", ["giftee_participant_id"], False),
            (
                "ix_messages_thread",
                ["box_id", "santa_participant_id", "giftee_participant_id"],
                False,
            ),
        ],
        "unique": None,
    },
    "gifts": {
        "indexes": [("ix_gifts_giftee", ["giftee_participant_id"], False)],
        "unique": "uq_gifts_box_id_santa_participant_id_giftee_participant_id",
    },
}
_SIDES = ("santa_participant_id", "giftee_participant_id")
#: Outbox dedupe key prefixes whose rest named a pair (now an HMAC when written).
_PAIR_KEYS = (
    "new_message",
    "gift_updated",
    "gift_missing",
    "wishlist_changed",
    "card_changed",
    "draw_repair",
    "draw_latecomer",
    "draw_backup",
)


def _to_draw_id(table: str) -> None:
    with op.batch_alter_table(table) as batch:
        batch.add_column(sa.Column("draw_id", sa.Uuid(), nullable=True))
    op.execute(
        f"UPDATE {table} SET draw_id = (SELECT d.id FROM draws d WHERE d.box_id = {table}.box_id"
        f" AND d.santa_participant_id = {table}.santa_participant_id"
        f" AND d.giftee_participant_id = {table}.giftee_participant_id)"
    )
    # A pair a repair ended: nobody could reach these rows any more.
    op.execute(f"DELETE FROM {table} WHERE draw_id IS NULL")
    old = _OLD[table]
    with op.batch_alter_table(table) as batch:
        for name, _, _ in old["indexes"]:
            batch.drop_index(name)
        if old["unique"]:
            batch.drop_constraint(old["unique"], type_="unique")
        for side in _SIDES:
            batch.drop_constraint(f"fk_{table}_{side}_participants", type_="foreignkey")
            batch.drop_column(side)
        batch.alter_column("draw_id", existing_type=sa.Uuid(), nullable=False)
        batch.create_foreign_key(
            f"fk_{table}_draw_id_draws", "draws", ["draw_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_index(f"ix_{table}_box_id", ["box_id"], unique=False)
        if table == "messages":
            batch.create_index("ix_messages_thread", ["draw_id", "created_at"], unique=False)
        else:
            batch.create_unique_constraint("uq_gifts_draw_id", ["draw_id"])


def _to_participants(table: str) -> None:
    with op.batch_alter_table(table) as batch:
        for side in _SIDES:
            batch.add_column(sa.Column(side, sa.Uuid(), nullable=True))
    for side in _SIDES:
        op.execute(
            f"UPDATE {table} SET {side} = (SELECT d.{side} FROM draws d"
            f" WHERE d.id = {table}.draw_id)"
        )
    old = _OLD[table]
    with op.batch_alter_table(table) as batch:
        if table == "messages":
            batch.drop_index("ix_messages_thread")
        else:
            batch.drop_constraint("uq_gifts_draw_id", type_="unique")
        batch.drop_index(f"ix_{table}_box_id")
        batch.drop_constraint(f"fk_{table}_draw_id_draws", type_="foreignkey")
        batch.drop_column("draw_id")
        for side in _SIDES:
            batch.alter_column(side, existing_type=sa.Uuid(), nullable=False)
            batch.create_foreign_key(
                f"fk_{table}_{side}_participants",
                "participants",
                [side],
                ["id"],
                ondelete="CASCADE",
            )
        if old["unique"]:
            batch.create_unique_constraint(old["unique"], ["box_id", *_SIDES])
        for name, columns, unique in old["indexes"]:
            batch.create_index(name, columns, unique=unique)


def _forget_pair_keys() -> None:
    if op.get_bind().dialect.name == "postgresql":
        rand = "md5(random()::text || id::text)"
    else:
        rand = "lower(hex(randomblob(16)))"
    for prefix in _PAIR_KEYS:
        op.execute(
            f"UPDATE outbox_messages SET dedupe_key = '{prefix}:' || {rand}"
            f" WHERE dedupe_key LIKE '{prefix}:%'"
        )


def upgrade() -> None:
    _to_draw_id("messages")
    _to_draw_id("gifts")
    _forget_pair_keys()
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE box_events ALTER COLUMN data TYPE TEXT USING data::text")
    else:
        with op.batch_alter_table("box_events") as batch:
            batch.alter_column("data", type_=sa.Text(), existing_nullable=False)


def downgrade() -> None:
    # Encrypted values cannot go back into JSON: downgrading empties them.
    op.execute("UPDATE box_events SET data = '{}' WHERE data LIKE 'enc1:%'")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE box_events ALTER COLUMN data TYPE JSONB USING data::jsonb")
    else:
        with op.batch_alter_table("box_events") as batch:
            batch.alter_column(
                "data",
                type_=sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                existing_nullable=False,
            )
    _to_participants("gifts")
    _to_participants("messages")
