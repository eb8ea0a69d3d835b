"""``santa users promote``: make an account an administrator (or take it back)."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli import context
from santa_cli.output import print_json, say

Email = Annotated[str, typer.Argument(help="The account's email address.")]


def promote_user(
    email: Email,
    demote: Annotated[
        bool, typer.Option("--demote", help="Take administrator rights away instead.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
) -> None:
    """Give an account administrator rights (superuser), or take them with --demote.

    \b
    Example:
      santa users promote olga@example.org
    """
    from santa_core import audit
    from santa_core.auth import accounts
    from santa_core.db import make_sessionmaker, session_scope

    with session_scope(make_sessionmaker(context.app_engine())) as session:
        user = accounts.get_user_by_email(session, email)
        user.is_superuser = not demote
        audit.record(
            session,
            None,
            "user.demoted" if demote else "user.promoted",
            target_type="user",
            target_id=user.id,
        )
        address, user_id = user.email, user.id
    if as_json:
        print_json({"id": str(user_id), "email": address, "is_superuser": not demote})
        return
    say(f"{address}: {'no longer an administrator' if demote else 'administrator'}")
