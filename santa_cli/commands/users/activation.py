"""``santa users deactivate`` / ``activate``: lock an account out, or let it back in."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli import context
from santa_cli.output import print_json, say

Email = Annotated[str, typer.Argument(help="The account's email address.")]
Json = Annotated[bool, typer.Option("--json", help="One JSON document.")]


def _set_active(email: str, *, active: bool, as_json: bool) -> None:
    from santa_core.auth import accounts
    from santa_core.db import make_sessionmaker, session_scope

    with session_scope(make_sessionmaker(context.app_engine())) as session:
        user = accounts.get_user_by_email(session, email)
        accounts.set_active(session, user, active=active)
        address, user_id = user.email, user.id
    if as_json:
        print_json({"id": str(user_id), "email": address, "is_active": active})
        return
    say(f"{address}: {'active' if active else 'deactivated'}")


def deactivate_user(email: Email, as_json: Json = False) -> None:
    """Deactivate an account: signed out everywhere, cannot sign in.

    \b
    Example:
      santa users deactivate ann@example.org
    """
    _set_active(email, active=False, as_json=as_json)


def activate_user(email: Email, as_json: Json = False) -> None:
    """Reactivate a deactivated account.

    \b
    Example:
      santa users activate ann@example.org --json
    """
    _set_active(email, active=True, as_json=as_json)
