"""Acceptance 1 and 6: the whole journey over the API, and nothing secret in plain text."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect, text

from santa_core.config import Settings
from santa_server.app import create_app
from tests.server.boxkit import Actor, account, invite_codes, ok, problem

ADDRESS = "Baker Street 221b, London"


def _journey(client: TestClient, settings: Settings, engine: Engine) -> dict[str, Any]:
    organizer = Actor(client, settings, account(engine, full_name="Olga Organizer"))
    box = ok(
        organizer.post(
            "/boxes",
            json={"name": "Family 2026", "min_budget": "10", "max_budget": 30, "currency": "EUR"},
        ),
        201,
    )
    box_id = box["id"]
    assert box["my_role"] == "organizer"
    assert box["status"] == "draft"

    emailed = [account(engine, full_name=f"Mail {i}") for i in range(5)]
    for user in emailed:
        ok(organizer.post(f"/boxes/{box_id}/invites", json={"email": user.email}), 201)
    codes = invite_codes(engine, box_id)
    assert set(codes) == {u.email for u in emailed}
    link = ok(organizer.post(f"/boxes/{box_id}/join-link"), 201)
    by_link = [account(engine, full_name=f"Link {i}") for i in range(2)]

    people = [Actor(client, settings, u) for u in emailed + by_link]
    for actor in people[:5]:
        code = codes[actor.user.email]
        assert ok(actor.client.get(f"/api/v1/invitations/{code}"))["kind"] == "email"
        joined = ok(actor.post(f"/invitations/{code}/accept"))
        assert joined["status"] == "active"
    for actor in people[5:]:
        ok(actor.post(f"/invitations/{link['code']}/accept"))

    for i, actor in enumerate([organizer, *people]):
        card = ok(
            actor.patch(
                f"/boxes/{box_id}/participants/me",
                json={
                    "wishes": f"wish of {actor.user.full_name}",
                    "wish_items": [{"title": "Book", "url": "https://example.com/book"}],
                    "address": f"{ADDRESS} #{i}",
                    "phone": f"+44 20 7946 09{i:02d}",
                },
            )
        )
        assert card["address"] == f"{ADDRESS} #{i}"

    listing = ok(organizer.get(f"/boxes/{box_id}/participants", params={"per_page": 50}))
    assert listing["total"] == 8
    ids = {p["email"]: p["id"] for p in listing["items"]}
    couple = [ids[people[0].user.email], ids[people[1].user.email]]
    ok(organizer.post(f"/boxes/{box_id}/households", json={"participant_ids": couple}), 201)

    ok(organizer.post(f"/boxes/{box_id}/status", json={"status": "ready"}))
    preview = ok(organizer.get(f"/boxes/{box_id}/draw/preview"))
    assert preview["feasible"] is True
    assert preview["participant_count"] == 8
    summary = ok(
        organizer.post(
            f"/boxes/{box_id}/draw",
            json={"acknowledge_secrecy_warning": preview["requires_acknowledgement"]},
        ),
        201,
    )
    assert summary["round"] == 1
    assert summary["participant_count"] == 8

    santa_of: dict[str, str] = {}
    everyone = [organizer, *people]
    my_id = {a.user.id: ids[a.user.email] for a in everyone}
    for actor in everyone:
        mine = ok(actor.get(f"/boxes/{box_id}/assignment"))
        assert len(mine["giftees"]) == 1
        giftee = mine["giftees"][0]
        assert giftee["participant_id"] != my_id[actor.user.id]
        assert giftee["wishes"].startswith("wish of ")
        assert giftee["address"].startswith(ADDRESS)
        santa_of[giftee["participant_id"]] = my_id[actor.user.id]
        # nobody sees anyone else's assignment
        other = next(i for i in my_id.values() if i != my_id[actor.user.id])
        assert actor.get(f"/boxes/{box_id}/participants/{other}/assignment").status_code in (
            403,
            404,
        )
    assert sorted(santa_of) == sorted(my_id.values())  # a permutation
    assert santa_of[couple[0]] != couple[1]
    assert santa_of[couple[1]] != couple[0]

    # The organizer sees no pairs: not in lists, cards, audit log or the draw summary.
    body = organizer.get(f"/boxes/{box_id}/participants").text
    body += organizer.get(f"/boxes/{box_id}/audit-events", params={"per_page": 200}).text
    body += organizer.get(f"/boxes/{box_id}/draw").text
    assert "giftee" not in body
    problem(
        organizer.get(f"/boxes/{box_id}/participants/{couple[0]}/assignment"),
        403,
        "pairs_are_private",
    )
    return {"codes": [*codes.values(), link["code"]], "box_id": box_id}


def _text_values(engine: Engine) -> list[str]:
    values: list[str] = []
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                values.extend(str(v) for v in row if v is not None)
    return values


def test_whole_journey_and_no_plaintext_secrets(settings: Settings, engine: Engine) -> None:
    with TestClient(create_app(settings)) as client:
        result = _journey(client, settings, engine)
    dump = "\n".join(_text_values(engine))
    for code in result["codes"]:
        assert code not in dump
        assert code.split("_", 1)[1] not in dump
    assert ADDRESS not in dump
    assert "Baker Street" not in dump
    for i in range(8):
        assert f"+44 20 7946 09{i:02d}" not in dump
    assert "enc1:" in dump  # they are there, encrypted
