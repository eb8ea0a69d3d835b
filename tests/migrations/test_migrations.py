"""Alembic revisions and the models agree, both ways, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from santa_core import migrate, models
from santa_core.db import make_engine
from tests.conftest import scratch_pg_database


@pytest.fixture
def fresh_engine(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An empty database of its own (migrations go up and down on it)."""
    if backend == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
        yield engine
        engine.dispose()
        return
    request.getfixturevalue("pg_engine")  # skips or fails loudly when PostgreSQL is missing
    with scratch_pg_database("santa_mig", migrated=False) as url:
        engine = make_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()


class TestMigrations:
    def test_upgrade_to_head_matches_models(self, fresh_engine: Engine) -> None:
        migrate.upgrade(fresh_engine)
        report = migrate.check(fresh_engine)
        assert report.current == migrate.head_revision()
        assert report.differences == []
        tables = set(inspect(fresh_engine).get_table_names())
        assert set(models.Base.metadata.tables) <= tables

    def test_downgrade_to_base_removes_everything(self, fresh_engine: Engine) -> None:
        migrate.upgrade(fresh_engine)
        migrate.downgrade(fresh_engine, "base")
        assert migrate.current_revision(fresh_engine) is None
        remaining = set(inspect(fresh_engine).get_table_names()) - {"alembic_version"}
        assert remaining == set()

    def test_check_detects_drift(self, fresh_engine: Engine) -> None:
        migrate.upgrade(fresh_engine)
        with fresh_engine.begin() as conn:
            conn.execute(text("CREATE TABLE stray (id INTEGER PRIMARY KEY)"))
        report = migrate.check(fresh_engine)
        assert not report.ok
        assert any("stray" in str(d) for d in report.differences)

    def test_check_reports_pending_migrations(self, fresh_engine: Engine) -> None:
        report = migrate.check(fresh_engine)
        assert report.current is None
        assert not report.up_to_date


class TestDbCommand:
    def _santa(
        self, engine: Engine, *args: str, tmp_path: Path
    ) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "SANTA_DATABASE_URL": engine.url.render_as_string(hide_password=False),
            "SANTA_DATA_DIR": str(tmp_path),
        }
        return subprocess.run(
            [sys.executable, "-m", "santa_cli.main", "db", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )

    def test_upgrade_then_check_reports_no_drift(
        self, fresh_engine: Engine, tmp_path: Path
    ) -> None:
        pending = self._santa(fresh_engine, "check", tmp_path=tmp_path)
        assert pending.returncode == 1
        assert "migrations_pending" in pending.stderr
        assert "Traceback" not in pending.stderr

        up = self._santa(fresh_engine, "upgrade", tmp_path=tmp_path)
        assert up.returncode == 0, up.stderr
        check = self._santa(fresh_engine, "check", tmp_path=tmp_path)
        assert check.returncode == 0, check.stderr
        assert "no drift" in check.stdout

        current = self._santa(fresh_engine, "current", "--json", tmp_path=tmp_path)
        assert '"current": "' + str(migrate.head_revision()) + '"' in current.stdout

        down = self._santa(fresh_engine, "downgrade", "base", tmp_path=tmp_path)
        assert down.returncode == 0, down.stderr
        assert migrate.current_revision(fresh_engine) is None
