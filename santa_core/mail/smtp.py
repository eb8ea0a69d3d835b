"""SMTP: any relay, or Mailpit/MailHog/maildev in development.

Each thread keeps one connection open and sends message after message on it;
a connection idle for a while is checked with NOOP before use.
"""

from __future__ import annotations

import contextlib
import email.utils
import smtplib
import ssl
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from santa_core.mail.base import (
    Email,
    Outcome,
    PermanentSendError,
    SendError,
    Sent,
    TransientSendError,
)

_IDLE_CHECK_SECONDS = 10.0


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    sender: str
    username: str | None = None
    password: str | None = None
    starttls: bool = False
    timeout: float = 30.0


class _Conn(threading.local):
    smtp: smtplib.SMTP | None = None
    last_used: float = 0.0


class SmtpBackend:
    name = "smtp"
    max_batch = 1

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config
        self.envelope_from = email.utils.parseaddr(config.sender)[1] or config.sender
        self._local = _Conn()
        self._all: list[smtplib.SMTP] = []
        self._lock = threading.Lock()

    def send(self, emails: Sequence[Email]) -> list[Outcome]:
        return [self._send_one(e) for e in emails]

    def _send_one(self, message: Email) -> Outcome:
        try:
            conn = self._connection()
        except (OSError, smtplib.SMTPException) as exc:
            return TransientSendError(f"cannot connect to {self._where()}: {exc}")
        data = message.to_bytes(self.config.sender)
        try:
            refused = conn.sendmail(self.envelope_from, [message.to], data)
        except smtplib.SMTPRecipientsRefused as exc:
            code, reply = next(iter(exc.recipients.values()))
            return _classify(code, f"recipient refused: {code} {_text(reply)}")
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code in (-1, 421):  # the server closed (or is closing) the session
                self._drop()
            return _classify(exc.smtp_code, f"{exc.smtp_code} {_text(exc.smtp_error)}")
        except (OSError, smtplib.SMTPException) as exc:
            self._drop()
            return TransientSendError(f"SMTP connection failed: {type(exc).__name__}: {exc}")
        if refused:
            code, reply = next(iter(refused.values()))
            return _classify(code, f"recipient refused: {code} {_text(reply)}")
        self._local.last_used = time.monotonic()
        return Sent(message.message_id(self.config.sender))

    def _connection(self) -> smtplib.SMTP:
        conn = self._local.smtp
        if conn is not None and time.monotonic() - self._local.last_used > _IDLE_CHECK_SECONDS:
            try:
                code, _ = conn.noop()
            except (OSError, smtplib.SMTPException):
                code = -1
            if code != 250:
                self._drop()
                conn = None
        if conn is None:
            conn = self._open()
            self._local.smtp = conn
            self._local.last_used = time.monotonic()
            with self._lock:
                self._all.append(conn)
        return conn

    def _open(self) -> smtplib.SMTP:
        cfg = self.config
        conn = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
        try:
            conn.ehlo()
            if cfg.starttls:
                conn.starttls(context=ssl.create_default_context())
                conn.ehlo()
            if cfg.username:
                conn.login(cfg.username, cfg.password or "")
        except BaseException:
            conn.close()
            raise
        return conn

    def _drop(self) -> None:
        conn = self._local.smtp
        self._local.smtp = None
        if conn is None:
            return
        with self._lock:
            if conn in self._all:
                self._all.remove(conn)
        with contextlib.suppress(OSError):
            conn.close()

    def _where(self) -> str:
        return f"{self.config.host}:{self.config.port}"

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            try:
                conn.quit()
            except (OSError, smtplib.SMTPException):
                conn.close()


def _text(reply: bytes | str) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)


def _classify(code: int, detail: str) -> SendError:
    if 500 <= code < 600:
        return PermanentSendError(detail)
    return TransientSendError(detail)
