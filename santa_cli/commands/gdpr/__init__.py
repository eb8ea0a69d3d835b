"""``santa gdpr``: personal data on the configured database (export, erase, scrub).

Admin commands: they use ``santa_core`` directly, like ``santa users``.
"""

from __future__ import annotations

from santa_cli._lazy import group
from santa_cli.commands.gdpr import erase, export, scrub

app = group("gdpr", "Personal data: export everything about a person, erase it, scrub now.")
app.command("export")(export.export_user)
app.command("erase")(erase.erase_user)
app.command("scrub")(scrub.scrub)
