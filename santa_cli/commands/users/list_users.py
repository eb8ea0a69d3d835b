"""``santa users list``: accounts, oldest first."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from santa_cli import context
from santa_cli.output import console, print_json


def list_users(
    include_deleted: Annotated[
        bool, typer.Option("--deleted", help="Include deleted accounts.")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, max=100_000, help="At most this many.")] = 1000,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
) -> None:
    """List accounts with their status.

    \b
    Example:
      santa users list --json
    """
    from rich.table import Table

    from santa_core.auth import accounts
    from santa_core.db import make_sessionmaker, session_scope

    with session_scope(make_sessionmaker(context.app_engine())) as session:
        rows = session.scalars(
            accounts.users_query(include_deleted=include_deleted).limit(limit)
        ).all()
        data: list[dict[str, Any]] = [
            {
                "id": str(u.id),
                "email": u.email,
                "full_name": u.full_name,
                "is_active": u.is_active,
                "is_superuser": u.is_superuser,
                "email_verified": u.email_verified_at is not None,
                "deleted": u.deleted_at is not None,
                "created_at": u.created_at.isoformat(),
            }
            for u in rows
        ]
    if as_json:
        print_json({"users": data})
        return
    if not data:
        console.print("no users")
        return
    table = Table("email", "name", "status", "created")
    for d in data:
        status = "deleted" if d["deleted"] else "active" if d["is_active"] else "deactivated"
        if d["is_superuser"]:
            status += ", superuser"
        if not d["email_verified"]:
            status += ", unverified"
        table.add_row(d["email"], d["full_name"], status, d["created_at"][:10])
    console.print(table)
