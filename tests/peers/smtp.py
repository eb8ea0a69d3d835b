"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives.

    with SmtpSink() as sink:
        ... send to 127.0.0.1:sink.port ...
        sink.wait_for(3)
        sink.messages[0]["Subject"]

Recipients starting with ``reject`` get a permanent 550, ``busy`` a transient 451.
"""

from __future__ import annotations

import email
import email.policy
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.peers._net import free_port

_REF = re.compile(rb"^X-Santa-Message: *(\S+)", re.MULTILINE | re.IGNORECASE)


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    _parsed: EmailMessage | None = field(default=None, repr=False)

    @property
    def message(self) -> EmailMessage:
        if self._parsed is None:
            parsed = email.message_from_bytes(self.raw, policy=email.policy.default)
            assert isinstance(parsed, EmailMessage)
            self._parsed = parsed
        return self._parsed

    @property
    def reference(self) -> str | None:
        m = _REF.search(self.raw.split(b"\r\n\r\n", 1)[0])
        return m.group(1).decode() if m else None

    def part(self, subtype: str) -> str:
        body = self.message.get_body(preferencelist=(subtype,))
        assert body is not None, f"no text/{subtype} part"
        return str(body.get_content())  # type: ignore[attr-defined]


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        local = address.split("@")[0].lower()
        if local.startswith("reject"):
            return "550 5.1.1 No such user"
        if local.startswith("busy"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        item = Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content))
        with self.sink.cond:
            self.sink.received.append(item)
            self.sink.cond.notify_all()
        return "250 2.0.0 Ok: queued"


class SmtpSink:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.received: list[Received] = []
        self.cond = threading.Condition()
        self._controller = Controller(
            _Handler(self), hostname="127.0.0.1", port=self.port, ready_timeout=60
        )

    def __enter__(self) -> SmtpSink:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()

    def wait_for(self, count: int, timeout: float = 120.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        with self.cond:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"SMTP sink got {len(self.received)} message(s), expected {count}"
                    )
                self.cond.wait(left)
            return list(self.received)

    def count(self) -> int:
        with self.cond:
            return len(self.received)

    def references(self) -> Counter[str | None]:
        with self.cond:
            return Counter(r.reference for r in self.received)

    def to(self, address: str) -> list[Received]:
        with self.cond:
            return [r for r in self.received if address in r.rcpt_tos]
