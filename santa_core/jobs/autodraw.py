"""Auto-draw: at the signup deadline, draw the boxes whose organizer asked for it.

Each box is drawn in its own transaction through the draw service, acting
as the box's organizer, so the service's rules, audit and ``draw_done``
notifications apply exactly as for a manual draw. When the draw cannot run
(too few people, impossible exclusions, a draft box...), the transaction is
rolled back and the organizer gets one ``auto_draw_failed`` email per
deadline; the box is not retried until the deadline changes.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from santa_core import models
from santa_core.config import Settings
from santa_core.db import session_scope
from santa_core.draw import service as draw_service
from santa_core.errors import SantaError
from santa_core.models import BoxStatus
from santa_core.notify import links, payloads, send

log = logging.getLogger("santa.jobs")

#: ``(session, actor, box_id) -> anything``; raises a SantaError when the draw cannot run.
DrawFunction = Callable[[Session, models.User, uuid.UUID], Any]


@dataclass
class AutoDrawReport:
    drawn: list[uuid.UUID] = field(default_factory=list)
    failed: dict[uuid.UUID, str] = field(default_factory=dict)


def failure_key(box: models.Box) -> str:
    deadline = box.signup_deadline.isoformat() if box.signup_deadline else "none"
    return f"autodraw:failed:{box.id}:{deadline}"


def default_draw(settings: Settings) -> DrawFunction | None:
    """The draw service's ``run_draw`` (links from ``settings``, explanations in the
    organizer's language).

    Secrecy warnings are accepted: the organizer asked for an unattended draw,
    and a small box (three people, two couples) can never be drawn without one,
    so refusing would stall the exchange for good. The warnings accepted are in
    the ``draw.completed`` audit event; the draw preview shows them beforehand.
    """

    def draw(session: Session, actor: models.User, box_id: uuid.UUID) -> Any:
        return draw_service.run_draw(
            session,
            actor,
            box_id,
            settings=settings,
            language=actor.language,
            acknowledge_secrecy_warning=True,
        )

    return draw


def due_boxes(session: Session, *, now: dt.datetime) -> list[uuid.UUID]:
    boxes = session.scalars(
        select(models.Box).where(
            models.Box.auto_draw.is_(True),
            models.Box.deleted_at.is_(None),
            models.Box.status.in_((BoxStatus.DRAFT, BoxStatus.READY)),
            models.Box.drawn_at.is_(None),
            models.Box.signup_deadline <= now,
        )
    )
    failed_before = set(
        session.scalars(
            select(models.OutboxMessage.dedupe_key).where(
                models.OutboxMessage.dedupe_key.like("autodraw:failed:%")
            )
        )
    )
    return [b.id for b in boxes if failure_key(b) not in failed_before]


def run_auto_draws(
    factory: sessionmaker[Session],
    settings: Settings,
    *,
    now: dt.datetime,
    draw: DrawFunction | None = None,
) -> AutoDrawReport:
    report = AutoDrawReport()
    with session_scope(factory) as session:
        box_ids = due_boxes(session, now=now)
    if not box_ids:
        return report
    draw = draw or default_draw(settings)
    if draw is None:
        log.warning("auto-draw: %d box(es) due but no draw service is installed", len(box_ids))
        return report
    for box_id in box_ids:
        try:
            with session_scope(factory) as session:
                box = session.get(models.Box, box_id, with_for_update=True)
                if (
                    box is None
                    or box.drawn_at is not None
                    or box.status
                    not in (
                        BoxStatus.DRAFT,
                        BoxStatus.READY,
                    )
                ):
                    continue  # someone drew or changed it meanwhile
                organizer = session.get(models.User, box.organizer_id)
                assert organizer is not None
                draw(session, organizer, box_id)
            report.drawn.append(box_id)
            log.info("auto-draw: box %s drawn", box_id)
        except SantaError as exc:
            report.failed[box_id] = exc.message
            log.info("auto-draw: box %s not drawn: %s", box_id, exc.message)
            with session_scope(factory) as session:
                _tell_organizer(session, settings, box_id, exc.message)
    return report


def _tell_organizer(session: Session, settings: Settings, box_id: uuid.UUID, reason: str) -> None:
    box = session.get(models.Box, box_id)
    if box is None:
        return
    organizer = session.get(models.User, box.organizer_id)
    if organizer is None or organizer.deleted_at is not None:
        return
    send(
        session,
        organizer,
        payloads.AutoDrawFailed(
            box_name=box.name,
            box_url=links.box_url(settings, box.id),
            reason=reason,
            recipient_name=organizer.full_name,
        ),
        box_id=box.id,
        dedupe_key=failure_key(box),
    )
