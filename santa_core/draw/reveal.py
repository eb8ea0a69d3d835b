"""The reveal after the event, and the document that lets any member verify the draw.

At the draw the engine's input is recorded (``draw_records``, encrypted) next
to the run's commitment and seed. Before the reveal a member sees the
commitment alone. After the event date an organizer may reveal every pair —
only when the box allows it (``allow_reveal``, off by default) — and from then
on every member can fetch the verification document: the input exactly as the
engine saw it (participant ids are random UUIDs: pseudonymous), the seed, the
commitment and the pairs, plus the names behind the ids. ``santa draw verify
DOC.json`` checks it offline as it is.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import audit, events, models, notify
from santa_core.box import lifecycle
from santa_core.box.access import load
from santa_core.box.lifecycle import Action
from santa_core.box.types import Bool
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.draw.service import current_run
from santa_core.errors import BoxNotEditable, Conflict
from santa_core.models import BoxStatus
from santa_core.notify import links, payloads

FORMAT = "santa-draw-verification/1"


class RevealSettings(BaseModel):
    allow_reveal: bool
    revealed_at: Any = None


class RevealSettingsUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    allow_reveal: Bool


class Verification(BaseModel):
    """Before the reveal: the commitment. After it: the whole document to check offline."""

    box_id: uuid.UUID
    revealed: bool
    commitment: str | None
    engine_version: str | None
    #: The document ``santa draw verify`` takes as it is (after the reveal only).
    document: dict[str, Any] | None = None


class RevealNotAllowed(Conflict):
    code = "reveal_not_allowed"
    default_message = "This box does not allow revealing the pairs (see its reveal settings)."


class RevealTooEarly(Conflict):
    code = "reveal_too_early"
    default_message = "The pairs can be revealed only after the event date."


class NotRevealed(Conflict):
    code = "not_revealed"
    default_message = "The pairs have not been revealed."


def _settings_row(session: Session, box_id: uuid.UUID) -> models.BoxReveal:
    row = session.get(models.BoxReveal, box_id)
    if row is None:
        row = models.BoxReveal(box_id=box_id, allow_reveal=False)
        session.add(row)
        session.flush()
    return row


def get_reveal_settings(
    session: Session, actor: models.User, box_id: uuid.UUID, /
) -> RevealSettings:
    access = load(session, actor, box_id)
    row = session.get(models.BoxReveal, access.box.id)
    if row is None:
        return RevealSettings(allow_reveal=False)
    return RevealSettings(allow_reveal=row.allow_reveal, revealed_at=row.revealed_at)


def update_reveal_settings(
    session: Session, actor: models.User, box_id: uuid.UUID, /, *, data: RevealSettingsUpdate
) -> RevealSettings:
    access = load(session, actor, box_id, manage=True, for_update=True)
    row = _settings_row(session, access.box.id)
    if row.revealed_at is not None and not data.allow_reveal:
        raise BoxNotEditable("The pairs are already revealed.")
    if row.allow_reveal != data.allow_reveal:
        row.allow_reveal = data.allow_reveal
        audit.record(
            session,
            actor,
            "box.reveal_setting_changed",
            box_id=access.box.id,
            target_type="box",
            target_id=access.box.id,
            details={"allow_reveal": data.allow_reveal},
        )
    session.flush()
    return RevealSettings(allow_reveal=row.allow_reveal, revealed_at=row.revealed_at)


def reveal_draw(
    session: Session, settings: Settings, actor: models.User, box_id: uuid.UUID, /
) -> Verification:
    """After the event: reveal every pair to the box and publish the verification document."""
    access = load(session, actor, box_id, manage=True, for_update=True)
    box = access.box
    lifecycle.require(Action.VIEW_ASSIGNMENT, box.status)
    row = _settings_row(session, box.id)
    if not row.allow_reveal:
        raise RevealNotAllowed()
    now = utcnow()
    if box.event_date is None or now.date() <= box.event_date:
        raise RevealTooEarly(event_date=box.event_date.isoformat() if box.event_date else None)
    if row.revealed_at is None:
        row.revealed_at = now
        row.revealed_by_id = actor.id
        audit.record(
            session, actor, "draw.revealed", box_id=box.id, target_type="box", target_id=box.id
        )
        events.publish(session, box.id, "draw_revealed", {})
        U, P = models.User, models.Participant
        for user in session.scalars(
            select(U).join(P, P.user_id == U.id).where(P.box_id == box.id, U.deleted_at.is_(None))
        ):
            notify.send(
                session,
                user,
                payloads.DrawRevealed(box_name=box.name, box_url=links.box_url(settings, box.id)),
                box_id=box.id,
                dedupe_key=f"draw_revealed:{box.id}:{user.id}",
            )
        session.flush()
    return _verification(session, box, row)


def get_verification(session: Session, actor: models.User, box_id: uuid.UUID, /) -> Verification:
    access = load(session, actor, box_id)
    lifecycle.require(Action.VIEW_ASSIGNMENT, access.box.status)
    return _verification(session, access.box, session.get(models.BoxReveal, access.box.id))


def _verification(
    session: Session, box: models.Box, reveal: models.BoxReveal | None
) -> Verification:
    run = current_run(session, box.id)
    if run is None:
        raise BoxNotEditable("The draw has not run yet.")
    revealed = reveal is not None and reveal.revealed_at is not None
    out = Verification(
        box_id=box.id,
        revealed=revealed,
        commitment=run.commitment,
        engine_version=run.engine_version,
    )
    if revealed:
        out.document = document(session, box, run)
    return out


def document(session: Session, box: models.Box, run: models.DrawRun) -> dict[str, Any]:
    record = session.get(models.DrawRecord, run.id)
    if record is None:
        raise NotRevealed("This draw was run before inputs were recorded; it cannot be verified.")
    D, P = models.Draw, models.Participant
    assignments: dict[str, list[str]] = {}
    for santa, giftee in session.execute(
        select(D.santa_participant_id, D.giftee_participant_id)
        .where(D.box_id == box.id)
        .order_by(D.santa_participant_id, D.slot)
    ):
        assignments.setdefault(str(santa), []).append(str(giftee))
    one = all(len(g) == 1 for g in assignments.values())
    names = {
        str(pid): name
        for pid, name in session.execute(select(P.id, P.display_name).where(P.box_id == box.id))
    }
    return {
        "format": FORMAT,
        "box": json.loads(record.engine_input),
        "seed": run.seed,
        "commitment": run.commitment,
        "engine_version": run.engine_version,
        "method": run.method,
        #: Digest of the draw the seed produced (the pairs differ after repairs).
        "digest": (run.details or {}).get("digest"),
        "repairs": record.repairs,
        "assignments": {s: (g[0] if one else g) for s, g in assignments.items()},
        "names": names,
        "box_status": box.status.value if box.status is not BoxStatus.DRAWING else "drawing",
    }
