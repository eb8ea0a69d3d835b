"""The ceiling of the load benchmark: a bare FastAPI async route doing one ``SELECT 1``
through a psycopg async pool, served by the same launcher and worker count as santa.

    SANTA_CEILING_DSN=postgresql://... uvicorn benchmarks._ceiling:make_app --factory
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from psycopg_pool import AsyncConnectionPool


def make_app() -> FastAPI:
    dsn = os.environ["SANTA_CEILING_DSN"]
    size = int(os.environ.get("SANTA_CEILING_POOL", "20"))
    pool = AsyncConnectionPool(dsn, min_size=size, max_size=size, open=False)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await pool.open(wait=True)
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(lifespan=lifespan, openapi_url=None, docs_url=None)

    @app.get("/ceiling")
    async def ceiling() -> dict[str, int]:
        async with pool.connection() as conn:
            cur = await conn.execute("SELECT 1")
            row = await cur.fetchone()
        return {"one": int(row[0]) if row else 0}

    return app
