"""Checked by ``mypy --strict`` in ``nox -s typecheck`` (not collected by pytest).

The SDK's public modules must be real, typed modules: if ``santa_sdk.api`` or
``santa_sdk.models`` were only reachable through an import hook, these calls
would be ``Any`` and ``assert_type`` would fail.
"""

from __future__ import annotations

from typing import assert_type

from santa_sdk import AuthenticatedClient, Client, connect
from santa_sdk.api.boxes import create_box
from santa_sdk.api.health import get_health
from santa_sdk.models import Box, BoxCreate, Health, Problem
from santa_sdk.types import UNSET, Unset


def check(client: AuthenticatedClient) -> None:
    assert_type(connect("http://127.0.0.1:8000"), Client)
    assert_type(
        connect("http://127.0.0.1:8000", email="a@example.org", password="pw"),
        AuthenticatedClient,
    )
    assert_type(get_health.sync(client=client), Health | None)
    created = create_box.sync(client=client, body=BoxCreate(name="Office"))
    assert_type(created, Box | Problem | None)
    if isinstance(created, Box):
        assert_type(created.name, str)
    assert_type(UNSET, Unset)
