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

import logging
import logging.config
import re
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


def config(level: str, *, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """A :func:`logging.config.dictConfig` for a santa process at ``level``.

    ``extra`` adds formatters, handlers and loggers (``santa serve`` adds uvicorn's);
    every handler gets the redacting filter.
    """
    numeric = logging.getLevelNamesMapping()[level.upper()]
    result: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact": {"()": f"{__name__}.RedactSecrets"}},
        "formatters": {"santa": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
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
    for handler in result["handlers"].values():
        handler["filters"] = [*handler.get("filters", []), "redact"]
    return result


def configure(level: str) -> None:
    """Set up logging for a santa process (``santa worker``, admin commands)."""
    logging.config.dictConfig(config(level))
