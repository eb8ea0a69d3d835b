"""Acceptance 4: invalid input on every write route is a 422 problem+json with field errors;
an infeasible draw is a 409 carrying the engine's explanation, in the caller's language."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import rules as rule_service
from santa_core.box import service as box_service
from santa_core.box.member_schemas import HouseholdCreate
from santa_core.box.schemas import BoxCreate
from santa_core.config import Settings
from santa_core.models import BoxStatus
from santa_server.app import create_app
from tests.factories import make_member, make_user
from tests.server.boxkit import API, auth, problem
from tests.server.test_boxes_permissions import MATRIX, build_world

WRITE = {"POST", "PATCH", "PUT", "DELETE"}

#: A body that breaks the schema, per write route with a body (field -> what is wrong).
BAD_BODIES: dict[str, tuple[dict[str, Any], str]] = {
    "create_box": ({"name": "", "min_budget": "50", "max_budget": "10"}, "name"),
    "update_box": ({"currency": "euro"}, "currency"),
    "change_box_status": ({"status": "sideways"}, "status"),
    "renew_box": ({"event_date": 20261224}, "event_date"),
    "add_participant": ({"display_name": "X", "offline": "yes"}, "offline"),
    "update_my_card": ({"phone": "call me maybe"}, "phone"),
    "update_participant": ({"takes_part": 1}, "takes_part"),
    "create_household": ({"participant_ids": ["not-a-uuid"]}, "participant_ids"),
    "update_household": ({"participant_ids": []}, "participant_ids"),
    "create_exclusion": ({"santa_participant_id": 5}, "santa_participant_id"),
    "create_forced_pair": ({"giftee_participant_id": "me"}, "giftee_participant_id"),
    "create_invite": ({"email": "not an email"}, "email"),
    "import_invites": ({"invites": []}, "invites"),
    "run_draw": ({"acknowledge_secrecy_warning": "true"}, "acknowledge_secrecy_warning"),
    "join_with_new_account": ({"email": "x@example.org", "password": "short"}, "password"),
    "reveal_pairs": ({"reason": "short", "confirm": False}, "reason"),
    "add_latecomer": ({"display_name": "Late", "email": "not an email"}, "email"),
    "update_reveal_settings": ({"allow_reveal": "sometimes"}, "allow_reveal"),
}


def _write_routes() -> list[str]:
    from tests.server.test_boxes_permissions import DUMMY

    return [op for op, (_, req, _) in MATRIX.items() if req(DUMMY)[0] in WRITE]


def test_every_write_route_is_covered() -> None:
    from tests.server.test_boxes_permissions import DUMMY

    with_body = {op for op in _write_routes() if MATRIX[op][1](DUMMY)[2] is not None}
    assert with_body == set(BAD_BODIES)


def test_invalid_input_on_every_write_route(settings: Settings, engine: Engine) -> None:

    failures = []
    world = build_world(engine, settings, BoxStatus.DRAFT)
    headers = auth(settings, world.users["organizer"])
    with TestClient(create_app(settings)) as client:
        for op in _write_routes():
            _status, request, _ = MATRIX[op]
            method, path, body = request(world)
            if op in BAD_BODIES:
                bad, field = BAD_BODIES[op]
                r = client.request(method, API + path, json=bad, headers=headers)
                body_problem = problem(r, 422)
                fields = {str(e["loc"][1]) for e in body_problem["errors"] if len(e["loc"]) > 1}
                if field not in fields:
                    failures.append(f"{op}: no field error for {field}: {body_problem}")
                extra = client.request(
                    method, API + path, json={**(body or {}), "no_such_field": 1}, headers=headers
                )
                if extra.status_code != 422:
                    failures.append(f"{op}: unknown field accepted ({extra.status_code})")
            # a malformed id or code in the path is a field error too
            broken = _break_path(path)
            if broken is None:
                continue
            r = client.request(method, API + broken, json=body, headers=headers)
            if r.status_code != 422 or not r.json()["errors"]:
                failures.append(f"{op}: malformed path {broken} gave {r.status_code}")
            assert r.headers["content-type"] == "application/problem+json"
    assert not failures, "\n".join(failures)


def _break_path(path: str) -> str | None:
    """The path with its last id or code replaced by garbage (None: it has none)."""
    parts = path.split("/")
    for i in range(len(parts) - 1, -1, -1):
        if len(parts[i]) >= 30:  # a UUID or a code
            parts[i] = "x" * 300
            return "/".join(parts)
    return None


def _infeasible_box(engine: Engine) -> tuple[models.User, str]:
    """Three people, two of them a household: the third cannot both give and receive."""
    with Session(engine, expire_on_commit=False) as s:
        owner = make_user(s, full_name="Tiny owner")
        box = box_service.create_box(s, owner, data=BoxCreate(name="Tiny"))
        a, b = make_member(s, box), make_member(s, box)
        rule_service.create_household(
            s, owner, box.id, data=HouseholdCreate(participant_ids=[a.id, b.id])
        )
        box_service.change_status(s, owner, box.id, target=BoxStatus.READY)
        s.commit()
        return owner, str(box.id)


@pytest.mark.parametrize(("language", "word"), [("en", "give"), ("ru", "дарить")])
def test_infeasible_draw_is_409_with_the_explanation(
    settings: Settings, engine: Engine, language: str, word: str
) -> None:
    owner, box_id = _infeasible_box(engine)
    headers = {**auth(settings, owner), "Accept-Language": language}
    with TestClient(create_app(settings)) as client:
        preview = client.get(f"{API}/boxes/{box_id}/draw/preview", headers=headers).json()
        r = client.post(f"{API}/boxes/{box_id}/draw", json={}, headers=headers)
        box = client.get(f"{API}/boxes/{box_id}", headers=headers).json()
    assert preview["feasible"] is False
    assert preview["reason"] == "hall"
    body = problem(r, 409, "draw_infeasible")
    assert body["detail"] == preview["explanation"] + (
        " " + preview["suggestion"] if preview["suggestion"] else ""
    )
    assert word in body["detail"].lower()
    assert "Tiny owner" in body["detail"]  # people are named, not numbered
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", body["detail"])
    assert box["status"] == "ready"  # nothing was drawn


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("address", "x" * 1001, "at most 1000 characters"),
        ("phone", "1" * 41, "at most 40 characters"),
        ("wishes", "x" * 10_001, "at most 10000 characters"),
    ],
)
def test_length_errors_speak_of_characters(
    settings: Settings, engine: Engine, field: str, value: str, message: str
) -> None:
    world = build_world(engine, settings, BoxStatus.DRAFT)
    headers = auth(settings, world.users["participant"])
    with TestClient(create_app(settings)) as client:
        r = client.patch(
            f"{API}/boxes/{world.box_id}/participants/me", json={field: value}, headers=headers
        )
    (error,) = problem(r, 422)["errors"]
    assert error["loc"][-1] == field
    assert message in error["message"]
    assert "items" not in error["message"]


def test_field_errors_speak_the_callers_language(settings: Settings, engine: Engine) -> None:
    world = build_world(engine, settings, BoxStatus.DRAFT)
    headers = auth(settings, world.users["organizer"])
    bad = {"name": "two\nlines", "currency": "euro", "max_budget": "lots", "surprise": 1}
    with TestClient(create_app(settings)) as client:
        ru = client.post(f"{API}/boxes", json=bad, headers={**headers, "Accept-Language": "ru"})
        en = client.post(f"{API}/boxes", json=bad, headers=headers)
        domain = client.post(
            f"{API}/boxes",
            json={"name": "Office", "min_budget": 50, "max_budget": 10},
            headers={**headers, "Accept-Language": "ru-RU,ru;q=0.9"},
        )
    by_field = {e["loc"][-1]: e for e in problem(ru, 422)["errors"]}
    assert by_field["name"]["message"] == "Должно быть одной строкой."
    assert by_field["currency"]["message"] == "Неверный формат."
    assert by_field["max_budget"]["message"] == "Должно быть числом."
    assert by_field["surprise"]["message"] == "Неизвестное поле."
    assert {e["code"] for e in problem(ru, 422)["errors"]} == {
        e["code"] for e in problem(en, 422)["errors"]
    }  # codes are the same in every language
    english = {e["loc"][-1]: e["message"] for e in problem(en, 422)["errors"]}
    assert "single line" in english["name"]
    assert english["surprise"] == "Extra inputs are not permitted"
    (budget,) = problem(domain, 422)["errors"]
    assert budget["message"] == "Минимальный бюджет больше максимального."
