"""The web UI: the built single-page app under ``/``, with an SPA fallback.

The bundle is built from ``frontend/`` by ``uv run nox -s frontend`` into
``santa_server/webui/dist/`` and committed, so a fresh clone (and a wheel) serves
the UI without Node. ``dist/build-info.json`` records a digest of the sources it
was built from: CI rebuilds and compares (drift check), and ``santa serve`` in a
source checkout says so loudly when the sources moved on (:func:`stale_reason`).

Routes, registered after the API so they never shadow it:

- ``/assets/*`` (content-hashed by Vite): ``Cache-Control: public, max-age=31536000,
  immutable``; other files at the top of the bundle (favicon...): ``no-cache``.
- any other ``GET`` outside ``/api/`` and ``/openapi.json``: ``index.html`` with
  ``no-cache`` (the client router draws the page). The fallback does not match
  ``/api/...`` at all, so an API path asked with a method it lacks gets the router's
  405 with ``Allow``, and unknown ``/api/...`` paths stay ``application/problem+json`` 404s.
- no bundle: a 503 page that says how to build it, never an empty or old UI.

**Deep links load their page at once.** The index page carries the start-up script
(``theme-init.js``, allowed by its hash in that page's CSP) and the stylesheet inline, so
nothing is fetched before the first paint. For a deep link (``/boxes/<id>``, ``/join/<code>``...:
:data:`ROUTE_PAGES`) it also lists the page's chunk and every chunk it imports as
``<link rel="modulepreload">``, read from Vite's ``manifest.json``: the browser fetches them
while it fetches the entry script, instead of discovering them one level at a time after it.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import Scope

from santa_server.middleware import CSP

DIST_DIR = Path(__file__).resolve().parent / "dist"
#: The source checkout's frontend (absent in an installed wheel).
FRONTEND_DIR = Path(__file__).resolve().parents[2] / "frontend"
BUILD_INFO = "build-info.json"
BUILD_HINT = "run `uv run nox -s frontend` and commit"

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
#: Paths the UI never answers (the API answers or 404s them as problem+json).
API_PREFIXES = ("/api/", "/openapi.json")
#: Files under these frontend paths change the bundle; tests and tooling do not.
SOURCE_FILES = ("index.html", "package.json", "package-lock.json")
SOURCE_DIRS = ("src", "public")
SOURCE_GLOBS = ("vite.config.*", "tsconfig*.json")
TEST_MARKERS = (".test.", ".spec.", "__tests__", "/test/")
MANIFEST = "manifest.json"
#: Each deep link's page (the source file Vite's manifest knows it by), first match wins;
#: in step with ``frontend/src/app/App.tsx`` (a test checks each is a chunk of the bundle).
ROUTE_PAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), f"src/pages/{page}.tsx")
    for pattern, page in (
        (r"/dashboard/?", "DashboardPage"),
        (r"/boxes/new/?", "CreateBoxPage"),
        (r"/boxes/[^/]+/?", "BoxPage"),
        (r"/boxes/[^/]+/card/?", "MyCardPage"),
        (r"/boxes/[^/]+/assignment/?", "MyGifteePage"),
        (r"/boxes/[^/]+/(messages|gifts)/?", "ExchangePage"),
        (r"/boxes/[^/]+/people/[^/]+/?", "ActForPage"),
        (r"/join/[^/]+/?", "JoinPage"),
        (r"/signin/?", "SignInPage"),
        (r"/signup/?", "SignUpPage"),
        (r"/verify-email/?", "VerifyEmailPage"),
        (r"/forgot-password/?", "ForgotPasswordPage"),
        (r"/reset-password/?", "ResetPasswordPage"),
        (r"/unsubscribe/?", "UnsubscribePage"),
        (r"/settings/?", "SettingsPage"),
    )
)
_COMPRESSIBLE = (".js", ".css", ".html", ".svg", ".json", ".txt", ".map", ".webmanifest")

_MISSING_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>santa: web UI not built</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto;">
<h1>The web UI is not built</h1>
<p>This server has no web UI bundle in <code>{dist}</code>.
In a source checkout, {hint}; the API still works
(<a href="/api/docs">/api/docs</a>).</p></body></html>
"""


def source_digest(frontend: Path = FRONTEND_DIR) -> str:
    """SHA-256 over the frontend files the bundle is built from (paths and contents)."""
    files: set[Path] = {frontend / name for name in SOURCE_FILES}
    for pattern in SOURCE_GLOBS:
        files.update(frontend.glob(pattern))
    for name in SOURCE_DIRS:
        files.update(p for p in (frontend / name).rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for path in sorted(p for p in files if p.is_file()):
        rel = path.relative_to(frontend).as_posix()
        if any(marker in f"/{rel}" for marker in TEST_MARKERS):
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def write_build_info(dist: Path = DIST_DIR, frontend: Path = FRONTEND_DIR) -> None:
    info = {"source_digest": source_digest(frontend), "rebuild": BUILD_HINT}
    (dist / BUILD_INFO).write_text(json.dumps(info, indent=2, sort_keys=True) + "\n")


def missing_reason(dist: Path = DIST_DIR) -> str | None:
    if not (dist / "index.html").is_file():
        return f"the web UI bundle is missing ({dist}): {BUILD_HINT}"
    return None


def stale_reason(dist: Path = DIST_DIR, frontend: Path = FRONTEND_DIR) -> str | None:
    """Why the bundle does not match the checkout's ``frontend/`` sources, if it does not."""
    if not (frontend / "package.json").is_file():
        return None  # an installed package: the bundle is what was released
    try:
        recorded = json.loads((dist / BUILD_INFO).read_text())["source_digest"]
    except (OSError, ValueError, KeyError, TypeError):
        return f"the web UI bundle has no {BUILD_INFO}: {BUILD_HINT}"
    if recorded != source_digest(frontend):
        return f"the web UI bundle is older than frontend/: {BUILD_HINT}"
    return None


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


@lru_cache(maxsize=512)
def _read(path: Path, mtime_ns: int, compress: bool) -> bytes:
    data = path.read_bytes()
    return _gzip(data) if compress else data


def _respond(
    request: Request,
    etag: str,
    headers: dict[str, str],
    media_type: str,
    body: Callable[[bool], bytes],
    *,
    compressible: bool = True,
) -> Response:
    """A revalidatable answer: 304 on a matching ETag, gzip when accepted, HEAD without body.
    ``body(compress)`` gives the bytes, gzipped or not."""
    headers = {**headers, "ETag": etag, "Vary": "Accept-Encoding"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    compress = compressible and "gzip" in request.headers.get("accept-encoding", "")
    if compress:
        headers["Content-Encoding"] = "gzip"
    data = body(compress)
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(data))
        data = b""
    return Response(data, media_type=media_type, headers=headers)


def _file_response(request: Request, path: Path, cache_control: str, media_type: str) -> Response:
    stat = path.stat()
    return _respond(
        request,
        f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"',
        {"Cache-Control": cache_control},
        media_type,
        lambda compress: _read(path, stat.st_mtime_ns, compress),
        compressible=path.suffix in _COMPRESSIBLE,
    )


def page_chunks(manifest: dict[str, dict[str, object]], page: str) -> list[str]:
    """The files (``assets/...``) a page's chunk needs beyond the entry script: the chunk and
    everything it imports, directly or not, in the order found; none for an unknown page."""
    entry: set[str] = set()
    for key, chunk in manifest.items():
        if chunk.get("isEntry"):
            entry.update(_closure(manifest, key))
    return [f for f in _closure(manifest, page) if f not in entry] if page in manifest else []


def _closure(manifest: dict[str, dict[str, object]], key: str) -> list[str]:
    files: list[str] = []
    seen: set[str] = set()
    todo = [key]
    while todo:
        current = todo.pop(0)
        chunk = manifest.get(current)
        if current in seen or chunk is None:
            continue
        seen.add(current)
        file = chunk.get("file")
        if isinstance(file, str) and file.endswith(".js"):
            files.append(file)
        imports = chunk.get("imports")
        if isinstance(imports, list):
            todo.extend(str(i) for i in imports)
    return files


#: Inlined into the index page (nothing to fetch before the first paint): the start-up
#: script (theme, language, first requests), allowed by its hash in the page's CSP, and
#: the stylesheet (inline styles are allowed already).
_START_SCRIPT = re.compile(r'<script src="/(theme-init\.js)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet"(?: crossorigin)? href="/(assets/[^"]+\.css)">')


class _Index:
    """``index.html`` for each page: start-up script and styles inline, the page's chunks
    preloaded (see the module docstring)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / "index.html"
        self._manifest = root / MANIFEST

    def page_for(self, url_path: str) -> str | None:
        for pattern, page in ROUTE_PAGES:
            if pattern.fullmatch(url_path):
                return page
        return None

    def response(self, request: Request, url_path: str) -> Response:
        stat = self.path.stat()
        page = self.page_for(url_path)
        return _respond(
            request,
            f'"{stat.st_mtime_ns:x}-{stat.st_size:x}-{page or ""}"',
            {
                "Cache-Control": REVALIDATE,
                "Content-Security-Policy": self._page(stat.st_mtime_ns, page)[1],
            },
            "text/html; charset=utf-8",
            lambda compress: self._body(stat.st_mtime_ns, page, compress),
        )

    @lru_cache(maxsize=64)  # noqa: B019 (one instance per app; the cache is the point)
    def _body(self, mtime_ns: int, page: str | None, compress: bool) -> bytes:
        data = self._page(mtime_ns, page)[0].encode()
        return _gzip(data) if compress else data

    @lru_cache(maxsize=64)  # noqa: B019
    def _page(self, mtime_ns: int, page: str | None) -> tuple[str, str]:
        """The page's HTML and its Content-Security-Policy."""
        html = self.path.read_text()
        csp = CSP
        script = _START_SCRIPT.search(html)
        code = self._text(script[1]) if script else None
        if script and code is not None and "</script" not in code.lower():
            digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
            html = html.replace(script[0], f"<script>{code}</script>", 1)
            csp = CSP.replace("script-src 'self'", f"script-src 'self' 'sha256-{digest}'", 1)
        sheet = _STYLESHEET.search(html)
        css = self._text(sheet[1]) if sheet else None
        if sheet and css is not None and "</style" not in css.lower():
            html = html.replace(sheet[0], f"<style>{css}</style>", 1)
        if page is not None:
            try:
                manifest = json.loads(self._manifest.read_text())
            except (OSError, ValueError):
                manifest = {}  # an older bundle without a manifest: the page still loads
            links = "".join(
                f'<link rel="modulepreload" crossorigin href="/{file}">'
                for file in page_chunks(manifest, page)
            )
            html = html.replace("</head>", f"{links}</head>", 1)
        return html, csp

    def _text(self, relative: str) -> str | None:
        path = (self.root / relative).resolve()
        if self.root not in path.parents or not path.is_file():
            return None  # named but not in the bundle: the page keeps its <script src>/<link>
        return path.read_text()


def _media_type(path: Path) -> str:
    import mimetypes

    guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix in {".js", ".mjs"}:
        guessed = "text/javascript"
    if guessed.startswith("text/") or guessed in {"application/json", "image/svg+xml"}:
        guessed += "; charset=utf-8"
    return guessed


def _is_api(url_path: str) -> bool:
    return url_path.startswith(API_PREFIXES) or url_path == "/api"


class _FallbackRoute(APIRoute):
    """The SPA fallback, which never matches an API path."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path, root = scope["path"], scope.get("root_path", "")
        if scope["type"] == "http" and _is_api(path.removeprefix(root) if root else path):
            return Match.NONE, {}
        return super().matches(scope)


def install(app: FastAPI, dist: Path | None = None) -> None:
    """Add the UI routes; call after every API router is included."""
    root = (dist or DIST_DIR).resolve()
    index = root / "index.html"
    pages = _Index(root)

    def web_ui(path: str, request: Request) -> Response:
        if not index.is_file():
            page = _MISSING_PAGE.format(dist=root, hint=BUILD_HINT)
            return HTMLResponse(page, status_code=503, headers={"Cache-Control": "no-store"})
        if path:
            candidate = (root / path).resolve()
            if candidate.is_file() and root in candidate.parents and candidate != index:
                hashed = candidate.parent == root / "assets"
                return _file_response(
                    request,
                    candidate,
                    IMMUTABLE if hashed else REVALIDATE,
                    _media_type(candidate),
                )
            if path.startswith("assets/"):
                # A hashed asset of another build: a 404, not the index page as JavaScript.
                raise StarletteHTTPException(status_code=404)
        return pages.response(request, "/" + path)

    app.router.add_api_route(
        "/{path:path}",
        web_ui,
        methods=["GET", "HEAD"],
        include_in_schema=False,
        route_class_override=_FallbackRoute,
    )
