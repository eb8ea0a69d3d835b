"""Boxes: create, read (scoped by the actor), list mine, update, move through statuses, delete.

Services never commit: the entry point owns the transaction. Members live in
:mod:`.members`, households and exclusions in :mod:`.rules`, renewals in
:mod:`.renew`.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from santa_core import audit, models
from santa_core.box import lifecycle
from santa_core.box.access import BoxAccess, load
from santa_core.box.lifecycle import Action
from santa_core.box.schemas import (
    NOT_NULLABLE,
    AuditEvent,
    AuditEventPage,
    Box,
    BoxCreate,
    BoxPage,
    BoxRoleFilter,
    BoxUpdate,
    DrawOptions,
)
from santa_core.db import utcnow
from santa_core.errors import FieldError, InvalidInput, InvalidTransition
from santa_core.models import BoxStatus, ParticipantRole, ParticipantStatus
from santa_core.notify.wording import display_name_of

_SLUG_STRIP = re.compile(r"[^a-z0-9]+")

#: Statuses an organizer may ask for directly; the draw moves a box to drawing/matched.
MANUAL_TARGETS = frozenset({BoxStatus.DRAFT, BoxStatus.READY, BoxStatus.ARCHIVED})
#: Statuses the organizer may not leave by hand except to ``archived``: a drawn box keeps
#: its pairs, so reopening it would hide every assignment and block any further draw.
DRAWN = frozenset({BoxStatus.DRAWING, BoxStatus.MATCHED})

__all__ = [
    "change_status",
    "create_box",
    "delete_box",
    "describe",
    "list_audit_events",
    "list_boxes",
    "make_slug",
    "update_box",
]


def make_slug(name: str) -> str:
    """A readable slug plus a random suffix (48 bits: collisions are practically impossible)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = _SLUG_STRIP.sub("-", ascii_name.lower()).strip("-")[:60] or "box"
    return f"{base}-{secrets.token_hex(6)}"


def create_box(session: Session, actor: models.User, /, *, data: BoxCreate) -> models.Box:
    _check_ranges(data.model_dump().get)
    values = data.model_dump()
    values["draw_options"] = data.draw_options.model_dump()
    box = models.Box(
        organizer_id=actor.id,
        slug=make_slug(data.name),
        status=BoxStatus.DRAFT,
        year=(data.event_date or utcnow().date()).year,
        **values,
    )
    session.add(box)
    session.flush()
    session.add(
        models.Participant(
            box_id=box.id,
            user_id=actor.id,
            email=actor.email,
            display_name=display_name_of(actor),
            role=ParticipantRole.ORGANIZER,
            takes_part=data.organizer_participates,
            status=ParticipantStatus.ACTIVE,
        )
    )
    audit.record(session, actor, "box.created", box_id=box.id, target_type="box", target_id=box.id)
    session.flush()
    return box


def describe(session: Session, access: BoxAccess) -> Box:
    """The read schema of one box for the actor (role, member count)."""
    count = session.scalar(
        select(func.count())
        .select_from(models.Participant)
        .where(models.Participant.box_id == access.box.id)
    )
    return _to_schema(access.box, access.role, access.can_manage, int(count or 0))


def _to_schema(box: models.Box, role: ParticipantRole | None, can_manage: bool, count: int) -> Box:
    return Box.model_validate(
        {
            **{c: getattr(box, c) for c in Box.model_fields if hasattr(box, c)},
            "draw_options": DrawOptions.model_validate(box.draw_options or {}),
            "my_role": role,
            "can_manage": can_manage,
            "participant_count": count,
        }
    )


def get_box(session: Session, actor: models.User, box_id: uuid.UUID) -> Box:
    return describe(session, load(session, actor, box_id))


def list_boxes(
    session: Session,
    actor: models.User,
    /,
    *,
    role: BoxRoleFilter = BoxRoleFilter.ANY,
    status: Sequence[BoxStatus] = (),
    q: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> BoxPage:
    """The actor's boxes (as organizer and/or participant), newest first."""
    P = models.Participant
    stmt = (
        select(models.Box, P.role)
        .join(P, (P.box_id == models.Box.id) & (P.user_id == actor.id))
        .where(models.Box.deleted_at.is_(None))
    )
    organizer_roles = (ParticipantRole.ORGANIZER, ParticipantRole.CO_ORGANIZER)
    if role is BoxRoleFilter.ORGANIZER:
        stmt = stmt.where(P.role.in_(organizer_roles))
    elif role is BoxRoleFilter.PARTICIPANT:
        stmt = stmt.where(P.role == ParticipantRole.PARTICIPANT)
    if status:
        stmt = stmt.where(models.Box.status.in_(list(status)))
    if q:
        pattern = f"%{_escape_like(q.lower())}%"
        stmt = stmt.where(
            or_(
                func.lower(models.Box.name).like(pattern, escape="\\"),
                models.Box.slug.like(pattern, escape="\\"),
            )
        )
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.execute(
        stmt.order_by(models.Box.created_at.desc(), models.Box.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    ids = [box.id for box, _ in rows]
    counts: dict[uuid.UUID, int] = {}
    if ids:
        counts = {
            box_id: int(n)
            for box_id, n in session.execute(
                select(P.box_id, func.count()).where(P.box_id.in_(ids)).group_by(P.box_id)
            )
        }
    items = [
        _to_schema(
            box,
            member_role,
            actor.is_superuser or member_role in organizer_roles,
            counts.get(box.id, 0),
        )
        for box, member_role in rows
    ]
    return BoxPage(items=items, total=int(total), page=page, per_page=per_page)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def update_box(
    session: Session, actor: models.User, box_id: uuid.UUID, /, *, data: BoxUpdate
) -> models.Box:
    access = load(session, actor, box_id, manage=True, for_update=True)
    box = access.box
    lifecycle.require(Action.EDIT_BOX, box.status)
    changes = data.model_dump(exclude_unset=True)
    nulls = sorted(k for k, v in changes.items() if v is None and k in NOT_NULLABLE)
    if nulls:
        raise InvalidInput(
            errors=[FieldError(("body", k), "This field cannot be cleared.", "null") for k in nulls]
        )
    if {"draw_options", "organizer_participates"} & changes.keys():
        lifecycle.require(Action.EDIT_RULES, box.status)
    _check_merged(box, changes)
    for field, value in changes.items():
        if field == "draw_options":
            value = DrawOptions.model_validate(value).model_dump()
        setattr(box, field, value)
    if "organizer_participates" in changes:
        owner = session.scalars(
            select(models.Participant).where(
                models.Participant.box_id == box.id,
                models.Participant.role == ParticipantRole.ORGANIZER,
            )
        ).first()
        if owner is not None:
            owner.takes_part = bool(changes["organizer_participates"])
    if (
        "event_date" in changes
        and box.event_date is not None
        and box.drawn_at is None
        and box.previous_box_id is None
    ):
        box.year = box.event_date.year
    audit.record(
        session,
        actor,
        "box.updated",
        box_id=box.id,
        target_type="box",
        target_id=box.id,
        details={"fields": sorted(changes)},
    )
    session.flush()
    return box


def _check_merged(box: models.Box, changes: dict[str, Any]) -> None:
    """Ranges that span the stored and the new values (the schema only sees the new ones)."""

    def value(name: str) -> Any:
        return changes[name] if name in changes else getattr(box, name)

    _check_ranges(value)


def _check_ranges(value: Callable[[str], Any]) -> None:
    """Budgets and dates that only make sense together, one field error each."""
    errors = []
    lo, hi = value("min_budget"), value("max_budget")
    if lo is not None and hi is not None and lo > hi:
        errors.append(
            FieldError(("body", "min_budget"), "min_budget must not exceed max_budget", "range")
        )
    signup, shipping = value("signup_deadline"), value("shipping_deadline")
    if signup is not None and shipping is not None and signup > shipping:
        errors.append(
            FieldError(
                ("body", "signup_deadline"),
                "signup_deadline must come before shipping_deadline",
                "range",
            )
        )
    event = value("event_date")
    if event is not None:
        # The event day ends last at UTC-12: a deadline on the event day is fine anywhere.
        day_end = dt.datetime.combine(event + dt.timedelta(days=1), dt.time(12), tzinfo=dt.UTC)
        for name in ("signup_deadline", "shipping_deadline"):
            deadline = value(name)
            if deadline is not None and deadline > day_end:
                errors.append(
                    FieldError(("body", name), f"{name} must not be after the event_date", "range")
                )
    if errors:
        raise InvalidInput(errors=errors)


def change_status(
    session: Session, actor: models.User, box_id: uuid.UUID, /, *, target: BoxStatus
) -> Box:
    access = load(session, actor, box_id, manage=True, for_update=True)
    box = access.box
    if target not in MANUAL_TARGETS:
        raise InvalidTransition(
            "A box becomes drawing/matched by running the draw.",
            current=box.status.value,
            target=target.value,
        )
    if box.status in DRAWN and target is not BoxStatus.ARCHIVED:
        raise InvalidTransition(
            "The draw has run: the box can only be archived now (renew it for a new draw).",
            current=box.status.value,
            target=target.value,
        )
    lifecycle.require_transition(box.status, target)
    previous = box.status
    box.status = target
    audit.record(
        session,
        actor,
        "box.status_changed",
        box_id=box.id,
        target_type="box",
        target_id=box.id,
        details={"from": previous.value, "to": target.value},
    )
    session.flush()
    return describe(session, access)


def delete_box(session: Session, actor: models.User, box_id: uuid.UUID, /) -> None:
    access = load(session, actor, box_id, manage=True, for_update=True)
    box = access.box
    lifecycle.require(Action.DELETE_BOX, box.status)
    box.deleted_at = utcnow()
    box.join_code_hash = None
    audit.record(session, actor, "box.deleted", box_id=box.id, target_type="box", target_id=box.id)
    session.flush()


def list_audit_events(
    session: Session,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    action: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> AuditEventPage:
    """The box's audit log, newest first (organizers only; it never holds pairs)."""
    access = load(session, actor, box_id, manage=True)
    stmt = select(models.AuditEvent).where(models.AuditEvent.box_id == access.box.id)
    if action:
        stmt = stmt.where(models.AuditEvent.action == action)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    events = session.scalars(
        stmt.order_by(models.AuditEvent.created_at.desc(), models.AuditEvent.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return AuditEventPage(
        items=[AuditEvent.model_validate(e) for e in events],
        total=int(total),
        page=page,
        per_page=per_page,
    )
