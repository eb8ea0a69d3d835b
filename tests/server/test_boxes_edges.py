"""Edge cases of the box journey over the API: a drawn box stays drawn, lapsed and
forwarded invitations, dates that contradict each other, Russian texts of the draw."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_server.app import create_app
from tests.server.boxkit import Actor, account, invite_codes, ok, problem

RU = {"Accept-Language": "ru"}


def _box(organizer: Actor, **values: Any) -> str:
    body = ok(organizer.post("/boxes", json={"name": "Edges", **values}), 201)
    return str(body["id"])


def _offline(organizer: Actor, box_id: str, name: str) -> str:
    body = {"display_name": name, "offline": True}
    return str(ok(organizer.post(f"/boxes/{box_id}/participants", json=body), 201)["id"])


def _joined(
    client: TestClient, settings: Settings, engine: Engine, organizer: Actor, box_id: str
) -> str:
    """Someone with an account joins by link (offline people never give to organizers)."""
    link = ok(organizer.post(f"/boxes/{box_id}/join-link"), 201)
    who = Actor(client, settings, account(engine, full_name="Max"))
    return str(ok(who.post(f"/invitations/{link['code']}/accept"))["participant_id"])


def _my_id(actor: Actor, box_id: str) -> str:
    return str(ok(actor.get(f"/boxes/{box_id}/participants/me"))["id"])


class TestDrawnBoxStaysDrawn:
    def test_matched_box_cannot_be_reopened(self, settings: Settings, engine: Engine) -> None:
        with TestClient(create_app(settings)) as client:
            organizer = Actor(client, settings, account(engine))
            box_id = _box(organizer)
            for name in ("Ann", "Bob"):
                _offline(organizer, box_id, name)
            _joined(client, settings, engine, organizer, box_id)
            ok(organizer.post(f"/boxes/{box_id}/status", json={"status": "ready"}))
            draw = {"acknowledge_secrecy_warning": True}
            ok(organizer.post(f"/boxes/{box_id}/draw", json=draw), 201)
            giftee = ok(organizer.get(f"/boxes/{box_id}/assignment"))["giftees"]

            for target in ("ready", "draft"):
                r = organizer.post(f"/boxes/{box_id}/status", json={"status": target})
                problem(r, 409, "invalid_status_transition")
            assert ok(organizer.get(f"/boxes/{box_id}"))["status"] == "matched"
            assert ok(organizer.get(f"/boxes/{box_id}/assignment"))["giftees"] == giftee
            archived = ok(organizer.post(f"/boxes/{box_id}/status", json={"status": "archived"}))
            assert archived["status"] == "archived"


class TestInvitingAgain:
    def test_expired_invitation_is_replaced_for_the_same_member(
        self, settings: Settings, engine: Engine
    ) -> None:
        with TestClient(create_app(settings)) as client:
            organizer = Actor(client, settings, account(engine))
            guest = Actor(client, settings, account(engine))
            box_id = _box(organizer)
            first = ok(
                organizer.post(f"/boxes/{box_id}/invites", json={"email": guest.user.email}), 201
            )
            old_code = invite_codes(engine, box_id)[guest.user.email]
            kid = _offline(organizer, box_id, "Kid")
            household = {"participant_ids": [first["participant_id"], kid]}
            ok(organizer.post(f"/boxes/{box_id}/households", json=household), 201)
            with Session(engine) as s:
                invite = s.get(models.EmailInvite, uuid.UUID(first["id"]))
                assert invite is not None
                invite.expires_at -= dt.timedelta(days=365)
                s.commit()
            problem(guest.post(f"/invitations/{old_code}/accept"), 409, "invite_expired")

            again = ok(
                organizer.post(f"/boxes/{box_id}/invites", json={"email": guest.user.email}), 201
            )
            assert again["participant_id"] == first["participant_id"]
            listed = ok(organizer.get(f"/boxes/{box_id}/invites"))
            assert [i["id"] for i in listed["items"]] == [again["id"]]
            new_code = invite_codes(engine, box_id)[guest.user.email]
            assert new_code != old_code
            problem(guest.post(f"/invitations/{old_code}/accept"), 404, "invite_not_found")
            joined = ok(guest.post(f"/invitations/{new_code}/accept"))
            assert joined["participant_id"] == first["participant_id"]
            card = ok(guest.get(f"/boxes/{box_id}/participants/me"))
            assert card["household_id"] is not None  # the household set meanwhile holds
            assert ok(organizer.get(f"/boxes/{box_id}"))["participant_count"] == 3

    def test_renewed_box_can_invite_who_never_joined(
        self, settings: Settings, engine: Engine
    ) -> None:
        with TestClient(create_app(settings)) as client:
            organizer = Actor(client, settings, account(engine))
            late = Actor(client, settings, account(engine))
            box_id = _box(organizer)
            ok(organizer.post(f"/boxes/{box_id}/invites", json={"email": late.user.email}), 201)
            new_id = ok(organizer.post(f"/boxes/{box_id}/renew", json={}), 201)["id"]
            people = ok(organizer.get(f"/boxes/{new_id}/participants"))["items"]
            (waiting,) = [p for p in people if p["status"] == "invited"]

            sent = ok(
                organizer.post(f"/boxes/{new_id}/invites", json={"email": late.user.email}), 201
            )
            assert sent["participant_id"] == waiting["id"]
            code = invite_codes(engine, new_id)[late.user.email]
            assert ok(late.post(f"/invitations/{code}/accept"))["participant_id"] == waiting["id"]
            statuses = sorted(
                p["status"] for p in ok(organizer.get(f"/boxes/{new_id}/participants"))["items"]
            )
            assert statuses == ["active", "active"]
            again = organizer.post(f"/boxes/{new_id}/invites", json={"email": late.user.email})
            problem(again, 409, "already_member")

    def test_forwarded_invitation_names_who_joined(
        self, settings: Settings, engine: Engine
    ) -> None:
        with TestClient(create_app(settings)) as client:
            organizer = Actor(client, settings, account(engine))
            invited = account(engine)
            spouse = Actor(client, settings, account(engine))
            box_id = _box(organizer)
            ok(organizer.post(f"/boxes/{box_id}/invites", json={"email": invited.email}), 201)
            code = invite_codes(engine, box_id)[invited.email]
            ok(spouse.post(f"/invitations/{code}/accept"))

            member = ok(spouse.get(f"/boxes/{box_id}/participants/me"))
            assert member["email"] == spouse.user.email
            # the address first invited is free again, and really not a member
            ok(organizer.post(f"/boxes/{box_id}/invites", json={"email": invited.email}), 201)


class TestBoxDates:
    def test_deadlines_after_the_event_are_refused_per_field(
        self, settings: Settings, engine: Engine
    ) -> None:
        with TestClient(create_app(settings)) as client:
            organizer = Actor(client, settings, account(engine))
            body = {
                "name": "Late",
                "event_date": "2030-12-24",
                "signup_deadline": "2030-12-28T10:00:00Z",
                "shipping_deadline": "2030-12-30T10:00:00Z",
                "min_budget": 30,
                "max_budget": 10,
            }
            errors = problem(organizer.post("/boxes", json=body), 422)["errors"]
            assert {e["loc"][1] for e in errors} == {
                "signup_deadline",
                "shipping_deadline",
                "min_budget",
            }
            # a deadline late on the event day is fine in any time zone
            same_day = {"event_date": "2030-12-24", "signup_deadline": "2030-12-24T23:00:00-11:00"}
            box_id = _box(organizer, **same_day)
            moved = organizer.patch(f"/boxes/{box_id}", json={"event_date": "2030-12-20"})
            assert problem(moved, 422)["errors"][0]["loc"] == ["body", "signup_deadline"]


class TestRussianDrawTexts:
    def test_secrecy_warning_and_failed_repair_speak_russian(
        self, settings: Settings, engine: Engine
    ) -> None:
        with TestClient(create_app(settings)) as client:
            organizer = Actor(client, settings, account(engine, full_name="Olga"))
            box_id = _box(organizer)
            ok(organizer.post(f"/boxes/{box_id}/status", json={"status": "ready"}))
            lone = ok(organizer.get(f"/boxes/{box_id}/draw/preview", headers=RU))
            assert lone["explanation"] == "Для жеребьёвки нужно хотя бы два участника."
            ok(organizer.post(f"/boxes/{box_id}/status", json={"status": "draft"}))

            kids = [_offline(organizer, box_id, f"K{i}") for i in range(3)]
            max_id = _joined(client, settings, engine, organizer, box_id)
            couple = {"participant_ids": [_my_id(organizer, box_id), kids[0]]}
            ok(organizer.post(f"/boxes/{box_id}/households", json=couple), 201)
            ok(organizer.post(f"/boxes/{box_id}/status", json={"status": "ready"}))
            refused = problem(organizer.post(f"/boxes/{box_id}/draw", json={}, headers=RU), 409)
            assert refused["code"] == "draw_secrecy_unacknowledged"
            assert refused["detail"].startswith("При этих правилах")
            assert "Check the preview" not in refused["detail"]
            ok(
                organizer.post(f"/boxes/{box_id}/draw", json={"acknowledge_secrecy_warning": True}),
                201,
            )

            # Only Max may give to Olga (offline people never give to their organizer):
            # without him no repair exists.
            gone = organizer.delete(f"/boxes/{box_id}/participants/{max_id}", headers=RU)
            detail = problem(gone, 409, "draw_infeasible")["detail"]
            assert "получател" in detail
            assert "giftee" not in detail


class TestOfflineRule:
    def test_preview_names_the_rule_and_a_fix(self, settings: Settings, engine: Engine) -> None:
        with TestClient(create_app(settings)) as client:
            organizer = Actor(client, settings, account(engine, full_name="Olga"))
            box_id = _box(organizer)
            _offline(organizer, box_id, "Kid")
            ok(organizer.post(f"/boxes/{box_id}/status", json={"status": "ready"}))
            preview = ok(organizer.get(f"/boxes/{box_id}/draw/preview"))
            assert preview["feasible"] is False
            assert preview["reason"] == "offline_rule"
            assert "Kid may not give to Olga" in preview["explanation"]
            assert "Invite Kid by email" in preview["suggestion"]
            ru = ok(organizer.get(f"/boxes/{box_id}/draw/preview", headers=RU))
            assert "без аккаунта" in ru["explanation"]
            assert "Kid не может дарить Olga" in ru["explanation"]
            refused = problem(organizer.post(f"/boxes/{box_id}/draw", json={}), 409)
            assert refused["code"] == "draw_infeasible"
            assert "Offline people never give" in refused["detail"]
            # someone with an account to give to Olga: the draw exists, and Kid draws them
            max_id = _joined(client, settings, engine, organizer, box_id)
            assert ok(organizer.get(f"/boxes/{box_id}/draw/preview"))["feasible"] is True
            ok(
                organizer.post(f"/boxes/{box_id}/draw", json={"acknowledge_secrecy_warning": True}),
                201,
            )
            kid = next(
                p["id"]
                for p in ok(organizer.get(f"/boxes/{box_id}/participants"))["items"]
                if p["display_name"] == "Kid"
            )
            kids = ok(organizer.get(f"/boxes/{box_id}/participants/{kid}/assignment"))
            assert [g["participant_id"] for g in kids["giftees"]] == [max_id]
