"""The Dockerfile and compose.yaml, checked without Docker (none runs here).

compose.yaml must parse and name pinned images for every service of the stack;
the Dockerfile must build in stages, run as a non-root user, pin its base image,
copy only files that exist, and start the app the way the code expects.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PINNED = re.compile(r"^[\w./-]+:(v?\d+(\.\d+)+)[\w.-]*(@sha256:[0-9a-f]{64})?$")


def _compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "compose.yaml").read_text())
    assert isinstance(data, dict)
    return data


def _instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [(ln.split(None, 1)[0].upper(), ln.split(None, 1)[1]) for ln in lines]


def _args() -> dict[str, str]:
    return dict(arg.split("=", 1) for kind, arg in _instructions() if kind == "ARG" and "=" in arg)


class TestCompose:
    def test_the_whole_stack_is_there(self) -> None:
        services = _compose()["services"]
        assert {"api", "worker", "postgres", "redis", "mailpit", "migrate"} <= set(services)
        assert services["api"]["deploy"]["replicas"] == 2
        assert "ports" not in services["api"]  # reachable through the proxy only
        assert services["worker"]["command"][:2] == ["santa", "worker"]
        assert services["migrate"]["command"] == ["santa", "db", "upgrade"]

    def test_every_image_is_pinned(self) -> None:
        for name, service in _compose()["services"].items():
            image = service.get("image")
            assert image, f"{name} has no image"
            if "build" in service:
                continue  # santa itself, built from the Dockerfile
            assert ":latest" not in image
            assert PINNED.match(image), f"{name}: {image} is not pinned to a version"

    def test_apis_wait_for_migrations_and_are_checked_by_readiness(self) -> None:
        services = _compose()["services"]
        for name in ("api", "worker"):
            depends = services[name]["depends_on"]
            assert depends["migrate"]["condition"] == "service_completed_successfully"
        check = " ".join(services["api"]["healthcheck"]["test"])
        assert "/api/v1/health/ready" in check

    def test_secrets_are_required_not_defaulted(self) -> None:
        env = _compose()["x-santa-env"]
        assert env["SANTA_SECRET_KEY"].startswith("${SANTA_SECRET_KEY:?")
        assert env["SANTA_ENCRYPTION_KEYS"].startswith("${SANTA_ENCRYPTION_KEYS:?")
        assert env["SANTA_HASH_KEYS"].startswith("${SANTA_HASH_KEYS:?")

    def test_settings_named_in_compose_exist(self) -> None:
        from santa_core.config import Settings

        known = {f"SANTA_{name.upper()}" for name in Settings.model_fields} | {"SANTA_BIND"}
        assert set(_compose()["x-santa-env"]) <= known


class TestDockerfile:
    def test_multi_stage_and_non_root(self) -> None:
        steps = _instructions()
        froms = [arg for kind, arg in steps if kind == "FROM"]
        assert len(froms) >= 2
        users = [arg for kind, arg in steps if kind == "USER"]
        assert users, "the image runs as root"
        assert users[-1].split(":")[0] not in {"root", "0"}
        # USER comes after the last FROM: the runtime stage is the one that counts.
        kinds = [kind for kind, _ in steps]
        assert kinds.index("USER") > len(kinds) - 1 - kinds[::-1].index("FROM")

    def test_base_images_are_pinned(self) -> None:
        args = _args()
        for kind, arg in _instructions():
            if kind != "FROM":
                continue
            image = arg.split()[0]
            image = re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], image)
            assert "latest" not in image
            assert PINNED.match(image), f"{image} is not pinned"

    def test_copied_paths_exist_and_are_not_ignored(self) -> None:
        ignored = {
            ln.strip()
            for ln in (ROOT / ".dockerignore").read_text().splitlines()
            if ln.strip() and not ln.startswith("#")
        }
        for kind, arg in _instructions():
            if kind != "COPY" or "--from=" in arg:
                continue
            sources = [a for a in arg.split() if not a.startswith("--")][:-1]
            for source in sources:
                assert (ROOT / source).exists(), f"COPY {source}: no such file"
                assert source not in ignored, f"COPY {source}: excluded by .dockerignore"
        for needed in ("santa_server", "migrations", "uv.lock", "santa_server/webui"):
            assert needed not in ignored

    @pytest.mark.parametrize("tool", ["uv"])
    def test_tools_are_pinned(self, tool: str) -> None:
        runs = " ".join(arg for kind, arg in _instructions() if kind == "RUN")
        assert re.search(rf"\b{tool}==\d", runs), f"{tool} is installed unpinned"

    def test_the_command_starts_gunicorn_with_santa_config(self) -> None:
        import importlib

        (cmd,) = [arg for kind, arg in _instructions() if kind == "CMD"]
        assert "python:santa_server.gunicorn_conf" in cmd
        assert "santa_server.asgi:app_from_env()" in cmd
        assert importlib.util.find_spec("santa_server.gunicorn_conf") is not None
        assert any(kind == "HEALTHCHECK" for kind, _ in _instructions())
