"""The health endpoint and the error format, on both databases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from santa_core.config import Settings
from santa_server.app import create_app


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


class TestHealth:
    def test_reports_database_and_queue(self, client: TestClient, backend: str) -> None:
        r = client.get("/api/v1/health")
        assert r.status_code == 200
        body = r.json()
        assert body["status"] == "ok"
        assert body["database"]["ok"] is True
        assert body["database"]["detail"].startswith(backend)
        assert body["queue"]["ok"] is True

    def test_degraded_when_database_is_down(self, tmp_path: object) -> None:
        from pathlib import Path

        from tests.conftest import make_settings

        s = make_settings(Path(str(tmp_path)), "postgresql+psycopg://nobody@127.0.0.1:1/x")
        with TestClient(create_app(s)) as c:
            r = c.get("/api/v1/health")
        assert r.status_code == 503
        assert r.json()["database"]["ok"] is False


class TestProblemJson:
    def test_unknown_route_is_problem_json(self, client: TestClient) -> None:
        r = client.get("/api/v1/does-not-exist")
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["code"] == "not_found"
        assert r.json()["type"] == "urn:santa:error:not_found"

    def test_language_follows_accept_language(self, client: TestClient) -> None:
        r = client.get("/api/v1/does-not-exist", headers={"Accept-Language": "ru-RU,ru;q=0.9"})
        assert r.json()["detail"] == "Не найдено."
        assert r.headers["content-language"] == "ru"

    def test_wrong_method_is_problem_json(self, client: TestClient) -> None:
        r = client.delete("/api/v1/health")
        assert r.status_code == 405
        assert r.json()["code"] == "method_not_allowed"
        assert r.headers["allow"] == "GET"

    def test_allow_header_names_every_route_on_the_path(self, client: TestClient) -> None:
        r = client.put("/api/v1/boxes")
        assert r.status_code == 405
        assert set(r.headers["allow"].split(", ")) >= {"GET", "POST"}


class TestMigrationsAreTheEntryPointsJob:
    """``create_app()`` and its lifespan never migrate; ``santa serve``, ``santa db upgrade``
    and the Gunicorn master (on SQLite) do, before the app serves."""

    def test_starting_the_app_leaves_a_fresh_database_alone(self, tmp_path: object) -> None:
        from pathlib import Path

        from santa_core import migrate
        from tests.conftest import make_settings

        s = make_settings(Path(str(tmp_path)), f"sqlite:///{Path(str(tmp_path)) / 'fresh.db'}")
        app = create_app(s)
        engine = app.state.engine
        with TestClient(app) as c:
            assert c.get("/api/v1/health/ready").status_code == 503
            assert migrate.current_revision(engine) is None

    def test_gunicorn_master_migrates_sqlite_before_the_workers(self, tmp_path: object) -> None:
        from pathlib import Path

        from santa_core import migrate
        from santa_core.db import make_engine
        from santa_server import launch
        from tests.conftest import make_settings

        url = f"sqlite:///{Path(str(tmp_path)) / 'fresh.db'}"
        launch.gunicorn_options(make_settings(Path(str(tmp_path)), url))["on_starting"](None)
        engine = make_engine(url)
        try:
            assert migrate.current_revision(engine) == migrate.head_revision()
        finally:
            engine.dispose()
