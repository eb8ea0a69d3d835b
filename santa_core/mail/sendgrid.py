"""SendGrid's v3 Mail Send API through the official client.

Emails are batched as personalizations (up to ``batch_size`` per request).
Every recipient's email is different (names, links), so a batched request
carries the rendered subject in each personalization and the rendered bodies
as that personalization's substitutions for two placeholder tags. A message
too large for SendGrid's 10,000-byte substitution limit goes in a request of
its own. A batch rejected as a whole with a 4xx is retried one email at a
time, so one bad address cannot fail the others.
"""

from __future__ import annotations

import email.utils
import json
import urllib.error
from collections.abc import Sequence
from typing import Any

from python_http_client.exceptions import HTTPError
from sendgrid import SendGridAPIClient

from santa_core.mail.base import (
    REFERENCE_HEADER,
    Email,
    Outcome,
    PermanentSendError,
    SendError,
    Sent,
    TransientSendError,
)

TEXT_TAG = "[%santa_text%]"
HTML_TAG = "[%santa_html%]"
#: SendGrid caps the substitutions of one personalization at 10,000 bytes.
SUBSTITUTION_LIMIT = 10_000


class SendGridBackend:
    name = "sendgrid"

    def __init__(
        self,
        *,
        api_key: str,
        host: str,
        sender: str,
        batch_size: int = 1000,
        timeout: float = 30.0,
    ) -> None:
        self.client = SendGridAPIClient(api_key=api_key, host=host.rstrip("/"))
        self.sender_name, self.sender_email = email.utils.parseaddr(sender)
        self.max_batch = max(1, min(batch_size, 1000))
        self.timeout = timeout

    def send(self, emails: Sequence[Email]) -> list[Outcome]:
        outcomes: dict[int, Outcome] = {}
        batchable = [i for i, e in enumerate(emails) if _fits_substitutions(e)]
        alone = [i for i in range(len(emails)) if i not in set(batchable)]
        for start in range(0, len(batchable), self.max_batch):
            chunk = batchable[start : start + self.max_batch]
            if len(chunk) == 1:
                alone.append(chunk[0])
                continue
            result = self._post(self._batch_body([emails[i] for i in chunk]))
            if isinstance(result, PermanentSendError):
                alone.extend(chunk)  # find the culprit: one request per email
                continue
            for i in chunk:  # SendGrid's X-Message-Id names the whole request
                outcomes[i] = result
        for i in sorted(alone):
            outcomes[i] = self._post(self._single_body(emails[i]))
        return [outcomes[i] for i in range(len(emails))]

    def _from(self) -> dict[str, str]:
        sender = {"email": self.sender_email}
        if self.sender_name:
            sender["name"] = self.sender_name
        return sender

    def _personalization(self, message: Email) -> dict[str, Any]:
        headers = {REFERENCE_HEADER: message.reference, "Content-Language": message.language}
        headers.update(message.headers)
        return {
            "to": [{"email": message.to}],
            "subject": message.subject,
            "headers": headers,
            "custom_args": {"santa_message": message.reference},
        }

    def _single_body(self, message: Email) -> dict[str, Any]:
        return {
            "from": self._from(),
            "personalizations": [self._personalization(message)],
            "content": [
                {"type": "text/plain", "value": message.text},
                {"type": "text/html", "value": message.html},
            ],
        }

    def _batch_body(self, messages: Sequence[Email]) -> dict[str, Any]:
        personalizations = []
        for message in messages:
            p = self._personalization(message)
            p["substitutions"] = {TEXT_TAG: message.text, HTML_TAG: message.html}
            personalizations.append(p)
        return {
            "from": self._from(),
            "personalizations": personalizations,
            "content": [
                {"type": "text/plain", "value": TEXT_TAG},
                {"type": "text/html", "value": HTML_TAG},
            ],
        }

    def _post(self, body: dict[str, Any]) -> Sent | SendError:
        try:
            response = self.client.client.mail.send.post(request_body=body, timeout=self.timeout)
        except HTTPError as exc:
            return _classify(int(exc.status_code), _error_detail(exc.body))
        except (urllib.error.URLError, OSError) as exc:
            return TransientSendError(f"SendGrid unreachable: {exc}")
        if response.status_code not in (200, 202):
            return TransientSendError(f"SendGrid answered {response.status_code}")
        message_id = response.headers.get("X-Message-Id") or ""
        return Sent(message_id or "sendgrid")

    def close(self) -> None:
        return None


def _fits_substitutions(message: Email) -> bool:
    size = len(TEXT_TAG) + len(HTML_TAG)
    size += len(message.text.encode()) + len(message.html.encode())
    return size <= SUBSTITUTION_LIMIT


def _error_detail(body: bytes | str | None) -> str:
    if not body:
        return ""
    text = body.decode(errors="replace") if isinstance(body, bytes) else body
    try:
        errors = json.loads(text).get("errors") or []
        return "; ".join(str(e.get("message", e)) for e in errors) or text[:300]
    except (ValueError, AttributeError):
        return text[:300]


def _classify(status: int, detail: str) -> SendError:
    message = f"SendGrid answered {status}: {detail}".rstrip(": ")
    if status in (400, 413, 422):
        return PermanentSendError(message)
    # 401/403 are configuration problems an operator can fix: keep retrying.
    return TransientSendError(message)
