"""The OpenAPI document: stable operation ids, problem+json errors, deterministic dumps."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, routing
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from santa_core.user.schemas import PREFERENCES_SCHEMA, TIME_ZONE_SCHEMA
from santa_server.errors import (
    CODES_KEY,
    DESCRIPTIONS,
    PROBLEM_JSON,
    Problem,
    all_codes,
    codes_by_status,
)

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def operation_id(route: APIRoute) -> str:
    """Every route declares ``operation_id``; fall back to the function name."""
    return route.operation_id or route.name


def install(app: FastAPI) -> None:
    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        _use_problem_json(schema)
        schema["components"]["schemas"]["TimeZone"] = TIME_ZONE_SCHEMA
        schema["components"]["schemas"]["Preferences"] = PREFERENCES_SCHEMA
        _declare_codes(schema, app)
        _declare_security(schema, app)
        app.openapi_schema = schema
        return schema

    app.openapi = custom_openapi  # type: ignore[method-assign]


def _use_problem_json(schema: dict[str, Any]) -> None:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in problem_schema.pop("$defs", {}).items():
        components.setdefault(name, sub)
    components["Problem"] = problem_schema
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            has_body = "requestBody" in operation
            if has_body:
                _optional_body_as_model(operation["requestBody"])
            has_params = bool(operation.get("parameters")) or has_body
            if has_params:
                responses["422"] = _problem("Invalid input")
            if has_body:
                responses.setdefault("400", _problem("Malformed request"))
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)


def _declare_codes(schema: dict[str, Any], app: FastAPI) -> None:
    """``Problem.code`` is an enum of every code; each problem response lists its own."""
    problem = schema["components"]["schemas"]["Problem"]
    problem["properties"]["code"]["enum"] = all_codes()
    paths = schema.get("paths", {})
    for context in routing.iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        for method in route.methods or ():
            operation = paths.get(context.path_format, {}).get(method.lower())
            if operation is None:
                continue
            responses = operation["responses"]
            for status, codes in codes_by_status(route).items():
                response = responses.setdefault(
                    str(status), _problem(DESCRIPTIONS.get(status, "Error"))
                )
                response[CODES_KEY] = codes


#: How a signed-in request proves it (``santa_server.deps.access_token_from``): either will do.
SECURITY_SCHEMES: dict[str, dict[str, Any]] = {
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "The access token from `POST /api/v1/auth/login` (or refresh).",
    },
    "cookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": "santa_access",  # santa_server.deps.ACCESS_COOKIE (checked by a test)
        "description": "The web UI's session cookie; unsafe methods also need the "
        "`X-CSRF-Token` header (the `santa_csrf` cookie's value).",
    },
}
#: An operation needing a signed-in user: a bearer token or the session cookie.
SIGNED_IN: list[dict[str, list[str]]] = [{"bearer": []}, {"cookie": []}]


def _declare_security(schema: dict[str, Any], app: FastAPI) -> None:
    """Routes that need a signed-in user (``CurrentUser``) say so, per operation.

    Routes where signing in is optional (``OptionalUser``) declare nothing: the
    SDK generator types an operation with any ``security`` to take an
    ``AuthenticatedClient`` only, and these also work anonymously.
    """
    from santa_server import deps
    from santa_server.errors import dependency_calls

    schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    paths = schema.get("paths", {})
    for context in routing.iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        if deps.get_current_user not in dependency_calls(route.dependant):
            continue
        for method in route.methods or ():
            operation = paths.get(context.path_format, {}).get(method.lower())
            if operation is not None:
                operation["security"] = SIGNED_IN


def _optional_body_as_model(body: dict[str, Any]) -> None:
    """An optional body is the model itself (omitting it is how to send none).

    FastAPI writes ``anyOf: [Model, null]``, for which openapi-python-client
    generates a call that crashes when the body is left out.
    """
    if body.get("required"):
        return
    for media in body.get("content", {}).values():
        options = media.get("schema", {}).get("anyOf", [])
        refs = [o for o in options if "$ref" in o]
        if len(options) == 2 and len(refs) == 1 and {"type": "null"} in options:
            media["schema"] = refs[0]


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM_JSON: {"schema": PROBLEM_REF}}}


def dump(app: FastAPI) -> str:
    """The spec as committed: sorted keys, two-space indent, trailing newline."""
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
