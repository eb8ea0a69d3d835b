"""ID token checks that need a provider nanoidp will not play: one offering only HMAC."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey

from santa_core.auth.errors import OAuthFailed
from santa_server.oauth.providers import OIDCProvider

SHARED = OctKey.import_key("a-shared-secret-the-provider-also-knows-0123456789")


@pytest.fixture
def hmac_only_issuer() -> Iterator[str]:
    """Discovery and JWKS of an issuer that signs ID tokens with HS256 only."""
    documents: dict[str, Any] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps(documents[self.path]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    issuer = f"http://127.0.0.1:{server.server_port}"
    documents["/.well-known/openid-configuration"] = {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/authorize",
        "token_endpoint": f"{issuer}/token",
        "jwks_uri": f"{issuer}/jwks",
        "id_token_signing_alg_values_supported": ["HS256"],
    }
    documents["/jwks"] = {"keys": [SHARED.as_dict(private=True)]}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield issuer
    finally:
        server.shutdown()
        server.server_close()


def test_an_hmac_signed_id_token_is_refused_even_when_offered(hmac_only_issuer: str) -> None:
    provider = OIDCProvider(
        "google",
        client_id="santa",
        client_secret=None,
        discovery_url=f"{hmac_only_issuer}/.well-known/openid-configuration",
    )
    now = int(time.time())
    claims = {
        "iss": hmac_only_issuer,
        "aud": "santa",
        "sub": "mallory",
        "nonce": "n-1",
        "iat": now,
        "exp": now + 300,
    }
    token = jwt.encode({"alg": "HS256"}, claims, SHARED)
    with pytest.raises(OAuthFailed) as refused:
        provider._verify_id_token({"id_token": token}, "n-1")
    assert refused.value.params["reason"] == "id_token_algorithm"
