"""Errors of the SDK.

    Exception
     ├── ApiError                the server refused (its problem document: code, detail, status)
     │    ├── BadRequest         400, 422: the request is malformed or a field is wrong (.errors)
     │    ├── Unauthorized       401: not signed in, or the session ended
     │    ├── Forbidden          403
     │    ├── NotFound           404
     │    ├── Conflict           409: not in this state (box already drawn, email taken, ...)
     │    ├── Gone               410
     │    ├── RateLimited        429: .retry_after seconds (or None)
     │    └── ServerError        5xx
     └── UnexpectedStatus        a status the spec does not declare, with no problem document

Generated operations return a ``Problem`` instead of raising; ``unwrap(result)``
or a client made with ``connect(..., raise_on_error=True)`` raise these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from santa_sdk._generated.errors import UnexpectedStatus

if TYPE_CHECKING:
    from santa_sdk._generated.models import FieldProblem, Problem

__all__ = [
    "ApiError",
    "BadRequest",
    "Conflict",
    "Forbidden",
    "Gone",
    "NotFound",
    "RateLimited",
    "ServerError",
    "Unauthorized",
    "UnexpectedStatus",
    "error_for",
]


class ApiError(Exception):
    """The server refused: ``code`` (stable), ``detail`` (human), ``status``, ``problem``."""

    def __init__(self, problem: Problem, *, retry_after: float | None = None) -> None:
        from santa_sdk._generated.types import Unset

        self.problem = problem
        self.code: str = problem.code
        self.detail: str = problem.detail
        self.status: int = problem.status
        self.errors: list[FieldProblem] = (
            [] if isinstance(problem.errors, Unset) else problem.errors
        )
        self.retry_after = retry_after
        super().__init__(f"{problem.code}: {problem.detail}")


class BadRequest(ApiError):
    """400 or 422: ``errors`` names the fields at fault."""


class Unauthorized(ApiError):
    """401: not signed in, or the session ended (and could not be refreshed)."""


class Forbidden(ApiError):
    """403."""


class NotFound(ApiError):
    """404: it does not exist, or you may not know it does."""


class Conflict(ApiError):
    """409: not possible in the current state."""


class Gone(ApiError):
    """410: expired or used (invitations, links)."""


class RateLimited(ApiError):
    """429: try again after ``retry_after`` seconds."""


class ServerError(ApiError):
    """5xx: the server failed (``retry_after`` when it said when to come back)."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    410: Gone,
    422: BadRequest,
    429: RateLimited,
}


def error_for(problem: Problem, *, retry_after: float | None = None) -> ApiError:
    """The exception of the hierarchy above for a problem document."""
    kind = _BY_STATUS.get(problem.status)
    if kind is None:
        kind = ServerError if problem.status >= 500 else ApiError
    return kind(problem, retry_after=retry_after)
