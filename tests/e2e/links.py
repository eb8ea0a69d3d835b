"""Acceptance 2: every link in every email lands on a page that does what the email says.

After the story, more emails are caused the way users and the scheduler cause them: a
password reset asked for on the UI's page, and the reminder job run at the moments its
rules fire (a driven clock, as ``tests/core/jobs`` does). Then every link of every
``.eml`` in the outbox (body, HTML and ``List-Unsubscribe``) is opened in the recipient's
own signed-in browser context (a fresh one for people without an account).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import select

from santa_core.db import utcnow
from tests.e2e.harness import DESKTOP, PASSWORD, TIMEOUT_MS, Mail, Server, mails
from tests.e2e.texts import t


def kinds_by_message(server: Server) -> dict[str, str]:
    """Outbox row id (the ``X-Santa-Message`` header) → notification kind."""
    from santa_core import models
    from santa_core.db import make_engine

    engine = make_engine(server.database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(models.OutboxMessage.id, models.OutboxMessage.kind))
            return {str(i): k for i, k in rows}
    finally:
        engine.dispose()


def api_as(server: Server, email: str, password: str = PASSWORD) -> httpx.Client:
    """The API as one person (a bearer token, as the SDK and the CLI use it)."""
    r = httpx.post(
        server.url + "/api/v1/auth/login",
        json={"email": email, "password": password, "transport": "body"},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    token = r.json()["access_token"]
    return httpx.Client(
        base_url=server.url + "/api/v1", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def ok(r: httpx.Response) -> dict[str, object]:
    assert r.status_code in (200, 201), f"{r.request.method} {r.request.url}: {r.text}"
    body: dict[str, object] = r.json() if r.content else {}
    return body


def after_draw_notices(server: Server, box_id: str, organizer: str, santa: str) -> None:
    """What people do after the draw, each causing its email: the organizer's announcement,
    a santa's anonymous message to the giftee, and the gift marked bought and sent."""
    with api_as(server, organizer) as olga:
        ok(olga.post(f"/boxes/{box_id}/announcements", json={"body": "Gifts under the tree by 6."}))
    with api_as(server, santa) as me:
        threads = ok(me.get(f"/boxes/{box_id}/threads"))["items"]
        assert isinstance(threads, list)
        pair = next(th["pair_id"] for th in threads if th["my_role"] == "santa")
        ok(me.post(f"/boxes/{box_id}/threads/{pair}/messages", json={"body": "Blue or red?"}))
        for action in ("bought", "sent"):
            ok(me.post(f"/boxes/{box_id}/gifts/{pair}", json={"action": action}))


def open_box_with_pending_invite(
    server: Server, organizer: str, name: str, invitee: str
) -> tuple[str, dt.datetime]:
    """A second box, still open for sign-up (a deadline in ten days), with an invitation
    nobody answers: the invitation reminder and the sign-up deadline reminder come from it
    (the story's box is drawn by now, and reminds of neither)."""
    deadline = (utcnow() + dt.timedelta(days=10)).replace(microsecond=0)
    with api_as(server, organizer) as olga:
        box = ok(olga.post("/boxes", json={"name": name, "signup_deadline": deadline.isoformat()}))
        box_id = str(box["id"])
        ok(olga.post(f"/boxes/{box_id}/invites", json={"email": invitee, "display_name": "Erin"}))
    return box_id, deadline


def run_reminders(server: Server, moments: list[dt.datetime]) -> int:
    """The reminder job at each moment, against the server's database; the server's
    consumer relays the rows it writes (it sweeps every second)."""
    from santa_core.db import make_engine, make_sessionmaker, session_scope
    from santa_core.jobs.reminders import send_reminders

    settings = server.settings()
    engine = make_engine(server.database_url)
    try:
        written = 0
        for now in moments:
            with session_scope(make_sessionmaker(engine)) as session:
                written += send_reminders(session, settings, now=now)
        return written
    finally:
        engine.dispose()


def wait_relayed(server: Server) -> None:
    """Until the server's consumer has written every queued email."""
    import time

    from santa_core import models
    from santa_core.db import make_engine
    from santa_core.models import OutboxStatus

    engine = make_engine(server.database_url)
    deadline = time.monotonic() + 180
    try:
        while True:
            with engine.connect() as conn:
                waiting = conn.execute(
                    select(models.OutboxMessage.kind, models.OutboxMessage.status).where(
                        models.OutboxMessage.status.in_(
                            [OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.FAILED]
                        )
                    )
                ).all()
            if not waiting:
                return
            failed = [kind for kind, status in waiting if status == OutboxStatus.FAILED]
            assert not failed, f"emails in the dead letter: {failed}"
            assert time.monotonic() < deadline, f"not relayed: {waiting}"
            time.sleep(0.2)
    finally:
        engine.dispose()


@dataclass
class Visit:
    mail: Mail
    kind: str
    link: str


class Browsers:
    """One signed-in context per address (created on first use), anonymous otherwise."""

    def __init__(self, browser: Browser, server: Server, passwords: dict[str, str]) -> None:
        self.browser, self.server, self.passwords = browser, server, passwords
        self.contexts: dict[str, BrowserContext] = {}

    def page_for(self, address: str) -> Page:
        key = address.lower()
        if key not in self.contexts:
            context = self.browser.new_context(locale="en-US", viewport=DESKTOP, timezone_id="UTC")
            context.set_default_timeout(TIMEOUT_MS)
            if key in self.passwords:
                r = context.request.post(
                    self.server.url + "/api/v1/auth/login",
                    data={"email": key, "password": self.passwords[key]},
                )
                assert r.ok, r.text()
            self.contexts[key] = context
        return self.contexts[key].new_page()

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


def visits(server: Server) -> list[Visit]:
    kinds = kinds_by_message(server)
    found = []
    for mail in mails(server):
        kind = kinds.get(str(mail.message["X-Santa-Message"]), "?")
        found.extend(Visit(mail, kind, link) for link in mail.links)
    return found


def check_link(
    page: Page, server: Server, visit: Visit, expected: dict[str, str], lang: str = "en"
) -> str:
    """Open one link and check the page (in the recipient's language ``lang``); returns
    what it checked (for the report)."""
    inside = visit.link == server.url or visit.link.startswith(server.url + "/")
    assert inside, f"{visit.kind}: {visit.link} leaves the app"
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    response = page.goto(visit.link)
    assert response is not None
    assert response.status == 200, f"{visit.kind}: {visit.link} answered {response.status}"
    path = urlsplit(visit.link).path
    main = page.locator("main")
    if path.startswith("/api/v1/unsubscribe"):
        expect(page.get_by_role("button", name="Unsubscribe")).to_be_visible()
        expect(page.locator("body")).to_contain_text(visit.mail.to)
        return "unsubscribe page"
    expect(page.locator("main#main")).to_be_attached()
    expect(page.locator("html")).to_have_attribute("lang", lang)

    def tr(key: str) -> str:
        return t(key, lang)

    # Any of the boxes the emails are about (the story's, and the open one for reminders).
    names = [expected[k] for k in ("box_name", "open_box_name") if k in expected]
    box_names = re.compile("|".join(re.escape(n) for n in names))
    not_found = tr("common:not_found.title")
    expect(page.get_by_role("heading", name=not_found)).to_have_count(0)
    if path in {"", "/"}:
        expect(page.get_by_role("heading", name=tr("landing:headline"))).to_be_visible()
        checked = "landing"
    elif path == "/verify-email":
        expect(page.get_by_role("heading", name=tr("auth:verify_title"))).to_be_visible()
        # Single use: the newest link confirms, a used one says so.
        done = page.get_by_text(tr("auth:verified_title"))
        expect(done.or_(page.get_by_role("alert"))).to_be_visible()
        checked = "verify-email"
    elif path == "/reset-password":
        expect(page.get_by_label(tr("auth:new_password"), exact=True)).to_be_visible()
        checked = "reset-password form"
    elif path.startswith("/join/"):
        expect(main).to_contain_text(box_names)
        checked = "join page"
    elif path.endswith("/assignment"):
        expect(main).to_contain_text(expected[visit.mail.to.lower()])
        checked = "assignment"
    elif re.fullmatch(r"/boxes/[^/]+/(messages|gifts)", path):
        uuid.UUID(path.split("/")[2])
        expect(main).to_contain_text(box_names)
        expect(page.get_by_role("heading", name=tr("exchange:title"))).to_be_visible()
        checked = "exchange page"
    elif path.startswith("/boxes/"):
        uuid.UUID(path.split("/")[2])
        expect(main).to_contain_text(box_names)
        checked = "box page"
    else:
        raise AssertionError(f"{visit.kind}: no check for {visit.link}")
    assert errors == [], f"{visit.link}: {errors}"
    return checked


def summary(checked: list[tuple[str, str]]) -> Counter[str]:
    return Counter(f"{kind} → {what}" for kind, what in checked)


def reset_password(page: Page, server: Server, link: str, new_password: str) -> None:
    """The reset email's link sets a new password, and the new one signs in."""
    page.goto(link)
    page.get_by_label(t("auth:new_password"), exact=True).fill(new_password)
    page.get_by_label(t("auth:repeat_password")).fill(new_password)
    page.get_by_role("button", name=t("auth:set_password")).click()
    expect(page.get_by_text(t("auth:reset_done_title"))).to_be_visible()


__all__ = [
    "PASSWORD",
    "Browsers",
    "after_draw_notices",
    "api_as",
    "check_link",
    "open_box_with_pending_invite",
    "reset_password",
    "run_reminders",
    "visits",
]
