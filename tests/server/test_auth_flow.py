"""Password accounts through the HTTP API: register, verify, sign in, refresh, sign out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_core.notify.sealed import unseal_payload
from santa_server.app import create_app
from tests.server.auth_support import (
    API,
    PASSWORD,
    auth_settings,
    bearer,
    csrf,
    last_link_token,
    login,
    outbox,
    register,
    set_cookies,
)


@pytest.fixture
def settings(tmp_path: Path, engine: Engine) -> Settings:
    return auth_settings(tmp_path, engine)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


class TestFullCycle:
    def test_register_verify_login_call_refresh_logout(
        self, client: TestClient, engine: Engine
    ) -> None:
        user = register(client, "Ann@Example.com", full_name="Ann", language="ru")
        assert user["email"] == "ann@example.com"
        assert user["email_verified"] is False
        assert user["language"] == "ru"

        (mail,) = outbox(engine, "verify_email")
        assert mail.recipient == "ann@example.com"
        assert mail.language == "ru"
        assert unseal_payload(mail.payload)["link"].startswith(
            "http://testserver/verify-email?token="
        )
        token = last_link_token(engine, "verify_email", "ann@example.com")
        r = client.post(f"{API}/auth/verify-email", json={"token": token})
        assert r.status_code == 204

        r = client.post(
            f"{API}/auth/login", json={"email": "ann@example.com", "password": PASSWORD}
        )
        assert r.status_code == 200
        body = r.json()
        assert body["transport"] == "cookie"
        assert body["access_token"] is None
        assert body["refresh_token"] is None
        assert body["user"]["email_verified"] is True
        cookies = set_cookies(r)
        access, refresh, csrf_cookie = (
            cookies["santa_access"],
            cookies["santa_refresh"],
            cookies["santa_csrf"],
        )
        for header in (access, refresh):
            assert "HttpOnly" in header
            assert "SameSite=lax" in header or "SameSite=Lax" in header
            assert "Secure" not in header  # development
        assert "Path=/api/v1/auth" in refresh
        assert "Path=/;" in access or access.endswith("Path=/")
        assert "HttpOnly" not in csrf_cookie
        assert body["csrf_token"] in csrf_cookie
        assert r.headers["cache-control"] == "no-store"

        me = client.get(f"{API}/users/me")
        assert me.status_code == 200
        assert me.json()["email"] == "ann@example.com"

        old_refresh = client.cookies.get("santa_refresh")
        r = client.post(f"{API}/auth/refresh", headers=csrf(body))
        assert r.status_code == 200, r.text
        assert client.cookies.get("santa_refresh") != old_refresh
        assert r.json()["session_id"] == body["session_id"]
        assert r.json()["csrf_token"] == body["csrf_token"]
        assert client.get(f"{API}/users/me").status_code == 200

        r = client.post(f"{API}/auth/logout", headers=csrf(body))
        assert r.status_code == 204
        cleared = set_cookies(r)
        assert set(cleared) == {"santa_access", "santa_refresh", "santa_csrf"}
        assert client.get(f"{API}/users/me").status_code == 401
        assert client.post(f"{API}/auth/refresh", headers=csrf(body)).status_code == 401

    def test_cookies_are_secure_in_production(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, environment="production", hash_keys="h1:" + "x" * 40)
        with TestClient(create_app(s), base_url="https://testserver") as c:
            register(c, "prod@example.com")
            r = c.post(
                f"{API}/auth/login", json={"email": "prod@example.com", "password": PASSWORD}
            )
        assert r.status_code == 200
        for header in set_cookies(r).values():
            assert "Secure" in header

    def test_wrong_password_and_unknown_email_answer_alike(self, client: TestClient) -> None:
        register(client, "bob@example.com")
        wrong = client.post(
            f"{API}/auth/login", json={"email": "bob@example.com", "password": "nope-nope"}
        )
        unknown = client.post(
            f"{API}/auth/login", json={"email": "nobody@example.com", "password": "nope-nope"}
        )
        assert wrong.status_code == unknown.status_code == 401
        assert wrong.json()["code"] == unknown.json()["code"] == "invalid_credentials"
        assert "santa_access" not in set_cookies(wrong)

    def test_errors_are_translated(self, client: TestClient) -> None:
        r = client.post(
            f"{API}/auth/login",
            json={"email": "nobody@example.com", "password": "nope-nope"},
            headers={"Accept-Language": "ru"},
        )
        assert r.json()["detail"] == "Неверный email или пароль."


class TestRegistration:
    def test_a_taken_email_answers_like_a_new_one_and_tells_its_owner(
        self, client: TestClient, engine: Engine
    ) -> None:
        register(client, "dup@example.com", full_name="Dup")
        r = client.post(
            f"{API}/auth/register",
            json={"email": "DUP@example.com", "password": "another password 7", "full_name": "X"},
        )
        assert r.status_code == 202, r.text
        assert r.json() == {"email": "dup@example.com", "verification_required": False}
        (notice,) = outbox(engine, "signup_attempt")
        assert notice.recipient == "dup@example.com"
        assert unseal_payload(notice.payload)["signin_url"] == "http://testserver/signin"
        # nothing changed: the owner's password still signs in, the newcomer's does not
        login(client, "dup@example.com")
        r = client.post(
            f"{API}/auth/login",
            json={"email": "dup@example.com", "password": "another password 7"},
        )
        assert r.status_code == 401
        with Session(engine) as s:
            assert s.scalar(select(func.count()).select_from(models.User)) == 1
        # a second attempt within the hour writes no second notice
        client.post(f"{API}/auth/register", json={"email": "dup@example.com", "password": PASSWORD})
        assert len(outbox(engine, "signup_attempt")) == 1

    @pytest.mark.parametrize(
        ("password", "code"),
        [
            ("short", "validation_error"),
            ("x" * 257, "validation_error"),
            ("weak@example.com", "weak_password"),
            ("WEAK@example.com", "weak_password"),
        ],
    )
    def test_weak_passwords_are_refused(self, client: TestClient, password: str, code: str) -> None:
        r = client.post(
            f"{API}/auth/register", json={"email": "weak@example.com", "password": password}
        )
        assert r.status_code == 422
        assert r.json()["code"] == code
        assert r.json()["errors"][0]["loc"] == ["body", "password"]

    def test_bad_email_and_timezone_are_validation_errors(self, client: TestClient) -> None:
        r = client.post(
            f"{API}/auth/register", json={"email": "not-an-email", "password": PASSWORD}
        )
        assert r.status_code == 422
        r = client.post(
            f"{API}/auth/register",
            json={"email": "tz@example.com", "password": PASSWORD, "timezone": "Mars/Base"},
        )
        assert r.status_code == 422

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("timezone", "Europe"),  # a folder of the zone database, not a zone
            ("timezone", "../../etc/passwd"),
            ("timezone", "Europe/Moscow\x00"),
            ("full_name", "Ann\x00"),  # PostgreSQL refuses NUL in text
            ("full_name", "Ann\nSmith"),
            ("language", "de"),
        ],
    )
    def test_bad_profile_fields_are_field_errors(
        self, client: TestClient, field: str, value: str
    ) -> None:
        r = client.post(
            f"{API}/auth/register",
            json={"email": "field@example.com", "password": PASSWORD, field: value},
            headers={"Accept-Language": "ru"},
        )
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["loc"] == ["body", field]
        assert r.json()["detail"] == "Данные заполнены неверно."
        body = login(client, register(client, "field@example.com")["email"])
        r = client.patch(f"{API}/users/me", json={field: value}, headers=csrf(body))
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["loc"] == ["body", field]

    def test_verification_link_works_once(self, client: TestClient, engine: Engine) -> None:
        register(client, "once@example.com")
        token = last_link_token(engine, "verify_email", "once@example.com")
        assert client.post(f"{API}/auth/verify-email", json={"token": token}).status_code == 204
        again = client.post(f"{API}/auth/verify-email", json={"token": token})
        assert again.status_code == 404
        assert again.json()["code"] == "invalid_link"
        bogus = client.post(f"{API}/auth/verify-email", json={"token": "x" * 43})
        assert bogus.json()["code"] == "invalid_link"

    def test_resend_voids_the_older_link(self, client: TestClient, engine: Engine) -> None:
        register(client, "resend@example.com")
        first = last_link_token(engine, "verify_email", "resend@example.com")
        body = login(client, "resend@example.com")
        r = client.post(f"{API}/auth/verify-email/resend", headers=csrf(body))
        assert r.status_code == 202
        second = last_link_token(engine, "verify_email", "resend@example.com")
        assert first != second
        assert client.post(f"{API}/auth/verify-email", json={"token": first}).status_code == 404
        assert client.post(f"{API}/auth/verify-email", json={"token": second}).status_code == 204

    def test_login_waits_for_verification_when_required(
        self, tmp_path: Path, engine: Engine
    ) -> None:
        s = auth_settings(tmp_path, engine, require_email_verification=True)
        with TestClient(create_app(s)) as c:
            register(c, "strict@example.com")
            r = c.post(
                f"{API}/auth/login", json={"email": "strict@example.com", "password": PASSWORD}
            )
            assert r.status_code == 403
            assert r.json()["code"] == "email_not_verified"
            token = last_link_token(engine, "verify_email", "strict@example.com")
            c.post(f"{API}/auth/verify-email", json={"token": token})
            login(c, "strict@example.com")


class TestBodyTransport:
    def test_tokens_in_body_and_bearer_needs_no_csrf(self, client: TestClient) -> None:
        register(client, "sdk@example.com")
        r = client.post(
            f"{API}/auth/login",
            json={"email": "sdk@example.com", "password": PASSWORD, "transport": "body"},
        )
        body = r.json()
        assert set_cookies(r) == {}
        assert body["csrf_token"] is None
        assert body["expires_in"] == 900
        client.cookies.clear()
        r = client.patch(
            f"{API}/users/me", json={"full_name": "Via SDK"}, headers=bearer(body["access_token"])
        )
        assert r.status_code == 200
        assert r.json()["full_name"] == "Via SDK"

        r = client.post(f"{API}/auth/refresh", json={"refresh_token": body["refresh_token"]})
        assert r.status_code == 200
        rotated = r.json()
        assert rotated["refresh_token"] != body["refresh_token"]
        assert set_cookies(r) == {}

        r = client.post(f"{API}/auth/logout", json={"refresh_token": rotated["refresh_token"]})
        assert r.status_code == 204
        r = client.get(f"{API}/users/me", headers=bearer(rotated["access_token"]))
        assert r.status_code == 401
        assert r.json()["code"] == "session_revoked"


class TestProfile:
    def test_update_profile_and_settings(self, client: TestClient) -> None:
        register(client, "prof@example.com")
        body = login(client, "prof@example.com")
        r = client.patch(
            f"{API}/users/me",
            json={"full_name": "Prof", "language": "ru", "timezone": "Europe/Moscow"},
            headers=csrf(body),
        )
        assert r.status_code == 200
        assert (r.json()["language"], r.json()["timezone"]) == ("ru", "Europe/Moscow")
        assert client.get(f"{API}/users/me/settings").json()["email_notifications"] is True
        r = client.patch(
            f"{API}/users/me/settings",
            json={"email_notifications": False, "preferences": {"muted": ["wishlist_changed"]}},
            headers=csrf(body),
        )
        assert r.status_code == 200
        assert r.json()["email_notifications"] is False
        assert r.json()["preferences"] == {"muted": ["wishlist_changed"]}
        bad = client.patch(
            f"{API}/users/me/settings", json={"email_notifications": "no"}, headers=csrf(body)
        )
        assert bad.status_code == 422
        for nul in ({"note": "a\x00b"}, {"a\x00": 1}, {"deep": [{"x": ["\x00"]}]}, {"grid": [[1]]}):
            bad = client.patch(
                f"{API}/users/me/settings", json={"preferences": nul}, headers=csrf(body)
            )
            assert bad.status_code == 422, bad.text
            assert bad.json()["errors"][0]["loc"] == ["body", "preferences"]
        kept = client.get(f"{API}/users/me/settings").json()["preferences"]
        assert kept == {"muted": ["wishlist_changed"]}

    def test_change_password_keeps_this_session_only(self, client: TestClient) -> None:
        register(client, "pw@example.com")
        other = login(client, "pw@example.com", transport="body")
        body = login(client, "pw@example.com")
        wrong = client.post(
            f"{API}/users/me/password",
            json={"current_password": "not-it-at-all", "new_password": "a brand new secret"},
            headers=csrf(body),
        )
        assert wrong.status_code == 403
        assert wrong.json()["code"] == "wrong_password"
        r = client.post(
            f"{API}/users/me/password",
            json={"current_password": PASSWORD, "new_password": "a brand new secret"},
            headers=csrf(body),
        )
        assert r.status_code == 204
        assert client.get(f"{API}/users/me").status_code == 200
        r = client.get(f"{API}/users/me", headers=bearer(other["access_token"]))
        assert r.json()["code"] == "session_revoked"
        client.cookies.clear()
        login(client, "pw@example.com", "a brand new secret")


class TestPasswordReset:
    def test_reset_by_emailed_link(self, client: TestClient, engine: Engine) -> None:
        register(client, "reset@example.com")
        before = login(client, "reset@example.com", transport="body")
        r = client.post(f"{API}/auth/password-reset", json={"email": "reset@example.com"})
        assert r.status_code == 202
        token = last_link_token(engine, "reset_password", "reset@example.com")
        (mail,) = outbox(engine, "reset_password")
        assert unseal_payload(mail.payload)["link"].startswith(
            "http://testserver/reset-password?token="
        )
        r = client.post(
            f"{API}/auth/password-reset/confirm",
            json={"token": token, "new_password": "reset and renewed"},
        )
        assert r.status_code == 204
        r = client.get(f"{API}/users/me", headers=bearer(before["access_token"]))
        assert r.json()["code"] == "session_revoked"
        assert login(client, "reset@example.com", "reset and renewed")["user"]["email_verified"]
        r = client.post(
            f"{API}/auth/login", json={"email": "reset@example.com", "password": PASSWORD}
        )
        assert r.status_code == 401
        again = client.post(
            f"{API}/auth/password-reset/confirm",
            json={"token": token, "new_password": "third time lucky"},
        )
        assert again.json()["code"] == "invalid_link"

    def test_unknown_email_gets_the_same_answer_and_no_mail(
        self, client: TestClient, engine: Engine
    ) -> None:
        r = client.post(f"{API}/auth/password-reset", json={"email": "ghost@example.com"})
        assert r.status_code == 202
        assert outbox(engine, "reset_password") == []

    def test_expired_link_is_refused(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, password_reset_ttl_seconds=0)
        with TestClient(create_app(s)) as c:
            register(c, "late@example.com")
            c.post(f"{API}/auth/password-reset", json={"email": "late@example.com"})
            token = last_link_token(engine, "reset_password", "late@example.com")
            r = c.post(
                f"{API}/auth/password-reset/confirm",
                json={"token": token, "new_password": "too late for this"},
            )
        assert r.json()["code"] == "invalid_link"


class TestDeleteAccount:
    def test_deletion_hides_and_signs_out_at_once(self, client: TestClient, engine: Engine) -> None:
        register(client, "gone@example.com")
        other = login(client, "gone@example.com", transport="body")
        body = login(client, "gone@example.com")
        r = client.post(
            f"{API}/users/me/delete", json={"password": "wrong-password"}, headers=csrf(body)
        )
        assert r.status_code == 403
        assert r.json()["code"] == "wrong_password"
        r = client.post(f"{API}/users/me/delete", json={"password": PASSWORD}, headers=csrf(body))
        assert r.status_code == 204
        assert client.get(f"{API}/users/me").status_code == 401
        assert (
            client.get(f"{API}/users/me", headers=bearer(other["access_token"])).status_code == 401
        )
        r = client.post(
            f"{API}/auth/login", json={"email": "gone@example.com", "password": PASSWORD}
        )
        assert r.json()["code"] == "invalid_credentials"
        with Session(engine) as s:
            user = s.scalars(
                select(models.User).where(models.User.email == "gone@example.com")
            ).one()
            assert user.deleted_at is not None
            assert user.scrubbed_at is None
            live = s.scalars(
                select(models.RefreshToken).where(
                    models.RefreshToken.user_id == user.id, models.RefreshToken.revoked_at.is_(None)
                )
            ).all()
            assert live == []


@pytest.mark.parametrize("path", ["/auth/logout", "/auth/refresh"])
def test_optional_body_may_be_left_out_but_not_sent_as_null(client: TestClient, path: str) -> None:
    """The schema states an object body (or none): a JSON ``null`` is a validation error."""
    r = client.post(f"{API}{path}", content=b"null", headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "validation_error"
    assert r.json()["errors"][0]["loc"] == ["body"]
    left_out = client.post(f"{API}{path}")
    assert left_out.status_code in (204, 401), left_out.text
