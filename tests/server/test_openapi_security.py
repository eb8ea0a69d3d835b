"""The spec says which operations need a signed-in user (the SDK types them to take a token)."""

from __future__ import annotations

import re
import uuid

from fastapi import routing
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from santa_core.config import Settings
from santa_server import deps
from santa_server.app import create_app
from santa_server.errors import dependency_calls
from santa_server.openapi import SIGNED_IN, operation_id


def test_signed_in_operations_declare_bearer_or_cookie(settings: Settings) -> None:
    app = create_app(settings)
    spec = app.openapi()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearer"]["type"] == "http"
    assert schemes["bearer"]["scheme"] == "bearer"
    assert schemes["cookie"] == {**schemes["cookie"], "in": "cookie", "name": deps.ACCESS_COOKIE}
    routes = [c.original_route for c in routing.iter_route_contexts(app.routes)]
    needs_user = {
        operation_id(route)
        for route in routes
        if isinstance(route, APIRoute)
        and route.include_in_schema
        and deps.get_current_user in dependency_calls(route.dependant)
    }
    declared = {
        op["operationId"]: op.get("security")
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert {op for op, security in declared.items() if security} == needs_user
    assert all(declared[op] == SIGNED_IN for op in needs_user)
    # Optional sign-in (the invitation page) stays open to an anonymous client.
    assert declared["get_invitation"] is None
    assert "create_box" in needs_user


def test_every_signed_in_operation_refuses_an_anonymous_call(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        spec = client.get("/openapi.json").json()
        refused = {}
        for path, item in spec["paths"].items():
            for method, op in item.items():
                if not isinstance(op, dict) or not op.get("security"):
                    continue
                url = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)
                response = client.request(method.upper(), url)
                refused[op["operationId"]] = (response.status_code, response.json().get("code"))
        assert refused
        wrong = {op: got for op, got in refused.items() if got != (401, "unauthenticated")}
        assert wrong == {}
