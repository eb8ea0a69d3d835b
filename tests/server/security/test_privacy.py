"""What plain members must not learn: hidden emails through search, households."""

from __future__ import annotations

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
