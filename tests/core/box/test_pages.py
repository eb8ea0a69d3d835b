"""Keyset pages: walking by cursor gives every member once, in join order; the count
comes with the first page only (or when asked); a cursor we did not issue is refused."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import members as member_service
from santa_core.errors import InvalidInput
from santa_core.invite import service as invite_service
from santa_core.invite.schemas import InviteImportEntry
from tests.conftest import make_settings
from tests.factories import make_box, make_member


class TestParticipantPages:
    def test_cursor_walk_matches_numbered_pages(self, db: Session) -> None:
        box = make_box(db)
        owner = db.get(models.User, box.organizer_id)
        assert owner is not None
        for _ in range(11):
            make_member(db, box)
        first = member_service.list_participants(db, owner, box.id, per_page=5)
        assert first.total == 12
        seen = [p.id for p in first.items]
        cursor = first.next_cursor
        while cursor is not None:
            page = member_service.list_participants(db, owner, box.id, per_page=5, cursor=cursor)
            assert page.total is None
            seen += [p.id for p in page.items]
            cursor = page.next_cursor
        numbered = [
            p.id
            for n in (1, 2, 3)
            for p in member_service.list_participants(db, owner, box.id, per_page=5, page=n).items
        ]
        assert seen == numbered
        assert len(set(seen)) == 12

    def test_total_on_request_and_last_page_has_no_cursor(self, db: Session) -> None:
        box = make_box(db)
        owner = db.get(models.User, box.organizer_id)
        assert owner is not None
        make_member(db, box)
        first = member_service.list_participants(db, owner, box.id, per_page=1)
        second = member_service.list_participants(
            db, owner, box.id, per_page=1, cursor=first.next_cursor, with_total=True
        )
        assert second.total == 2
        assert second.next_cursor is None
        assert member_service.list_participants(db, owner, box.id, page=2, per_page=1).total is None

    @pytest.mark.parametrize("cursor", ["nope", "W10", "WyJ4IiwieSJd"])
    def test_foreign_cursor_is_refused(self, db: Session, cursor: str) -> None:
        box = make_box(db)
        owner = db.get(models.User, box.organizer_id)
        assert owner is not None
        with pytest.raises(InvalidInput):
            member_service.list_participants(db, owner, box.id, cursor=cursor)


def test_invitations_walk_by_cursor(db: Session, tmp_path: object) -> None:
    box = make_box(db)
    owner = db.get(models.User, box.organizer_id)
    assert owner is not None
    settings = make_settings(tmp_path)  # type: ignore[arg-type]
    entries = [InviteImportEntry(email=f"g{i}@example.org") for i in range(7)]
    invite_service.invite_many(db, settings, owner, box.id, entries=entries)
    page = invite_service.list_invites(db, owner, box.id, per_page=3)
    assert page.total == 7
    seen = [i.email for i in page.items]
    while page.next_cursor is not None:
        page = invite_service.list_invites(db, owner, box.id, per_page=3, cursor=page.next_cursor)
        seen += [i.email for i in page.items]
    assert sorted(seen) == sorted(e.email for e in entries)
    assert len(seen) == 7
