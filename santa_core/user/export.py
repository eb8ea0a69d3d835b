"""GDPR export: everything santa holds about one person, as one JSON document.

The rows are found from the schema, not from a hand-kept list, so a table
added later is exported without touching this module: a row is about the
person when

- it is their ``users`` row, or a column of it is a foreign key to ``users.id``
  holding their id (settings, sessions, linked accounts, boxes they organize,
  invitations they sent, notifications to them, messages they write, ...);
- a column is a foreign key to ``participants.id`` holding one of their cards
  (draw rows where they are the santa, exclusions naming them, ...);
- a column is a foreign key to ``draws.id`` holding a pair where they are the
  santa (the thread and the gift of each of their pairs);
- an email column (``email``, ``recipient``) holds their address (invitations
  and notifications sent before they had an account);
- it is an audit event whose target is them or one of their cards.

Two things are left out on purpose: secrets that are only hashes (tokens,
passwords, codes: :data:`SECRET_COLUMNS`), and the rows that would reveal
someone else's secret (:func:`hidden`: a draw row found through the person as giftee
names their santa, and so would the thread and the gift pointing at it; messages they
wrote to their santa are therefore not in the export yet). Encrypted
columns (address, phone) are decrypted by their column type when read.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import uuid
from collections.abc import Iterable
from typing import Any

from pydantic import JsonValue
from sqlalchemy import ColumnElement, Table, false, or_, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.db import Base

FORMAT = "santa-export/1"
#: Columns that hold a secret (a hash, or a sealed invitation code): useless to the person,
#: dangerous to hand out.
SECRET_COLUMNS = frozenset(
    {"password_hash", "token_hash", "invite_code_hash", "join_code_hash", "code_sealed"}
)
#: ``table.column`` that never selects a row: a draw row found by its giftee names their santa.
HIDDEN_COLUMNS = frozenset({"draws.giftee_participant_id"})
#: Tables with santa/giftee columns that are rules, not secrets (both sides may see them).
OPEN_PAIR_TABLES = frozenset({"exclusions"})
#: Payload key of encrypted one-time links in notifications (``santa_core.notify.sealed``).
SEALED_KEY = "sealed"
#: Columns holding an email address that may be the person's own.
EMAIL_COLUMNS = ("email", "recipient")
#: Section names for the tables a person recognizes; other tables keep their name.
SECTIONS = {
    "social_accounts": "linked_accounts",
    "user_settings": "settings",
    "refresh_tokens": "sessions",
    "one_time_tokens": "email_links",
    "participants": "memberships",
    "email_invites": "invitations",
    "audit_events": "audit_events",
    "outbox": "notifications",
    "boxes": "boxes_organized",
    "draws": "assignments_given",
}


def json_value(value: object) -> JsonValue:
    """A column value as JSON (ids and times as strings, money as a decimal string)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return json_value(value.value)
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return str(value)


def hidden(table: Table, column: str) -> bool:
    """A column that never selects a row: found by its giftee, a pair row names their santa."""
    if f"{table.name}.{column}" in HIDDEN_COLUMNS:
        return True
    return (
        column == "giftee_participant_id"
        and "santa_participant_id" in table.c
        and table.name not in OPEN_PAIR_TABLES
    )


def _references(table: Table, target: str) -> list[ColumnElement[Any]]:
    """Columns of ``table`` with a foreign key to ``target`` (``users.id``, ``participants.id``)."""
    return [
        column
        for column in table.columns
        if any(fk.target_fullname == target for fk in column.foreign_keys)
        and not hidden(table, column.name)
    ]


def about(
    table: Table, user_id: uuid.UUID, email: str, cards: Iterable[uuid.UUID]
) -> ColumnElement[bool]:
    """The rows of ``table`` that are about the person (the rules of the module docstring)."""
    cards = list(cards)
    conditions: list[ColumnElement[bool]] = []
    if table.name == models.User.__tablename__:
        conditions.append(table.c.id == user_id)
    conditions += [c == user_id for c in _references(table, "users.id")]
    if cards:
        conditions += [c.in_(cards) for c in _references(table, "participants.id")]
        # A thread or a gift belongs to the santa's side of its pair (never found as giftee).
        theirs = select(models.Draw.id).where(models.Draw.santa_participant_id.in_(cards))
        conditions += [c.in_(theirs) for c in _references(table, "draws.id")]
        if table.name == models.Participant.__tablename__:
            conditions.append(table.c.id.in_(cards))
    for name in EMAIL_COLUMNS:
        if name in table.c:
            conditions.append(table.c[name] == email)
    if table.name == models.AuditEvent.__tablename__:
        conditions.append(table.c.target_id.in_([user_id, *cards]))
    return or_(*conditions) if conditions else false()


def _row(table: Table, row: Any) -> dict[str, JsonValue]:
    out: dict[str, JsonValue] = {}
    for column in table.columns:
        if column.name in SECRET_COLUMNS:
            continue
        value = getattr(row, column.name)
        if isinstance(value, dict) and SEALED_KEY in value:  # one-time links: secrets too
            value = {k: v for k, v in value.items() if k != SEALED_KEY}
        out[column.name] = json_value(value)
    return out


def export_user(session: Session, user: models.User, *, now: dt.datetime) -> dict[str, JsonValue]:
    """The export document of ``user``: ``account`` plus one section per table."""
    cards = list(
        session.scalars(select(models.Participant.id).where(models.Participant.user_id == user.id))
    )
    users_table = models.User.__table__
    sections: dict[str, JsonValue] = {}
    account: dict[str, JsonValue] = {}
    for table in Base.metadata.sorted_tables:
        rows = session.execute(
            select(table)
            .where(about(table, user.id, user.email, cards))
            .order_by(*table.primary_key)
        ).all()
        exported = [_row(table, r) for r in rows]
        if table is users_table:
            account = exported[0] if exported else {}
            account["has_password"] = user.password_hash is not None
            continue
        if exported:
            sections[SECTIONS.get(table.name, table.name)] = list(exported)
    boxes = _box_names(session, sections)
    return {
        "format": FORMAT,
        "generated_at": now.isoformat(),
        "user_id": str(user.id),
        "account": account,
        "box_names": boxes,
        **sections,
    }


def _box_names(session: Session, sections: dict[str, JsonValue]) -> dict[str, JsonValue]:
    """Names of the boxes the document mentions, so that ids read as something."""
    ids: set[uuid.UUID] = set()
    for rows in sections.values():
        if isinstance(rows, list):
            for row in rows:
                if isinstance(row, dict) and isinstance(row.get("box_id"), str):
                    ids.add(uuid.UUID(str(row["box_id"])))
    if not ids:
        return {}
    found = session.execute(select(models.Box.id, models.Box.name).where(models.Box.id.in_(ids)))
    return {str(box_id): name for box_id, name in found}
