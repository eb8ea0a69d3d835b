"""A small hand-written facade over the generated client.

    from santa_sdk import connect, iterate, unwrap
    from santa_sdk.api.boxes import get_box
    from santa_sdk.api.participants import list_participants

    with connect("http://127.0.0.1:8000", email="me@example.org", password="...") as client:
        box = unwrap(get_box.sync(box_id, client=client))       # Box, or raises NotFound, ...
        for person in iterate(list_participants, box_id, client=client):
            print(person.display_name)

:func:`connect` signs in (or takes tokens you kept) and returns the generated
``AuthenticatedClient``, so every generated operation works with it, sync or
async. The session refreshes itself: when the access token expires, the
refresh token is exchanged once and the request repeated (``on_tokens`` hears
of every new pair, to store the refresh token). ``raise_on_error=True`` makes
every refusal raise the :mod:`santa_sdk.errors` hierarchy instead of returning
a ``Problem``; :func:`unwrap` does the same for one result.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

import httpx

from santa_sdk._generated import AuthenticatedClient, Client
from santa_sdk.errors import ApiError, UnexpectedStatus, error_for

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from santa_sdk._generated.models import Problem

__all__ = [
    "ApiError",
    "Tokens",
    "aconnect",
    "aiterate",
    "connect",
    "iterate",
    "logout",
    "sign_in",
    "tokens_of",
    "unwrap",
]

DEFAULT_TIMEOUT = 30.0
REFRESH_PATH = "/api/v1/auth/refresh"
LOGIN_PATH = "/api/v1/auth/login"
LOGOUT_PATH = "/api/v1/auth/logout"
#: Items asked for per page by :func:`iterate`.
PAGE_SIZE = 100

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@dataclass
class Tokens:
    """A session's tokens: the access token (minutes) and the refresh token (weeks)."""

    access_token: str
    refresh_token: str | None = None


TokenListener = Callable[[Tokens], None]


class _SessionAuth(httpx.Auth):
    """Bearer token on every request; on a 401, one refresh and one retry.

    Also where ``raise_on_error`` raises: after the refresh (a 401 that a
    refresh cures is no error).
    """

    requires_response_body = True

    def __init__(
        self,
        base_url: str,
        tokens: Tokens | None,
        *,
        on_tokens: TokenListener | None,
        raise_on_error: bool,
    ) -> None:
        self.base_url = base_url
        self.tokens = tokens
        self.on_tokens = on_tokens
        self.raise_on_error = raise_on_error
        self._lock = threading.Lock()

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        tokens = self.tokens
        if tokens is not None:
            request.headers["Authorization"] = f"Bearer {tokens.access_token}"
        response = yield request
        if (
            response.status_code == 401
            and tokens is not None
            and tokens.refresh_token
            and request.url.path not in (REFRESH_PATH, LOGIN_PATH)
        ):
            with self._lock:
                current = self.tokens
                fresh = current is not None and current is not tokens  # another thread did it
            if not fresh:
                answer = yield httpx.Request(
                    "POST",
                    f"{self.base_url}{REFRESH_PATH}",
                    json={"refresh_token": tokens.refresh_token},
                    headers={"Accept-Language": request.headers.get("Accept-Language", "en")},
                )
                if answer.status_code == 200:
                    self._store(answer.json())
                else:  # the session is over: no second try with this refresh token
                    with self._lock:
                        tokens.refresh_token = None
            if self.tokens is not None and self.tokens is not tokens:
                request.headers["Authorization"] = f"Bearer {self.tokens.access_token}"
            # Sent again either way: httpx answers with the last response of the flow.
            response = yield request
        if self.raise_on_error:
            raise_for(response)

    def _store(self, body: dict[str, Any]) -> None:
        tokens = Tokens(str(body["access_token"]), body.get("refresh_token"))
        with self._lock:
            self.tokens = tokens
        if self.on_tokens is not None:
            self.on_tokens(tokens)


def raise_for(response: httpx.Response) -> None:
    """Raise the :mod:`santa_sdk.errors` exception of a refused response (no-op below 400)."""
    if response.status_code < 400:
        return
    from santa_sdk._generated.models import Problem

    retry_after = _retry_after(response)
    try:
        problem = Problem.from_dict(response.json())
    except (ValueError, KeyError, TypeError):
        raise UnexpectedStatus(response.status_code, response.content) from None
    raise error_for(problem, retry_after=retry_after)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _common(
    base_url: str, timeout: float, language: str | None
) -> tuple[str, httpx.Timeout, dict[str, str]]:
    return (
        base_url.rstrip("/"),
        httpx.Timeout(timeout),
        {"Accept-Language": language} if language else {},
    )


def _login_body(email: str, password: str) -> dict[str, str]:
    return {"email": email, "password": password, "transport": "body"}


def _tokens_from_login(response: httpx.Response) -> Tokens:
    raise_for(response)
    body = response.json()
    return Tokens(str(body["access_token"]), body.get("refresh_token"))


def _build(
    base_url: str,
    timeout: httpx.Timeout,
    headers: dict[str, str],
    tokens: Tokens | None,
    *,
    on_tokens: TokenListener | None,
    raise_on_error: bool,
) -> AuthenticatedClient:
    auth = _SessionAuth(base_url, tokens, on_tokens=on_tokens, raise_on_error=raise_on_error)
    client = AuthenticatedClient(
        base_url=base_url,
        token=tokens.access_token if tokens else "",
        timeout=timeout,
        headers=headers,
        raise_on_unexpected_status=True,
    )
    common: dict[str, Any] = {
        "base_url": base_url,
        "timeout": timeout,
        "headers": headers,
        "auth": auth,
    }
    client.set_httpx_client(httpx.Client(**common))
    client.set_async_httpx_client(httpx.AsyncClient(**common))
    return client


@overload
def connect(
    base_url: str,
    *,
    email: str,
    password: str,
    timeout: float = ...,
    language: str | None = ...,
    raise_on_error: bool = ...,
    on_tokens: TokenListener | None = ...,
) -> AuthenticatedClient: ...
@overload
def connect(
    base_url: str,
    *,
    token: str,
    refresh_token: str | None = ...,
    timeout: float = ...,
    language: str | None = ...,
    raise_on_error: bool = ...,
    on_tokens: TokenListener | None = ...,
) -> AuthenticatedClient: ...
@overload
def connect(
    base_url: str,
    *,
    timeout: float = ...,
    language: str | None = ...,
    raise_on_error: bool = ...,
) -> Client: ...
def connect(
    base_url: str,
    *,
    email: str | None = None,
    password: str | None = None,
    token: str | None = None,
    refresh_token: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    language: str | None = None,
    raise_on_error: bool = False,
    on_tokens: TokenListener | None = None,
) -> Client | AuthenticatedClient:
    """A client for the API at ``base_url``.

    With ``email`` and ``password`` it signs in first (raising :class:`ApiError`,
    e.g. ``Unauthorized`` for a wrong password); with ``token`` (and
    ``refresh_token``) it resumes a session you kept. Without credentials it is
    an anonymous ``Client`` for the public operations.
    """
    url, limit, headers = _common(base_url, timeout, language)
    tokens: Tokens | None = None
    if email is not None and password is not None:
        with httpx.Client(base_url=url, timeout=limit, headers=headers) as anonymous:
            tokens = _tokens_from_login(
                anonymous.post(LOGIN_PATH, json=_login_body(email, password))
            )
        if on_tokens is not None:
            on_tokens(tokens)
    elif token:
        tokens = Tokens(token, refresh_token)
    if tokens is not None:
        return _build(
            url, limit, headers, tokens, on_tokens=on_tokens, raise_on_error=raise_on_error
        )
    client = Client(base_url=url, timeout=limit, headers=headers, raise_on_unexpected_status=True)
    if raise_on_error:
        auth = _SessionAuth(url, None, on_tokens=None, raise_on_error=True)
        common: dict[str, Any] = {"base_url": url, "timeout": limit, "headers": headers}
        client.set_httpx_client(httpx.Client(auth=auth, **common))
        client.set_async_httpx_client(httpx.AsyncClient(auth=auth, **common))
    return client


async def aconnect(
    base_url: str,
    *,
    email: str,
    password: str,
    timeout: float = DEFAULT_TIMEOUT,
    language: str | None = None,
    raise_on_error: bool = False,
    on_tokens: TokenListener | None = None,
) -> AuthenticatedClient:
    """:func:`connect` with a password, signing in without blocking the event loop.

    Use the result with the ``asyncio``/``asyncio_detailed`` operations
    (``async with await aconnect(...) as client``).
    """
    url, limit, headers = _common(base_url, timeout, language)
    async with httpx.AsyncClient(base_url=url, timeout=limit, headers=headers) as anonymous:
        answer = await anonymous.post(LOGIN_PATH, json=_login_body(email, password))
        tokens = _tokens_from_login(answer)
    if on_tokens is not None:
        on_tokens(tokens)
    return _build(url, limit, headers, tokens, on_tokens=on_tokens, raise_on_error=raise_on_error)


def sign_in(
    base_url: str,
    email: str,
    password: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    language: str | None = None,
) -> AuthenticatedClient:
    """``connect(base_url, email=..., password=...)`` (kept for code written against 0.1)."""
    return connect(base_url, email=email, password=password, timeout=timeout, language=language)


def tokens_of(client: AuthenticatedClient) -> Tokens | None:
    """The session's current tokens (after any refresh), to keep them for later."""
    auth = client.get_httpx_client().auth
    return auth.tokens if isinstance(auth, _SessionAuth) else None


def logout(client: AuthenticatedClient) -> None:
    """End the session on the server (its refresh token stops working)."""
    tokens = tokens_of(client)
    body = {"refresh_token": tokens.refresh_token} if tokens and tokens.refresh_token else {}
    answer = client.get_httpx_client().post(LOGOUT_PATH, json=body)
    if tokens is not None:
        tokens.refresh_token = None  # nothing left to refresh
    raise_for(answer)


def unwrap(result: T | Problem | None) -> T:
    """The expected model of an operation's result; a ``Problem`` raises its :class:`ApiError`."""
    from santa_sdk._generated.models import Problem

    if isinstance(result, Problem):
        raise error_for(result)
    if result is None:  # only when raise_on_unexpected_status is off
        raise UnexpectedStatus(0, b"")
    return result


class _Page(Protocol[T_co]):
    @property
    def items(self) -> Sequence[T_co]: ...


class _SyncOperation(Protocol[T_co]):
    def sync(self, *args: Any, **kwargs: Any) -> T_co: ...


class _AsyncOperation(Protocol[T_co]):
    def asyncio(self, *args: Any, **kwargs: Any) -> Awaitable[T_co]: ...


PageT = TypeVar("PageT", bound=_Page[Any])


def _next(page: object, number: int, kwargs: dict[str, Any]) -> bool:
    """Ask for the next page: by cursor when the page has one, else by number."""
    from santa_sdk._generated.types import Unset

    cursor = getattr(page, "next_cursor", None)
    if cursor is not None and not isinstance(cursor, Unset):
        kwargs["cursor"] = cursor
        kwargs.pop("page", None)
        return True
    if hasattr(page, "next_cursor"):
        return False
    per_page = getattr(page, "per_page", PAGE_SIZE)
    total = getattr(page, "total", 0)
    if number * per_page >= total:
        return False
    kwargs["page"] = number + 1
    return True


def iterate(
    operation: _SyncOperation[_Page[T] | Problem | None] | Callable[..., _Page[T] | Problem | None],
    *args: Any,
    **kwargs: Any,
) -> Iterator[T]:
    """Every item of a listing, page after page: ``iterate(list_participants, box_id, client=c)``.

    ``operation`` is a generated operation module (``santa_sdk.api.participants.
    list_participants``) or its ``sync`` function; a refusal raises its
    :class:`ApiError`. Cursor pages (``next_cursor``) and numbered pages both work.
    """
    fetch = operation.sync if not callable(operation) else operation
    kwargs.setdefault("per_page", PAGE_SIZE)
    if "cursor" not in kwargs:
        kwargs.setdefault("page", 1)
    number = int(kwargs.get("page", 1))
    while True:
        page = unwrap(fetch(*args, **kwargs))
        yield from page.items
        if not page.items or not _next(page, number, kwargs):
            return
        number += 1


async def aiterate(
    operation: _AsyncOperation[_Page[T] | Problem | None]
    | Callable[..., Awaitable[_Page[T] | Problem | None]],
    *args: Any,
    **kwargs: Any,
) -> AsyncIterator[T]:
    """:func:`iterate` for the ``asyncio`` operations: ``async for p in aiterate(op, ...)``."""
    fetch = operation.asyncio if not callable(operation) else operation
    kwargs.setdefault("per_page", PAGE_SIZE)
    if "cursor" not in kwargs:
        kwargs.setdefault("page", 1)
    number = int(kwargs.get("page", 1))
    while True:
        page = unwrap(await fetch(*args, **kwargs))
        for item in page.items:
            yield item
        if not page.items or not _next(page, number, kwargs):
            return
        number += 1
