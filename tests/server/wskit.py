"""A WebSocket client for the live-event tests (websockets' sync client, with deadlines)."""

from __future__ import annotations

import json
import time
from typing import Any

from websockets.exceptions import InvalidStatus
from websockets.sync.client import ClientConnection, connect


def ws_url(base: str, **params: str) -> str:
    url = base.replace("http://", "ws://") + "/api/v1/ws"
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return url


def open_ws(
    url: str, token: str | None = None, *, cookie: str | None = None, **kwargs: Any
) -> ClientConnection:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if cookie:
        headers["Cookie"] = f"santa_access={cookie}"
    return connect(url, additional_headers=headers or None, open_timeout=15, **kwargs)


def refused(url: str, token: str | None = None, **kwargs: Any) -> int:
    """The HTTP status of a refused handshake (fails if the connection was accepted)."""
    try:
        conn = open_ws(url, token, **kwargs)
    except InvalidStatus as exc:
        return exc.response.status_code
    conn.close()
    raise AssertionError("the WebSocket was accepted")


def next_event(conn: ClientConnection, kind: str, *, timeout: float = 15) -> dict[str, Any]:
    """The next event of ``kind`` (heartbeats and other events are skipped)."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no {kind} event within {timeout}s")
        message = json.loads(conn.recv(timeout=left))
        if message.get("type") == "event" and message["kind"] == kind:
            return dict(message)


def hello(conn: ClientConnection) -> dict[str, Any]:
    message = json.loads(conn.recv(timeout=15))
    assert message["type"] == "hello", message
    return dict(message)


def drain(conn: ClientConnection, *, quiet: float = 0.5) -> list[dict[str, Any]]:
    """Every message until ``quiet`` seconds pass without one."""
    out = []
    while True:
        try:
            out.append(json.loads(conn.recv(timeout=quiet)))
        except TimeoutError:
            return out
