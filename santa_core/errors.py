"""Domain errors. The server and the CLI map these kinds to their own forms.

    SantaError
    ├── ConfigurationError      settings are missing or malformed
    ├── NotFound                the thing does not exist, or the actor may not know it does
    ├── Forbidden               the actor knows it exists but may not do this
    ├── Unauthenticated         no valid credentials
    ├── Conflict                the state of things does not allow this now
    ├── InvalidInput            the request is malformed (carries field errors)
    └── RateLimited             too many attempts (carries retry_after seconds)

Every class has a stable snake_case ``code``; subclasses name specific cases
(e.g. ``BoxNotEditable(Conflict)``). Messages are English; the server
translates by ``code`` through :mod:`santa_core.i18n`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field (``loc`` like ``["body", "name"]``)."""

    loc: tuple[str | int, ...]
    message: str
    code: str = "invalid"


class SantaError(Exception):
    code: ClassVar[str] = "error"
    default_message: ClassVar[str] = "Something went wrong."

    def __init__(self, message: str | None = None, **params: Any) -> None:
        self.message = message or self.default_message
        self.params = params
        super().__init__(self.message)


class ConfigurationError(SantaError):
    code = "configuration_error"
    default_message = "The configuration is invalid."


class NotFound(SantaError):
    code = "not_found"
    default_message = "Not found."


class Forbidden(SantaError):
    code = "forbidden"
    default_message = "You are not allowed to do this."


class Unauthenticated(SantaError):
    code = "unauthenticated"
    default_message = "Sign in to continue."


class Conflict(SantaError):
    code = "conflict"
    default_message = "This cannot be done in the current state."


class InvalidInput(SantaError):
    code = "invalid_input"
    default_message = "The input is invalid."

    def __init__(
        self,
        message: str | None = None,
        *,
        errors: list[FieldError] | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message, **params)
        self.errors = errors or []


class RateLimited(SantaError):
    code = "rate_limited"
    default_message = "Too many attempts. Try again later."

    def __init__(self, message: str | None = None, *, retry_after: int = 60, **params: Any):
        super().__init__(message, **params)
        self.retry_after = retry_after


# Specific cases used across domains.


class BoxNotFound(NotFound):
    code = "box_not_found"
    default_message = "Box not found."


class ParticipantNotFound(NotFound):
    code = "participant_not_found"
    default_message = "Participant not found."


class UserNotFound(NotFound):
    code = "user_not_found"
    default_message = "User not found."


class NotOrganizer(Forbidden):
    code = "not_organizer"
    default_message = "Only the box's organizers can do this."


class BoxNotEditable(Conflict):
    code = "box_not_editable"
    default_message = "The box cannot be changed in its current status."


class InvalidTransition(Conflict):
    code = "invalid_status_transition"
    default_message = "The box cannot move to that status from its current one."


class AlreadyMember(Conflict):
    code = "already_member"
    default_message = "This person is already in the box."
