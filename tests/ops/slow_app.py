"""A tiny ASGI app for Gunicorn tests: a request that stays in flight until released.

``GET /hold`` writes ``$SLOW_APP_DIR/held`` when it starts and answers only once
``$SLOW_APP_DIR/release`` exists (a condition the test controls, never a timer).
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
FOLDER = Path(os.environ.get("SLOW_APP_DIR", "."))


@app.get("/api/v1/health/live")
async def live() -> dict[str, str]:
    return {"status": "alive"}


@app.get("/hold")
async def hold() -> dict[str, object]:
    (FOLDER / f"held-{os.getpid()}").write_text("1")
    deadline = time.monotonic() + 120
    while not (FOLDER / "release").exists():
        if time.monotonic() > deadline:
            return {"released": False}
        await asyncio.sleep(0.02)
    return {"released": True, "pid": os.getpid()}
