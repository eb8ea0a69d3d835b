"""Finding the person a ``santa gdpr`` command is about."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from santa_core import models

UserArg = Annotated[str, typer.Argument(metavar="USER", help="The account's email or id.")]


def find_user(session: Session, who: str) -> models.User:
    """The account by email or id, deleted ones included (they are what GDPR is about)."""
    from sqlalchemy import func, select

    from santa_core import models
    from santa_core.errors import NotFound

    try:
        condition = models.User.id == uuid.UUID(who)
    except ValueError:
        condition = func.lower(models.User.email) == who.strip().lower()
    user = session.scalars(select(models.User).where(condition)).first()
    if user is None:
        raise NotFound(f"no account {who}")
    return user
