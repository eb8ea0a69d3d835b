"""Key rotation: prepending keys breaks nothing, `santa keys rotate` re-encrypts every
encrypted column (resumable after kill -9), and the old key can go afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, Text, select, type_coerce
from sqlalchemy.orm import Session

from santa_core import crypto, models
from santa_core.config import Settings
from santa_core.keys import rotate as rotation
from santa_core.models import BoxStatus
from santa_server.app import create_app
from tests.conftest import TEST_ENCRYPTION_KEY, make_settings
from tests.factories import make_box, make_member, make_user
from tests.server.auth_support import (
    API,
    FAST_HASH,
    PASSWORD,
    last_link_token,
    login,
    register,
)
from tests.server.test_boxes_permissions import build_world

ROOT = Path(__file__).resolve().parents[3]
OLD_ENC = "e2025:" + "o" * 40
NEW_ENC = "e2026:" + "n" * 40
OLD_HASH = "h2025:" + "p" * 40
NEW_HASH = "h2026:" + "q" * 40


@pytest.fixture(autouse=True)
def restore_keyring() -> Iterator[None]:
    yield
    crypto.install_keyring(crypto.Keyring.from_secrets([TEST_ENCRYPTION_KEY]))


def _settings(tmp_path: Path, engine: Engine, enc: list[str], hashes: list[str]) -> Settings:
    return make_settings(
        tmp_path,
        engine.url.render_as_string(hide_password=False),
        encryption_keys=",".join(enc),
        hash_keys=",".join(hashes),
        **FAST_HASH,
    )


class TestPrependingKeys:
    def test_pending_secrets_survive_new_keys(self, tmp_path: Path, engine: Engine) -> None:
        before = _settings(tmp_path, engine, [OLD_ENC], [OLD_HASH])
        with TestClient(create_app(before)) as c:
            world = build_world(engine, before, BoxStatus.DRAFT)
            register(c, "keeper@example.com")
            session = login(c, "keeper@example.com", transport="body")
            c.post(f"{API}/auth/password-reset", json={"email": "keeper@example.com"})
            reset = last_link_token(engine, "reset_password", "keeper@example.com")
            verify = last_link_token(engine, "verify_email", "keeper@example.com")
        after = _settings(tmp_path, engine, [NEW_ENC, OLD_ENC], [NEW_HASH, OLD_HASH])
        with TestClient(create_app(after)) as c:
            assert c.get(f"{API}/invitations/{world.invite_code}").status_code == 200
            assert c.get(f"{API}/invitations/{world.link_code}").status_code == 200
            r = c.post(f"{API}/auth/refresh", json={"refresh_token": session["refresh_token"]})
            assert r.status_code == 200, r.text
            assert c.post(f"{API}/auth/verify-email", json={"token": verify}).status_code == 204
            r = c.post(
                f"{API}/auth/password-reset/confirm",
                json={"token": reset, "new_password": PASSWORD + "!"},
            )
            assert r.status_code == 204, r.text
            # new secrets are hashed with the new key
            with Session(engine) as s:
                stored = s.scalars(select(models.RefreshToken.token_hash)).all()
            assert any(h.startswith("h2026$") for h in stored)

    def test_stored_values_name_their_key(self) -> None:
        ring = crypto.Keyring.from_secrets([NEW_ENC, OLD_ENC], [NEW_HASH, OLD_HASH])
        assert ring.encrypt("x").startswith("enc1:e2026:")
        assert ring.hash("code").startswith("h2026$")
        old = crypto.Keyring.from_secrets([OLD_ENC], [OLD_HASH])
        assert ring.decrypt(old.encrypt("secret")) == "secret"
        assert old.hash("code") in ring.hash_candidates("code")

    def test_legacy_keys_keep_working(self) -> None:
        legacy = crypto.Keyring.from_secrets(["l" * 40])  # no ids, no hash keys (before)
        now = crypto.Keyring.from_secrets(["n" * 40, "l" * 40], [NEW_HASH])
        assert now.decrypt(legacy.encrypt("addr")) == "addr"
        assert legacy.hash("tok") in now.hash_candidates("tok")


def _seed(engine: Engine, n_participants: int) -> None:
    with Session(engine) as s:
        owner = make_user(s)
        box = make_box(s, owner=owner)
        box.address, box.phone = "Venue 1", "+100"
        for i in range(n_participants):
            p = make_member(s, box, make_user(s))
            p.wishes = f"wish {i}"
            p.wish_items = [{"title": f"item {i}"}]
            p.address = f"Street {i}"
            p.phone = f"+7 900 {i:07d}"
        s.add(
            models.OutboxMessage(
                kind="invite",
                recipient="x@example.org",
                payload={
                    "name": "Ann",
                    "sealed": {"accept_url": crypto.get_keyring().encrypt("u")},
                },
            )
        )
        s.commit()


def _due(engine: Engine, key_id: str) -> int:
    return sum(rotation.count_due(engine, t, key_id) for t in rotation.targets())


class TestRotate:
    def test_every_value_moves_to_the_new_key(self, tmp_path: Path, engine: Engine) -> None:
        crypto.install_keyring(crypto.Keyring.from_secrets([OLD_ENC], [OLD_HASH]))
        _seed(engine, 30)
        crypto.install_keyring(crypto.Keyring.from_secrets([NEW_ENC, OLD_ENC], [OLD_HASH]))
        assert _due(engine, "e2026") > 100
        summary = rotation.rotate(engine, batch_size=7)
        assert summary.failed == 0
        assert summary.rotated > 100
        assert _due(engine, "e2026") == 0
        assert rotation.rotate(engine).rotated == 0  # nothing left
        crypto.install_keyring(crypto.Keyring.from_secrets([NEW_ENC], [OLD_HASH]))  # old key gone
        with Session(engine) as s:
            people = s.scalars(select(models.Participant)).all()
            assert sorted(p.wishes for p in people if p.wishes)[:2] == ["wish 0", "wish 1"]
            assert sum(1 for p in people if p.address and p.phone) == 30
            (row,) = s.scalars(select(models.OutboxMessage)).all()
            from santa_core.notify.sealed import unseal_payload

            assert unseal_payload(row.payload)["accept_url"] == "u"

    def test_plain_values_from_before_get_encrypted(self, engine: Engine) -> None:
        _seed(engine, 1)
        table = models.Participant.__table__
        with engine.begin() as conn:  # a row as an older release wrote it
            conn.execute(table.update().values(wishes=type_coerce("a bike", Text())))
        rotation.rotate(engine)
        with engine.connect() as conn:
            raw = conn.scalar(select(type_coerce(table.c.wishes, Text())))
        assert raw is not None
        assert raw.startswith("enc1:")


def _cli_env(settings: Settings, keys: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANTA_")}
    env.update(
        SANTA_DATABASE_URL=settings.database_url or "",
        SANTA_DATA_DIR=str(settings.data_dir),
        SANTA_SECRET_KEY=settings.secret_key.get_secret_value(),
        SANTA_ENCRYPTION_KEYS=keys,
        SANTA_HASH_KEYS=OLD_HASH,
    )
    return env


@pytest.mark.slow
def test_rotate_survives_kill_9_and_resumes(settings: Settings, engine: Engine) -> None:
    crypto.install_keyring(crypto.Keyring.from_secrets([OLD_ENC], [OLD_HASH]))
    _seed(engine, 1500)
    env = _cli_env(settings, f"{NEW_ENC},{OLD_ENC}")
    total = _due(engine, "e2026")
    proc = subprocess.Popen(
        [sys.executable, "-m", "santa_cli.main", "keys", "rotate", "--batch-size", "20"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while _due(engine, "e2026") == total:
            assert proc.poll() is None, "rotate finished before it could be killed"
            assert time.monotonic() < deadline, "rotate made no progress"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    left = _due(engine, "e2026")
    assert 0 < left < total  # killed mid-run
    done = subprocess.run(
        [sys.executable, "-m", "santa_cli.main", "keys", "rotate"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "rows/s" in done.stdout
    assert _due(engine, "e2026") == 0
    crypto.install_keyring(crypto.Keyring.from_secrets([NEW_ENC], [OLD_HASH]))
    with Session(engine) as s:
        addresses = [p.address for p in s.scalars(select(models.Participant)) if p.address]
        assert len(addresses) == 1500
