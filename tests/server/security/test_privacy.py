"""What plain members must not learn: hidden emails through search, households."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from santa_core.config import Settings
from santa_core.models import BoxStatus
from santa_server.app import create_app
from tests.server.boxkit import API, auth
from tests.server.test_boxes_permissions import build_world


class TestParticipantSearch:
    def test_members_cannot_search_hidden_emails(self, settings: Settings, engine: Engine) -> None:
        world = build_world(engine, settings, BoxStatus.DRAFT)
        target = world.users["co_organizer"].email
        url = f"{API}/boxes/{world.box_id}/participants"
        with TestClient(create_app(settings)) as c:
            for prefix in (target, "@example", "example.com"):
                as_member = c.get(
                    url, params={"q": prefix}, headers=auth(settings, world.users["participant"])
                ).json()
                assert as_member["total"] == 0, prefix
            as_organizer = c.get(
                url, params={"q": target}, headers=auth(settings, world.users["organizer"])
            ).json()
        assert as_organizer["total"] == 1


class TestHouseholds:
    def test_members_see_only_their_own_household(self, settings: Settings, engine: Engine) -> None:
        world = build_world(engine, settings, BoxStatus.DRAFT)
        url = f"{API}/boxes/{world.box_id}/participants"
        with TestClient(create_app(settings)) as c:
            member = c.get(url, headers=auth(settings, world.users["participant"])).json()
            organizer = c.get(url, headers=auth(settings, world.users["organizer"])).json()
            kid = c.get(
                f"{url}/{world.offline_id}", headers=auth(settings, world.users["co_organizer"])
            ).json()
            filtered = c.get(
                url,
                params={"household_id": str(world.household_id)},
                headers=auth(settings, world.users["co_organizer"]),
            ).json()
        seen = {p["id"]: p["household_id"] for p in member["items"]}
        assert seen.pop(str(world.member_id)) == str(world.household_id)  # their own
        assert set(seen.values()) == {None}
        by_organizer = {p["id"]: p["household_id"] for p in organizer["items"]}
        assert by_organizer[str(world.offline_id)] == str(world.household_id)
        assert kid["household_id"] == str(world.household_id)  # co-organizers manage
        assert filtered["total"] == 2


class TestNames:
    @pytest.mark.parametrize(
        "name",
        [
            "\u200b\u200b\u200b",  # zero-width spaces only: a blank name
            "\u2060\ufeff",  # word joiner, BOM
            "Ann\u202eevil",  # right-to-left override: spoofs another name
            "\u2067Bob\u2069",  # isolates
            "Eve\u200f",  # right-to-left mark
        ],
    )
    def test_invisible_and_bidi_names_are_refused(
        self, settings: Settings, engine: Engine, name: str
    ) -> None:
        world = build_world(engine, settings, BoxStatus.DRAFT)
        me = auth(settings, world.users["participant"])
        with TestClient(create_app(settings)) as c:
            card = c.patch(
                f"{API}/boxes/{world.box_id}/participants/me",
                json={"display_name": name},
                headers=me,
            )
            nick = c.patch(
                f"{API}/boxes/{world.box_id}/participants/me",
                json={"nickname": name},
                headers=me,
            )
            account = c.patch(f"{API}/users/me", json={"full_name": name}, headers=me)
        assert card.status_code == 422, card.text
        assert nick.status_code == 422, nick.text
        assert account.status_code == 422, account.text

    def test_names_are_nfc_normalized(self, settings: Settings, engine: Engine) -> None:
        world = build_world(engine, settings, BoxStatus.DRAFT)
        me = auth(settings, world.users["participant"])
        decomposed = "Zoe\u0301 Ame\u0301lie"  # e + combining acute
        with TestClient(create_app(settings)) as c:
            r = c.patch(
                f"{API}/boxes/{world.box_id}/participants/me",
                json={"display_name": decomposed, "nickname": decomposed},
                headers=me,
            )
        assert r.status_code == 200, r.text
        assert r.json()["display_name"] == "Zoé Amélie"
        assert r.json()["nickname"] == "Zoé Amélie"
