"""Typed factories for tests: ``make_user(session, ...)``, ``make_box(session, owner=...)``."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import service as box_service
from santa_core.box.schemas import BoxCreate

_seq = itertools.count(1)


def make_user(session: Session, **overrides: Any) -> models.User:
    n = next(_seq)
    values: dict[str, Any] = {"email": f"user{n}@example.com", "full_name": f"User {n}"}
    values.update(overrides)
    user = models.User(**values)
    session.add(user)
    session.flush()
    return user


def make_box(session: Session, *, owner: models.User | None = None, **overrides: Any) -> models.Box:
    owner = owner or make_user(session)
    data = {"name": f"Box {next(_seq)}"}
    data.update(overrides)
    return box_service.create_box(session, owner, data=BoxCreate(**data))


def make_member(
    session: Session, box: models.Box, user: models.User | None = None, **overrides: Any
) -> models.Participant:
    user = user or make_user(session)
    values: dict[str, Any] = {
        "box_id": box.id,
        "user_id": user.id,
        "email": user.email,
        "display_name": user.full_name,
        "status": models.ParticipantStatus.ACTIVE,
    }
    values.update(overrides)
    participant = models.Participant(**values)
    session.add(participant)
    session.flush()
    return participant


def make_outbox_row(session: Session, **columns: Any) -> models.OutboxMessage:
    """An outbox row as it is stored, its payload unchecked: one an older version or a
    scrub left behind (services write rows through ``santa_core.notify``, which checks)."""
    row = models.OutboxMessage(**{"payload": {}, **columns})
    session.add(row)
    session.flush()
    return row
