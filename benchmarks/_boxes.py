"""Shared set-up of the box benchmarks: a fresh database and a big box made with bulk inserts."""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, text
from sqlalchemy.engine import make_url

from santa_core import crypto, models
from santa_core.db import make_engine, utcnow
from santa_core.models import BoxStatus, ParticipantRole, ParticipantStatus

DEFAULT_PG = os.environ.get(
    "SANTA_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
ENCRYPTION_KEY = "bench-encryption-key-0123456789abcdef012345"
SECRET = "bench-secret-key-0123456789abcdef0123456789"  # noqa: S105 (benchmark only)


def install_keyring() -> None:
    crypto.install_keyring(crypto.Keyring.from_secrets([ENCRYPTION_KEY]))


def fresh_database(kind: str, workdir: Path) -> tuple[str, Callable[[], None]]:
    """A new empty database (created here, dropped by the returned function)."""
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'bench.db'}", lambda: None
    admin_url = make_url(DEFAULT_PG)
    name = f"santa_bench_{secrets.token_hex(4)}"
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return admin_url.set(database=name).render_as_string(hide_password=False), drop


def make_box(
    engine: Engine, n: int, *, household_size: int = 0, status: BoxStatus = BoxStatus.READY
) -> tuple[uuid.UUID, uuid.UUID]:
    """A box with ``n`` people who all have accounts; the first one organizes it.

    With ``household_size`` the people after the organizer are grouped into
    households of that size. Returns (box id, organizer user id).
    """
    now = utcnow()
    box_id, organizer = uuid.uuid4(), uuid.uuid4()
    users = [
        {
            "id": organizer if i == 0 else uuid.uuid4(),
            "email": f"person{i}@example.com",
            "full_name": f"Person {i}",
            "language": "ru" if i % 2 else "en",
        }
        for i in range(n)
    ]
    households: list[dict[str, Any]] = []
    household_of: list[uuid.UUID | None] = [None] * n
    if household_size > 1:
        for start in range(1, n - household_size + 1, household_size * 2):
            hid = uuid.uuid4()
            households.append({"id": hid, "box_id": box_id, "name": "", "created_at": now})
            for j in range(start, start + household_size):
                household_of[j] = hid
    people = [
        {
            "id": uuid.uuid4(),
            "box_id": box_id,
            "user_id": u["id"],
            "person_key": uuid.uuid4(),
            "email": u["email"],
            "display_name": u["full_name"],
            "wishes": "",
            "wish_items": [],
            "status": ParticipantStatus.ACTIVE,
            "role": ParticipantRole.ORGANIZER if i == 0 else ParticipantRole.PARTICIPANT,
            "takes_part": True,
            "is_offline": False,
            "household_id": household_of[i],
            "created_at": now,
            "updated_at": now,
        }
        for i, u in enumerate(users)
    ]
    with engine.begin() as conn:
        conn.execute(insert(models.User), users)
        conn.execute(
            insert(models.Box),
            [
                {
                    "id": box_id,
                    "organizer_id": organizer,
                    "name": f"Benchmark {n}",
                    "slug": f"bench-{secrets.token_hex(6)}",
                    "status": status,
                    "year": now.year,
                    "series_id": uuid.uuid4(),
                    "draw_options": {},
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        )
        if households:
            conn.execute(insert(models.Household), households)
        conn.execute(insert(models.Participant), people)
    return box_id, organizer


def access_token(engine: Engine, settings: Any, user_id: uuid.UUID) -> str:
    """An access token of a real session (tokens must name one)."""
    from sqlalchemy.orm import Session

    from santa_core.auth import sessions
    from santa_core.auth.tokens import issue_access_token

    with Session(engine, expire_on_commit=False) as s:
        user = s.get(models.User, user_id)
        assert user is not None
        issued = sessions.start_session(s, settings, user)
        s.commit()
    return issue_access_token(settings, user_id, session_id=issued.session_id)
