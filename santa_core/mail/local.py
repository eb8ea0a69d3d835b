"""Development backends: ``.eml`` files in the outbox folder, or a log line."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from santa_core.logs import SHOW_SECRETS
from santa_core.mail.base import Email, Outcome, PermanentSendError, Sent, TransientSendError

log = logging.getLogger("santa.mail")


class FileBackend:
    """Writes each email as ``<outbox>/<reference>.eml`` (atomically) and logs a line.

    Beside it, ``<reference>.txt`` holds the same email decoded (To, Subject and
    the plain text with its links), so a newcomer reads a verification link
    with ``cat`` or ``santa outbox show`` instead of a MIME parser.
    """

    name = "file"
    max_batch = 1

    def __init__(self, directory: Path, sender: str) -> None:
        self.directory = directory
        self.sender = sender

    def send(self, emails: Sequence[Email]) -> list[Outcome]:
        return [self._write(e) for e in emails]

    def _write(self, message: Email) -> Outcome:
        if not message.to or "@" not in message.to:
            return PermanentSendError(f"not an email address: {message.to!r}")
        data = message.to_bytes(self.sender)
        target = self.directory / f"{message.reference}.eml"
        readable = (
            f"From: {self.sender}\nTo: {message.to}\nSubject: {message.subject}\n\n"
            f"{message.text.rstrip()}\n"
        ).encode()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            for path, content in ((target.with_suffix(".txt"), readable), (target, data)):
                fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
                with os.fdopen(fd, "wb") as fh:
                    fh.write(content)
                os.replace(tmp, path)
        except OSError as exc:
            return TransientSendError(f"cannot write {target}: {exc}")
        # Not the subject: it may name the recipient's giftee.
        log.info("email to %s written to %s", message.to, target)
        return Sent(target.name)

    def close(self) -> None:
        return None


class ConsoleBackend:
    """Logs the plain-text version of each email (for a quick look in the terminal)."""

    name = "console"
    max_batch = 1

    def __init__(self, sender: str) -> None:
        self.sender = sender

    def send(self, emails: Sequence[Email]) -> list[Outcome]:
        results: list[Outcome] = []
        for message in emails:
            log.info(
                "email to %s\nSubject: %s\n\n%s",
                message.to,
                message.subject,
                message.text.rstrip(),
                extra={SHOW_SECRETS: True},  # showing the email, links included, is the point
            )
            results.append(Sent(message.message_id(self.sender)))
        return results

    def close(self) -> None:
        return None
