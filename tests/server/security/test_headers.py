"""Security headers, no-store, CORS, local API docs and the request body limit."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from santa_core.config import Settings
from santa_server.app import create_app
from tests.conftest import TEST_ENCRYPTION_KEY, TEST_SECRET, make_settings
from tests.server.auth_support import API, auth_settings, register

HEADERS = {
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "permissions-policy",
}


@pytest.fixture
def client(settings: Settings) -> Any:
    with TestClient(create_app(settings)) as c:
        yield c


class TestHeaders:
    @pytest.mark.parametrize(
        ("method", "path"),
        [
            ("GET", "/api/v1/health"),
            ("GET", "/api/v1/users/me"),  # 401 problem
            ("GET", "/api/v1/nowhere"),  # Starlette's own 404
            ("DELETE", "/api/v1/health"),  # 405
            ("POST", "/api/v1/auth/login"),  # 422
            ("GET", "/openapi.json"),
            ("GET", "/api/docs"),
        ],
    )
    def test_every_response_carries_them(self, client: TestClient, method: str, path: str) -> None:
        r = client.request(method, path)
        assert set(r.headers) >= HEADERS, (path, r.headers)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "strict-transport-security" not in r.headers  # development

    def test_api_responses_are_not_stored(self, client: TestClient) -> None:
        register(client, "me@example.com")
        for path in ("/api/v1/health", "/api/v1/users/me", "/api/v1/nowhere"):
            assert client.get(path).headers["cache-control"] == "no-store", path

    def test_hsts_in_production(self, tmp_path: Path, engine: Engine) -> None:
        s = make_settings(
            tmp_path,
            engine.url.render_as_string(hide_password=False),
            environment="production",
            secret_key=TEST_SECRET,
            encryption_keys=f"k1:{TEST_ENCRYPTION_KEY}",
            hash_keys=f"h1:{TEST_ENCRYPTION_KEY}-hash",
        )
        with TestClient(create_app(s)) as c:
            hsts = c.get("/api/v1/health").headers["strict-transport-security"]
        assert hsts.startswith("max-age=")
        assert int(hsts.split("=")[1].split(";")[0]) >= 31536000


class TestCors:
    def test_only_configured_origins(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, cors_origins="https://app.example.org")
        preflight = {"Access-Control-Request-Method": "POST"}
        with TestClient(create_app(s)) as c:
            good = c.options(
                f"{API}/auth/login", headers={"Origin": "https://app.example.org", **preflight}
            )
            bad = c.options(
                f"{API}/auth/login", headers={"Origin": "https://evil.example", **preflight}
            )
            plain = c.get(f"{API}/health", headers={"Origin": "https://evil.example"})
        assert good.headers["access-control-allow-origin"] == "https://app.example.org"
        assert good.headers["access-control-allow-credentials"] == "true"
        assert "access-control-allow-origin" not in bad.headers
        assert "access-control-allow-origin" not in plain.headers

    def test_no_origin_by_default(self, client: TestClient) -> None:
        r = client.get(f"{API}/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers

    def test_origins_are_validated(self, tmp_path: Path) -> None:
        from pydantic import ValidationError

        with pytest.raises(ValidationError, match="not an origin"):
            make_settings(tmp_path, cors_origins="*")


class TestDocs:
    def test_docs_are_served_locally_without_inline_script(self, client: TestClient) -> None:
        page = client.get("/api/docs")
        assert page.status_code == 200
        html = page.text
        assert "http://" not in html
        assert "https://" not in html
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        assert scripts
        assert all('src="' in attrs and not body.strip() for attrs, body in scripts)
        for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
            asset = client.get(ref)
            assert asset.status_code == 200, ref
            assert len(asset.content) > 0
        init = client.get("/api/docs/init.js").text
        assert "SwaggerUIBundle" in init
        assert "/openapi.json" in init


def _asgi_post(app: Any, path: str, chunks: list[bytes], headers: list[tuple[bytes, bytes]]) -> Any:
    """Drive the ASGI app by hand, counting how much of the body it pulled."""
    pulled = {"chunks": 0}
    sent: list[dict[str, Any]] = []
    queue = list(chunks)

    async def receive() -> dict[str, Any]:
        if not queue:
            return {"type": "http.disconnect"}
        pulled["chunks"] += 1
        body = queue.pop(0)
        return {"type": "http.request", "body": body, "more_body": bool(queue)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
        "state": {},
    }
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], dict(start["headers"]), body, pulled["chunks"]


class TestBodyLimit:
    MB = 1024 * 1024

    def test_a_declared_huge_body_is_refused_unread(self, settings: Settings) -> None:
        app = create_app(settings)
        chunk = b"x" * self.MB
        status, headers, body, pulled = _asgi_post(
            app,
            f"{API}/auth/register",
            [chunk] * 300,
            [(b"content-length", str(300 * self.MB).encode())],
        )
        assert status == 413
        assert pulled == 0
        assert headers[b"content-type"] == b"application/problem+json"
        assert b'"code": "payload_too_large"' in body
        assert b"content-security-policy" in headers

    def test_a_chunked_body_is_cut_off_at_the_limit(self, settings: Settings) -> None:
        app = create_app(settings)
        status, _, body, pulled = _asgi_post(
            app, f"{API}/auth/login", [b"x" * (256 * 1024)] * 80, []
        )
        assert status == 413
        assert pulled <= 5  # 1 MiB limit: the fifth 256 KiB chunk passes it
        assert b"payload_too_large" in body

    def test_authenticated_routes_refuse_before_auth(self, settings: Settings) -> None:
        app = create_app(settings)
        status, _, _, pulled = _asgi_post(
            app,
            f"{API}/boxes",
            [b"{}" * self.MB] * 10,
            [(b"content-length", str(20 * self.MB).encode())],
        )
        assert (status, pulled) == (413, 0)  # not a 401 after reading 20 MB

    def test_imports_have_their_own_larger_limit(self, settings: Settings) -> None:
        import uuid

        app = create_app(settings)
        size = 3 * self.MB
        status, _, _, _ = _asgi_post(
            app,
            f"{API}/boxes/{uuid.uuid4()}/invites/import",
            [b" " * size],
            [(b"content-length", str(size).encode())],
        )
        assert status in (400, 401)  # read in full (then refused: not JSON, no session)
        status, _, _, _ = _asgi_post(
            app, f"{API}/auth/register", [b" " * size], [(b"content-length", str(size).encode())]
        )
        assert status == 413

    def test_ordinary_bodies_pass(self, client: TestClient) -> None:
        assert client.post(f"{API}/auth/login", json={"email": "a@b.org"}).status_code == 422
