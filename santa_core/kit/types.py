"""Input field types shared by the box, invite and draw schemas.

JSON Schema is the contract the SDK and schemathesis check, so inputs accept
exactly what the schema says: no ``"true"`` for a boolean, no ``"5"`` or
``false`` for an integer, no number for a date. Text may not hold NUL or other
control characters (PostgreSQL refuses NUL; the rest is never intended), and
dates stay in a range where moving them by a year or a time zone cannot overflow.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MIN_YEAR = 2000
MAX_YEAR = 2200


def _clean_text(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


def _single_line(value: str) -> str:
    if "\n" in value or "\r" in value or "\t" in value:
        raise ValueError("must be a single line")
    return value


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


#: Bidirectional controls: they reorder what follows them, so a name can spoof another.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _human(value: str) -> str:
    """A name people read: NFC-normalized, no bidi controls, at least one visible character
    (a letter, digit, punctuation or symbol: zero-width and format characters alone
    would show as a blank)."""
    value = unicodedata.normalize("NFC", value)
    if any(c in _BIDI for c in value):
        raise ValueError("must not contain bidirectional control characters")
    if value and not any(unicodedata.category(c)[0] in "LNPS" for c in value):
        raise ValueError("must contain visible characters")
    return value


def _integer(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be an integer")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("must be an integer")
    return int(value)


def _string(value: Any) -> Any:
    """JSON gives dates as strings; Python callers may pass date objects. Never numbers."""
    if not isinstance(value, str | dt.date):
        raise ValueError("must be a string")
    return value


def _in_range_datetime(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("must include a time zone")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"must be between the years {MIN_YEAR} and {MAX_YEAR}")
    return value.astimezone(dt.UTC)


def _in_range_date(value: dt.date) -> dt.date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"must be between the years {MIN_YEAR} and {MAX_YEAR}")
    return value


def _money(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("must be a number")
    return value


#: One line of text (names, nicknames), stripped, 1..200 characters.
Name = Annotated[
    str,
    Field(min_length=1, max_length=200),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_non_blank),
    AfterValidator(_human),
]
ShortName = Annotated[
    str,
    Field(min_length=1, max_length=100),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_non_blank),
    AfterValidator(_human),
]
#: A person's full name on their account: may be empty, otherwise like :data:`Name`.
PersonLabel = Annotated[
    str,
    Field(max_length=200),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_human),
]
#: An optional one-line label (may be empty), e.g. a household's name.
Label = Annotated[
    str, Field(max_length=200), AfterValidator(_clean_text), AfterValidator(_single_line)
]
#: Free text (descriptions, wishes), newlines allowed.
LongText = Annotated[str, Field(max_length=10_000), AfterValidator(_clean_text)]
ShortText = Annotated[str, Field(max_length=500), AfterValidator(_clean_text)]
#: A delivery address. Constraints stay on ``str`` (not layered on LongText) so that
#: errors say "characters", not "items".
Address = Annotated[str, Field(max_length=1000), AfterValidator(_clean_text)]
#: Why someone breaks the glass on a box's pairs: a real sentence, not "x".
Reason = Annotated[str, Field(min_length=10, max_length=500), AfterValidator(_clean_text)]
Phone = Annotated[
    str,
    Field(max_length=40, pattern=r"^\+?[0-9 ()\-.]{3,40}$"),
]
Url = Annotated[
    str,
    Field(max_length=2000, pattern=r"^https?://[^\s\x00-\x1f]+$"),
]
Int = Annotated[int, BeforeValidator(_integer)]
Bool = StrictBool
When = Annotated[dt.datetime, BeforeValidator(_string), AfterValidator(_in_range_datetime)]
Day = Annotated[dt.date, BeforeValidator(_string), AfterValidator(_in_range_date)]
Money = Annotated[
    decimal.Decimal,
    BeforeValidator(_money),
    Field(ge=0, le=decimal.Decimal("9999999999.99"), max_digits=12, decimal_places=2),
]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Cover = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_clean_text)]
