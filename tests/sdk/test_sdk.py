"""The generated SDK matches the code and talks to a real server on loopback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from santa_core.auth.passwords import hash_password
from santa_core.config import Settings
from santa_sdk import connect
from santa_sdk.api.health import get_health
from santa_sdk.models import Health
from santa_server.app import create_app
from tests.live import live_server
from tests.server.boxkit import account

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


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


class TestSignIn:
    def test_a_newcomer_signs_in_works_and_signs_out(
        self, base_url: str, settings: Settings, engine: Engine
    ) -> None:
        from santa_sdk import AuthenticatedClient, sign_in
        from santa_sdk.api.auth import logout, refresh_session
        from santa_sdk.api.boxes import create_box
        from santa_sdk.api.users import get_me
        from santa_sdk.models import Box, BoxCreate, Problem, User

        account(engine, email="ann@example.org", password_hash=hash_password(settings, PASSWORD))
        with sign_in(base_url, "ann@example.org", PASSWORD) as client:
            assert isinstance(client, AuthenticatedClient)
            box = create_box.sync(client=client, body=BoxCreate(name="Office"))
            assert isinstance(box, Box)
            assert box.my_role == "organizer"
            # bodies that may be left out are left out (no crash in the generated call)
            refused = refresh_session.sync(client=client)
            assert isinstance(refused, Problem)
            assert refused.status == 401
            assert logout.sync_detailed(client=client).status_code == 204
            after = get_me.sync(client=client)
        assert not isinstance(after, User)
        assert isinstance(after, Problem)
        assert after.code == "session_revoked"

    def test_a_refusal_is_an_api_error_with_the_problem_code(
        self, base_url: str, settings: Settings, engine: Engine
    ) -> None:
        from santa_sdk import ApiError, sign_in

        account(engine, email="ann@example.org", password_hash=hash_password(settings, PASSWORD))
        with pytest.raises(ApiError) as err:
            sign_in(base_url, "ann@example.org", "wrong password", language="ru")
        assert err.value.code == "invalid_credentials"
        assert err.value.status == 401
        assert err.value.problem.detail == err.value.detail
        assert "парол" in err.value.detail  # the language reaches the server
