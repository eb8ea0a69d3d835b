"""Embedded mode: ``create_app(start_jobs=True)`` runs the consumer and reports it in health."""

from __future__ import annotations

import email
import email.policy
import time
from pathlib import Path

from fastapi.testclient import TestClient

from santa_core.config import Settings
from santa_core.db import session_scope
from santa_core.notify import enqueue
from santa_server.app import create_app


def test_jobs_run_in_process_and_write_the_outbox_folder(settings: Settings) -> None:
    with TestClient(create_app(settings, start_jobs=True)) as client:
        health = client.get("/api/v1/health").json()
        assert health["queue"]["ok"] is True
        assert "embedded queue" in health["queue"]["detail"]
        assert "in-process worker(s)" in health["queue"]["detail"]
        factory = client.app.state.sessionmaker  # type: ignore[attr-defined]
        with session_scope(factory) as session:
            row = enqueue(
                session,
                kind="invite",
                recipient="guest@example.com",
                language="ru",
                payload={
                    "box_name": "Офис",
                    "inviter_name": "Марта",
                    "accept_url": "http://testserver/invites/abc",
                },
            )
            assert row is not None
        target = Path(settings.outbox_path) / f"{row.id}.eml"
        deadline = time.monotonic() + 120
        while not target.exists():
            assert time.monotonic() < deadline, "the in-process consumer did not deliver"
            time.sleep(0.05)
        detail = client.get("/api/v1/health").json()["queue"]["detail"]
        assert "0 pending" in detail
    msg = email.message_from_bytes(target.read_bytes(), policy=email.policy.default)
    assert msg["To"] == "guest@example.com"
    assert msg["Subject"] == "Марта приглашает вас в Тайного Санту «Офис»"


def test_without_jobs_there_is_no_consumer(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        assert getattr(client.app.state, "jobs", None) is None  # type: ignore[attr-defined]
        assert client.get("/api/v1/health").json()["queue"]["detail"] == "embedded"
