"""Sign-in through outside providers: Google (OpenID Connect), VK ID (OAuth 2.1 + PKCE).

The protocols run here, with authlib's httpx client; what an identity means for
our accounts is decided in :mod:`santa_core.auth.social`. Every provider's
endpoints come from settings, so tests point them at loopback peers.
"""

from santa_server.oauth.providers import Provider, get_provider, redirect_uri_for
from santa_server.oauth.transaction import OAuthTransaction

__all__ = ["OAuthTransaction", "Provider", "get_provider", "redirect_uri_for"]
