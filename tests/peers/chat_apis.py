"""Loopback servers speaking the Telegram Bot API and the VK API, for notifications.

``FakeTelegramBot``: ``POST /bot<token>/sendMessage`` with JSON or form data
answers like Telegram (``{"ok": true, "result": {"message_id": ...}}``; unknown
chats ``400 chat not found``, a blocked bot ``403``, ``fail_next(429)`` a
flood wait). ``FakeVk``: ``POST /method/messages.send`` checks the token and
the API version, drops a repeated ``random_id`` to the same peer the way VK
does (answers the first message's id), and answers errors as
``{"error": {"error_code", "error_msg"}}`` with HTTP 200.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.peers._net import free_port


@dataclass
class ChatSent:
    chat: str
    text: str
    message_id: int


class _Server:
    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[ChatSent] = []
        self.lock = threading.Lock()
        self._failures: list[int] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Any:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail_next(self, status: int, times: int = 1) -> None:
        with self.lock:
            self._failures.extend([status] * times)

    def _take_failure(self) -> int | None:
        with self.lock:
            return self._failures.pop(0) if self._failures else None

    def handle(self, path: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        raise NotImplementedError

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return None

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if "json" in (self.headers.get("Content-Type") or ""):
                    params = json.loads(raw or b"{}")
                else:
                    params = dict(urllib.parse.parse_qsl(raw.decode()))
                status, body = server.handle(self.path, params)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


class FakeTelegramBot(_Server):
    def __init__(self, token: str = "123:bot-token", chats: set[str] | None = None) -> None:
        super().__init__()
        self.token = token
        self.chats = chats if chats is not None else {"1001", "1002"}
        self.blocked: set[str] = set()

    def handle(self, path: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if path != f"/bot{self.token}/sendMessage":
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        failure = self._take_failure()
        if failure == 429:
            return 429, {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 3",
                "parameters": {"retry_after": 3},
            }
        if failure:
            return failure, {"ok": False, "error_code": failure, "description": "injected"}
        chat, text = str(params.get("chat_id", "")), str(params.get("text", ""))
        if not text:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message text is empty",
            }
        if chat in self.blocked:
            return 403, {
                "ok": False,
                "error_code": 403,
                "description": "Forbidden: bot was blocked by the user",
            }
        if chat not in self.chats:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: chat not found",
            }
        with self.lock:
            message_id = len(self.messages) + 1
            self.messages.append(ChatSent(chat, text, message_id))
        return 200, {
            "ok": True,
            "result": {"message_id": message_id, "chat": {"id": int(chat)}, "text": text},
        }


class FakeVk(_Server):
    def __init__(self, token: str = "vk1.a.community-token", version: str = "5.199") -> None:
        super().__init__()
        self.token = token
        self.version = version
        self.allowed: set[str] = {"2001", "2002"}
        self._seen: dict[tuple[str, str], int] = {}

    def handle(self, path: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if path != "/method/messages.send":
            return 404, {"error": {"error_code": 3, "error_msg": "Unknown method passed"}}
        if params.get("access_token") != self.token:
            return 200, {"error": {"error_code": 5, "error_msg": "User authorization failed"}}
        if params.get("v") != self.version:
            return 200, {"error": {"error_code": 8, "error_msg": "Invalid request: v is required"}}
        failure = self._take_failure()
        if failure:
            return 200, {"error": {"error_code": failure, "error_msg": "injected"}}
        peer, random_id = str(params.get("peer_id", "")), str(params.get("random_id", ""))
        if peer not in self.allowed:
            return 200, {
                "error": {
                    "error_code": 901,
                    "error_msg": "Can't send messages for users without permission",
                }
            }
        with self.lock:
            if (peer, random_id) in self._seen:  # VK ignores a repeated random_id
                return 200, {"response": self._seen[(peer, random_id)]}
            message_id = len(self.messages) + 1
            self.messages.append(ChatSent(peer, str(params.get("message", "")), message_id))
            self._seen[(peer, random_id)] = message_id
        return 200, {"response": message_id}
