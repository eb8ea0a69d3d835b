"""Telegram Login: check the payload the login widget hands to the browser.

Telegram signs the fields with HMAC-SHA256 under ``SHA256(bot_token)`` over the
``key=value`` lines of every field but ``hash``, sorted by key
(https://core.telegram.org/widgets/login#checking-authorization). A payload is
accepted only if the signature matches and ``auth_date`` is recent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Mapping
from typing import Any

from santa_core.auth.errors import OAuthFailed
from santa_core.auth.social import SocialIdentity
from santa_core.db import utcnow

#: A clock ahead of Telegram's by this much is still fine.
CLOCK_SKEW_SECONDS = 60
PROFILE_FIELDS = ("username", "first_name", "last_name", "photo_url")


def data_check_string(fields: Mapping[str, Any]) -> str:
    return "\n".join(
        f"{key}={fields[key]}"
        for key in sorted(fields)
        if key != "hash" and fields[key] is not None
    )


def sign(fields: Mapping[str, Any], bot_token: str) -> str:
    secret = hashlib.sha256(bot_token.encode()).digest()
    return hmac.new(secret, data_check_string(fields).encode(), hashlib.sha256).hexdigest()


def verify_login(
    fields: Mapping[str, Any],
    *,
    bot_token: str,
    max_age_seconds: int,
    now: dt.datetime | None = None,
) -> SocialIdentity:
    """The identity in a signed widget payload; :class:`OAuthFailed` when it does not check out."""
    given = fields.get("hash")
    if not isinstance(given, str) or not hmac.compare_digest(
        sign(fields, bot_token).encode(), given.lower().encode()
    ):
        raise OAuthFailed("The Telegram sign-in data is not signed by our bot.", reason="signature")
    try:
        auth_date = int(fields["auth_date"])
        subject = str(int(fields["id"]))
    except (KeyError, TypeError, ValueError):
        raise OAuthFailed("The Telegram sign-in data is incomplete.", reason="fields") from None
    age = (now or utcnow()).timestamp() - auth_date
    if age < -CLOCK_SKEW_SECONDS:
        raise OAuthFailed(
            "The Telegram sign-in data is dated in the future. Check your clock and try again.",
            reason="future",
        )
    if age > max_age_seconds:
        raise OAuthFailed("The Telegram sign-in data is too old. Try again.", reason="stale")
    profile = {k: str(fields[k]) for k in PROFILE_FIELDS if fields.get(k) is not None}
    name = " ".join(profile[k] for k in ("first_name", "last_name") if k in profile)
    return SocialIdentity(
        provider="telegram",
        subject=subject,
        email=None,
        email_verified=False,
        full_name=name or profile.get("username", ""),
        profile=profile,
    )
