"""Who may do what in which box status, through the services."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import lifecycle
from santa_core.box import service as box_service
from santa_core.box.access import get_member
from santa_core.box.errors import OwnerCannotLeave
from santa_core.box.lifecycle import Action
from santa_core.box.member_schemas import ParticipantCreate
from santa_core.box.schemas import BoxUpdate
from santa_core.draw import leaving as leaving_service
from santa_core.errors import (
    BoxNotEditable,
    BoxNotFound,
    InvalidTransition,
    NotOrganizer,
)
from santa_core.invite import adding as adding_service
from santa_core.invite.service import InviteExists
from santa_core.models import BoxStatus, ParticipantRole
from tests.conftest import make_settings
from tests.factories import make_box, make_member, make_user

ALL = list(BoxStatus)
SETTINGS = make_settings(Path("/nonexistent"))


def _box_in(session: Session, status: BoxStatus) -> models.Box:
    box = make_box(session)
    box.status = status
    session.flush()
    return box


def _organizer(session: Session, box: models.Box) -> models.User:
    user = session.get(models.User, box.organizer_id)
    assert user is not None
    return user


class TestCreateBox:
    def test_creator_becomes_organizer_member(self, db: Session) -> None:
        owner = make_user(db)
        box = make_box(db, owner=owner, name="Office 2026")
        members = db.scalars(select(models.Participant).where(models.Participant.box_id == box.id))
        (member,) = list(members)
        assert member.user_id == owner.id
        assert member.role is ParticipantRole.ORGANIZER
        assert box.status is BoxStatus.DRAFT
        assert box.slug.startswith("office-2026-")

    def test_slugs_never_collide(self, db: Session) -> None:
        owner = make_user(db)
        slugs = {make_box(db, owner=owner, name="Same name").slug for _ in range(20)}
        assert len(slugs) == 20

    def test_creation_is_audited(self, db: Session) -> None:
        box = make_box(db)
        actions = db.scalars(
            select(models.AuditEvent.action).where(models.AuditEvent.box_id == box.id)
        ).all()
        assert actions == ["box.created"]


class TestStatusMachine:
    @pytest.mark.parametrize(
        ("start", "target"),
        [
            (s, t)
            for s in ALL
            for t in ALL
            if t in lifecycle.TRANSITIONS[s]
            and t in box_service.MANUAL_TARGETS
            and (s not in box_service.DRAWN or t is BoxStatus.ARCHIVED)
        ],
    )
    def test_allowed_transition(self, db: Session, start: BoxStatus, target: BoxStatus) -> None:
        box = _box_in(db, start)
        box_service.change_status(db, _organizer(db, box), box.id, target=target)
        assert box.status is target

    @pytest.mark.parametrize(
        ("start", "target"),
        [(s, t) for s in ALL for t in ALL if t not in lifecycle.TRANSITIONS[s]],
    )
    def test_forbidden_transition(self, db: Session, start: BoxStatus, target: BoxStatus) -> None:
        box = _box_in(db, start)
        with pytest.raises(InvalidTransition):
            box_service.change_status(db, _organizer(db, box), box.id, target=target)
        assert box.status is start

    @pytest.mark.parametrize("target", [BoxStatus.DRAWING, BoxStatus.MATCHED])
    def test_draw_states_only_through_the_draw(self, db: Session, target: BoxStatus) -> None:
        box = _box_in(db, BoxStatus.READY)
        with pytest.raises(InvalidTransition, match="running the draw"):
            box_service.change_status(db, _organizer(db, box), box.id, target=target)
        assert box.status is BoxStatus.READY

    @pytest.mark.parametrize("target", [BoxStatus.READY, BoxStatus.DRAFT])
    def test_drawn_box_cannot_be_reopened_by_hand(self, db: Session, target: BoxStatus) -> None:
        # Reopening would hide every assignment and leave the old pairs blocking a new draw.
        box = _box_in(db, BoxStatus.MATCHED)
        with pytest.raises(InvalidTransition, match="only be archived"):
            box_service.change_status(db, _organizer(db, box), box.id, target=target)
        assert box.status is BoxStatus.MATCHED

    def test_archived_is_final(self) -> None:
        assert lifecycle.TRANSITIONS[BoxStatus.ARCHIVED] == frozenset()


class TestOnlyOrganizersEdit:
    def test_participant_cannot_edit_box(self, db: Session) -> None:
        box = make_box(db)
        member = make_user(db)
        make_member(db, box, member)
        with pytest.raises(NotOrganizer):
            box_service.update_box(db, member, box.id, data=BoxUpdate(name="Mine now"))

    def test_co_organizer_can_edit_box(self, db: Session) -> None:
        box = make_box(db)
        helper = make_user(db)
        make_member(db, box, helper, role=ParticipantRole.CO_ORGANIZER)
        box_service.update_box(db, helper, box.id, data=BoxUpdate(name="Renamed"))
        assert box.name == "Renamed"

    def test_outsider_gets_not_found(self, db: Session) -> None:
        box = make_box(db)
        with pytest.raises(BoxNotFound):
            box_service.update_box(db, make_user(db), box.id, data=BoxUpdate(name="x"))

    def test_superuser_can_edit_any_box(self, db: Session) -> None:
        box = make_box(db)
        admin = make_user(db, is_superuser=True)
        box_service.update_box(db, admin, box.id, data=BoxUpdate(description="fixed"))
        assert box.description == "fixed"

    def test_deleted_box_is_invisible(self, db: Session) -> None:
        box = make_box(db)
        owner = _organizer(db, box)
        box_service.delete_box(db, owner, box.id)
        with pytest.raises(BoxNotFound):
            box_service.get_box(db, owner, box.id)

    def test_participant_cannot_change_status(self, db: Session) -> None:
        box = make_box(db)
        member = make_user(db)
        make_member(db, box, member)
        with pytest.raises(NotOrganizer):
            box_service.change_status(db, member, box.id, target=BoxStatus.READY)


class TestParticipantsByStatus:
    @pytest.mark.parametrize("status", ALL)
    def test_add_participant(self, db: Session, status: BoxStatus) -> None:
        box = _box_in(db, status)
        data = ParticipantCreate(display_name="Kid", offline=True)
        if lifecycle.can(Action.ADD_PARTICIPANT, status):
            p = adding_service.add_participant(db, SETTINGS, _organizer(db, box), box.id, data=data)
            assert p.is_offline
        else:
            with pytest.raises(BoxNotEditable):
                adding_service.add_participant(db, SETTINGS, _organizer(db, box), box.id, data=data)

    def test_cannot_add_to_archived_box(self, db: Session) -> None:
        box = _box_in(db, BoxStatus.ARCHIVED)
        with pytest.raises(BoxNotEditable, match="before the draw"):
            adding_service.add_participant(
                db,
                SETTINGS,
                _organizer(db, box),
                box.id,
                data=ParticipantCreate(display_name="Late", offline=True),
            )

    @pytest.mark.parametrize("status", ALL)
    def test_remove_participant(self, db: Session, status: BoxStatus) -> None:
        box = make_box(db)
        member = make_member(db, box)
        box.status = status
        db.flush()
        owner = _organizer(db, box)
        # After the draw a removal goes through the engine's repair (see the draw tests).
        if lifecycle.can(Action.REMOVE_PARTICIPANT, status) or status is BoxStatus.MATCHED:
            leaving_service.remove_participant(db, SETTINGS, owner, box.id, member.id)
            assert db.get(models.Participant, member.id) is None
        else:
            with pytest.raises(BoxNotEditable):
                leaving_service.remove_participant(db, SETTINGS, owner, box.id, member.id)

    def test_same_email_twice_conflicts(self, db: Session) -> None:
        box = make_box(db)
        owner = _organizer(db, box)
        data = ParticipantCreate(display_name="Ann", email="ann@example.com")
        adding_service.add_participant(db, SETTINGS, owner, box.id, data=data)
        again = ParticipantCreate(display_name="Ann", email="ANN@example.com")
        with pytest.raises(InviteExists):
            adding_service.add_participant(db, SETTINGS, owner, box.id, data=again)

    def test_owner_cannot_be_removed(self, db: Session) -> None:
        box = make_box(db)
        owner = _organizer(db, box)
        me = get_member(db, box.id, owner.id)
        assert me is not None
        with pytest.raises(OwnerCannotLeave):
            leaving_service.remove_participant(db, SETTINGS, owner, box.id, me.id)

    @pytest.mark.parametrize("status", ALL)
    def test_edit_box_rules_table(self, db: Session, status: BoxStatus) -> None:
        box = _box_in(db, status)
        update = BoxUpdate(description="new")
        if lifecycle.can(Action.EDIT_BOX, status):
            box_service.update_box(db, _organizer(db, box), box.id, data=update)
            assert box.description == "new"
        else:
            with pytest.raises(BoxNotEditable):
                box_service.update_box(db, _organizer(db, box), box.id, data=update)


class TestLifecycleTable:
    def test_every_action_has_a_rule(self) -> None:
        assert set(lifecycle.ALLOWED) == set(Action)

    def test_nothing_changes_membership_after_the_draw(self) -> None:
        for action in (Action.ADD_PARTICIPANT, Action.REMOVE_PARTICIPANT, Action.JOIN):
            assert not lifecycle.can(action, BoxStatus.MATCHED)
            assert not lifecycle.can(action, BoxStatus.ARCHIVED)

    def test_draw_needs_ready(self) -> None:
        assert [s for s in ALL if lifecycle.can(Action.DRAW, s)] == [BoxStatus.READY]
