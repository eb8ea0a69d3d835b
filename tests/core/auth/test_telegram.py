"""Telegram login payload checks, against payloads signed the way Telegram signs them."""

from __future__ import annotations

import datetime as dt

import pytest

from santa_core.auth.errors import OAuthFailed
from santa_core.auth.social import SocialIdentity
from santa_core.auth.telegram import verify_login
from tests.peers.telegram import BOT_TOKEN, signed_login

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
T = int(NOW.timestamp())


def _verify(fields: dict[str, object]) -> SocialIdentity:
    return verify_login(fields, bot_token=BOT_TOKEN, max_age_seconds=3600, now=NOW)


class TestVerifyLogin:
    def test_valid(self) -> None:
        identity = _verify(
            signed_login(user_id=77, first_name="Ivan", last_name="P", username="ivp", auth_date=T)
        )
        assert identity.provider == "telegram"
        assert identity.subject == "77"
        assert identity.full_name == "Ivan P"
        assert identity.email is None
        assert identity.profile == {"username": "ivp", "first_name": "Ivan", "last_name": "P"}

    def test_extra_fields_are_signed_too(self) -> None:
        _verify(signed_login(auth_date=T, photo_url="https://t.me/i/userpic/1.jpg"))

    @pytest.mark.parametrize(
        ("field", "value"),
        [("id", 1), ("first_name", "Eve"), ("auth_date", T + 1), ("hash", "ab" * 32)],
    )
    def test_tampered(self, field: str, value: object) -> None:
        fields = signed_login(auth_date=T)
        fields[field] = value
        with pytest.raises(OAuthFailed) as info:
            _verify(fields)
        assert info.value.params["reason"] == "signature"

    def test_non_ascii_hash(self) -> None:
        fields = signed_login(auth_date=T)
        fields["hash"] = "é" * 64
        with pytest.raises(OAuthFailed):
            _verify(fields)

    def test_missing_hash(self) -> None:
        fields = signed_login(auth_date=T)
        del fields["hash"]
        with pytest.raises(OAuthFailed):
            _verify(fields)

    def test_other_bot(self) -> None:
        with pytest.raises(OAuthFailed):
            _verify(signed_login("111:another-bot", auth_date=T))

    @pytest.mark.parametrize(
        ("age", "refused"),
        [(3599, None), (3601, "stale"), (-30, None), (-61, "future")],
    )
    def test_freshness(self, age: int, refused: str | None) -> None:
        fields = signed_login(auth_date=T - age)
        if refused is None:
            _verify(fields)
        else:
            with pytest.raises(OAuthFailed) as info:
                _verify(fields)
            assert info.value.params["reason"] == refused
            assert ("future" in info.value.message) == (refused == "future")
