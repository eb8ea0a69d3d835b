"""santa_server: the FastAPI app (REST under /api/v1, WebSocket, the web UI)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("santa")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"
