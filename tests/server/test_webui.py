"""The web UI routes: SPA fallback, cache headers, API paths untouched, missing bundle."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from santa_core import migrate
from santa_server import webui
from santa_server.app import create_app
from tests.conftest import make_settings

INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>'  # noqa: E501


def _bundle(root: Path) -> Path:
    dist = root / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX)
    (dist / "assets" / "index-abc123.js").write_text("console.log('santa');" * 50)
    (dist / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    return dist


def _client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dist: Path) -> TestClient:
    monkeypatch.setattr(webui, "DIST_DIR", dist)
    app = create_app(make_settings(tmp_path / "data"))
    migrate.ensure_schema(app.state.engine)  # what `santa serve` does first
    return TestClient(app)


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with _client(tmp_path, monkeypatch, _bundle(tmp_path)) as c:
        yield c


class TestServeBundle:
    def test_index_at_root_revalidates(self, client: TestClient) -> None:
        r = client.get("/")
        assert r.status_code == 200
        assert r.headers["content-type"] == "text/html; charset=utf-8"
        assert r.headers["cache-control"] == "no-cache"
        assert 'id="root"' in r.text

    @pytest.mark.parametrize(
        "path", ["/boxes/3f0c/assignment", "/join/abc", "/verify-email?token=x", "/settings"]
    )
    def test_unknown_page_paths_get_the_index(self, client: TestClient, path: str) -> None:
        r = client.get(path)
        assert r.status_code == 200
        assert r.headers["cache-control"] == "no-cache"
        assert r.text == INDEX

    def test_hashed_assets_are_immutable_and_gzipped(self, client: TestClient) -> None:
        r = client.get("/assets/index-abc123.js", headers={"Accept-Encoding": "gzip"})
        assert r.status_code == 200
        assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert r.headers["content-type"].startswith("text/javascript")
        assert r.headers["content-encoding"] == "gzip"
        assert r.text.startswith("console.log")  # httpx decoded it

    def test_plain_when_gzip_not_accepted(self, client: TestClient) -> None:
        r = client.get("/assets/index-abc123.js", headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in r.headers
        assert r.content == b"console.log('santa');" * 50

    def test_etag_revalidation(self, client: TestClient) -> None:
        etag = client.get("/").headers["etag"]
        r = client.get("/", headers={"If-None-Match": etag})
        assert r.status_code == 304

    def test_top_level_files_are_not_immutable(self, client: TestClient) -> None:
        r = client.get("/favicon.svg")
        assert r.status_code == 200
        assert r.headers["cache-control"] == "no-cache"
        assert r.headers["content-type"].startswith("image/svg+xml")

    def test_missing_hashed_asset_is_404_not_the_index(self, client: TestClient) -> None:
        r = client.get("/assets/index-old999.js")
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/problem+json"

    def test_path_traversal_gets_the_index(self, client: TestClient) -> None:
        r = client.get("/..%2f..%2fpyproject.toml")
        assert r.text == INDEX

    def test_head(self, client: TestClient) -> None:
        r = client.head("/")
        assert r.status_code == 200
        assert r.content == b""


class TestApiUntouched:
    @pytest.mark.parametrize("path", ["/api/v1/nope", "/api/nope", "/api/v1/boxes/x/y/z"])
    def test_unknown_api_paths_stay_problems(self, client: TestClient, path: str) -> None:
        r = client.get(path)
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["code"] == "not_found"

    def test_openapi_and_docs(self, client: TestClient) -> None:
        assert client.get("/openapi.json").json()["info"]["title"] == "santa"
        assert "swagger" in client.get("/api/docs").text.lower()
        assert client.get("/api/v1/health").status_code == 200

    def test_post_to_a_page_path_is_not_allowed(self, client: TestClient) -> None:
        assert client.post("/boxes").status_code == 405

    def test_ui_route_is_not_in_the_spec(self, client: TestClient) -> None:
        assert "/{path}" not in client.get("/openapi.json").json()["paths"]


class TestMissingBundle:
    def test_clear_error_page(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        with _client(tmp_path, monkeypatch, tmp_path / "nothing") as c:
            r = c.get("/boxes/1")
            assert r.status_code == 503
            assert "The web UI is not built" in r.text
            assert "uv run nox -s frontend" in r.text
            assert r.headers["cache-control"] == "no-store"
            assert c.get("/api/v1/health").status_code == 200

    def test_missing_reason(self, tmp_path: Path) -> None:
        assert webui.missing_reason(tmp_path) is not None
        assert webui.missing_reason(_bundle(tmp_path)) is None


class TestStaleness:
    def _frontend(self, root: Path) -> Path:
        fe = root / "frontend"
        (fe / "src").mkdir(parents=True)
        (fe / "package.json").write_text("{}")
        (fe / "index.html").write_text("<div id=root></div>")
        (fe / "src" / "main.tsx").write_text("export {}")
        (fe / "src" / "main.test.tsx").write_text("test")
        return fe

    def test_fresh_build_is_not_stale(self, tmp_path: Path) -> None:
        fe, dist = self._frontend(tmp_path), _bundle(tmp_path)
        webui.write_build_info(dist, fe)
        assert json.loads((dist / "build-info.json").read_text())["source_digest"]
        assert webui.stale_reason(dist, fe) is None

    def test_changed_source_is_stale(self, tmp_path: Path) -> None:
        fe, dist = self._frontend(tmp_path), _bundle(tmp_path)
        webui.write_build_info(dist, fe)
        (fe / "src" / "main.tsx").write_text("export const x = 1")
        reason = webui.stale_reason(dist, fe)
        assert reason is not None
        assert "uv run nox -s frontend" in reason

    def test_tests_do_not_change_the_digest(self, tmp_path: Path) -> None:
        fe = self._frontend(tmp_path)
        before = webui.source_digest(fe)
        (fe / "src" / "main.test.tsx").write_text("test 2")
        (fe / "node_modules").mkdir()
        (fe / "node_modules" / "x.js").write_text("x")
        assert webui.source_digest(fe) == before

    def test_no_build_info_is_stale(self, tmp_path: Path) -> None:
        fe, dist = self._frontend(tmp_path), _bundle(tmp_path)
        assert webui.stale_reason(dist, fe) is not None

    def test_installed_package_is_never_stale(self, tmp_path: Path) -> None:
        assert webui.stale_reason(_bundle(tmp_path), tmp_path / "no-frontend") is None


def test_gzip_is_deterministic(tmp_path: Path) -> None:
    path = tmp_path / "a.js"
    path.write_text("x" * 100)
    assert gzip.decompress(webui._read(path, 1, True)) == b"x" * 100


MANIFEST = {
    "index.html": {"file": "assets/index-abc123.js", "isEntry": True, "imports": ["_shared.js"]},
    "_shared.js": {"file": "assets/shared-1.js"},
    "_field.js": {"file": "assets/field-2.js", "imports": ["index.html", "_shared.js"]},
    "_deep.js": {"file": "assets/deep-3.js"},
    "_form.js": {"file": "assets/form-4.js", "imports": ["_deep.js"], "css": ["assets/x.css"]},
    "src/pages/BoxPage.tsx": {
        "file": "assets/BoxPage-5.js",
        "isDynamicEntry": True,
        "imports": ["index.html", "_field.js", "_form.js"],
        "dynamicImports": ["node_modules/qrcode/lib/browser.js"],
    },
    "node_modules/qrcode/lib/browser.js": {"file": "assets/browser-6.js"},
}


class TestDeepLinksPreloadTheirPage:
    @pytest.fixture
    def client(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
        dist = _bundle(tmp_path)
        (dist / "manifest.json").write_text(json.dumps(MANIFEST))
        with _client(tmp_path, monkeypatch, dist) as c:
            yield c

    def test_the_page_chunk_and_all_it_imports_are_preloaded(self, client: TestClient) -> None:
        html = client.get("/boxes/3f0c9a").text
        preloaded = re.findall(r'<link rel="modulepreload" crossorigin href="([^"]+)">', html)
        # Its own chunk and its imports, transitively; not the entry's (already loading),
        # not what it imports only on demand (the QR code library).
        assert preloaded == [
            "/assets/BoxPage-5.js",
            "/assets/field-2.js",
            "/assets/form-4.js",
            "/assets/deep-3.js",
        ]
        assert html.index("modulepreload") < html.index("</head>")

    @pytest.mark.parametrize("path", ["/", "/boxes/3f0c9a/card", "/no-such-page", "/boxes/a/b/c"])
    def test_other_pages_get_the_plain_index(self, client: TestClient, path: str) -> None:
        # /boxes/<id>/card is MyCardPage, which this bundle's manifest does not have.
        assert client.get(path).text == INDEX

    def test_each_page_has_its_own_etag_and_gzip(self, client: TestClient) -> None:
        box = client.get("/boxes/1", headers={"Accept-Encoding": "gzip"})
        assert box.headers["content-encoding"] == "gzip"
        assert box.headers["etag"] != client.get("/").headers["etag"]
        again = client.get("/boxes/2", headers={"If-None-Match": box.headers["etag"]})
        assert again.status_code == 304

    def test_a_broken_manifest_still_serves_the_page(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        dist = _bundle(tmp_path / "broken")
        (dist / "manifest.json").write_text("{not json")
        with _client(tmp_path, monkeypatch, dist) as c:
            r = c.get("/boxes/3f0c9a")
        assert r.status_code == 200
        assert r.text == INDEX


def test_every_deep_link_page_is_a_chunk_of_the_committed_bundle() -> None:
    """ROUTE_PAGES names pages by source file: a renamed page would silently lose its preload."""
    manifest = json.loads((webui.DIST_DIR / webui.MANIFEST).read_text())
    for pattern, page in webui.ROUTE_PAGES:
        assert manifest.get(page, {}).get("isDynamicEntry"), (pattern.pattern, page)
        assert webui.page_chunks(manifest, page)[0] == manifest[page]["file"]
    app_routes = (webui.FRONTEND_DIR / "src" / "app" / "App.tsx").read_text()
    for _, page in webui.ROUTE_PAGES:
        name = page.removeprefix("src/pages/").removesuffix(".tsx")
        assert f'import("../pages/{name}")' in app_routes, name


class TestNothingToFetchBeforeTheFirstPaint:
    SCRIPT = "(function () { document.documentElement.lang = 'en'; })();\n"
    CSS = "body{margin:0}"

    @pytest.fixture
    def client(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
        dist = _bundle(tmp_path)
        (dist / "index.html").write_text(
            '<!doctype html><html><head><script src="/theme-init.js"></script>'
            '<script type="module" crossorigin src="/assets/index-abc123.js"></script>'
            '<link rel="stylesheet" crossorigin href="/assets/index-abc.css"></head>'
            '<body><div id="root"></div></body></html>'
        )
        (dist / "theme-init.js").write_text(self.SCRIPT)
        (dist / "assets" / "index-abc.css").write_text(self.CSS)
        with _client(tmp_path, monkeypatch, dist) as c:
            yield c

    def test_start_script_and_styles_are_inline_and_the_script_is_allowed_by_hash(
        self, client: TestClient
    ) -> None:
        r = client.get("/dashboard")
        assert f"<script>{self.SCRIPT}</script>" in r.text
        assert f"<style>{self.CSS}</style>" in r.text
        assert "theme-init.js" not in r.text
        assert "index-abc.css" not in r.text
        digest = base64.b64encode(hashlib.sha256(self.SCRIPT.encode()).digest()).decode()
        csp = r.headers["content-security-policy"]
        assert f"script-src 'self' 'sha256-{digest}';" in csp
        # Only that script: no 'unsafe-inline' for scripts, the rest of the policy as elsewhere.
        assert "script-src 'self' 'sha256-" in csp
        assert "'unsafe-inline'" not in csp.split(";")[1]
        api = client.get("/api/v1/health/live").headers["content-security-policy"]
        assert "sha256" not in api
        # The file itself is still served (an older cached page may ask for it).
        assert client.get("/theme-init.js").text == self.SCRIPT

    def test_a_script_that_could_close_its_tag_is_not_inlined(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        dist = _bundle(tmp_path / "odd")
        (dist / "index.html").write_text(
            '<html><head><script src="/theme-init.js"></script></head></html>'
        )
        (dist / "theme-init.js").write_text("var s = '</script><script>alert(1)</script>';")
        with _client(tmp_path, monkeypatch, dist) as c:
            r = c.get("/")
        assert '<script src="/theme-init.js"></script>' in r.text
        assert "sha256" not in r.headers["content-security-policy"]
