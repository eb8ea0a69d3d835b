"""``santa serve`` serves the built app: deep links load it, email links reach it."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Browser

from tests.e2e.harness import PASSWORD, Server, link_in, person, wait_for_mail

pytestmark = pytest.mark.slow


class TestServing:
    @pytest.mark.parametrize("path", ["/", "/boxes/00000000-0000-0000-0000-000000000000"])
    def test_the_app_renders(self, server: Server, browser: Browser, path: str) -> None:
        with person(browser) as page:
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            # The inline start-up script runs under the page's CSP (allowed by its hash).
            page.on(
                "console",
                lambda msg: errors.append(msg.text) if msg.type == "error" else None,
            )
            response = page.goto(server.url + path)
            assert response is not None
            assert response.status == 200
            assert response.headers["cache-control"] == "no-cache"
            page.locator("#root *").first.wait_for()
            page.wait_for_load_state("networkidle")
            assert page.evaluate("document.documentElement.lang") == "en"
            assert errors == []

    def test_assets_are_long_cached(self, server: Server) -> None:
        index = httpx.get(server.url + "/").text
        script = index.split('type="module" crossorigin src="', 1)[1].split('"', 1)[0]
        assert script.startswith("/assets/")
        r = httpx.get(server.url + script)
        assert r.status_code == 200
        assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert r.headers["content-encoding"] == "gzip"

    def test_api_404_stays_a_problem(self, server: Server) -> None:
        r = httpx.get(server.url + "/api/v1/no-such-thing")
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/problem+json"


def test_email_links_follow_host_and_port(server: Server) -> None:
    """No SANTA_PUBLIC_BASE_URL: links say the port santa serve listens on, not 8000."""
    address = f"port-{server.backend}@example.com"
    r = httpx.post(
        server.url + "/api/v1/auth/register",
        json={"email": address, "password": PASSWORD, "full_name": "Port Check"},
    )
    assert r.status_code == 202, r.text
    mail = wait_for_mail(server, address)
    link = link_in(mail, "/verify-email?token=")
    assert link.startswith(server.url + "/verify-email?token=")
