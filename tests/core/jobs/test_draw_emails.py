"""Acceptance: a real draw's emails reach the right people in their language, through a
real SMTP server and a SendGrid fake, and each giftee's name reaches only their santa."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from santa_core import models
from santa_core.config import Settings
from santa_core.db import make_sessionmaker, session_scope
from santa_core.draw import fanout
from santa_core.draw import service as draw_service
from santa_core.draw.errors import SecrecyNotAcknowledged
from santa_core.draw.service import run_draw
from santa_core.jobs import build_jobs, make_huey
from santa_core.jobs.app import Jobs
from santa_core.jobs.autodraw import run_auto_draws
from santa_core.mail.sendgrid import SendGridBackend
from santa_core.mail.smtp import SmtpBackend, SmtpConfig
from santa_core.models import BoxStatus, Language
from tests.factories import make_box, make_member, make_user
from tests.peers.sendgrid import FakeSendGrid
from tests.peers.smtp import SmtpSink

NAMES = [
    ("Alisa Zhukova", Language.RU),
    ("Boris Kuznetsov", Language.RU),
    ("Carmen Delgado", Language.EN),
    ("Dmitri Orlov", Language.RU),
    ("Elena Fischer", Language.EN),
]
SUBJECT = {
    # The subject names the box, never the giftee (privacy: it shows in inbox lists).
    Language.RU: "Жеребьёвка в «Офис 2026» проведена",
    Language.EN: 'Your Secret Santa draw in "Офис 2026" is done',
}


def make_drawable_box(engine: Engine) -> tuple[uuid.UUID, dict[str, tuple[str, Language]]]:
    """A ready box of five people with accounts (the organizer is the first)."""
    factory = make_sessionmaker(engine)
    people: dict[str, tuple[str, Language]] = {}
    with session_scope(factory) as s:
        owner = make_user(s, email="alisa@example.com", full_name=NAMES[0][0], language=NAMES[0][1])
        box = make_box(s, owner=owner, name="Офис 2026")
        people[owner.email] = NAMES[0]
        for name, language in NAMES[1:]:
            email = f"{name.split()[0].lower()}@example.com"
            user = make_user(s, email=email, full_name=name, language=language)
            make_member(s, box, user, wishes="something nice")
            people[email] = (name, language)
        box.status = BoxStatus.READY
        return box.id, people


def pairs_by_email(engine: Engine, box_id: uuid.UUID) -> dict[str, str]:
    with session_scope(make_sessionmaker(engine)) as s:
        P = models.Participant
        names = dict(s.execute(select(P.id, P.display_name).where(P.box_id == box_id)).all())
        emails = dict(s.execute(select(P.id, P.email).where(P.box_id == box_id)).all())
        draws = s.execute(
            select(models.Draw.santa_participant_id, models.Draw.giftee_participant_id).where(
                models.Draw.box_id == box_id
            )
        ).all()
    return {emails[santa]: names[giftee] for santa, giftee in draws}


def check_emails(
    got: dict[str, tuple[str, str]],  # recipient -> (subject, text body)
    people: dict[str, tuple[str, Language]],
    giftee_of: dict[str, str],
) -> None:
    assert set(got) == set(people)
    all_names = {name for name, _ in people.values()}
    for email, (subject, body) in got.items():
        own_name, language = people[email]
        giftee = giftee_of[email]
        assert subject == SUBJECT[language]
        assert giftee not in subject
        named = {n for n in all_names if re.search(re.escape(n), body)}
        assert named == {own_name, giftee}, f"{email} sees {named}"
        if language is Language.RU:
            assert "Здравствуйте" in body
            assert "Жеребьёвка в «Офис 2026» проведена" in body
        else:
            assert body.startswith(f"Hi {own_name},")


def smtp_jobs(settings: Settings, factory: sessionmaker[Session], sink: SmtpSink) -> Jobs:
    """Jobs that run at once and mail through ``sink``."""
    return build_jobs(
        settings,
        factory=factory,
        huey=make_huey(settings, immediate=True),
        email=SmtpBackend(SmtpConfig("127.0.0.1", sink.port, settings.email_from)),
    )


def test_draw_done_through_smtp(settings: Settings, engine: Engine) -> None:
    box_id, people = make_drawable_box(engine)
    factory = make_sessionmaker(engine)
    with SmtpSink() as sink:
        jobs = smtp_jobs(settings, factory, sink)
        jobs.install_commit_signal()
        with session_scope(factory) as s:
            organizer = s.scalars(
                select(models.User).where(models.User.email == "alisa@example.com")
            ).one()
            run_draw(s, organizer, box_id, settings=settings)
        jobs.enqueue_sweep()  # what a consumer does every few seconds
        received = sink.wait_for(len(people))
        jobs.close()
    got = {r.rcpt_tos[0]: (str(r.message["Subject"]), r.part("plain")) for r in received}
    check_emails(got, people, pairs_by_email(engine, box_id))
    for r in received:
        html = r.part("html")
        assert r.message["List-Unsubscribe"] is not None
        assert pairs_by_email(engine, box_id)[r.rcpt_tos[0]] in html


def test_draw_done_through_sendgrid(settings: Settings, engine: Engine) -> None:
    box_id, people = make_drawable_box(engine)
    factory = make_sessionmaker(engine)
    with session_scope(factory) as s:
        organizer = s.scalars(
            select(models.User).where(models.User.email == "alisa@example.com")
        ).one()
        run_draw(s, organizer, box_id, settings=settings)
    with FakeSendGrid() as fake:
        jobs = build_jobs(
            settings,
            factory=factory,
            huey=make_huey(settings, memory=True),
            email=SendGridBackend(api_key=fake.api_key, host=fake.url, sender=settings.email_from),
        )
        stats = jobs.relay.drain()
        jobs.close()
        sent = fake.wait_for(len(people))
    assert stats.sent == len(people)
    assert len(fake.requests) == 1  # one request, one personalization per santa
    got = {e.to: (e.subject, e.text) for e in sent}
    check_emails(got, people, pairs_by_email(engine, box_id))


@pytest.mark.parametrize("status", [BoxStatus.READY, BoxStatus.DRAFT])
def test_auto_draw_uses_the_draw_service(
    settings: Settings, engine: Engine, status: BoxStatus
) -> None:
    import datetime as dt

    from santa_core.db import utcnow

    box_id, people = make_drawable_box(engine)
    factory = make_sessionmaker(engine)
    with session_scope(factory) as s:
        box = s.get(models.Box, box_id)
        assert box is not None
        box.auto_draw = True
        box.status = status
        box.signup_deadline = utcnow() - dt.timedelta(minutes=1)
    report = run_auto_draws(factory, settings, now=utcnow())
    assert report.drawn == [box_id], report.failed
    with session_scope(factory) as s:
        kinds = s.scalars(select(models.OutboxMessage.kind)).all()
        box = s.get(models.Box, box_id)
        assert box is not None
        assert box.status is BoxStatus.MATCHED
    assert sorted(kinds) == ["draw_done"] * len(people)


def test_auto_draw_accepts_the_secrecy_warning_of_a_small_box(
    settings: Settings, engine: Engine
) -> None:
    import datetime as dt

    from santa_core.db import utcnow

    factory = make_sessionmaker(engine)
    with session_scope(factory) as s:
        owner = make_user(s, email="olga@example.com", full_name="Olga")
        box = make_box(s, owner=owner, name="Three of us", auto_draw=True)
        for name in ("Pavel", "Rita"):
            make_member(s, box, make_user(s, email=f"{name.lower()}@example.com", full_name=name))
        box.status = BoxStatus.READY
        box.signup_deadline = utcnow() - dt.timedelta(minutes=1)
        box_id, owner_id = box.id, owner.id

    def draw_by_hand() -> None:  # the warning must be acknowledged; all of it rolls back
        with session_scope(factory) as s:
            organizer = s.get(models.User, owner_id)
            assert organizer is not None
            run_draw(s, organizer, box_id, settings=settings)

    with pytest.raises(SecrecyNotAcknowledged):
        draw_by_hand()
    report = run_auto_draws(factory, settings, now=utcnow())
    assert report.drawn == [box_id], report.failed
    with session_scope(factory) as s:
        (event,) = s.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == "draw.completed")
        ).all()
        kinds = s.scalars(select(models.OutboxMessage.kind)).all()
    assert event.details["secrecy_warnings"] == ["deducible"]
    assert sorted(kinds) == ["draw_done"] * 3


def test_a_big_draw_answers_first_and_the_queue_writes_its_emails(
    settings: Settings, engine: Engine
) -> None:
    """Beyond ``draw_inline_notify_max`` santas the draw commits the pairs alone; the relay
    task its commit rings writes the same emails right after (once, even when run again)."""
    settings = settings.model_copy(update={"draw_inline_notify_max": 2})
    box_id, people = make_drawable_box(engine)
    factory = make_sessionmaker(engine)
    D = models.OutboxMessage
    with session_scope(factory) as s:
        organizer = s.scalars(
            select(models.User).where(models.User.email == "alisa@example.com")
        ).one()
        run_draw(s, organizer, box_id, settings=settings)
        assert s.scalars(select(D.id).where(D.kind == "draw_done")).all() == []
    with session_scope(factory) as s:
        assert fanout.any_pending(s)
    with SmtpSink() as sink:
        jobs = smtp_jobs(settings, factory, sink)
        jobs.enqueue_sweep()  # what a consumer does every few seconds (the commit rang too)
        received = sink.wait_for(len(people))
        with session_scope(factory) as s:
            assert draw_service.fan_out_pending(s, settings) == 0  # done: nothing twice
            assert not fanout.any_pending(s)
        jobs.enqueue_sweep()
        jobs.close()
    got = {r.rcpt_tos[0]: (str(r.message["Subject"]), r.part("plain")) for r in received}
    check_emails(got, people, pairs_by_email(engine, box_id))
    with session_scope(factory) as s:
        assert len(s.scalars(select(D.id).where(D.kind == "draw_done")).all()) == len(people)
