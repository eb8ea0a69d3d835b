"""``santa gdpr erase``: delete an account and scrub its personal data now."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli import context
from santa_cli.commands.gdpr._users import UserArg, find_user
from santa_cli.output import fail, print_json, say


def erase_user(
    who: UserArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Erase a person: signed out, then email, name, cards, addresses, phones and
    notifications scrubbed at once (no grace period). Boxes and draws keep their shape.

    \b
    Example:
      santa gdpr erase ann@example.org --yes
    """
    import sys

    from santa_core import audit
    from santa_core.auth.scrub import scrub_account
    from santa_core.db import make_sessionmaker, session_scope, utcnow

    if not yes:
        if not sys.stdin.isatty():
            fail(
                "erasing needs --yes when not on a terminal",
                code="confirmation_required",
                exit_code=2,
            )
        typer.confirm(f"Erase {who} for good?", abort=True)
    with session_scope(make_sessionmaker(context.app_engine())) as session:
        user = find_user(session, who)
        already = user.scrubbed_at is not None
        user_id = user.id
        if not already:
            scrub_account(session, user, now=utcnow())
            audit.record(session, None, "user.erased", target_type="user", target_id=user_id)
    if as_json:
        print_json({"user_id": str(user_id), "erased": True, "already_erased": already})
        return
    say(f"account {user_id}: {'already erased' if already else 'erased'}")
