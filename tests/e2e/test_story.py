"""The whole story in real Chromium, each person in their own browser context.

The organizer signs up (the verification link comes from the outbox), creates a box
through the wizard, invites by email and shares the join link; three people join from
their links (one signs up in place); they fill their cards; the organizer adds a
household, sees the impossible rule explained in the preview, removes it and draws;
each person sees their own giftee and no one else's; one of them switches to Russian
and every page she visits afterwards is in Russian. Key pages are screenshotted
(desktop and 375 px, light and dark) and checked with axe-core.

The later tests of this module (email links, axe, keyboard) use what the story left:
they run after it, on the same server.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect

from santa_core.db import utcnow
from tests.e2e import links
from tests.e2e.harness import (
    PASSWORD,
    Evidence,
    Server,
    link_in,
    person,
    wait_for_mail,
)
from tests.e2e.texts import pattern, t

pytestmark = pytest.mark.slow

#: The box's dates, always ahead of today (typed in the browser, whose time zone is UTC here).
SHIP_BY = (utcnow() + dt.timedelta(days=16)).replace(hour=18, minute=0, second=0, microsecond=0)
EVENT_DAY = (SHIP_BY + dt.timedelta(days=4)).date()


@dataclass
class Member:
    name: str
    email: str
    wishes: str
    address: str
    lang: str = "en"


@dataclass
class Story:
    server: Server
    evidence: Evidence
    box_id: str = ""
    box_name: str = ""
    join_url: str = ""
    giftees: dict[str, str] = field(default_factory=dict)
    russian_pages: list[str] = field(default_factory=list)


#: What the story left behind, per backend, for the tests after it.
STORIES: dict[str, Story] = {}

ORGANIZER = Member("Olga Organizer", "olga@example.com", "A good book", "1 Fir Street")
ALICE = Member("Alice Avalanche", "alice@example.com", "Warm socks", "2 Pine Road")
BOB = Member("Bob Blizzard", "bob@example.com", "Dark chocolate", "3 Spruce Lane")
CAROL = Member("Carol Cinnamon", "carol@example.com", "A puzzle", "4 Cedar Court", lang="ru")
PEOPLE = (ORGANIZER, ALICE, BOB, CAROL)
#: Invited by email, never answers: his invitation reminder is one of the emails checked.
DAVE = Member("Dave Drift", "dave@example.com", "", "")


def story_for(server: Server) -> Story:
    if server.backend not in STORIES:
        pytest.fail("the story did not run on this server (see test_story)")
    return STORIES[server.backend]


# --- steps ---------------------------------------------------------------------------


def sign_up(page: Page, story: Story, who: Member) -> None:
    page.goto(story.server.url + "/signup")
    expect(page.get_by_role("heading", name=t("auth:sign_up_title"))).to_be_visible()
    story.evidence.key_page(page, "signup")
    page.get_by_label(t("auth:full_name")).fill(who.name)
    page.get_by_label(t("auth:email")).fill(who.email)
    page.get_by_label(t("auth:password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("auth:sign_up")).click()
    # Signed in once the answer came (sign-ups answer no sooner than
    # SANTA_SIGNUP_ANSWER_SECONDS; the verification mail may arrive first).
    page.wait_for_url(lambda url: urlsplit(url).path != "/signup")


def verify_email(page: Page, story: Story, who: Member) -> None:
    mail = wait_for_mail(story.server, who.email, lambda m: "/verify-email" in m.text)
    page.goto(link_in(mail, "/verify-email?token="))
    expect(page.get_by_text(t("auth:verified_title"))).to_be_visible()
    story.evidence.key_page(page, "email-verified")


def sign_in(page: Page, story: Story, who: Member, *, next_path: str = "/dashboard") -> None:
    page.goto(f"{story.server.url}/signin?next={next_path}")
    page.get_by_label(t("auth:email")).fill(who.email)
    page.get_by_label(t("auth:password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("auth:sign_in"), exact=True).click()
    page.wait_for_url(lambda url: urlsplit(url).path == next_path)


def create_box(page: Page, story: Story) -> None:
    page.goto(story.server.url + "/dashboard")
    expect(page.get_by_role("heading", name=t("boxes:dashboard"))).to_be_visible()
    story.evidence.key_page(page, "dashboard-empty")
    page.get_by_role("link", name=t("boxes:create_box")).first.click()
    story.box_name = f"Family {story.server.backend}"
    page.get_by_label(t("boxes:fields.name")).fill(story.box_name)
    story.evidence.key_page(page, "wizard")
    page.get_by_role("button", name=t("boxes:wizard.next")).click()
    page.get_by_label(t("boxes:fields.min_budget")).fill("10")
    page.get_by_label(t("boxes:fields.max_budget")).fill("30")
    page.get_by_role("button", name=t("boxes:wizard.next")).click()
    page.get_by_label(t("boxes:fields.shipping_deadline")).fill(SHIP_BY.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label(t("boxes:fields.event_date")).fill(EVENT_DAY.isoformat())
    page.get_by_role("button", name=t("boxes:wizard.next")).click()
    page.get_by_role("button", name=t("boxes:wizard.create")).click()
    page.wait_for_url(re.compile(r"/boxes/[0-9a-f-]{36}$"))
    story.box_id = page.url.rsplit("/", 1)[1]
    expect(page.get_by_role("heading", name=story.box_name)).to_be_visible()
    link = page.get_by_test_id("join-link-url")
    expect(link).to_have_value(re.compile("/join/"))
    story.join_url = link.input_value()
    assert story.join_url.startswith(story.server.url + "/join/"), story.join_url
    expect(page.get_by_test_id("join-qr")).to_be_visible()
    story.evidence.key_page(page, "box-organizer-new")


def invite_by_email(page: Page, story: Story) -> None:
    addresses = page.get_by_label(t("organizer:invites.addresses"))
    addresses.fill("\n".join(f"{m.name}, {m.email}" for m in (ALICE, BOB, DAVE)))
    page.get_by_role("button", name=t("organizer:invites.send")).click()
    expect(page.get_by_text(t("organizer:invites.sent_other", count=3))).to_be_visible()
    expect(page.get_by_test_id("invite-row")).to_have_count(3)


def join_signing_up_in_place(page: Page, story: Story, who: Member) -> None:
    """Alice is new: she opens her invitation and creates her account on the join page."""
    mail = wait_for_mail(story.server, who.email, lambda m: "/join/" in m.text)
    page.goto(link_in(mail, "/join/"))
    expect(page.get_by_test_id("invitation-box-name")).to_have_text(story.box_name)
    story.evidence.key_page(page, "join-new-person")
    page.get_by_label(t("auth:full_name")).fill(who.name)
    page.get_by_label(t("auth:email")).fill(who.email)
    page.get_by_label(t("auth:password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("join:signup_and_join")).click()
    page.wait_for_url(re.compile(rf"/boxes/{story.box_id}/card$"))


def join_with_account(page: Page, story: Story, who: Member, link: str) -> None:
    """Bob and Carol have accounts: sign in, open the link, join."""
    register_by_api(story, who)
    sign_in(page, story, who)
    page.goto(link)
    expect(page.get_by_test_id("invitation-box-name")).to_have_text(story.box_name)
    page.get_by_role("button", name=t("join:accept")).click()
    page.wait_for_url(re.compile(rf"/boxes/{story.box_id}/card$"))


def fill_card(page: Page, story: Story, who: Member) -> None:
    page.goto(f"{story.server.url}/boxes/{story.box_id}/card")
    expect(page.get_by_text(t("card:who_sees"))).to_be_visible()
    page.get_by_label(t("card:wishes")).fill(who.wishes)
    page.get_by_label(t("card:address")).fill(who.address)
    page.get_by_label(t("card:phone")).fill("+7 900 000-00-00")
    page.get_by_role("button", name=t("card:save_card")).click()
    expect(page.get_by_role("status").filter(has_text=t("common:saved"))).to_be_visible()
    if who is ALICE:
        story.evidence.key_page(page, "card")


def scroll_to_section(page: Page, title: str) -> None:
    """The box page builds the panels below the members when they are scrolled near."""
    page.get_by_role("heading", name=title, exact=True).scroll_into_view_if_needed()


def household_preview_draw(page: Page, story: Story) -> None:
    """Three of four in one household cannot all give outside it: the preview says why."""
    page.goto(f"{story.server.url}/boxes/{story.box_id}")
    rows = page.get_by_test_id("member-row")
    expect(rows).to_have_count(len(PEOPLE) + 1)  # Dave is listed as invited
    for member in PEOPLE:
        expect(rows.filter(has_text=member.name)).to_have_count(1)
    story.evidence.key_page(page, "box-organizer-members")
    scroll_to_section(page, t("organizer:rules.title"))
    for member in (ALICE, BOB, CAROL):
        page.get_by_role("checkbox", name=member.name).check()
    page.get_by_label(t("organizer:rules.household_name")).fill("Avalanches")
    page.get_by_role("button", name=t("organizer:rules.create_household")).click()
    expect(page.get_by_test_id("household-row")).to_have_count(1)
    scroll_to_section(page, t("organizer:draw.title"))
    page.get_by_role("button", name=t("organizer:draw.close_signup")).click()
    preview = page.get_by_test_id("draw-preview")
    expect(preview).to_contain_text(t("organizer:draw.infeasible"))
    expect(page.get_by_test_id("draw-explanation")).not_to_be_empty()
    expect(page.get_by_test_id("draw-suggestion")).not_to_be_empty()
    story.evidence.key_page(page, "draw-preview-impossible")
    page.get_by_role(
        "button", name=t("organizer:rules.remove_household", name="Avalanches")
    ).click()
    expect(page.get_by_test_id("household-row")).to_have_count(0)
    feasible = t("organizer:draw.feasible_other", count=len(PEOPLE))
    expect(preview).to_contain_text(feasible)
    acknowledge = page.get_by_label(t("organizer:draw.acknowledge"))
    if acknowledge.count():  # four people: few valid draws, so the secrecy warning applies
        acknowledge.check()
    page.get_by_role("button", name=t("organizer:draw.run")).click()
    expect(page.get_by_text(pattern("organizer:draw.done"))).to_be_visible()
    story.evidence.key_page(page, "box-organizer-drawn")


def see_own_giftee(page: Page, story: Story, who: Member) -> None:
    r = page.request.get(f"{story.server.url}/api/v1/boxes/{story.box_id}/assignment")
    assert r.ok, r.text()
    (giftee,) = r.json()["giftees"]
    story.giftees[who.email] = giftee["display_name"]
    page.goto(f"{story.server.url}/boxes/{story.box_id}/assignment")
    card = page.get_by_test_id("giftee-card")
    expect(card.get_by_role("heading", name=giftee["display_name"])).to_be_visible()
    giftee_member = next(m for m in PEOPLE if m.name == giftee["display_name"])
    expect(card).to_contain_text(giftee_member.wishes)
    expect(card).to_contain_text(giftee_member.address)
    main = page.locator("main")
    for other in PEOPLE:
        if other is not giftee_member:
            expect(main).not_to_contain_text(other.wishes)
            expect(main).not_to_contain_text(other.address)
        if other not in (giftee_member, who):
            expect(main).not_to_contain_text(other.name)
    expect(page.get_by_test_id("calendar-url")).to_have_value(re.compile(r"/api/v1/calendar/"))
    if who is BOB:
        story.evidence.key_page(page, "giftee")


def in_russian(page: Page, story: Story, who: Member) -> None:
    """Carol switches to Russian before the page knows her account (her account's answer is
    held back until she has picked); the account learns it, and every page she opens
    afterwards speaks it."""
    held: list[Route] = []

    def hold_account(route: Route) -> None:
        if route.request.method == "GET":
            held.append(route)
        else:
            route.continue_()

    page.route("**/api/v1/users/me", hold_account)
    with page.expect_request(lambda r: r.url.endswith("/api/v1/users/me") and r.method == "GET"):
        page.goto(story.server.url + "/dashboard")
    page.get_by_label(t("common:language")).select_option("ru")
    deadline = time.monotonic() + 60
    while not held:  # the held answer reaches this side between Playwright calls
        assert time.monotonic() < deadline, "the account was never asked for"
        page.wait_for_timeout(50)
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/users/me") and r.request.method == "PATCH"
    ) as saved:
        for route in held:
            route.continue_()
    page.unroute("**/api/v1/users/me")
    assert saved.value.ok, saved.value.text()
    assert saved.value.json()["language"] == "ru"
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    pages = [
        ("/dashboard", ["boxes:dashboard", "boxes:participating", "common:nav.settings"]),
        (f"/boxes/{story.box_id}", ["box:my_card", "box:my_giftee", "box:about"]),
        (f"/boxes/{story.box_id}/card", ["card:my_card", "card:wishes", "card:save_card"]),
        (f"/boxes/{story.box_id}/assignment", ["card:my_giftee", "card:calendar_title"]),
        ("/settings", ["settings:title"]),
        ("/", ["landing:headline", "landing:how_title"]),
    ]
    for path, keys in pages:
        page.goto(story.server.url + path)
        main = page.locator("body")
        for key in keys:
            expect(main).to_contain_text(t(key, "ru"))
            assert t(key, "ru") != t(key, "en"), key
            expect(main).not_to_contain_text(t(key, "en"))
        expect(page.locator("html")).to_have_attribute("lang", "ru")
        story.russian_pages.append(path)
    page.goto(f"{story.server.url}/boxes/{story.box_id}/assignment")
    story.evidence.key_page(page, "giftee-ru")
    # The account remembers it: emails to Carol are in Russian from now on.
    r = page.request.get(story.server.url + "/api/v1/users/me")
    assert r.json()["language"] == "ru", r.text()


def register_by_api(story: Story, who: Member) -> None:
    r = httpx.post(
        story.server.url + "/api/v1/auth/register",
        json={"email": who.email, "password": PASSWORD, "full_name": who.name},
    )
    assert r.status_code == 202, r.text


# --- the story -------------------------------------------------------------------------


def test_story(server: Server, browser: Browser) -> None:
    story = Story(server=server, evidence=Evidence(server))
    with (
        person(browser) as olga,
        person(browser) as alice,
        person(browser) as bob,
        person(browser) as carol,
    ):
        sign_up(olga, story, ORGANIZER)
        verify_email(olga, story, ORGANIZER)
        create_box(olga, story)
        invite_by_email(olga, story)
        join_signing_up_in_place(alice, story, ALICE)
        bob_mail = wait_for_mail(server, BOB.email, lambda m: "/join/" in m.text)
        join_with_account(bob, story, BOB, link_in(bob_mail, "/join/"))
        join_with_account(carol, story, CAROL, story.join_url)
        for page, who in ((olga, ORGANIZER), (alice, ALICE), (bob, BOB), (carol, CAROL)):
            fill_card(page, story, who)
        household_preview_draw(olga, story)
        for page, who in ((olga, ORGANIZER), (alice, ALICE), (bob, BOB), (carol, CAROL)):
            see_own_giftee(page, story, who)
        assert sorted(story.giftees.values()) == sorted(m.name for m in PEOPLE)
        assert all(story.giftees[m.email] != m.name for m in PEOPLE)
        in_russian(carol, story, CAROL)
    STORIES[server.backend] = story


def test_screenshots_exist(server: Server) -> None:
    story = story_for(server)
    assert story.evidence.screenshots
    for path in story.evidence.screenshots:
        assert path.is_file(), path
        assert path.stat().st_size > 1000, path


def test_no_serious_axe_violations(server: Server) -> None:
    story = story_for(server)
    found = {page: v for page, v in story.evidence.axe.items() if v}
    assert found == {}, found


def test_every_email_link_lands(server: Server, browser: Browser) -> None:
    """Acceptance 2: every link of every email, opened in the recipient's browser."""
    story = story_for(server)
    with person(browser) as anyone:
        anyone.goto(server.url + "/forgot-password")
        anyone.get_by_label(t("auth:email")).fill(BOB.email)
        anyone.get_by_role("button", name=t("auth:send_reset_link")).click()
        expect(anyone.get_by_text(t("auth:reset_sent", email=BOB.email))).to_be_visible()
    reset_mail = wait_for_mail(server, BOB.email, lambda m: "/reset-password" in m.text)
    # After the draw: an announcement, a message to a giftee, a gift bought and sent.
    links.after_draw_notices(server, story.box_id, ORGANIZER.email, ALICE.email)
    open_box_name = f"Office {server.backend}"
    _, signup_deadline = links.open_box_with_pending_invite(
        server, ORGANIZER.email, open_box_name, "erin@example.com"
    )
    now = utcnow()
    moments = [
        now + dt.timedelta(hours=49),  # nudges: the unanswered invitations, unopened assignments
        signup_deadline - dt.timedelta(hours=12),  # the open box's sign-up deadline is near
        SHIP_BY - dt.timedelta(hours=12),  # 12 h before "send gifts by"
        dt.datetime.combine(EVENT_DAY, dt.time(12), dt.UTC)
        - dt.timedelta(days=1),  # the day before
    ]
    assert links.run_reminders(server, moments) > 0
    links.wait_relayed(server)

    expected = {"box_name": story.box_name, "open_box_name": open_box_name}
    expected.update(story.giftees)
    passwords = {m.email: PASSWORD for m in PEOPLE}
    browsers = links.Browsers(browser, server, passwords)
    checked: list[tuple[str, str]] = []
    try:
        for visit in links.visits(server):
            page = browsers.page_for(visit.mail.to)
            lang = CAROL.lang if visit.mail.to.lower() == CAROL.email else "en"
            checked.append((visit.kind, links.check_link(page, server, visit, expected, lang)))
            page.close()
        # What the emails promise, done: unsubscribe, set a new password.
        unsubscribe = next(v for v in links.visits(server) if "/unsubscribe" in v.link)
        page = browsers.page_for(unsubscribe.mail.to)
        page.goto(unsubscribe.link)
        page.get_by_role("button", name="Unsubscribe").click()
        expect(page.locator("body")).to_contain_text("are off")
    finally:
        browsers.close()
    with person(browser) as bob:
        links.reset_password(bob, server, link_in(reset_mail, "/reset-password"), "a new secret 42")
        r = httpx.post(
            server.url + "/api/v1/auth/login",
            json={"email": BOB.email, "password": "a new secret 42", "transport": "body"},
        )
        assert r.status_code == 200, r.text
    kinds = {kind for kind, _ in checked}
    # Every kind with a link that the story, the after-draw steps and the reminder job cause.
    # Not here: auto_draw_failed, gift_issue, assignment_withdrawn (they need a failure);
    # assignment_nudge (everyone opened their assignment).
    wanted = {
        "verify_email",
        "reset_password",
        "invite",
        "invite_reminder",
        "joined",
        "draw_done",
        "announcement",
        "new_message",
        "gift_updated",
        "wishes_nudge",
        "signup_deadline_reminder",
        "shipping_deadline_reminder",
        "event_reminder",
    }
    print("email links walked:", dict(links.summary(checked)))
    assert wanted <= kinds, (wanted - kinds, links.summary(checked))
    pages = {what for _, what in checked}
    assert pages >= {
        "landing",
        "join page",
        "assignment",
        "box page",
        "exchange page",
        "unsubscribe page",
    }, pages


def tab_to(page: Page, target: Locator, *, limit: int = 60) -> None:
    """Press Tab until ``target`` has the focus (keyboard only, no clicks)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            outline = target.evaluate(
                "el => { const s = getComputedStyle(el); "
                "return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; }"
            )
            assert outline, f"{target} shows no focus indicator"
            return
    raise AssertionError(f"Tab never reached {target}")


def test_keyboard_only_sign_in_and_card(server: Server, browser: Browser) -> None:
    story = story_for(server)
    with person(browser) as page:
        page.goto(server.url + "/signin")
        tab_to(page, page.get_by_label(t("auth:email")))
        page.keyboard.type(ALICE.email)
        tab_to(page, page.get_by_label(t("auth:password"), exact=True))
        page.keyboard.type(PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: urlsplit(url).path == "/dashboard")

        page.goto(f"{server.url}/boxes/{story.box_id}/card")
        wishes = page.get_by_label(t("card:wishes"))
        expect(wishes).to_have_value(ALICE.wishes)
        tab_to(page, wishes)
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type("Woollen mittens")
        tab_to(page, page.get_by_role("button", name=t("card:save_card")))
        page.keyboard.press("Enter")
        expect(page.get_by_role("status").filter(has_text=t("common:saved"))).to_be_visible()
        r = page.request.get(f"{server.url}/api/v1/boxes/{story.box_id}/participants/me")
        assert r.json()["wishes"] == "Woollen mittens", r.text()
