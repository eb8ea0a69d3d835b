"""The ``santa`` command as a whole: help everywhere, version, completion, lazy start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from santa_cli import _helpgen
from santa_cli.main import app

ROOT = Path(__file__).resolve().parents[2]
#: What ``santa --help`` and ``santa box list --help`` must not import (start-up cost).
HEAVY = ("rich", "httpx", "sqlalchemy", "pydantic", "santa_core", "santa_sdk", "pygments")


def _all_commands() -> list[list[str]]:
    """Every command path of the tree, groups and verbs, at any depth (lazy groups loaded)."""
    return list(_helpgen.command_paths())


def _click_command(path: list[str]) -> tuple[Any, Any]:
    """The click command at ``path`` and a context for it."""
    command: Any = typer.main.get_command(app)
    ctx = command.context_class(command, info_name="santa")
    for name in path:
        command = command.get_command(ctx, name)
        ctx = command.context_class(command, info_name=name, parent=ctx)
    return command, ctx


def test_every_command_has_help_with_an_example_and_flags_take_no_value() -> None:
    cli = CliRunner()
    missing = []
    paths = _all_commands()
    assert [] in paths
    assert ["box", "list"] in paths
    for path in paths:
        result = cli.invoke(app, [*path, "--help"], env={"COLUMNS": "100"})
        assert result.exit_code == 0, (path, result.output)
        assert "<bool>" not in result.output, path
        command, ctx = _click_command(path)
        for param in command.get_params(ctx):
            record = param.get_help_record(ctx)
            if getattr(param, "is_flag", False) and record is not None:
                # A flag takes no value: no ``<bool>``/``BOOLEAN`` after its name.
                assert "<" not in record[0], (path, record)
                assert "BOOLEAN" not in record[0], (path, record)
        is_group = hasattr(command, "list_commands")  # a group lists its verbs instead
        if path and not is_group and "Example" not in result.output and path[0] != "boxes":
            missing.append(" ".join(path))
    assert missing == [], "commands without an example in --help"


def test_prerendered_help_is_what_typer_prints() -> None:
    """``santa_cli/_help_text.py`` is current: ``python -m santa_cli._helpgen --write``."""
    assert _helpgen.TARGET.read_text(encoding="utf-8") == _helpgen.source()


def test_help_is_served_without_typer_and_falls_back_to_it() -> None:
    probe = (
        "import sys\n"
        "from santa_cli import launch\n"
        "sys.argv = ['/usr/bin/santa', *sys.argv[1:]]\n"
        "try:\n    launch.main()\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        "print('\\n' + __import__('json').dumps([code, 'typer' in sys.modules]))"
    )

    def run(*args: str, columns: str = "100") -> tuple[str, list[object]]:
        env = {**os.environ, "COLUMNS": columns}
        done = subprocess.run(
            [sys.executable, "-c", probe, *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        *text, last = done.stdout.rstrip("\n").split("\n")
        return "\n".join(text), json.loads(last)

    text, (code, typer_loaded) = run("box", "list", "--help")
    assert (code, typer_loaded) == (0, False)
    assert text.startswith("Usage: santa box list [OPTIONS]")
    assert run("-h")[1] == [0, False]
    # Narrow terminal, an argument before --help, a flag: Typer renders it.
    assert run("box", "list", "--help", columns="60")[1] == [0, True]
    assert run("box", "show", "some-id", "--help")[1] == [0, True]
    assert run("--debug", "--help")[1] == [0, True]
    assert run("--version")[1] == [0, True]


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"santa {version('santa')}"


def _santa(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("SANTA_")}
    return subprocess.run(
        [str(Path(sys.executable).with_name("santa")), *args],  # the installed script
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("shell", "script", "rc_file"),
    [("bash", ".bash_completions/santa.sh", ".bashrc"), ("zsh", ".zfunc/_santa", ".zshrc")],
)
def test_install_completion(tmp_path: Path, shell: str, script: str, rc_file: str) -> None:
    # Typer asks shellingham which shell runs us; the test names it instead.
    done = _santa(
        "--install-completion",
        shell,
        HOME=str(tmp_path),
        SHELL=f"/bin/{shell}",
        _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    written = (tmp_path / script).read_text()
    assert "_SANTA_COMPLETE" in written
    assert (
        script.split("/")[-1] in (tmp_path / rc_file).read_text()
        or ".zfunc" in (tmp_path / rc_file).read_text()
    )


def test_completion_lists_lazy_commands() -> None:
    done = _santa(_SANTA_COMPLETE="complete_bash", COMP_WORDS="santa bo", COMP_CWORD="1")
    assert done.returncode == 0, done.stderr
    assert "box" in done.stdout.split()


@pytest.mark.parametrize("args", [["--help"], ["box", "list", "--help"]])
def test_help_imports_nothing_heavy(args: list[str]) -> None:
    probe = (
        f"HEAVY = {HEAVY!r}\n"
        "import sys, runpy; sys.argv = ['santa', *sys.argv[1:]];\n"
        "try:\n    runpy.run_module('santa_cli.main', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in HEAVY)\n"
        "print('\\n' + __import__('json').dumps(heavy))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], loaded


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    plain = _santa("whoami", SANTA_SERVER="http://127.0.0.1:9", SANTA_TOKEN="t")
    assert plain.returncode == 1
    assert plain.stderr.startswith("error[connection_failed]")
    assert "Traceback" not in plain.stderr
    debug = _santa("--debug", "whoami", SANTA_SERVER="http://127.0.0.1:9", SANTA_TOKEN="t")
    assert "Traceback" in debug.stderr


def test_group_without_command_shows_help() -> None:
    result = CliRunner().invoke(app, ["people"])
    assert "Usage:" in result.output
    assert "import" in result.output
    assert isinstance(typer.Typer, type)
