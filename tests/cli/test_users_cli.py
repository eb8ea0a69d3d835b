"""``santa users``: create, list, deactivate and activate accounts on a real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from santa_cli import context
from santa_cli.main import app
from santa_core import models
from santa_core.auth.errors import EmailTaken, WeakPassword
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.errors import UserNotFound
from santa_server.app import create_app
from tests.server.auth_support import API, FAST_HASH, login


@pytest.fixture
def cli(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    env = {
        "SANTA_DATABASE_URL": settings.database_url or "",
        "SANTA_DATA_DIR": str(settings.data_dir),
        "SANTA_SECRET_KEY": settings.secret_key.get_secret_value(),
        "SANTA_ENCRYPTION_KEYS": settings.encryption_keys[0].get_secret_value(),
        **{f"SANTA_{k.upper()}": str(v) for k, v in FAST_HASH.items()},
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    context.settings.cache_clear()
    context.runtime.cache_clear()
    yield CliRunner()
    context.engine().dispose()
    context.settings.cache_clear()
    context.runtime.cache_clear()


def _users(cli: CliRunner, *extra: str) -> list[dict[str, object]]:
    result = cli.invoke(app, ["users", "list", "--json", *extra])
    assert result.exit_code == 0, result.output
    users: list[dict[str, object]] = json.loads(result.stdout)["users"]
    return users


class TestCreate:
    def test_superuser_who_can_sign_in(self, cli: CliRunner, settings: Settings) -> None:
        result = cli.invoke(
            app,
            [
                "users",
                "create",
                "Root@Example.com",
                "--superuser",
                "--name",
                "Root",
                "--password-stdin",
                "--json",
            ],
            input="root password 1\n",
        )
        assert result.exit_code == 0, result.output
        created = json.loads(result.stdout)
        assert created["email"] == "root@example.com"
        assert created["is_superuser"] is True
        (listed,) = _users(cli)
        assert listed["email_verified"] is True
        assert listed["full_name"] == "Root"
        s = settings.model_copy(update=FAST_HASH)
        with TestClient(create_app(s)) as client:
            body = login(client, "root@example.com", "root password 1")
            assert client.get(f"{API}/users/me").json()["is_superuser"] is True
            assert body["user"]["id"] == created["id"]

    def test_prompted_password(self, cli: CliRunner) -> None:
        result = cli.invoke(
            app, ["users", "create", "p@example.com"], input="prompted secret\nprompted secret\n"
        )
        assert result.exit_code == 0, result.output
        assert "created user p@example.com" in result.stdout
        assert "prompted secret" not in result.stdout

    def test_without_password(self, cli: CliRunner) -> None:
        result = cli.invoke(app, ["users", "create", "np@example.com", "--no-password"])
        assert result.exit_code == 0, result.output

    def test_duplicate_and_weak(self, cli: CliRunner) -> None:
        cli.invoke(app, ["users", "create", "d@example.com", "--no-password"])
        result = cli.invoke(app, ["users", "create", "D@example.com", "--no-password"])
        assert result.exit_code == 1
        assert result.output.startswith(f"error[{EmailTaken.code}]")
        result = cli.invoke(
            app, ["users", "create", "w@example.com", "--password-stdin"], input="short\n"
        )
        assert result.exit_code == 2  # InvalidInput
        assert result.output.startswith(f"error[{WeakPassword.code}]")
        assert [u["email"] for u in _users(cli)] == ["d@example.com"]

    @pytest.mark.parametrize("email", ["not an email", "root@localhost", "@example.com"])
    def test_not_an_email_address(self, cli: CliRunner, email: str) -> None:
        result = cli.invoke(app, ["users", "create", email, "--no-password"])
        assert result.exit_code == 2
        assert "error[invalid_email]" in result.output
        assert _users(cli) == []


class TestActivation:
    def test_deactivate_then_activate(self, cli: CliRunner, settings: Settings) -> None:
        cli.invoke(
            app, ["users", "create", "u@example.com", "--password-stdin"], input="user password 1\n"
        )
        s = settings.model_copy(update=FAST_HASH)
        with TestClient(create_app(s)) as client:
            body = login(client, "u@example.com", "user password 1", transport="body")
            result = cli.invoke(app, ["users", "deactivate", "U@example.com"])
            assert result.exit_code == 0, result.output
            assert "deactivated" in result.stdout
            r = client.get(
                f"{API}/users/me", headers={"Authorization": f"Bearer {body['access_token']}"}
            )
            assert r.status_code == 401
            r = client.post(
                f"{API}/auth/login", json={"email": "u@example.com", "password": "user password 1"}
            )
            assert r.json()["code"] == "account_unavailable"
            result = cli.invoke(app, ["users", "activate", "u@example.com", "--json"])
            assert result.exit_code == 0, result.output
            assert json.loads(result.stdout) == {
                "id": _users(cli)[0]["id"],
                "email": "u@example.com",
                "is_active": True,
            }
            login(client, "u@example.com", "user password 1")
        assert _users(cli)[0]["is_active"] is True

    def test_unknown_email(self, cli: CliRunner) -> None:
        result = cli.invoke(app, ["users", "deactivate", "ghost@example.com", "--json"])
        assert result.exit_code == 1
        assert result.output.startswith(f"error[{UserNotFound.code}]")


class TestList:
    def test_table_and_deleted(self, cli: CliRunner, engine: Engine) -> None:
        assert "no users" in cli.invoke(app, ["users", "list"]).stdout
        for email in ("a@example.com", "b@example.com"):
            cli.invoke(app, ["users", "create", email, "--no-password"])
        with Session(engine) as s, s.begin():
            s.execute(
                update(models.User)
                .where(models.User.email == "b@example.com")
                .values(deleted_at=utcnow())
            )
        table = cli.invoke(app, ["users", "list"]).stdout
        assert "a@example.com" in table
        assert "b@example.com" not in table
        assert [u["deleted"] for u in _users(cli, "--deleted")] == [False, True]


def test_bad_input_exits_2_from_the_santa_command(tmp_path: Path) -> None:
    """A domain InvalidInput is bad input (exit 2), one line, never a traceback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANTA_")}
    env["SANTA_DATA_DIR"] = str(tmp_path)
    weak = subprocess.run(
        [sys.executable, "-m", "santa_cli.main", "users", "create", "w@x.org", "--password-stdin"],
        input="short\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert (weak.returncode, weak.stderr) == (
        2,
        "error[weak_password]: Use at least 8 characters.\n",
    )
