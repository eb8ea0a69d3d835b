"""Signed per-user link tokens (unsubscribe, calendar feed)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from santa_core.notify import links
from tests.conftest import make_settings


def test_round_trip_and_tampering(tmp_path: Path) -> None:
    s = make_settings(tmp_path)
    uid = uuid.uuid4()
    token = links.sign(s, "unsubscribe", uid)
    assert links.verify(s, "unsubscribe", token) == uid
    assert links.user_of(token) == uid
    other = links.sign(s, "unsubscribe", uuid.uuid4())
    forged = token.split(".")[0] + "." + other.split(".")[1]
    for bad in (forged, token + "x", "garbage", "", token.replace(".", "")):
        with pytest.raises(links.InvalidLinkToken):
            links.verify(s, "unsubscribe", bad)


def test_purpose_version_and_key_are_bound(tmp_path: Path) -> None:
    s = make_settings(tmp_path)
    uid = uuid.uuid4()
    token = links.sign(s, "calendar", uid, version=1)
    with pytest.raises(links.InvalidLinkToken):
        links.verify(s, "unsubscribe", token, version=1)
    with pytest.raises(links.InvalidLinkToken):
        links.verify(s, "calendar", token, version=2)
    other_key = make_settings(tmp_path, secret_key="another-secret-key-0123456789abcdef0123")
    with pytest.raises(links.InvalidLinkToken):
        links.verify(other_key, "calendar", token, version=1)


def test_urls(tmp_path: Path) -> None:
    s = make_settings(tmp_path, public_base_url="https://santa.example/")
    uid = uuid.uuid4()
    assert links.box_url(s, uid) == f"https://santa.example/boxes/{uid}"
    assert links.unsubscribe_url(s, uid).startswith(
        "https://santa.example/api/v1/unsubscribe?token="
    )
