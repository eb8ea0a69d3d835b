"""API replicas with Redis and no in-process consumer still ring the shared queue."""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from santa_server.app import create_app
from tests.server.auth_support import auth_settings, register


class TestSharedQueue:
    def test_commit_with_outbox_rows_signals_the_worker_queue(
        self, tmp_path: Path, engine: Engine, redis_url: str
    ) -> None:
        queue = f"replica_{secrets.token_hex(4)}"
        settings = auth_settings(tmp_path, engine, redis_url=redis_url, queue_name=queue)
        app = create_app(settings, start_jobs=False)
        with TestClient(app) as client:
            health = client.get("/api/v1/health").json()
            assert health["queue"]["ok"] is True
            assert health["queue"]["detail"].startswith("redis queue")
            before = app.state.jobs.huey.pending_count()
            register(client, "replica@example.com")  # writes a verify_email outbox row
            after = app.state.jobs.huey.pending_count()
            app.state.jobs.huey.flush()
        assert after == before + 1
        assert app.state.queue_probe is None  # released on shutdown

    def test_without_redis_nothing_is_connected(self, tmp_path: Path, engine: Engine) -> None:
        app = create_app(auth_settings(tmp_path, engine), start_jobs=False)
        with TestClient(app) as client:
            assert client.get("/api/v1/health").json()["queue"]["detail"] == "embedded"
        assert not hasattr(app.state, "jobs")

    def test_unreachable_redis_degrades_health_but_not_requests(
        self, tmp_path: Path, engine: Engine
    ) -> None:
        dead = "redis://127.0.0.1:1/0"
        settings = auth_settings(tmp_path, engine, redis_url=dead, rate_limit_enabled=False)
        with TestClient(create_app(settings, start_jobs=False)) as client:
            health = client.get("/api/v1/health")
            assert health.status_code == 503
            assert health.json()["queue"]["ok"] is False
            register(client, "no-redis@example.com")  # the row waits for a sweep
