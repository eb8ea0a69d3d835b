"""Resolve the actor's pairs in a box, and name the other side as the actor may know it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box.access import BoxAccess
from santa_core.config import Settings
from santa_core.errors import NotFound
from santa_core.models import Language, MessageSide
from santa_core.notify.wording import public_name


class PairNotFound(NotFound):
    code = "pair_not_found"
    default_message = "No such santa–giftee pair of yours in this box."


_SANTA_LABEL = {Language.EN: "Your Santa", Language.RU: "Ваш Санта"}


def pair_id(settings: Settings, box_id: uuid.UUID, santa: uuid.UUID, giftee: uuid.UUID) -> str:
    mac = hmac.new(
        settings.secret_key.get_secret_value().encode(),
        f"santa-pair:{box_id}:{santa}:{giftee}".encode(),
        hashlib.sha256,
    ).digest()
    return base64.urlsafe_b64encode(mac[:16]).decode().rstrip("=")


@dataclass(frozen=True)
class MyPair:
    pair_id: str
    #: The actor's side of the pair.
    side: MessageSide
    santa_id: uuid.UUID
    giftee_id: uuid.UUID
    #: The pair's ``draws`` row: what its thread and gift point at.
    draw_id: uuid.UUID
    #: How the actor names the other side: the giftee's name, or "Your Santa (2)".
    label: str
    #: On the giftee side, which of their santas (1..k); 0 on the santa side.
    santa_number: int = 0

    @property
    def other_id(self) -> uuid.UUID:
        return self.giftee_id if self.side is MessageSide.SANTA else self.santa_id


def santa_label(language: Language, number: int, of: int) -> str:
    base = _SANTA_LABEL[language]
    return f"{base} {number}" if of > 1 else base


def shown(box: models.Box, participant: models.Participant) -> str:
    return public_name(participant) if box.is_private_names else participant.display_name


def my_pairs(
    session: Session, settings: Settings, access: BoxAccess, *, language: Language = Language.EN
) -> list[MyPair]:
    """Pairs where the actor is the santa (by slot), then where they are the giftee."""
    me = access.member
    if me is None:
        return []
    box = access.box
    D, P = models.Draw, models.Participant
    out: list[MyPair] = []
    for draw_id, giftee in session.execute(
        select(D.id, P)
        .join(P, D.giftee_participant_id == P.id)
        .where(D.box_id == box.id, D.santa_participant_id == me.id)
        .order_by(D.slot)
    ):
        pid = pair_id(settings, box.id, me.id, giftee.id)
        out.append(MyPair(pid, MessageSide.SANTA, me.id, giftee.id, draw_id, shown(box, giftee)))
    santas = session.execute(
        select(D.id, D.santa_participant_id).where(
            D.box_id == box.id, D.giftee_participant_id == me.id
        )
    )
    # Numbered in the order of the opaque ids: stable, and says nothing about who.
    keyed = sorted((pair_id(settings, box.id, s, me.id), s, d) for d, s in santas)
    for n, (pid, santa, draw_id) in enumerate(keyed, start=1):
        label = santa_label(language, n, len(keyed))
        out.append(MyPair(pid, MessageSide.GIFTEE, santa, me.id, draw_id, label, santa_number=n))
    return out


def resolve(
    session: Session,
    settings: Settings,
    access: BoxAccess,
    pid: str,
    *,
    language: Language = Language.EN,
) -> MyPair:
    # Compared as bytes: a caller's id may hold any text, and compare_digest refuses
    # non-ASCII str (TypeError -> 500); a malformed id is simply not found.
    given = pid.encode("utf-8", "surrogatepass")
    for pair in my_pairs(session, settings, access, language=language):
        if hmac.compare_digest(pair.pair_id.encode(), given):
            return pair
    raise PairNotFound()


class BoxPair(NamedTuple):
    santa_id: uuid.UUID
    giftee_id: uuid.UUID
    draw_id: uuid.UUID


def box_pairs(session: Session, settings: Settings, box_id: uuid.UUID) -> dict[str, BoxPair]:
    """Every pair of a box by id (for organizer actions that must not show who gives)."""
    D = models.Draw
    return {
        pair_id(settings, box_id, s, g): BoxPair(s, g, d)
        for s, g, d in session.execute(
            select(D.santa_participant_id, D.giftee_participant_id, D.id).where(D.box_id == box_id)
        )
    }
