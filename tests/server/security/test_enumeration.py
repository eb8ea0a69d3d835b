"""Sign-up, password-reset and verification requests answer alike for known and unknown
addresses (and accounts): same status and body shape, and timing that does not tell them
apart (reset and resend work after the answer; sign-up answers on a floor)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.models import BoxStatus
from santa_server.app import create_app
from tests.live import live_server
from tests.server.auth_support import API, auth_settings, outbox
from tests.server.test_boxes_permissions import build_world

SAMPLES = 40


def test_reset_requests_do_not_reveal_accounts(tmp_path: Path, engine: Engine) -> None:
    # A costly hash makes any work done before answering stand out.
    s = auth_settings(tmp_path, engine, rate_limit_enabled=False)
    app = create_app(s)
    with live_server(app) as base, httpx.Client(base_url=base, timeout=30) as c:
        r = c.post(
            f"{API}/auth/register", json={"email": "known@example.com", "password": "pw-123456789"}
        )
        assert r.status_code == 202
        answers: dict[str, list[float]] = {"known": [], "unknown": []}
        bodies: dict[str, set[tuple[int, bytes]]] = {"known": set(), "unknown": set()}
        for i in range(SAMPLES):  # interleaved, so machine load hits both alike
            for kind in ("known", "unknown") if i % 2 else ("unknown", "known"):
                email = "known@example.com" if kind == "known" else f"nobody{i}@example.com"
                started = time.perf_counter()
                r = c.post(f"{API}/auth/password-reset", json={"email": email})
                answers[kind].append(time.perf_counter() - started)
                bodies[kind].add((r.status_code, r.content))
        deadline = time.monotonic() + 60
        while len(outbox(engine, "reset_password")) < SAMPLES:  # the work did happen
            assert time.monotonic() < deadline, "reset emails were not written"
            time.sleep(0.05)
    assert bodies["known"] == bodies["unknown"] == {(202, b"null")}
    known, unknown = statistics.median(answers["known"]), statistics.median(answers["unknown"])
    print(f"reset timing: median known {known * 1000:.1f} ms, unknown {unknown * 1000:.1f} ms")
    # Generous: a busy machine moves both; doing the work first made known ≥ 2× slower.
    assert known < unknown * 1.5 + 0.005, (known, unknown)


SIGNUP_SAMPLES = 16
#: The answer floor under test (production default: 0.5 s; shorter keeps the test quick).
FLOOR = 0.15


def _timed_signups(
    c: httpx.Client, path: str, taken: str, *, tag: str
) -> tuple[dict[str, list[float]], dict[str, set[tuple[int, tuple[str, ...]]]]]:
    answers: dict[str, list[float]] = {"taken": [], "new": []}
    shapes: dict[str, set[tuple[int, tuple[str, ...]]]] = {"taken": set(), "new": set()}
    for i in range(SIGNUP_SAMPLES):  # interleaved, so machine load hits both alike
        for kind in ("taken", "new") if i % 2 else ("new", "taken"):
            email = taken if kind == "taken" else f"{tag}-new{i}@example.com"
            started = time.perf_counter()
            r = c.post(path, json={"email": email, "password": "pw-123456789", "full_name": "N"})
            answers[kind].append(time.perf_counter() - started)
            assert r.json()["email"] == email, r.text
            shapes[kind].add((r.status_code, tuple(sorted(r.json()))))
    return answers, shapes


def _assert_alike(answers: dict[str, list[float]], what: str) -> None:
    taken, new = statistics.median(answers["taken"]), statistics.median(answers["new"])
    print(f"{what} timing: median taken {taken * 1000:.1f} ms, new {new * 1000:.1f} ms")
    assert min(answers["taken"] + answers["new"]) >= FLOOR
    # Both sit on the floor: a new account's extra work (account, link, membership) is hidden.
    assert abs(taken - new) < 0.1 * FLOOR + 0.005, (taken, new)


def test_registration_does_not_reveal_accounts(tmp_path: Path, engine: Engine) -> None:
    s = auth_settings(tmp_path, engine, rate_limit_enabled=False, signup_answer_seconds=FLOOR)
    with live_server(create_app(s)) as base, httpx.Client(base_url=base, timeout=30) as c:
        r = c.post(
            f"{API}/auth/register", json={"email": "known@example.com", "password": "pw-123456789"}
        )
        assert r.status_code == 202
        answers, shapes = _timed_signups(c, f"{API}/auth/register", "known@example.com", tag="r")
    assert shapes["taken"] == shapes["new"] == {(202, ("email", "verification_required"))}
    _assert_alike(answers, "register")
    (notice,) = outbox(engine, "signup_attempt")  # one an hour, however many attempts
    assert notice.recipient == "known@example.com"
    assert len(outbox(engine, "verify_email")) == 1 + SIGNUP_SAMPLES


def test_signup_from_a_join_link_does_not_reveal_accounts(tmp_path: Path, engine: Engine) -> None:
    s = auth_settings(tmp_path, engine, rate_limit_enabled=False, signup_answer_seconds=FLOOR)
    world = build_world(engine, s, BoxStatus.DRAFT)
    taken = world.users["outsider"].email
    path = f"{API}/invitations/{world.link_code}/signup"
    with live_server(create_app(s)) as base, httpx.Client(base_url=base, timeout=30) as c:
        answers, shapes = _timed_signups(c, path, taken, tag="j")
    assert shapes["taken"] == shapes["new"] == {(202, ("email", "verification_required"))}
    _assert_alike(answers, "join sign-up")
    (notice,) = outbox(engine, "signup_attempt")
    assert notice.recipient == taken


def test_verification_resends_answer_alike(tmp_path: Path, engine: Engine) -> None:
    """Resend for an unverified account (makes a link) and a verified one (nothing to do)."""
    s = auth_settings(tmp_path, engine, rate_limit_enabled=False)
    app = create_app(s)
    with live_server(app) as base, httpx.Client(base_url=base, timeout=30) as c:
        tokens: dict[str, str] = {}
        for kind in ("unverified", "verified"):
            email = f"{kind}@example.com"
            r = c.post(f"{API}/auth/register", json={"email": email, "password": "pw-123456789"})
            assert r.status_code == 202
            r = c.post(
                f"{API}/auth/login",
                json={"email": email, "password": "pw-123456789", "transport": "body"},
            )
            tokens[kind] = r.json()["access_token"]
        with Session(engine) as db, db.begin():
            user = db.scalars(
                select(models.User).where(models.User.email == "verified@example.com")
            ).one()
            user.email_verified_at = user.created_at
        answers: dict[str, list[float]] = {"unverified": [], "verified": []}
        bodies: dict[str, set[tuple[int, bytes]]] = {"unverified": set(), "verified": set()}
        for i in range(SAMPLES):
            for kind in ("unverified", "verified") if i % 2 else ("verified", "unverified"):
                started = time.perf_counter()
                r = c.post(
                    f"{API}/auth/verify-email/resend",
                    headers={"Authorization": f"Bearer {tokens[kind]}"},
                )
                answers[kind].append(time.perf_counter() - started)
                bodies[kind].add((r.status_code, r.content))
        deadline = time.monotonic() + 60
        while len(outbox(engine, "verify_email")) < 2 + SAMPLES:  # the work did happen
            assert time.monotonic() < deadline, "verification emails were not written"
            time.sleep(0.05)
    assert bodies["unverified"] == bodies["verified"] == {(202, b"null")}
    work, none = statistics.median(answers["unverified"]), statistics.median(answers["verified"])
    print(f"resend timing: median unverified {work * 1000:.1f} ms, verified {none * 1000:.1f} ms")
    assert work < none * 1.5 + 0.005, (work, none)


def test_the_answer_floor_holds_no_database_connection(
    tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The floor waits with the session committed and closed: a burst of sign-ups keeps
    no pooled connection (nor SQLite's write lock, nor loaded rows) through the wait."""
    from santa_server.api import auth as auth_api

    s = auth_settings(tmp_path, engine, rate_limit_enabled=False, signup_answer_seconds=4.0)
    world = build_world(engine, s, BoxStatus.DRAFT)
    app = create_app(s)
    begun: list[Session] = []
    held: list[tuple[int, bool, int]] = []
    real_sleep = time.sleep

    def sleep(seconds: float) -> None:
        request = begun[-1]
        pool = app.state.sessionmaker.kw["bind"].pool
        held.append((pool.checkedout(), request.in_transaction(), len(request.identity_map)))
        real_sleep(seconds)

    monkeypatch.setattr(auth_api.time, "sleep", sleep)
    with TestClient(app) as c:
        event.listen(app.state.sessionmaker, "after_begin", lambda s, *_: begun.append(s))
        for path, email in (
            (f"{API}/auth/register", "floor-new@example.com"),
            (f"{API}/auth/register", world.users["outsider"].email),
            (f"{API}/invitations/{world.link_code}/signup", "floor-join@example.com"),
        ):
            r = c.post(path, json={"email": email, "password": "pw-123456789"})
            assert r.status_code == 202, r.text
    # A floor well above one sign-up's work, so each request waits even on a busy machine.
    assert held == [(0, False, 0)] * 3
