"""argon2id hashing and the password policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from santa_core.auth import passwords
from santa_core.auth.errors import WeakPassword
from santa_core.config import Settings
from tests.conftest import make_settings

FAST = {"argon2_time_cost": 1, "argon2_memory_cost_kib": 1024, "argon2_parallelism": 1}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path, **FAST)


class TestHashing:
    def test_argon2id_with_salt(self, settings: Settings) -> None:
        a = passwords.hash_password(settings, "s3cret-pass")
        b = passwords.hash_password(settings, "s3cret-pass")
        assert a.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
        assert a != b
        assert "s3cret-pass" not in a

    def test_verify(self, settings: Settings) -> None:
        stored = passwords.hash_password(settings, "s3cret-pass")
        assert passwords.verify_password(settings, stored, "s3cret-pass").ok
        assert not passwords.verify_password(settings, stored, "s3cret-pasS").ok
        assert not passwords.verify_password(settings, None, "s3cret-pass").ok
        assert not passwords.verify_password(settings, "not-a-hash", "s3cret-pass").ok

    def test_stronger_settings_ask_for_a_rehash(self, settings: Settings, tmp_path: Path) -> None:
        stored = passwords.hash_password(settings, "s3cret-pass")
        stronger = make_settings(tmp_path, **{**FAST, "argon2_time_cost": 2})
        check = passwords.verify_password(stronger, stored, "s3cret-pass")
        assert check.ok
        assert check.needs_rehash
        assert not passwords.verify_password(settings, stored, "s3cret-pass").needs_rehash

    def test_default_cost_is_the_rfc_9106_profile(self, tmp_path: Path) -> None:
        hasher = passwords.hasher_for(make_settings(tmp_path))
        assert (hasher.time_cost, hasher.memory_cost, hasher.parallelism) == (3, 65536, 4)


class TestPolicy:
    @pytest.mark.parametrize(
        "password",
        ["short", "a" * 257, "ann@example.com", "ANN@example.com ", "ann"],
    )
    def test_refused(self, password: str) -> None:
        with pytest.raises(WeakPassword) as info:
            passwords.check_policy(password, email="ann@example.com")
        assert info.value.errors[0].loc == ("body", "password")

    def test_accepted(self) -> None:
        passwords.check_policy("ann-likes-tea", email="ann@example.com")
        passwords.check_policy("пароль-на-русском")
