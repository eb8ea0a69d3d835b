"""Templates: every kind renders in both languages from its documented payload."""

from __future__ import annotations

from pathlib import Path

import pytest

from santa_core.notify.kinds import KINDS, Category, Kind, UnknownKind, get_kind
from santa_core.notify.render import LANGUAGES, Renderer, RenderError, text_to_html

SAMPLES: dict[str, str] = {
    "link": "https://santa.test/verify-email?token=abc",
    "full_name": "Ольга",
    "expires_at": "2026-12-01T12:00:00+00:00",
    "box_name": "Office 2026",
    "inviter_name": "Marta",
    "accept_url": "https://santa.test/invites/xyz",
    "message": "Join us!",
    "signup_deadline": "2026-12-10T18:00:00+00:00",
    "shipping_deadline": "2026-12-20T18:00:00+00:00",
    "event_date": "2026-12-24",
    "budget": "20–30 EUR",
    "participant_name": "Ivan",
    "participant_count": "7",
    "box_url": "https://santa.test/boxes/1",
    "giftee_name": "Анна",
    "assignment_url": "https://santa.test/boxes/1/assignment",
    "reason": "Only one person takes part.",
    "revealed_by": "Marta",
    "thread_title": "Your Santa",
    "messages_url": "https://santa.test/boxes/1/messages",
    "author_name": "Marta",
    "body": "The party is at https://example.com/party on Friday.",
    "move": "sent",
    "title": "Your Santa 2",
    "gifts_url": "https://santa.test/boxes/1/gifts",
    "carrier": "DHL",
    "tracking": "JD0146",
    "thank_you": "Thank you, I love it!",
    "count": "3",
    "signin_url": "https://santa.test/signin",
    "reset_url": "https://santa.test/forgot-password",
}


def payload_for(kind: Kind, *, optional: bool = True) -> dict[str, str]:
    keys = kind.required + (kind.optional if optional else ())
    return {k: SAMPLES[k] for k in keys}


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(KINDS))
class TestEveryKind:
    def test_renders_with_all_keys(self, renderer: Renderer, name: str, language: str) -> None:
        kind = KINDS[name]
        out = renderer.render(kind, language, payload_for(kind), app_url="https://santa.test")
        assert out.subject
        assert "\n" not in out.subject
        assert out.text.strip()
        assert out.html.startswith("<!DOCTYPE html>")
        assert f'lang="{language}"' in out.html
        if kind.action:
            assert SAMPLES[kind.action] in out.text
            assert SAMPLES[kind.action] in out.html
        greeting = "Hi," if language == "en" else "Здравствуйте!"
        assert greeting in out.text or "Ольга" in out.text

    def test_renders_with_required_keys_only(
        self, renderer: Renderer, name: str, language: str
    ) -> None:
        kind = KINDS[name]
        out = renderer.render(
            kind, language, payload_for(kind, optional=False), app_url="https://santa.test"
        )
        assert "None" not in out.text

    def test_missing_required_key_is_an_error(
        self, renderer: Renderer, name: str, language: str
    ) -> None:
        kind = KINDS[name]
        payload = payload_for(kind)
        dropped = kind.required[0]
        del payload[dropped]
        with pytest.raises(RenderError, match=dropped):
            renderer.render(kind, language, payload, app_url="https://santa.test")


class TestContent:
    def test_russian_and_english_differ_and_dates_are_localized(self, renderer: Renderer) -> None:
        kind = KINDS["draw_done"]
        en = renderer.render(kind, "en", payload_for(kind), app_url="https://s.test")
        ru = renderer.render(kind, "ru", payload_for(kind), app_url="https://s.test")
        # the subject names the box, never the giftee (privacy)
        assert en.subject == 'Your Secret Santa draw in "Office 2026" is done'
        assert ru.subject == "Жеребьёвка в «Office 2026» проведена"
        assert "Анна" not in en.subject
        assert "Анна" not in ru.subject
        assert "Анна" in en.text
        assert "Анна" in ru.text
        assert "24 December 2026" in en.text
        assert "24 декабря 2026" in ru.text

    def test_time_zone_of_the_recipient(self, renderer: Renderer) -> None:
        kind = KINDS["signup_deadline_reminder"]
        out = renderer.render(
            kind, "en", payload_for(kind), app_url="https://s.test", timezone="Asia/Tokyo"
        )
        assert "11 December 2026, 03:00 JST" in out.text

    def test_html_escapes_payload_but_text_does_not(self, renderer: Renderer) -> None:
        kind = KINDS["joined"]
        payload = payload_for(kind) | {"participant_name": "<script>x</script> & co"}
        out = renderer.render(kind, "en", payload, app_url="https://s.test")
        assert "<script>" not in out.html
        assert "&lt;script&gt;x&lt;/script&gt; &amp; co" in out.html
        assert "<script>x</script> & co" in out.text

    def test_unsubscribe_link_only_when_given(self, renderer: Renderer) -> None:
        kind = KINDS["event_reminder"]
        plain = renderer.render(kind, "ru", payload_for(kind), app_url="https://s.test")
        assert "Отписаться" not in plain.text
        out = renderer.render(
            kind, "ru", payload_for(kind), app_url="https://s.test", unsubscribe_url="https://u/1"
        )
        assert "Отписаться: https://u/1" in out.text
        assert 'href="https://u/1"' in out.html

    def test_unknown_language_falls_back_to_english(self, renderer: Renderer) -> None:
        kind = KINDS["wishes_nudge"]
        out = renderer.render(kind, "de", payload_for(kind), app_url="https://s.test")
        assert out.subject == "Tell your Secret Santa what you would like"

    def test_newlines_in_payload_cannot_break_the_subject(self, renderer: Renderer) -> None:
        kind = KINDS["joined"]
        payload = payload_for(kind) | {"participant_name": "Eve\r\nBcc: victim@example.com"}
        out = renderer.render(kind, "en", payload, app_url="https://s.test")
        assert "\n" not in out.subject
        assert "\r" not in out.subject

    def test_text_to_html_links_and_paragraphs(self) -> None:
        html = str(text_to_html("One <b>\nline https://x.test/a?b=1&c=2.\n\nTwo"))
        assert html == (
            '<p>One &lt;b&gt;<br>\nline <a href="https://x.test/a?b=1&amp;c=2">'
            "https://x.test/a?b=1&amp;c=2</a>.</p>\n<p>Two</p>"
        )


class TestNewKind:
    def test_a_kind_is_one_line_plus_a_template(self, tmp_path: Path) -> None:
        for lang, word in (("en", "Psst"), ("ru", "Тсс")):
            (tmp_path / lang).mkdir()
            (tmp_path / lang / "anonymous_message.txt").write_text(
                f'{{% extends "{lang}/_email.txt" %}}'
                f"{{% block subject %}}{word}: {{{{ box_name }}}}{{% endblock %}}"
                "{% block body %}{{ text }}{% endblock %}"
            )
        kind = Kind("anonymous_message", Category.BOX, ("box_name", "text"))
        renderer = Renderer((tmp_path, Path(Renderer().env.loader.searchpath[0])))  # type: ignore[union-attr]
        out = renderer.render(kind, "ru", {"box_name": "B", "text": "hi"}, app_url="https://s")
        assert out.subject == "Тсс: B"
        assert "hi" in out.text
        assert "<p>hi</p>" in out.html

    def test_unknown_kind(self) -> None:
        with pytest.raises(UnknownKind):
            get_kind("nope")
        assert get_kind("invite").action == "accept_url"
