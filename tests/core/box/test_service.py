"""Box services: listing mine, partial updates with merged checks, soft delete, audit log."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import service as box_service
from santa_core.box.access import get_member
from santa_core.box.schemas import BoxCreate, BoxRoleFilter, BoxUpdate, DrawOptions
from santa_core.errors import BoxNotEditable, BoxNotFound, InvalidInput, NotOrganizer
from santa_core.models import BoxStatus, ParticipantRole
from tests.factories import make_box, make_member, make_user


class TestListBoxes:
    def test_mine_as_organizer_and_participant(self, db: Session) -> None:
        me = make_user(db)
        own = make_box(db, owner=me, name="Own")
        other = make_box(db, name="Theirs")
        make_member(db, other, me)
        make_box(db, name="Stranger's")
        page = box_service.list_boxes(db, me)
        assert {b.name for b in page.items} == {"Own", "Theirs"}
        assert page.total == 2
        organizing = box_service.list_boxes(db, me, role=BoxRoleFilter.ORGANIZER)
        assert [b.id for b in organizing.items] == [own.id]
        joined = box_service.list_boxes(db, me, role=BoxRoleFilter.PARTICIPANT)
        assert [b.my_role for b in joined.items] == [ParticipantRole.PARTICIPANT]

    def test_counts_members_and_paginates(self, db: Session) -> None:
        me = make_user(db)
        for i in range(5):
            box = make_box(db, owner=me, name=f"B{i}")
            for _ in range(i):
                make_member(db, box)
        first = box_service.list_boxes(db, me, page=1, per_page=2)
        third = box_service.list_boxes(db, me, page=3, per_page=2)
        assert first.total == 5
        assert len(first.items) == 2
        assert len(third.items) == 1
        counts = {b.name: b.participant_count for b in box_service.list_boxes(db, me).items}
        assert counts == {f"B{i}": i + 1 for i in range(5)}

    def test_filters_by_status_and_search(self, db: Session) -> None:
        me = make_user(db)
        make_box(db, owner=me, name="Office party")
        ready = make_box(db, owner=me, name="Family 100%")
        box_service.change_status(db, me, ready.id, target=BoxStatus.READY)
        found = box_service.list_boxes(db, me, status=[BoxStatus.READY])
        assert [b.name for b in found.items] == ["Family 100%"]
        assert [b.name for b in box_service.list_boxes(db, me, q="OFFICE").items] == [
            "Office party"
        ]
        assert box_service.list_boxes(db, me, q="0%").total == 1  # % is literal

    def test_deleted_boxes_are_gone(self, db: Session) -> None:
        me = make_user(db)
        box = make_box(db, owner=me)
        box_service.delete_box(db, me, box.id)
        assert box_service.list_boxes(db, me).total == 0
        with pytest.raises(BoxNotFound):
            box_service.get_box(db, me, box.id)


class TestUpdateBox:
    def test_budget_range_is_checked_against_stored_values(self, db: Session) -> None:
        box = make_box(db, max_budget=decimal.Decimal("20"))
        organizer = db.get(models.User, box.organizer_id)
        assert organizer is not None
        with pytest.raises(InvalidInput) as info:
            box_service.update_box(
                db, organizer, box.id, data=BoxUpdate(min_budget=decimal.Decimal("50"))
            )
        assert info.value.errors[0].loc == ("body", "min_budget")

    def test_deadlines_are_checked_against_stored_values(self, db: Session) -> None:
        when = dt.datetime(2030, 12, 1, tzinfo=dt.UTC)
        box = make_box(db, shipping_deadline=when)
        organizer = db.get(models.User, box.organizer_id)
        assert organizer is not None
        with pytest.raises(InvalidInput):
            box_service.update_box(
                db,
                organizer,
                box.id,
                data=BoxUpdate(signup_deadline=when + dt.timedelta(days=1)),
            )

    def test_required_fields_cannot_be_cleared(self, db: Session) -> None:
        box = make_box(db)
        organizer = db.get(models.User, box.organizer_id)
        assert organizer is not None
        with pytest.raises(InvalidInput):
            box_service.update_box(
                db, organizer, box.id, data=BoxUpdate.model_validate({"name": None})
            )

    def test_draw_options_are_fixed_after_the_draw(self, db: Session) -> None:
        box = make_box(db)
        organizer = db.get(models.User, box.organizer_id)
        assert organizer is not None
        box_service.update_box(
            db, organizer, box.id, data=BoxUpdate(draw_options=DrawOptions(avoid_two_cycles=True))
        )
        assert box.draw_options["avoid_two_cycles"] is True
        box.status = BoxStatus.MATCHED
        with pytest.raises(BoxNotEditable):
            box_service.update_box(
                db, organizer, box.id, data=BoxUpdate(draw_options=DrawOptions())
            )
        box_service.update_box(db, organizer, box.id, data=BoxUpdate(description="still ok"))

    def test_organizer_participation_follows_the_box(self, db: Session) -> None:
        box = make_box(db)
        organizer = db.get(models.User, box.organizer_id)
        assert organizer is not None
        box_service.update_box(db, organizer, box.id, data=BoxUpdate(organizer_participates=False))
        me = get_member(db, box.id, organizer.id)
        assert me is not None
        assert me.takes_part is False


class TestAuditLog:
    def test_organizers_read_it_members_do_not(self, db: Session) -> None:
        box = make_box(db)
        organizer = db.get(models.User, box.organizer_id)
        assert organizer is not None
        box_service.update_box(db, organizer, box.id, data=BoxUpdate(description="x"))
        log = box_service.list_audit_events(db, organizer, box.id)
        assert [e.action for e in log.items] == ["box.updated", "box.created"]
        assert log.items[0].details == {"fields": ["description"]}
        filtered = box_service.list_audit_events(db, organizer, box.id, action="box.created")
        assert filtered.total == 1
        member = make_user(db)
        make_member(db, box, member)
        with pytest.raises(NotOrganizer):
            box_service.list_audit_events(db, member, box.id)

    def test_create_box_sets_year_and_options(self, db: Session) -> None:
        owner = make_user(db)
        box = box_service.create_box(
            db,
            owner,
            data=BoxCreate(name="NY", event_date=dt.date(2031, 1, 1), organizer_participates=False),
        )
        assert box.year == 2031
        assert box.draw_options["gifts_per_person"] == 1
