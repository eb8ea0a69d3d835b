"""``/api/docs``: Swagger UI served from this server (no CDN), so the docs work offline and
under the strict Content-Security-Policy (no inline script: the page loads an init file).

The Swagger UI files come from the ``fastapi-swagger`` package (Swagger UI 5, which
renders OpenAPI 3.1); only its static files are used.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/api/docs"
ASSETS = f"{DOCS_URL}/assets"

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" href="{assets}/favicon-32x32.png">
</head><body><div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{docs}/init.js"></script>
</body></html>
"""

_INIT = """window.ui = SwaggerUIBundle({
  url: %s,
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});
"""


def assets_dir() -> Path:
    return Path(str(resources.files("fastapi_swagger") / "resources"))


def install(app: FastAPI) -> None:
    import json

    page = _PAGE.format(title=app.title, assets=ASSETS, docs=DOCS_URL)
    init = _INIT % json.dumps(app.openapi_url)

    @app.get(DOCS_URL, include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get(f"{DOCS_URL}/init.js", include_in_schema=False)
    def swagger_ui_init() -> Response:
        return Response(init, media_type="text/javascript")

    app.mount(ASSETS, StaticFiles(directory=assets_dir()), name="docs-assets")
