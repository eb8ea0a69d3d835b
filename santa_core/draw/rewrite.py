"""A repair's new pairs written over the old ones, keeping the row of every pair that stays.

Messages and gifts point at their pair's ``draws`` row (``draw_id``), so a pair
that survives a repair must keep its row: a santa with two giftees who keeps
one keeps that thread, and so does a pair that a redraw happens to make again.
Rows of pairs that end are deleted, and their thread and gift with them.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, delete, or_, select, update
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.draw.service import insert_pairs


def replace_pairs(
    session: Session,
    box: models.Box,
    run: models.DrawRun,
    assignments: dict[str, list[str]],
    *,
    now: Any,
    override_by: uuid.UUID | None = None,
    leaving: uuid.UUID | None = None,
) -> None:
    """Give each santa of ``assignments`` exactly those giftees (in slot order).

    ``leaving``: a participant whose pairs all end (as santa and as giftee).
    """
    D = models.Draw
    santas = [uuid.UUID(s) for s in assignments]
    if leaving is not None:
        santas.append(leaving)
    which: ColumnElement[bool] = D.santa_participant_id.in_(santas)
    if leaving is not None:
        which = or_(which, D.giftee_participant_id == leaving)
    wanted = {(s, g): slot for s, gs in assignments.items() for slot, g in enumerate(gs)}
    ended: list[uuid.UUID] = []
    moved: dict[uuid.UUID, int] = {}
    for row_id, santa, giftee, slot in session.execute(
        select(D.id, D.santa_participant_id, D.giftee_participant_id, D.slot).where(
            D.box_id == box.id, which
        )
    ):
        new_slot = wanted.pop((str(santa), str(giftee)), None)
        if new_slot is None:
            ended.append(row_id)
        elif new_slot != slot:
            moved[row_id] = new_slot
    if ended:
        session.execute(
            delete(D).where(D.id.in_(ended)).execution_options(synchronize_session=False)
        )
    # Through negative slots first: two kept rows may swap places under (box, santa, slot).
    for final in (False, True):
        for row_id, new_slot in moved.items():
            session.execute(
                update(D)
                .where(D.id == row_id)
                .values(slot=new_slot if final else -1 - new_slot)
                .execution_options(synchronize_session=False)
            )
    insert_pairs(
        session,
        box,
        run,
        [(s, g, slot) for (s, g), slot in wanted.items()],
        now=now,
        override_by=override_by,
    )
