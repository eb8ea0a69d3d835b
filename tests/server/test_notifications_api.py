"""The calendar feed and one-click unsubscribe, over HTTP."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from santa_core import models
from santa_core.config import Settings
from santa_core.db import make_sessionmaker, session_scope
from santa_core.models import Language
from santa_core.notify import links
from santa_server.app import create_app
from tests.factories import make_member, make_user
from tests.server.boxkit import session_token

API = "/api/v1"


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def seed(engine: Engine, **user: object) -> tuple[uuid.UUID, uuid.UUID]:
    with session_scope(make_sessionmaker(engine)) as s:
        owner = make_user(s, full_name="Olga; Organizer")
        me = make_user(s, **user)
        box = models.Box(
            organizer_id=owner.id,
            name='Office, 2026; "big" one with a rather long name that needs folding',
            slug=f"office-{secrets.token_hex(4)}",
            signup_deadline=dt.datetime(2026, 12, 10, 18, 0, tzinfo=dt.UTC),
            shipping_deadline=dt.datetime(2026, 12, 20, 9, 30, tzinfo=dt.UTC),
            event_date=dt.date(2026, 12, 24),
        )
        other = models.Box(
            organizer_id=owner.id,
            name="Not mine",
            slug=f"x-{secrets.token_hex(4)}",
            event_date=dt.date(2026, 12, 25),
        )
        s.add_all([box, other])
        s.flush()
        make_member(s, box, me)
        return me.id, box.id


def auth(settings: Settings, user_id: uuid.UUID) -> dict[str, str]:
    return {"Authorization": f"Bearer {session_token(settings, user_id)}"}


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


class TestCalendar:
    def test_feed_lists_my_boxes_in_my_language(
        self, client: TestClient, settings: Settings, engine: Engine
    ) -> None:
        me, box_id = seed(engine, language=Language.RU)
        r = client.get(f"{API}/calendar", headers=auth(settings, me))
        assert r.status_code == 200
        url = r.json()["url"]
        assert url.startswith("http://testserver/api/v1/calendar/")
        ics = client.get(urlparse(url).path)
        assert ics.status_code == 200
        assert ics.headers["content-type"] == "text/calendar; charset=utf-8"
        raw = ics.text
        assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
        lines = unfold(raw)
        assert lines[0] == "BEGIN:VCALENDAR"
        assert lines[-2:] == ["END:VCALENDAR", ""]
        assert f"UID:{box_id}-signup@santa" in lines
        assert "DTSTART:20261210T180000Z" in lines
        assert "DTSTART:20261220T093000Z" in lines
        assert "DTSTART;VALUE=DATE:20261224" in lines
        assert "DTEND;VALUE=DATE:20261225" in lines
        assert (
            'SUMMARY:Обмен подарками: Office\\, 2026\\; "big" one with a rather long name '
            "that needs folding" in lines
        )
        assert "Not mine" not in raw
        assert raw.count("BEGIN:VEVENT") == 3

    def test_rotation_kills_old_urls(
        self, client: TestClient, settings: Settings, engine: Engine
    ) -> None:
        me, _ = seed(engine)
        old = urlparse(client.get(f"{API}/calendar", headers=auth(settings, me)).json()["url"]).path
        new = client.post(f"{API}/calendar/rotate", headers=auth(settings, me)).json()["url"]
        assert client.get(old).status_code == 404
        assert client.get(urlparse(new).path).status_code == 200
        assert client.get(f"{API}/calendar", headers=auth(settings, me)).json()["url"] == new

    def test_bad_tokens_and_anonymous_requests(
        self, client: TestClient, settings: Settings, engine: Engine
    ) -> None:
        me, _ = seed(engine)
        assert client.get(f"{API}/calendar").status_code == 401
        forged = links.sign(settings, "unsubscribe", me)  # right user, wrong purpose
        for token in (forged, "nonsense", links.sign(settings, "calendar", uuid.uuid4())):
            r = client.get(f"{API}/calendar/{token}.ics")
            assert r.status_code == 404
            assert r.json()["code"] == "invalid_link_token"


class TestUnsubscribe:
    def test_one_click_post_turns_emails_off(
        self, client: TestClient, settings: Settings, engine: Engine
    ) -> None:
        me, _ = seed(engine, email="me@example.com")
        url = urlparse(links.unsubscribe_url(settings, me))
        page = client.get(f"{url.path}?{url.query}", headers={"Accept-Language": "ru"})
        assert page.status_code == 200
        assert "Отписаться" in page.text
        assert "me@example.com" in page.text
        with session_scope(make_sessionmaker(engine)) as s:  # GET changed nothing
            assert (
                s.scalars(
                    select(models.UserSettings).where(models.UserSettings.user_id == me)
                ).first()
                is None
            )
        r = client.post(
            f"{url.path}?{url.query}",
            content="List-Unsubscribe=One-Click",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert r.status_code == 200
        assert r.json() == {"email_notifications": False}
        again = client.post(f"{url.path}?{url.query}")
        assert again.json() == {"email_notifications": False}
        with session_scope(make_sessionmaker(engine)) as s:
            prefs = s.scalars(
                select(models.UserSettings).where(models.UserSettings.user_id == me)
            ).one()
            assert prefs.email_notifications is False
            events = s.scalars(
                select(models.AuditEvent.action).where(models.AuditEvent.target_id == me)
            ).all()
        assert events == ["user.unsubscribed"]
        assert "are off" in client.get(f"{url.path}?{url.query}").text

    def test_the_pages_button_answers_with_a_page(
        self, client: TestClient, settings: Settings, engine: Engine
    ) -> None:
        me, _ = seed(engine, email="me@example.com", language=Language.RU)
        url = urlparse(links.unsubscribe_url(settings, me))
        r = client.post(  # what a browser sends for the confirmation page's form
            f"{url.path}?{url.query}",
            headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
        )
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/html")
        assert "Уведомления на me@example.com отключены" in r.text
        assert "<form" not in r.text
        with session_scope(make_sessionmaker(engine)) as s:
            prefs = s.scalars(
                select(models.UserSettings).where(models.UserSettings.user_id == me)
            ).one()
            assert prefs.email_notifications is False

    def test_invalid_token(self, client: TestClient, settings: Settings, engine: Engine) -> None:
        me, _ = seed(engine)
        token = links.sign(settings, "calendar", me)
        r = client.post(f"{API}/unsubscribe", params={"token": token})
        assert r.status_code == 404
        assert r.json()["code"] == "invalid_link_token"
        assert client.post(f"{API}/unsubscribe").status_code == 422
