"""``santa outbox show``: one notification, decoded, with clickable links."""

from __future__ import annotations

import re
import uuid
from typing import Annotated

import typer

from santa_cli import context
from santa_cli.output import console, fail, print_json

_URL = re.compile(r"https?://[^\s<>\"')]+")


def show_message(
    message_id: Annotated[str, typer.Argument(metavar="ID", help="From `santa outbox list`.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
) -> None:
    """Print a notification as its recipient reads it: To, Subject, text and links.

    \b
    Example (the link of a verification email, in the embedded default):
      santa outbox list --status sent
      santa outbox show ID
    """
    from rich.markup import escape

    from santa_core import models
    from santa_core.db import make_sessionmaker, session_scope
    from santa_core.notify.kinds import get_kind
    from santa_core.notify.render import Renderer
    from santa_core.notify.sealed import unseal_payload

    try:
        row_id = uuid.UUID(message_id)
    except ValueError:
        fail(f"{message_id!r} is not a notification id", code="invalid_input", exit_code=2)
    settings = context.settings()
    with session_scope(make_sessionmaker(context.app_engine())) as session:
        row = session.get(models.OutboxMessage, row_id)
        if row is None:
            fail(f"no notification {row_id}", code="not_found")
        user = session.get(models.User, row.recipient_user_id) if row.recipient_user_id else None
        payload = unseal_payload(row.payload or {})
        copy = settings.outbox_path / f"{row.id}.txt"
        if not payload and copy.is_file():  # delivered: the file backend's readable copy
            _show_copy(row.id, row.kind, row.status.value, copy.read_text("utf-8"), as_json)
            return
        if not payload:
            fail(
                f"notification {row_id} has no content any more (delivered, purged or "
                "scrubbed): with SANTA_EMAIL_BACKEND=file its copy is ID.txt in the outbox folder",
                code="notification_purged",
            )
        name = (
            payload.get("recipient_name")
            or payload.get("full_name")
            or (user.full_name if user else None)
        )
        rendered = Renderer().render(
            get_kind(row.kind),
            row.language.value,
            payload,
            app_url=settings.public_base_url,
            recipient_name=name or None,
            timezone=user.timezone if user else "UTC",
        )
        info = {
            "id": str(row.id),
            "kind": row.kind,
            "channel": row.channel.value,
            "to": row.recipient,
            "status": row.status.value,
            "subject": rendered.subject,
            "text": rendered.text,
            "links": _URL.findall(rendered.text),
        }
    if as_json:
        print_json(info)
        return
    console.print(f"To:      {escape(str(info['to']))} ({info['channel']}, {info['status']})")
    console.print(f"Subject: {escape(rendered.subject)}", highlight=False)
    console.print()
    text = escape(rendered.text.rstrip())
    console.print(
        _URL.sub(lambda m: f"[link={m.group(0)}]{m.group(0)}[/link]", text),
        highlight=False,
        soft_wrap=True,
    )


def _show_copy(row_id: uuid.UUID, kind: str, status: str, text: str, as_json: bool) -> None:
    """The ``ID.txt`` the file backend wrote: headers, a blank line, the text."""
    from rich.markup import escape

    head, _, body = text.partition("\n\n")
    headers = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    if as_json:
        print_json(
            {
                "id": str(row_id),
                "kind": kind,
                "channel": "email",
                "to": headers.get("To", ""),
                "status": status,
                "subject": headers.get("Subject", ""),
                "text": body,
                "links": _URL.findall(body),
            }
        )
        return
    console.print(escape(head), highlight=False)
    console.print()
    console.print(
        _URL.sub(lambda m: f"[link={m.group(0)}]{m.group(0)}[/link]", escape(body.rstrip())),
        highlight=False,
        soft_wrap=True,
    )
