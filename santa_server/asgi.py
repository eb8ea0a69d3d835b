"""ASGI entry points for uvicorn/gunicorn (``santa_server.asgi:app_from_env`` with --factory)."""

from __future__ import annotations

import os

from fastapi import FastAPI

from santa_server.app import create_app


def app_from_env() -> FastAPI:
    start_jobs = os.environ.get("SANTA__SERVE_JOBS") == "1"
    return create_app(start_jobs=start_jobs)
