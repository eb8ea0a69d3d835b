"""schemathesis (every phase, every check) over the served spec, as organizer and participant.

A fresh SQLite database with one seeded box (drawn, so every route has data),
the app served by uvicorn on loopback, then ``schemathesis run`` once per role.
Fails on any check failure and on the ``validation_mismatch`` warning (the
schema accepts what the server refuses, or the reverse). The hooks in
``scripts/schemathesis_hooks.py`` sign in again after a logout and keep positive
cases within the rules between fields that JSON Schema cannot state.

Usage: uv run python scripts/schemathesis_run.py [--max-examples N] [extra schemathesis args]
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONFIG = """
[warnings]
fail-on = ["validation_mismatch"]
"""


def main(argv: list[str]) -> int:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from santa_core import crypto, migrate, models
    from santa_core.auth.passwords import hash_password
    from santa_core.models import BoxStatus
    from santa_server.app import create_app
    from tests.conftest import TEST_ENCRYPTION_KEY, make_settings
    from tests.live import live_server
    from tests.server.test_boxes_permissions import build_world

    crypto.install_keyring(crypto.Keyring.from_secrets([TEST_ENCRYPTION_KEY]))
    examples = "5"
    if "--max-examples" in argv:
        i = argv.index("--max-examples")
        examples = argv[i + 1]
        argv = argv[:i] + argv[i + 2 :]
    with tempfile.TemporaryDirectory(prefix="santa-st-") as tmp:
        path = Path(tmp)
        settings = make_settings(
            path,
            f"sqlite:///{path / 'api.db'}",
            rate_limit_enabled=False,
            argon2_time_cost=1,
            argon2_memory_cost_kib=1024,
            argon2_parallelism=1,
        )
        app = create_app(settings)
        migrate.upgrade(app.state.engine)
        world = build_world(app.state.engine, settings, BoxStatus.MATCHED)
        # A password the fuzzer does not know: without one, deleting the account or
        # setting a password needs no proof, and the run would delete its own user.
        with Session(app.state.engine) as s:
            for user in world.users.values():
                s.get_one(models.User, user.id).password_hash = hash_password(
                    settings, secrets.token_urlsafe(16)
                )
            s.commit()
            members = s.scalars(
                select(models.Participant.id).where(models.Participant.box_id == world.box_id)
            ).all()
        config = path / "schemathesis.toml"
        config.write_text(CONFIG)
        status = 0
        with live_server(app) as base:
            for role in ("organizer", "participant"):
                print(f"== schemathesis as the {role}", flush=True)
                result = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "schemathesis.cli",
                        "--config-file",
                        str(config),
                        "run",
                        f"{base}/openapi.json",
                        "--url",
                        base,
                        "--checks",
                        "all",
                        "--max-examples",
                        examples,
                        "--seed",
                        "1",
                        *argv,
                    ],
                    cwd=ROOT,
                    env={
                        **os.environ,
                        "SCHEMATHESIS_HOOKS": "scripts.schemathesis_hooks",
                        "SANTA_ST_DIR": str(path),
                        "SANTA_ST_USER": str(world.users[role].id),
                        "SANTA_ST_BOX": str(world.box_id),
                        "SANTA_ST_MEMBERS": ",".join(str(m) for m in members),
                    },
                    check=False,
                )
                status = status or result.returncode
        return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
