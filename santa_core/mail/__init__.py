"""Email delivery behind one interface: SendGrid, SMTP, ``.eml`` files, console.

:func:`make_backend` picks the backend from the settings. Callers hand it
rendered :class:`Email` objects and get one :data:`Outcome` per email.
"""

from __future__ import annotations

from santa_core.config import EmailBackend as BackendName
from santa_core.config import Settings
from santa_core.errors import ConfigurationError
from santa_core.mail.base import (
    REFERENCE_HEADER,
    Email,
    EmailBackend,
    Outcome,
    PermanentSendError,
    SendError,
    Sent,
    TransientSendError,
)

__all__ = [
    "REFERENCE_HEADER",
    "Email",
    "EmailBackend",
    "Outcome",
    "PermanentSendError",
    "SendError",
    "Sent",
    "TransientSendError",
    "make_backend",
]


def make_backend(settings: Settings) -> EmailBackend:
    """The backend ``SANTA_EMAIL_BACKEND`` names, configured from the settings."""
    name = settings.email_backend
    if name is BackendName.FILE:
        from santa_core.mail.local import FileBackend

        return FileBackend(settings.outbox_path, settings.email_from)
    if name is BackendName.CONSOLE:
        from santa_core.mail.local import ConsoleBackend

        return ConsoleBackend(settings.email_from)
    if name is BackendName.SMTP:
        from santa_core.mail.smtp import SmtpBackend, SmtpConfig

        return SmtpBackend(
            SmtpConfig(
                host=settings.smtp_host,
                port=settings.smtp_port,
                sender=settings.email_from,
                username=settings.smtp_username,
                password=settings.smtp_password.get_secret_value()
                if settings.smtp_password
                else None,
                starttls=settings.smtp_starttls,
                timeout=settings.smtp_timeout_seconds,
            )
        )
    if name is BackendName.SENDGRID:
        from santa_core.mail.sendgrid import SendGridBackend

        if settings.sendgrid_api_key is None:
            raise ConfigurationError(
                "SANTA_SENDGRID_API_KEY must be set when SANTA_EMAIL_BACKEND=sendgrid"
            )
        return SendGridBackend(
            api_key=settings.sendgrid_api_key.get_secret_value(),
            host=settings.sendgrid_host,
            sender=settings.email_from,
            batch_size=settings.sendgrid_batch_size,
            timeout=settings.smtp_timeout_seconds,
        )
    raise ConfigurationError(f"unknown email backend {name!r}")  # pragma: no cover
