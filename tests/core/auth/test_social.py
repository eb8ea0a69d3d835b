"""Which user a verified provider identity signs in as; linking and unlinking."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.auth import sessions, social
from santa_core.auth.errors import (
    AccountUnavailable,
    LastSignInMethod,
    SocialAccountNotFound,
    SocialAccountTaken,
    SocialEmailTaken,
)
from santa_core.auth.social import SocialIdentity
from santa_core.config import Settings
from santa_core.db import utcnow
from tests.conftest import make_settings
from tests.factories import make_user


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


def google(
    email: str | None = "pat@example.com", *, verified: bool = True, sub: str = "g-1"
) -> SocialIdentity:
    return SocialIdentity("google", sub, email, verified, "Pat Doe", {"name": "Pat Doe"})


class TestSignIn:
    def test_new_user(self, db: Session, settings: Settings) -> None:
        user = social.sign_in(db, settings, google("Pat@Example.com"))
        assert user.email == "pat@example.com"
        assert user.email_verified_at is not None
        assert user.password_hash is None
        assert user.full_name == "Pat Doe"
        (account,) = social.list_accounts(db, user)
        assert (account.provider, account.provider_account_id) == ("google", "g-1")

    def test_unverified_email_creates_an_unverified_user(
        self, db: Session, settings: Settings
    ) -> None:
        user = social.sign_in(db, settings, google(verified=False))
        assert user.email_verified_at is None

    def test_no_email_gets_a_placeholder(self, db: Session, settings: Settings) -> None:
        user = social.sign_in(db, settings, SocialIdentity("telegram", "42", None, False, "T"))
        assert user.email == "telegram-42@users.invalid"

    def test_linked_account_wins_over_email(self, db: Session, settings: Settings) -> None:
        first = social.sign_in(db, settings, google())
        again = social.sign_in(db, settings, google("changed@example.com"))
        assert again.id == first.id
        assert social.list_accounts(db, first)[0].email == "changed@example.com"

    def test_links_by_verified_email(self, db: Session, settings: Settings) -> None:
        local = make_user(
            db, email="pat@example.com", password_hash="x", email_verified_at=utcnow()
        )
        issued = sessions.start_session(db, settings, local)
        user = social.sign_in(db, settings, google())
        assert user.id == local.id
        assert user.password_hash == "x"
        assert sessions.is_active(db, issued.session_id)

    def test_unverified_local_account_is_claimed(self, db: Session, settings: Settings) -> None:
        squatter = make_user(db, email="pat@example.com", password_hash="x")
        issued = sessions.start_session(db, settings, squatter)
        user = social.sign_in(db, settings, google())
        assert user.id == squatter.id
        assert user.password_hash is None
        assert user.email_verified_at is not None
        assert not sessions.is_active(db, issued.session_id)

    def test_unverified_provider_email_never_links(self, db: Session, settings: Settings) -> None:
        make_user(db, email="pat@example.com", email_verified_at=utcnow())
        with pytest.raises(SocialEmailTaken):
            social.sign_in(db, settings, google(verified=False))

    @pytest.mark.parametrize("change", ["deleted", "inactive"])
    def test_unavailable_accounts(self, db: Session, settings: Settings, change: str) -> None:
        user = social.sign_in(db, settings, google())
        if change == "deleted":
            user.deleted_at = utcnow()
        else:
            user.is_active = False
        with pytest.raises(AccountUnavailable):
            social.sign_in(db, settings, google())
        with pytest.raises(AccountUnavailable):
            social.sign_in(db, settings, google(sub="g-2"))


class TestLink:
    def test_link_and_verify_matching_email(self, db: Session, settings: Settings) -> None:
        user = make_user(db, email="pat@example.com")
        social.link(db, user, google())
        assert user.email_verified_at is not None
        assert social.sign_in(db, settings, google()).id == user.id

    def test_taken(self, db: Session, settings: Settings) -> None:
        social.sign_in(db, settings, google())
        with pytest.raises(SocialAccountTaken):
            social.link(db, make_user(db), google())

    def test_telegram_and_vk_fill_notification_addresses(self, db: Session) -> None:
        user = make_user(db)
        social.link(db, user, SocialIdentity("telegram", "555", None, False))
        social.link(db, user, SocialIdentity("vk", "777", None, False))
        prefs = db.scalars(
            select(models.UserSettings).where(models.UserSettings.user_id == user.id)
        ).one()
        assert (prefs.telegram_chat_id, prefs.vk_user_id) == ("555", "777")


class TestUnlink:
    def test_last_method_stays(self, db: Session, settings: Settings) -> None:
        user = social.sign_in(db, settings, google())
        (account,) = social.list_accounts(db, user)
        with pytest.raises(LastSignInMethod):
            social.unlink(db, user, account.id)
        social.link(db, user, SocialIdentity("vk", "1", None, False))
        social.unlink(db, user, account.id)
        assert [a.provider for a in social.list_accounts(db, user)] == ["vk"]

    def test_with_a_password(self, db: Session) -> None:
        user = make_user(db, password_hash="x")
        account = social.link(db, user, google())
        social.unlink(db, user, account.id)
        assert social.list_accounts(db, user) == []

    def test_password_without_a_real_email_is_no_way_in(
        self, db: Session, settings: Settings
    ) -> None:
        # A Telegram-only account that set a password cannot sign in with it: its
        # email is a placeholder it never sees.
        user = social.sign_in(db, settings, SocialIdentity("telegram", "77", None, False))
        user.password_hash = "x"
        (account,) = social.list_accounts(db, user)
        with pytest.raises(LastSignInMethod):
            social.unlink(db, user, account.id)
        assert len(social.list_accounts(db, user)) == 1

    def test_someone_elses(self, db: Session, settings: Settings) -> None:
        owner = social.sign_in(db, settings, google())
        (account,) = social.list_accounts(db, owner)
        with pytest.raises(SocialAccountNotFound):
            social.unlink(db, make_user(db, password_hash="x"), account.id)
