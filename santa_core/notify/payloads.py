"""One typed payload per notification kind: the contract between who writes and who renders.

A payload is built by the use case that causes the notification and checked
when its outbox row is written (:func:`santa_core.notify.send`), not when the
worker renders it. Conventions for every kind:

- Links are absolute URLs built by :mod:`santa_core.notify.links`.
- Dates are ISO 8601 strings (``2026-12-24`` or ``2026-12-20T18:00:00+00:00``);
  templates format them in the recipient's language and time zone.
- The greeting uses ``recipient_name`` (or ``full_name``), else the recipient
  account's name, else no name.
- Secrets (a link holding a plain one-time code) are listed in ``sealed``: they
  are stored encrypted under ``payload["sealed"]`` (:mod:`.sealed`) and
  decrypted only to render.
- Payloads never hold another participant's pairing: ``giftee_name`` goes only
  into the one row addressed to that giftee's santa.

Adding a kind: one class here (with ``kind``, ``category`` and ``action``), a
``templates/{ru,en}/<kind>.txt`` pair, and one :func:`santa_core.notify.send`
call where it happens.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from santa_core.notify.sealed import SEALED_KEY, seal, unseal_payload


class Category(enum.StrEnum):
    #: Account security (verify, reset): always sent by email, no unsubscribe link.
    ACCOUNT = "account"
    #: Something happened in a box.
    BOX = "box"
    #: Scheduled reminders and nudges.
    REMINDER = "reminder"


def _iso(value: str) -> str:
    try:
        if "T" in value:
            dt.datetime.fromisoformat(value)
        else:
            dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be an ISO 8601 date or date-time") from None
    return value


#: Required text: the renderer refuses a payload whose required key is empty.
Text = Annotated[str, Field(min_length=1)]
Link = Annotated[str, Field(min_length=1)]
IsoDate = Annotated[str, AfterValidator(_iso)]


class InvalidPayload(ValueError):
    """A payload that does not match its kind (a bug in the code that writes it)."""


class Payload(BaseModel):
    """The base of every kind's payload."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ClassVar[str]
    category: ClassVar[Category]
    #: The field holding the main link (rendered as a button / a last line).
    action: ClassVar[str | None] = None
    #: Fields stored encrypted.
    sealed: ClassVar[tuple[str, ...]] = ()

    recipient_name: str | None = None

    def stored(self) -> dict[str, Any]:
        """The payload as the outbox row keeps it (secrets sealed)."""
        data = self.model_dump(mode="json", exclude_unset=True)
        secrets = {k: data.pop(k) for k in self.sealed if k in data}
        if secrets:
            data[SEALED_KEY] = seal(secrets)
        return data


def check(payload_type: type[Payload], stored: Mapping[str, Any]) -> None:
    """Refuse a stored payload that its kind's type does not accept."""
    try:
        payload_type.model_validate(unseal_payload(stored))
    except ValidationError as exc:
        raise InvalidPayload(f"{payload_type.kind}: {exc}") from None


A, B, R = Category.ACCOUNT, Category.BOX, Category.REMINDER


class VerifyEmail(Payload):
    kind = "verify_email"
    category = A
    action = "link"
    sealed = ("link",)
    link: Link
    full_name: str | None = None
    expires_at: IsoDate | None = None


class ResetPassword(VerifyEmail):
    kind = "reset_password"


class SignupAttempt(Payload):
    """Someone tried to create an account with an address that already has one.

    Sign-up answers alike for new and taken addresses (no enumeration); the owner
    learns of the attempt here instead. Nothing from the attempt (its name, its
    box) is repeated: the requester chose it.
    """

    kind = "signup_attempt"
    category = A
    action = "signin_url"
    signin_url: Link
    reset_url: Link
    full_name: str | None = None


class Invite(Payload):
    """Written per invited address (boxes); ``invite_reminder`` copies it once (jobs)."""

    kind = "invite"
    category = B
    action = "accept_url"
    sealed = ("accept_url",)
    box_name: Text
    inviter_name: Text
    accept_url: Link
    message: str | None = None
    signup_deadline: IsoDate | None = None
    event_date: IsoDate | None = None
    budget: str | None = None
    expires_at: IsoDate | None = None


class InviteReminder(Invite):
    kind = "invite_reminder"
    category = R


class Joined(Payload):
    """To each organizer when someone joins."""

    kind = "joined"
    category = B
    action = "box_url"
    box_name: Text
    participant_name: Text
    box_url: Link
    participant_count: int | None = None


class DrawDone(Payload):
    """One row per santa; it names only their own giftee(s)."""

    kind = "draw_done"
    category = B
    action = "assignment_url"
    box_name: Text
    giftee_name: Text
    assignment_url: Link
    shipping_deadline: IsoDate | None = None
    event_date: IsoDate | None = None
    budget: str | None = None


class WishlistChanged(Payload):
    """To the santa(s) of a participant whose wishes changed after the draw."""

    kind = "wishlist_changed"
    category = B
    action = "assignment_url"
    box_name: Text
    giftee_name: Text
    assignment_url: Link


class AutoDrawFailed(Payload):
    """To the organizer, once per signup deadline."""

    kind = "auto_draw_failed"
    category = B
    action = "box_url"
    box_name: Text
    box_url: Link
    reason: Text


class PairsRevealed(Payload):
    """To every member after an organizer's audited break-glass reveal."""

    kind = "pairs_revealed"
    category = B
    action = "box_url"
    box_name: Text
    box_url: Link
    revealed_by: Text
    reason: Text


class SignupDeadlineReminder(Payload):
    kind = "signup_deadline_reminder"
    category = R
    action = "box_url"
    box_name: Text
    signup_deadline: IsoDate
    box_url: Link


class ShippingDeadlineReminder(Payload):
    """To santas."""

    kind = "shipping_deadline_reminder"
    category = R
    action = "assignment_url"
    box_name: Text
    shipping_deadline: IsoDate
    assignment_url: Link


class EventReminder(Payload):
    kind = "event_reminder"
    category = R
    action = "box_url"
    box_name: Text
    event_date: IsoDate
    box_url: Link


class WishesNudge(Payload):
    """To members with an empty wishlist."""

    kind = "wishes_nudge"
    category = R
    action = "box_url"
    box_name: Text
    box_url: Link


class AssignmentNudge(Payload):
    """To santas who never looked."""

    kind = "assignment_nudge"
    category = R
    action = "assignment_url"
    box_name: Text
    assignment_url: Link


class CardChanged(Payload):
    """To the santa(s) of a participant whose address or phone changed after the draw."""

    kind = "card_changed"
    category = B
    action = "assignment_url"
    box_name: Text
    giftee_name: Text
    assignment_url: Link


class NewMessage(Payload):
    """To the other side of a pair, at most once per thread per hour (never the body)."""

    kind = "new_message"
    category = B
    action = "messages_url"
    box_name: Text
    #: How the recipient names the other side: "Your Santa (2)" or the giftee's name.
    thread_title: Text
    messages_url: Link


class AnnouncementPosted(Payload):
    """To every member but the author."""

    kind = "announcement"
    category = B
    action = "box_url"
    box_name: Text
    author_name: Text
    body: Text
    box_url: Link


class GiftUpdated(Payload):
    """To the other side of the pair after a gift move (``action``: bought, sent, ...)."""

    kind = "gift_updated"
    category = B
    action = "gifts_url"
    box_name: Text
    #: The move (a payload field, unlike the ``action`` class variable naming the link).
    move: Text
    title: Text
    gifts_url: Link
    carrier: str | None = None
    tracking: str | None = None
    thank_you: str | None = None


class GiftIssue(Payload):
    """To the organizers: gifts not sent by the deadline, or one that did not arrive."""

    kind = "gift_issue"
    category = B
    action = "box_url"
    box_name: Text
    reason: Text
    box_url: Link
    giftee_name: str | None = None
    count: int | None = None


class AssignmentWithdrawn(Payload):
    """To a santa whose giftee was given a backup santa."""

    kind = "assignment_withdrawn"
    category = B
    action = "box_url"
    box_name: Text
    box_url: Link


class DrawRevealed(Payload):
    """To every member when the organizer reveals all pairs after the event."""

    kind = "draw_revealed"
    category = B
    action = "box_url"
    box_name: Text
    box_url: Link


#: Every kind's payload type, by kind name.
PAYLOADS: dict[str, type[Payload]] = {
    t.kind: t
    for t in (
        VerifyEmail,
        ResetPassword,
        SignupAttempt,
        Invite,
        InviteReminder,
        Joined,
        DrawDone,
        WishlistChanged,
        AutoDrawFailed,
        PairsRevealed,
        SignupDeadlineReminder,
        ShippingDeadlineReminder,
        EventReminder,
        WishesNudge,
        AssignmentNudge,
        CardChanged,
        NewMessage,
        AnnouncementPosted,
        GiftUpdated,
        GiftIssue,
        AssignmentWithdrawn,
        DrawRevealed,
    )
}
