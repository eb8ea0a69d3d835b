"""Draw options that no box can satisfy are a 409 with an explanation, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from santa_core.box import service as box_service
from santa_core.box.schemas import DrawOptions
from santa_core.draw import service as draw_service
from santa_core.draw.errors import DrawInfeasible, NotEnoughParticipants
from santa_core.models import BoxStatus
from tests.conftest import make_settings
from tests.factories import make_box, make_member, make_user

SETTINGS = make_settings(Path("/nonexistent"))


@pytest.mark.parametrize(
    ("people", "options"),
    [
        (3, DrawOptions(gifts_per_person=5)),
        (2, DrawOptions(avoid_two_cycles=True)),
        (3, DrawOptions(gifts_per_person=2, avoid_two_cycles=True)),
    ],
)
def test_impossible_options(db: Session, people: int, options: DrawOptions) -> None:
    owner = make_user(db)
    box = make_box(db, owner=owner, draw_options=options.model_dump())
    for _ in range(people - 1):
        make_member(db, box)
    box_service.change_status(db, owner, box.id, target=BoxStatus.READY)
    preview = draw_service.preview_draw(db, owner, box.id)
    assert preview.feasible is False
    assert preview.explanation
    with db.begin_nested(), pytest.raises(DrawInfeasible):
        draw_service.run_draw(db, owner, box.id, settings=SETTINGS)


def test_one_person_is_not_a_draw(db: Session) -> None:
    owner = make_user(db)
    box = make_box(db, owner=owner)
    box_service.change_status(db, owner, box.id, target=BoxStatus.READY)
    preview = draw_service.preview_draw(db, owner, box.id)
    assert preview.reason == "not_enough_participants"
    with pytest.raises(NotEnoughParticipants):
        draw_service.run_draw(db, owner, box.id, settings=SETTINGS)


def test_several_gifts_each(db: Session) -> None:
    owner = make_user(db)
    box = make_box(db, owner=owner, draw_options={"gifts_per_person": 2})
    for _ in range(4):
        make_member(db, box)
    box_service.change_status(db, owner, box.id, target=BoxStatus.READY)
    draw_service.run_draw(db, owner, box.id, settings=SETTINGS, acknowledge_secrecy_warning=True)
    summary = draw_service.get_draw(db, owner, box.id)
    assert summary.participant_count == 5
