"""Email invitations: invite one or many, resend, revoke, list (organizers).

One invitation per address and box. Inviting someone adds them to the box at
once as an ``invited`` member (so households can be set before they answer);
accepting links that member to the accepting account (:mod:`.join`). Inviting
an invited member again whose invitation lapsed (expired, or never sent in a
renewed box) sends a fresh invitation to that same member.
Large imports are written with bulk inserts (one statement per table).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session

from santa_core import audit, crypto, models, notify
from santa_core.box import lifecycle
from santa_core.box.access import load
from santa_core.box.lifecycle import Action
from santa_core.config import Settings
from santa_core.db import one_of, utcnow, values_table
from santa_core.errors import AlreadyMember, Conflict
from santa_core.invite.errors import InviteNotFound, InviteNotPending, InviteResentTooSoon
from santa_core.invite.schemas import (
    Invite,
    InviteCreate,
    InviteImportEntry,
    InvitePage,
    SkippedInvite,
    SkipReason,
)
from santa_core.kit import keyset
from santa_core.kit.bulk import bulk_insert
from santa_core.models import InviteStatus, Language, ParticipantRole, ParticipantStatus
from santa_core.notify import links, payloads
from santa_core.notify.wording import budget_text, display_name_of

#: A resend within this many seconds of the last send is refused.
RESEND_INTERVAL_SECONDS = 60
_CHUNK = 1000
INVITE_PREFIX = "inv_"
LINK_PREFIX = "join_"


class InviteExists(Conflict):
    code = "invite_exists"
    default_message = "This address already has a pending invitation to the box."


def new_code(prefix: str) -> tuple[str, str]:
    """A fresh code (256 random bits) and the hash we store."""
    code = prefix + crypto.new_token(32)
    return code, crypto.hash_token(code)


def invite_payload(
    settings: Settings,
    box: models.Box,
    inviter: str,
    code: str,
    expires_at: dt.datetime,
    message: str | None,
) -> payloads.Invite:
    extra: dict[str, str] = {}
    if message:
        extra["message"] = message
    if box.signup_deadline is not None:
        extra["signup_deadline"] = box.signup_deadline.isoformat()
    if box.event_date is not None:
        extra["event_date"] = box.event_date.isoformat()
    budget = budget_text(box)
    if budget:
        extra["budget"] = budget
    return payloads.Invite(
        box_name=box.name,
        inviter_name=inviter,
        expires_at=expires_at.isoformat(),
        accept_url=links.accept_url(settings, code),
        **extra,
    )


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def invite_many(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    entries: Sequence[InviteImportEntry | InviteCreate],
    message: str | None = None,
) -> tuple[list[uuid.UUID], list[SkippedInvite]]:
    """Invite every new address; skip members, pending invitations and repeats.

    Returns the new invitation ids (in input order) and the skipped addresses.
    """
    access = load(session, actor, box_id, manage=True, for_update=True)
    box = access.box
    lifecycle.require(Action.INVITE, box.status)
    now = utcnow()
    expires = now + dt.timedelta(days=settings.invite_ttl_days)

    skipped: list[SkippedInvite] = []
    wanted: dict[str, str | None] = {}
    for entry in entries:
        email = str(entry.email).strip().lower()
        if email in wanted:
            skipped.append(SkippedInvite(email=email, reason=SkipReason.DUPLICATE))
            continue
        wanted[email] = entry.display_name
    emails = list(wanted)

    members: set[str] = set()
    #: Invited people who never joined and whose invitation lapsed (expired, or a renewed
    #: box's): inviting them again sends a new invitation to the same member.
    unjoined: dict[str, uuid.UUID] = {}
    pending: set[str] = set()
    stale: list[str] = []
    accounts: dict[str, tuple[uuid.UUID, Language]] = {}
    P, Inv, U = models.Participant, models.EmailInvite, models.User
    dialect = session.get_bind().dialect.name
    for chunk in _chunks(emails):
        member_rows = select(P.id, P.email, P.user_id, P.status)
        invite_rows = select(Inv.email, Inv.status, Inv.expires_at)
        if dialect == "postgresql":
            # Each address looked up in the (box_id, email) indexes: the cost stays per
            # address however big the box already is (see santa_core.db.values_table).
            wanted_p, wanted_i = values_table(chunk), values_table(chunk)
            member_rows = member_rows.select_from(wanted_p).join(
                P, (P.box_id == box.id) & (P.email == wanted_p.c.value)
            )
            invite_rows = invite_rows.select_from(wanted_i).join(
                Inv, (Inv.box_id == box.id) & (Inv.email == wanted_i.c.value)
            )
        else:
            member_rows = member_rows.where(P.box_id == box.id, P.email.in_(chunk))
            invite_rows = invite_rows.where(Inv.box_id == box.id, Inv.email.in_(chunk))
        for pid, address, user_id, p_status in session.execute(member_rows):
            if address is None:
                continue
            if user_id is None and p_status is ParticipantStatus.INVITED:
                unjoined.setdefault(address, pid)
            else:
                members.add(address)
        for email, status, expires_at in session.execute(invite_rows):
            if status is InviteStatus.PENDING and expires_at > now:
                pending.add(email)
            else:
                stale.append(email)
        for user_id, email, language in session.execute(
            select(U.id, U.email, U.language).where(
                one_of(U.email, chunk, dialect=dialect), U.deleted_at.is_(None)
            )
        ):
            accounts[email] = (user_id, language)

    fresh: list[str] = []
    for email in emails:
        if email in pending:
            skipped.append(SkippedInvite(email=email, reason=SkipReason.ALREADY_INVITED))
        elif email in members:
            skipped.append(SkippedInvite(email=email, reason=SkipReason.ALREADY_MEMBER))
        else:
            fresh.append(email)
    fresh_set = set(fresh)
    stale_fresh = [e for e in stale if e in fresh_set]
    for chunk in _chunks(stale_fresh):
        session.execute(delete(Inv).where(Inv.box_id == box.id, Inv.email.in_(chunk)))

    inviter = display_name_of(actor)
    participants: list[dict[str, Any]] = []
    invites: list[dict[str, Any]] = []
    outbox: list[dict[str, Any]] = []
    invite_ids: list[uuid.UUID] = []
    for email in fresh:
        invite_id = uuid.uuid4()
        code, code_hash = new_code(INVITE_PREFIX)
        account = accounts.get(email)
        existing, name = unjoined.get(email), wanted[email]
        participant_id = existing or uuid.uuid4()
        if existing is not None:
            if name:
                placeholder = session.get(models.Participant, existing)
                assert placeholder is not None  # read in this transaction above
                placeholder.display_name = name
        else:
            participants.append(
                {
                    "id": participant_id,
                    "box_id": box.id,
                    "user_id": None,
                    "person_key": uuid.uuid4(),
                    "email": email,
                    "display_name": name or email.split("@")[0][:200],
                    "status": ParticipantStatus.INVITED,
                    "role": ParticipantRole.PARTICIPANT,
                    "takes_part": True,
                    "is_offline": False,
                    "wishes": "",
                    "wish_items": [],
                    "created_at": now,
                    "updated_at": now,
                }
            )
        invites.append(
            {
                "id": invite_id,
                "box_id": box.id,
                "email": email,
                "invite_code_hash": code_hash,
                "code_sealed": code,
                "status": InviteStatus.PENDING,
                "invited_by_id": actor.id,
                "participant_id": participant_id,
                "created_at": now,
                "expires_at": expires,
                "last_sent_at": now,
                "send_count": 1,
            }
        )
        outbox.append(
            notify.row(
                invite_payload(settings, box, inviter, code, expires, message),
                recipient=email,
                language=account[1] if account else actor.language,
                recipient_user_id=account[0] if account else None,
                box_id=box.id,
                dedupe_key=f"invite:{invite_id}:1",
                now=now,
            )
        )
        invite_ids.append(invite_id)
    if participants:
        bulk_insert(session, models.Participant, participants)
    if invites:
        session.flush()  # placeholders renamed above, before the bulk statements
        bulk_insert(session, models.EmailInvite, invites)
        notify.add_rows(session, outbox)
    audit.record(
        session,
        actor,
        "invite.sent",
        box_id=box.id,
        target_type="box",
        target_id=box.id,
        details={"created": len(invite_ids), "skipped": len(skipped)},
    )
    session.flush()
    return invite_ids, skipped


def create_invite(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    data: InviteCreate,
) -> models.EmailInvite:
    ids, skipped = invite_many(
        session, settings, actor, box_id, entries=[data], message=data.message
    )
    if skipped:
        email = skipped[0].email
        if skipped[0].reason is SkipReason.ALREADY_MEMBER:
            raise AlreadyMember(email=email)
        raise InviteExists(email=email)
    invite = session.get(models.EmailInvite, ids[0])
    assert invite is not None
    return invite


def _get_invite(
    session: Session, actor: models.User, box_id: uuid.UUID, invite_id: uuid.UUID
) -> tuple[models.Box, models.EmailInvite]:
    access = load(session, actor, box_id, manage=True, for_update=True)
    invite = session.get(models.EmailInvite, invite_id)
    if invite is None or invite.box_id != access.box.id:
        raise InviteNotFound()
    return access.box, invite


def resend_invite(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    invite_id: uuid.UUID,
    /,
) -> models.EmailInvite:
    """A new code and expiry (the old link stops working), emailed again."""
    box, invite = _get_invite(session, actor, box_id, invite_id)
    lifecycle.require(Action.INVITE, box.status)
    if invite.status not in (InviteStatus.PENDING, InviteStatus.EXPIRED):
        raise InviteNotPending()
    now = utcnow()
    if (
        invite.last_sent_at is not None
        and (now - invite.last_sent_at).total_seconds() < RESEND_INTERVAL_SECONDS
    ):
        raise InviteResentTooSoon(retry_after=RESEND_INTERVAL_SECONDS)
    code, code_hash = new_code(INVITE_PREFIX)
    invite.invite_code_hash = code_hash
    invite.code_sealed = code
    invite.status = InviteStatus.PENDING
    invite.expires_at = now + dt.timedelta(days=settings.invite_ttl_days)
    invite.last_sent_at = now
    invite.send_count += 1
    account = session.scalars(
        select(models.User).where(
            models.User.email == invite.email, models.User.deleted_at.is_(None)
        )
    ).first()
    notify.enqueue(
        session,
        kind="invite",
        recipient=invite.email,
        language=account.language if account else actor.language,
        recipient_user_id=account.id if account else None,
        box_id=box.id,
        payload=invite_payload(
            settings, box, display_name_of(actor), code, invite.expires_at, None
        ),
        dedupe_key=f"invite:{invite.id}:{invite.send_count}",
    )
    audit.record(
        session,
        actor,
        "invite.resent",
        box_id=box.id,
        target_type="invite",
        target_id=invite.id,
        details={"send_count": invite.send_count},
    )
    session.flush()
    return invite


def revoke_invite(
    session: Session, actor: models.User, box_id: uuid.UUID, invite_id: uuid.UUID, /
) -> None:
    """Withdraw a pending invitation; its not-yet-joined member leaves the box."""
    box, invite = _get_invite(session, actor, box_id, invite_id)
    if invite.status not in (InviteStatus.PENDING, InviteStatus.EXPIRED):
        raise InviteNotPending()
    invite.status = InviteStatus.REVOKED
    invite.code_sealed = None
    invite.responded_at = utcnow()
    drop_unjoined_member(session, invite)
    audit.record(
        session, actor, "invite.revoked", box_id=box.id, target_type="invite", target_id=invite.id
    )
    session.flush()


def drop_unjoined_member(session: Session, invite: models.EmailInvite) -> None:
    if invite.participant_id is None:
        return
    participant = session.get(models.Participant, invite.participant_id)
    if (
        participant is not None
        and participant.user_id is None
        and participant.status is ParticipantStatus.INVITED
    ):
        invite.participant_id = None
        session.delete(participant)


def present_invite(invite: models.EmailInvite, *, now: dt.datetime | None = None) -> Invite:
    """The invitation as the organizer sees it: a lapsed pending one shows as expired."""
    out = Invite.model_validate(invite)
    if out.status is InviteStatus.PENDING and out.expires_at <= (now or utcnow()):
        out.status = InviteStatus.EXPIRED
    return out


def list_invites(
    session: Session,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    status: Sequence[InviteStatus] = (),
    q: str | None = None,
    page: int = 1,
    per_page: int = 50,
    cursor: str | None = None,
    with_total: bool = False,
) -> InvitePage:
    """Newest first; by ``cursor`` or ``page``; ``total`` on the first page or when asked."""
    access = load(session, actor, box_id, manage=True)
    Inv = models.EmailInvite
    now = utcnow()
    stmt = select(Inv).where(Inv.box_id == access.box.id)
    if status:
        # A pending invitation past its expiry is expired, even before the
        # hourly job has marked it so.
        lapsed = (Inv.status == InviteStatus.PENDING) & (Inv.expires_at <= now)
        effective = case((lapsed, InviteStatus.EXPIRED.value), else_=Inv.status)
        stmt = stmt.where(effective.in_([s.value for s in status]))
    if q:
        stmt = stmt.where(Inv.email.contains(q.lower(), autoescape=True))
    total: int | None = None
    if with_total or (cursor is None and page == 1):
        total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    ordered = stmt.order_by(Inv.created_at.desc(), Inv.email)
    if cursor is not None:
        ordered = ordered.where(keyset.after(Inv.created_at, Inv.email, cursor, descending=True))
    else:
        ordered = ordered.offset((page - 1) * per_page)
    rows = session.scalars(ordered.limit(per_page + 1)).all()
    more = len(rows) > per_page
    rows = rows[:per_page]
    return InvitePage(
        items=[present_invite(r, now=now) for r in rows],
        total=total,
        page=page if cursor is None else 1,
        per_page=per_page,
        next_cursor=keyset.encode(rows[-1].created_at, rows[-1].email) if more else None,
    )
