"""Acceptance 2: the permission matrix, every box/participant/invite/draw route × every role.

Each cell runs against a fresh box (so deleting or leaving cannot spoil the
next cell). Outsiders get 404 for boxes they may not know about, never 403.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import rules as rule_service
from santa_core.box import service as box_service
from santa_core.box.member_schemas import (
    ExclusionCreate,
    ForcedPairCreate,
    HouseholdCreate,
    ParticipantCreate,
)
from santa_core.box.schemas import BoxCreate
from santa_core.config import Settings
from santa_core.draw import service as draw_service
from santa_core.invite import adding as adding_service
from santa_core.invite import join as join_service
from santa_core.invite import service as invite_service
from santa_core.invite.schemas import InviteCreate
from santa_core.models import BoxStatus, ParticipantRole
from santa_core.notify.sealed import unseal_payload
from santa_server.app import create_app
from tests.factories import make_member, make_user
from tests.server.boxkit import API, auth

ROLES = ("anonymous", "outsider", "participant", "organizer", "co_organizer", "superuser")
MY_TAGS = {"boxes", "participants", "invites", "draws"}


@dataclass
class World:
    box_id: uuid.UUID
    users: dict[str, models.User]
    member_id: uuid.UUID  # the plain participant's membership
    offline_id: uuid.UUID
    household_id: uuid.UUID
    exclusion_id: uuid.UUID
    forced_pair_id: uuid.UUID
    co_id: uuid.UUID  # the co-organizer's membership
    invite_id: uuid.UUID
    invite_code: str
    link_code: str


def build_world(engine: Engine, settings: Settings, status: BoxStatus) -> World:
    with Session(engine, expire_on_commit=False) as s:
        owner, co, member = make_user(s), make_user(s), make_user(s)
        outsider, admin = make_user(s), make_user(s, is_superuser=True)
        box = box_service.create_box(s, owner, data=BoxCreate(name="Matrix"))
        co_p = make_member(s, box, co, role=ParticipantRole.CO_ORGANIZER)
        member_p = make_member(s, box, member)
        # Someone the kid may draw: not in the kid's household, not an organizer (the kid's
        # organizers open the kid's assignment, so the kid never gives to them).
        make_member(s, box, make_user(s))
        kid = adding_service.add_participant(
            s, settings, owner, box.id, data=ParticipantCreate(display_name="Kid", offline=True)
        )
        invite = invite_service.create_invite(
            s, settings, owner, box.id, data=InviteCreate(email=f"inv-{uuid.uuid4().hex}@x.org")
        )
        invite.last_sent_at = invite.last_sent_at - dt.timedelta(minutes=5)  # type: ignore[operator]
        outbox = s.scalars(
            select(models.OutboxMessage).where(models.OutboxMessage.kind == "invite")
        ).all()
        code = next(
            unseal_payload(o.payload)["accept_url"].rsplit("/", 1)[1]
            for o in outbox
            if o.recipient == invite.email
        )
        link = join_service.create_join_link(s, settings, owner, box.id)
        household = rule_service.create_household(
            s, owner, box.id, data=HouseholdCreate(participant_ids=[member_p.id, kid.id])
        )
        (exclusion,) = rule_service.create_exclusion(
            s,
            owner,
            box.id,
            data=ExclusionCreate(santa_participant_id=co_p.id, giftee_participant_id=member_p.id),
        )
        forced = rule_service.create_forced_pair(
            s,
            owner,
            box.id,
            data=ForcedPairCreate(santa_participant_id=co_p.id, giftee_participant_id=kid.id),
        )
        if status in (BoxStatus.READY, BoxStatus.MATCHED):
            box_service.change_status(s, owner, box.id, target=BoxStatus.READY)
        if status is BoxStatus.MATCHED:
            draw_service.run_draw(
                s, owner, box.id, settings=settings, acknowledge_secrecy_warning=True
            )
        s.commit()
        return World(
            box_id=box.id,
            users={
                "outsider": outsider,
                "participant": member,
                "organizer": owner,
                "co_organizer": co,
                "superuser": admin,
            },
            member_id=member_p.id,
            offline_id=kid.id,
            household_id=household.id,
            exclusion_id=exclusion.id,
            forced_pair_id=forced.id,
            co_id=co_p.id,
            invite_id=invite.id,
            invite_code=code,
            link_code=link.code,
        )


_u = uuid.uuid4()
DUMMY = World(_u, {}, _u, _u, _u, _u, _u, _u, _u, "code", "code")
Req = Callable[[World], tuple[str, str, Any]]


def manage(ok: int) -> dict[str, int]:
    return {
        "anonymous": 401,
        "outsider": 404,
        "participant": 403,
        "organizer": ok,
        "co_organizer": ok,
        "superuser": ok,
    }


def member(ok: int, superuser: int | None = None) -> dict[str, int]:
    return {
        "anonymous": 401,
        "outsider": 404,
        "participant": ok,
        "organizer": ok,
        "co_organizer": ok,
        "superuser": ok if superuser is None else superuser,
    }


def signed_in(ok: int) -> dict[str, int]:
    return {role: (401 if role == "anonymous" else ok) for role in ROLES}


B = "/boxes/{w.box_id}"

#: operation id -> (box status, request, expected status by role)
MATRIX: dict[str, tuple[BoxStatus, Req, dict[str, int]]] = {
    "create_box": (BoxStatus.DRAFT, lambda w: ("POST", "/boxes", {"name": "New"}), signed_in(201)),
    "list_boxes": (BoxStatus.DRAFT, lambda w: ("GET", "/boxes", None), signed_in(200)),
    "get_box": (BoxStatus.DRAFT, lambda w: ("GET", f"/boxes/{w.box_id}", None), member(200)),
    "update_box": (
        BoxStatus.DRAFT,
        lambda w: ("PATCH", f"/boxes/{w.box_id}", {"description": "x"}),
        manage(200),
    ),
    "delete_box": (BoxStatus.DRAFT, lambda w: ("DELETE", f"/boxes/{w.box_id}", None), manage(204)),
    "change_box_status": (
        BoxStatus.DRAFT,
        lambda w: ("POST", f"/boxes/{w.box_id}/status", {"status": "ready"}),
        manage(200),
    ),
    "renew_box": (
        BoxStatus.MATCHED,
        lambda w: ("POST", f"/boxes/{w.box_id}/renew", {}),
        manage(201),
    ),
    "list_box_audit_events": (
        BoxStatus.DRAFT,
        lambda w: ("GET", f"/boxes/{w.box_id}/audit-events", None),
        manage(200),
    ),
    "list_participants": (
        BoxStatus.DRAFT,
        lambda w: ("GET", f"/boxes/{w.box_id}/participants", None),
        member(200),
    ),
    "add_participant": (
        BoxStatus.DRAFT,
        lambda w: (
            "POST",
            f"/boxes/{w.box_id}/participants",
            {"display_name": "Baby", "offline": True},
        ),
        manage(201),
    ),
    "get_my_card": (
        BoxStatus.DRAFT,
        lambda w: ("GET", f"/boxes/{w.box_id}/participants/me", None),
        member(200, superuser=404),
    ),
    "update_my_card": (
        BoxStatus.DRAFT,
        lambda w: ("PATCH", f"/boxes/{w.box_id}/participants/me", {"wishes": "socks"}),
        member(200, superuser=404),
    ),
    "leave_box": (
        BoxStatus.DRAFT,
        lambda w: ("DELETE", f"/boxes/{w.box_id}/participants/me", None),
        {**member(204, superuser=404), "organizer": 409},
    ),
    "get_participant": (
        BoxStatus.DRAFT,
        lambda w: ("GET", f"/boxes/{w.box_id}/participants/{w.member_id}", None),
        member(200),
    ),
    "update_participant": (
        BoxStatus.DRAFT,
        lambda w: ("PATCH", f"/boxes/{w.box_id}/participants/{w.member_id}", {"nickname": "N"}),
        manage(200),
    ),
    "remove_participant": (
        BoxStatus.DRAFT,
        lambda w: ("DELETE", f"/boxes/{w.box_id}/participants/{w.member_id}", None),
        manage(204),
    ),
    "list_households": (
        BoxStatus.DRAFT,
        lambda w: ("GET", f"/boxes/{w.box_id}/households", None),
        manage(200),
    ),
    "create_household": (
        BoxStatus.DRAFT,
        lambda w: (
            "POST",
            f"/boxes/{w.box_id}/households",
            {"participant_ids": [str(w.member_id), str(w.offline_id)], "name": "Home"},
        ),
        manage(201),
    ),
    "update_household": (
        BoxStatus.DRAFT,
        lambda w: ("PATCH", f"/boxes/{w.box_id}/households/{w.household_id}", {"name": "H"}),
        manage(200),
    ),
    "delete_household": (
        BoxStatus.DRAFT,
        lambda w: ("DELETE", f"/boxes/{w.box_id}/households/{w.household_id}", None),
        manage(204),
    ),
    "list_exclusions": (
        BoxStatus.DRAFT,
        lambda w: ("GET", f"/boxes/{w.box_id}/exclusions", None),
        manage(200),
    ),
    "create_exclusion": (
        BoxStatus.DRAFT,
        lambda w: (
            "POST",
            f"/boxes/{w.box_id}/exclusions",
            {
                "santa_participant_id": str(w.offline_id),
                "giftee_participant_id": str(w.member_id),
            },
        ),
        manage(201),
    ),
    "delete_exclusion": (
        BoxStatus.DRAFT,
        lambda w: ("DELETE", f"/boxes/{w.box_id}/exclusions/{w.exclusion_id}", None),
        manage(204),
    ),
    "list_forced_pairs": (
        BoxStatus.DRAFT,
        lambda w: ("GET", f"/boxes/{w.box_id}/forced-pairs", None),
        manage(200),
    ),
    "create_forced_pair": (
        BoxStatus.DRAFT,
        lambda w: (
            "POST",
            f"/boxes/{w.box_id}/forced-pairs",
            {
                "santa_participant_id": str(w.member_id),
                "giftee_participant_id": str(w.co_id),
            },
        ),
        manage(201),
    ),
    "delete_forced_pair": (
        BoxStatus.DRAFT,
        lambda w: ("DELETE", f"/boxes/{w.box_id}/forced-pairs/{w.forced_pair_id}", None),
        manage(204),
    ),
    "list_invites": (
        BoxStatus.DRAFT,
        lambda w: ("GET", f"/boxes/{w.box_id}/invites", None),
        manage(200),
    ),
    "create_invite": (
        BoxStatus.DRAFT,
        lambda w: ("POST", f"/boxes/{w.box_id}/invites", {"email": "new@example.org"}),
        manage(201),
    ),
    "import_invites": (
        BoxStatus.DRAFT,
        lambda w: (
            "POST",
            f"/boxes/{w.box_id}/invites/import",
            {"invites": [{"email": "a@example.org"}, {"email": "b@example.org"}]},
        ),
        manage(200),
    ),
    "resend_invite": (
        BoxStatus.DRAFT,
        lambda w: ("POST", f"/boxes/{w.box_id}/invites/{w.invite_id}/resend", None),
        manage(200),
    ),
    "revoke_invite": (
        BoxStatus.DRAFT,
        lambda w: ("DELETE", f"/boxes/{w.box_id}/invites/{w.invite_id}", None),
        manage(204),
    ),
    "create_join_link": (
        BoxStatus.DRAFT,
        lambda w: ("POST", f"/boxes/{w.box_id}/join-link", None),
        manage(201),
    ),
    "disable_join_link": (
        BoxStatus.DRAFT,
        lambda w: ("DELETE", f"/boxes/{w.box_id}/join-link", None),
        manage(204),
    ),
    "get_invitation": (
        BoxStatus.DRAFT,
        lambda w: ("GET", f"/invitations/{w.invite_code}", None),
        dict.fromkeys(ROLES, 200),
    ),
    "accept_invitation": (
        BoxStatus.DRAFT,
        lambda w: ("POST", f"/invitations/{w.link_code}/accept", None),
        {**member(200), "anonymous": 401, "outsider": 200, "superuser": 200},
    ),
    "decline_invitation": (
        BoxStatus.DRAFT,
        lambda w: ("POST", f"/invitations/{w.invite_code}/decline", None),
        dict.fromkeys(ROLES, 204),
    ),
    "join_with_new_account": (
        BoxStatus.DRAFT,
        lambda w: (
            "POST",
            f"/invitations/{w.link_code}/signup",
            {
                "email": f"new-{uuid.uuid4().hex}@example.org",
                "password": "correct horse battery staple 42",
                "full_name": "Newcomer",
            },
        ),
        dict.fromkeys(ROLES, 202),
    ),
    "preview_draw": (
        BoxStatus.READY,
        lambda w: ("GET", f"/boxes/{w.box_id}/draw/preview", None),
        manage(200),
    ),
    "run_draw": (
        BoxStatus.READY,
        lambda w: ("POST", f"/boxes/{w.box_id}/draw", {"acknowledge_secrecy_warning": True}),
        manage(201),
    ),
    "get_draw": (
        BoxStatus.MATCHED,
        lambda w: ("GET", f"/boxes/{w.box_id}/draw", None),
        member(200),
    ),
    "get_my_assignment": (
        BoxStatus.MATCHED,
        lambda w: ("GET", f"/boxes/{w.box_id}/assignment", None),
        member(200, superuser=404),
    ),
    "get_participant_assignment": (
        BoxStatus.MATCHED,
        lambda w: ("GET", f"/boxes/{w.box_id}/participants/{w.offline_id}/assignment", None),
        manage(200),
    ),
    "reveal_pairs": (
        BoxStatus.MATCHED,
        lambda w: (
            "POST",
            f"/boxes/{w.box_id}/draw/reveal",
            {"reason": "support ticket 42: lost email", "confirm": True},
        ),
        manage(200),
    ),
    "add_latecomer": (
        BoxStatus.MATCHED,
        lambda w: ("POST", f"/boxes/{w.box_id}/draw/latecomers", {"display_name": "Late"}),
        manage(201),
    ),
    "get_reveal_settings": (
        BoxStatus.MATCHED,
        lambda w: ("GET", f"/boxes/{w.box_id}/reveal-settings", None),
        member(200),
    ),
    "update_reveal_settings": (
        BoxStatus.MATCHED,
        lambda w: ("PATCH", f"/boxes/{w.box_id}/reveal-settings", {"allow_reveal": True}),
        manage(200),
    ),
    # Off by default: organizers are refused (reveal_not_allowed) until they allow it.
    "reveal_draw": (
        BoxStatus.MATCHED,
        lambda w: ("POST", f"/boxes/{w.box_id}/draw/reveal-all", None),
        manage(409),
    ),
    "get_draw_verification": (
        BoxStatus.MATCHED,
        lambda w: ("GET", f"/boxes/{w.box_id}/draw/verification", None),
        member(200),
    ),
}


def _my_operations(client: TestClient) -> set[str]:
    spec = client.get("/openapi.json").json()
    return {
        op["operationId"]
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and MY_TAGS & set(op.get("tags", []))
    }


def test_matrix(settings: Settings, engine: Engine) -> None:
    failures = []
    # Reads and refused writes change nothing: they share one box per status.
    shared: dict[BoxStatus, World] = {}
    with TestClient(create_app(settings)) as client:
        assert _my_operations(client) == set(MATRIX), "every route must be in the matrix"
        for op_id, (status, request, expected) in MATRIX.items():
            assert set(expected) == set(ROLES), op_id
            for role in ROLES:
                if request(DUMMY)[0] == "GET" or expected[role] >= 400:
                    if status not in shared:
                        shared[status] = build_world(engine, settings, status)
                    world = shared[status]
                else:
                    world = build_world(engine, settings, status)
                method, path, body = request(world)
                headers = {} if role == "anonymous" else auth(settings, world.users[role])
                response = client.request(method, API + path, json=body, headers=headers)
                if response.status_code != expected[role]:
                    failures.append(f"{op_id} as {role}: {response.status_code} {response.text}")
                elif response.status_code >= 400:
                    assert response.headers["content-type"] == "application/problem+json"
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ["outsider"])
def test_outsider_cannot_tell_a_box_exists(settings: Settings, engine: Engine, role: str) -> None:
    world = build_world(engine, settings, BoxStatus.DRAFT)
    with TestClient(create_app(settings)) as client:
        headers = auth(settings, world.users[role])
        real = client.get(f"{API}/boxes/{world.box_id}", headers=headers)
        missing = client.get(f"{API}/boxes/{uuid.uuid4()}", headers=headers)
    assert real.status_code == missing.status_code == 404
    assert real.json()["code"] == missing.json()["code"] == "box_not_found"
