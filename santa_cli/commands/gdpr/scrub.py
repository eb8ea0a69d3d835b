"""``santa gdpr scrub``: run the scheduled clean-ups of personal data now."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli import context
from santa_cli.output import print_json, say


def scrub(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Scrub accounts deleted more than SANTA_GDPR_GRACE_DAYS ago, expire old
    invitations and purge delivered notifications past SANTA_OUTBOX_RETENTION_DAYS.

    What the daily job does, now; running it twice does nothing the second time.

    \b
    Example:
      santa gdpr scrub
    """
    from santa_core.db import make_sessionmaker, session_scope, utcnow
    from santa_core.jobs import maintenance

    settings = context.settings()
    factory = make_sessionmaker(context.app_engine())
    now = utcnow()
    accounts = maintenance.scrub_accounts(factory, settings, now=now)
    with session_scope(factory) as session:
        invites = maintenance.expire_invites(session, now=now)
        purged = maintenance.purge_outbox(
            session, now=now, retention_days=settings.outbox_retention_days
        )
    done = {
        "accounts_scrubbed": accounts,
        "invitations_expired": invites,
        "notifications_purged": purged,
        "grace_days": settings.gdpr_grace_days,
    }
    if as_json:
        print_json(done)
        return
    say(
        f"scrubbed {accounts} deleted account(s) "
        f"(deleted over {settings.gdpr_grace_days} days ago), "
        f"expired {invites} invitation(s), purged {purged} delivered notification(s)"
    )
