"""``santa outbox``: see and requeue notifications (``list``, ``retry``)."""

from __future__ import annotations

import typer

from santa_cli.commands.outbox import list as list_cmd
from santa_cli.commands.outbox import retry as retry_cmd

app = typer.Typer(
    name="outbox", help="Notifications waiting or failed (the outbox).", no_args_is_help=True
)
app.command("list")(list_cmd.list_outbox)
app.command("retry")(retry_cmd.retry_outbox)
