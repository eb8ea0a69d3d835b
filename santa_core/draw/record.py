"""What the draw leaves behind for later: the engine's input (for the reveal) and repairs.

Kept apart from :mod:`.reveal` and :mod:`.changes` so the draw service, the
repairs and the reveal all depend on it and not on each other.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import events, models
from santa_core.draw import engine


def input_json(data: engine.DrawInput) -> dict[str, Any]:
    """The input in the JSON form ``santa draw`` reads (``parse_input`` gives it back)."""
    years = []
    for year in data.history:
        mapping: dict[str, list[str]] = {}
        for santa, giftee in year:
            mapping.setdefault(santa, []).append(giftee)
        years.append(mapping)
    return {
        "participants": list(data.participants),
        "groups": [list(g) for g in data.groups],
        "exclusions": [list(p) for p in data.exclusions],
        "forced": [list(p) for p in data.forced],
        "history": years,
        "options": data.options.as_dict(),
    }


def record_input(session: Session, run: models.DrawRun, data: engine.DrawInput) -> None:
    """Called by the draw: keep the engine's input for the verification document."""
    session.add(
        models.DrawRecord(
            run_id=run.id,
            box_id=run.box_id,
            engine_input=json.dumps(input_json(data), sort_keys=True, separators=(",", ":")),
            repairs=0,
        )
    )


def note_repair(session: Session, box_id: uuid.UUID, santas: set[str]) -> None:
    """After a repair: the published pairs no longer are the seed's draw (the reveal
    document says so), and each santa whose giftee changed gets a live event (only them)."""
    R, D = models.DrawRecord, models.DrawRun
    record = session.scalars(
        select(R).join(D, D.id == R.run_id).where(R.box_id == box_id).order_by(D.round.desc())
    ).first()
    if record is not None:
        record.repairs += 1
    for santa in sorted(santas):
        events.publish(
            session,
            box_id,
            "assignment_changed",
            {},
            audience=events.PARTICIPANT,
            participant_id=uuid.UUID(santa),
        )
