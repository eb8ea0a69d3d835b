"""What the browser tests share: the running server, its outbox, screenshots, axe."""

from __future__ import annotations

import email
import email.policy
import html
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any

from playwright.sync_api import expect

from tests.conftest import TEST_ENCRYPTION_KEY, TEST_SECRET

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

    from santa_core.config import Settings

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct horse battery staple"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
#: Generous: the machine is shared; Playwright waits on conditions, never sleeps.
TIMEOUT_MS = 45_000
expect.set_options(timeout=TIMEOUT_MS)
_LINK = re.compile(r"https?://[^\s<>\"')]+")


@dataclass
class Server:
    backend: str
    url: str
    data_dir: Path
    database_url: str
    artifacts: Path
    log: Path

    @property
    def outbox(self) -> Path:
        return self.data_dir / "outbox"

    def settings(self) -> Settings:
        """The server's settings, for calling santa_core jobs against its database."""
        from santa_core.config import Settings

        return Settings(
            data_dir=self.data_dir,
            database_url=self.database_url,
            secret_key=TEST_SECRET,  # type: ignore[arg-type]
            encryption_keys=TEST_ENCRYPTION_KEY,  # type: ignore[arg-type]
            public_base_url=self.url,
        )


# --- the outbox ------------------------------------------------------------------


@dataclass
class Mail:
    path: Path
    message: EmailMessage
    to: str
    subject: str
    text: str
    html: str
    links: list[str] = field(default_factory=list)


def read_mail(path: Path) -> Mail:
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    plain = msg.get_body(preferencelist=("plain",))
    rich = msg.get_body(preferencelist=("html",))
    text = plain.get_content() if plain is not None else ""  # type: ignore[attr-defined]
    markup = rich.get_content() if rich is not None else ""  # type: ignore[attr-defined]
    links = _LINK.findall(text)
    links += [html.unescape(h) for h in re.findall(r'href="([^"]+)"', markup)]
    header = msg.get("List-Unsubscribe", "")
    links += re.findall(r"<(https?://[^>]+)>", str(header))
    unique = list(dict.fromkeys(link.rstrip(".,;") for link in links))
    return Mail(path, msg, str(msg["To"]), str(msg["Subject"]), text, markup, unique)


def mails(server: Server) -> list[Mail]:
    if not server.outbox.exists():
        return []
    paths = sorted(server.outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    return [read_mail(p) for p in paths]


def wait_for_mail(
    server: Server, to: str, matches: Callable[[Mail], bool] = lambda m: True, *, seen: int = 0
) -> Mail:
    """The newest email to ``to`` that ``matches``, waiting for the relay to write it.

    ``seen``: how many such emails existed before the action that sends this one.
    """
    deadline = time.monotonic() + 120
    while True:
        found = [m for m in mails(server) if m.to.lower().endswith(to.lower()) and matches(m)]
        if len(found) > seen:
            return found[-1]
        if time.monotonic() > deadline:
            subjects = [(m.to, m.subject) for m in mails(server)]
            raise AssertionError(f"no email to {to} arrived; the outbox holds {subjects}")
        time.sleep(0.2)


def link_in(mail: Mail, path_part: str) -> str:
    for link in mail.links:
        if path_part in link:
            return link
    raise AssertionError(f"no link with {path_part!r} in {mail.subject!r}: {mail.links}")


# --- browser -----------------------------------------------------------------------


@contextmanager
def person(browser: Browser, *, locale: str = "en-US") -> Iterator[Page]:
    """One person's browser: own cookies, own storage, own language preference."""
    context: BrowserContext = browser.new_context(
        locale=locale, viewport=DESKTOP, timezone_id="UTC"
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    except BaseException:
        # What the browser showed when the test failed, next to the screenshots.
        for number, open_page in enumerate(context.pages):
            path = ARTIFACTS.parent / "failures" / f"{time.time_ns()}-{number}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            open_page.screenshot(path=str(path), full_page=True)
        raise
    finally:
        context.close()


@dataclass
class Evidence:
    """What the story collected on the way: screenshots, axe findings, pages visited."""

    server: Server
    screenshots: list[Path] = field(default_factory=list)
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def shoot(self, page: Page, name: str) -> None:
        """Desktop and 375 px phone, light and dark; back to the page's own state after."""
        self.server.artifacts.mkdir(parents=True, exist_ok=True)
        viewport = page.viewport_size or DESKTOP
        for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            for scheme in ("light", "dark"):
                use_scheme(page, scheme)
                path = self.server.artifacts / f"{name}-{size_name}-{scheme}.png"
                # Colour transitions run to their end: a theme switch caught mid-way shows
                # buttons that look disabled.
                page.screenshot(path=str(path), full_page=True, animations="disabled")
                self.screenshots.append(path)
            if size_name == "phone":
                overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - window.innerWidth"
                )
                assert overflow <= 1, f"{name} scrolls sideways at 375 px ({overflow} px)"
        use_scheme(page, "light")
        page.set_viewport_size(viewport)

    def check_axe(self, page: Page, name: str) -> None:
        """axe in the light and in the dark theme (each has its own colours to get right)."""
        found: list[dict[str, Any]] = []
        for scheme in ("light", "dark"):
            use_scheme(page, scheme)
            violations = axe_violations(page)
            if violations:
                # A panel that appeared while axe ran (it fades in) is measured mid-fade: a
                # finding counts when it is still there on the settled page.
                settle(page)
                violations = axe_violations(page)
            found += [{**v, "scheme": scheme} for v in violations]
        use_scheme(page, "light")
        self.axe[name] = found

    def key_page(self, page: Page, name: str) -> None:
        self.check_axe(page, name)
        self.shoot(page, name)


def settle(page: Page) -> None:
    """Wait until no CSS transition runs (a theme switch fades colours in)."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


_FOLLOWS_SCHEME = """dark => {
  let theme = "system";
  try { theme = JSON.parse(localStorage.getItem("santa-ui") || "{}").state?.theme || "system"; }
  catch (e) {}
  return theme !== "system" || document.documentElement.classList.contains("dark") === dark;
}"""


def use_scheme(page: Page, scheme: str) -> None:
    """Emulate the system's colour scheme and wait until the app has followed it (its media
    listener toggles the ``dark`` class a moment later) and its colour transitions have ended."""
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.wait_for_function(_FOLLOWS_SCHEME, arg=scheme == "dark")
    settle(page)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical axe-core findings on the page as it is now."""
    assert AXE.is_file(), f"{AXE} is missing: npm ci in frontend/ (axe-core is a devDependency)"
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Through the DevTools protocol, not a <script> tag: the app's strict CSP
        # (script-src 'self') stays on while axe runs.
        page.evaluate(AXE.read_text() + "\n;undefined")
        assert page.evaluate("() => typeof window.axe === 'object'"), "axe-core did not load"
    found: list[dict[str, Any]] = page.evaluate(
        """async () => {
            const result = await window.axe.run(document, {resultTypes: ["violations"]});
            return result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => ({id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
        }"""
    )
    return found
