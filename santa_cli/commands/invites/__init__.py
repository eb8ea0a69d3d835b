"""``santa invites``: invitations of a box (list, resend, revoke)."""

from __future__ import annotations

from santa_cli._lazy import Entry, lazy_group

_HERE = "santa_cli.commands.invites"
app = lazy_group(
    "invites",
    "Invitations sent: list, resend, revoke.",
    (
        Entry("list", f"{_HERE}.list:list_invites", "List a box's invitations."),
        Entry("resend", f"{_HERE}.resend:resend_invite", "Send an invitation again."),
        Entry("revoke", f"{_HERE}.revoke:revoke_invite", "Withdraw an invitation."),
    ),
)
