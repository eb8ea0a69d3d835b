"""Access tokens: what decode_access_token accepts and every way it refuses."""

from __future__ import annotations

import base64
import json
import time
import uuid
import warnings
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.warnings import InsecureKeyLengthWarning

from santa_core.auth.tokens import decode_access_token, issue_access_token
from santa_core.config import Settings
from santa_core.errors import Unauthenticated
from tests.conftest import make_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


def _claims(settings: Settings, **changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "sub": str(uuid.uuid4()),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + 60,
        "typ": "access",
        "sid": str(uuid.uuid4()),
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _sign(claims: dict[str, Any], key: Any, alg: str = "HS256") -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InsecureKeyLengthWarning)
        return jwt.encode(claims, key, algorithm=alg)


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


class TestIssue:
    def test_round_trip_with_session(self, settings: Settings) -> None:
        user_id, sid = uuid.uuid4(), uuid.uuid4()
        claims = decode_access_token(
            settings, issue_access_token(settings, user_id, session_id=sid)
        )
        assert claims.user_id == user_id
        assert claims.session_id == sid
        assert 0 < claims.expires_at.timestamp() - time.time() <= settings.access_token_ttl_seconds

    def test_header_pins_hs256(self, settings: Settings) -> None:
        token = issue_access_token(settings, uuid.uuid4(), session_id=uuid.uuid4())
        assert jwt.get_unverified_header(token)["alg"] == "HS256"


class TestRefuse:
    def _refused(self, settings: Settings, token: str) -> str:
        with pytest.raises(Unauthenticated) as info:
            decode_access_token(settings, token)
        return str(info.value.params.get("reason"))

    def test_a_valid_forgery_baseline_is_accepted(self, settings: Settings) -> None:
        secret = settings.secret_key.get_secret_value()
        decode_access_token(settings, _sign(_claims(settings), secret))

    def test_alg_none(self, settings: Settings) -> None:
        token = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims(settings))}."
        assert self._refused(settings, token) == "invalid"

    def test_alg_none_with_a_signature(self, settings: Settings) -> None:
        token = f"{_b64({'alg': 'none'})}.{_b64(_claims(settings))}.c2ln"
        assert self._refused(settings, token) == "invalid"

    def test_wrong_key(self, settings: Settings) -> None:
        token = _sign(_claims(settings), "x" * 48)
        assert self._refused(settings, token) == "invalid"

    def test_other_hmac_algorithm(self, settings: Settings) -> None:
        token = _sign(_claims(settings), settings.secret_key.get_secret_value(), "HS512")
        assert self._refused(settings, token) == "invalid"

    def test_asymmetric_algorithm(self, settings: Settings) -> None:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        assert self._refused(settings, _sign(_claims(settings), pem, "RS256")) == "invalid"

    @pytest.mark.parametrize(
        ("changes", "reason"),
        [
            ({"exp": int(time.time()) - 5}, "expired"),
            ({"aud": "another-api"}, "invalid"),
            ({"iss": "another-issuer"}, "invalid"),
            ({"typ": "refresh"}, "wrong_type"),
            ({"typ": None}, "wrong_type"),
            ({"sub": "not-a-uuid"}, "bad_subject"),
            ({"sub": None}, "invalid"),
            ({"sid": None}, "invalid"),
            ({"sid": "not-a-uuid"}, "bad_subject"),
            ({"exp": None}, "invalid"),
            ({"exp": 10**30}, "bad_expiry"),
            ({"exp": 1e300}, "bad_expiry"),
            ({"nbf": int(time.time()) + 600}, "invalid"),
        ],
    )
    def test_bad_claims(self, settings: Settings, changes: dict[str, Any], reason: str) -> None:
        secret = settings.secret_key.get_secret_value()
        assert self._refused(settings, _sign(_claims(settings, **changes), secret)) == reason

    def test_garbage(self, settings: Settings) -> None:
        assert self._refused(settings, "not.a.jwt") == "invalid"
