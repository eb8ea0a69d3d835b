"""Chat channels: Telegram bot messages and VK community messages, over their HTTP APIs.

Both speak JSON over HTTPS; base URLs are settings so tests talk to loopback
servers. Outcomes reuse the email types: :class:`Sent` or a transient /
permanent :class:`SendError`.
"""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any, Protocol

from santa_core.config import Settings
from santa_core.mail.base import Outcome, PermanentSendError, Sent, TransientSendError
from santa_core.models import Channel

#: Both APIs cap a message at 4096 characters.
MAX_TEXT = 4096
#: VK error codes worth retrying: unknown, too many requests, flood control, server error.
_VK_TRANSIENT = {1, 5, 6, 9, 10}


@dataclass(frozen=True)
class ChatMessage:
    recipient: str
    text: str
    #: The outbox row id (VK uses it to derive an idempotent ``random_id``).
    reference: str


class ChatChannel(Protocol):
    channel: Channel

    def send(self, message: ChatMessage) -> Outcome: ...


def _post(url: str, data: bytes, content_type: str, timeout: float) -> tuple[int, Any]:
    request = urllib.request.Request(  # noqa: S310 (the base URL is configuration)
        url, data=data, method="POST", headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return int(response.status), json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        try:
            body = json.loads(exc.read() or b"null")
        except ValueError:
            body = None
        return int(exc.code), body


def _truncate(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


class TelegramChannel:
    channel = Channel.TELEGRAM

    def __init__(self, *, token: str, api_base: str, timeout: float = 15.0) -> None:
        self.url = f"{api_base.rstrip('/')}/bot{token}/sendMessage"
        self.timeout = timeout

    def send(self, message: ChatMessage) -> Outcome:
        body = json.dumps(
            {
                "chat_id": message.recipient,
                "text": _truncate(message.text),
                "disable_web_page_preview": True,
            }
        ).encode()
        try:
            status, reply = _post(self.url, body, "application/json", self.timeout)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            return TransientSendError(f"Telegram unreachable: {exc}")
        reply = reply if isinstance(reply, dict) else {}
        if status == 200 and reply.get("ok"):
            return Sent(str(reply.get("result", {}).get("message_id", "")))
        detail = f"Telegram answered {status}: {reply.get('description', '')}".rstrip(": ")
        if status == 429 or status >= 500 or status in (401, 404):
            return TransientSendError(detail)
        return PermanentSendError(detail)


class VkChannel:
    channel = Channel.VK

    def __init__(
        self, *, token: str, api_base: str, version: str = "5.199", timeout: float = 15.0
    ) -> None:
        self.url = f"{api_base.rstrip('/')}/method/messages.send"
        self.token = token
        self.version = version
        self.timeout = timeout

    @staticmethod
    def random_id(reference: str) -> int:
        """VK drops a repeated ``random_id`` to the same peer: a resend is not a duplicate."""
        return int.from_bytes(hashlib.sha256(reference.encode()).digest()[:4], "big") & 0x7FFFFFFF

    def send(self, message: ChatMessage) -> Outcome:
        form = urllib.parse.urlencode(
            {
                "peer_id": message.recipient,
                "message": _truncate(message.text),
                "random_id": self.random_id(message.reference),
                "dont_parse_links": 1,
                "access_token": self.token,
                "v": self.version,
            }
        ).encode()
        try:
            status, reply = _post(self.url, form, "application/x-www-form-urlencoded", self.timeout)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            return TransientSendError(f"VK unreachable: {exc}")
        reply = reply if isinstance(reply, dict) else {}
        if status == 200 and "response" in reply:
            return Sent(str(reply["response"]))
        error = reply.get("error") or {}
        code = int(error.get("error_code", 0) or 0)
        detail = f"VK error {code or status}: {error.get('error_msg', '')}".rstrip(": ")
        if status >= 500 or code in _VK_TRANSIENT or (status != 200 and not code):
            return TransientSendError(detail)
        return PermanentSendError(detail)


def make_channels(settings: Settings) -> dict[Channel, ChatChannel]:
    """The chat channels that are configured (a token is set)."""
    channels: dict[Channel, ChatChannel] = {}
    if settings.telegram_bot_token is not None:
        channels[Channel.TELEGRAM] = TelegramChannel(
            token=settings.telegram_bot_token.get_secret_value(),
            api_base=settings.telegram_api_base,
        )
    if settings.vk_token is not None:
        channels[Channel.VK] = VkChannel(
            token=settings.vk_token.get_secret_value(),
            api_base=settings.vk_api_base,
            version=settings.vk_api_version,
        )
    return channels
