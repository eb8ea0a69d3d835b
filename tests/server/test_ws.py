"""Live events over the WebSocket on a real loopback server (embedded mode: in-process fan-out)."""

from __future__ import annotations

import asyncio
import uuid

import httpx
from sqlalchemy import Engine

from santa_core.config import Settings
from santa_core.events import MEMBERS, PARTICIPANT, LiveEvent, Viewer
from santa_server.app import create_app
from santa_server.ws import Connection, Hub
from tests.live import live_server
from tests.server.afterkit import drawn_box, thread_as
from tests.server.boxkit import account, ok, session_token
from tests.server.wskit import hello, next_event, open_ws, refused, ws_url


def _event(box: uuid.UUID, seq: int, audience: str, pid: uuid.UUID | None = None) -> LiveEvent:
    return LiveEvent(box, seq, "x", audience, pid, {}, "2026-12-01T00:00:00+00:00")


class TestHub:
    def test_audience_and_slow_consumers(self) -> None:
        async def scenario() -> None:
            hub = Hub(asyncio.get_running_loop())
            box = uuid.uuid4()
            me, other = uuid.uuid4(), uuid.uuid4()
            fast = Connection(None, uuid.uuid4(), queue_size=100)  # type: ignore[arg-type]
            slow = Connection(None, uuid.uuid4(), queue_size=2)  # type: ignore[arg-type]
            fast.subs = {box: Viewer(me, is_organizer=False)}
            slow.subs = {box: Viewer(other, is_organizer=True)}
            hub.add(fast)
            hub.add(slow)
            hub.deliver(_event(box, 1, PARTICIPANT, other))  # only for `other`
            hub.deliver(_event(box, 2, "organizers"))  # only organizers
            assert fast.queue.qsize() == 0
            assert slow.queue.qsize() == 2
            hub.deliver(_event(box, 3, MEMBERS))  # slow is full: dropped, not grown
            assert slow.dropped.is_set()
            assert slow not in hub.connections
            assert fast.queue.qsize() == 1
            hub.deliver(_event(box, 4, MEMBERS))
            assert fast.queue.qsize() == 2
            assert slow.queue.qsize() == 2

        asyncio.run(scenario())


class TestLiveEvents:
    def test_events_reach_only_allowed_people_and_replay_over_rest(
        self, settings: Settings, engine: Engine
    ) -> None:
        settings = settings.model_copy(update={"ws_heartbeat_seconds": 0.5})
        app = create_app(settings)
        with live_server(app) as base, httpx.Client(base_url=base, timeout=30) as http:
            season = drawn_box(http, settings, engine, n=4)  # type: ignore[arg-type]
            box = season.box_id
            santa = season.people[0]
            giftee_pid = ok(santa.get(f"/boxes/{box}/assignment"))["giftees"][0]["participant_id"]
            giftee = season.by_pid[giftee_pid]
            pair = thread_as(santa, box, "santa")["pair_id"]
            token = session_token(settings, giftee.user.id)
            with open_ws(ws_url(base, box_id=box), token) as conn:
                first = hello(conn)
                cursor = first["boxes"][0]["cursor"]
                assert first["boxes"][0]["box_id"] == box
                ok(santa.post(f"/boxes/{box}/threads/{pair}/messages", json={"body": "hi"}), 201)
                event = next_event(conn, "message_new")
                assert event["data"]["pair_id"] == pair
                assert event["cursor"] > cursor
                assert season.pid(santa) not in str(event)
                ok(
                    season.organizer.post(f"/boxes/{box}/announcements", json={"body": "Party!"}),
                    201,
                )
                announced = next_event(conn, "announcement")
                assert announced["cursor"] > event["cursor"]
                seen = announced["cursor"]
                # heartbeats while idle
                assert '"heartbeat"' in conn.recv(timeout=5)
            # missed while disconnected: over REST
            ok(santa.post(f"/boxes/{box}/threads/{pair}/messages", json={"body": "again"}), 201)
            missed = ok(giftee.get(f"/boxes/{box}/events", params={"after": seen}))
            assert [e["kind"] for e in missed["items"]] == ["message_new"]
            assert missed["cursor"] > seen
            # a message event of one pair is not delivered to a third member
            third = next(
                a for a in season.people if a.user.id not in (santa.user.id, giftee.user.id)
            )
            theirs = ok(third.get(f"/boxes/{box}/events", params={"after": cursor}))["items"]
            assert all(e["data"].get("pair_id") != pair for e in theirs)

    def test_refusals(self, settings: Settings, engine: Engine) -> None:
        app = create_app(settings)
        with live_server(app) as base, httpx.Client(base_url=base, timeout=30) as http:
            season = drawn_box(http, settings, engine, n=3)  # type: ignore[arg-type]
            box = season.box_id
            stranger = account(engine, full_name="Stranger")
            url = ws_url(base, box_id=box)
            assert refused(url, session_token(settings, stranger.id)) == 403
            assert refused(url) == 403
            assert refused(url, "not-a-token") == 403
            assert refused(ws_url(base, box_id="nope"), session_token(settings, stranger.id))
            member = session_token(settings, season.people[0].user.id)
            # cookie connections must come from the app's origin
            status = refused(url, None, cookie=member, origin="http://evil.example")
            assert status == 403
            assert refused(url, None, cookie=member) == 403  # no Origin at all
            with open_ws(url, None, cookie=member, origin="http://testserver") as ok_:
                assert hello(ok_)["boxes"][0]["box_id"] == box
