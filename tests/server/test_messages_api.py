"""Anonymous messages: threads per pair, the self-reveal guard, edits, deletes, unread counts."""

from __future__ import annotations

import json
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.user.export import export_user
from santa_server.app import create_app
from tests.server.afterkit import drawn_box, santa_of, thread_as
from tests.server.boxkit import ok, problem


def _outbox(engine: Engine, kind: str) -> list[models.OutboxMessage]:
    with Session(engine) as s:
        return list(
            s.scalars(select(models.OutboxMessage).where(models.OutboxMessage.kind == kind))
        )


class TestMessages:
    def test_both_ways_anonymous_batched_and_paginated(
        self, settings: Settings, engine: Engine
    ) -> None:
        with TestClient(create_app(settings)) as client:
            season = drawn_box(client, settings, engine, n=4)
            box = season.box_id
            santa = season.people[0]
            mine = ok(santa.get(f"/boxes/{box}/assignment"))["giftees"][0]
            giftee = season.by_pid[mine["participant_id"]]
            thread = thread_as(santa, box, "santa")
            assert thread["title"] == mine["display_name"]
            pair = thread["pair_id"]
            for i in range(3):
                ok(
                    santa.post(f"/boxes/{box}/threads/{pair}/messages", json={"body": f"Q{i}?"}),
                    201,
                )
            theirs = thread_as(giftee, box, "giftee")
            assert theirs["pair_id"] == pair
            assert theirs["title"] == "Your Santa"
            assert theirs["unread_count"] == 3
            page = ok(giftee.get(f"/boxes/{box}/threads/{pair}/messages", params={"limit": 2}))
            assert [m["body"] for m in page["items"]] == ["Q2?", "Q1?"]
            assert page["items"][0]["author"] == "santa"
            assert page["items"][0]["author_label"] == "Your Santa"
            older = ok(
                giftee.get(
                    f"/boxes/{box}/threads/{pair}/messages",
                    params={"limit": 2, "before": page["next_cursor"]},
                )
            )
            assert [m["body"] for m in older["items"]] == ["Q0?"]
            assert older["next_cursor"] is None
            ok(giftee.post(f"/boxes/{box}/threads/{pair}/read"), 204)
            assert thread_as(giftee, box, "giftee")["unread_count"] == 0
            reply = ok(
                giftee.post(f"/boxes/{box}/threads/{pair}/messages", json={"body": "A book!"}), 201
            )
            assert reply["author"] == "me"
            got = ok(santa.get(f"/boxes/{box}/threads/{pair}/messages"))["items"][0]
            assert got["author"] == "giftee"
            assert got["author_label"] == mine["display_name"]
            # One notice per thread per hour, however many messages.
            notices = _outbox(engine, "new_message")
            assert sorted(n.recipient for n in notices) == sorted(
                [giftee.user.email, santa.user.email]
            )
            assert all("Q0" not in str(n.payload) for n in notices)

    def test_self_reveal_guard_and_edit_delete(self, settings: Settings, engine: Engine) -> None:
        with TestClient(create_app(settings)) as client:
            season = drawn_box(client, settings, engine, n=3)
            box = season.box_id
            santa = season.people[0]
            pair = thread_as(santa, box, "santa")["pair_id"]
            url = f"/boxes/{box}/threads/{pair}/messages"
            first = santa.user.full_name.split(" ")[0]
            for text in (
                f"Hi, it is {first.upper()} here",
                f"write to {santa.user.email}",
                "call +7 (916) 555-01-01",
                "I am NICK1 you know",
            ):
                body = problem(santa.post(url, json={"body": text}), 409, "message_reveals_sender")
                assert body["code"] == "message_reveals_sender"
            sent = ok(santa.post(url, json={"body": f"{first} here", "confirm_reveal": True}), 201)
            innocent = ok(santa.post(url, json={"body": "What size are you?"}), 201)
            edited = ok(
                santa.patch(f"{url}/{innocent['id']}", json={"body": "What shoe size are you?"})
            )
            assert edited["edited_at"] is not None
            problem(
                santa.patch(f"{url}/{innocent['id']}", json={"body": f"love, {first}"}),
                409,
                "message_reveals_sender",
            )
            giftee_pid = ok(santa.get(f"/boxes/{box}/assignment"))["giftees"][0]["participant_id"]
            giftee = season.by_pid[giftee_pid]
            problem(giftee.delete(f"{url}/{sent['id']}"), 403, "not_your_message")
            ok(santa.delete(f"{url}/{sent['id']}"), 204)
            items = ok(giftee.get(url))["items"]
            deleted = next(m for m in items if m["id"] == sent["id"])
            assert deleted["deleted"] is True
            assert deleted["body"] is None
            # The window closes.
            with Session(engine) as s:
                row = s.get(models.Message, uuid.UUID(innocent["id"]))
                assert row is not None
                row.created_at = row.created_at.replace(year=row.created_at.year - 1)
                s.commit()
            problem(
                santa.patch(f"{url}/{innocent['id']}", json={"body": "late"}),
                409,
                "message_edit_window_closed",
            )

    def test_organizer_and_strangers_see_no_thread(
        self, settings: Settings, engine: Engine
    ) -> None:
        with TestClient(create_app(settings)) as client:
            season = drawn_box(client, settings, engine, n=4)
            box = season.box_id
            givers = santa_of(engine, box)
            organizer_pid = season.pid(season.organizer)
            # a pair the organizer is not part of
            santa = next(
                a
                for a in season.people
                if season.pid(a) not in givers[organizer_pid] and thread_as(a, box, "santa")
            )
            pair = thread_as(santa, box, "santa")["pair_id"]
            ok(santa.post(f"/boxes/{box}/threads/{pair}/messages", json={"body": "hello"}), 201)
            mine = {
                t["pair_id"] for t in ok(season.organizer.get(f"/boxes/{box}/threads"))["items"]
            }
            if pair not in mine:
                problem(
                    season.organizer.get(f"/boxes/{box}/threads/{pair}/messages"),
                    404,
                    "pair_not_found",
                )

    def test_rate_limited(self, settings: Settings, engine: Engine) -> None:
        settings = settings.model_copy(update={"message_send_max_per_hour": 2})
        with TestClient(create_app(settings)) as client:
            season = drawn_box(client, settings, engine, n=3)
            santa = season.people[0]
            pair = thread_as(santa, season.box_id, "santa")["pair_id"]
            url = f"/boxes/{season.box_id}/threads/{pair}/messages"
            ok(santa.post(url, json={"body": "1"}), 201)
            ok(santa.post(url, json={"body": "2"}), 201)
            problem(santa.post(url, json={"body": "3"}), 429, "rate_limited")


def test_export_holds_the_santas_threads_and_gifts_never_the_giftees(
    settings: Settings, engine: Engine
) -> None:
    """A thread and a gift are the santa's side of the pair in a GDPR export; found from
    the giftee, they would point at the draw row that names their santa."""
    with TestClient(create_app(settings)) as client:
        season = drawn_box(client, settings, engine, n=4)
        box = season.box_id
        santa = season.people[0]
        pair = thread_as(santa, box, "santa")["pair_id"]
        url = f"/boxes/{box}/threads/{pair}/messages"
        ok(santa.post(url, json={"body": "Which size?", "confirm_reveal": True}), 201)
        ok(santa.post(f"/boxes/{box}/gifts/{pair}", json={"action": "bought"}))
        giftee = season.by_pid[giftee_of(engine, box, season.pid(santa))]
        ok(giftee.post(url, json={"body": "Medium, thanks"}), 201)
    with Session(engine) as s:
        now = utcnow()
        santa_user, giftee_user = (s.get(models.User, a.user.id) for a in (santa, giftee))
        assert santa_user is not None
        assert giftee_user is not None
        mine = export_user(s, santa_user, now=now)
        theirs = export_user(s, giftee_user, now=now)
    assert sorted(m["body"] for m in mine["messages"]) == ["Medium, thanks", "Which size?"]
    assert [g["status"] for g in mine["gifts"]] == ["bought"]
    draw_ids = {a["id"] for a in mine["assignments_given"]}
    assert {m["draw_id"] for m in mine["messages"]} <= draw_ids
    # The giftee's export has no thread or gift of the pair (they would lead to their santa).
    assert "Which size?" not in json.dumps(theirs)
    assert all(m["draw_id"] not in draw_ids for m in theirs.get("messages", []))
    assert all(g["draw_id"] not in draw_ids for g in theirs.get("gifts", []))


def giftee_of(engine: Engine, box: str, santa: str) -> str:
    return next(g for g, ss in santa_of(engine, box).items() if santa in ss)
