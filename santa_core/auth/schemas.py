"""Inputs of the account services (shared by the API and the CLI)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from santa_core.models import Language
from santa_core.user.schemas import FullName, TimeZoneName

#: A password being checked (sign-in, confirmation): any length we could have stored.
Password = Annotated[str, Field(min_length=1, max_length=256)]
#: A password being set; the service also refuses the email address itself.
NewPassword = Annotated[str, Field(min_length=8, max_length=256)]
Token = Annotated[str, Field(min_length=1, max_length=512)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Registration(_Input):
    email: EmailStr
    password: NewPassword
    full_name: FullName = ""
    language: Language | None = None
    timezone: TimeZoneName | None = None


class SignupAccepted(BaseModel):
    """The answer to a sign-up, the same whether or not the address already had an account.

    Next step: sign in with the address and password. A new account that must
    confirm its address first gets ``email_not_verified`` until the emailed link
    is opened; if the address already had an account, its owner was emailed
    instead and only that account's own password signs in.
    """

    #: The address as the server keeps it (trimmed, lower-case).
    email: str
    #: Whether a new account must open the emailed link before signing in.
    verification_required: bool


class PasswordChange(_Input):
    #: Required when the account has a password; social-only accounts may omit it.
    current_password: Password | None = None
    new_password: NewPassword


class PasswordResetRequest(_Input):
    email: EmailStr


class PasswordResetConfirm(_Input):
    token: Token
    new_password: NewPassword


class EmailVerification(_Input):
    token: Token


class AccountDeletion(_Input):
    #: Required when the account has a password.
    password: Password | None = None
