"""Errors of invitations.

NotFound
└── InviteNotFound          unknown code, or an invite this organizer cannot see
Conflict
├── InviteExpired
├── InviteNotPending        already accepted, declined or revoked
└── JoinLinkDisabled        the box has no active join link
RateLimited
└── InviteResentTooSoon
"""

from __future__ import annotations

from santa_core.errors import Conflict, NotFound, RateLimited


class InviteNotFound(NotFound):
    code = "invite_not_found"
    default_message = "This invitation does not exist or no longer works."


class InviteExpired(Conflict):
    code = "invite_expired"
    default_message = "This invitation has expired. Ask the organizer to send it again."


class InviteNotPending(Conflict):
    code = "invite_not_pending"
    default_message = "This invitation was already answered or withdrawn."


class JoinLinkDisabled(Conflict):
    code = "join_link_disabled"
    default_message = "This box has no active join link."


class InviteResentTooSoon(RateLimited):
    code = "invite_resent_too_soon"
    default_message = "This invitation was just sent. Try again in a minute."
