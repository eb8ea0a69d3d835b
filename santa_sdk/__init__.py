"""santa_sdk: a typed Python client for the santa API, generated from openapi.json.

    from santa_sdk import connect
    from santa_sdk.api.health import get_health

    health = get_health.sync(client=connect("http://127.0.0.1:8000"))

Operations live in ``santa_sdk.api.<tag>.<operation_id>`` (each with ``sync``,
``sync_detailed``, ``asyncio`` and ``asyncio_detailed``), schemas in
``santa_sdk.models``. ``santa_sdk/_generated`` is never edited by hand:
regenerate it with ``uv run nox -s sdk``.
"""

from santa_sdk import _alias

_alias.install()

from santa_sdk._generated import AuthenticatedClient, Client  # noqa: E402
from santa_sdk.client import connect  # noqa: E402

__all__ = ["AuthenticatedClient", "Client", "connect"]
