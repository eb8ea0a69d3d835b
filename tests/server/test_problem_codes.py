"""The typed error contract: every route names the problem codes it returns, and an answer
with a code its route does not name is caught, on every route."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from santa_core.config import Settings
from santa_core.errors import BoxNotFound
from santa_server import errors as server_errors
from santa_server.app import create_app


def test_every_problem_response_names_its_codes(settings: Settings) -> None:
    spec = create_app(settings).openapi()
    unnamed = [
        f"{method.upper()} {path} {status}"
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        for status, response in operation.get("responses", {}).items()
        if status[0] in "45" and not response.get(server_errors.CODES_KEY)
    ]
    assert not unnamed, "problem responses without their codes (use errors.problems): " + (
        ", ".join(unnamed)
    )


def test_a_route_that_names_no_codes_is_checked_too(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(server_errors, "on_undeclared", lambda route, code: seen.append(code))
    app = create_app(settings)

    def probe() -> None:
        raise BoxNotFound()

    app.router.add_api_route("/api/v1/probe-undeclared", probe, methods=["GET"])
    with TestClient(app) as client:
        assert client.get("/api/v1/probe-undeclared").status_code == 404
    assert seen == ["box_not_found"]
