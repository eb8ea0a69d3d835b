"""The ceiling of the WebSocket benchmark: a bare Starlette fan-out on the same server.

Same URL shapes as santa (``/api/v1/ws``, ``PATCH /api/v1/boxes/{id}``, ``POST
/api/v1/boxes/{id}/announcements``), no authentication, no database: a change
sends one event of the same shape to every socket with ``asyncio.gather``.

    uvicorn benchmarks._ws_ceiling:app --ws-per-message-deflate false
"""

from __future__ import annotations

import asyncio
import json

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

sockets: set[WebSocket] = set()
cursor = 0


async def live(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text('{"type":"hello","boxes":[],"heartbeat":20}')
    sockets.add(websocket)
    try:
        while True:
            await websocket.receive_text()
    except WebSocketDisconnect:
        pass
    finally:
        sockets.discard(websocket)


async def change(request: Request) -> JSONResponse:
    global cursor
    cursor += 1
    kind = "announcement" if request.url.path.endswith("/announcements") else "box_updated"
    box = request.path_params["box"]
    text = json.dumps(
        {"type": "event", "box_id": box, "cursor": cursor, "kind": kind, "data": {}, "at": ""},
        separators=(",", ":"),
    )
    await asyncio.gather(*(ws.send_text(text) for ws in list(sockets)), return_exceptions=True)
    return JSONResponse({"ok": True})


async def health(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


app = Starlette(
    routes=[
        WebSocketRoute("/api/v1/ws", live),
        Route("/api/v1/health", health),
        Route("/api/v1/boxes/{box}", change, methods=["PATCH"]),
        Route("/api/v1/boxes/{box}/announcements", change, methods=["POST"]),
    ]
)
