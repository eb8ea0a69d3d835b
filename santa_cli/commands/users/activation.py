"""``santa users deactivate`` / ``activate``: lock an account out, or let it back in."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli import context
from santa_cli.output import console

Email = Annotated[str, typer.Argument(help="The account's email address.")]


def _set_active(email: str, *, active: bool) -> None:
    from santa_core.auth import accounts
    from santa_core.db import make_sessionmaker, session_scope

    with session_scope(make_sessionmaker(context.app_engine())) as session:
        user = accounts.get_user_by_email(session, email)
        accounts.set_active(session, user, active=active)
        address = user.email
    console.print(f"{address}: {'active' if active else 'deactivated'}", highlight=False)


def deactivate_user(email: Email) -> None:
    """Deactivate an account: signed out everywhere, cannot sign in.

    \b
    Example:
      santa users deactivate ann@example.org
    """
    _set_active(email, active=False)


def activate_user(email: Email) -> None:
    """Reactivate a deactivated account.

    \b
    Example:
      santa users activate ann@example.org
    """
    _set_active(email, active=True)
