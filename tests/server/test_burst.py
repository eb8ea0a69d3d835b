"""Bursts against a real ``santa serve`` process: everyone answered, no 5xx.

On the embedded default (SQLite in the data dir) and on PostgreSQL (a fresh
database on the test server): 200 simultaneous ``GET /users/me``, then 50
people opening one join link and joining at the same moment.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from tests.server.prod_support import burst, santa_serve, sign_up

pytestmark = pytest.mark.slow


def _database_env(backend: str, engine: Engine) -> dict[str, str]:
    if backend == "sqlite":
        return {}  # the embedded default: a new SQLite file in the data dir
    return {"SANTA_DATABASE_URL": engine.url.render_as_string(hide_password=False)}


@pytest.fixture
def served_env(backend: str, engine: Engine) -> dict[str, str]:
    return _database_env(backend, engine)


class TestBursts:
    def test_200_simultaneous_reads_are_all_answered(
        self, tmp_path: Path, served_env: dict[str, str]
    ) -> None:
        with santa_serve(tmp_path, **served_env) as served:
            with httpx.Client(base_url=served.api, timeout=30) as http:
                people = [sign_up(http, f"p{i}@example.com", f"Person {i}") for i in range(10)]
            requests = [("GET", "/users/me", people[i % len(people)]) for i in range(200)]
            outcome = burst(served.api, requests)
            assert outcome.failures == [], outcome.failures[:5]
            assert outcome.statuses == [200] * 200
            assert "Traceback" not in served.log()

    def test_50_people_open_one_join_link_at_once(
        self, tmp_path: Path, served_env: dict[str, str]
    ) -> None:
        with santa_serve(tmp_path, **served_env) as served:
            with httpx.Client(base_url=served.api, timeout=30) as http:
                organizer = sign_up(http, "org@example.com", "Olga")
                box = http.post("/boxes", json={"name": "Office"}, headers=organizer)
                assert box.status_code == 201, box.text
                link = http.post(f"/boxes/{box.json()['id']}/join-link", headers=organizer)
                assert link.status_code == 201, link.text
                code = link.json()["code"]
                people = [sign_up(http, f"c{i}@example.com", f"Colleague {i}") for i in range(50)]
            opened = burst(served.api, [("GET", f"/invitations/{code}", p) for p in people])
            assert opened.failures == [], opened.failures[:5]
            assert opened.statuses == [200] * 50
            joined = burst(served.api, [("POST", f"/invitations/{code}/accept", p) for p in people])
            assert joined.failures == [], joined.failures[:5]
            assert joined.statuses == [200] * 50
            with httpx.Client(base_url=served.api, timeout=30) as http:
                page = http.get(
                    f"/boxes/{box.json()['id']}/participants",
                    headers=organizer,
                )
                assert page.status_code == 200, page.text
                assert page.json()["total"] == 51
            assert "Traceback" not in served.log()
