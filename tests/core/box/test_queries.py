"""Big boxes stay fast: listing people, boxes and invitations costs the same number of
queries whatever the page holds (no N+1)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import members as member_service
from santa_core.box import service as box_service
from santa_core.invite import service as invite_service
from santa_core.invite.schemas import InviteImportEntry
from tests.conftest import make_settings
from tests.factories import make_box, make_member, make_user

SETTINGS = make_settings(Path("/nonexistent"))


@contextmanager
def counting(db: Session) -> Iterator[list[str]]:
    statements: list[str] = []
    engine = db.get_bind()

    def listen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def _queries(db: Session, call: Callable[[], Any]) -> int:
    db.flush()
    db.expire_all()
    with counting(db) as statements:
        call()
    return len(statements)


def test_listing_people_does_not_grow_with_the_page(db: Session) -> None:
    box = make_box(db)
    owner = db.get(models.User, box.organizer_id)
    assert owner is not None
    for _ in range(5):
        make_member(db, box)
    small = _queries(db, lambda: member_service.list_participants(db, owner, box.id, per_page=5))
    for _ in range(60):
        make_member(db, box)
    big = _queries(db, lambda: member_service.list_participants(db, owner, box.id, per_page=60))
    assert 0 < big == small


def test_listing_boxes_does_not_grow_with_the_page(db: Session) -> None:
    me = make_user(db)
    make_box(db, owner=me)
    small = _queries(db, lambda: box_service.list_boxes(db, me))
    for _ in range(30):
        box = make_box(db, owner=me)
        make_member(db, box)
    big = _queries(db, lambda: box_service.list_boxes(db, me))
    assert 0 < big == small


def test_importing_invitations_is_a_fixed_number_of_statements(db: Session) -> None:
    box = make_box(db)
    owner = db.get(models.User, box.organizer_id)
    assert owner is not None

    def invite(n: int, start: int) -> Callable[[], Any]:
        entries = [InviteImportEntry(email=f"g{start + i}@example.org") for i in range(n)]
        return lambda: invite_service.invite_many(db, SETTINGS, owner, box.id, entries=entries)

    few = _queries(db, invite(3, 0))
    many = _queries(db, invite(300, 100))
    # SQLite's executemany counts once per statement here; PostgreSQL uses COPY
    assert few > 0
    assert many <= few + 2
