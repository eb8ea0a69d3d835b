"""Links that notifications carry: web pages, and signed per-user tokens.

Every web UI address santa_core hands out is built here (the web UI routes
match these paths).

Unsubscribe and calendar-feed links must work without signing in (mail
clients and calendar apps call them), so they carry a token: the user id and
an HMAC over it, keyed by ``SANTA_SECRET_KEY`` and a purpose. The calendar
token also covers a per-user version so the user can revoke an old feed URL.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from urllib.parse import urlencode

from santa_core.config import Settings
from santa_core.errors import NotFound

API = "/api/v1"


class InvalidLinkToken(NotFound):
    code = "invalid_link_token"
    default_message = "This link is invalid or no longer works."


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(settings: Settings, purpose: str, user_id: uuid.UUID, version: int) -> bytes:
    key = hashlib.sha256(b"santa-link:" + settings.secret_key.get_secret_value().encode()).digest()
    message = f"{purpose}:{user_id}:{version}".encode()
    return hmac.new(key, message, hashlib.sha256).digest()[:16]


def sign(settings: Settings, purpose: str, user_id: uuid.UUID, version: int = 0) -> str:
    return f"{_b64(user_id.bytes)}.{_b64(_mac(settings, purpose, user_id, version))}"


def verify(settings: Settings, purpose: str, token: str, version: int = 0) -> uuid.UUID:
    """The user id inside a valid token; :class:`InvalidLinkToken` otherwise."""
    try:
        raw_id, raw_mac = token.split(".", 1)
        user_id = uuid.UUID(bytes=_unb64(raw_id))
        mac = _unb64(raw_mac)
    except (ValueError, TypeError):
        raise InvalidLinkToken() from None
    if not hmac.compare_digest(mac, _mac(settings, purpose, user_id, version)):
        raise InvalidLinkToken()
    return user_id


def user_of(token: str) -> uuid.UUID:
    """The user id a token claims (unverified: look up the version, then :func:`verify`)."""
    try:
        return uuid.UUID(bytes=_unb64(token.split(".", 1)[0]))
    except (ValueError, TypeError):
        raise InvalidLinkToken() from None


def base(settings: Settings) -> str:
    return settings.public_base_url.rstrip("/")


def unsubscribe_url(settings: Settings, user_id: uuid.UUID) -> str:
    token = sign(settings, "unsubscribe", user_id)
    return f"{base(settings)}{API}/unsubscribe?{urlencode({'token': token})}"


def box_url(settings: Settings, box_id: uuid.UUID) -> str:
    return f"{base(settings)}/boxes/{box_id}"


def assignment_url(settings: Settings, box_id: uuid.UUID) -> str:
    return f"{base(settings)}/boxes/{box_id}/assignment"


def signin_url(settings: Settings) -> str:
    return f"{base(settings)}/signin"


def forgot_password_url(settings: Settings) -> str:
    return f"{base(settings)}/forgot-password"


def accept_url(settings: Settings, code: str) -> str:
    """The web page that opens an invitation or a box's join link."""
    return f"{base(settings)}/join/{code}"
