"""Errors of accounts and authentication, each a subclass of one kind.

Unauthenticated
├── InvalidCredentials       wrong email or password (never says which)
├── AccountUnavailable       deactivated or deleted account
├── InvalidRefreshToken      unknown, expired or revoked refresh token
├── RefreshTokenReused       a rotated token came back: the whole family is revoked
├── SessionRevoked           the access token's session was signed out
└── OAuthFailed              state, nonce, code or provider answer did not check out
Forbidden
├── CsrfFailed               cookie-authenticated write without a valid CSRF token
└── EmailNotVerified         login refused until the address is verified
InvalidInput
├── InvalidOneTimeToken      verification or reset link unknown, used or expired
└── WeakPassword
Conflict
├── EmailTaken
├── SocialAccountTaken       that provider account belongs to someone else
├── SocialEmailTaken         the provider's email has an account we may not link
└── LastSignInMethod         unlinking would leave no way to sign in
NotFound
├── ProviderNotConfigured
├── SocialAccountNotFound
└── SessionNotFound
"""

from __future__ import annotations

from santa_core.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated


class InvalidCredentials(Unauthenticated):
    code = "invalid_credentials"
    default_message = "The email or password is wrong."


class AccountUnavailable(Unauthenticated):
    code = "account_unavailable"
    default_message = "This account is deactivated or deleted."


class InvalidRefreshToken(Unauthenticated):
    code = "invalid_refresh_token"
    default_message = "The session has expired. Sign in again."


class RefreshTokenReused(Unauthenticated):
    code = "refresh_token_reused"
    default_message = "This session was signed out for safety. Sign in again."


class SessionRevoked(Unauthenticated):
    code = "session_revoked"
    default_message = "This session was signed out. Sign in again."


class OAuthFailed(Unauthenticated):
    code = "oauth_failed"
    default_message = "Signing in with the provider failed. Try again."


class CsrfFailed(Forbidden):
    code = "csrf_failed"
    default_message = "The request is missing a valid CSRF token."


class EmailNotVerified(Forbidden):
    code = "email_not_verified"
    default_message = "Confirm your email address before signing in."


class WrongPassword(Forbidden):
    code = "wrong_password"
    default_message = "The current password is wrong."


class InvalidOneTimeToken(NotFound):
    code = "invalid_link"
    default_message = "This link is invalid, expired or already used."


class WeakPassword(InvalidInput):
    code = "weak_password"
    default_message = "The password is too weak."


class EmailTaken(Conflict):
    code = "email_taken"
    default_message = "An account with this email already exists."


class SocialAccountTaken(Conflict):
    code = "social_account_taken"
    default_message = "This account of the provider is linked to another user."


class SocialEmailTaken(Conflict):
    code = "social_email_taken"
    default_message = (
        "An account with this email already exists. Sign in with it, then link the "
        "provider from your settings."
    )


class LastSignInMethod(Conflict):
    code = "last_sign_in_method"
    default_message = "Set a password or link another account first: this is your only way in."


class ProviderNotConfigured(NotFound):
    code = "provider_not_configured"
    default_message = "This sign-in provider is not available."


class SocialAccountNotFound(NotFound):
    code = "social_account_not_found"
    default_message = "Linked account not found."


class SessionNotFound(NotFound):
    code = "session_not_found"
    default_message = "Session not found."


__all__ = [
    "AccountUnavailable",
    "CsrfFailed",
    "EmailNotVerified",
    "EmailTaken",
    "InvalidCredentials",
    "InvalidOneTimeToken",
    "InvalidRefreshToken",
    "LastSignInMethod",
    "OAuthFailed",
    "ProviderNotConfigured",
    "RefreshTokenReused",
    "SessionNotFound",
    "SessionRevoked",
    "SocialAccountNotFound",
    "SocialAccountTaken",
    "SocialEmailTaken",
    "WeakPassword",
    "WrongPassword",
]
