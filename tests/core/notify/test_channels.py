"""Telegram and VK: the channel clients against loopback API servers, and fan-out from email."""

from __future__ import annotations

from sqlalchemy import Engine, select

from santa_core import models
from santa_core.config import Settings
from santa_core.db import make_sessionmaker, session_scope
from santa_core.jobs.relay import Relay, RelayPolicy
from santa_core.mail import PermanentSendError, Sent, TransientSendError
from santa_core.mail.smtp import SmtpBackend, SmtpConfig
from santa_core.models import Channel
from santa_core.notify import enqueue
from santa_core.notify.channels import ChatMessage, TelegramChannel, VkChannel, make_channels
from tests.conftest import make_settings
from tests.factories import make_user
from tests.peers._net import free_port
from tests.peers.chat_apis import FakeTelegramBot, FakeVk
from tests.peers.smtp import SmtpSink


def msg(to: str, ref: str = "ref-1") -> ChatMessage:
    return ChatMessage(to, "Santa: hello", reference=ref)


class TestTelegram:
    def test_sends_and_classifies_errors(self) -> None:
        with FakeTelegramBot() as bot:
            bot.blocked.add("1002")
            ch = TelegramChannel(token=bot.token, api_base=bot.url)
            ok = ch.send(msg("1001"))
            unknown = ch.send(msg("999"))
            blocked = ch.send(msg("1002"))
            bot.fail_next(429)
            flood = ch.send(msg("1001"))
            bot.fail_next(502)
            down = ch.send(msg("1001"))
        assert ok == Sent("1")
        assert [m.chat for m in bot.messages] == ["1001"]
        assert bot.messages[0].text == "Santa: hello"
        assert isinstance(unknown, PermanentSendError)
        assert "chat not found" in str(unknown)
        assert isinstance(blocked, PermanentSendError)
        assert isinstance(flood, TransientSendError)
        assert isinstance(down, TransientSendError)

    def test_unreachable_and_wrong_token_are_transient(self) -> None:
        gone = TelegramChannel(token="t", api_base=f"http://127.0.0.1:{free_port()}", timeout=2)
        assert isinstance(gone.send(msg("1")), TransientSendError)
        with FakeTelegramBot() as bot:
            wrong = TelegramChannel(token="other", api_base=bot.url).send(msg("1001"))
        assert isinstance(wrong, TransientSendError)
        assert bot.messages == []

    def test_long_text_is_cut_to_the_api_limit(self) -> None:
        with FakeTelegramBot() as bot:
            TelegramChannel(token=bot.token, api_base=bot.url).send(
                ChatMessage("1001", "x" * 5000, "r")
            )
        assert len(bot.messages[0].text) == 4096


class TestVk:
    def test_sends_once_per_reference(self) -> None:
        with FakeVk() as vk:
            ch = VkChannel(token=vk.token, api_base=vk.url)
            first = ch.send(msg("2001", "row-1"))
            again = ch.send(msg("2001", "row-1"))  # a retry after a crash
            other = ch.send(msg("2001", "row-2"))
        assert first == again == Sent("1")
        assert other == Sent("2")
        assert len(vk.messages) == 2

    def test_errors(self) -> None:
        with FakeVk() as vk:
            ch = VkChannel(token=vk.token, api_base=vk.url)
            denied = ch.send(msg("9999"))
            vk.fail_next(6)
            too_fast = ch.send(msg("2001"))
            bad_token = VkChannel(token="nope", api_base=vk.url).send(msg("2001"))
        assert isinstance(denied, PermanentSendError)
        assert "901" in str(denied)
        assert isinstance(too_fast, TransientSendError)
        assert isinstance(bad_token, TransientSendError)


def test_only_configured_channels_exist(settings: Settings) -> None:
    assert make_channels(settings) == {}
    s = make_settings(settings.data_dir, telegram_bot_token="1:x", vk_token="vk")
    assert set(make_channels(s)) == {Channel.TELEGRAM, Channel.VK}


class TestFanOut:
    def test_email_rows_reach_the_chats_the_user_turned_on(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        payload = {"box_name": "Office", "giftee_name": "Anna", "assignment_url": "https://s/a"}
        with session_scope(factory) as session:
            chatty = make_user(session, email="chatty@example.com", language=models.Language.RU)
            session.add(
                models.UserSettings(
                    user_id=chatty.id,
                    email_notifications=False,
                    telegram_notifications=True,
                    telegram_chat_id="1001",
                    vk_notifications=True,
                    vk_user_id="2001",
                )
            )
            plain = make_user(session, email="plain@example.com")
            session.add(models.UserSettings(user_id=plain.id, telegram_chat_id="1002"))
            for user in (chatty, plain):
                enqueue(
                    session,
                    kind="draw_done",
                    recipient=user.email,
                    language=user.language,
                    recipient_user_id=user.id,
                    payload=payload,
                )
            enqueue(  # account emails never fan out
                session,
                kind="reset_password",
                recipient=chatty.email,
                recipient_user_id=chatty.id,
                payload={"link": "https://s/reset"},
            )
        with SmtpSink() as sink, FakeTelegramBot() as bot, FakeVk() as vk:
            relay = Relay(
                settings,
                factory,
                email=SmtpBackend(SmtpConfig("127.0.0.1", sink.port, "s@example.org")),
                chat={
                    Channel.TELEGRAM: TelegramChannel(token=bot.token, api_base=bot.url),
                    Channel.VK: VkChannel(token=vk.token, api_base=vk.url),
                },
                policy=RelayPolicy(),
            )
            first = relay.drain()
            second = relay.drain()
            relay.close()
            sink.wait_for(2)
            recipients = sorted(r.rcpt_tos[0] for r in sink.received)
        assert recipients == ["chatty@example.com", "plain@example.com"]  # reset + plain's draw
        assert (first.sent, first.suppressed) == (4, 1)
        assert second.claimed == 0
        assert [m.chat for m in bot.messages] == ["1001"]
        assert [m.chat for m in vk.messages] == ["2001"]
        text = bot.messages[0].text
        # the subject leads the chat message and no longer names the giftee; the body does
        assert text.startswith("Жеребьёвка в «Office» проведена\n")
        assert "Anna" not in text.splitlines()[0]
        assert "Anna" in text
        assert text.rstrip().endswith("https://s/a")
        with session_scope(factory) as session:
            rows = session.execute(
                select(models.OutboxMessage.channel, models.OutboxMessage.status)
            ).all()
        assert sorted((c.value, s.value) for c, s in rows) == [
            ("email", "sent"),
            ("email", "sent"),
            ("email", "suppressed"),
            ("telegram", "sent"),
            ("vk", "sent"),
        ]
