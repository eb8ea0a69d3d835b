"""``santa invites``: invitations of a box (list, resend, revoke)."""

from __future__ import annotations

from santa_cli._lazy import group
from santa_cli.commands.invites import list, resend, revoke

app = group("invites", "Invitations sent: list, resend, revoke.")
app.command("list")(list.list_invites)
app.command("resend")(resend.resend_invite)
app.command("revoke")(revoke.revoke_invite)
