"""Renew a box for next year: same people, households, exclusions and options.

The new box joins the old one's series (``series_id``) with the next year, and
the old box's pairs are recorded as the series' history (by person key), so
the engine avoids last years' pairs. People keep their accounts, names and
addresses; wishes start empty. Who had joined is a member again straight away
(``active``); who was still invited stays invited, without an email: inviting
their address in the new box sends them a fresh invitation
(:func:`santa_core.invite.service.invite_many`). Renewing needs the draw's
pairs, so it lives in the draw domain, above the box it copies.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import audit, models
from santa_core.box.access import load
from santa_core.box.schemas import Box, BoxRenew
from santa_core.box.service import get_box, make_slug
from santa_core.db import utcnow
from santa_core.draw.service import record_history
from santa_core.kit.bulk import bulk_insert
from santa_core.kit.types import MAX_YEAR, MIN_YEAR
from santa_core.models import BoxStatus, ParticipantStatus


def _next_year(value: dt.date) -> dt.date:
    try:
        return value.replace(year=value.year + 1)
    except ValueError:  # 29 February
        return value.replace(year=value.year + 1, day=28)


def _shift(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return dt.datetime.combine(_next_year(value.date()), value.timetz())


def _deadline(
    value: dt.datetime | None,
    old_event: dt.date | None,
    new_event: dt.date | None,
    explicit: bool,
) -> dt.datetime | None:
    """Last year's deadline for next year: as far before the new event as it was before the
    old one (a year later when the event date is not given); dropped when it would fall
    after the new event day or outside the years a box may use."""
    if value is None:
        return None
    if explicit and old_event is not None and new_event is not None:
        moved = value + (new_event - old_event)
    else:
        moved = dt.datetime.combine(_next_year(value.date()), value.timetz())
    if new_event is not None:
        # The event day ends last at UTC-12 (as the box's own check says).
        day_end = dt.datetime.combine(new_event + dt.timedelta(days=1), dt.time(12), tzinfo=dt.UTC)
        if moved > day_end:
            return None
    if not MIN_YEAR <= moved.year <= MAX_YEAR:
        return None
    return moved


def renew_box(session: Session, actor: models.User, box_id: uuid.UUID, /, *, data: BoxRenew) -> Box:
    access = load(session, actor, box_id, manage=True)
    old = access.box
    record_history(session, old)
    year = (old.year or utcnow().year) + 1
    explicit = data.event_date is not None
    event_date = data.event_date or (_next_year(old.event_date) if old.event_date else None)
    new = models.Box(
        organizer_id=old.organizer_id,
        name=data.name or old.name,
        slug=make_slug(data.name or old.name),
        description=old.description,
        rules=old.rules,
        currency=old.currency,
        min_budget=old.min_budget,
        max_budget=old.max_budget,
        cover=old.cover,
        is_private_names=old.is_private_names,
        organizer_participates=old.organizer_participates,
        auto_draw=old.auto_draw,
        status=BoxStatus.DRAFT,
        event_date=event_date,
        signup_deadline=_deadline(old.signup_deadline, old.event_date, event_date, explicit),
        shipping_deadline=_deadline(old.shipping_deadline, old.event_date, event_date, explicit),
        draw_options=dict(old.draw_options or {}),
        series_id=old.series_id,
        year=year,
        previous_box_id=old.id,
    )
    session.add(new)
    session.flush()

    P = models.Participant
    people = session.scalars(select(P).where(P.box_id == old.id)).all()
    households = session.scalars(
        select(models.Household).where(models.Household.box_id == old.id)
    ).all()
    household_map = {h.id: uuid.uuid4() for h in households}
    if households:
        bulk_insert(
            session,
            models.Household,
            [
                {
                    "id": household_map[h.id],
                    "box_id": new.id,
                    "name": h.name,
                    "created_at": utcnow(),
                }
                for h in households
            ],
        )
    person_map: dict[uuid.UUID, uuid.UUID] = {}
    rows: list[dict[str, Any]] = []
    now = utcnow()
    for p in people:
        person_map[p.id] = uuid.uuid4()
        joined = p.user_id is not None or p.is_offline
        rows.append(
            {
                "id": person_map[p.id],
                "box_id": new.id,
                "user_id": p.user_id,
                "person_key": p.person_key,
                "email": p.email,
                "display_name": p.display_name,
                "nickname": p.nickname,
                "wishes": "",
                "wish_items": [],
                "address": p.address,
                "phone": p.phone,
                "status": ParticipantStatus.ACTIVE if joined else ParticipantStatus.INVITED,
                "role": p.role,
                "takes_part": p.takes_part,
                "is_offline": p.is_offline,
                "household_id": household_map.get(p.household_id) if p.household_id else None,
                "created_at": now,
                "updated_at": now,
            }
        )
    if rows:
        bulk_insert(session, P, rows)
    E = models.Exclusion
    exclusions = session.execute(
        select(E.santa_participant_id, E.giftee_participant_id).where(E.box_id == old.id)
    ).all()
    if exclusions:
        bulk_insert(
            session,
            E,
            [
                {
                    "id": uuid.uuid4(),
                    "box_id": new.id,
                    "santa_participant_id": person_map[s],
                    "giftee_participant_id": person_map[g],
                    "created_at": now,
                }
                for s, g in exclusions
            ],
        )
    audit.record(
        session,
        actor,
        "box.renewed",
        box_id=new.id,
        target_type="box",
        target_id=new.id,
        details={"from_box_id": str(old.id), "year": year, "people": len(rows)},
    )
    audit.record(
        session,
        actor,
        "box.renewed_to",
        box_id=old.id,
        target_type="box",
        target_id=new.id,
    )
    session.flush()
    return get_box(session, actor, new.id)
