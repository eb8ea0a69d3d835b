"""A loopback HTTP server speaking VK ID's OAuth 2.1 endpoints.

- ``GET /authorize``: the consent page, answered at once for the configured
  user: redirects to ``redirect_uri`` with ``code``, ``state``, ``device_id``.
- ``POST /oauth2/auth``: exchanges a code; checks client, redirect URI, device,
  state and the PKCE S256 verifier; every code works once.
- ``POST /oauth2/user_info``: the user behind an access token.

Errors answer like VK ID: status 400/401 with ``{"error", "error_description"}``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

CLIENT_ID = "51234567"


@dataclass
class VKUser:
    user_id: str = "1234567"
    first_name: str = "Ivan"
    last_name: str = "Petrov"
    email: str | None = "ivan@example.ru"


@dataclass
class _Grant:
    client_id: str
    redirect_uri: str
    challenge: str
    state: str
    device_id: str
    used: bool = False


@dataclass
class VKServer:
    base_url: str
    user: VKUser
    grants: dict[str, _Grant] = field(default_factory=dict)
    tokens: dict[str, VKUser] = field(default_factory=dict)
    #: Form bodies received by the token endpoint, in order.
    token_requests: list[dict[str, str]] = field(default_factory=list)

    @property
    def authorize_url(self) -> str:
        return f"{self.base_url}/authorize"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/oauth2/auth"

    @property
    def user_info_url(self) -> str:
        return f"{self.base_url}/oauth2/user_info"


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _handler(server: VKServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _error(self, status: int, error: str, description: str) -> None:
            self._json(status, {"error": error, "error_description": description})

        def _form(self) -> dict[str, str]:
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length).decode()
            return {k: v[0] for k, v in parse_qs(raw).items()}

        def do_GET(self) -> None:
            url = urlparse(self.path)
            if url.path != "/authorize":
                return self._error(404, "not_found", url.path)
            q = {k: v[0] for k, v in parse_qs(url.query).items()}
            if q.get("client_id") != CLIENT_ID or q.get("response_type") != "code":
                return self._error(400, "invalid_request", "unknown client")
            if q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
                return self._error(400, "invalid_request", "PKCE S256 required")
            code = secrets.token_urlsafe(24)
            device_id = secrets.token_urlsafe(12)
            server.grants[code] = _Grant(
                client_id=q["client_id"],
                redirect_uri=q["redirect_uri"],
                challenge=q["code_challenge"],
                state=q.get("state", ""),
                device_id=device_id,
            )
            params = {
                "code": code,
                "state": q.get("state", ""),
                "device_id": device_id,
                "type": "code_v2",
                "expires_in": "600",
            }
            self.send_response(302)
            self.send_header("Location", f"{q['redirect_uri']}?{urlencode(params)}")
            self.end_headers()
            return None

        def do_POST(self) -> None:
            form = self._form()
            path = urlparse(self.path).path
            if path == "/oauth2/auth":
                server.token_requests.append(form)
                return self._token(form)
            if path == "/oauth2/user_info":
                return self._user_info(form)
            return self._error(404, "not_found", path)

        def _token(self, form: dict[str, str]) -> None:
            if form.get("grant_type") != "authorization_code":
                return self._error(400, "unsupported_grant_type", "authorization_code only")
            grant = server.grants.get(form.get("code", ""))
            if grant is None or grant.used:
                return self._error(400, "invalid_grant", "code is invalid or used")
            grant.used = True
            checks = {
                "client_id": form.get("client_id") == grant.client_id,
                "redirect_uri": form.get("redirect_uri") == grant.redirect_uri,
                "device_id": form.get("device_id") == grant.device_id,
                "state": form.get("state") == grant.state,
                "code_verifier": _s256(form.get("code_verifier", "")) == grant.challenge,
            }
            failed = [name for name, ok in checks.items() if not ok]
            if failed:
                return self._error(400, "invalid_grant", f"mismatch: {', '.join(failed)}")
            access = secrets.token_urlsafe(24)
            server.tokens[access] = server.user
            self._json(
                200,
                {
                    "access_token": access,
                    "refresh_token": secrets.token_urlsafe(24),
                    "id_token": "not.checked.here",
                    "token_type": "Bearer",
                    "expires_in": 3600,
                    "user_id": int(server.user.user_id),
                    "state": grant.state,
                    "scope": "email",
                },
            )
            return None

        def _user_info(self, form: dict[str, str]) -> None:
            user = server.tokens.get(form.get("access_token", ""))
            if user is None or form.get("client_id") != CLIENT_ID:
                return self._error(401, "invalid_token", "access token is invalid")
            body: dict[str, Any] = {
                "user_id": user.user_id,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "avatar": "https://example.invalid/a.png",
                "sex": 2,
                "verified": False,
            }
            if user.email:
                body["email"] = user.email
            self._json(200, {"user": body})
            return None

    return Handler


@contextmanager
def run_vk_server(user: VKUser | None = None) -> Iterator[VKServer]:
    state = VKServer(base_url="", user=user or VKUser())
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
