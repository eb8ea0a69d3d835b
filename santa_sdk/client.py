"""A small hand-written facade over the generated client.

    from santa_sdk import connect, sign_in
    from santa_sdk.api.health import get_health

    health = get_health.sync(client=connect("http://127.0.0.1:8000"))
    with sign_in("http://127.0.0.1:8000", "me@example.org", "password") as client:
        ...  # an AuthenticatedClient: every call sends ``Authorization: Bearer``

Generated operations return the expected model or a ``Problem`` (its ``code``
is stable); :class:`ApiError` is what the facade raises with the same fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from santa_sdk._generated import AuthenticatedClient, Client

if TYPE_CHECKING:
    from santa_sdk._generated.models import Problem

DEFAULT_TIMEOUT = 30.0


class ApiError(Exception):
    """The server refused: ``code`` (stable), ``detail`` (human), ``status``, ``problem``."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.code = problem.code
        self.detail = problem.detail
        self.status = problem.status
        super().__init__(f"{problem.code}: {problem.detail}")


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


def sign_in(
    base_url: str,
    email: str,
    password: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    language: str | None = None,
) -> AuthenticatedClient:
    """Sign in with a password and return a client carrying the access token.

    Raises :class:`ApiError` when the server refuses (``invalid_credentials``,
    ``rate_limited``, ...). The token lasts ``SANTA_ACCESS_TOKEN_TTL_SECONDS``
    (15 minutes by default); sign in again for a long job. ``logout.sync(client=...)``
    (``santa_sdk.api.auth.logout``) ends the session when you are done.
    """
    from santa_sdk._generated.api.auth import login
    from santa_sdk._generated.models import AuthResult, LoginRequest

    with connect(base_url, timeout=timeout, language=language) as anonymous:
        result = login.sync(
            client=anonymous, body=LoginRequest(email=email, password=password, transport="body")
        )
    if not isinstance(result, AuthResult):
        assert result is not None  # raise_on_unexpected_status: an undeclared status raised
        raise ApiError(result)
    assert isinstance(result.access_token, str)  # transport "body" carries the tokens
    client = connect(base_url, token=result.access_token, timeout=timeout, language=language)
    assert isinstance(client, AuthenticatedClient)
    return client
