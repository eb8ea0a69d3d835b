"""Password accounts through the services: registration, links, sign-in rules, administration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.auth import accounts, links, passwords, sessions
from santa_core.auth.errors import (
    AccountUnavailable,
    EmailNotVerified,
    EmailTaken,
    InvalidCredentials,
    InvalidOneTimeToken,
    WeakPassword,
    WrongPassword,
)
from santa_core.auth.schemas import AccountDeletion, PasswordChange, Registration
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.errors import UserNotFound
from santa_core.models import TokenPurpose
from santa_core.notify.sealed import unseal_payload
from tests.conftest import make_settings

FAST = {"argon2_time_cost": 1, "argon2_memory_cost_kib": 1024, "argon2_parallelism": 1}
PASSWORD = "tea and biscuits"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path, **FAST)


def _register(db: Session, settings: Settings, email: str = "ann@example.com") -> models.User:
    return accounts.register(db, settings, Registration(email=email, password=PASSWORD))


def _mails(db: Session, kind: str) -> list[models.OutboxMessage]:
    return list(db.scalars(select(models.OutboxMessage).where(models.OutboxMessage.kind == kind)))


class TestRegister:
    def test_creates_user_settings_and_verification_mail(
        self, db: Session, settings: Settings
    ) -> None:
        user = _register(db, settings, " Ann@Example.COM")
        assert user.email == "ann@example.com"
        assert user.password_hash
        assert user.password_hash.startswith("$argon2id$")
        assert db.scalars(
            select(models.UserSettings).where(models.UserSettings.user_id == user.id)
        ).one()
        (mail,) = _mails(db, "verify_email")
        assert mail.recipient_user_id == user.id
        assert set(mail.payload) == {"sealed", "full_name", "expires_at"}
        assert "token=" not in repr(mail.payload)
        token = unseal_payload(mail.payload)["link"].split("token=")[1]
        (record,) = db.scalars(select(models.OneTimeToken)).all()
        assert record.token_hash != token
        assert record.expires_at - record.created_at == dt.timedelta(hours=48)

    def test_taken_even_by_a_deleted_account(self, db: Session, settings: Settings) -> None:
        user = _register(db, settings)
        user.deleted_at = utcnow()
        with pytest.raises(EmailTaken):
            _register(db, settings, "ANN@example.com")


class TestLinks:
    def test_wrong_purpose_is_refused(self, db: Session, settings: Settings) -> None:
        user = _register(db, settings)
        url, _ = links.issue(db, settings, user, TokenPurpose.RESET_PASSWORD)
        token = url.split("token=")[1]
        with pytest.raises(InvalidOneTimeToken):
            links.consume(db, token, TokenPurpose.VERIFY_EMAIL)
        assert links.consume(db, token, TokenPurpose.RESET_PASSWORD).id == user.id

    def test_deleted_users_links_are_dead(self, db: Session, settings: Settings) -> None:
        user = _register(db, settings)
        url, _ = links.issue(db, settings, user, TokenPurpose.RESET_PASSWORD)
        user.deleted_at = utcnow()
        with pytest.raises(InvalidOneTimeToken):
            links.consume(db, url.split("token=")[1], TokenPurpose.RESET_PASSWORD)


class TestAuthenticate:
    def test_good_and_bad(self, db: Session, settings: Settings) -> None:
        user = _register(db, settings)
        assert accounts.authenticate(db, settings, "ANN@example.com", PASSWORD).id == user.id
        with pytest.raises(InvalidCredentials):
            accounts.authenticate(db, settings, "ann@example.com", "biscuits and tea")
        with pytest.raises(InvalidCredentials):
            accounts.authenticate(db, settings, "nobody@example.com", PASSWORD)

    def test_deactivated_is_named_only_with_the_right_password(
        self, db: Session, settings: Settings
    ) -> None:
        user = _register(db, settings)
        user.is_active = False
        with pytest.raises(InvalidCredentials):
            accounts.authenticate(db, settings, "ann@example.com", "wrong password!")
        with pytest.raises(AccountUnavailable):
            accounts.authenticate(db, settings, "ann@example.com", PASSWORD)

    def test_social_only_account_has_no_password(self, db: Session, settings: Settings) -> None:
        db.add(models.User(email="social@example.com"))
        db.flush()
        with pytest.raises(InvalidCredentials):
            accounts.authenticate(db, settings, "social@example.com", "")

    def test_verification_required(self, db: Session, tmp_path: Path) -> None:
        strict = make_settings(tmp_path, require_email_verification=True, **FAST)
        user = _register(db, strict)
        with pytest.raises(EmailNotVerified):
            accounts.authenticate(db, strict, "ann@example.com", PASSWORD)
        user.email_verified_at = utcnow()
        accounts.authenticate(db, strict, "ann@example.com", PASSWORD)

    def test_weaker_old_hashes_are_upgraded(
        self, db: Session, settings: Settings, tmp_path: Path
    ) -> None:
        user = _register(db, settings)
        old = user.password_hash
        stronger = make_settings(tmp_path, **{**FAST, "argon2_time_cost": 2})
        accounts.authenticate(db, stronger, "ann@example.com", PASSWORD)
        assert user.password_hash != old
        assert user.password_hash
        assert ",t=2," in user.password_hash


class TestPasswords:
    def test_change_requires_the_current_one(self, db: Session, settings: Settings) -> None:
        user = _register(db, settings)
        with pytest.raises(WrongPassword):
            accounts.change_password(
                db, settings, user, PasswordChange(new_password="new secret here")
            )
        keep = sessions.start_session(db, settings, user)
        drop = sessions.start_session(db, settings, user)
        accounts.change_password(
            db,
            settings,
            user,
            PasswordChange(current_password=PASSWORD, new_password="new secret here"),
            current_session=keep.session_id,
        )
        assert passwords.verify_password(settings, user.password_hash, "new secret here").ok
        assert sessions.is_active(db, keep.session_id)
        assert not sessions.is_active(db, drop.session_id)

    def test_reset_voids_older_links(self, db: Session, settings: Settings) -> None:
        user = _register(db, settings)
        accounts.request_password_reset(db, settings, "ann@example.com")
        accounts.request_password_reset(db, settings, "ann@example.com")
        first, second = (
            unseal_payload(m.payload)["link"].split("token=")[1]
            for m in _mails(db, "reset_password")
        )
        with pytest.raises(InvalidOneTimeToken):
            accounts.reset_password(db, settings, first, "brand new secret")
        accounts.reset_password(db, settings, second, "brand new secret")
        assert user.email_verified_at is not None

    @pytest.mark.parametrize("state", ["deleted", "inactive", "placeholder"])
    def test_no_reset_mail_for_unreachable_accounts(
        self, db: Session, settings: Settings, state: str
    ) -> None:
        user = _register(db, settings)
        if state == "deleted":
            user.deleted_at = utcnow()
        elif state == "inactive":
            user.is_active = False
        else:
            user.email = accounts.placeholder_email("telegram", "1")
        accounts.request_password_reset(db, settings, user.email)
        assert _mails(db, "reset_password") == []


class TestDelete:
    def test_soft_delete(self, db: Session, settings: Settings) -> None:
        user = _register(db, settings)
        issued = sessions.start_session(db, settings, user)
        with pytest.raises(WrongPassword):
            accounts.delete_account(db, settings, user, AccountDeletion(password="nope nope"))
        accounts.delete_account(db, settings, user, AccountDeletion(password=PASSWORD))
        assert user.deleted_at is not None
        assert not sessions.is_active(db, issued.session_id)
        assert db.scalars(select(models.OneTimeToken)).all() == []
        with pytest.raises(UserNotFound):
            accounts.get_user_by_email(db, "ann@example.com")


class TestAdministration:
    def test_create_superuser(self, db: Session, settings: Settings) -> None:
        admin = accounts.create_user(
            db, settings, email="Root@Example.com", password="root password", is_superuser=True
        )
        assert admin.is_superuser
        assert admin.email_verified_at is not None
        assert (
            accounts.authenticate(db, settings, "root@example.com", "root password").id == admin.id
        )
        with pytest.raises(EmailTaken):
            accounts.create_user(db, settings, email="root@example.com", password=None)

    def test_deactivate_signs_out(self, db: Session, settings: Settings) -> None:
        user = _register(db, settings)
        issued = sessions.start_session(db, settings, user)
        accounts.set_active(db, user, active=False)
        assert not sessions.is_active(db, issued.session_id)
        accounts.set_active(db, user, active=True)
        assert user.is_active
        actions = db.scalars(select(models.AuditEvent.action)).all()
        assert {"user.deactivated", "user.activated"} <= set(actions)


class TestSignUp:
    def _kinds(self, db: Session, email: str) -> list[str]:
        return list(
            db.scalars(
                select(models.OutboxMessage.kind).where(models.OutboxMessage.recipient == email)
            )
        )

    def test_a_new_address_gets_its_account(self, db: Session, settings: Settings) -> None:
        data = Registration(email="New@Example.com", password="a long password 1")
        user = accounts.sign_up(db, settings, data)
        assert user is not None
        assert user.email == "new@example.com"
        assert self._kinds(db, "new@example.com") == ["verify_email"]

    def test_a_taken_address_changes_nothing_and_tells_its_owner(
        self, db: Session, settings: Settings
    ) -> None:
        owner = _register(db, settings)
        before = owner.password_hash
        data = Registration(email="ann@example.com", password="someone else's 1", full_name="X")
        assert accounts.sign_up(db, settings, data) is None
        assert accounts.sign_up(db, settings, data) is None  # within the hour: one notice
        assert owner.password_hash == before
        assert owner.full_name != "X"
        assert self._kinds(db, "ann@example.com").count("signup_attempt") == 1
        events = db.scalars(
            select(models.AuditEvent.action).where(models.AuditEvent.target_id == owner.id)
        ).all()
        assert events.count("user.signup_attempted") == 2

    def test_a_weak_password_is_refused_either_way(self, db: Session, settings: Settings) -> None:
        _register(db, settings)
        for email in ("ann@example.com", "fresh@example.com"):
            with pytest.raises(WeakPassword):
                accounts.sign_up(db, settings, Registration(email=email, password=email))
