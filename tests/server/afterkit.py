"""A drawn box over the API, for the after-the-draw tests: people with cards, the draw run."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from tests.server.boxkit import Actor, account, ok

NAMES = [
    "Olga Organizer",
    "Boris Belov",
    "Clara Curie",
    "Dmitri Donskoy",
    "Eva Engel",
    "Fyodor Fox",
]


@dataclass
class Season:
    box_id: str
    organizer: Actor
    people: list[Actor]
    #: participant id -> actor
    by_pid: dict[str, Actor] = field(default_factory=dict)
    pid_of: dict[uuid.UUID, str] = field(default_factory=dict)

    def everyone(self) -> list[Actor]:
        return [self.organizer, *self.people]

    def pid(self, actor: Actor) -> str:
        return self.pid_of[actor.user.id]


def santa_of(engine: Engine, box_id: str) -> dict[str, list[str]]:
    """giftee participant id -> santa participant ids, read from the database (tests only)."""
    out: dict[str, list[str]] = {}
    with Session(engine) as s:
        for santa, giftee in s.execute(
            select(models.Draw.santa_participant_id, models.Draw.giftee_participant_id).where(
                models.Draw.box_id == uuid.UUID(box_id)
            )
        ):
            out.setdefault(str(giftee), []).append(str(santa))
    return out


def drawn_box(
    client: TestClient,
    settings: Settings,
    engine: Engine,
    *,
    n: int = 6,
    box: dict[str, Any] | None = None,
    couple: bool = False,
    organizer_never_gives_to_first: bool = False,
) -> Season:
    organizer = Actor(client, settings, account(engine, full_name=NAMES[0]))
    body = {
        "name": "Family 2026",
        "currency": "EUR",
        "event_date": (dt.date.today() + dt.timedelta(days=10)).isoformat(),
        **(box or {}),
    }
    box_id = ok(organizer.post("/boxes", json=body), 201)["id"]
    link = ok(organizer.post(f"/boxes/{box_id}/join-link"), 201)
    people = []
    for i in range(1, n):
        first, last = NAMES[i % len(NAMES)].split(" ")
        user = account(
            engine,
            full_name=f"{first} {last}",
            email=f"{first.lower()}.{last.lower()}{i}@example.com",
        )
        actor = Actor(client, settings, user)
        ok(actor.post(f"/invitations/{link['code']}/accept"))
        people.append(actor)
    season = Season(box_id=box_id, organizer=organizer, people=people)
    for i, actor in enumerate(season.everyone()):
        ok(
            actor.patch(
                f"/boxes/{box_id}/participants/me",
                json={
                    "nickname": f"nick{i}",
                    "wishes": f"wish of {actor.user.full_name}",
                    "address": f"Street {i}",
                    "phone": f"+7 916 555 01 {i:02d}",
                },
            )
        )
    listing = ok(organizer.get(f"/boxes/{box_id}/participants", params={"per_page": 50}))
    by_email = {p["email"]: p["id"] for p in listing["items"]}
    for actor in season.everyone():
        pid = by_email[actor.user.email]
        season.by_pid[pid] = actor
        season.pid_of[actor.user.id] = pid
    if couple:
        pair = [season.pid(people[0]), season.pid(people[1])]
        ok(organizer.post(f"/boxes/{box_id}/households", json={"participant_ids": pair}), 201)
    if organizer_never_gives_to_first:  # a rule every repair after the draw keeps too
        rule = {
            "santa_participant_id": season.pid(organizer),
            "giftee_participant_id": season.pid(people[0]),
        }
        ok(organizer.post(f"/boxes/{box_id}/exclusions", json=rule), 201)
    ok(organizer.post(f"/boxes/{box_id}/status", json={"status": "ready"}))
    preview = ok(organizer.get(f"/boxes/{box_id}/draw/preview"))
    ok(
        organizer.post(
            f"/boxes/{box_id}/draw",
            json={"acknowledge_secrecy_warning": preview["requires_acknowledgement"]},
        ),
        201,
    )
    return season


def thread_as(actor: Actor, box_id: str, role: str) -> dict[str, Any]:
    threads = ok(actor.get(f"/boxes/{box_id}/threads"))["items"]
    return next(t for t in threads if t["my_role"] == role)
