"""The ``.ics`` feed: every box a user belongs to, as calendar events (RFC 5545).

Calendar apps fetch the feed without signing in, so its URL carries a signed
token bound to the user and a per-user version; rotating the version (stored
in the user's settings) kills every URL handed out before.

Events: the signup deadline and the shipping deadline (timed, UTC), and the
gift exchange day (all-day). Summaries are in the user's language.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_core.models import Language
from santa_core.notify import links

PURPOSE = "calendar"
VERSION_KEY = "calendar_feed_version"

SUMMARIES = {
    Language.EN: {
        "signup": "Sign-up closes: {}",
        "shipping": "Send your Secret Santa gift: {}",
        "event": "Gift exchange: {}",
        "name": "Secret Santa",
    },
    Language.RU: {
        "signup": "Запись закрывается: {}",
        "shipping": "Отправить подарок Тайному Санте: {}",
        "event": "Обмен подарками: {}",
        "name": "Тайный Санта",
    },
}


def _prefs(session: Session, user: models.User) -> models.UserSettings | None:
    return session.scalars(
        select(models.UserSettings).where(models.UserSettings.user_id == user.id)
    ).first()


def feed_version(session: Session, user: models.User) -> int:
    prefs = _prefs(session, user)
    return int((prefs.preferences or {}).get(VERSION_KEY, 0)) if prefs is not None else 0


def feed_url(settings: Settings, user_id: uuid.UUID, version: int) -> str:
    token = links.sign(settings, PURPOSE, user_id, version)
    return f"{links.base(settings)}{links.API}/calendar/{quote(token)}.ics"


def current_feed_url(session: Session, settings: Settings, user: models.User) -> str:
    return feed_url(settings, user.id, feed_version(session, user))


def rotate_feed(session: Session, settings: Settings, user: models.User) -> str:
    """Invalidate the user's feed URLs; returns the new one."""
    prefs = _prefs(session, user)
    if prefs is None:
        prefs = models.UserSettings(user_id=user.id, preferences={})
        session.add(prefs)
    version = int((prefs.preferences or {}).get(VERSION_KEY, 0)) + 1
    prefs.preferences = {**(prefs.preferences or {}), VERSION_KEY: version}
    session.flush()
    return feed_url(settings, user.id, version)


def user_for_token(session: Session, settings: Settings, token: str) -> models.User:
    user = session.get(models.User, links.user_of(token))
    if user is None or user.deleted_at is not None:
        raise links.InvalidLinkToken()
    links.verify(settings, PURPOSE, token, feed_version(session, user))
    return user


def build_feed(session: Session, settings: Settings, user: models.User, *, now: dt.datetime) -> str:
    boxes = session.scalars(
        select(models.Box)
        .join(models.Participant, models.Participant.box_id == models.Box.id)
        .where(models.Participant.user_id == user.id, models.Box.deleted_at.is_(None))
        .order_by(models.Box.created_at, models.Box.id)
    ).all()
    words = SUMMARIES.get(user.language, SUMMARIES[Language.EN])
    stamp = _utc(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//santa//notifications//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(words['name'])}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
    ]
    for box in boxes:
        url = links.box_url(settings, box.id)
        for what, start in (("signup", box.signup_deadline), ("shipping", box.shipping_deadline)):
            if start is not None:
                lines += _event(box, what, words[what], url, stamp, [f"DTSTART:{_utc(start)}"])
        if box.event_date is not None:
            end = box.event_date + dt.timedelta(days=1)
            lines += _event(
                box,
                "event",
                words["event"],
                url,
                stamp,
                [f"DTSTART;VALUE=DATE:{box.event_date:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"],
            )
    lines.append("END:VCALENDAR")
    return "".join(f"{line}\r\n" for raw in lines for line in _fold(raw))


def _event(
    box: models.Box, what: str, summary: str, url: str, stamp: str, when: list[str]
) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{box.id}-{what}@santa",
        f"DTSTAMP:{stamp}",
        *when,
        f"SUMMARY:{_text(summary.format(box.name))}",
        f"DESCRIPTION:{_text(url)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> Iterator[str]:
    """Lines of at most 75 octets, continuation lines starting with a space."""
    chunk, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            yield chunk
            chunk, size, limit = " ", 1, 75
        chunk += char
        size += width
    yield chunk
