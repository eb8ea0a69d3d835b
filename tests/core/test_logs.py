"""Logs never show secrets: codes and tokens in URLs, bearer tokens, the SendGrid client's dumps."""

from __future__ import annotations

import io
import logging

import httpx
import pytest

from santa_core import logs
from santa_core.mail.base import Email
from santa_core.mail.local import ConsoleBackend
from santa_core.mail.sendgrid import SendGridBackend
from tests.peers.sendgrid import FakeSendGrid

CODE = "inv_" + "A1b2-C3d4_" * 4 + "xyz"
LINK_CODE = "join_" + "Zz9_" * 11
FEED = "p094ypp1QDeSR6v5AtkUuQ.QcpV0ruWSUdYW_Ya5NpE9w"


class TestRedact:
    @pytest.mark.parametrize(
        ("line", "secret"),
        [
            (f'"GET /api/v1/invitations/{CODE} HTTP/1.1" 200', CODE),
            (f'"POST /api/v1/invitations/{LINK_CODE}/accept HTTP/1.1" 200', LINK_CODE),
            (f"GET /join/{CODE}", CODE),
            (f'"GET /api/v1/calendar/{FEED}.ics HTTP/1.1" 200', FEED),
            ('"GET /reset-password?token=s3cr3t-T0ken HTTP/1.1" 404', "s3cr3t-T0ken"),
            ("/verify-email?lang=ru&token=abc.DEF_123", "abc.DEF_123"),
            ("/api/v1/unsubscribe?token=AAA.BBB", "AAA.BBB"),
            ("/auth/oauth/google/callback?code=one-time-code&state=s", "one-time-code"),
            ("{'Authorization': 'Bearer SG.api-key'}", "SG.api-key"),
            ("token eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl end", "eyJhbGciOi.eyJzdWIiOiIx"),
        ],
    )
    def test_masks_the_secret(self, line: str, secret: str) -> None:
        cleaned = logs.redact(line)
        assert secret not in cleaned
        assert logs.REDACTED in cleaned

    @pytest.mark.parametrize(
        "line",
        [
            '"GET /api/v1/boxes/4f0c7a52-2b1e-4d3c-9a55-0d7c1c2f0e11/participants HTTP/1.1" 200',
            "Executing santa_core.jobs.app.santa.join_with_new_account_for_the_box",
            "outbox: 10 sent, 0 retry later, 0 failed, 0 suppressed",
            '"GET /api/v1/calendar HTTP/1.1" 200',
        ],
    )
    def test_leaves_ordinary_lines_alone(self, line: str) -> None:
        assert logs.redact(line) == line

    def test_filter_keeps_the_argument_tuple_formatters_unpack(self) -> None:
        record = logging.LogRecord(
            "uvicorn.access",
            logging.INFO,
            __file__,
            1,
            '%s - "%s %s HTTP/%s" %d',
            ("127.0.0.1:5000", "GET", f"/api/v1/invitations/{CODE}", "1.1", 200),
            None,
        )
        assert logs.RedactSecrets().filter(record)
        assert isinstance(record.args, tuple)
        assert len(record.args) == 5
        assert record.args[4] == 200
        assert CODE not in record.getMessage()


class TestConfiguredProcess:
    def test_sendgrid_debug_output_shows_no_api_key_and_no_email(
        self, restore_logging: None, capsys: pytest.CaptureFixture[str]
    ) -> None:
        logs.configure("DEBUG")
        assert logging.getLogger().isEnabledFor(logging.DEBUG)
        link = "http://testserver/reset-password?token=plain-reset-token"
        with FakeSendGrid(api_key="SG.very-secret-key") as fake:
            backend = SendGridBackend(
                api_key="SG.very-secret-key", host=fake.url, sender="Santa <santa@example.com>"
            )
            (outcome,) = backend.send(
                [
                    Email(
                        to="anna@example.com",
                        subject="You are the Secret Santa for Boris",
                        text=f"Reset: {link}",
                        html=f"<a href='{link}'>reset</a>",
                        reference="ref-1",
                    )
                ]
            )
            assert fake.wait_for(1)[0].to == "anna@example.com"
        assert type(outcome).__name__ == "Sent"
        logging.getLogger("santa.test").debug("debug lines do show")
        err = capsys.readouterr().err
        assert "debug lines do show" in err
        assert "SG.very-secret-key" not in err
        assert "plain-reset-token" not in err
        assert "Boris" not in err

    def test_request_lines_from_any_logger_are_masked(
        self, restore_logging: None, capsys: pytest.CaptureFixture[str]
    ) -> None:
        logs.configure("INFO")
        url = httpx.URL(f"http://x/api/v1/unsubscribe?token={FEED}")
        logging.getLogger("httpx").info('HTTP Request: GET %s "200 OK"', url)
        logging.getLogger("httpx").info('HTTP Request: GET http://x/join/%s "200 OK"', CODE)
        err = capsys.readouterr().err
        assert "HTTP Request: GET http://x/api/v1/unsubscribe?token=[redacted]" in err
        assert CODE not in err
        assert FEED not in err

    def test_console_backend_still_shows_the_whole_email(
        self, restore_logging: None, capsys: pytest.CaptureFixture[str]
    ) -> None:
        logs.configure("INFO")
        link = "http://testserver/verify-email?token=click-me"
        ConsoleBackend("Santa <santa@example.com>").send(
            [Email(to="a@example.com", subject="Hi", text=link, html="", reference="r")]
        )
        assert link in capsys.readouterr().err


def test_every_handler_gets_the_filter_and_the_sendgrid_client_stays_above_debug() -> None:
    extra = {"handlers": {"mine": {"class": "logging.StreamHandler", "stream": io.StringIO()}}}
    built = logs.config("debug", extra=extra)
    assert built["root"]["level"] == "DEBUG"
    assert set(built["handlers"]) == {"santa", "mine"}
    assert all("redact" in h["filters"] for h in built["handlers"].values())
    assert built["loggers"]["python_http_client"]["level"] == "INFO"
    assert logs.config("error")["loggers"]["python_http_client"]["level"] == "ERROR"
