"""Acceptance 1: after a full season, nothing a giftee can fetch or receive names their santa.

Season: messages both ways, every gift state, a removal after the draw, an
announcement, then an archive without reveal. The test then calls every GET
operation of the OpenAPI spec as the giftee (path parameters filled with every
value the giftee could use) and collects every WebSocket event delivered to the
giftee during the season. No response or event may contain any santa's id
(participant or user), name, nickname, email or phone — except a directory that
lists that detail for every member alike (the participants list), which tells
nothing about who gives to whom.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import httpx
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_server.app import create_app
from tests.live import live_server
from tests.server.afterkit import Season, drawn_box, santa_of
from tests.server.boxkit import Actor, ok, session_token
from tests.server.wskit import drain, hello, open_ws, ws_url

KINDS = ("participant_id", "user_id", "display_name", "full_name", "nickname", "email", "phone")


def _identity(engine: Engine, pid: str) -> dict[str, str]:
    with Session(engine) as s:
        p = s.get(models.Participant, uuid.UUID(pid))
        assert p is not None
        user = s.get(models.User, p.user_id) if p.user_id else None
        out = {
            "participant_id": str(p.id),
            "display_name": p.display_name,
            "nickname": p.nickname or "",
            "email": p.email or "",
            "phone": p.phone or "",
        }
        if user is not None:
            out.update(user_id=str(user.id), full_name=user.full_name)
        return {k: v for k, v in out.items() if v}


def _members(engine: Engine, box_id: str) -> list[str]:
    with Session(engine) as s:
        return [
            str(pid)
            for pid in s.scalars(
                select(models.Participant.id).where(models.Participant.box_id == uuid.UUID(box_id))
            )
        ]


def _contains(text: str, value: str, kind: str) -> bool:
    if kind == "phone":
        digits = re.sub(r"\D", "", value)
        return value in text or digits in re.sub(r"\D", "", text)
    return value.lower() in text.lower()


def _leaks(text: str, santa: dict[str, str], others: list[dict[str, str]]) -> list[str]:
    """Kinds of the santa's details in ``text`` that are not listed for everyone alike."""
    found = []
    for kind, value in santa.items():
        if not _contains(text, value, kind):
            continue
        alike = all(kind not in o or _contains(text, o[kind], kind) for o in others)
        if not alike:
            found.append(kind)
    return found


def _season(http: httpx.Client, settings: Settings, engine: Engine) -> tuple[Season, Actor]:
    season = drawn_box(
        http,  # type: ignore[arg-type]
        settings,
        engine,
        n=6,
        box={"draw_options": {"avoid_two_cycles": True}},
        # The organizer is known to every member by name: the giftee must be someone the
        # organizer never gives to, even after the removal repairs the draw.
        organizer_never_gives_to_first=True,
    )
    giftee = season.people[0]
    assert season.pid(season.organizer) not in santa_of(engine, season.box_id)[season.pid(giftee)]
    return season, giftee


def test_a_giftee_never_learns_who_their_santa_is(settings: Settings, engine: Engine) -> None:
    app = create_app(settings)
    with live_server(app) as base, httpx.Client(base_url=base, timeout=30) as http:
        season, giftee = _season(http, settings, engine)
        box = season.box_id
        me = season.pid(giftee)
        santas_ever = set(santa_of(engine, box)[me])
        token = session_token(settings, giftee.user.id)
        delivered: list[dict[str, Any]] = []
        with open_ws(ws_url(base, box_id=box), token) as conn:
            delivered.append(hello(conn))
            # messages both ways, every gift state
            for actor in season.everyone():
                for t in ok(actor.get(f"/boxes/{box}/threads"))["items"]:
                    url = f"/boxes/{box}/threads/{t['pair_id']}/messages"
                    ok(actor.post(url, json={"body": f"hello from a {t['my_role']}"}), 201)
            for t in ok(giftee.get(f"/boxes/{box}/threads"))["items"]:
                ok(giftee.post(f"/boxes/{box}/threads/{t['pair_id']}/read"), 204)
            for actor in season.everyone():
                for g in ok(actor.get(f"/boxes/{box}/gifts"))["items"]:
                    if g["my_role"] == "santa":
                        gift = f"/boxes/{box}/gifts/{g['pair_id']}"
                        ok(actor.post(gift, json={"action": "bought"}))
                        ok(actor.post(gift, json={"action": "sent", "carrier": "Post"}))
            for g in ok(giftee.get(f"/boxes/{box}/gifts"))["items"]:
                if g["my_role"] == "giftee":
                    thanks = {"action": "received", "thank_you": "Thank you, Santa!"}
                    ok(giftee.post(f"/boxes/{box}/gifts/{g['pair_id']}", json=thanks))
            ok(season.organizer.post(f"/boxes/{box}/announcements", json={"body": "Party!"}), 201)
            # a removal after the draw (someone who is neither the giftee nor the organizer)
            leaving = next(
                a
                for a in season.people
                if a.user.id != giftee.user.id and season.pid(a) not in santas_ever
            )
            ok(season.organizer.delete(f"/boxes/{box}/participants/{season.pid(leaving)}"), 204)
            santas_ever |= set(santa_of(engine, box)[me])
            # the card of the santa changes after the draw
            santa_actor = season.by_pid[sorted(santas_ever)[0]]
            ok(santa_actor.patch(f"/boxes/{box}/participants/me", json={"wishes": "socks"}))
            delivered += drain(conn, quiet=1.0)
            walked_matched = _walk(app.openapi(), giftee, season, box, me)
            ok(season.organizer.post(f"/boxes/{box}/status", json={"status": "archived"}))
            delivered += drain(conn, quiet=1.0)
        walked = walked_matched + _walk(app.openapi(), giftee, season, box, me)
        events = ok(giftee.get(f"/boxes/{box}/events", params={"limit": 500}))
        walked.append(("GET /boxes/{box_id}/events (all)", json.dumps(events)))

        members = [m for m in _members(engine, box) if m != me]
        assert any(e.get("kind") == "message_new" for e in delivered)
        assert any(e.get("kind") == "gift_status" for e in delivered)
        problems = []
        for santa in santas_ever:
            ident = _identity(engine, santa) if santa in members else None
            if ident is None:
                continue
            others = [_identity(engine, m) for m in members if m != santa]
            for what, body in walked:
                for kind in _leaks(body, ident, others):
                    problems.append(f"{what}: {kind}")
            for event in delivered:
                for kind in _leaks(json.dumps(event), ident, []):
                    problems.append(f"ws {event.get('kind')}: {kind}")
        assert not problems, problems
        assert len(walked) > 40


def _walk(
    spec: dict[str, Any], giftee: Actor, season: Season, box: str, me: str
) -> list[tuple[str, str]]:
    """GET every operation as the giftee, with every value its path parameters can take."""
    threads = ok(giftee.get(f"/boxes/{box}/threads"))["items"]
    pairs = [t["pair_id"] for t in threads]
    messages = [
        m["id"]
        for p in pairs
        for m in ok(giftee.get(f"/boxes/{box}/threads/{p}/messages"))["items"]
    ]
    listing = giftee.get(f"/boxes/{box}/participants", params={"per_page": 200})
    people = [p["id"] for p in listing.json().get("items", [])] if listing.is_success else [me]
    values: dict[str, list[str]] = {
        "box_id": [box],
        "pair_id": pairs,
        "participant_id": [p for p in people if p != me] + [me],
        "message_id": messages,
    }
    out = []
    for path, item in sorted(spec["paths"].items()):
        op = item.get("get")
        if op is None or not path.startswith("/api/v1"):
            continue
        names = re.findall(r"{(\w+)}", path)
        combos: list[dict[str, str]] = [{}]
        for name in names:
            options = values.get(name, [str(uuid.uuid4())])
            combos = [{**c, name: v} for c in combos for v in options]
        for combo in combos:
            url = path.removeprefix("/api/v1").format(**combo)
            if (
                combo.get("participant_id") in season.pid_of.values()
                and combo.get("participant_id") != me
                and "assignment" not in url
            ):
                # a request that names a member is about them, not about who gives to whom
                continue
            r = giftee.get(url)
            # A problem's ``instance`` repeats the request's own path: not news.
            out.append((f"GET {url} -> {r.status_code}", r.text.replace(f"/api/v1{url}", "")))
    return out
