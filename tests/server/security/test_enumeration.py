"""Password-reset requests answer alike for known and unknown addresses: same status and
body, and timing that does not tell them apart (the work happens after the answer)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import httpx
from sqlalchemy import Engine

from santa_server.app import create_app
from tests.live import live_server
from tests.server.auth_support import API, auth_settings, outbox

SAMPLES = 40


def test_reset_requests_do_not_reveal_accounts(tmp_path: Path, engine: Engine) -> None:
    # A costly hash makes any work done before answering stand out.
    s = auth_settings(tmp_path, engine, rate_limit_enabled=False)
    app = create_app(s)
    with live_server(app) as base, httpx.Client(base_url=base, timeout=30) as c:
        r = c.post(
            f"{API}/auth/register", json={"email": "known@example.com", "password": "pw-123456789"}
        )
        assert r.status_code == 201
        answers: dict[str, list[float]] = {"known": [], "unknown": []}
        bodies: dict[str, set[tuple[int, bytes]]] = {"known": set(), "unknown": set()}
        for i in range(SAMPLES):  # interleaved, so machine load hits both alike
            for kind in ("known", "unknown") if i % 2 else ("unknown", "known"):
                email = "known@example.com" if kind == "known" else f"nobody{i}@example.com"
                started = time.perf_counter()
                r = c.post(f"{API}/auth/password-reset", json={"email": email})
                answers[kind].append(time.perf_counter() - started)
                bodies[kind].add((r.status_code, r.content))
        deadline = time.monotonic() + 60
        while len(outbox(engine, "reset_password")) < SAMPLES:  # the work did happen
            assert time.monotonic() < deadline, "reset emails were not written"
            time.sleep(0.05)
    assert bodies["known"] == bodies["unknown"] == {(202, b"null")}
    known, unknown = statistics.median(answers["known"]), statistics.median(answers["unknown"])
    print(f"reset timing: median known {known * 1000:.1f} ms, unknown {unknown * 1000:.1f} ms")
    # Generous: a busy machine moves both; doing the work first made known ≥ 2× slower.
    assert known < unknown * 1.5 + 0.005, (known, unknown)
