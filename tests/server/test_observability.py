"""Request ids, /metrics (scrape, protection) and the liveness/readiness probes."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import logs, models
from santa_core.config import Settings
from santa_server.app import create_app
from tests.conftest import make_settings
from tests.server.boxkit import Actor, account, ok, session_token

LOOPBACK = ("127.0.0.1", 40000)
PUBLIC = ("203.0.113.7", 40000)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), client=LOOPBACK) as c:
        yield c


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


class TestRequestId:
    def test_every_response_names_its_request(self, client: TestClient) -> None:
        first = client.get("/api/v1/health/live").headers["x-request-id"]
        second = client.get("/api/v1/nothing-here").headers["x-request-id"]
        assert len(first) == 32
        assert first != second

    def test_a_sane_incoming_id_is_kept(self, client: TestClient) -> None:
        r = client.get("/api/v1/health/live", headers={"X-Request-ID": "lb-7f3a:2.x_y"})
        assert r.headers["x-request-id"] == "lb-7f3a:2.x_y"

    @pytest.mark.parametrize("bad", ["a" * 129, "has space", "<script>", "-leading", "a/b"])
    def test_an_odd_incoming_id_is_replaced(self, client: TestClient, bad: str) -> None:
        r = client.get("/api/v1/health/live", headers={"X-Request-ID": bad})
        assert r.headers["x-request-id"] != bad
        assert len(r.headers["x-request-id"]) == 32

    def test_outbox_rows_remember_the_request(
        self, client: TestClient, settings: Settings, engine: Engine
    ) -> None:
        organizer = Actor(client, settings, account(engine))
        box = ok(organizer.post("/boxes", json={"name": "Ids"}), 201)
        r = client.post(
            f"/api/v1/boxes/{box['id']}/invites",
            json={"email": "guest@example.com"},
            headers={**organizer.headers, "X-Request-ID": "invite-request-1"},
        )
        assert r.status_code == 201, r.text
        with Session(engine) as s:
            row = s.scalars(
                select(models.OutboxMessage).where(models.OutboxMessage.kind == "invite")
            ).one()
        assert row.request_id == "invite-request-1"


class TestMetrics:
    def test_scrape_counts_requests_by_route_template(
        self, client: TestClient, backend: str
    ) -> None:
        before = _samples(client.get("/metrics").text)
        for box_id in ("a", "b", "c"):
            assert client.get(f"/api/v1/boxes/{box_id}").status_code == 401
        r = client.get("/metrics")
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/plain")
        after = _samples(r.text)
        key = (
            "santa_http_requests_total",
            (("method", "GET"), ("route", "/api/v1/boxes/{box_id}"), ("status", "401")),
        )
        assert after[key] - before.get(key, 0) == 3
        latency = ("santa_http_request_duration_seconds_count", key[1][:2])
        assert after[latency] - before.get(latency, 0) == 3
        assert not any("/api/v1/boxes/a" in str(labels) for _, labels in after)
        for status in ("pending", "retrying", "sending", "dead"):
            assert ("santa_outbox_messages", (("status", status),)) in after
        assert ("santa_draw_runs", ()) in after
        assert ("santa_db_pool_connections", (("state", "in_use"),)) in after
        assert ("santa_websocket_connections", ()) in after

    def test_outbox_and_draw_state(self, client: TestClient, engine: Engine) -> None:
        with Session(engine) as s:
            for status, attempts in [("pending", 0), ("pending", 2), ("failed", 8)]:
                s.add(
                    models.OutboxMessage(
                        kind="invite",
                        recipient="x@example.com",
                        status=models.OutboxStatus(status),
                        attempts=attempts,
                    )
                )
            s.commit()
        after = _samples(client.get("/metrics").text)
        counts = {
            labels[0][1]: value
            for (name, labels), value in after.items()
            if name == "santa_outbox_messages"
        }
        assert counts == {"pending": 1, "retrying": 1, "sending": 0, "dead": 1}

    def test_websocket_gauge_follows_the_helper(self, client: TestClient) -> None:
        from santa_server import metrics

        def gauge() -> float:
            return _samples(client.get("/metrics").text)[("santa_websocket_connections", ())]

        start = gauge()
        with metrics.websocket_connection():
            assert gauge() == start + 1
        assert gauge() == start

    def test_public_clients_get_404(self, settings: Settings) -> None:
        with TestClient(create_app(settings), client=PUBLIC) as c:
            r = c.get("/metrics")
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/problem+json"

    def test_a_token_is_required_when_set(self, tmp_path: Path, engine: Engine) -> None:
        s = make_settings(
            tmp_path, engine.url.render_as_string(hide_password=False), metrics_token="s3cret"
        )
        with TestClient(create_app(s), client=LOOPBACK) as c:
            assert c.get("/metrics").status_code == 404
            wrong = c.get("/metrics", headers={"Authorization": "Bearer nope"})
            assert wrong.status_code == 404
            right = c.get("/metrics", headers={"Authorization": "Bearer s3cret"})
            assert right.status_code == 200

    def test_a_proxy_does_not_make_public_clients_private(
        self, tmp_path: Path, engine: Engine
    ) -> None:
        s = make_settings(
            tmp_path,
            engine.url.render_as_string(hide_password=False),
            trusted_proxies="127.0.0.1",
        )
        with TestClient(create_app(s), client=LOOPBACK) as c:
            relayed = c.get("/metrics", headers={"X-Forwarded-For": "198.51.100.4"})
            assert relayed.status_code == 404
            assert c.get("/metrics").status_code == 200

    def test_disabled(self, tmp_path: Path, engine: Engine) -> None:
        s = make_settings(
            tmp_path, engine.url.render_as_string(hide_password=False), metrics_enabled=False
        )
        with TestClient(create_app(s), client=LOOPBACK) as c:
            assert c.get("/metrics").status_code == 404


class TestProbes:
    def test_live_and_ready(self, client: TestClient, backend: str) -> None:
        assert client.get("/api/v1/health/live").json() == {"status": "alive"}
        ready = client.get("/api/v1/health/ready")
        assert ready.status_code == 200
        assert ready.json()["database"].startswith(backend)
        assert ready.json()["redis"] == "not configured"

    def test_ready_checks_redis_when_configured(self, settings: Settings, redis_url: str) -> None:
        s = settings.model_copy(update={"redis_url": redis_url})
        with TestClient(create_app(s, start_jobs=False), client=LOOPBACK) as c:
            assert c.get("/api/v1/health/ready").json()["redis"] == "redis"

    def test_not_ready_without_redis(self, settings: Settings) -> None:
        s = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
        with TestClient(create_app(s, start_jobs=False), client=LOOPBACK) as c:
            r = c.get("/api/v1/health/ready", headers={"Accept-Language": "ru"})
            assert c.get("/api/v1/health/live").status_code == 200
        assert r.status_code == 503
        assert r.headers["content-type"] == "application/problem+json"
        assert r.headers["retry-after"] == "5"
        assert r.json()["code"] == "not_ready"
        assert r.json()["detail"].startswith("Сервис ещё не готов")

    def test_not_ready_without_database_but_alive(self, tmp_path: Path) -> None:
        s = make_settings(tmp_path, "postgresql+psycopg://nobody@127.0.0.1:1/x")
        with TestClient(create_app(s), client=LOOPBACK) as c:
            assert c.get("/api/v1/health/live").status_code == 200
            r = c.get("/api/v1/health/ready")
        assert r.status_code == 503
        assert "unreachable" in r.json()["detail"]

    def test_not_ready_before_migrations(self, tmp_path: Path) -> None:
        s = make_settings(tmp_path, f"sqlite:///{tmp_path / 'empty.db'}")
        with TestClient(create_app(s), client=LOOPBACK) as c:
            r = c.get("/api/v1/health/ready")
        assert r.status_code == 503
        assert "head is" in r.json()["detail"]


class TestJsonLogs:
    def test_one_object_per_line_with_the_request_id(
        self, restore_logging: None, capfd: pytest.CaptureFixture[str]
    ) -> None:
        logs.configure("INFO", "json")
        with logs.request_id_bound("req-42"):
            logging.getLogger("santa.test").info("join link %s", "/join/inv_" + "Q" * 43)
        line = json.loads(capfd.readouterr().err.strip().splitlines()[-1])
        assert line["request_id"] == "req-42"
        assert line["level"] == "INFO"
        assert line["logger"] == "santa.test"
        assert "Q" * 43 not in line["message"]  # still redacted

    def test_text_lines_carry_the_request_id(
        self, restore_logging: None, capfd: pytest.CaptureFixture[str]
    ) -> None:
        logs.configure("INFO")
        with logs.request_id_bound("req-43"):
            logging.getLogger("santa.test").info("hello")
        assert "[req-43] INFO santa.test: hello" in capfd.readouterr().err

    def test_unknown_format_is_refused(self) -> None:
        from santa_core.config import get_settings
        from santa_core.errors import ConfigurationError

        with pytest.raises(ConfigurationError, match="SANTA_LOG_FORMAT"):
            get_settings(log_format="xml")


class TestWebSocketGauge:
    def test_open_live_connections_are_counted(self, settings: Settings, engine: Engine) -> None:
        import httpx

        from tests.live import live_server
        from tests.ops.stack import wait_for
        from tests.server.wskit import hello, open_ws, ws_url

        user = account(engine)
        token = session_token(settings, user.id)
        with live_server(create_app(settings)) as base, httpx.Client(base_url=base) as http:
            box = http.post(
                "/api/v1/boxes", json={"name": "Live"}, headers={"Authorization": f"Bearer {token}"}
            ).json()

            def gauge() -> float:
                return _samples(http.get("/metrics").text)[("santa_websocket_connections", ())]

            start = gauge()
            with open_ws(ws_url(base, box_id=box["id"]), token) as conn:
                hello(conn)
                assert gauge() == start + 1
            wait_for(lambda: gauge() == start, "the closed WebSocket to leave the gauge")
