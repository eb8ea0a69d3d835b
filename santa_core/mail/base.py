"""What every email backend shares: the message, the outcome of a send, the errors.

SendError
├── TransientSendError   try again later (connection refused, 4xx SMTP reply, 429/5xx HTTP)
└── PermanentSendError   retrying cannot help (rejected address, malformed request)
"""

from __future__ import annotations

import base64
import binascii
import email.utils
import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

#: Header carrying the outbox row id: lets receivers (and tests) spot a duplicate.
REFERENCE_HEADER = "X-Santa-Message"


class SendError(Exception):
    """A message was not accepted. ``permanent`` says whether retrying may help."""

    permanent = False


class TransientSendError(SendError):
    pass


class PermanentSendError(SendError):
    permanent = True


@dataclass(frozen=True)
class Email:
    """One rendered email to one recipient (multipart: plain text + HTML)."""

    to: str
    subject: str
    text: str
    html: str
    #: The outbox row id; becomes the Message-ID's local part and a header.
    reference: str
    language: str = "en"
    #: Extra headers, e.g. ``List-Unsubscribe``.
    headers: dict[str, str] = field(default_factory=dict)

    def message_id(self, sender: str) -> str:
        return f"<{self.reference}@{parse_sender(sender)[2]}>"

    def to_bytes(self, sender: str) -> bytes:
        """The RFC 5322 message: multipart/alternative, UTF-8 parts in base64.

        Built by hand rather than with :class:`email.message.EmailMessage`,
        which spends milliseconds per message folding and encoding; this is
        what lets one worker send hundreds of emails a second.
        """
        name, address, _ = parse_sender(sender)
        boundary = f"=_santa_{uuid.uuid4().hex}"
        headers = [
            ("From", _from_header(name, address)),
            ("To", _header_value(self.to)),
            ("Subject", _header_value(self.subject)),
            ("Date", email.utils.formatdate(localtime=False, usegmt=True)),
            ("Message-ID", self.message_id(sender)),
            ("MIME-Version", "1.0"),
            ("Content-Language", self.language),
            ("Auto-Submitted", "auto-generated"),
            (REFERENCE_HEADER, self.reference),
            *((k, _header_value(v)) for k, v in self.headers.items()),
            ("Content-Type", f'multipart/alternative; boundary="{boundary}"'),
        ]
        lines = [f"{k}: {v}" for k, v in headers]
        lines.append("")
        for subtype, body in (("plain", self.text), ("html", self.html)):
            lines += [
                f"--{boundary}",
                f'Content-Type: text/{subtype}; charset="utf-8"',
                "Content-Transfer-Encoding: base64",
                "",
                _base64_lines(body),
            ]
        lines += [f"--{boundary}--", ""]
        return "\r\n".join(lines).encode("ascii")


def _header_value(value: str) -> str:
    """Printable ASCII as is (newlines removed), anything else as RFC 2047 encoded words."""
    value = " ".join(value.split())
    if value.isascii():
        return value
    data, words, start = value.encode(), [], 0
    while start < len(data):
        end = min(start + 45, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # never split a character
            end -= 1
        words.append(data[start:end])
        start = end
    return "\r\n ".join(
        f"=?utf-8?b?{binascii.b2a_base64(w, newline=False).decode()}?=" for w in words
    )


def _base64_lines(text: str) -> str:
    data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode()
    return base64.encodebytes(data).decode("ascii").rstrip("\n").replace("\n", "\r\n")


@functools.lru_cache(maxsize=64)
def _from_header(name: str, address: str) -> str:
    return email.utils.formataddr((name, address), charset="utf-8")


@functools.lru_cache(maxsize=64)
def parse_sender(sender: str) -> tuple[str, str, str]:
    """``(display name, address, domain)`` of a From value, parsed once per process."""
    name, address = email.utils.parseaddr(sender)
    return name, address, address.rpartition("@")[2] or "localhost"


@dataclass(frozen=True)
class Sent:
    """The provider accepted the message under this id."""

    provider_message_id: str


Outcome = Sent | SendError


class EmailBackend(Protocol):
    """Sends emails; one outcome per email, in order. Never raises for one bad message.

    ``max_batch`` tells the caller how many emails one call may carry; backends
    that speak a per-message protocol use 1, so the caller records each outcome
    before the next send (a crash then repeats at most one message).
    """

    name: str
    max_batch: int

    def send(self, emails: Sequence[Email]) -> list[Outcome]: ...

    def close(self) -> None: ...
