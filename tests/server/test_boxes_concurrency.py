"""Acceptance 3: twenty simultaneous draw requests on one box make exactly one draw.

A real server on loopback, twenty threads, each with its own HTTP client, released
together by a barrier. The other nineteen get 409 problem+json.
"""

from __future__ import annotations

import threading

import httpx
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import service as box_service
from santa_core.box.schemas import BoxCreate
from santa_core.config import Settings
from santa_core.models import BoxStatus
from santa_server.app import create_app
from tests.factories import make_member, make_user
from tests.live import live_server
from tests.server.boxkit import auth

REQUESTS = 20


def _ready_box(engine: Engine, people: int) -> tuple[models.User, str]:
    with Session(engine, expire_on_commit=False) as s:
        owner = make_user(s)
        box = box_service.create_box(s, owner, data=BoxCreate(name="Race"))
        for _ in range(people - 1):
            make_member(s, box)
        box_service.change_status(s, owner, box.id, target=BoxStatus.READY)
        s.commit()
        return owner, str(box.id)


def test_twenty_concurrent_draws_make_one(settings: Settings, engine: Engine) -> None:
    owner, box_id = _ready_box(engine, people=12)
    headers = auth(settings, owner)
    barrier = threading.Barrier(REQUESTS)
    results: list[httpx.Response] = []
    lock = threading.Lock()

    def hit(base: str) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            barrier.wait()
            response = client.post(
                f"/api/v1/boxes/{box_id}/draw",
                json={"acknowledge_secrecy_warning": True},
                headers=headers,
            )
        with lock:
            results.append(response)

    with live_server(create_app(settings)) as base:
        threads = [threading.Thread(target=hit, args=(base,)) for _ in range(REQUESTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)

    statuses = sorted(r.status_code for r in results)
    assert statuses == [201] + [409] * (REQUESTS - 1), statuses
    for r in results:
        if r.status_code == 409:
            assert r.headers["content-type"] == "application/problem+json"
            assert r.json()["code"] in {"box_not_editable", "draw_already_running"}
    with Session(engine) as s:
        runs = s.scalar(select(func.count()).select_from(models.DrawRun))
        pairs = s.scalar(select(func.count()).select_from(models.Draw))
        outbox = s.scalar(
            select(func.count())
            .select_from(models.OutboxMessage)
            .where(models.OutboxMessage.kind == "draw_done")
        )
    assert runs == 1
    assert pairs == 12
    assert outbox == 12
