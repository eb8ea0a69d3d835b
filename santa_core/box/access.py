"""Who the actor is in a box: every read and write starts here.

A box is visible to its members and to superusers; to anyone else it does not
exist (:class:`BoxNotFound`, never Forbidden). Managing a box (editing it, its
people and rules, running the draw) is for organizers, co-organizers and
superusers (:class:`NotOrganizer` for plain members).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.errors import BoxNotFound, NotOrganizer
from santa_core.models import ParticipantRole


def visible_boxes(actor: models.User) -> Select[models.Box]:
    """Boxes the actor may know about: where they are a member, or all for superusers."""
    stmt = select(models.Box).where(models.Box.deleted_at.is_(None))
    if actor.is_superuser:
        return stmt
    member = select(models.Participant.box_id).where(models.Participant.user_id == actor.id)
    return stmt.where(models.Box.id.in_(member))


@dataclass
class BoxAccess:
    box: models.Box
    actor: models.User
    #: The actor's own membership (None for a superuser who is not a member).
    member: models.Participant | None

    @property
    def role(self) -> ParticipantRole | None:
        return self.member.role if self.member is not None else None

    @property
    def can_manage(self) -> bool:
        if self.actor.is_superuser:
            return True
        return self.member is not None and self.member.is_organizer

    def require_manager(self) -> None:
        if not self.can_manage:
            raise NotOrganizer()


def get_member(
    session: Session, box_id: uuid.UUID, user_id: uuid.UUID
) -> models.Participant | None:
    return session.scalars(
        select(models.Participant).where(
            models.Participant.box_id == box_id, models.Participant.user_id == user_id
        )
    ).first()


def load(
    session: Session,
    actor: models.User,
    box_id: uuid.UUID,
    *,
    manage: bool = False,
    for_update: bool = False,
) -> BoxAccess:
    """The box as the actor sees it; ``manage`` requires an organizer.

    ``for_update`` locks the box row (PostgreSQL ``SELECT … FOR UPDATE``; SQLite
    already serializes writers), so status checks and changes cannot interleave.
    """
    stmt = select(models.Box).where(models.Box.id == box_id, models.Box.deleted_at.is_(None))
    if for_update:
        stmt = stmt.with_for_update()
    box = session.scalars(stmt).first()
    if box is None:
        raise BoxNotFound()
    member = get_member(session, box.id, actor.id)
    if member is None and not actor.is_superuser:
        raise BoxNotFound()
    access = BoxAccess(box=box, actor=actor, member=member)
    if manage:
        access.require_manager()
    return access


def organizers_of(session: Session, box_id: uuid.UUID) -> list[models.Participant]:
    return list(
        session.scalars(
            select(models.Participant).where(
                models.Participant.box_id == box_id,
                models.Participant.role.in_(
                    (ParticipantRole.ORGANIZER, ParticipantRole.CO_ORGANIZER)
                ),
            )
        )
    )
