"""Email backends against real peers: an SMTP server and a SendGrid fake on loopback."""

from __future__ import annotations

import email
import email.policy
import logging
from pathlib import Path

import pytest

from santa_core.config import Settings
from santa_core.mail import (
    Email,
    PermanentSendError,
    Sent,
    TransientSendError,
    make_backend,
)
from santa_core.mail.local import FileBackend
from santa_core.mail.sendgrid import SendGridBackend
from santa_core.mail.smtp import SmtpBackend, SmtpConfig
from tests.conftest import make_settings
from tests.peers._net import free_port
from tests.peers.sendgrid import FakeSendGrid
from tests.peers.smtp import SmtpSink

SENDER = "Santa <santa@example.org>"


def _email(n: int = 1, to: str | None = None, **overrides: object) -> Email:
    values: dict[str, object] = {
        "to": to or f"person{n}@example.com",
        "subject": f"Привет {n}",
        "text": f"Текст {n}\n",
        "html": f"<p>HTML {n}</p>",
        "reference": f"ref-{n}",
        "language": "ru",
        "headers": {"List-Unsubscribe": f"<https://x.test/u/{n}>"},
    }
    values.update(overrides)
    return Email(**values)  # type: ignore[arg-type]


class TestSmtp:
    def test_multipart_message_reaches_the_server(self) -> None:
        with SmtpSink() as sink:
            backend = SmtpBackend(SmtpConfig("127.0.0.1", sink.port, SENDER))
            (outcome,) = backend.send([_email(1)])
            backend.close()
            (got,) = sink.wait_for(1)
        assert isinstance(outcome, Sent)
        assert outcome.provider_message_id == "<ref-1@example.org>"
        assert got.rcpt_tos == ["person1@example.com"]
        assert got.mail_from == "santa@example.org"
        msg = got.message
        assert msg["Subject"] == "Привет 1"
        assert msg["List-Unsubscribe"] == "<https://x.test/u/1>"
        assert msg["Content-Language"] == "ru"
        assert msg.get_content_type() == "multipart/alternative"
        assert got.part("plain").strip() == "Текст 1"
        assert "<p>HTML 1</p>" in got.part("html")
        assert got.reference == "ref-1"

    def test_one_connection_carries_many_messages(self) -> None:
        with SmtpSink() as sink:
            backend = SmtpBackend(SmtpConfig("127.0.0.1", sink.port, SENDER))
            outcomes = backend.send([_email(i) for i in range(20)])
            assert len(backend._all) == 1
            backend.close()
            sink.wait_for(20)
        assert all(isinstance(o, Sent) for o in outcomes)

    def test_rejected_recipient_is_permanent_and_busy_is_transient(self) -> None:
        with SmtpSink() as sink:
            backend = SmtpBackend(SmtpConfig("127.0.0.1", sink.port, SENDER))
            rejected, busy, ok = backend.send(
                [_email(1, to="reject@example.com"), _email(2, to="busy@example.com"), _email(3)]
            )
            backend.close()
            sink.wait_for(1)
        assert isinstance(rejected, PermanentSendError)
        assert "550" in str(rejected)
        assert isinstance(busy, TransientSendError)
        assert "451" in str(busy)
        assert isinstance(ok, Sent)

    def test_unreachable_server_is_transient(self) -> None:
        backend = SmtpBackend(SmtpConfig("127.0.0.1", free_port(), SENDER, timeout=2))
        (outcome,) = backend.send([_email(1)])
        assert isinstance(outcome, TransientSendError)
        assert "cannot connect" in str(outcome)

    def test_reconnects_after_the_server_restarts(self) -> None:
        port = free_port()
        with SmtpSink(port) as sink:
            backend = SmtpBackend(SmtpConfig("127.0.0.1", port, SENDER))
            assert isinstance(backend.send([_email(1)])[0], Sent)
            sink.wait_for(1)
        (failed,) = backend.send([_email(2)])
        assert isinstance(failed, TransientSendError)
        with SmtpSink(port) as sink:
            (again,) = backend.send([_email(3)])
            backend.close()
            sink.wait_for(1)
        assert isinstance(again, Sent)


class TestSendGrid:
    def _backend(self, fake: FakeSendGrid, **kw: object) -> SendGridBackend:
        return SendGridBackend(api_key=fake.api_key, host=fake.url, sender=SENDER, **kw)  # type: ignore[arg-type]

    def test_batches_personalizations_with_each_recipients_own_content(self) -> None:
        with FakeSendGrid() as fake:
            outcomes = self._backend(fake, batch_size=1000).send([_email(i) for i in range(250)])
            sent = fake.wait_for(250)
        assert len(fake.requests) == 1
        assert len(fake.requests[0]["personalizations"]) == 250
        assert all(isinstance(o, Sent) for o in outcomes)
        by_to = {e.to: e for e in sent}
        one = by_to["person7@example.com"]
        assert one.subject == "Привет 7"
        assert one.text == "Текст 7\n"
        assert one.html == "<p>HTML 7</p>"
        assert one.headers["List-Unsubscribe"] == "<https://x.test/u/7>"
        assert one.custom_args == {"santa_message": "ref-7"}
        assert fake.requests[0]["from"] == {"email": "santa@example.org", "name": "Santa"}

    def test_batch_size_splits_requests(self) -> None:
        with FakeSendGrid() as fake:
            backend = self._backend(fake, batch_size=100)
            assert backend.max_batch == 100
            backend.send([_email(i) for i in range(250)])
            fake.wait_for(250)
        assert [len(r["personalizations"]) for r in fake.requests] == [100, 100, 50]

    def test_large_message_is_sent_alone_without_substitutions(self) -> None:
        big = _email(1, html="<p>" + "x" * 12_000 + "</p>")
        with FakeSendGrid() as fake:
            outcomes = self._backend(fake).send([big, _email(2), _email(3)])
            sent = fake.wait_for(3)
        assert all(isinstance(o, Sent) for o in outcomes)
        assert sorted(len(r["personalizations"]) for r in fake.requests) == [1, 2]
        alone = next(r for r in fake.requests if len(r["personalizations"]) == 1)
        assert "substitutions" not in alone["personalizations"][0]
        assert next(e for e in sent if e.to == "person1@example.com").html == big.html

    def test_one_bad_address_does_not_fail_the_batch(self) -> None:
        with FakeSendGrid() as fake:
            outcomes = self._backend(fake).send(
                [_email(1), _email(2, to="reject@example.com"), _email(3)]
            )
            fake.wait_for(2)
        assert isinstance(outcomes[0], Sent)
        assert isinstance(outcomes[1], PermanentSendError)
        assert "valid address" in str(outcomes[1])
        assert isinstance(outcomes[2], Sent)

    @pytest.mark.parametrize("status", [429, 500, 503, 401])
    def test_throttling_and_server_errors_are_transient(self, status: int) -> None:
        with FakeSendGrid() as fake:
            fake.fail_next(status)
            outcomes = self._backend(fake).send([_email(1), _email(2)])
        assert all(isinstance(o, TransientSendError) for o in outcomes)
        assert str(status) in str(outcomes[0])

    def test_wrong_key_is_rejected_by_the_peer(self) -> None:
        with FakeSendGrid() as fake:
            backend = SendGridBackend(api_key="SG.wrong", host=fake.url, sender=SENDER)
            (outcome,) = backend.send([_email(1)])
        assert isinstance(outcome, TransientSendError)
        assert "401" in str(outcome)
        assert fake.count() == 0

    def test_unreachable_is_transient(self) -> None:
        backend = SendGridBackend(
            api_key="k", host=f"http://127.0.0.1:{free_port()}", sender=SENDER, timeout=2
        )
        (outcome,) = backend.send([_email(1)])
        assert isinstance(outcome, TransientSendError)


class TestLocal:
    def test_file_backend_writes_an_eml_per_message(self, tmp_path: Path) -> None:
        backend = FileBackend(tmp_path / "outbox", SENDER)
        outcome, bad = backend.send([_email(1), _email(2, to="not-an-address")])
        assert isinstance(outcome, Sent)
        assert isinstance(bad, PermanentSendError)
        files = sorted((tmp_path / "outbox").iterdir())
        # the .eml, and beside it a readable .txt of the same email
        assert [f.name for f in files] == ["ref-1.eml", "ref-1.txt"]
        msg = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
        assert msg["To"] == "person1@example.com"
        assert msg["Subject"] == "Привет 1"
        readable = files[1].read_text()
        assert "To: person1@example.com\n" in readable
        assert "Subject: Привет 1\n" in readable
        assert "Текст 1" in readable

    def test_console_backend_logs_the_text(self, caplog: pytest.LogCaptureFixture) -> None:
        settings = make_settings(Path("/nonexistent"), email_backend="console")
        backend = make_backend(settings)
        with caplog.at_level(logging.INFO, logger="santa.mail"):
            (outcome,) = backend.send([_email(1)])
        assert isinstance(outcome, Sent)
        assert "Текст 1" in caplog.text
        assert "person1@example.com" in caplog.text


class TestMakeBackend:
    @pytest.mark.parametrize(
        ("name", "cls"),
        [("file", "FileBackend"), ("smtp", "SmtpBackend"), ("sendgrid", "SendGridBackend")],
    )
    def test_picks_the_configured_backend(self, tmp_path: Path, name: str, cls: str) -> None:
        s: Settings = make_settings(tmp_path, email_backend=name, sendgrid_api_key="SG.x")
        assert type(make_backend(s)).__name__ == cls

    def test_sendgrid_without_key_is_a_configuration_error(self, tmp_path: Path) -> None:
        from santa_core.errors import ConfigurationError

        with pytest.raises(ConfigurationError, match="SANTA_SENDGRID_API_KEY"):
            make_backend(make_settings(tmp_path, email_backend="sendgrid"))
