"""Members: cards, private names, organizers acting for offline people, roles, leaving."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import members as member_service
from santa_core.box.access import get_member
from santa_core.box.errors import NotYourCard, OwnerCannotLeave
from santa_core.box.member_schemas import CardUpdate, ParticipantCreate, ParticipantUpdate, WishItem
from santa_core.draw import leaving as leaving_service
from santa_core.errors import BoxNotEditable, InvalidInput, NotOrganizer, ParticipantNotFound
from santa_core.invite import adding as adding_service
from santa_core.models import BoxStatus, ParticipantRole, ParticipantStatus
from tests.conftest import make_settings
from tests.factories import make_box, make_member, make_user

SETTINGS = make_settings(Path("/nonexistent"))


def _owner(db: Session, box: models.Box) -> models.User:
    user = db.get(models.User, box.organizer_id)
    assert user is not None
    return user


class TestCards:
    def test_member_fills_own_card(self, db: Session) -> None:
        box = make_box(db)
        me = make_user(db)
        make_member(db, box, me)
        card = member_service.update_my_card(
            db,
            SETTINGS,
            me,
            box.id,
            data=CardUpdate(
                wishes="socks",
                wish_items=[WishItem(title="Book", url="https://example.com/b")],
                address="1 Main St",
                phone="+1 555 0100",
            ),
        )
        assert card.address == "1 Main St"
        assert card.wish_items is not None
        assert card.wish_items[0].title == "Book"
        assert card.wishes_updated_at is not None

    def test_others_see_no_address_or_email(self, db: Session) -> None:
        box = make_box(db)
        me, other = make_user(db), make_user(db)
        mine = make_member(db, box, me, address="secret street")
        make_member(db, box, other)
        seen = member_service.get_participant(db, other, box.id, mine.id)
        assert seen.address is None
        assert seen.email is None
        assert seen.wishes is None
        organizer_view = member_service.get_participant(db, _owner(db, box), box.id, mine.id)
        assert organizer_view.address is None  # organizers do not see members' addresses
        assert organizer_view.has_address is True
        assert organizer_view.email == me.email

    def test_private_names_show_nicknames_to_members_only(self, db: Session) -> None:
        box = make_box(db, is_private_names=True)
        a, b = make_user(db, full_name="Alice Real"), make_user(db)
        pa = make_member(db, box, a, display_name="Alice Real", nickname="Snowflake")
        make_member(db, box, b)
        names = {
            p.id: p.display_name for p in member_service.list_participants(db, b, box.id).items
        }
        assert names[pa.id] == "Snowflake"
        assert member_service.list_participants(db, b, box.id, q="alice").total == 0
        organizer_names = {
            p.id: p.display_name
            for p in member_service.list_participants(db, _owner(db, box), box.id).items
        }
        assert organizer_names[pa.id] == "Alice Real"
        assert member_service.get_my_card(db, a, box.id).display_name == "Alice Real"

    def test_cards_are_frozen_in_archived_boxes(self, db: Session) -> None:
        box = make_box(db)
        me = make_user(db)
        make_member(db, box, me)
        box.status = BoxStatus.ARCHIVED
        with pytest.raises(BoxNotEditable):
            member_service.update_my_card(db, SETTINGS, me, box.id, data=CardUpdate(wishes="x"))

    def test_wish_change_after_draw_tells_the_santa(self, db: Session) -> None:
        box = make_box(db)
        santa_user, giftee_user = make_user(db), make_user(db)
        santa = make_member(db, box, santa_user)
        giftee = make_member(db, box, giftee_user)
        run = models.DrawRun(box_id=box.id, method="test", engine_version="t")
        db.add(run)
        db.flush()
        db.add(
            models.Draw(
                box_id=box.id,
                run_id=run.id,
                santa_participant_id=santa.id,
                giftee_participant_id=giftee.id,
            )
        )
        box.status = BoxStatus.MATCHED
        db.flush()
        member_service.update_my_card(
            db, SETTINGS, giftee_user, box.id, data=CardUpdate(wishes="a scarf")
        )
        rows = db.scalars(
            select(models.OutboxMessage).where(models.OutboxMessage.kind == "wishlist_changed")
        ).all()
        assert [r.recipient for r in rows] == [santa_user.email]
        assert rows[0].payload["giftee_name"] == giftee.display_name


class TestOrganizers:
    def test_add_offline_person_and_act_for_them(self, db: Session) -> None:
        box = make_box(db)
        owner = _owner(db, box)
        kid = adding_service.add_participant(
            db, SETTINGS, owner, box.id, data=ParticipantCreate(display_name="Kid", offline=True)
        )
        assert kid.status is ParticipantStatus.ACTIVE
        card = member_service.update_participant(
            db, SETTINGS, owner, box.id, kid.id, data=ParticipantUpdate(wishes="lego")
        )
        assert card.wishes == "lego"

    def test_organizer_cannot_edit_a_real_members_card(self, db: Session) -> None:
        box = make_box(db)
        member = make_member(db, box)
        with pytest.raises(NotYourCard):
            member_service.update_participant(
                db, SETTINGS, _owner(db, box), box.id, member.id, data=ParticipantUpdate(wishes="x")
            )

    def test_add_by_email_invites(self, db: Session) -> None:
        box = make_box(db)
        p = adding_service.add_participant(
            db,
            SETTINGS,
            _owner(db, box),
            box.id,
            data=ParticipantCreate(display_name="Ann", email="ann@example.com"),
        )
        assert p.status is ParticipantStatus.INVITED
        invite = db.scalars(
            select(models.EmailInvite).where(models.EmailInvite.participant_id == p.id)
        ).one()
        assert invite.email == "ann@example.com"

    def test_co_organizers_come_and_go(self, db: Session) -> None:
        box = make_box(db)
        helper_user = make_user(db)
        helper = make_member(db, box, helper_user)
        owner = _owner(db, box)
        member_service.update_participant(
            db, SETTINGS, owner, box.id, helper.id, data=ParticipantUpdate(role="co_organizer")
        )
        assert helper.role is ParticipantRole.CO_ORGANIZER
        member_service.update_my_card(db, SETTINGS, helper_user, box.id, data=CardUpdate())
        kid = adding_service.add_participant(
            db,
            SETTINGS,
            helper_user,
            box.id,
            data=ParticipantCreate(display_name="K", offline=True),
        )
        with pytest.raises(InvalidInput):
            member_service.update_participant(
                db, SETTINGS, owner, box.id, kid.id, data=ParticipantUpdate(role="co_organizer")
            )
        owner_row = get_member(db, box.id, owner.id)
        assert owner_row is not None
        with pytest.raises(NotOrganizer):
            member_service.update_participant(
                db,
                SETTINGS,
                helper_user,
                box.id,
                owner_row.id,
                data=ParticipantUpdate(role="participant"),
            )

    def test_plain_member_cannot_manage(self, db: Session) -> None:
        box = make_box(db)
        me, other = make_user(db), make_member(db, box)
        make_member(db, box, me)
        with pytest.raises(NotOrganizer):
            leaving_service.remove_participant(db, SETTINGS, me, box.id, other.id)

    def test_unknown_participant(self, db: Session) -> None:
        box = make_box(db)
        other_box = make_box(db)
        stranger = make_member(db, other_box)
        with pytest.raises(ParticipantNotFound):
            member_service.get_participant(db, _owner(db, box), box.id, stranger.id)


class TestLeaving:
    def test_member_leaves_before_the_draw(self, db: Session) -> None:
        box = make_box(db)
        me = make_user(db)
        mine = make_member(db, box, me)
        member_service.leave_box(db, me, box.id)
        assert db.get(models.Participant, mine.id) is None

    def test_owner_cannot_leave(self, db: Session) -> None:
        box = make_box(db)
        with pytest.raises(OwnerCannotLeave):
            member_service.leave_box(db, _owner(db, box), box.id)

    def test_nobody_leaves_on_their_own_after_the_draw(self, db: Session) -> None:
        box = make_box(db)
        me = make_user(db)
        make_member(db, box, me)
        box.status = BoxStatus.MATCHED
        with pytest.raises(BoxNotEditable):
            member_service.leave_box(db, me, box.id)
