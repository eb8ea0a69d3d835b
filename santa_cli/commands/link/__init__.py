"""``santa link``: the box's join link (create or replace, disable)."""

from __future__ import annotations

from santa_cli._lazy import group
from santa_cli.commands.link import create, disable

app = group("link", "The box's join link: create (with a QR code), disable.")
app.command("create")(create.create_link)
app.command("disable")(disable.disable_link)
