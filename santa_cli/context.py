"""What commands share: settings and a database, built lazily from the environment.

Nothing heavy is imported at module level: ``santa --help`` and ``santa draw``
must not pay for SQLAlchemy and pydantic-settings.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from santa_core.config import Settings


@cache
def settings() -> Settings:
    from santa_core.config import get_settings

    return get_settings()


@cache
def engine() -> Engine:
    from santa_core import crypto
    from santa_core.db import make_engine

    s = settings()
    crypto.install_keyring(
        crypto.Keyring.from_secrets([k.get_secret_value() for k in s.encryption_keys])
    )
    return make_engine(s.database_url_obj)
