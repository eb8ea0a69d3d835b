"""Joining without an account: sign up and join in one step from an invitation."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_core.models import BoxStatus
from santa_server.app import create_app
from tests.server.boxkit import API, problem
from tests.server.test_boxes_permissions import build_world

PASSWORD = "correct horse battery staple 42"


def _users(engine: Engine) -> int:
    with Session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(models.User)) or 0)


def test_signup_from_an_email_invitation(settings: Settings, engine: Engine) -> None:
    world = build_world(engine, settings, BoxStatus.DRAFT)
    with TestClient(create_app(settings)) as client:
        r = client.post(
            f"{API}/invitations/{world.invite_code}/signup",
            json={"email": "fresh@example.org", "password": PASSWORD, "transport": "body"},
        )
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["membership"]["status"] == "active"
        token = body["auth"]["access_token"]
        box = client.get(
            f"{API}/boxes/{world.box_id}", headers={"Authorization": f"Bearer {token}"}
        ).json()
    assert box["my_role"] == "participant"
    with Session(engine) as s:
        kinds = set(s.scalars(select(models.OutboxMessage.kind)))
    assert "verify_email" in kinds  # the address still gets verified


def test_a_wrong_code_makes_no_account(settings: Settings, engine: Engine) -> None:
    build_world(engine, settings, BoxStatus.DRAFT)
    before = _users(engine)
    with TestClient(create_app(settings)) as client:
        r = client.post(
            f"{API}/invitations/inv_nope/signup",
            json={"email": "ghost@example.org", "password": PASSWORD},
        )
    problem(r, 404, "invite_not_found")
    assert _users(engine) == before


def test_an_existing_account_must_sign_in(settings: Settings, engine: Engine) -> None:
    world = build_world(engine, settings, BoxStatus.DRAFT)
    taken = world.users["outsider"].email
    with TestClient(create_app(settings)) as client:
        r = client.post(
            f"{API}/invitations/{world.link_code}/signup",
            json={"email": taken, "password": PASSWORD},
        )
    problem(r, 409, "email_taken")
