"""IDOR sweep generated from the OpenAPI spec: every operation with an id in its path.

Each such operation is classified once below; a new operation that is not fails
:func:`test_every_operation_with_a_path_id_is_classified`. Then, against a drawn
box (real ids for every path parameter: the box, a member, a household, an
exclusion, an invitation, a pair and one of its messages):

- an outsider (signed in, not in the box) gets 404 from every box operation,
  exactly what a box that does not exist answers;
- a plain participant gets 403 or 404 from every organizer operation, and 404
  from the operations on a pair (thread, gift) they are not part of;
- an account's own objects (sessions, social accounts) are 404 for another account.

Request bodies are the permission matrix's where it has one, otherwise built from
the operation's schema, so refusals come from the permission check, not from
validation.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.auth import sessions
from santa_core.config import Settings
from santa_core.models import BoxStatus
from santa_core.pair.service import pair_id
from santa_server.app import create_app
from tests.server.boxkit import API, auth
from tests.server.test_boxes_permissions import DUMMY, MATRIX, World, build_world

#: Reached by any member; outsiders get 404.
MEMBER = "member"
#: Organizers only: plain participants get 403/404, outsiders 404.
ORGANIZER = "organizer"
#: One pair's thread or gift: only its santa and giftee (others in the box: 404).
PAIR = "pair"
#: The signed-in account's own objects: another account's id is 404.
OWN = "own"
#: No object id: the path holds a secret (rate-limited, tests/server/security/
#: test_rate_limits.py) or a provider name.
NOT_AN_ID = "not_an_id"

#: Operations the permission matrix does not cover, by class.
EXTRA: dict[str, str] = {
    "list_announcements": MEMBER,
    "post_announcement": ORGANIZER,
    "list_box_events": MEMBER,
    "list_my_gifts": MEMBER,
    "get_gift_summary": ORGANIZER,
    "move_gift": PAIR,
    "assign_backup_santa": ORGANIZER,
    "list_threads": MEMBER,
    "list_messages": PAIR,
    "send_message": PAIR,
    "delete_message": PAIR,
    "edit_message": PAIR,
    "mark_thread_read": PAIR,
    "revoke_my_session": OWN,
    "unlink_my_social_account": OWN,
    "start_oauth_sign_in": NOT_AN_ID,
    "complete_oauth": NOT_AN_ID,
    "start_oauth_link": NOT_AN_ID,
    "get_calendar_ics": NOT_AN_ID,
    "get_invitation": NOT_AN_ID,
    "accept_invitation": NOT_AN_ID,
    "decline_invitation": NOT_AN_ID,
    "join_with_new_account": NOT_AN_ID,
}


def _matrix_class(op_id: str) -> str:
    _, _, expected = MATRIX[op_id]
    return ORGANIZER if expected["participant"] >= 400 else MEMBER


def classify(op_id: str) -> str | None:
    if op_id in EXTRA:
        return EXTRA[op_id]
    if op_id in MATRIX:
        return _matrix_class(op_id)
    return None


Operation = tuple[str, str, str, dict[str, Any]]  # method, path, operation id, operation


def operations_with_ids(spec: dict[str, Any]) -> list[Operation]:
    return [
        (method.upper(), path, op["operationId"], op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "{" in path
    ]


@pytest.fixture
def spec(settings: Settings) -> dict[str, Any]:
    return create_app(settings).openapi()


def test_every_operation_with_a_path_id_is_classified(spec: dict[str, Any]) -> None:
    missing = [op_id for _, _, op_id, _ in operations_with_ids(spec) if classify(op_id) is None]
    assert not missing, f"classify these operations in EXTRA (or the permission matrix): {missing}"


# --- bodies ------------------------------------------------------------------------------


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = spec["components"]["schemas"][name]
    return schema


def sample(spec: dict[str, Any], schema: dict[str, Any]) -> Any:
    """A small valid value of ``schema`` (required properties only)."""
    schema = _resolve(spec, schema)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if _resolve(spec, s).get("type") != "null"]
            return sample(spec, options[0])
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {k: sample(spec, props[k]) for k in schema.get("required", [])}
    if kind == "array":
        return [sample(spec, schema["items"]) for _ in range(schema.get("minItems", 0))]
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return max(1, schema.get("minimum", 1))
    if kind == "boolean":
        return False
    fmt = schema.get("format")
    if fmt == "uuid":
        return str(uuid.uuid4())
    if fmt == "email":
        return "someone@example.org"
    if fmt == "date":
        return "2030-12-24"
    if fmt == "date-time":
        return "2030-12-20T18:00:00Z"
    return "x" * max(1, schema.get("minLength", 1))


def body_for(spec: dict[str, Any], op_id: str, op: dict[str, Any], world: World) -> Any:
    if op_id in MATRIX:
        return MATRIX[op_id][1](world)[2]
    content = op.get("requestBody", {}).get("content", {})
    if "application/json" not in content:
        return None
    return sample(spec, content["application/json"]["schema"])


# --- the world's ids ---------------------------------------------------------------------


def _pairs(engine: Engine, world: World) -> list[tuple[uuid.UUID, uuid.UUID, uuid.UUID | None]]:
    """``(santa, giftee, santa's account)`` of every pair in the box."""
    with Session(engine) as s:
        return [
            (a, b, u)
            for a, b, u in s.execute(
                select(
                    models.Draw.santa_participant_id,
                    models.Draw.giftee_participant_id,
                    models.Participant.user_id,
                )
                .join(models.Participant, models.Participant.id == models.Draw.santa_participant_id)
                .where(models.Draw.box_id == world.box_id)
            )
        ]


def _pair_ids(settings: Settings, engine: Engine, world: World) -> tuple[str, str, uuid.UUID]:
    """A pair of the plain participant, and one they are not in (with its santa's account)."""
    pairs = _pairs(engine, world)
    mine = next((a, b) for a, b, _ in pairs if world.member_id in (a, b))
    a, b, santa = next(
        (a, b, u) for a, b, u in pairs if world.member_id not in (a, b) and u is not None
    )
    assert santa is not None
    return pair_id(settings, world.box_id, *mine), pair_id(settings, world.box_id, a, b), santa


def _message_in(
    client: TestClient, settings: Settings, engine: Engine, world: World, pid: str, santa: uuid.UUID
) -> str:
    """Post a message into pair ``pid`` as its santa; its id."""
    with Session(engine) as s:
        user = s.get(models.User, santa)
    assert user is not None
    r = client.post(
        f"{API}/boxes/{world.box_id}/threads/{pid}/messages",
        json={"body": "hello"},
        headers=auth(settings, user),
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


Fill = Callable[[str], str]


def filler(world: World, pair: str, message: str) -> Fill:
    values = {
        "box_id": str(world.box_id),
        "participant_id": str(world.offline_id),
        "household_id": str(world.household_id),
        "exclusion_id": str(world.exclusion_id),
        "forced_pair_id": str(uuid.uuid4()),
        "invite_id": str(world.invite_id),
        "pair_id": pair,
        "message_id": message,
    }
    return lambda path: re.sub(r"{(\w+)}", lambda m: values[m.group(1)], path)


# --- the sweep ---------------------------------------------------------------------------


def test_outsiders_and_members_are_refused(
    settings: Settings, engine: Engine, spec: dict[str, Any]
) -> None:
    world = build_world(engine, settings, BoxStatus.MATCHED)
    failures: list[str] = []
    with TestClient(create_app(settings)) as client:
        mine, others, santa = _pair_ids(settings, engine, world)
        message = _message_in(client, settings, engine, world, others, santa)
        real = filler(world, others, message)
        fake = filler(
            DUMMY,  # ids of nothing: what a box that does not exist answers
            others,
            str(uuid.uuid4()),
        )
        outsider = auth(settings, world.users["outsider"])
        member = auth(settings, world.users["participant"])
        swept = 0
        for method, path, op_id, op in operations_with_ids(spec):
            kind = classify(op_id)
            if kind not in (MEMBER, ORGANIZER, PAIR):
                continue
            swept += 1
            body = body_for(spec, op_id, op, world)
            r = client.request(method, real(path), json=body, headers=outsider)
            ghost = client.request(method, fake(path), json=body, headers=outsider)
            if r.status_code != 404 or r.json().get("code") != ghost.json().get("code"):
                failures.append(f"{op_id} as outsider: {r.status_code} {r.text[:200]}")
            if kind == ORGANIZER:
                r = client.request(method, real(path), json=body, headers=member)
                if r.status_code not in (403, 404):
                    failures.append(f"{op_id} as participant: {r.status_code} {r.text[:200]}")
            elif kind == PAIR:
                r = client.request(method, real(path), json=body, headers=member)
                if r.status_code != 404:
                    failures.append(
                        f"{op_id} as a participant outside the pair: {r.status_code} {r.text[:200]}"
                    )
        # the member's own pair is reachable: the refusals above are about the id
        r = client.get(f"{API}/boxes/{world.box_id}/threads/{mine}/messages", headers=member)
        assert r.status_code == 200, r.text
    assert swept >= 50
    assert not failures, "\n".join(failures)


def test_another_accounts_session_is_not_found(settings: Settings, engine: Engine) -> None:
    world = build_world(engine, settings, BoxStatus.DRAFT)
    victim = world.users["outsider"]
    with Session(engine) as s, s.begin():
        user = s.get(models.User, victim.id)
        assert user is not None
        issued = sessions.start_session(s, settings, user, user_agent="victim", ip="198.51.100.1")
        session_id = issued.session_id
    with TestClient(create_app(settings)) as client:
        attacker = auth(settings, world.users["participant"])
        r = client.delete(f"{API}/users/me/sessions/{session_id}", headers=attacker)
        assert r.status_code == 404, r.text
        r = client.delete(f"{API}/users/me/social-accounts/{uuid.uuid4()}", headers=attacker)
        assert r.status_code == 404, r.text
    with Session(engine) as s:
        family = s.scalars(
            select(models.RefreshToken.revoked_at).where(
                models.RefreshToken.family_id == session_id
            )
        ).all()
    assert family == [None]  # the victim's session still stands
