"""Acceptance: two API processes and a worker on one PostgreSQL and Redis run a whole season.

Every request goes to the other API process than the one before; emails are
delivered by ``santa worker`` only (the APIs run with ``--no-jobs``), and the
links people click come from those emails.
"""

from __future__ import annotations

import itertools
import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from santa_server import launch
from tests.ops.stack import (
    Mailbox,
    Processes,
    forget_redis_keys,
    fresh_postgres_database,
    stack_env,
    wait_for,
)
from tests.peers._net import free_port

PASSWORD = "correct horse battery"
TOKEN = r"[?&]token=([A-Za-z0-9_\-.~%]+)"
INVITE_CODE = r"/(?:join|invitations)/(inv_[A-Za-z0-9_\-]{40,})"


@dataclass
class Stack:
    apis: list[str]
    mailbox: Mailbox
    processes: Processes


@pytest.fixture
def stack(tmp_path: Path, redis_url: str, pg_engine: object) -> Iterator[Stack]:
    namespace = f"santa-stack-{secrets.token_hex(4)}"
    processes = Processes(tmp_path)
    with fresh_postgres_database() as database_url:
        ports = [free_port(), free_port()]
        env = stack_env(tmp_path, database_url, namespace)
        try:
            for i, port in enumerate(ports):
                processes.start(f"api{i}", ["serve", "--no-jobs", "--port", str(port)], env)
            processes.start("worker", ["worker", "--workers", "2"], env)
            apis = [f"http://127.0.0.1:{port}" for port in ports]
            for base in apis:
                ready = launch.answers(f"{base}/api/v1/health/ready")
                wait_for(lambda r=ready: processes.check_alive() or r(), f"{base} ready")
            yield Stack(apis, Mailbox(tmp_path / "mail"), processes)
        finally:
            codes = processes.stop_all()
            forget_redis_keys(namespace)
        assert codes == {"api0": 0, "api1": 0, "worker": 0}, processes.logs()


class Alternating:
    """An HTTP client that sends each request to the next API process."""

    def __init__(self, apis: list[str]) -> None:
        self.clients = [httpx.Client(base_url=f"{b}/api/v1", timeout=60) for b in apis]
        self.turn = itertools.cycle(range(len(self.clients)))
        self.served_by: list[int] = []

    def request(self, method: str, path: str, token: str | None = None, **kw: Any) -> Any:
        index = next(self.turn)
        self.served_by.append(index)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        headers.update(kw.pop("headers", {}))
        return self.clients[index].request(method, path, headers=headers, **kw)

    def ok(self, method: str, path: str, token: str | None = None, **kw: Any) -> Any:
        r = self.request(method, path, token, **kw)
        assert r.status_code < 300, f"{method} {path}: {r.status_code} {r.text}"
        return r.json() if r.content else None

    def close(self) -> None:
        for client in self.clients:
            client.close()


def _sign_up(api: Alternating, mailbox: Mailbox, email: str, name: str) -> str:
    """Register, click the emailed verification link, sign in: the access token."""
    api.ok("POST", "/auth/register", json={"email": email, "password": PASSWORD, "full_name": name})
    refused = api.request(
        "POST", "/auth/login", json={"email": email, "password": PASSWORD, "transport": "body"}
    )
    assert refused.status_code == 403, refused.text  # not verified yet
    token = mailbox.wait_for(email, TOKEN, "the verification link")
    api.ok("POST", "/auth/verify-email", json={"token": token})
    signed_in = api.ok(
        "POST", "/auth/login", json={"email": email, "password": PASSWORD, "transport": "body"}
    )
    return str(signed_in["access_token"])


def test_a_season_across_two_api_processes_and_a_worker(stack: Stack) -> None:
    api = Alternating(stack.apis)
    try:
        organizer = _sign_up(api, stack.mailbox, "olga@example.com", "Olga")
        box = api.ok("POST", "/boxes", organizer, json={"name": "Office 2026", "currency": "EUR"})
        box_id = box["id"]

        guests = [(f"guest{i}@example.com", f"Guest {i}") for i in range(3)]
        tokens = {}
        for i, (email, _) in enumerate(guests):
            r = api.request(
                "POST",
                f"/boxes/{box_id}/invites",
                organizer,
                json={"email": email},
                headers={"X-Request-ID": f"season-invite-{i}"},
            )
            assert r.status_code == 201, r.text
            assert r.headers["x-request-id"] == f"season-invite-{i}"
        for email, name in guests:
            code = stack.mailbox.wait_for(email, INVITE_CODE, "the invitation")
            tokens[email] = _sign_up(api, stack.mailbox, email, name)
            assert api.ok("GET", f"/invitations/{code}", tokens[email])["kind"] == "email"
            joined = api.ok("POST", f"/invitations/{code}/accept", tokens[email])
            assert joined["status"] == "active"

        everyone = {"olga@example.com": organizer, **tokens}
        for i, (email, token) in enumerate(everyone.items()):
            api.ok(
                "PATCH",
                f"/boxes/{box_id}/participants/me",
                token,
                json={"wishes": f"wishes of {email}", "address": f"Street {i}"},
            )
        listing = api.ok("GET", f"/boxes/{box_id}/participants", organizer)
        assert listing["total"] == 4

        api.ok("POST", f"/boxes/{box_id}/status", organizer, json={"status": "ready"})
        preview = api.ok("GET", f"/boxes/{box_id}/draw/preview", organizer)
        assert preview["feasible"] is True
        api.ok(
            "POST",
            f"/boxes/{box_id}/draw",
            organizer,
            json={"acknowledge_secrecy_warning": preview["requires_acknowledgement"]},
        )

        giftees = {}
        for email, token in everyone.items():
            mine = api.ok("GET", f"/boxes/{box_id}/assignment", token)
            (giftee,) = mine["giftees"]
            assert giftee["wishes"] != f"wishes of {email}"
            giftees[email] = giftee["participant_id"]
        assert len(set(giftees.values())) == 4  # a permutation: everyone gets one gift

        # The worker tells everyone that the draw happened.
        for email in everyone:
            stack.mailbox.wait_for(email, r"The draw in \"Office 2026\" is done", "the draw email")
        # The worker's log lines about an invitation carry the id of the request that sent it.
        worker_log = stack.processes.log("worker").splitlines()
        worker_lines = [json.loads(line) for line in worker_log if line.startswith("{")]
        delivered = [
            line
            for line in worker_lines
            if line.get("request_id") == "season-invite-0"
            and "guest0@example.com" in line["message"]
        ]
        assert delivered, "no worker log line carries the invitation's request id"
        assert set(api.served_by) == {0, 1}
        assert all(a != b for a, b in itertools.pairwise(api.served_by))
        stack.processes.check_alive()
    finally:
        api.close()
