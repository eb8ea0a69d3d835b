"""Live updates over a WebSocket: ``/api/v1/ws``.

Authentication is the API's: a bearer access token in the ``Authorization``
header (programs), or the ``santa_access`` cookie (browsers) — then ``Origin``
must be the public base URL or one of ``SANTA_WS_ALLOWED_ORIGINS``, so another
site cannot ride the cookie. ``?box_id=…`` (repeatable) follows those boxes and
refuses the handshake (403) when the user is not a member of one of them;
without it, every box the user is a member of. Messages from the server::

    {"type": "hello", "boxes": [{"box_id": ..., "cursor": 17}], "heartbeat": 20}
    {"type": "event", "box_id": ..., "cursor": 18, "kind": "message_new", "data": {...}, "at": ...}
    {"type": "heartbeat"}                       # when nothing else was sent for a while
    {"type": "subscribed", "box_id": ..., "cursor": 18} / {"type": "error", "code": ...}

and from the client ``{"type": "subscribe", "box_id": ...}``, ``{"type":
"unsubscribe", ...}``, ``{"type": "ping"}``. Each event reaches only the
members its audience allows (:mod:`santa_core.events`); the cursor is the
box's event sequence: after a reconnect ``GET /boxes/{id}/events?after=cursor``
returns what was missed.

Fan-out: committed events go to a :class:`Hub` per process. Embedded (no
Redis) the request's thread hands them to the hub's event loop; with Redis
every process publishes to one pub/sub channel and delivers what it hears, so a
client on process B sees what a request to process A did. Each connection has a
bounded queue: a consumer that falls ``ws_queue_size`` events behind is closed
(code 4008) instead of growing memory; it catches up over REST. An event is
serialised once per process and the same text queued to every recipient; each
connection's writer task sends it, so one slow socket does not hold up the
others. Both launchers (``santa serve`` and the Gunicorn workers) switch
permessage-deflate off (:data:`santa_server.launch.WS_PER_MESSAGE_DEFLATE`):
events are a few hundred bytes, and a zlib context per connection costs memory
(about 36 KiB each) and CPU on every send (``benchmarks/ws.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import APIRouter, FastAPI, WebSocket, WebSocketDisconnect
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from santa_core import events, models
from santa_core.auth import sessions
from santa_core.auth.tokens import decode_access_token
from santa_core.config import Settings
from santa_core.errors import SantaError
from santa_core.events import LiveEvent, Viewer
from santa_core.live import service as event_service
from santa_server import metrics
from santa_server.deps import ACCESS_COOKIE

log = logging.getLogger("santa.ws")

router = APIRouter()

CHANNEL = events.CHANNEL
SLOW_CONSUMER = 4008
POLICY_VIOLATION = 1008


class Connection:
    def __init__(self, websocket: WebSocket, user_id: uuid.UUID, queue_size: int) -> None:
        self.websocket = websocket
        self.user_id = user_id
        self.queue: asyncio.Queue[str] = asyncio.Queue(maxsize=queue_size)
        self.subs: dict[uuid.UUID, Viewer] = {}
        self.dropped = asyncio.Event()

    def offer(self, text: str) -> bool:
        try:
            self.queue.put_nowait(text)
        except asyncio.QueueFull:
            return False
        return True


class Hub:
    """Connections of this process by box; delivers events on the event loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.by_box: dict[uuid.UUID, set[Connection]] = {}
        self.connections: set[Connection] = set()
        self.delivered = 0
        self.dropped = 0

    def add(self, conn: Connection) -> None:
        self.connections.add(conn)
        for box_id in conn.subs:
            self.by_box.setdefault(box_id, set()).add(conn)

    def subscribe(self, conn: Connection, box_id: uuid.UUID, viewer: Viewer) -> None:
        conn.subs[box_id] = viewer
        self.by_box.setdefault(box_id, set()).add(conn)

    def unsubscribe(self, conn: Connection, box_id: uuid.UUID) -> None:
        conn.subs.pop(box_id, None)
        members = self.by_box.get(box_id)
        if members is not None:
            members.discard(conn)
            if not members:
                del self.by_box[box_id]

    def remove(self, conn: Connection) -> None:
        self.connections.discard(conn)
        for box_id in list(conn.subs):
            self.unsubscribe(conn, box_id)

    def deliver(self, event: LiveEvent) -> None:
        text: str | None = None
        for conn in list(self.by_box.get(event.box_id, ())):
            viewer = conn.subs.get(event.box_id)
            if viewer is None or not viewer.sees(event.audience, event.participant_id):
                continue
            if text is None:
                text = json.dumps(event.as_message(), separators=(",", ":"))
            if conn.offer(text):
                self.delivered += 1
            else:
                self.dropped += 1
                self.remove(conn)
                conn.dropped.set()
                continue
            if event.kind == "member_left" and event.data.get("participant_id") == str(
                viewer.participant_id
            ):
                self.unsubscribe(conn, event.box_id)

    def deliver_many(self, batch: Sequence[LiveEvent]) -> None:
        for event in batch:
            self.deliver(event)

    def publish_threadsafe(self, batch: Sequence[LiveEvent]) -> None:
        """The embedded sink: called after commit in a worker thread."""
        self.loop.call_soon_threadsafe(self.deliver_many, list(batch))


class RedisRelay:
    """Fan-out across processes: publish committed events, deliver what the channel says."""

    def __init__(self, url: str, hub: Hub, channel: str = CHANNEL) -> None:
        self.url = url
        self.hub = hub
        self.channel = channel
        self.publish = events.redis_sink(url, channel)
        self.ready = asyncio.Event()

    async def run(self) -> None:
        import redis.asyncio as aioredis

        delay = 0.5
        while True:
            client = aioredis.Redis.from_url(self.url)
            try:
                pubsub = client.pubsub()
                await pubsub.subscribe(self.channel)
                self.ready.set()
                delay = 0.5
                async for message in pubsub.listen():
                    if message.get("type") != "message":
                        continue
                    try:
                        self.hub.deliver(LiveEvent.from_json(json.loads(message["data"])))
                    except (ValueError, KeyError, TypeError):
                        log.warning("ignored a malformed live event from Redis")
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.ready.clear()
                log.warning("live events: Redis subscription lost (%s); retrying", exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10)
            finally:
                with contextlib.suppress(Exception):
                    await client.aclose()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.publish.close()


def start_live_events(app: FastAPI) -> Callable[[], None]:
    """Lifespan hook: the hub, its sink on the app's sessions, and the Redis relay."""
    settings: Settings = app.state.settings
    factory: sessionmaker[Session] = app.state.sessionmaker
    hub = Hub(asyncio.get_running_loop())
    app.state.live_hub = hub
    relay: RedisRelay | None = None
    task: asyncio.Task[None] | None = None
    if settings.redis_url:
        relay = RedisRelay(settings.redis_url, hub)
        app.state.live_relay = relay
        task = asyncio.get_running_loop().create_task(relay.run())
        remove = events.install_publisher(factory, relay.publish)
    else:
        remove = events.install_publisher(factory, hub.publish_threadsafe)

    def stop() -> None:
        remove()
        if task is not None:
            task.cancel()
        if relay is not None:
            relay.close()
        for conn in list(hub.connections):
            conn.dropped.set()

    return stop


# --- the endpoint ----------------------------------------------------------------


def allowed_origins(settings: Settings) -> set[str]:
    from urllib.parse import urlsplit

    base = urlsplit(settings.public_base_url)
    out = {f"{base.scheme}://{base.netloc}".lower()}
    out.update(o.lower().rstrip("/") for o in settings.ws_allowed_origins)
    return out


def _token(websocket: WebSocket, settings: Settings) -> str | None:
    header = websocket.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        return value.strip() if scheme.lower() == "bearer" and value.strip() else None
    cookie = websocket.cookies.get(ACCESS_COOKIE)
    if cookie is None:
        return None
    origin = (websocket.headers.get("origin") or "").lower().rstrip("/")
    if origin not in allowed_origins(settings):
        return None
    return cookie


def _authenticate(
    factory: sessionmaker[Session],
    settings: Settings,
    token: str,
    box_ids: list[uuid.UUID] | None,
) -> tuple[uuid.UUID, dict[uuid.UUID, Viewer]] | None:
    try:
        claims = decode_access_token(settings, token)
    except SantaError:
        return None
    with factory() as session:
        if claims.session_id is not None and not sessions.is_active(session, claims.session_id):
            return None
        user = session.get(models.User, claims.user_id)
        if user is None or not user.is_active or user.deleted_at is not None:
            return None
        subs = event_service.memberships(session, user.id, box_ids)
        if box_ids is not None and set(box_ids) - set(subs):
            return None
        return user.id, subs


def _cursors(factory: sessionmaker[Session], box_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    with factory() as session:
        return {b: events.last_seq(session, b) for b in box_ids}


def _member(
    factory: sessionmaker[Session], user_id: uuid.UUID, box_id: uuid.UUID
) -> tuple[Viewer, int] | None:
    with factory() as session:
        viewer = event_service.memberships(session, user_id, [box_id]).get(box_id)
        return None if viewer is None else (viewer, events.last_seq(session, box_id))


@router.websocket("/ws")
async def live_events(websocket: WebSocket) -> None:
    app = websocket.app
    settings: Settings = app.state.settings
    factory: sessionmaker[Session] = app.state.sessionmaker
    hub: Hub | None = getattr(app.state, "live_hub", None)
    raw_ids = websocket.query_params.getlist("box_id")
    try:
        box_ids = [uuid.UUID(b) for b in raw_ids] if raw_ids else None
    except ValueError:
        box_ids = []
    token = _token(websocket, settings)
    found = None
    if token is not None and hub is not None and box_ids != []:
        found = await run_in_threadpool(_authenticate, factory, settings, token, box_ids)
    if found is None or hub is None:
        await websocket.close(code=POLICY_VIOLATION)  # before accept: HTTP 403
        return
    user_id, subs = found
    await websocket.accept()
    conn = Connection(websocket, user_id, settings.ws_queue_size)
    conn.subs = dict(subs)
    cursors = await run_in_threadpool(_cursors, factory, list(subs))
    hub.add(conn)
    metrics.websocket_opened()  # santa_websocket_connections
    try:
        await websocket.send_json(
            {
                "type": "hello",
                "boxes": [{"box_id": str(b), "cursor": c} for b, c in cursors.items()],
                "heartbeat": settings.ws_heartbeat_seconds,
            }
        )
        await _serve(conn, hub, factory, settings)
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        hub.remove(conn)
        metrics.websocket_closed()


async def _serve(
    conn: Connection, hub: Hub, factory: sessionmaker[Session], settings: Settings
) -> None:
    websocket = conn.websocket

    async def writer() -> None:
        queue, heartbeat = conn.queue, settings.ws_heartbeat_seconds
        while True:
            if queue.empty():
                # asyncio.timeout, not wait_for: no task per message on a fan-out to thousands.
                try:
                    async with asyncio.timeout(heartbeat):
                        text = await queue.get()
                except TimeoutError:
                    await websocket.send_text('{"type":"heartbeat"}')
                    continue
            else:
                text = queue.get_nowait()
            await websocket.send_text(text)

    async def reader() -> None:
        while True:
            raw = await websocket.receive_text()
            try:
                message: dict[str, Any] = json.loads(raw)
                kind = message.get("type")
            except (ValueError, AttributeError):
                conn.offer('{"type":"error","code":"malformed_message"}')
                continue
            if kind == "ping":
                conn.offer('{"type":"pong"}')
            elif kind in ("subscribe", "unsubscribe"):
                try:
                    box_id = uuid.UUID(str(message.get("box_id")))
                except ValueError:
                    conn.offer('{"type":"error","code":"box_not_found"}')
                    continue
                if kind == "unsubscribe":
                    hub.unsubscribe(conn, box_id)
                    continue
                found = await run_in_threadpool(_member, factory, conn.user_id, box_id)
                if found is None:
                    reply: dict[str, Any] = {
                        "type": "error",
                        "code": "ws_not_member",
                        "box_id": str(box_id),
                    }
                else:
                    hub.subscribe(conn, box_id, found[0])
                    reply = {"type": "subscribed", "box_id": str(box_id), "cursor": found[1]}
                conn.offer(json.dumps(reply))
            else:
                conn.offer('{"type":"error","code":"unknown_message_type"}')

    async def dropped() -> None:
        await conn.dropped.wait()

    tasks = [asyncio.ensure_future(t()) for t in (writer, reader, dropped)]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    if conn.dropped.is_set():
        with contextlib.suppress(Exception):
            await asyncio.wait_for(websocket.close(code=SLOW_CONSUMER), 2)
        return
    for task in done:
        exc = task.exception()
        if exc is not None and not isinstance(exc, WebSocketDisconnect | RuntimeError):
            raise exc
