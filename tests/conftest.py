"""Test harness: every database test runs on SQLite and on real PostgreSQL.

Services come from ``SANTA_TEST_DATABASE_URL`` (a PostgreSQL server we may
create databases on; default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``)
and ``SANTA_TEST_REDIS_URL`` (default ``redis://127.0.0.1:6379/0``). Each run
creates its own PostgreSQL database (so parallel runs never meet), builds the
schema with Alembic, and isolates each test in a transaction rolled back at the
end (``db``) or, for tests that need real commits (the API), by emptying the
tables afterwards (``engine``/``client``).

With ``CI=true`` a missing service stops the run with a message naming it;
locally, the leg that cannot run is skipped and one loud line says so.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from santa_core import crypto, migrate, models
from santa_core.config import Settings
from santa_core.db import make_engine

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"
BACKENDS = ("sqlite", "postgresql")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

TEST_SECRET = "test-secret-key-0123456789abcdef0123456789"
TEST_ENCRYPTION_KEY = "test-encryption-key-0123456789abcdef01234"

_service_problems: dict[str, str] = {}
_legs: Counter[str] = Counter()


def pg_admin_url() -> str:
    return os.environ.get("SANTA_TEST_DATABASE_URL", DEFAULT_PG)


def redis_test_url() -> str:
    return os.environ.get("SANTA_TEST_REDIS_URL", DEFAULT_REDIS)


def _probe_postgres() -> str | None:
    try:
        engine = make_engine(pg_admin_url(), poolclass=None)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:
        where = make_url(pg_admin_url()).render_as_string()
        return f"PostgreSQL at {where} is not reachable ({type(exc).__name__})"
    return None


def _probe_redis() -> str | None:
    import redis

    try:
        redis.Redis.from_url(redis_test_url(), socket_timeout=2).ping()
    except Exception as exc:
        return f"Redis at {redis_test_url()} is not reachable ({type(exc).__name__})"
    return None


def pytest_sessionstart(session: pytest.Session) -> None:
    crypto.install_keyring(crypto.Keyring.from_secrets([TEST_ENCRYPTION_KEY]))
    for name, probe in (("postgresql", _probe_postgres), ("redis", _probe_redis)):
        problem = probe()
        if problem is None:
            continue
        if IN_CI:
            pytest.exit(
                f"CI=true and a required service is missing: {problem}. "
                "Start it (see README, 'Running against PostgreSQL and Redis').",
                returncode=3,
            )
        _service_problems[name] = problem
        sys.stderr.write(f"\n!!! santa tests: {problem}: the {name} leg will NOT run !!!\n")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.passed:
        for backend in BACKENDS:
            if f"[{backend}" in report.nodeid or f"-{backend}]" in report.nodeid:
                _legs[backend] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    tr = terminalreporter
    tr.section("santa service legs")
    for backend in BACKENDS:
        tr.write_line(f"{backend} leg: {_legs[backend]} tests passed")
    for name, problem in _service_problems.items():
        tr.write_line(f"!!! the {name} leg did NOT run: {problem} !!!", red=True, bold=True)


# --- engines -----------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path = tmp_path_factory.mktemp("sqlite") / "santa.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@contextmanager
def scratch_pg_database(prefix: str, *, migrated: bool = True) -> Iterator[str]:
    """A new PostgreSQL database of its own on the test server (its URL), migrated to head
    unless ``migrated=False``, dropped afterwards even if connections are still open."""
    admin_url = make_url(pg_admin_url())
    name = f"{prefix}_{secrets.token_hex(4)}"
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = admin_url.set(database=name).render_as_string(hide_password=False)
        try:
            if migrated:
                engine = make_engine(url)
                try:
                    migrate.upgrade(engine)
                finally:
                    engine.dispose()
            yield url
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine]:
    if "postgresql" in _service_problems:
        pytest.skip(_service_problems["postgresql"])
    admin_url = make_url(pg_admin_url())
    name = f"santa_test_{secrets.token_hex(4)}"
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(admin_url.set(database=name), pool_size=10, max_overflow=30)
    try:
        migrate.upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _engine_for(request: pytest.FixtureRequest, backend: str) -> Engine:
    return request.getfixturevalue("sqlite_engine" if backend == "sqlite" else "pg_engine")


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test."""
    engine = _engine_for(request, backend)
    conn = engine.connect()
    trans = conn.begin()
    session = Session(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        yield session
    finally:
        session.close()
        trans.rollback()
        conn.close()


def truncate_all(engine: Engine) -> None:
    tables = list(reversed(models.Base.metadata.sorted_tables))
    with engine.begin() as conn:
        if engine.url.get_backend_name() == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture
def engine(request: pytest.FixtureRequest, backend: str) -> Iterator[Engine]:
    """A migrated engine whose committed data is wiped after the test."""
    eng = _engine_for(request, backend)
    try:
        yield eng
    finally:
        truncate_all(eng)


@pytest.fixture
def redis_url() -> str:
    if "redis" in _service_problems:
        pytest.skip(_service_problems["redis"])
    return redis_test_url()


def make_settings(tmp_path: Path, database_url: str | None = None, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": tmp_path,
        "database_url": database_url,
        "secret_key": TEST_SECRET,
        "encryption_keys": TEST_ENCRYPTION_KEY,
        "public_base_url": "http://testserver",
        "email_backend": "file",
        # Redis outlives a test: each Settings gets its own rate-limit counters so
        # one test's exhausted limit never answers 429 to another.
        "rate_limit_namespace": f"santa-test:{secrets.token_hex(6)}:ratelimit",
        # Likewise the job queue: two test runs on one machine share one Redis.
        "queue_name": f"santa-test-{secrets.token_hex(6)}",
        # Sign-ups answer no sooner than this (enumeration); the security tests use the default.
        "signup_answer_seconds": 0.0,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(tmp_path: Path, engine: Engine) -> Settings:
    return make_settings(tmp_path, engine.url.render_as_string(hide_password=False))


_LOGGERS = ("python_http_client", "alembic", "huey", "santa", "uvicorn", "uvicorn.access")


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """dictConfig changes process-wide state: put it back for the next tests."""
    root = logging.getLogger()
    saved_root = (root.level, list(root.handlers))
    saved = {
        name: (lg.level, list(lg.handlers), lg.propagate, lg.disabled)
        for name in _LOGGERS
        for lg in [logging.getLogger(name)]
    }
    try:
        yield
    finally:
        for handler in root.handlers:
            if handler not in saved_root[1]:
                handler.close()
        root.setLevel(saved_root[0])
        root.handlers[:] = saved_root[1]
        for name, (level, handlers, propagate, disabled) in saved.items():
            lg = logging.getLogger(name)
            lg.setLevel(level)
            lg.handlers[:] = handlers
            lg.propagate = propagate
            lg.disabled = disabled


@pytest.fixture(autouse=True)
def declared_problem_codes() -> Iterator[None]:
    """Fail a test in which a route answered with a problem code it does not declare.

    Every API test (and the schemathesis run) thereby checks the error contract of
    the routes it calls: declare a route's codes with ``santa_server.errors.problems``.
    """
    server_errors = sys.modules.get("santa_server.errors")
    if server_errors is None:
        yield
        return
    seen: list[str] = []
    server_errors.on_undeclared = lambda route, code: seen.append(f"{route} -> {code}")
    try:
        yield
    finally:
        server_errors.on_undeclared = server_errors.on_undeclared_default
    record = os.environ.get("SANTA_RECORD_PROBLEMS")
    if record:
        with open(record, "a") as out:
            out.writelines(line + "\n" for line in seen)
        return
    assert not seen, "problem codes their routes do not declare: " + ", ".join(sorted(set(seen)))
