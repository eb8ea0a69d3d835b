"""Every error leaves the API as ``application/problem+json`` (RFC 9457).

Domain errors map to statuses by kind in one table; the body carries a stable
``code`` (also in ``type`` as a URN), a human ``detail`` in the request's
language, and field ``errors`` for validation problems.

Each route declares the codes it can return: ``responses=problems("box_not_found", ...)``
(statuses follow from the codes); the codes its dependencies and parameters bring
(signing in, validation) are added by :func:`route_codes`. The spec lists them
per response (``x-problem-codes``) and ``Problem.code`` is an enum of every code.
An error whose code its route does not declare is reported to
:data:`on_undeclared` (logged; the test suite fails on it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from santa_core import errors, i18n

log = logging.getLogger("santa.server")

PROBLEM_JSON = "application/problem+json"

STATUS_BY_KIND: list[tuple[type[errors.SantaError], int]] = [
    (errors.Unauthenticated, 401),
    (errors.Forbidden, 403),
    (errors.NotFound, 404),
    (errors.Conflict, 409),
    (errors.InvalidInput, 422),
    (errors.RateLimited, 429),
    (errors.ConfigurationError, 500),
]

_HTTP_CODES = {
    400: "malformed_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
}


class FieldProblem(BaseModel):
    loc: list[str | int]
    message: str
    code: str


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = Field(description="URN naming the error: urn:santa:error:<code>")
    title: str
    status: int
    detail: str
    code: str = Field(description="Stable machine-readable error code")
    instance: str | None = None
    errors: list[FieldProblem] = Field(default_factory=list)


def status_for(exc: errors.SantaError | type[errors.SantaError]) -> int:
    cls = exc if isinstance(exc, type) else type(exc)
    for kind, status in STATUS_BY_KIND:
        if issubclass(cls, kind):
            return status
    return 500


#: Response key listing the problem codes a route returns with that status.
CODES_KEY = "x-problem-codes"
#: Codes the app answers with itself (not raised by a service), beyond ``_HTTP_CODES``.
_APP_CODES = {
    "internal_error": 500,
    "database_unavailable": 503,
    "service_unavailable": 503,
    "overloaded": 503,
    "not_ready": 503,
}
#: Codes of errors the app itself answers with (not raised by a service).
HTTP_ONLY_CODES = {*_HTTP_CODES.values(), *_APP_CODES}
#: What signing in can refuse (``CurrentUser`` / ``OptionalUser`` dependencies).
AUTH_CODES = ("unauthenticated", "session_revoked", "csrf_failed")


def error_classes() -> dict[str, type[errors.SantaError]]:
    """Every SantaError class by code (the modules defining them are imported by then)."""
    found: dict[str, type[errors.SantaError]] = {}
    stack: list[type[errors.SantaError]] = [errors.SantaError]
    while stack:
        cls = stack.pop()
        found.setdefault(cls.code, cls)
        stack.extend(cls.__subclasses__())
    return found


def all_codes() -> list[str]:
    return sorted({*error_classes(), *HTTP_ONLY_CODES} - {"error"})


def status_of_code(code: str) -> int:
    cls = error_classes().get(code)
    if cls is not None:
        return status_for(cls)
    for status, http_code in _HTTP_CODES.items():
        if http_code == code:
            return status
    if code in _APP_CODES:
        return _APP_CODES[code]
    raise ValueError(f"unknown problem code {code!r}")


def on_undeclared_default(route: str, code: str) -> None:
    log.error("%s answered with problem code %r, which the route does not declare", route, code)


#: Called with (``METHOD /path``, code) for a problem its route does not declare.
on_undeclared: Callable[[str, str], None] = on_undeclared_default


def route_codes(route: APIRoute) -> set[str]:
    """Every code a route may answer with: declared, plus what its dependencies bring."""
    codes: set[str] = set()
    for response in route.responses.values():
        codes.update(response.get(CODES_KEY, ()))
    calls = dependency_calls(route.dependant)
    from santa_server import deps, security

    if deps.get_optional_user in calls or deps.get_current_user in calls:
        codes.update(AUTH_CODES)
    if security.get_rate_limiter in calls:
        codes.add("rate_limited")
    dependant = route.dependant
    if dependant.body_params:
        codes.update(("validation_error", "malformed_request"))
    if dependant.query_params or dependant.path_params or dependant.header_params:
        codes.add("validation_error")
    if dependant.cookie_params:
        codes.add("validation_error")
    return codes


def dependency_calls(dependant: Any) -> set[Any]:
    """Every callable a route depends on, at any depth."""
    calls = set()
    stack = list(dependant.dependencies)
    while stack:
        item = stack.pop()
        calls.add(item.call)
        stack.extend(item.dependencies)
    return calls


def _check_declared(request: Request, code: str) -> None:
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    if code not in route_codes(route):
        on_undeclared(f"{request.method} {route.path}", code)


def problem_response(
    request: Request,
    *,
    status: int,
    code: str,
    message: str,
    field_errors: list[FieldProblem] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    language = i18n.pick_language(request.headers.get("accept-language"))
    body = Problem(
        type=f"urn:santa:error:{code}",
        title=code.replace("_", " ").capitalize(),
        status=status,
        detail=i18n.translate(code, message, language),
        code=code,
        instance=request.url.path,
        errors=field_errors or [],
    )
    merged = {"Content-Language": language.value, **(headers or {})}
    return JSONResponse(
        body.model_dump(mode="json"), status_code=status, media_type=PROBLEM_JSON, headers=merged
    )


async def _santa_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, errors.SantaError)
    status = status_for(exc)
    headers = {}
    if isinstance(exc, errors.RateLimited):
        headers["Retry-After"] = str(exc.retry_after)
    if isinstance(exc, errors.Unauthenticated):
        headers["WWW-Authenticate"] = "Bearer"
    field_errors = []
    if isinstance(exc, errors.InvalidInput):
        language = i18n.pick_language(request.headers.get("accept-language"))
        field_errors = [
            FieldProblem(
                loc=list(e.loc),
                message=i18n.translate_field(e.code, e.message, language),
                code=e.code,
            )
            for e in exc.errors
        ]
    if status >= 500:
        log.error("configuration error: %s", exc.message)
    else:
        _check_declared(request, exc.code)
    return problem_response(
        request,
        status=status,
        code=exc.code,
        message=exc.message,
        field_errors=field_errors,
        headers=headers,
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    field_errors = []
    malformed = False
    language = i18n.pick_language(request.headers.get("accept-language"))
    for err in exc.errors():
        if err.get("type") == "json_invalid":
            malformed = True
        kind = str(err.get("type", "invalid"))
        field_errors.append(
            FieldProblem(
                loc=[p for p in err.get("loc", ()) if isinstance(p, str | int)],
                message=i18n.translate_field(
                    kind, str(err.get("msg", "invalid")), language, err.get("ctx")
                ),
                code=kind,
            )
        )
    _check_declared(request, "malformed_request" if malformed else "validation_error")
    if malformed:
        return problem_response(
            request,
            status=400,
            code="malformed_request",
            message="The request body is not valid JSON.",
            field_errors=field_errors,
        )
    return problem_response(
        request,
        status=422,
        code="validation_error",
        message="The input is invalid.",
        field_errors=field_errors,
    )


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def _allowed_methods(request: Request) -> set[str]:
    """Every method some API route accepts on this path (Starlette names only the first
    route's). A route whose typed path parameters refuse the path does not accept it:
    ``/invites/import`` is not an invitation id, so its ``DELETE`` is not offered."""
    from fastapi import routing
    from starlette.routing import Match

    def accepts(context: Any, method: str) -> bool:
        route = context.original_route
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            return False  # e.g. the web UI's catch-all (GET, HEAD on every path)
        effective = getattr(context, "_effective_route", None) or context.route
        match, child = effective.matches({**request.scope, "method": method})
        return match is Match.FULL and _path_params_valid(route, child.get("path_params", {}))

    contexts = list(routing.iter_route_contexts(request.app.router.routes))
    return {method for method in _METHODS if any(accepts(c, method) for c in contexts)}


def _path_params_valid(route: APIRoute, values: dict[str, Any]) -> bool:
    for param in route.dependant.path_params:
        annotation = param.field_info.annotation
        if annotation is None:
            continue
        try:
            TypeAdapter(annotation).validate_python(values.get(param.name))
        except ValidationError:
            return False
    return True


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else "Request failed."
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        allowed = _allowed_methods(request)
        if allowed:
            headers["Allow"] = ", ".join(sorted(allowed))
    return problem_response(
        request,
        status=exc.status_code,
        code=code,
        message=message,
        headers=headers,
    )


async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        request, status=500, code="internal_error", message="Internal server error."
    )


def _retry_after(request: Request) -> dict[str, str]:
    settings = getattr(request.app.state, "settings", None)
    seconds = getattr(settings, "retry_after_seconds", 1)
    return {"Retry-After": str(seconds)}


async def _database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """The database refused, timed out or went away: 503, and the next request retries."""
    log.warning(
        "database unavailable on %s %s: %s", request.method, request.url.path, _first_line(exc)
    )
    return problem_response(
        request,
        status=503,
        code="database_unavailable",
        message="The database is unavailable. Try again in a moment.",
        headers=_retry_after(request),
    )


async def _redis_unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.warning(
        "redis unavailable on %s %s: %s", request.method, request.url.path, _first_line(exc)
    )
    return problem_response(
        request,
        status=503,
        code="service_unavailable",
        message="A service the app needs is unavailable. Try again in a moment.",
        headers=_retry_after(request),
    )


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"


def infrastructure_errors() -> list[tuple[type[Exception], Any]]:
    """Exceptions of the services under the app, each with its 503 handler."""
    import redis.exceptions
    from sqlalchemy import exc as sa_exc

    return [
        (sa_exc.OperationalError, _database_unavailable),
        (sa_exc.InterfaceError, _database_unavailable),
        (sa_exc.DisconnectionError, _database_unavailable),
        (sa_exc.TimeoutError, _database_unavailable),
        (redis.exceptions.ConnectionError, _redis_unavailable),
        (redis.exceptions.TimeoutError, _redis_unavailable),
        (redis.exceptions.BusyLoadingError, _redis_unavailable),
    ]


def install(app: FastAPI) -> None:
    app.add_exception_handler(errors.SantaError, _santa_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for exc_class, handler in infrastructure_errors():
        app.add_exception_handler(exc_class, handler)
    # Starlette hands an ``Exception`` handler to ServerErrorMiddleware, which answers
    # and then re-raises, so the server drops the connection: the catch-all below
    # answers the same problem and keeps the connection open; the handler stays
    # registered for what escapes it (an error after the response started).
    app.add_middleware(CatchAll)
    app.add_exception_handler(Exception, _unhandled)


class CatchAll:
    """Answer an unexpected error with a 500 problem instead of re-raising it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                raise
            response = await _unhandled(Request(scope), exc)
            await response(scope, receive, send)


DESCRIPTIONS = {
    400: "Malformed request",
    401: "Not signed in",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict with the current state",
    422: "Invalid input",
    429: "Too many requests",
    503: "Overloaded or a service is unavailable (retry after Retry-After seconds)",
}


def problems(*codes: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the problem codes a route returns (statuses follow)."""
    by_status: dict[int, set[str]] = {}
    for code in codes:
        by_status.setdefault(status_of_code(code), set()).add(code)
    return {
        status: {**_entry(status), CODES_KEY: sorted(found)}
        for status, found in sorted(by_status.items())
    }


def _entry(status: int) -> dict[str, Any]:
    return {
        "model": Problem,
        "description": DESCRIPTIONS.get(status, "Error"),
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def codes_by_status(route: APIRoute) -> dict[int, list[str]]:
    """The route's codes grouped by the status they come with (for the spec)."""
    out: dict[int, set[str]] = {}
    for code in route_codes(route):
        out.setdefault(status_of_code(code), set()).add(code)
    return {status: sorted(found) for status, found in out.items()}
