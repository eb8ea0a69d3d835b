"""Password hashing with argon2id (argon2-cffi), and the small password policy we enforce.

Hashes are PHC strings (``$argon2id$v=19$m=...,t=...,p=...$salt$hash``) so the
cost can be raised later: :func:`verify_password` says when a stored hash
should be upgraded. Unknown accounts are checked against a dummy hash so the
answer takes the same time whether the email exists or not.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from santa_core.auth.errors import WeakPassword
from santa_core.config import Settings
from santa_core.errors import FieldError

MIN_LENGTH = 8
MAX_LENGTH = 256


@cache
def _hasher(time_cost: int, memory_cost: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(
        time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism, type=Type.ID
    )


def hasher_for(settings: Settings) -> PasswordHasher:
    return _hasher(
        settings.argon2_time_cost, settings.argon2_memory_cost_kib, settings.argon2_parallelism
    )


@cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    return hasher.hash("santa-dummy-password-for-timing")


def hash_password(settings: Settings, password: str) -> str:
    return hasher_for(settings).hash(password)


@dataclass(frozen=True)
class Verification:
    ok: bool
    needs_rehash: bool = False


def verify_password(settings: Settings, stored_hash: str | None, password: str) -> Verification:
    """Check ``password``; with no stored hash, spend the same time and say no."""
    hasher = hasher_for(settings)
    if stored_hash is None:
        with contextlib.suppress(VerificationError):
            hasher.verify(_dummy_hash(hasher), password + "\x00")
        return Verification(ok=False)
    try:
        hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return Verification(ok=False)
    return Verification(ok=True, needs_rehash=hasher.check_needs_rehash(stored_hash))


def check_policy(password: str, *, email: str | None = None, field: str = "password") -> None:
    """Length limits, and not the email address itself."""
    problem: str | None = None
    if len(password) < MIN_LENGTH:
        problem = f"Use at least {MIN_LENGTH} characters."
    elif len(password) > MAX_LENGTH:
        problem = f"Use at most {MAX_LENGTH} characters."
    elif email and password.strip().lower() in {email.lower(), email.split("@")[0].lower()}:
        problem = "The password must not be your email address."
    if problem is not None:
        raise WeakPassword(problem, errors=[FieldError(("body", field), problem, "weak_password")])
