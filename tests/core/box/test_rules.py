"""Households (both ways, one step), exclusions and forced pairs."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import rules as rule_service
from santa_core.box.errors import ExclusionExists, InvalidRule
from santa_core.box.member_schemas import (
    ExclusionCreate,
    ForcedPairCreate,
    HouseholdCreate,
    HouseholdUpdate,
)
from santa_core.draw.inputs import build_input
from santa_core.errors import BoxNotEditable
from santa_core.models import BoxStatus
from tests.factories import make_box, make_member


def _owner(db: Session, box: models.Box) -> models.User:
    user = db.get(models.User, box.organizer_id)
    assert user is not None
    return user


class TestHouseholds:
    def test_create_lists_members(self, db: Session) -> None:
        box = make_box(db)
        a, b, c = (make_member(db, box) for _ in range(3))
        household = rule_service.create_household(
            db,
            _owner(db, box),
            box.id,
            data=HouseholdCreate(name="Smiths", participant_ids=[a.id, b.id]),
        )
        assert set(household.participant_ids) == {a.id, b.id}
        assert c.household_id is None
        listed = rule_service.list_households(db, _owner(db, box), box.id)
        assert [set(h.participant_ids) for h in listed] == [{a.id, b.id}]

    def test_moving_people_drops_a_household_left_alone(self, db: Session) -> None:
        box = make_box(db)
        owner = _owner(db, box)
        a, b, c = (make_member(db, box) for _ in range(3))
        first = rule_service.create_household(
            db, owner, box.id, data=HouseholdCreate(participant_ids=[a.id, b.id])
        )
        rule_service.create_household(
            db, owner, box.id, data=HouseholdCreate(participant_ids=[b.id, c.id])
        )
        remaining = rule_service.list_households(db, owner, box.id)
        assert len(remaining) == 1
        assert set(remaining[0].participant_ids) == {b.id, c.id}
        assert db.get(models.Household, first.id) is None

    def test_update_replaces_members(self, db: Session) -> None:
        box = make_box(db)
        owner = _owner(db, box)
        a, b, c = (make_member(db, box) for _ in range(3))
        h = rule_service.create_household(
            db, owner, box.id, data=HouseholdCreate(participant_ids=[a.id, b.id])
        )
        updated = rule_service.update_household(
            db, owner, box.id, h.id, data=HouseholdUpdate(participant_ids=[a.id, c.id])
        )
        assert set(updated.participant_ids) == {a.id, c.id}
        db.refresh(b)
        assert b.household_id is None

    def test_unknown_or_repeated_people_are_field_errors(self, db: Session) -> None:
        box = make_box(db)
        a = make_member(db, box)
        outsider = make_member(db, make_box(db))
        with pytest.raises(InvalidRule) as info:
            rule_service.create_household(
                db,
                _owner(db, box),
                box.id,
                data=HouseholdCreate(participant_ids=[a.id, outsider.id]),
            )
        assert info.value.errors[0].loc == ("body", "participant_ids", 1)
        with pytest.raises(InvalidRule):
            rule_service.create_household(
                db, _owner(db, box), box.id, data=HouseholdCreate(participant_ids=[a.id, a.id])
            )

    def test_fixed_after_the_draw(self, db: Session) -> None:
        box = make_box(db)
        a, b = make_member(db, box), make_member(db, box)
        box.status = BoxStatus.MATCHED
        with pytest.raises(BoxNotEditable):
            rule_service.create_household(
                db, _owner(db, box), box.id, data=HouseholdCreate(participant_ids=[a.id, b.id])
            )


class TestExclusions:
    def test_both_ways_in_one_step(self, db: Session) -> None:
        box = make_box(db)
        a, b = make_member(db, box), make_member(db, box)
        made = rule_service.create_exclusion(
            db,
            _owner(db, box),
            box.id,
            data=ExclusionCreate(
                santa_participant_id=a.id, giftee_participant_id=b.id, both_ways=True
            ),
        )
        assert {(e.santa_participant_id, e.giftee_participant_id) for e in made} == {
            (a.id, b.id),
            (b.id, a.id),
        }
        with pytest.raises(ExclusionExists):
            rule_service.create_exclusion(
                db,
                _owner(db, box),
                box.id,
                data=ExclusionCreate(santa_participant_id=b.id, giftee_participant_id=a.id),
            )

    def test_self_and_strangers_are_refused(self, db: Session) -> None:
        box = make_box(db)
        a = make_member(db, box)
        with pytest.raises(InvalidRule):
            rule_service.create_exclusion(
                db,
                _owner(db, box),
                box.id,
                data=ExclusionCreate(santa_participant_id=a.id, giftee_participant_id=a.id),
            )
        with pytest.raises(InvalidRule):
            rule_service.create_exclusion(
                db,
                _owner(db, box),
                box.id,
                data=ExclusionCreate(santa_participant_id=a.id, giftee_participant_id=uuid.uuid4()),
            )

    def test_delete(self, db: Session) -> None:
        box = make_box(db)
        a, b = make_member(db, box), make_member(db, box)
        (e,) = rule_service.create_exclusion(
            db,
            _owner(db, box),
            box.id,
            data=ExclusionCreate(santa_participant_id=a.id, giftee_participant_id=b.id),
        )
        rule_service.delete_exclusion(db, _owner(db, box), box.id, e.id)
        assert rule_service.list_exclusions(db, _owner(db, box), box.id) == []


class TestForcedPairs:
    def test_reach_the_engine_input_for_drawn_people_only(self, db: Session) -> None:
        box = make_box(db)
        a, b, c = (make_member(db, box) for _ in range(3))
        away = make_member(db, box, takes_part=False)
        owner = _owner(db, box)
        rule_service.create_forced_pair(
            db,
            owner,
            box.id,
            data=ForcedPairCreate(santa_participant_id=a.id, giftee_participant_id=b.id),
        )
        rule_service.create_forced_pair(
            db,
            owner,
            box.id,
            data=ForcedPairCreate(santa_participant_id=away.id, giftee_participant_id=c.id),
        )
        assert build_input(db, box).data.forced == ((str(a.id), str(b.id)),)
        listed = rule_service.list_forced_pairs(db, owner, box.id)
        assert {(f.santa_participant_id, f.giftee_participant_id) for f in listed} == {
            (a.id, b.id),
            (away.id, c.id),
        }
