"""Every notification kind, and the payload contract between who enqueues and who renders.

Whoever causes a notification calls ``santa_core.notify.enqueue(session,
kind=..., payload=...)`` with the keys listed here; this package renders it
from ``templates/<language>/<kind>.txt`` (subject, body and the label of the
main link, as Jinja blocks) and, when present, ``<kind>.html`` (otherwise the
HTML is built from the text). Adding a kind is one :class:`Kind` line below
plus a ``.txt`` template per language.

Conventions for every kind:

- Links are absolute URLs (``santa_core.notify.links`` builds the common ones).
- Dates are ISO 8601 strings (``2026-12-24`` or ``2026-12-20T18:00:00+00:00``);
  templates format them in the recipient's language and time zone.
- The greeting uses ``recipient_name`` (or ``full_name``) from the payload,
  else the recipient account's name, else no name.
- Secrets (an invitation's link holds the plain invite code) go under
  ``payload["sealed"]``, encrypted with :func:`santa_core.notify.sealed.seal`;
  they are decrypted only to render.
- Payloads never hold another participant's pairing: ``giftee_name`` goes only
  into the one row addressed to that giftee's santa.

==========================  ==================================================================
kind                        required payload keys (optional ones in brackets) — who enqueues
==========================  ==================================================================
verify_email                link [full_name, expires_at] — accounts, on sign-up / resend
reset_password              link [full_name, expires_at] — accounts, on "forgot password"
invite                      box_name, inviter_name, accept_url [message, signup_deadline,
                            event_date, budget, expires_at] — boxes, per invited address
invite_reminder             same as ``invite`` — jobs, copies the invite's payload once
joined                      box_name, participant_name, box_url [participant_count] —
                            boxes, to each organizer when someone joins
draw_done                   box_name, giftee_name, assignment_url [shipping_deadline,
                            event_date, budget] — draw, one row per santa
wishlist_changed            box_name, giftee_name, assignment_url — boxes, to the santa of
                            the participant whose wishes changed (after the draw)
auto_draw_failed            box_name, box_url, reason — jobs, to the organizer
pairs_revealed              box_name, box_url, revealed_by, reason — draw, to every member
                            after an organizer's audited break-glass reveal
signup_deadline_reminder    box_name, signup_deadline, box_url — jobs
shipping_deadline_reminder  box_name, shipping_deadline, assignment_url — jobs, to santas
event_reminder              box_name, event_date, box_url — jobs
wishes_nudge                box_name, box_url — jobs, to members with an empty wishlist
assignment_nudge            box_name, assignment_url — jobs, to santas who never looked
card_changed                box_name, giftee_name, assignment_url — boxes, to the santa of the
                            participant whose address or phone changed (after the draw)
new_message                 box_name, thread_title, messages_url — messages, to the other side
                            of a pair, at most once per thread per hour
announcement                box_name, author_name, body, box_url — announcements, to members
gift_updated                box_name, action, title, gifts_url [carrier, tracking, thank_you]
                            — gifts, to the other side of the pair
gift_issue                  box_name, reason, box_url [giftee_name, count] — gifts and the
                            deadline job, to organizers (never names a santa)
assignment_withdrawn        box_name, box_url — draw changes, to a santa replaced by a backup
draw_revealed               box_name, box_url — reveal, to every member after the event
==========================  ==================================================================
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from santa_core.errors import InvalidInput


class Category(enum.StrEnum):
    #: Account security (verify, reset): always sent by email, no unsubscribe link.
    ACCOUNT = "account"
    #: Something happened in a box.
    BOX = "box"
    #: Scheduled reminders and nudges.
    REMINDER = "reminder"


@dataclass(frozen=True)
class Kind:
    name: str
    category: Category
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    #: Payload key of the main link (rendered as a button / a last line).
    action: str | None = None

    @property
    def transactional(self) -> bool:
        """Sent regardless of the recipient's notification settings."""
        return self.category is Category.ACCOUNT

    @property
    def chat(self) -> bool:
        """Also delivered to Telegram / VK when the recipient turned those on."""
        return self.category is not Category.ACCOUNT

    def text_template(self, language: str) -> str:
        return f"{language}/{self.name}.txt"

    def html_template(self, language: str) -> str:
        return f"{language}/{self.name}.html"

    def missing(self, payload: Mapping[str, Any]) -> list[str]:
        return [key for key in self.required if payload.get(key) in (None, "")]


A, B, R = Category.ACCOUNT, Category.BOX, Category.REMINDER
_INVITE = ("box_name", "inviter_name", "accept_url")
_INVITE_OPT = ("message", "signup_deadline", "event_date", "budget", "expires_at")

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("verify_email", A, ("link",), ("full_name", "expires_at"), action="link"),
        Kind("reset_password", A, ("link",), ("full_name", "expires_at"), action="link"),
        Kind("invite", B, _INVITE, _INVITE_OPT, action="accept_url"),
        Kind("invite_reminder", R, _INVITE, _INVITE_OPT, action="accept_url"),
        Kind(
            "joined",
            B,
            ("box_name", "participant_name", "box_url"),
            ("participant_count",),
            action="box_url",
        ),
        Kind(
            "draw_done",
            B,
            ("box_name", "giftee_name", "assignment_url"),
            ("shipping_deadline", "event_date", "budget"),
            action="assignment_url",
        ),
        Kind(
            "wishlist_changed",
            B,
            ("box_name", "giftee_name", "assignment_url"),
            action="assignment_url",
        ),
        Kind("auto_draw_failed", B, ("box_name", "box_url", "reason"), action="box_url"),
        Kind(
            "pairs_revealed", B, ("box_name", "box_url", "revealed_by", "reason"), action="box_url"
        ),
        Kind(
            "signup_deadline_reminder",
            R,
            ("box_name", "signup_deadline", "box_url"),
            action="box_url",
        ),
        Kind(
            "shipping_deadline_reminder",
            R,
            ("box_name", "shipping_deadline", "assignment_url"),
            action="assignment_url",
        ),
        Kind("event_reminder", R, ("box_name", "event_date", "box_url"), action="box_url"),
        Kind("wishes_nudge", R, ("box_name", "box_url"), action="box_url"),
        Kind("assignment_nudge", R, ("box_name", "assignment_url"), action="assignment_url"),
        Kind(
            "card_changed",
            B,
            ("box_name", "giftee_name", "assignment_url"),
            action="assignment_url",
        ),
        Kind("new_message", B, ("box_name", "thread_title", "messages_url"), action="messages_url"),
        Kind("announcement", B, ("box_name", "author_name", "body", "box_url"), action="box_url"),
        Kind(
            "gift_updated",
            B,
            ("box_name", "action", "title", "gifts_url"),
            ("carrier", "tracking", "thank_you"),
            action="gifts_url",
        ),
        Kind(
            "gift_issue",
            B,
            ("box_name", "reason", "box_url"),
            ("giftee_name", "count"),
            action="box_url",
        ),
        Kind("assignment_withdrawn", B, ("box_name", "box_url"), action="box_url"),
        Kind("draw_revealed", B, ("box_name", "box_url"), action="box_url"),
    )
}


class UnknownKind(InvalidInput):
    code = "unknown_notification_kind"
    default_message = "Unknown notification kind."


def get_kind(name: str, registry: Mapping[str, Kind] | None = None) -> Kind:
    kind = (registry or KINDS).get(name)
    if kind is None:
        raise UnknownKind(f"Unknown notification kind {name!r}.", kind=name)
    return kind
