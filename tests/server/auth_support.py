"""Shared by the auth API tests: cheap-hash settings, sign-up and sign-in, outbox links."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_core.notify.sealed import unseal_payload
from santa_core.user.service import to_schema
from tests.conftest import make_settings

PASSWORD = "correct horse battery"
API = "/api/v1"

#: argon2id with a tiny cost: the tests check behaviour, not the hash's strength.
FAST_HASH: dict[str, Any] = {
    "argon2_time_cost": 1,
    "argon2_memory_cost_kib": 1024,
    "argon2_parallelism": 1,
}


def auth_settings(tmp_path: Path, engine: Engine, **overrides: Any) -> Settings:
    values = {**FAST_HASH, **overrides}
    return make_settings(tmp_path, engine.url.render_as_string(hide_password=False), **values)


def register(client: TestClient, email: str, password: str = PASSWORD, **extra: Any) -> Any:
    """Sign up a new address; the account as ``/users/me`` would show it.

    The answer itself names no account (it is the same for a taken address), so
    the account is read from the app's database.
    """
    r = client.post(f"{API}/auth/register", json={"email": email, "password": password, **extra})
    assert r.status_code == 202, r.text
    assert r.json()["email"] == email.strip().lower()
    factory = client.app.state.sessionmaker  # type: ignore[attr-defined]
    with factory() as s:
        user = s.scalars(select(models.User).where(models.User.email == r.json()["email"])).one()
        return to_schema(user).model_dump(mode="json")


def login(
    client: TestClient,
    email: str,
    password: str = PASSWORD,
    *,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    r = client.post(
        f"{API}/auth/login",
        json={"email": email, "password": password, **extra},
        headers=headers,
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def csrf(body: dict[str, Any]) -> dict[str, str]:
    return {"X-CSRF-Token": body["csrf_token"]}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def outbox(engine: Engine, kind: str) -> list[models.OutboxMessage]:
    with Session(engine) as s:
        return list(
            s.scalars(
                select(models.OutboxMessage)
                .where(models.OutboxMessage.kind == kind)
                .order_by(models.OutboxMessage.created_at)
            )
        )


def token_from_link(link: str) -> str:
    return parse_qs(urlparse(link).query)["token"][0]


def last_link_token(engine: Engine, kind: str, recipient: str) -> str:
    rows = [m for m in outbox(engine, kind) if m.recipient == recipient]
    assert rows, f"no {kind} email to {recipient}"
    return token_from_link(unseal_payload(rows[-1].payload)["link"])


def set_cookies(response: Any) -> dict[str, str]:
    """Set-Cookie headers by cookie name."""
    out = {}
    for header in response.headers.get_list("set-cookie"):
        name = header.split("=", 1)[0]
        out[name] = header
    return out
