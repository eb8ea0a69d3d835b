"""santa_server: the FastAPI app (`create_app` in `app.py`): santa's REST API under /api/v1."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("santa")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"
