"""schemathesis (every phase, every check) over the served spec, as organizer and participant,
on SQLite and on PostgreSQL.

Per database, a fresh one (a SQLite file; a new database on the PostgreSQL test server,
dropped afterwards) with one seeded box (drawn, so every route has data), the app served
by uvicorn on loopback, then ``schemathesis run`` once per role.
Fails on any check failure and on the ``validation_mismatch`` warning (the
schema accepts what the server refuses, or the reverse). The hooks in
``scripts/schemathesis_hooks.py`` sign in again after a logout and keep positive
cases within the rules between fields that JSON Schema cannot state.

Usage: uv run python scripts/schemathesis_run.py [--database sqlite|postgresql]
       [--max-examples N] [extra schemathesis args]
(without ``--database``: both, one after the other)
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONFIG = """
[warnings]
fail-on = ["validation_mismatch"]
"""


def _option(argv: list[str], name: str) -> tuple[str | None, list[str]]:
    if name not in argv:
        return None, argv
    i = argv.index(name)
    if i + 1 >= len(argv):
        raise SystemExit(f"schemathesis_run: {name} needs a value")
    return argv[i + 1], argv[:i] + argv[i + 2 :]


def main(argv: list[str]) -> int:
    database, argv = _option(argv, "--database")
    examples, argv = _option(argv, "--max-examples")
    if database not in (None, "sqlite", "postgresql"):
        raise SystemExit(f"schemathesis_run: --database is sqlite or postgresql, not {database!r}")
    if database:
        return run_on(database, examples or "5", argv)
    # Both databases at once, each in its own process (its own server and clients); each
    # one's report is printed whole once both have finished.
    runs = {}
    with tempfile.TemporaryDirectory(prefix="santa-st-logs-") as logs:
        for backend in ("sqlite", "postgresql"):
            log = (Path(logs) / f"{backend}.log").open("w+")
            command = [sys.executable, __file__, "--database", backend]
            command += ["--max-examples", examples or "5", *argv]
            runs[backend] = (subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT), log)
        status = 0
        try:
            for backend, (proc, log) in runs.items():
                code = proc.wait()
                log.seek(0)
                print(f"\n======== schemathesis on {backend}: exit code {code}", flush=True)
                sys.stdout.write(log.read())
                status = status or code
        finally:
            for proc, log in runs.values():
                if proc.poll() is None:
                    proc.terminate()
                    proc.wait(30)
                log.close()
        print(f"======== schemathesis: {', '.join(runs)} done, exit code {status}", flush=True)
    return status


def run_on(backend: str, examples: str, argv: list[str]) -> int:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from santa_core import crypto, migrate, models
    from santa_core.auth.passwords import hash_password
    from santa_core.models import BoxStatus
    from santa_server.app import create_app
    from tests.conftest import TEST_ENCRYPTION_KEY, make_settings, scratch_pg_database
    from tests.live import live_server
    from tests.server.test_boxes_permissions import build_world

    crypto.install_keyring(crypto.Keyring.from_secrets([TEST_ENCRYPTION_KEY]))
    with ExitStack() as scratch:
        path = Path(scratch.enter_context(tempfile.TemporaryDirectory(prefix="santa-st-")))
        if backend == "postgresql":
            database_url = scratch.enter_context(scratch_pg_database("santa_st"))
        else:
            database_url = f"sqlite:///{path / 'api.db'}"
        settings = make_settings(
            path,
            database_url,
            rate_limit_enabled=False,
            argon2_time_cost=1,
            argon2_memory_cost_kib=1024,
            argon2_parallelism=1,
        )
        app = create_app(settings)
        scratch.callback(app.state.engine.dispose)
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
                print(f"== schemathesis as the {role} ({backend})", flush=True)
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
                        "SANTA_ST_DATABASE_URL": database_url,
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
