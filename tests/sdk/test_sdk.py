"""The generated SDK matches the code and talks to a real server on loopback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from santa_core.config import Settings
from santa_sdk import connect
from santa_sdk.api.health import get_health
from santa_sdk.models import Health
from santa_server.app import create_app
from tests.live import live_server

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def base_url(settings: Settings) -> Iterator[str]:
    with live_server(create_app(settings)) as url:
        yield url


class TestSpecDrift:
    def test_committed_openapi_matches_the_code(self) -> None:
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "openapi_dump.py"), "--check"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert result.returncode == 0, result.stderr

    def test_every_operation_has_an_explicit_id(self) -> None:
        import json

        spec = json.loads((ROOT / "openapi.json").read_text())
        ids = [
            op["operationId"]
            for item in spec["paths"].values()
            for op in item.values()
            if isinstance(op, dict) and "operationId" in op
        ]
        ops = [op for item in spec["paths"].values() for op in item.values()]
        assert len(ids) == len(ops)
        assert len(set(ids)) == len(ids)
        assert all(i.isidentifier() and i == i.lower() for i in ids)

    def test_every_operation_has_a_generated_module(self) -> None:
        import importlib
        import json

        spec = json.loads((ROOT / "openapi.json").read_text())
        for item in spec["paths"].values():
            for op in item.values():
                tag = op["tags"][0].replace("-", "_")
                importlib.import_module(f"santa_sdk.api.{tag}.{op['operationId']}")


class TestLiveServer:
    def test_health_through_the_sdk(self, base_url: str, backend: str) -> None:
        with connect(base_url) as client:
            health = get_health.sync(client=client)
        assert isinstance(health, Health)
        assert health.status == "ok"
        assert health.database.ok
        assert health.database.detail.startswith(backend)

    def test_unreachable_server_raises_transport_error(self) -> None:
        import httpx

        from tests.peers._net import free_port

        with (
            connect(f"http://127.0.0.1:{free_port()}", timeout=2) as client,
            pytest.raises(httpx.ConnectError),
        ):
            get_health.sync(client=client)
