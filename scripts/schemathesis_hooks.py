"""schemathesis hooks for ``scripts/schemathesis_run.py`` (loaded through ``SCHEMATHESIS_HOOKS``).

- **A session that comes back.** The fuzzer calls ``POST /auth/logout`` (and may end
  sessions in other ways) with the caller's token, which rightly ends that session.
  Like a real client, it then signs in again: the auth provider mints a fresh session
  of the same user (``SANTA_ST_USER``) on the run's database and replays the request
  that got the 401 once. (The users have a password the fuzzer does not know, so it
  cannot delete the account or change the password.)
- **Rules between fields.** Positive cases are brought within the rules between fields
  that JSON Schema cannot state (``scripts/schemathesis_rules.py``), so "schema-valid
  request rejected" only ever means the schema is wrong.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

import schemathesis

from santa_core import crypto
from scripts.schemathesis_rules import within_rules
from tests.conftest import TEST_ENCRYPTION_KEY, make_settings
from tests.server.boxkit import session_token

_DIR = Path(os.environ["SANTA_ST_DIR"])
_USER = uuid.UUID(os.environ["SANTA_ST_USER"])
_BOX = os.environ["SANTA_ST_BOX"]
_MEMBERS = os.environ["SANTA_ST_MEMBERS"].split(",")
SETTINGS = make_settings(_DIR, os.environ["SANTA_ST_DATABASE_URL"])
crypto.install_keyring(crypto.Keyring.from_secrets([TEST_ENCRYPTION_KEY]))


@schemathesis.auth(retry_on=[401])
class FreshSession:
    """A bearer token of a live session of the run's user, renewed when a 401 says it ended."""

    def get(self, case: Any, ctx: Any) -> str:
        return session_token(SETTINGS, _USER)

    def set(self, case: Any, data: str, ctx: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@schemathesis.hook
def map_case(context: Any, case: Any) -> Any:
    return within_rules(case, box=_BOX, members=_MEMBERS)
