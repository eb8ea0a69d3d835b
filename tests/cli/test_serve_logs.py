"""``santa serve``'s logging: uvicorn's request lines never show codes or tokens from URLs,
and santa's own loggers follow ``SANTA_LOG_LEVEL``."""

from __future__ import annotations

import logging
import threading
import time

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from santa_cli.commands.serve import _log_config
from tests.peers._net import free_port

CODE = "inv_" + "Q" * 43
FEED = "p094ypp1QDeSR6v5AtkUuQ.QcpV0ruWSUdYW_Ya5NpE9w"


def _serve_once(level: str, paths: list[str]) -> None:
    app = FastAPI()

    @app.get("/{path:path}")
    def anything(path: str) -> dict[str, str]:
        logging.getLogger("santa.test").info("handled a request")
        return {}

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host="127.0.0.1",
            port=port,
            log_config=_log_config(level),
            log_level=level.lower(),
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 120
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
            for path in paths:
                assert http.get(path).status_code == 200
    finally:
        server.should_exit = True
        thread.join(10)


def test_request_lines_hide_codes_and_tokens(
    restore_logging: None, capfd: pytest.CaptureFixture[str]
) -> None:
    paths = [
        f"/api/v1/invitations/{CODE}",
        f"/join/{CODE}",
        f"/api/v1/calendar/{FEED}.ics",
        "/reset-password?token=plain-reset-token",
        "/api/v1/auth/oauth/google/callback?code=one-time-code&state=abc",
        "/api/v1/boxes",
    ]
    _serve_once("INFO", paths)
    out, err = capfd.readouterr()
    assert '"GET /api/v1/invitations/inv_[redacted] HTTP/1.1" 200' in out
    assert '"GET /api/v1/calendar/[redacted].ics HTTP/1.1" 200' in out
    assert '"GET /reset-password?token=[redacted] HTTP/1.1" 200' in out
    assert '"GET /api/v1/boxes HTTP/1.1" 200' in out
    for secret in (CODE, FEED, "plain-reset-token", "one-time-code"):
        assert secret not in out + err
    # santa's own loggers are configured too (they were silent under `santa serve`).
    assert "INFO santa.test: handled a request" in err


def test_warning_level_prints_no_request_lines_and_no_info(
    restore_logging: None, capfd: pytest.CaptureFixture[str]
) -> None:
    _serve_once("WARNING", ["/api/v1/boxes"])
    out, err = capfd.readouterr()
    assert "/api/v1/boxes" not in out
    assert "handled a request" not in err
