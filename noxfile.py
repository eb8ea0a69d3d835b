"""Project tasks. `uv run nox` runs lint, typecheck, sdk_check, tests, frontend, e2e,
schemathesis and audit (what CI runs).

Sessions reuse the project's uv environment (no per-session virtualenvs), so
they start in a second; `uv sync` keeps that environment in step with uv.lock.
"""

from __future__ import annotations

import os

import nox

nox.options.default_venv_backend = "none"
nox.options.sessions = [
    "lint",
    "typecheck",
    "sdk_check",
    "tests",
    "frontend",
    "e2e",
    "schemathesis",
    "audit",
]
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


#: schemathesis' pytest plugin folds its operations into one item under xdist: run it alone.
SCHEMATHESIS_TESTS = "tests/server/test_schemathesis.py"


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite on SQLite and PostgreSQL (and Redis where needed), with coverage,
    in parallel worker processes (one per CPU, at most four; ``SANTA_TEST_WORKERS`` overrides;
    test files stay whole on one worker, in order).

    Extra arguments go to pytest instead of the defaults (one process, no coverage then):
    `uv run nox -s tests -- -k boxes -x`.
    """
    env = {"PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")}
    # The browser tests are their own session (`nox -s e2e`).
    if session.posargs:
        session.run("pytest", "--ignore=tests/e2e", *session.posargs, env=env)
        return
    workers = os.environ.get("SANTA_TEST_WORKERS") or str(min(4, os.cpu_count() or 1))
    session.run(
        "pytest",
        "--ignore=tests/e2e",
        f"--ignore={SCHEMATHESIS_TESTS}",
        "-q",
        "--numprocesses",
        workers,
        "--dist",
        "loadfile",
        "--cov",
        "--cov-report=",
        env=env,
    )
    session.run(
        "pytest",
        SCHEMATHESIS_TESTS,
        "-q",
        "--cov",
        "--cov-append",
        "--cov-report=term:skip-covered",
        env=env,
    )


@nox.session
def sdk(session: nox.Session) -> None:
    """Regenerate openapi.json, santa_sdk/_generated, the UI's TS types and the CLI's help."""
    session.run("bash", "scripts/generate_sdk.sh", external=True)
    session.run("python", "-m", "santa_cli._helpgen", "--write", external=True)


@nox.session
def sdk_check(session: nox.Session) -> None:
    """Fail when openapi.json, santa_sdk/_generated, the TS types or the CLI's help drift."""
    session.run("bash", "scripts/generate_sdk.sh", "--check", external=True)
    session.run("python", "-m", "santa_cli._helpgen", "--check", external=True)


@nox.session
def benchmarks(session: nox.Session) -> None:
    """Run every benchmark script and print its figures."""
    import glob

    for script in sorted(glob.glob("benchmarks/*.py")):
        session.run("python", script, external=True)


@nox.session
def frontend(session: nox.Session) -> None:
    """The web UI: npm ci (when node_modules is missing or stale), lint, type check,
    vitest, then the build into santa_server/webui/dist (committed, served by santa serve).

    With CI=true (or `-- --check`) the fresh build is compared with the committed bundle
    instead, failing with "run `uv run nox -s frontend` and commit" when they differ.
    """
    import shutil

    in_ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
    if shutil.which("npm") is None:
        message = "Node/npm is not installed (apt-get install -y nodejs npm)"
        if in_ci:
            session.error(message)
        session.skip(f"!!! {message}: the web UI checks did NOT run !!!")
    check = "--check" in session.posargs or in_ci
    session.run("python", "scripts/webui_bundle.py", "--npm-ci-only")
    for script in ("lint", "typecheck", "test"):
        # CI=true: vitest runs once instead of watching.
        session.run("npm", "--prefix", "frontend", "run", script, external=True, env={"CI": "1"})
    session.run("python", "scripts/webui_bundle.py", *(["--check"] if check else []))


@nox.session
def e2e(session: nox.Session) -> None:
    """The web UI end to end in real headless Chromium (Debian's), against `santa serve`
    on SQLite and PostgreSQL; screenshots land in test-artifacts/screenshots."""
    args = session.posargs or ["-q"]
    session.run("pytest", "tests/e2e", *args)


@nox.session
def audit(session: nox.Session) -> None:
    """Known vulnerabilities: pip-audit on uv.lock, npm audit on frontend/ runtime packages.

    Fails on a found vulnerability. An unreachable advisory service is reported in
    one loud line and passes (SANTA_AUDIT_REQUIRED=1 makes it fail).
    """
    session.run("python", "scripts/audit.py")


@nox.session
def schemathesis(session: nox.Session) -> None:
    """schemathesis, every phase and every check, over the served spec as an organizer and as a
    participant, on SQLite and on PostgreSQL; fails on a check and on a schema/server mismatch
    warning.

    ``-- --database postgresql`` runs one database; other extra arguments go to
    ``schemathesis run`` (``-- --max-examples 50``)."""
    session.run("python", "scripts/schemathesis_run.py", *session.posargs)
