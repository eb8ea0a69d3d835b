"""``santa outbox list``: pending, in-flight and failed notifications."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from santa_cli import context
from santa_cli.output import console, print_json


def list_outbox(
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            help="pending, sending, failed, sent or suppressed (repeatable; "
            "default: pending, sending, failed).",
        ),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many rows.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
) -> None:
    """Show notifications that are waiting or gave up (the dead letter).

    \b
    Example:
      santa outbox list --status failed
    """
    from rich.table import Table

    from santa_core.db import make_sessionmaker, session_scope
    from santa_core.models import OutboxStatus
    from santa_core.notify import admin

    try:
        statuses = [OutboxStatus(s) for s in status] if status else list(admin.OPEN_STATUSES)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--status") from None
    with session_scope(make_sessionmaker(context.app_engine())) as session:
        rows = admin.list_messages(session, statuses=statuses, limit=limit)
        data: list[dict[str, Any]] = [
            {
                "id": str(r.id),
                "kind": r.kind,
                "channel": r.channel.value,
                "recipient": r.recipient,
                "status": r.status.value,
                "attempts": r.attempts,
                "next_attempt_at": r.next_attempt_at.isoformat(),
                "created_at": r.created_at.isoformat(),
                "last_error": r.last_error,
            }
            for r in rows
        ]
    if as_json:
        print_json({"messages": data})
        return
    if not data:
        console.print(f"no {'/'.join(s.value for s in statuses)} notifications")
        return
    table = Table("kind", "to", "status", "tries", "next try", "last error")
    table.add_column("id", no_wrap=True, min_width=36)
    for d in data:
        table.add_row(
            d["kind"],
            f"{d['recipient']} ({d['channel']})",
            d["status"],
            str(d["attempts"]),
            d["next_attempt_at"][:19],
            (d["last_error"] or "")[:60],
            d["id"],
        )
    console.print(table)
