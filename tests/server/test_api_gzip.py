"""API answers of a kilobyte or more go out gzipped; auth answers and web UI files never do."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from santa_server.middleware import GZIP_MINIMUM_BYTES, ApiGzip

BIG = b'{"items": [' + b'{"name": "Someone"},' * 400 + b"{}]}"


async def _answer(scope: Scope, receive: Receive, send: Send) -> None:
    body = BIG if scope["path"].endswith("/big") else b'{"ok": true}'
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


@pytest.fixture
def client() -> TestClient:
    return TestClient(ApiGzip(_answer))


@pytest.mark.parametrize(
    ("path", "gzipped"),
    [
        ("/api/v1/boxes/b/participants/big", True),
        ("/api/v1/boxes/b/small", False),  # under the minimum: not worth it
        ("/api/v1/auth/login/big", False),  # may carry tokens: never compressed (BREACH)
        ("/assets/big", False),  # the web UI gzips its own files
    ],
)
def test_what_is_gzipped(client: TestClient, path: str, gzipped: bool) -> None:
    r = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200
    assert (r.headers.get("content-encoding") == "gzip") is gzipped
    if gzipped:
        assert int(r.headers["content-length"]) < len(BIG) / 5
        assert r.headers["vary"] == "Accept-Encoding"
    assert r.content in (BIG, b'{"ok": true}')  # httpx decoded it: the same JSON


def test_not_without_accept_encoding(client: TestClient) -> None:
    r = client.get("/api/v1/boxes/b/participants/big", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in r.headers
    assert r.content == BIG
    assert len(BIG) > GZIP_MINIMUM_BYTES
