"""``santa outbox list`` and ``santa outbox retry`` against a real database."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, update
from typer.testing import CliRunner

from santa_cli import context
from santa_cli.main import app
from santa_core import models
from santa_core.config import Settings
from santa_core.db import make_sessionmaker, session_scope
from santa_core.models import OutboxStatus
from tests.core.jobs._support import add_rows, statuses
from tests.peers._net import free_port


@pytest.fixture
def cli(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    env = {
        "SANTA_DATABASE_URL": settings.database_url or "",
        "SANTA_DATA_DIR": str(settings.data_dir),
        "SANTA_ENCRYPTION_KEYS": settings.encryption_keys[0].get_secret_value(),
        # A queue nobody listens on: retry must still succeed without it.
        "SANTA_REDIS_URL": f"redis://127.0.0.1:{free_port()}/0",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    context.settings.cache_clear()
    context.runtime.cache_clear()
    yield CliRunner()
    context.engine().dispose()
    context.settings.cache_clear()
    context.runtime.cache_clear()


def _fail(engine: Engine, ids: list[uuid.UUID]) -> None:
    with session_scope(make_sessionmaker(engine)) as session:
        session.execute(
            update(models.OutboxMessage)
            .where(models.OutboxMessage.id.in_(ids))
            .values(status=OutboxStatus.FAILED, attempts=8, last_error="550 no such user")
        )


def test_list_shows_pending_and_failed(cli: CliRunner, engine: Engine) -> None:
    factory = make_sessionmaker(engine)
    pending = add_rows(factory, 2)
    failed = add_rows(factory, 1)
    _fail(engine, failed)
    result = cli.invoke(app, ["outbox", "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["messages"]
    assert {r["id"] for r in rows} == {str(i) for i in pending + failed}
    dead = next(r for r in rows if r["id"] == str(failed[0]))
    assert dead["status"] == "failed"
    assert dead["last_error"] == "550 no such user"
    only_failed = cli.invoke(app, ["outbox", "list", "-s", "failed"])
    assert str(failed[0]) in only_failed.stdout
    assert str(pending[0]) not in only_failed.stdout


def test_list_rejects_an_unknown_status(cli: CliRunner) -> None:
    result = cli.invoke(app, ["outbox", "list", "--status", "lost"])
    assert result.exit_code == 2
    assert "lost" in result.output


def test_retry_requeues_failed_rows(cli: CliRunner, engine: Engine) -> None:
    factory = make_sessionmaker(engine)
    failed = add_rows(factory, 3)
    _fail(engine, failed)
    result = cli.invoke(app, ["outbox", "retry", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"requeued": 3, "queue_signalled": False}
    rows = statuses(factory)
    assert all(rows[i].status is OutboxStatus.PENDING for i in failed)
    assert all(rows[i].attempts == 0 for i in failed)


def test_retry_by_id_requeues_only_those_rows(cli: CliRunner, engine: Engine) -> None:
    factory = make_sessionmaker(engine)
    failed = add_rows(factory, 3)
    _fail(engine, failed)
    result = cli.invoke(app, ["outbox", "retry", str(failed[0]), str(failed[2]), "--json"])
    assert result.exit_code == 0, repr(result.exception)
    assert json.loads(result.stdout)["requeued"] == 2
    rows = statuses(factory)
    assert [rows[i].status for i in failed] == [
        OutboxStatus.PENDING,
        OutboxStatus.FAILED,
        OutboxStatus.PENDING,
    ]
    assert rows[failed[0]].attempts == 0


def test_retry_by_id_refuses_sent_or_unknown_rows(cli: CliRunner, engine: Engine) -> None:
    factory = make_sessionmaker(engine)
    (sent,) = add_rows(factory, 1)
    with session_scope(factory) as session:
        session.execute(
            update(models.OutboxMessage)
            .where(models.OutboxMessage.id == sent)
            .values(status=OutboxStatus.SENT)
        )
    result = cli.invoke(app, ["outbox", "retry", str(sent)])
    assert result.exit_code == 2  # InvalidInput
    assert "Only failed or pending messages" in result.output
    assert statuses(factory)[sent].status is OutboxStatus.SENT
    unknown = uuid.uuid4()
    result = cli.invoke(app, ["outbox", "retry", str(unknown)])
    assert result.exit_code == 2
    assert f"No outbox message {unknown}." in result.output
    bad = cli.invoke(app, ["outbox", "retry", "not-a-uuid"])
    assert bad.exit_code == 2
    assert "UUID" in bad.output
