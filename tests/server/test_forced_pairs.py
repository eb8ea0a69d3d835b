"""Forced pairs ("A must give to B") over the API: organizers only, before the draw,
honoured by the draw, explained by the preview, kept out of the giftee's export and
removed when a person is scrubbed."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.auth.scrub import scrub_account
from santa_core.box import service as box_service
from santa_core.box.schemas import BoxCreate
from santa_core.config import Settings
from santa_core.models import BoxStatus
from santa_core.user.export import export_user
from santa_server.app import create_app
from tests.factories import make_member, make_user
from tests.server.boxkit import API, auth


@dataclass
class Box:
    id: uuid.UUID
    owner: models.User
    member: models.User
    #: Participant ids: a, b, c are members with accounts (a is ``member``'s card).
    a: uuid.UUID
    b: uuid.UUID
    c: uuid.UUID
    users: dict[uuid.UUID, models.User]


def _box(engine: Engine) -> Box:
    with Session(engine, expire_on_commit=False) as s:
        owner = make_user(s)
        box = box_service.create_box(s, owner, data=BoxCreate(name="Forced"))
        users = [make_user(s) for _ in range(3)]
        cards = [make_member(s, box, u) for u in users]
        s.commit()
        return Box(
            box.id,
            owner,
            users[0],
            cards[0].id,
            cards[1].id,
            cards[2].id,
            {c.id: u for c, u in zip(cards, users, strict=True)},
        )


def _pair(santa: uuid.UUID, giftee: uuid.UUID) -> dict[str, str]:
    return {"santa_participant_id": str(santa), "giftee_participant_id": str(giftee)}


def test_forced_pair_lifecycle_and_draw(settings: Settings, engine: Engine) -> None:
    box = _box(engine)
    base = f"{API}/boxes/{box.id}/forced-pairs"
    with TestClient(create_app(settings)) as client:
        org, plain = auth(settings, box.owner), auth(settings, box.member)
        made = client.post(base, json=_pair(box.a, box.b), headers=org)
        assert made.status_code == 201, made.text
        forced = made.json()
        assert (forced["santa_participant_id"], forced["giftee_participant_id"]) == (
            str(box.a),
            str(box.b),
        )
        listed = client.get(base, headers=org).json()
        assert [f["id"] for f in listed] == [forced["id"]]
        # A plain member (even the santa of the pair) reads no forced pair.
        assert client.get(base, headers=plain).status_code == 403
        # One per santa and one per giftee; never to oneself; only members of the box.
        for body, status, code in (
            (_pair(box.a, box.c), 409, "forced_pair_exists"),
            (_pair(box.c, box.b), 409, "forced_pair_exists"),
            (_pair(box.c, box.c), 422, "invalid_rule"),
            (_pair(box.c, uuid.uuid4()), 422, "invalid_rule"),
        ):
            r = client.post(base, json=body, headers=org)
            assert r.status_code == status, r.text
            assert r.json()["code"] == code
        preview = client.get(f"{API}/boxes/{box.id}/draw/preview", headers=org).json()
        assert preview["feasible"] is True
        with Session(engine) as s:
            actions = set(
                s.scalars(
                    select(models.AuditEvent.action).where(models.AuditEvent.box_id == box.id)
                )
            )
        assert "forced_pair.created" in actions
        with Session(engine) as s:
            owner = s.get(models.User, box.owner.id)
            assert owner is not None
            box_service.change_status(s, owner, box.id, target=BoxStatus.READY)
            s.commit()
        ran = client.post(
            f"{API}/boxes/{box.id}/draw",
            json={"acknowledge_secrecy_warning": True},
            headers=org,
        )
        assert ran.status_code in (200, 201), ran.text
        with Session(engine) as s:
            giftees = set(
                s.scalars(
                    select(models.Draw.giftee_participant_id).where(
                        models.Draw.box_id == box.id, models.Draw.santa_participant_id == box.a
                    )
                )
            )
        assert giftees == {box.b}
        # Fixed once the draw has run.
        late = client.post(base, json=_pair(box.c, box.a), headers=org)
        assert (late.status_code, late.json()["code"]) == (409, "box_not_editable")
        gone = client.delete(f"{base}/{forced['id']}", headers=org)
        assert (gone.status_code, gone.json()["code"]) == (409, "box_not_editable")


def test_clash_is_explained_by_the_preview_and_delete(settings: Settings, engine: Engine) -> None:
    box = _box(engine)
    base = f"{API}/boxes/{box.id}"
    with TestClient(create_app(settings)) as client:
        org = auth(settings, box.owner)
        forced = client.post(f"{base}/forced-pairs", json=_pair(box.a, box.b), headers=org)
        assert forced.status_code == 201
        r = client.post(f"{base}/exclusions", json=_pair(box.a, box.b), headers=org)
        assert r.status_code == 201
        preview = client.get(
            f"{base}/draw/preview", headers={**org, "Accept-Language": "en"}
        ).json()
        assert preview["feasible"] is False
        assert preview["reason"] == "forced_conflict"
        assert "forced to give" in preview["explanation"]
        assert preview["suggestion"]
        missing = client.delete(f"{base}/forced-pairs/{uuid.uuid4()}", headers=org)
        assert (missing.status_code, missing.json()["code"]) == (404, "forced_pair_not_found")
        assert (
            client.delete(f"{base}/forced-pairs/{forced.json()['id']}", headers=org).status_code
            == 204
        )
        assert client.get(f"{base}/forced-pairs", headers=org).json() == []
        assert client.get(f"{base}/draw/preview", headers=org).json()["feasible"] is True


def test_export_and_scrub(settings: Settings, engine: Engine) -> None:
    box = _box(engine)
    with TestClient(create_app(settings)) as client:
        org = auth(settings, box.owner)
        r = client.post(f"{API}/boxes/{box.id}/forced-pairs", json=_pair(box.a, box.b), headers=org)
        assert r.status_code == 201
        pair_id = r.json()["id"]
    now = dt.datetime.now(dt.UTC)
    with Session(engine) as s:
        santa = s.get(models.User, box.users[box.a].id)
        giftee = s.get(models.User, box.users[box.b].id)
        assert santa is not None
        assert giftee is not None
        # The santa's export holds their own rule; the giftee's never names their santa.
        assert pair_id in str(export_user(s, santa, now=now).get("forced_pairs"))
        giftee_export = export_user(s, giftee, now=now)
        assert "forced_pairs" not in giftee_export
        assert pair_id not in str(giftee_export)
        scrub_account(s, giftee, now=now)
        s.commit()
    with Session(engine) as s:
        left = s.scalars(select(models.ForcedPair).where(models.ForcedPair.box_id == box.id))
        assert list(left) == []


def test_a_forced_pair_against_the_offline_rule_is_named(
    settings: Settings, engine: Engine
) -> None:
    """Kid (offline) forced to give to the organizer: the engine's explanation, not the
    offline rule's, and the fix is removing the forced pair."""
    box = _box(engine)
    base = f"{API}/boxes/{box.id}"
    with TestClient(create_app(settings)) as client:
        org = {**auth(settings, box.owner), "Accept-Language": "en"}
        kid = client.post(
            f"{base}/participants", json={"display_name": "Kid", "offline": True}, headers=org
        )
        assert kid.status_code == 201, kid.text
        people = client.get(f"{base}/participants", headers=org).json()["items"]
        me = next(p["id"] for p in people if p["is_me"])
        made = client.post(f"{base}/forced-pairs", json=_pair(kid.json()["id"], me), headers=org)
        assert made.status_code == 201, made.text
        preview = client.get(f"{base}/draw/preview", headers=org).json()
        assert preview["reason"] == "forced_conflict"
        assert "Kid is forced to give to" in preview["explanation"]
        assert "forced pair" in preview["suggestion"]
