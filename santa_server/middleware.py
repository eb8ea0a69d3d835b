"""Small ASGI middlewares that every response passes: security headers, a body limit, and gzip
for the API's larger answers.

Plain ASGI rather than the ``secure`` package or ``BaseHTTPMiddleware``: the
decisions depend on the path (``no-store`` on the API, a larger body limit on
import routes, the docs page), headers must be set on responses the app did
not build itself (Starlette's own 404/405, errors), and BaseHTTPMiddleware
would buffer streaming responses and break background tasks. The header values
themselves are the ones the ``secure`` package and OWASP recommend.

Content-Security-Policy: scripts only from this origin, no inline script
(the web UI is a Vite build with hashed external files, and ``/api/docs``
serves Swagger UI from the ``swagger-ui-bundle`` package with an external init
script, so both work offline and under the policy). Inline ``style`` is
allowed because Swagger UI and React set style attributes; inline styles
cannot run code.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from santa_core import i18n
from santa_core.config import Settings

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
HSTS = "max-age=63072000; includeSubDomains"


def _has(headers: Iterable[tuple[bytes, bytes]], name: bytes) -> bool:
    return any(k.lower() == name for k, _ in headers)


class SecurityHeaders:
    """Security headers on every response; ``Cache-Control: no-store`` on every API
    response that does not set its own caching (they carry personal data)."""

    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.hsts = settings.is_production

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        api = path.startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                add = [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"permissions-policy", PERMISSIONS_POLICY.encode()),
                    (b"cross-origin-opener-policy", b"same-origin"),
                ]
                if self.hsts:
                    add.append((b"strict-transport-security", HSTS.encode()))
                if api and not _has(headers, b"cache-control"):
                    add.append((b"cache-control", b"no-store"))
                headers += [(k, v) for k, v in add if not _has(headers, k)]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over the limit with 413 problem+json, before reading them.

    A ``Content-Length`` over the limit is refused at once; a chunked body is
    counted as it streams and refused when it passes the limit (the app sees
    the error instead of the rest of the body, and its response is replaced).
    Routes ending in ``/import`` have their own, larger limit.
    """

    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.default = settings.max_body_bytes
        self.imports = settings.max_import_body_bytes

    def limit_for(self, path: str) -> int:
        return self.imports if path.rstrip("/").endswith("/import") else self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        declared = next(
            (v for k, v in scope.get("headers", []) if k.lower() == b"content-length"), None
        )
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                too_big = False
            if too_big:
                await self._refuse(scope, send, limit)
                return
        received = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise _TooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded:
                return  # the app's answer to a cut-off body is replaced by the 413
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        with contextlib.suppress(_TooLarge):  # the app did not catch our cut-off
            await self.app(scope, counting_receive, guarded_send)
        if exceeded and not started:
            await self._refuse(scope, send, limit)

    @staticmethod
    async def _refuse(scope: Scope, send: Send, limit: int) -> None:
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        language = i18n.pick_language(headers.get(b"accept-language", b"").decode("latin-1"))
        code = "payload_too_large"
        message = f"The request body is larger than {limit} bytes."
        body = json.dumps(
            {
                "type": f"urn:santa:error:{code}",
                "title": "Payload too large",
                "status": 413,
                "detail": i18n.translate(code, message, language),
                "code": code,
                "instance": scope.get("path"),
                "errors": [],
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"content-language", language.value.encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


#: API answers from this size on are gzipped when the client accepts it (a page of 200
#: members is about 63 KB as JSON, 8 KB gzipped: a phone on a slow network sees the difference).
GZIP_MINIMUM_BYTES = 1024
#: Answers that can carry a token or a password reset are never compressed: a body mixing a
#: secret with text an attacker chose must not leak the secret through its size (BREACH).
GZIP_NEVER = ("/api/v1/auth/",)


class ApiGzip:
    """gzip for ``/api/`` answers of :data:`GZIP_MINIMUM_BYTES` or more (Starlette's
    ``GZipMiddleware``: ``Vary: Accept-Encoding``, never a second encoding); not for
    :data:`GZIP_NEVER`, nor the web UI (it serves its files gzipped itself) or WebSockets."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=GZIP_MINIMUM_BYTES, compresslevel=6)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and path.startswith("/api/") and not path.startswith(GZIP_NEVER):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)
