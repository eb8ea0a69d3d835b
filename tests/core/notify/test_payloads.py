"""Every kind has a typed payload, checked when its outbox row is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models, notify
from santa_core.notify import payloads
from santa_core.notify.kinds import KINDS
from santa_core.notify.payloads import PAYLOADS, InvalidPayload
from santa_core.notify.sealed import SEALED_KEY, unseal_payload
from tests.factories import make_user

TEMPLATES = Path(__file__).parents[3] / "santa_core" / "notify" / "templates"


class TestKinds:
    def test_every_kind_has_a_payload_type_and_a_template_pair(self) -> None:
        assert set(KINDS) == set(PAYLOADS)
        for name in KINDS:
            for language in ("ru", "en"):
                assert (TEMPLATES / language / f"{name}.txt").is_file(), (language, name)


class TestWrongPayloads:
    def test_a_missing_key_fails_when_the_row_is_written(self, db: Session) -> None:
        with pytest.raises(InvalidPayload, match="assignment_url"):
            notify.enqueue(
                db,
                kind="draw_done",
                recipient="a@example.com",
                payload={"box_name": "Office", "giftee_name": "Anna"},
            )
        assert db.scalars(select(models.OutboxMessage)).all() == []

    def test_an_unknown_key_fails(self, db: Session) -> None:
        with pytest.raises(InvalidPayload, match="pairs"):
            notify.enqueue(
                db,
                kind="wishes_nudge",
                recipient="a@example.com",
                payload={"box_name": "B", "box_url": "https://s/b", "pairs": "a→b"},
            )

    def test_a_payload_of_another_kind_fails(self, db: Session) -> None:
        payload = payloads.WishesNudge(box_name="B", box_url="https://s/b")
        with pytest.raises(InvalidPayload):
            notify.enqueue(db, kind="event_reminder", recipient="a@example.com", payload=payload)

    def test_a_typed_payload_refuses_wrong_values(self) -> None:
        with pytest.raises(ValidationError):
            payloads.EventReminder(box_name="B", event_date="next friday", box_url="https://s/b")
        with pytest.raises(ValidationError):
            payloads.Joined(box_name="", participant_name="Anna", box_url="https://s/b")

    def test_a_service_writing_a_wrong_payload_fails(self, db: Session) -> None:
        user = make_user(db)
        with pytest.raises(ValidationError):
            notify.send(db, user, payloads.PairsRevealed(box_name="B", box_url="https://s/b"))  # type: ignore[call-arg]


class TestStoredForm:
    def test_secrets_are_sealed_and_the_rest_is_kept_as_given(self, db: Session) -> None:
        user = make_user(db, full_name=None)
        row = notify.send(db, user, payloads.VerifyEmail(link="https://s/v?t=1", full_name=None))
        assert row is not None
        assert set(row.payload) == {SEALED_KEY, "full_name"}
        assert unseal_payload(row.payload) == {"link": "https://s/v?t=1", "full_name": None}
        assert (row.kind, row.recipient, row.recipient_user_id) == (
            "verify_email",
            user.email,
            user.id,
        )

    def test_a_stored_payload_can_be_copied_to_another_kind(self, db: Session) -> None:
        invite = payloads.Invite(box_name="B", inviter_name="M", accept_url="https://s/j/x")
        first = notify.enqueue(db, kind="invite", recipient="a@example.com", payload=invite)
        assert first is not None
        again = notify.enqueue(
            db, kind="invite_reminder", recipient="a@example.com", payload=first.payload
        )
        assert again is not None
        assert again.payload == first.payload
