"""santa_sdk: a typed Python client for the santa API, generated from openapi.json.

    from santa_sdk import connect, sign_in
    from santa_sdk.api.boxes import create_box
    from santa_sdk.api.health import get_health
    from santa_sdk.models import Box, BoxCreate

    health = get_health.sync(client=connect("http://127.0.0.1:8000"))
    with sign_in("http://127.0.0.1:8000", "me@example.org", "secret") as client:
        box = create_box.sync(client=client, body=BoxCreate(name="Office"))

Operations live in ``santa_sdk.api.<tag>.<operation_id>`` (each with ``sync``,
``sync_detailed``, ``asyncio`` and ``asyncio_detailed``); they return the
expected model or a ``Problem`` (``code``, ``detail``, field ``errors``). Schemas
are in ``santa_sdk.models``. ``santa_sdk/_generated`` and ``santa_sdk/api`` are
never edited by hand: regenerate them with ``uv run nox -s sdk``.
"""

from santa_sdk._generated import AuthenticatedClient, Client
from santa_sdk.client import ApiError, connect, sign_in

__all__ = ["ApiError", "AuthenticatedClient", "Client", "connect", "sign_in"]
