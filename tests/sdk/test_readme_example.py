"""The README's SDK example: it type-checks strictly, passes ruff, and runs against a server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from santa_core.auth.passwords import hash_password
from santa_core.config import Settings
from santa_server.app import create_app
from tests.live import live_server
from tests.server.boxkit import account

ROOT = Path(__file__).resolve().parents[2]


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The Python SDK") :]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the SDK section has no python example"
    return match.group(1)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "readme_example.py"
    path.write_text(readme_example(), encoding="utf-8")
    return path


def test_the_example_passes_mypy_strict_and_ruff(example: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MYPYPATH"}
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(example)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    ruff = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--line-length=100",
            "--select",
            "E,F,W,I,B,UP",
            str(example),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr


@pytest.fixture
def base_url(settings: Settings, engine: Engine) -> Iterator[str]:
    account(
        engine,
        email="me@example.org",
        full_name="Me",
        password_hash=hash_password(settings, "my password"),
    )
    with live_server(create_app(settings)) as base:
        yield base


def test_the_example_runs_against_a_live_server(
    base_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = readme_example().replace('"http://127.0.0.1:8000"', repr(base_url))
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})  # noqa: S102
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "invited 1"
    assert "Me joined" in out or any(line.startswith("Me ") for line in out)
    assert any(line.startswith("refused: validation_error") for line in out), out
