"""``santa outbox``: see and requeue notifications (``list``, ``show``, ``retry``)."""

from __future__ import annotations

from santa_cli._lazy import group
from santa_cli.commands.outbox import list as list_cmd
from santa_cli.commands.outbox import retry as retry_cmd
from santa_cli.commands.outbox import show as show_cmd

app = group("outbox", "Notifications: list, show one decoded, retry failed ones.")
app.command("list")(list_cmd.list_outbox)
app.command("show")(show_cmd.show_message)
app.command("retry")(retry_cmd.retry_outbox)
