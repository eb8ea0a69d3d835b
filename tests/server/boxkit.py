"""Helpers for the box/invite/draw API tests: accounts, Bearer headers, invite codes."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.auth.tokens import issue_access_token
from santa_core.config import Settings
from santa_core.notify.sealed import unseal_payload
from tests.factories import make_user

API = "/api/v1"


def account(engine: Engine, **overrides: Any) -> models.User:
    with Session(engine, expire_on_commit=False) as session:
        user = make_user(session, **overrides)
        session.commit()
        return user


_engines: dict[str, Engine] = {}


def session_token(settings: Settings, user_id: uuid.UUID) -> str:
    """An access token of a real session of the user (tokens without one are refused)."""
    from santa_core.auth import sessions
    from santa_core.db import make_engine

    url = settings.database_url_obj.render_as_string(hide_password=False)
    engine = _engines.get(url) or _engines.setdefault(url, make_engine(url))
    with Session(engine, expire_on_commit=False) as s:
        user = s.get(models.User, user_id)
        assert user is not None
        issued = sessions.start_session(s, settings, user)
        s.commit()
    return issue_access_token(settings, user_id, session_id=issued.session_id)


def auth(settings: Settings, user: models.User) -> dict[str, str]:
    return {"Authorization": f"Bearer {session_token(settings, user.id)}"}


class Actor:
    """A signed-in API caller."""

    def __init__(self, client: TestClient, settings: Settings, user: models.User) -> None:
        self.client = client
        self.user = user
        self.headers = auth(settings, user)

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        return self.client.request(method, API + path, headers=headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> Any:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self.request("DELETE", path, **kwargs)


def invite_codes(engine: Engine, box_id: uuid.UUID | str) -> dict[str, str]:
    """Email → plain invite code, read from the invitation emails waiting in the outbox."""
    with Session(engine) as session:
        rows = session.scalars(
            select(models.OutboxMessage)
            .where(
                models.OutboxMessage.kind == "invite",
                models.OutboxMessage.box_id == uuid.UUID(str(box_id)),
            )
            .order_by(models.OutboxMessage.created_at)
        ).all()
        codes = {}
        for row in rows:
            url = unseal_payload(row.payload)["accept_url"]
            codes[row.recipient] = url.rsplit("/", 1)[1]
        return codes


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, (response.status_code, response.text)
    return response.json() if response.content else None


def problem(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, (response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    if code is not None:
        assert body["code"] == code, body
    return body
