"""A small hand-written facade over the generated client.

from santa_sdk import connect
from santa_sdk.api.health import get_health

client = connect("http://127.0.0.1:8000", token="...")
health = get_health.sync(client=client)
"""

from __future__ import annotations

from santa_sdk._generated import AuthenticatedClient, Client

DEFAULT_TIMEOUT = 30.0


def connect(
    base_url: str,
    *,
    token: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    language: str | None = None,
) -> Client | AuthenticatedClient:
    """A client for the API at ``base_url``; with ``token`` it sends ``Authorization: Bearer``."""
    import httpx

    headers = {"Accept-Language": language} if language else {}
    common = {
        "base_url": base_url.rstrip("/"),
        "timeout": httpx.Timeout(timeout),
        "headers": headers,
        "raise_on_unexpected_status": True,
    }
    if token:
        return AuthenticatedClient(token=token, **common)  # type: ignore[arg-type]
    return Client(**common)  # type: ignore[arg-type]
