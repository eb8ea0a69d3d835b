"""Outages of the services under the API: 503 problem+json with Retry-After, the
connection kept, and recovery without a restart as soon as the service is back.

Each test starts its own PostgreSQL cluster or redis-server and stops it; the
shared services are never touched.
"""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi import APIRouter

from santa_core import migrate
from santa_core.db import make_engine
from santa_server.app import create_app
from tests.conftest import make_settings
from tests.server.private_services import private_postgres, private_redis
from tests.server.prod_support import santa_serve, sign_up

pytestmark = pytest.mark.slow


class KeptConnection:
    """One HTTP/1.1 connection; fails if the server closes it between requests."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
        self.sock: object | None = None

    def get(
        self, path: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], dict[str, object]]:
        self.conn.request("GET", path, headers=headers)
        if self.sock is not None:
            assert self.conn.sock is self.sock, "the server closed the keep-alive connection"
        self.sock = self.conn.sock
        response = self.conn.getresponse()
        body = response.read()
        assert not response.will_close, "the server asked to close the connection"
        return (
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            json.loads(body or b"{}"),
        )

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def kept() -> Iterator[list[KeptConnection]]:
    opened: list[KeptConnection] = []
    yield opened
    for c in opened:
        c.close()


class TestDatabaseOutage:
    def test_stopped_database_answers_503_and_recovers(
        self, tmp_path: Path, kept: list[KeptConnection]
    ) -> None:
        with private_postgres() as pg:
            engine = make_engine(pg.url)
            migrate.upgrade(engine)
            engine.dispose()
            # Jobs run elsewhere: the log then shows only what the API did.
            with santa_serve(
                tmp_path, SANTA_DATABASE_URL=pg.url, SANTA_RUN_JOBS_IN_PROCESS="false"
            ) as served:
                with httpx.Client(base_url=served.api, timeout=30) as http:
                    me = sign_up(http, "olga@example.com", "Olga")
                conn = KeptConnection(served.base)
                kept.append(conn)
                status, _, _ = conn.get("/api/v1/users/me", me)
                assert status == 200

                pg.stop()
                began = time.monotonic()
                status, headers, body = conn.get("/api/v1/users/me", me)
                first_503 = time.monotonic() - began
                assert status == 503, body
                assert headers["content-type"] == "application/problem+json"
                assert body["code"] == "database_unavailable"
                assert int(headers["retry-after"]) >= 1
                # The same connection serves the next request (no re-raise, no close).
                status, _, body = conn.get("/api/v1/users/me", me)
                assert status == 503, body
                status, _, body = conn.get("/api/v1/health", {})
                assert status == 503
                assert body["database"]["ok"] is False  # type: ignore[index]

                pg.start()
                began = time.monotonic()
                deadline = began + 60
                while True:
                    status, _, body = conn.get("/api/v1/users/me", me)
                    if status == 200:
                        break
                    assert status == 503, body
                    assert time.monotonic() < deadline, "the API did not recover"
                    time.sleep(0.05)
                recovered = time.monotonic() - began
                print(f"first 503 after {first_503:.3f}s; first 200 {recovered:.3f}s after restart")
                assert body["email"] == "olga@example.com"
                assert "Traceback" not in served.log()


class TestRedisOutage:
    def test_requests_keep_working_while_redis_is_down(self, tmp_path: Path) -> None:
        with private_redis() as redis_server:  # noqa: SIM117 (the server needs its url)
            with santa_serve(tmp_path, SANTA_REDIS_URL=redis_server.url) as served:
                with httpx.Client(base_url=served.api, timeout=30) as http:
                    me = sign_up(http, "olga@example.com", "Olga")
                    redis_server.stop()
                    r = http.post(
                        "/auth/login",
                        json={"email": "olga@example.com", "password": "wrong password!"},
                    )
                    assert r.status_code == 401, r.text
                    box = http.post("/boxes", json={"name": "Office"}, headers=me)
                    assert box.status_code == 201, box.text
                    r = http.post(
                        f"/boxes/{box.json()['id']}/invites",
                        json={"email": "guest@example.com"},
                        headers=me,
                    )
                    assert r.status_code == 201, r.text  # the sweep sends it later
                    health = http.get("/health")
                    assert health.status_code == 503
                    assert health.json()["queue"]["ok"] is False

                    redis_server.start()
                    deadline = time.monotonic() + 60
                    while http.get("/health").status_code != 200:
                        assert time.monotonic() < deadline, "health did not recover"
                        time.sleep(0.1)
                assert "Traceback" not in served.log()

    def test_a_redis_error_that_reaches_the_api_is_a_503(self, tmp_path: Path) -> None:
        from fastapi.testclient import TestClient

        with private_redis() as redis_server:
            url = redis_server.url
            redis_server.stop()
            settings = make_settings(tmp_path)
            app = create_app(settings)
            probe = APIRouter()

            @probe.get("/probe-redis")
            def probe_redis() -> dict[str, str]:
                import redis

                redis.Redis.from_url(url, socket_connect_timeout=1).ping()
                return {"ok": "yes"}

            app.include_router(probe)
            # Ahead of the web UI's catch-all route.
            app.router.routes.insert(0, app.router.routes.pop())
            with TestClient(app) as client:
                r = client.get("/probe-redis")
                assert r.status_code == 503
                assert r.headers["content-type"] == "application/problem+json"
                assert r.json()["code"] == "service_unavailable"
                assert r.headers["retry-after"] == "1"
                assert r.headers.get("connection") != "close"
