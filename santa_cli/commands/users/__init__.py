"""``santa users``: administer accounts (list, create, promote, deactivate, activate).

These commands call the account services directly on the configured database;
they are for operators of the server, not for signing in.
"""

from __future__ import annotations

from santa_cli._lazy import group
from santa_cli.commands.users import activation, create, list_users, promote

app = group("users", "Accounts: list, create, promote, deactivate, activate.")
app.command("create")(create.create_user)
app.command("list")(list_users.list_users)
app.command("promote")(promote.promote_user)
app.command("deactivate")(activation.deactivate_user)
app.command("activate")(activation.activate_user)
