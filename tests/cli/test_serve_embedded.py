"""Acceptance: ``santa serve`` with no configuration runs jobs in-process, needs no Redis,
and an invitation made over the API lands as an ``.eml`` file in the outbox folder."""

from __future__ import annotations

import email
import email.policy
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import TEST_ENCRYPTION_KEY, TEST_SECRET
from tests.peers._net import free_port

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def test_santa_serve_sends_invites_into_the_outbox_folder(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANTA_")}
    env.update(
        SANTA_DATA_DIR=str(tmp_path),
        SANTA_SECRET_KEY=TEST_SECRET,
        SANTA_ENCRYPTION_KEYS=TEST_ENCRYPTION_KEY,
        SANTA_PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        SANTA_ARGON2_TIME_COST="1",
        SANTA_ARGON2_MEMORY_COST_KIB="1024",
        SANTA_ARGON2_PARALLELISM="1",
        SANTA_LOG_LEVEL="WARNING",
    )
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "santa_cli.main", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        with httpx.Client(base_url=base, timeout=10) as http:
            deadline = time.monotonic() + 120
            while True:
                try:
                    health = http.get("/health")
                    break
                except httpx.TransportError:
                    assert proc.poll() is None, (tmp_path / "serve.log").read_text()
                    assert time.monotonic() < deadline, "santa serve did not come up"
                    time.sleep(0.2)
            assert health.status_code == 200, health.text
            queue = health.json()["queue"]
            assert queue["ok"] is True
            assert queue["detail"].startswith("embedded queue")
            password = "correct horse battery"
            r = http.post(
                "/auth/register",
                json={"email": "olga@example.com", "password": password, "full_name": "Olga"},
            )
            assert r.status_code == 202, r.text
            r = http.post(
                "/auth/login",
                json={"email": "olga@example.com", "password": password, "transport": "body"},
                # No SANTA_TRUSTED_PROXIES: a loopback peer cannot name another client.
                headers={"X-Forwarded-For": "203.0.113.99"},
            )
            assert r.status_code == 200, r.text
            headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
            (signed_in,) = http.get("/users/me/sessions", headers=headers).json()
            assert signed_in["ip_address"] == "127.0.0.1"
            box = http.post("/boxes", json={"name": "Office 2026"}, headers=headers)
            assert box.status_code == 201, box.text
            r = http.post(
                f"/boxes/{box.json()['id']}/invites",
                json={"email": "guest@example.com"},
                headers=headers,
            )
            assert r.status_code == 201, r.text
            outbox = tmp_path / "outbox"
            deadline = time.monotonic() + 120
            found = None
            while found is None:
                for path in outbox.glob("*.eml") if outbox.exists() else []:
                    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                    if msg["To"] == "guest@example.com":
                        found = msg
                assert found is not None or time.monotonic() < deadline, "no invitation email"
                time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
        try:
            returncode = proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(30)
            returncode = None
        log.close()
    served_log = (tmp_path / "serve.log").read_text()
    assert returncode == 0, f"Ctrl-C did not stop santa serve cleanly:\n{served_log}"
    assert "Traceback" not in served_log
    assert 'invites you to the Secret Santa "Office 2026"' in str(found["Subject"])
    body = found.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()  # type: ignore[attr-defined]
    assert f"http://127.0.0.1:{port}/" in text
    assert (tmp_path / "jobs.db").exists()  # the SQLite queue, no Redis
    assert "jobs: in-process" in served_log
