"""Invitations: bulk import, one per address, resend rotates the code, accept/decline, links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import crypto, models
from santa_core.errors import BoxNotEditable
from santa_core.invite import join as join_service
from santa_core.invite import service as invite_service
from santa_core.invite.errors import (
    InviteExpired,
    InviteNotFound,
    InviteNotPending,
    InviteResentTooSoon,
)
from santa_core.invite.schemas import InviteCreate, InviteImportEntry, SkipReason
from santa_core.models import BoxStatus, InviteStatus, ParticipantStatus
from santa_core.notify.sealed import SEALED_KEY, unseal_payload
from tests.conftest import make_settings
from tests.factories import make_box, make_member, make_user

SETTINGS = make_settings(Path("/nonexistent"), public_base_url="https://santa.example")


def _owner(db: Session, box: models.Box) -> models.User:
    user = db.get(models.User, box.organizer_id)
    assert user is not None
    return user


def _code_for(db: Session, email: str) -> str:
    rows = db.scalars(
        select(models.OutboxMessage)
        .where(models.OutboxMessage.kind == "invite", models.OutboxMessage.recipient == email)
        .order_by(models.OutboxMessage.created_at.desc())
    ).all()
    url = unseal_payload(rows[0].payload)["accept_url"]
    assert url.startswith("https://santa.example/join/inv_")
    return str(url.rsplit("/", 1)[1])


class TestImport:
    def test_skips_members_pending_and_repeats(self, db: Session) -> None:
        box = make_box(db)
        owner = _owner(db, box)
        make_member(db, box, email="member@example.com")
        invite_service.create_invite(
            db, SETTINGS, owner, box.id, data=InviteCreate(email="pending@example.com")
        )
        emails = ["member@example.com", "pending@example.com", "New@Example.com", "new@example.com"]
        ids, skipped = invite_service.invite_many(
            db,
            SETTINGS,
            owner,
            box.id,
            entries=[InviteImportEntry(email=e) for e in emails],
        )
        assert len(ids) == 1
        assert {(s.email, s.reason) for s in skipped} == {
            ("member@example.com", SkipReason.ALREADY_MEMBER),
            ("pending@example.com", SkipReason.ALREADY_INVITED),
            ("new@example.com", SkipReason.DUPLICATE),
        }
        new = db.scalars(
            select(models.Participant).where(models.Participant.email == "new@example.com")
        ).one()
        assert new.status is ParticipantStatus.INVITED
        assert new.display_name == "new"

    def test_email_payload_holds_the_link_sealed(self, db: Session) -> None:
        box = make_box(db, name="Office")
        invite_service.create_invite(
            db, SETTINGS, _owner(db, box), box.id, data=InviteCreate(email="x@example.com")
        )
        row = db.scalars(select(models.OutboxMessage)).one()
        assert "accept_url" not in row.payload
        assert row.payload[SEALED_KEY]["accept_url"].startswith("enc1:")
        opened = unseal_payload(row.payload)
        assert opened["box_name"] == "Office"
        assert crypto.hash_token(opened["accept_url"].rsplit("/", 1)[1]) == (
            db.scalars(select(models.EmailInvite.invite_code_hash)).one()
        )

    def test_no_invitations_after_the_draw(self, db: Session) -> None:
        box = make_box(db)
        box.status = BoxStatus.MATCHED
        with pytest.raises(BoxNotEditable):
            invite_service.create_invite(
                db, SETTINGS, _owner(db, box), box.id, data=InviteCreate(email="late@example.com")
            )


class TestResendRevoke:
    def test_resend_rotates_the_code(self, db: Session) -> None:
        box = make_box(db)
        owner = _owner(db, box)
        invite = invite_service.create_invite(
            db, SETTINGS, owner, box.id, data=InviteCreate(email="r@example.com")
        )
        old = _code_for(db, "r@example.com")
        with pytest.raises(InviteResentTooSoon):
            invite_service.resend_invite(db, SETTINGS, owner, box.id, invite.id)
        assert invite.last_sent_at is not None
        invite.last_sent_at -= dt.timedelta(minutes=2)
        invite_service.resend_invite(db, SETTINGS, owner, box.id, invite.id)
        new = _code_for(db, "r@example.com")
        assert new != old
        assert invite.send_count == 2
        with pytest.raises(InviteNotFound):
            join_service.preview(db, old)
        assert join_service.preview(db, new).box_name == box.name

    def test_revoke_removes_the_invited_member(self, db: Session) -> None:
        box = make_box(db)
        owner = _owner(db, box)
        invite = invite_service.create_invite(
            db, SETTINGS, owner, box.id, data=InviteCreate(email="gone@example.com")
        )
        pid = invite.participant_id
        invite_service.revoke_invite(db, owner, box.id, invite.id)
        assert invite.status is InviteStatus.REVOKED
        assert pid is not None
        assert db.get(models.Participant, pid) is None
        with pytest.raises(InviteNotPending):
            join_service.accept(db, SETTINGS, make_user(db), _code_for(db, "gone@example.com"))


class TestAccept:
    def test_accept_links_the_invited_member(self, db: Session) -> None:
        box = make_box(db)
        invite = invite_service.create_invite(
            db, SETTINGS, _owner(db, box), box.id, data=InviteCreate(email="a@example.com")
        )
        user = make_user(db, email="a@example.com", full_name="Anna")
        participant = join_service.accept(db, SETTINGS, user, _code_for(db, "a@example.com"))
        assert participant.id == invite.participant_id
        assert participant.user_id == user.id
        assert participant.status is ParticipantStatus.ACTIVE
        assert participant.display_name == "Anna"
        assert invite.status is InviteStatus.ACCEPTED
        again = join_service.accept(db, SETTINGS, user, _code_for(db, "a@example.com"))
        assert again.id == participant.id  # a second click is harmless
        joined = db.scalars(
            select(models.OutboxMessage).where(models.OutboxMessage.kind == "joined")
        ).all()
        assert [j.recipient for j in joined] == [_owner(db, box).email]

    def test_expired(self, db: Session) -> None:
        box = make_box(db)
        invite = invite_service.create_invite(
            db, SETTINGS, _owner(db, box), box.id, data=InviteCreate(email="e@example.com")
        )
        invite.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        code = _code_for(db, "e@example.com")
        assert join_service.preview(db, code).status is InviteStatus.EXPIRED
        with pytest.raises(InviteExpired):
            join_service.accept(db, SETTINGS, make_user(db), code)

    def test_a_lapsed_invitation_lists_as_expired_before_the_job_runs(self, db: Session) -> None:
        box = make_box(db)
        owner = _owner(db, box)
        lapsed = invite_service.create_invite(
            db, SETTINGS, owner, box.id, data=InviteCreate(email="late@example.com")
        )
        invite_service.create_invite(
            db, SETTINGS, owner, box.id, data=InviteCreate(email="fresh@example.com")
        )
        lapsed.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        db.flush()
        page = invite_service.list_invites(db, owner, box.id)
        shown = {i.email: i.status for i in page.items}
        assert shown == {
            "late@example.com": InviteStatus.EXPIRED,
            "fresh@example.com": InviteStatus.PENDING,
        }
        assert lapsed.status is InviteStatus.PENDING  # the row itself is the job's to change

        def emails(*status: InviteStatus) -> list[str]:
            found = invite_service.list_invites(db, owner, box.id, status=status)
            return [i.email for i in found.items]

        assert emails(InviteStatus.EXPIRED) == ["late@example.com"]
        assert emails(InviteStatus.PENDING) == ["fresh@example.com"]
        assert sorted(emails(InviteStatus.PENDING, InviteStatus.EXPIRED)) == [
            "fresh@example.com",
            "late@example.com",
        ]

    def test_decline(self, db: Session) -> None:
        box = make_box(db)
        invite = invite_service.create_invite(
            db, SETTINGS, _owner(db, box), box.id, data=InviteCreate(email="no@example.com")
        )
        join_service.decline(db, None, _code_for(db, "no@example.com"))
        assert invite.status is InviteStatus.DECLINED
        assert invite.participant_id is None

    def test_unknown_codes(self, db: Session) -> None:
        for code in ("", "inv_nope", "x" * 500):
            with pytest.raises(InviteNotFound):
                join_service.preview(db, code)


class TestJoinLink:
    def test_join_rotate_disable(self, db: Session) -> None:
        box = make_box(db)
        owner = _owner(db, box)
        first = join_service.create_join_link(db, SETTINGS, owner, box.id)
        assert box.join_code_hash == crypto.hash_token(first.code)
        user = make_user(db)
        participant = join_service.accept(db, SETTINGS, user, first.code)
        assert participant.status is ParticipantStatus.ACTIVE
        # a second click: the same membership (signing up from the link joined already)
        assert join_service.accept(db, SETTINGS, user, first.code) is participant
        second = join_service.create_join_link(db, SETTINGS, owner, box.id)
        with pytest.raises(InviteNotFound):
            join_service.accept(db, SETTINGS, make_user(db), first.code)
        join_service.disable_join_link(db, owner, box.id)
        with pytest.raises(InviteNotFound):
            join_service.preview(db, second.code)

    def test_closed_box_takes_no_one(self, db: Session) -> None:
        box = make_box(db)
        link = join_service.create_join_link(db, SETTINGS, _owner(db, box), box.id)
        box.status = BoxStatus.MATCHED
        assert join_service.preview(db, link.code).open is False
        with pytest.raises(BoxNotEditable):
            join_service.accept(db, SETTINGS, make_user(db), link.code)
