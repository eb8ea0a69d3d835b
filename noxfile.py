"""Project tasks. `uv run nox` runs lint, typecheck, sdk_check and tests (what CI runs).

Sessions reuse the project's uv environment (no per-session virtualenvs), so
they start in a second; `uv sync` keeps that environment in step with uv.lock.
"""

from __future__ import annotations

import os

import nox

nox.options.default_venv_backend = "none"
nox.options.sessions = ["lint", "typecheck", "sdk_check", "tests"]
nox.options.error_on_missing_interpreters = True


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint + format check) and import-linter (package boundaries)."""
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy: strict on santa_core, santa_cli and the SDK's public face, standard elsewhere."""
    session.run("mypy", "santa_core")
    session.run("mypy", "--strict", "santa_cli")
    session.run("mypy", "santa_server", "santa_cli", "santa_sdk/client.py")
    # The SDK as its users see it: typed public modules, strict.
    session.run("mypy", "--strict", "santa_sdk", "tests/sdk/typing_sample.py")


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite on SQLite and PostgreSQL (and Redis where needed), with coverage.

    Extra arguments go to pytest instead of the defaults (no coverage then):
    `uv run nox -s tests -- -k boxes -x`.
    """
    args = session.posargs or ["-q", "--cov", "--cov-report=term:skip-covered"]
    session.run("pytest", *args, env={"PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")})


@nox.session
def sdk(session: nox.Session) -> None:
    """Regenerate openapi.json and santa_sdk/_generated from the code."""
    session.run("bash", "scripts/generate_sdk.sh", external=True)


@nox.session
def sdk_check(session: nox.Session) -> None:
    """Fail when openapi.json or santa_sdk/_generated drift from the code."""
    session.run("bash", "scripts/generate_sdk.sh", "--check", external=True)


@nox.session
def benchmarks(session: nox.Session) -> None:
    """Run every benchmark script and print its figures."""
    import glob

    for script in sorted(glob.glob("benchmarks/*.py")):
        session.run("python", script, external=True)
