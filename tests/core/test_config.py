"""Settings: defaults that run with nothing configured, refusals in production."""

from __future__ import annotations

import enum
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from santa_core.config import (
    EmailBackend,
    Environment,
    Settings,
    for_listener,
    get_settings,
    listen_url,
)
from santa_core.errors import ConfigurationError

GOOD_SECRET = "x" * 40


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in list(os.environ):
        if key.startswith("SANTA_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("SANTA_DATA_DIR", str(tmp_path))


@pytest.mark.usefixtures("clean_env")
class TestSettings:
    def test_defaults_are_embedded_sqlite(self, tmp_path: Path) -> None:
        s = get_settings()
        assert s.environment is Environment.DEVELOPMENT
        assert s.database_url_obj.get_backend_name() == "sqlite"
        assert s.database_url_obj.database == str(tmp_path / "santa.db")
        assert s.embedded
        assert s.email_backend is EmailBackend.FILE
        assert s.outbox_path == tmp_path / "outbox"

    def test_reads_prefixed_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SANTA_DATABASE_URL", "postgresql://u@db/santa")
        monkeypatch.setenv("SANTA_REDIS_URL", "redis://cache:6379/1")
        monkeypatch.setenv("SANTA_ENCRYPTION_KEYS", "k1-aaaaaaaa, k2-bbbbbbbb")
        s = get_settings()
        assert s.database_url_obj.drivername == "postgresql+psycopg"
        assert not s.embedded
        assert [k.get_secret_value() for k in s.encryption_keys] == ["k1-aaaaaaaa", "k2-bbbbbbbb"]

    def test_production_refuses_default_secret(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SANTA_ENVIRONMENT", "production")
        with pytest.raises(ConfigurationError, match="SANTA_SECRET_KEY"):
            get_settings()

    def test_production_refuses_default_encryption_key(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("SANTA_ENVIRONMENT", "production")
        monkeypatch.setenv("SANTA_SECRET_KEY", GOOD_SECRET)
        with pytest.raises(ConfigurationError, match="SANTA_ENCRYPTION_KEYS"):
            get_settings()

    def test_production_accepts_real_secrets(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SANTA_ENVIRONMENT", "production")
        monkeypatch.setenv("SANTA_SECRET_KEY", GOOD_SECRET)
        monkeypatch.setenv("SANTA_ENCRYPTION_KEYS", "y" * 40)
        with pytest.raises(ConfigurationError, match="SANTA_HASH_KEYS"):
            get_settings()  # production refuses to start without hash keys
        monkeypatch.setenv("SANTA_HASH_KEYS", "y" * 40)
        with pytest.raises(ConfigurationError, match="different from the encryption keys"):
            get_settings()
        monkeypatch.setenv("SANTA_HASH_KEYS", "h2026:" + "z" * 40)
        assert get_settings().is_production

    @pytest.mark.parametrize(
        ("url", "fragment"),
        [
            ("not a url", "not a database URL"),
            ("mysql://root@localhost/db", "unsupported database 'mysql'"),
        ],
    )
    def test_malformed_database_url(
        self, monkeypatch: pytest.MonkeyPatch, url: str, fragment: str
    ) -> None:
        monkeypatch.setenv("SANTA_DATABASE_URL", url)
        with pytest.raises(ConfigurationError, match=fragment):
            get_settings()

    @pytest.mark.parametrize(
        ("variable", "value", "fragment"),
        [
            ("SANTA_DATABASE_URL", "postgresql+psycopg2://u@db/x", "unsupported driver"),
            ("SANTA_DATABASE_URL", "sqlite+aiosqlite:///x.db", "unsupported driver"),
            ("SANTA_REDIS_URL", "localhost:6379", "not a Redis URL"),
            ("SANTA_LOG_LEVEL", "LOUD", "must be one of"),
            ("SANTA_WORKER_COUNT", "0", "greater than or equal to 1"),
            ("SANTA_PUBLIC_BASE_URL", "santa.example.org", "http:// or https://"),
        ],
    )
    def test_bad_values_name_the_variable(
        self, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, fragment: str
    ) -> None:
        monkeypatch.setenv(variable, value)
        with pytest.raises(ConfigurationError) as caught:
            get_settings()
        assert caught.value.message.startswith(variable)
        assert fragment in caught.value.message

    def test_accepted_spellings(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SANTA_LOG_LEVEL", "debug")
        monkeypatch.setenv("SANTA_REDIS_URL", "")
        monkeypatch.setenv("SANTA_DATABASE_URL", "sqlite+pysqlite:///x.db")
        s = get_settings()
        assert s.log_level == "DEBUG"
        assert s.embedded

    def test_unknown_environment_names_the_variable(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SANTA_ENVIRONMENT", "staging")
        with pytest.raises(ConfigurationError, match="SANTA_ENVIRONMENT"):
            get_settings()


def _run_santa(
    env_overrides: dict[str, str], tmp_path: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANTA_")}
    env.update({"SANTA_DATA_DIR": str(tmp_path), **env_overrides})
    return subprocess.run(
        [sys.executable, "-m", "santa_cli.main", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


class TestStartupRefusals:
    def test_production_without_secret_exits_with_one_line(self, tmp_path: Path) -> None:
        result = _run_santa({"SANTA_ENVIRONMENT": "production"}, tmp_path, "serve", "--port", "0")
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert "SANTA_SECRET_KEY" in lines[0]
        assert "Traceback" not in result.stderr

    @pytest.mark.parametrize("url", ["::garbage::", "oracle://scott@db/x"])
    def test_malformed_database_url_exits_with_one_line(self, tmp_path: Path, url: str) -> None:
        result = _run_santa({"SANTA_DATABASE_URL": url}, tmp_path, "serve", "--port", "0")
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert "SANTA_DATABASE_URL" in lines[0]

    def test_unreachable_database_is_one_line(self, tmp_path: Path) -> None:
        result = _run_santa(
            {"SANTA_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"},
            tmp_path,
            "db",
            "current",
        )
        assert result.returncode == 1
        assert result.stderr.startswith("error[database_unavailable]")
        assert "Traceback" not in result.stderr


class TestReadme:
    """The README's configuration table is the operator's reference: it must be complete."""

    def test_every_setting_is_documented_with_its_default(self) -> None:
        from santa_core.config import Settings

        readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
        section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("| `SANTA_")]
        documented: dict[str, str] = {}
        for row in rows:
            names, default = row.split(" | ")[:2]
            variables = re.findall(r"SANTA_[A-Z0-9_]+", names)
            defaults = [d.strip() for d in default.split(",")]
            for i, name in enumerate(variables):
                documented[name] = defaults[i] if len(defaults) == len(variables) else default
        missing = [
            f"SANTA_{name.upper()}"
            for name in Settings.model_fields
            if f"SANTA_{name.upper()}" not in documented
        ]
        assert missing == [], f"settings missing from the README table: {missing}"
        for name, field in Settings.model_fields.items():
            default = field.default
            if isinstance(default, bool):
                expected = str(default).lower()
            elif isinstance(default, int | float | str) and not isinstance(default, enum.Enum):
                expected = f"{default:g}" if isinstance(default, float) else str(default)
            elif isinstance(default, enum.Enum):
                expected = str(default.value)
            else:
                continue
            shown = documented[f"SANTA_{name.upper()}"]
            if "`" not in shown:  # described in words ("Google's")
                continue
            assert f"`{expected}`" in shown, f"SANTA_{name.upper()}: README says {shown}"


class TestListenerBaseUrl:
    """``santa serve --host H --port N`` links to ``http://H:N`` unless told otherwise."""

    def test_unset_base_url_follows_the_listener(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("SANTA_PUBLIC_BASE_URL", raising=False)
        settings = for_listener(Settings(), "127.0.0.5", 8123)
        assert settings.public_base_url == "http://127.0.0.5:8123"

    def test_explicit_base_url_wins(self) -> None:
        configured = Settings(public_base_url="https://santa.example.org")
        assert for_listener(configured, "127.0.0.1", 9000) is configured

    def test_explicit_base_url_from_the_environment_wins(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("SANTA_PUBLIC_BASE_URL", "https://santa.example.org")
        assert for_listener(Settings(), "127.0.0.1", 9000).public_base_url == (
            "https://santa.example.org"
        )

    @pytest.mark.parametrize(
        ("host", "url"),
        [
            ("0.0.0.0", "http://127.0.0.1:8001"),
            ("::", "http://127.0.0.1:8001"),
            ("::1", "http://[::1]:8001"),
            ("localhost", "http://localhost:8001"),
        ],
    )
    def test_listen_url(self, host: str, url: str) -> None:
        assert listen_url(host, 8001) == url
