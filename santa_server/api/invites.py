"""Invitations by email (one per address, expiring, resend), bulk import, the join link,
and what a code opens: look, accept, decline."""

from __future__ import annotations

import time
import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from santa_core.auth import accounts
from santa_core.auth.ratelimit import address_key, enforce, enforce_invite_send
from santa_core.auth.schemas import Registration, SignupAccepted
from santa_core.invite import join as join_service
from santa_core.invite import service as invite_service
from santa_core.invite.schemas import (
    Invitation,
    Invite,
    InviteCreate,
    InviteImport,
    InviteImportResult,
    InvitePage,
    JoinLink,
    Membership,
)
from santa_core.models import InviteStatus
from santa_server import security
from santa_server.api._common import Cursor, Page, PerPage, Search, WithTotal
from santa_server.api.auth import answer_no_sooner, signup_accepted
from santa_server.deps import CurrentUser, OptionalUser, SessionDep, SettingsDep
from santa_server.errors import problems

router = APIRouter(tags=["invites"])

Code = Annotated[str, Path(min_length=1, max_length=200, description="An invite or join code.")]


@router.get(
    "/boxes/{box_id}/invites",
    operation_id="list_invites",
    response_model=InvitePage,
    responses=problems("box_not_found", "invalid_input", "not_organizer"),
)
def list_invites(
    box_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    status_: Annotated[list[InviteStatus] | None, Query(alias="status")] = None,
    q: Search = None,
    page: Page = 1,
    per_page: PerPage = 50,
    cursor: Cursor = None,
    with_total: WithTotal = False,
) -> InvitePage:
    """The box's invitations, newest first (page by ``cursor`` in big boxes)."""
    return invite_service.list_invites(
        session,
        user,
        box_id,
        status=status_ or (),
        q=q,
        page=page,
        per_page=per_page,
        cursor=cursor,
        with_total=with_total,
    )


@router.post(
    "/boxes/{box_id}/invites",
    operation_id="create_invite",
    response_model=Invite,
    status_code=status.HTTP_201_CREATED,
    responses=problems(
        "rate_limited",
        "already_member",
        "box_not_editable",
        "box_not_found",
        "invite_exists",
        "not_organizer",
    ),
)
def create_invite(
    box_id: uuid.UUID,
    body: InviteCreate,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
) -> Invite:
    """Email an invitation (one per address); the person shows up as ``invited``."""
    enforce_invite_send(limiter, limits, user.id)
    invite = invite_service.create_invite(session, settings, user, box_id, data=body)
    return Invite.model_validate(invite)


@router.post(
    "/boxes/{box_id}/invites/import",
    operation_id="import_invites",
    response_model=InviteImportResult,
    responses=problems("rate_limited", "box_not_editable", "box_not_found", "not_organizer"),
)
def import_invites(
    box_id: uuid.UUID,
    body: InviteImport,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
) -> InviteImportResult:
    """Invite many addresses at once; members, pending invitations and repeats are skipped.

    Every address counts against ``SANTA_INVITE_SEND_MAX_PER_HOUR``, skipped ones too."""
    enforce_invite_send(limiter, limits, user.id, count=len(body.invites))
    ids, skipped = invite_service.invite_many(
        session, settings, user, box_id, entries=body.invites, message=body.message
    )
    return InviteImportResult(created=len(ids), skipped=skipped)


@router.post(
    "/boxes/{box_id}/invites/{invite_id}/resend",
    operation_id="resend_invite",
    response_model=Invite,
    responses=problems(
        "box_not_editable",
        "box_not_found",
        "invite_not_found",
        "invite_not_pending",
        "invite_resent_too_soon",
        "not_organizer",
    ),
)
def resend_invite(
    box_id: uuid.UUID,
    invite_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
) -> Invite:
    """Send again with a new code and expiry (the old link stops working)."""
    enforce_invite_send(limiter, limits, user.id)
    invite = invite_service.resend_invite(session, settings, user, box_id, invite_id)
    return Invite.model_validate(invite)


@router.delete(
    "/boxes/{box_id}/invites/{invite_id}",
    operation_id="revoke_invite",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problems("box_not_found", "invite_not_found", "invite_not_pending", "not_organizer"),
)
def revoke_invite(
    box_id: uuid.UUID, invite_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> Response:
    invite_service.revoke_invite(session, user, box_id, invite_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/boxes/{box_id}/join-link",
    operation_id="create_join_link",
    response_model=JoinLink,
    status_code=status.HTTP_201_CREATED,
    responses=problems("box_not_editable", "box_not_found", "not_organizer"),
)
def create_join_link(
    box_id: uuid.UUID, user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> JoinLink:
    """A new shareable join link, shown once (any earlier link stops working)."""
    return join_service.create_join_link(session, settings, user, box_id)


@router.delete(
    "/boxes/{box_id}/join-link",
    operation_id="disable_join_link",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problems("box_not_found", "not_organizer"),
)
def disable_join_link(box_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> Response:
    join_service.disable_join_link(session, user, box_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/invitations/{code}",
    operation_id="get_invitation",
    response_model=Invitation,
    responses=problems("rate_limited", "invite_not_found"),
)
def get_invitation(code: Code, session: SessionDep, guard: security.SecretGuardDep) -> Invitation:
    """What an invite or join code opens (no sign-in needed)."""
    with guard:
        return join_service.preview(session, code)


@router.post(
    "/invitations/{code}/accept",
    operation_id="accept_invitation",
    response_model=Membership,
    responses=problems(
        "rate_limited",
        "already_member",
        "box_not_editable",
        "invite_expired",
        "invite_not_found",
        "invite_not_pending",
    ),
)
def accept_invitation(
    code: Code,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    guard: security.SecretGuardDep,
) -> Membership:
    """Join the box as the signed-in user (sign up first when you have no account)."""
    with guard:
        participant = join_service.accept(session, settings, user, code)
    return join_service.membership(participant)


@router.post(
    "/invitations/{code}/decline",
    operation_id="decline_invitation",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problems("rate_limited", "invite_not_found", "invite_not_pending"),
)
def decline_invitation(
    code: Code, user: OptionalUser, session: SessionDep, guard: security.SecretGuardDep
) -> Response:
    """Say no to an email invitation."""
    with guard:
        join_service.decline(session, user, code)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/invitations/{code}/signup",
    operation_id="join_with_new_account",
    response_model=SignupAccepted,
    status_code=status.HTTP_202_ACCEPTED,
    responses=problems(
        "rate_limited",
        "box_not_editable",
        "invite_expired",
        "invite_not_found",
        "invite_not_pending",
        "weak_password",
    ),
)
def join_with_new_account(
    code: Code,
    body: Registration,
    session: SessionDep,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
    guard: security.SecretGuardDep,
) -> SignupAccepted:
    """No account yet? Make one and join in one step (a verification link is emailed).

    Answers like ``/auth/register``: the same whether or not the address already
    has an account. A new account is made and joins the box; for a taken address
    nothing changes and its owner is emailed that someone tried (they sign in and
    open the link again). Next: ``/auth/login``, then the box (accepting again
    is harmless).

    A valid code is the proof the caller was invited: instead of the anonymous
    sign-up cap per address (``SANTA_SIGNUP_MAX_PER_ADDRESS``) the box's own, far
    larger one applies (``SANTA_SIGNUP_MAX_PER_ADDRESS_WITH_CODE``), so a whole
    office behind one address can join through one link.
    """
    started = time.perf_counter()
    with guard:
        found = join_service.find(session, code)  # a wrong code creates no account
    enforce(limiter, limits.register_with_code, f"{address_key(ip)}|{found.box.id}")
    join_service.ensure_open(found)  # refused alike for every address
    user = accounts.sign_up(session, settings, body)
    if user is not None:
        join_service.accept(session, settings, user, code)
    answer_no_sooner(session, settings, started)
    return signup_accepted(settings, str(body.email))
