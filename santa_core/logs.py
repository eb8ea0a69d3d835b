"""Logging of santa's processes: ``SANTA_LOG_LEVEL``, one format, and no secrets in the output.

Secrets travel in URLs and headers: invitation and join codes in paths
(``/invitations/inv_…``, ``/join/join_…``), calendar feed tokens
(``/calendar/<token>.ics``), the ``?token=`` of verification, reset and
unsubscribe links, the OAuth ``code``, bearer tokens. Request logs and library
debug output would print them, so a filter on every handler masks them
(:class:`RedactSecrets`). The SendGrid client logs whole requests at DEBUG (its
API key, every email with its links and names): it never logs below INFO.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import logging.config
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

REDACTED = "[redacted]"

#: A record with this attribute set is printed as is (the console email backend's
#: whole purpose is to show the email, links included, to a developer).
SHOW_SECRETS = "santa_show_secrets"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"([?&;](?:token|code|access_token|refresh_token|id_token|api_key|key|password)=)"
            r"[^&;\s\"'#]+",
            re.IGNORECASE,
        ),
        rf"\1{REDACTED}",
    ),
    # Invitation and join-link codes (a prefix and 43 URL-safe characters).
    (re.compile(r"\b(inv|join)_[A-Za-z0-9_\-]{40,}"), rf"\1_{REDACTED}"),
    (re.compile(r"(/calendar/)[^/?\s\"']+(\.ics)"), rf"\1{REDACTED}\2"),
    (re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=\-]+", re.IGNORECASE), rf"\1{REDACTED}"),
    (re.compile(r"\beyJ[\w-]+\.[\w-]+\.[\w-]+"), REDACTED),  # JWTs
)

#: Loggers that print secrets at DEBUG (request bodies and headers) and their floor.
_FLOORS = {"python_http_client": logging.INFO}


def redact(text: str) -> str:
    """``text`` with the secrets it carries masked."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _clean(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    # Objects too: httpx logs its URL objects, whose text carries the query.
    text = value if isinstance(value, str) else str(value)
    cleaned = redact(text)
    return value if cleaned == text else cleaned


class RedactSecrets(logging.Filter):
    """Masks secrets in a record's message and arguments (keeps their shape for formatters)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, SHOW_SECRETS, False):
            return True
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_clean(a) for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: _clean(v) for k, v in record.args.items()}
        return True


# --- request ids ------------------------------------------------------------------

#: The id of the request (or of the request that caused the job) being handled.
_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "santa_request_id", default=None
)
#: What an incoming ``X-Request-ID`` may look like to be kept (else a new one is made).
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,127}")


def new_request_id() -> str:
    return secrets.token_hex(16)


def sane_request_id(value: str | None) -> str | None:
    """``value`` when it is a usable id (1-128 of ``A-Za-z0-9._:-``), else ``None``."""
    if value and _SANE_REQUEST_ID.fullmatch(value):
        return value
    return None


def current_request_id() -> str | None:
    return _request_id.get()


def set_request_id(value: str | None) -> contextvars.Token[str | None]:
    return _request_id.set(value)


def reset_request_id(token: contextvars.Token[str | None]) -> None:
    _request_id.reset(token)


@contextmanager
def request_id_bound(value: str | None) -> Iterator[None]:
    """Log lines inside carry ``value`` as their ``request_id`` (jobs use the id of the
    request that caused them)."""
    token = _request_id.set(value)
    try:
        yield
    finally:
        _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` (or ``-``) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = _request_id.get() or "-"
        return True


# --- formats ----------------------------------------------------------------------

LOG_FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s [%(request_id)s] %(levelname)s %(name)s: %(message)s"
#: Record attributes that are not "extra" fields of a log call.
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "request_id",
    "color_message",
    SHOW_SECRETS,
    "taskName",
}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ``ts``, ``level``, ``logger``, ``message``,
    ``request_id``, ``exc_info`` when there is one, and the call's ``extra`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or _request_id.get(),
            "process": record.process,
        }
        args = record.args
        if record.name == "uvicorn.access" and isinstance(args, tuple) and len(args) == 5:
            client, method, path, _, status = args  # uvicorn's request line
            entry.update(client=client, method=method, path=path, status=status)
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = _clean(value) if not isinstance(value, dict | list) else value
        if record.exc_info:
            entry["exc_info"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, default=str, ensure_ascii=False)


def config(
    level: str, *, extra: dict[str, Any] | None = None, log_format: str = "text"
) -> dict[str, Any]:
    """A :func:`logging.config.dictConfig` for a santa process at ``level``.

    ``extra`` adds formatters, handlers and loggers (``santa serve`` adds uvicorn's);
    every handler gets the redacting filter and the request id. With
    ``log_format="json"`` every handler writes one JSON object per line.
    """
    numeric = logging.getLevelNamesMapping()[level.upper()]
    result: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "redact": {"()": f"{__name__}.RedactSecrets"},
            "request_id": {"()": f"{__name__}.RequestIdFilter"},
        },
        "formatters": {"santa": {"format": TEXT_FORMAT}},
        "handlers": {
            "santa": {
                "class": "logging.StreamHandler",
                "formatter": "santa",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "alembic": {"level": logging.getLevelName(max(logging.WARNING, numeric))},
            **{
                name: {"level": logging.getLevelName(max(floor, numeric))}
                for name, floor in _FLOORS.items()
            },
        },
        "root": {"level": level.upper(), "handlers": ["santa"]},
    }
    for section in ("formatters", "handlers", "loggers"):
        result[section].update((extra or {}).get(section, {}))
    if log_format == "json":
        result["formatters"]["json"] = {"()": f"{__name__}.JsonFormatter"}
    for handler in result["handlers"].values():
        handler["filters"] = [*handler.get("filters", []), "request_id", "redact"]
        if log_format == "json":
            handler["formatter"] = "json"
    return result


def configure(level: str, log_format: str = "text") -> None:
    """Set up logging for a santa process (``santa worker``, admin commands)."""
    logging.config.dictConfig(config(level, log_format=log_format))
