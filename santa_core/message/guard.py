"""The self-reveal guard: does a santa's message give away who they are?

Compared after normalizing both sides (case folded, accents and punctuation
kept apart from letters, runs of spaces collapsed): the santa's display name
and nickname (and their account's name) as whole words, each part of a name
of four letters or more as a whole word, the email address and its local part,
and the phone number by its last seven digits among the message's digits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_SPACE = re.compile(r"[\s\u00a0]+")
_WORD_SPLIT = re.compile(r"[^\w@.+-]+")
_DIGITS = re.compile(r"\D+")
MIN_NAME_PART = 4
PHONE_DIGITS = 7


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return _SPACE.sub(" ", text).strip()


def _has_words(haystack: str, needle: str) -> bool:
    if not needle:
        return False
    pattern = r"(?<!\w)" + re.escape(needle).replace(r"\ ", r"\s+") + r"(?!\w)"
    return re.search(pattern, haystack) is not None


@dataclass(frozen=True)
class Identity:
    names: tuple[str, ...]
    emails: tuple[str, ...]
    phones: tuple[str, ...]


def identity(
    names: Iterable[str | None], emails: Iterable[str | None], phones: Iterable[str | None]
) -> Identity:
    return Identity(
        names=tuple(n for n in (normalize(x) for x in names if x) if n),
        emails=tuple(normalize(e) for e in emails if e),
        phones=tuple(d for d in (_DIGITS.sub("", p) for p in phones if p) if len(d) >= 5),
    )


def matches(body: str, who: Identity) -> list[str]:
    """Which kinds of identifying detail ``body`` contains: ``name``, ``email``, ``phone``."""
    text = normalize(body)
    found: list[str] = []
    for name in who.names:
        parts = [p for p in name.split(" ") if len(p) >= MIN_NAME_PART]
        if _has_words(text, name) or any(_has_words(text, p) for p in parts):
            found.append("name")
            break
    for email in who.emails:
        local = email.split("@", 1)[0]
        if email in text or (len(local) >= 3 and _has_words(text, local)):
            found.append("email")
            break
    digits = _DIGITS.sub("", text)
    for phone in who.phones:
        if phone[-PHONE_DIGITS:] in digits:
            found.append("phone")
            break
    return found
