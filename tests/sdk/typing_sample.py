"""Checked by ``mypy --strict`` in ``nox -s typecheck`` (not collected by pytest).

The SDK's public modules must be real, typed modules: if ``santa_sdk.api`` or
``santa_sdk.models`` were only reachable through an import hook, these calls
would be ``Any`` and ``assert_type`` would fail.
"""

from __future__ import annotations

import uuid
from typing import assert_type

from santa_sdk import AuthenticatedClient, Client, aconnect, connect, iterate, unwrap
from santa_sdk.api.boxes import create_box, list_boxes
from santa_sdk.api.health import get_health
from santa_sdk.api.participants import list_participants
from santa_sdk.models import Box, BoxCreate, Health, Participant, Problem
from santa_sdk.types import UNSET, Unset


async def check_async() -> None:
    assert_type(await aconnect("http://x", email="a@b.c", password="p"), AuthenticatedClient)


def check(client: AuthenticatedClient, box_id: uuid.UUID) -> None:
    assert_type(connect("http://127.0.0.1:8000"), Client)
    assert_type(connect("http://x", email="a@b.c", password="p"), AuthenticatedClient)
    assert_type(connect("http://x", token="t", refresh_token="r"), AuthenticatedClient)
    assert_type(unwrap(create_box.sync(client=client, body=BoxCreate(name="x"))), Box)
    for person in iterate(list_participants, box_id, client=client):
        assert_type(person, Participant)
    for box in iterate(list_boxes.sync, client=client):
        assert_type(box, Box)
    assert_type(get_health.sync(client=client), Health | None)
    created = create_box.sync(client=client, body=BoxCreate(name="Office"))
    assert_type(created, Box | Problem | None)
    if isinstance(created, Box):
        assert_type(created.name, str)
    assert_type(UNSET, Unset)


def check_anonymous(anonymous: Client) -> None:
    # An operation needing a token takes an AuthenticatedClient only: without this
    # ignore mypy refuses the call (strict mode flags the ignore if it were not needed).
    create_box.sync(client=anonymous, body=BoxCreate(name="x"))  # type: ignore[arg-type]
    list_boxes.sync(client=anonymous)  # type: ignore[arg-type]
    assert_type(get_health.sync(client=anonymous), Health | None)
