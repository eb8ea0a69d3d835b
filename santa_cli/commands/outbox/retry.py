"""``santa outbox retry``: put failed notifications back in line."""

from __future__ import annotations

import uuid
from typing import Annotated

import typer

from santa_cli import context
from santa_cli.output import console, fail, print_json


def retry_outbox(
    ids: Annotated[
        list[str] | None, typer.Argument(help="Message ids (default: every failed message).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
) -> None:
    """Requeue failed notifications with a fresh set of attempts, and wake the workers.

    \b
    Example:
      santa outbox retry
    """
    import logging

    from santa_core.db import session_scope, utcnow
    from santa_core.notify import admin

    try:
        parsed = [uuid.UUID(i) for i in ids] if ids else None
    except ValueError:
        fail("message ids are UUIDs (see `santa outbox list`)", code="invalid_input", exit_code=2)
    context.app_engine()
    factory = context.runtime().sessionmaker
    with session_scope(factory) as session:
        count = admin.retry_messages(session, now=utcnow(), ids=parsed)
    woken = False
    if count:
        try:
            jobs = context.runtime().jobs()
            jobs.signal_outbox(count)
            woken = True
        except Exception as exc:  # the workers' sweep finds the rows anyway
            logging.getLogger("santa.cli").debug("queue not signalled: %s", exc)
    if as_json:
        print_json({"requeued": count, "queue_signalled": woken})
        return
    console.print(
        f"requeued {count} notification(s)"
        + (
            ""
            if woken or not count
            else " (queue unreachable: workers will pick them up on their next sweep)"
        )
    )
