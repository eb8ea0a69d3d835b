"""Big-box queries use indexes: at 10,000 people no query of a participants page, a
search, the invitations, the households, the draw input or a box read (its member
count comes from an index) scans a whole table.

The statements are the ones the services really send (captured while they run),
explained with their parameters. The box holds the whole table, so a full scan
would be the cheapest plan for the reads of every member: the check asks
whether an index *can* serve each query. On PostgreSQL sequential scans are
switched off, so a Seq Scan in the plan means no index fits; SQLite, given no
statistics, likewise takes any index that fits, and ``SCAN <table>`` means none.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, insert, text
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import members as member_service
from santa_core.box import rules as rule_service
from santa_core.box import service as box_service
from santa_core.db import utcnow
from santa_core.draw.inputs import build_input
from santa_core.invite import service as invite_service
from tests.factories import make_box

PEOPLE = 10_000
HOT_TABLES = ("participants", "email_invites", "households", "exclusions", "draws")


def _fill(db: Session, box: models.Box) -> None:
    now = utcnow()
    households = [
        {"id": uuid.uuid4(), "box_id": box.id, "name": f"H{i}", "created_at": now}
        for i in range(PEOPLE // 10)
    ]
    db.execute(insert(models.Household), households)
    db.execute(
        insert(models.Participant),
        [
            {
                "id": uuid.uuid4(),
                "box_id": box.id,
                "person_key": uuid.uuid4(),
                "email": f"person{i}@example.com",
                "display_name": f"Person {i}",
                "nickname": f"elf{i}",
                "wishes": "",
                "wish_items": [],
                "status": models.ParticipantStatus.ACTIVE,
                "role": models.ParticipantRole.PARTICIPANT,
                "takes_part": True,
                "is_offline": False,
                "household_id": households[i // 20]["id"] if i < PEOPLE // 2 else None,
                "created_at": now,
                "updated_at": now,
            }
            for i in range(PEOPLE)
        ],
    )
    db.execute(
        insert(models.EmailInvite),
        [
            {
                "id": uuid.uuid4(),
                "box_id": box.id,
                "email": f"guest{i}@example.com",
                "invite_code_hash": uuid.uuid4().hex,
                "status": models.InviteStatus.PENDING,
                "language": models.Language.EN,
                "created_at": now,
                "expires_at": now,
            }
            for i in range(PEOPLE // 5)
        ],
    )
    if db.get_bind().dialect.name == "postgresql":
        for table in HOT_TABLES:
            db.execute(text(f"ANALYZE {table}"))
    # SQLite without statistics takes any index that can serve a query: like
    # PostgreSQL without sequential scans, a full SCAN then means no index fits.


@contextmanager
def captured(db: Session) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []
    conn = db.connection()

    def listen(_c: Any, _cur: Any, statement: str, parameters: Any, *_a: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(conn, "before_cursor_execute", listen)
    try:
        yield statements
    finally:
        event.remove(conn, "before_cursor_execute", listen)


def _full_scans(db: Session, statement: str, parameters: Any) -> list[str]:
    conn = db.connection()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = conn.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {statement}", parameters).scalar()
        found: list[str] = []

        def walk(node: dict[str, Any]) -> None:
            if node.get("Node Type") == "Seq Scan" and node.get("Relation Name") in HOT_TABLES:
                found.append(f"Seq Scan on {node['Relation Name']}")
            for child in node.get("Plans", []):
                walk(child)

        walk(plan[0]["Plan"])
        return found
    rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    return [
        str(row[-1])
        for row in rows
        if any(str(row[-1]).split(" USING")[0] == f"SCAN {t}" for t in HOT_TABLES)
    ]


def test_big_box_queries_use_indexes(db: Session) -> None:
    box = make_box(db)
    owner = db.get(models.User, box.organizer_id)
    assert owner is not None
    _fill(db, box)
    db.expire_all()

    first = member_service.list_participants(db, owner, box.id, per_page=50)
    assert first.next_cursor is not None
    calls: dict[str, Callable[[], Any]] = {
        "participants page": lambda: member_service.list_participants(
            db, owner, box.id, per_page=50
        ),
        "participants by cursor": lambda: member_service.list_participants(
            db, owner, box.id, per_page=50, cursor=first.next_cursor
        ),
        "participant search": lambda: member_service.list_participants(
            db, owner, box.id, q="son 123", per_page=50
        ),
        "invitations": lambda: invite_service.list_invites(db, owner, box.id, per_page=50),
        "households": lambda: rule_service.list_households(db, owner, box.id),
        "draw input": lambda: build_input(db, box),
        "box read (member count)": lambda: box_service.get_box(db, owner, box.id),
    }
    problems: list[str] = []
    for name, call in calls.items():
        with captured(db) as statements:
            call()
        assert statements, name
        for statement, parameters in statements:
            for scan in _full_scans(db, statement, parameters):
                problems.append(f"{name}: {scan} in\n{statement}")
    assert problems == [], "\n\n".join(problems)
