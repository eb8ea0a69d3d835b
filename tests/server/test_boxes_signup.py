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
            json={"email": "fresh@example.org", "password": PASSWORD},
        )
        assert r.status_code == 202, r.text
        assert r.json() == {"email": "fresh@example.org", "verification_required": False}
        r = client.post(
            f"{API}/auth/login",
            json={"email": "fresh@example.org", "password": PASSWORD, "transport": "body"},
        )
        token = r.json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        box = client.get(f"{API}/boxes/{world.box_id}", headers=auth).json()
        # opening the link again after signing in is harmless: the same membership
        again = client.post(f"{API}/invitations/{world.invite_code}/accept", headers=auth)
        assert again.status_code == 200, again.text
        assert again.json()["box_id"] == str(world.box_id)
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


def test_an_existing_account_is_not_told_apart_and_its_owner_is_emailed(
    settings: Settings, engine: Engine
) -> None:
    world = build_world(engine, settings, BoxStatus.DRAFT)
    taken = world.users["outsider"].email
    with TestClient(create_app(settings)) as client:
        answers = [
            client.post(
                f"{API}/invitations/{world.link_code}/signup",
                json={"email": email, "password": PASSWORD},
            )
            for email in (taken, "brand-new@example.org")
        ]
    assert [r.status_code for r in answers] == [202, 202]
    assert [set(r.json()) for r in answers] == [{"email", "verification_required"}] * 2
    with Session(engine) as s:
        notices = s.scalars(
            select(models.OutboxMessage).where(models.OutboxMessage.kind == "signup_attempt")
        ).all()
        assert [n.recipient for n in notices] == [taken]
        # the taken address did not join the box; the new one did
        joined = set(
            s.scalars(
                select(models.Participant.email).where(models.Participant.box_id == world.box_id)
            )
        )
    assert "brand-new@example.org" in joined
    assert taken not in joined


def test_a_closed_invitation_is_refused_alike_for_every_address(
    settings: Settings, engine: Engine
) -> None:
    world = build_world(engine, settings, BoxStatus.MATCHED)
    taken = world.users["outsider"].email
    with TestClient(create_app(settings)) as client:
        for email in (taken, "someone-new@example.org"):
            r = client.post(
                f"{API}/invitations/{world.link_code}/signup",
                json={"email": email, "password": PASSWORD},
            )
            problem(r, 409, "box_not_editable")
