"""Telegram login widget payloads, signed the way Telegram signs them.

Written from Telegram's documentation, independently of santa's checker:
``hash = hex(HMAC_SHA256(key=SHA256(bot_token), msg=data_check_string))`` where
the data check string is ``key=value`` lines of all other fields, sorted by key.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Any

BOT_TOKEN = "123456789:AAE-test-bot-token-for-santa-tests-0"


def signed_login(
    bot_token: str = BOT_TOKEN,
    *,
    user_id: int = 4242,
    first_name: str = "Tanya",
    last_name: str | None = None,
    username: str | None = "tanya_t",
    auth_date: int | None = None,
    **extra: Any,
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": user_id,
        "first_name": first_name,
        "auth_date": int(time.time()) if auth_date is None else auth_date,
        **extra,
    }
    if last_name is not None:
        fields["last_name"] = last_name
    if username is not None:
        fields["username"] = username
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields))
    secret = hashlib.sha256(bot_token.encode()).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return fields
