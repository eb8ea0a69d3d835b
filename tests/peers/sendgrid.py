"""A loopback server speaking SendGrid's ``POST /v3/mail/send``.

It checks what the real API checks that matters to us (bearer key, from,
1-1000 personalizations each with a recipient and a subject, content), expands
substitutions, and keeps one :class:`SentEmail` per personalization. Recipients
starting with ``reject`` make the request fail with 400, like an invalid address;
``fail_next(status, times)`` makes the next requests fail with that status.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.peers._net import free_port


@dataclass
class SentEmail:
    to: str
    subject: str
    text: str
    html: str
    headers: dict[str, str]
    custom_args: dict[str, str]
    message_id: str

    @property
    def reference(self) -> str | None:
        return self.headers.get("X-Santa-Message")


class FakeSendGrid:
    def __init__(self, api_key: str = "SG.test-key") -> None:
        self.api_key = api_key
        self.port = free_port()
        self.emails: list[SentEmail] = []
        self.requests: list[dict[str, Any]] = []
        self.cond = threading.Condition()
        self._failures: list[int] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FakeSendGrid:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail_next(self, status: int, times: int = 1) -> None:
        with self.cond:
            self._failures.extend([status] * times)

    def wait_for(self, count: int, timeout: float = 120.0) -> list[SentEmail]:
        deadline = time.monotonic() + timeout
        with self.cond:
            while len(self.emails) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"fake SendGrid got {len(self.emails)}, expected {count}")
                self.cond.wait(left)
            return list(self.emails)

    def count(self) -> int:
        with self.cond:
            return len(self.emails)

    def references(self) -> Counter[str | None]:
        with self.cond:
            return Counter(e.reference for e in self.emails)

    # --- the API ---------------------------------------------------------------

    def _accept(self, body: dict[str, Any]) -> tuple[int, dict[str, Any] | None, str | None]:
        with self.cond:
            if self._failures:
                status = self._failures.pop(0)
                return status, {"errors": [{"message": f"injected {status}"}]}, None
        problems = _validate(body)
        if problems:
            return 400, {"errors": [{"message": p} for p in problems]}, None
        message_id = secrets.token_urlsafe(16)
        content = {c["type"]: c["value"] for c in body["content"]}
        sent = []
        for p in body["personalizations"]:
            text, html = content.get("text/plain", ""), content.get("text/html", "")
            for tag, value in (p.get("substitutions") or {}).items():
                text, html = text.replace(tag, value), html.replace(tag, value)
            sent.append(
                SentEmail(
                    to=p["to"][0]["email"],
                    subject=p.get("subject") or body.get("subject", ""),
                    text=text,
                    html=html,
                    headers=dict(p.get("headers") or {}),
                    custom_args=dict(p.get("custom_args") or {}),
                    message_id=message_id,
                )
            )
        with self.cond:
            self.requests.append(body)
            self.emails.extend(sent)
            self.cond.notify_all()
        return 202, None, message_id

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return None

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if self.path != "/v3/mail/send":
                    return self._reply(404, {"errors": [{"message": "not found"}]})
                if self.headers.get("Authorization") != f"Bearer {fake.api_key}":
                    return self._reply(401, {"errors": [{"message": "unauthorized"}]})
                try:
                    body = json.loads(raw)
                except ValueError:
                    return self._reply(400, {"errors": [{"message": "bad json"}]})
                status, payload, message_id = fake._accept(body)
                self._reply(status, payload, message_id)
                return None

            def _reply(
                self, status: int, payload: dict[str, Any] | None, message_id: str | None = None
            ) -> None:
                data = json.dumps(payload).encode() if payload is not None else b""
                self.send_response(status)
                if message_id:
                    self.send_header("X-Message-Id", message_id)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _validate(body: dict[str, Any]) -> list[str]:
    problems = []
    if not (body.get("from") or {}).get("email"):
        problems.append("from.email is required")
    ps = body.get("personalizations") or []
    if not 1 <= len(ps) <= 1000:
        problems.append("personalizations must have 1 to 1000 items")
    for i, p in enumerate(ps):
        tos = p.get("to") or []
        if not tos or not all("@" in (t.get("email") or "") for t in tos):
            problems.append(f"personalizations.{i}.to is invalid")
        elif any(t["email"].lower().startswith("reject") for t in tos):
            problems.append(f"personalizations.{i}.to: does not contain a valid address")
        if not (p.get("subject") or body.get("subject")):
            problems.append(f"personalizations.{i}.subject is required")
        subs = p.get("substitutions") or {}
        if sum(len(k.encode()) + len(v.encode()) for k, v in subs.items()) > 10_000:
            problems.append(f"personalizations.{i}.substitutions exceed 10000 bytes")
    if not body.get("content"):
        problems.append("content is required")
    return problems
