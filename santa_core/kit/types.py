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
import math
import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, WithJsonSchema
from pydantic_core import PydanticCustomError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MIN_YEAR = 2000
MAX_YEAR = 2200

# What the validators below enforce, stated in the JSON Schema (the SDK and schemathesis
# read it): free text without control characters; one line of text, not blank; years
# from MIN_YEAR to MAX_YEAR; date-times with a time zone.
_TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
_LINE = r"^[^\x00-\x1f\x7f]*$"
#: A name's line: no control characters and no bidirectional controls (see ``_human``).
_NAME_CHAR = r"[^\x00-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
#: What shows as nothing: controls, format characters (zero-width, bidi, invisible
#: operators), fillers and variation selectors. A name needs one character outside it.
_INVISIBLE = (
    r"\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
)
_NAME_VISIBLE = rf"[^{_INVISIBLE}\s]"
_VISIBLE_RE = re.compile(_NAME_VISIBLE)
#: Empty, or a filled line (an account's full name may be left empty).
_NAME_LINE = rf"^({_NAME_CHAR}*{_NAME_VISIBLE}{_NAME_CHAR}*)?$"
_FILLED_LINE = rf"^{_NAME_CHAR}*{_NAME_VISIBLE}{_NAME_CHAR}*$"
_YEAR = r"(20[0-9]{2}|21[0-9]{2}|2200)"
_DAY = rf"^{_YEAR}-[0-9]{{2}}-[0-9]{{2}}$"
_CLOCK = r"[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
_ZONE = r"(Z|[+-][0-9]{2}:[0-9]{2})"
_WHEN = rf"^{_YEAR}-[0-9]{{2}}-[0-9]{{2}}T{_CLOCK}{_ZONE}$"
_WHEN_RE = re.compile(_WHEN)


def _stated(pattern: str) -> Any:
    return Field(json_schema_extra={"pattern": pattern})


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
    (zero-width and format characters, fillers and spaces alone would show as a blank; the
    schema's pattern states the same set)."""
    value = unicodedata.normalize("NFC", value)
    if any(c in _BIDI for c in value):
        raise ValueError("must not contain bidirectional control characters")
    if value and not _VISIBLE_RE.search(value):
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


def _when_string(value: Any) -> Any:
    """A date-time as the schema states it: ISO 8601 with ``T`` and a time zone."""
    value = _string(value)
    if isinstance(value, str) and not _WHEN_RE.match(value):
        if not re.match(rf"^{_YEAR}-", value) and re.match(r"^[0-9]{4}-", value):
            raise ValueError(f"must be between the years {MIN_YEAR} and {MAX_YEAR}")
        raise ValueError("must include a time zone")
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


_MONEY_PATTERN = r"^(0|[1-9][0-9]{0,9})(\.[0-9]{1,2})?$"
_MONEY_TEXT = re.compile(_MONEY_PATTERN.strip("^$"))


def _money(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("must be a number")
    if isinstance(value, float) and math.isfinite(value) and abs(value) < 1e13:
        # A JSON number is a binary float: 0.29000000000000004 is 29 cents (what the
        # spec's ``multipleOf: 0.01`` means), 0.123 is not.
        cents = round(value * 100)
        if abs(value * 100 - cents) < 1e-6:
            return decimal.Decimal(cents).scaleb(-2)
    if isinstance(value, str) and not _MONEY_TEXT.fullmatch(value):
        # The spec's pattern: "1e3", " 12" and "12.500" are no amounts either.
        raise PydanticCustomError("decimal_parsing", "Input should be a valid decimal")
    return value


#: The spec of an amount: a JSON number in cents, or a decimal string with at most two places.
_MONEY_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 9999999999.99, "multipleOf": 0.01},
        {"type": "string", "pattern": _MONEY_PATTERN},
    ]
}


#: One line of text (names, nicknames), stripped, 1..200 characters.
Name = Annotated[
    str,
    Field(min_length=1, max_length=200),
    _stated(_FILLED_LINE),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_non_blank),
    AfterValidator(_human),
]
ShortName = Annotated[
    str,
    Field(min_length=1, max_length=100),
    _stated(_FILLED_LINE),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_non_blank),
    AfterValidator(_human),
]
#: A person's full name on their account: may be empty, otherwise like :data:`Name`.
PersonLabel = Annotated[
    str,
    Field(max_length=200),
    _stated(_NAME_LINE),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_human),
]
#: An optional one-line label (may be empty), e.g. a household's name.
Label = Annotated[
    str,
    Field(max_length=200),
    _stated(_LINE),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
]
#: Free text (descriptions, wishes), newlines allowed.
LongText = Annotated[str, Field(max_length=10_000), _stated(_TEXT), AfterValidator(_clean_text)]
ShortText = Annotated[str, Field(max_length=500), _stated(_TEXT), AfterValidator(_clean_text)]
#: A delivery address. Constraints stay on ``str`` (not layered on LongText) so that
#: errors say "characters", not "items".
Address = Annotated[str, Field(max_length=1000), _stated(_TEXT), AfterValidator(_clean_text)]
#: Why someone breaks the glass on a box's pairs: a real sentence, not "x".
Reason = Annotated[
    str, Field(min_length=10, max_length=500), _stated(_TEXT), AfterValidator(_clean_text)
]
Phone = Annotated[
    str,
    Field(max_length=40, pattern=r"^\+?[0-9 ()\-.]{3,40}$"),
]
Url = Annotated[
    str,
    Field(max_length=2000, pattern=r"^https?://[^\s\x00-\x1f]+$"),
]
#: An integer, not a bool or a float. Bounds go before it
#: (``Annotated[int, Field(ge=1), IntCheck]``) so the spec states them as minimum/maximum.
IntCheck = BeforeValidator(_integer)
Int = Annotated[int, IntCheck]
Bool = StrictBool
When = Annotated[
    dt.datetime,
    BeforeValidator(_when_string),
    AfterValidator(_in_range_datetime),
    _stated(_WHEN),
]
Day = Annotated[dt.date, BeforeValidator(_string), AfterValidator(_in_range_date), _stated(_DAY)]
Money = Annotated[
    decimal.Decimal,
    BeforeValidator(_money),
    Field(ge=0, le=decimal.Decimal("9999999999.99"), max_digits=12, decimal_places=2),
    WithJsonSchema(_MONEY_SCHEMA),
]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Cover = Annotated[
    str, Field(min_length=1, max_length=64), _stated(_TEXT), AfterValidator(_clean_text)
]
