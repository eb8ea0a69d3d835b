"""santa_sdk: a typed Python client for the santa API, generated from openapi.json.

    from santa_sdk import connect, iterate, unwrap
    from santa_sdk.api.boxes import create_box
    from santa_sdk.api.participants import list_participants
    from santa_sdk.models import BoxCreate

    with connect("http://127.0.0.1:8000", email="me@example.org", password="...") as client:
        box = unwrap(create_box.sync(client=client, body=BoxCreate(name="Office")))
        for person in iterate(list_participants, box.id, client=client):
            ...

Operations live in ``santa_sdk.api.<tag>.<operation_id>`` (each with ``sync``,
``sync_detailed``, ``asyncio`` and ``asyncio_detailed``); they return the
expected model or a ``Problem`` (``code``, ``detail``, field ``errors``);
:func:`unwrap` (or ``connect(..., raise_on_error=True)``) turns a ``Problem``
into an exception of :mod:`santa_sdk.errors`. Schemas are in
``santa_sdk.models``. ``santa_sdk/_generated`` and ``santa_sdk/api`` are never
edited by hand: regenerate them with ``uv run nox -s sdk``.
"""

from santa_sdk._generated import AuthenticatedClient, Client
from santa_sdk.client import (
    Tokens,
    aconnect,
    aiterate,
    connect,
    iterate,
    logout,
    sign_in,
    tokens_of,
    unwrap,
)
from santa_sdk.errors import (
    ApiError,
    BadRequest,
    Conflict,
    Forbidden,
    Gone,
    NotFound,
    RateLimited,
    ServerError,
    Unauthorized,
    UnexpectedStatus,
)

__all__ = [
    "ApiError",
    "AuthenticatedClient",
    "BadRequest",
    "Client",
    "Conflict",
    "Forbidden",
    "Gone",
    "NotFound",
    "RateLimited",
    "ServerError",
    "Tokens",
    "Unauthorized",
    "UnexpectedStatus",
    "aconnect",
    "aiterate",
    "connect",
    "iterate",
    "logout",
    "sign_in",
    "tokens_of",
    "unwrap",
]
