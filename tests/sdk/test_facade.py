"""The SDK facade against a live server: sessions that refresh, pagination, typed errors."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from santa_core.auth.passwords import hash_password
from santa_core.config import Settings
from santa_sdk import (
    BadRequest,
    NotFound,
    Tokens,
    Unauthorized,
    aconnect,
    aiterate,
    connect,
    iterate,
    tokens_of,
    unwrap,
)
from santa_sdk.api.boxes import create_box, get_box, list_boxes
from santa_sdk.api.participants import add_participant, list_participants
from santa_sdk.api.users import get_me
from santa_sdk.models import BoxCreate, ParticipantCreate
from santa_server.app import create_app
from tests.live import live_server
from tests.server.boxkit import account

PASSWORD = "correct horse battery"
EMAIL = "ann@example.org"


@pytest.fixture
def base_url(settings: Settings, engine: Engine) -> Iterator[str]:
    account(engine, email=EMAIL, full_name="Ann", password_hash=hash_password(settings, PASSWORD))
    with live_server(create_app(settings)) as url:
        yield url


def test_iterate_walks_every_page_and_errors_are_typed(base_url: str) -> None:
    with connect(base_url, email=EMAIL, password=PASSWORD) as client:
        box = unwrap(create_box.sync(client=client, body=BoxCreate(name="Big")))
        for i in range(7):
            body = ParticipantCreate(display_name=f"Kid {i}", offline=True)
            unwrap(add_participant.sync(box.id, client=client, body=body))
        people = list(iterate(list_participants, box.id, client=client, per_page=3))
        assert len(people) == 8
        assert len({p.id for p in people}) == 8
        with pytest.raises(NotFound) as missing:
            unwrap(get_box.sync(uuid.uuid4(), client=client))
        assert (missing.value.status, missing.value.code) == (404, "box_not_found")
    with connect(base_url, email=EMAIL, password=PASSWORD, raise_on_error=True) as strict:
        with pytest.raises(BadRequest) as bad:
            create_box.sync(client=strict, body=BoxCreate(name=""))
        assert [e.loc[-1] for e in bad.value.errors] == ["name"]
    with pytest.raises(Unauthorized):
        connect(base_url, email=EMAIL, password="not the password")


def test_a_kept_session_refreshes_itself(base_url: str) -> None:
    seen: list[Tokens] = []
    with connect(base_url, email=EMAIL, password=PASSWORD, on_tokens=seen.append) as first:
        kept = tokens_of(first)
    assert kept is not None
    assert kept.refresh_token
    # Later, with an access token that no longer works: one refresh, and the call succeeds.
    with connect(
        base_url, token="expired", refresh_token=kept.refresh_token, on_tokens=seen.append
    ) as client:
        assert unwrap(get_me.sync(client=client)).email == EMAIL
        fresh = tokens_of(client)
    assert fresh is not None
    assert fresh.refresh_token not in (None, kept.refresh_token)
    assert [t.refresh_token for t in seen] == [kept.refresh_token, fresh.refresh_token]


def test_the_async_twin(base_url: str) -> None:
    async def story() -> list[str]:
        client = await aconnect(base_url, email=EMAIL, password=PASSWORD)
        async with client:
            await create_box.asyncio(client=client, body=BoxCreate(name="Async"))
            return [b.name async for b in aiterate(list_boxes, client=client)]

    assert asyncio.run(story()) == ["Async"]
