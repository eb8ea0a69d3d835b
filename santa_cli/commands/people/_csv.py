"""The people in a CSV file, as ``santa people import`` reads them.

Columns: ``name,email[,household][,nickname]``. Spreadsheets export CSV in
many shapes, so the reader accepts: UTF-8 with or without a BOM (and UTF-16
with a BOM), commas, semicolons or tabs, quoted cells, blank lines, a header
row or none. With a header, columns are found by name (``email``/``E-mail
address``/``почта``, ``name``/``full name``/``имя``, ``household``/``family``/
``семья``, ``nickname``/``ник``); without one, the email is the cell holding an
``@``, the name the first other cell, then household and nickname in order.

Every row is checked with the API's own rules before anything is sent
(:func:`check`): each bad or incomplete row is reported with its line number,
a name without an email included.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass

#: The API's limits.
MAX_NAME = 200
MAX_NICKNAME = 100
MAX_HOUSEHOLD = 200
DELIMITERS = (",", ";", "\t")
_NAME_HEADERS = ("name", "display_name", "full_name", "fullname", "имя", "фио")
_HOUSEHOLD_HEADERS = ("household", "family", "group", "семья", "группа", "домохозяйство")
_NICKNAME_HEADERS = ("nickname", "nick", "alias", "ник", "никнейм", "псевдоним")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class CsvProblem(ValueError):
    """The file cannot be read at all (one line, for the user)."""


@dataclass(frozen=True)
class Person:
    line: int
    email: str
    name: str | None
    household: str | None = None
    nickname: str | None = None


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def decode(data: bytes) -> str:
    """The file's text; anything but UTF-8/UTF-16 is refused with the line it breaks on."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise CsvProblem("the file is not valid UTF-16 text") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvProblem(
            f"line {line} is not UTF-8 text: save the file as CSV (UTF-8) and try again"
        ) from None


@dataclass(frozen=True)
class _Columns:
    email: int | None
    name: int | None
    household: int | None
    nickname: int | None


def read_people(text: str) -> list[Person]:
    """Every non-blank row, in file order, with the line each starts on (unchecked)."""
    rows = _rows(text)
    if not rows:
        return []
    first = rows[0][1]
    # A header names every column; a first row with an address or an empty cell is data.
    if any("@" in cell for cell in first) or not all(cell.strip() for cell in first):
        return [_guess(line, row) for line, row in rows]
    columns = _columns([c.strip().lower() for c in first], rows[1:])
    return [_by_columns(line, row, columns) for line, row in rows[1:]]


def check(people: list[Person]) -> list[RowProblem]:
    """Every row the API would refuse, with the reason; empty when all are good."""
    from pydantic import EmailStr, TypeAdapter, ValidationError

    adapter = TypeAdapter(EmailStr)
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for p in people:
        if not p.email:
            who = f"{p.name!r} has" if p.name else "the row has"
            problems.append(RowProblem(p.line, f"{who} no email address"))
            continue
        try:
            adapter.validate_python(p.email)
        except ValidationError as exc:
            reason = str(exc.errors()[0]["msg"]).removeprefix(
                "value is not a valid email address: "
            )
            problems.append(RowProblem(p.line, f"{p.email!r} is not an email address ({reason})"))
            continue
        first = seen.setdefault(p.email.lower(), p.line)
        if first != p.line:
            problems.append(RowProblem(p.line, f"{p.email} is already on line {first}"))
        for value, limit, what in (
            (p.name, MAX_NAME, "the name"),
            (p.nickname, MAX_NICKNAME, "the nickname"),
            (p.household, MAX_HOUSEHOLD, "the household"),
        ):
            if value is not None and len(value) > limit:
                problems.append(RowProblem(p.line, f"{what} is longer than {limit} characters"))
    return problems


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """Non-blank rows with the line each starts on."""
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    rows = []
    end = 0
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            if any(cell.strip() for cell in row):
                rows.append((start, row))
    except csv.Error as exc:
        raise CsvProblem(f"line {reader.line_num + 1}: {exc}") from None
    return rows


def _delimiter(text: str) -> str:
    """The delimiter that splits the first non-blank line into the most cells."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: len(next(csv.reader([first], delimiter=d), [])) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties: the first, the comma
    return best if counts[best] > 1 else ","


def _columns(header: list[str], rows: list[tuple[int, list[str]]]) -> _Columns:
    normal = [re.sub(r"[\s\-]+", "_", h) for h in header]

    def named(names: tuple[str, ...], *, taken: set[int]) -> int | None:
        exact = next((i for i, h in enumerate(normal) if h in names and i not in taken), None)
        if exact is not None:
            return exact
        return next(
            (i for i, h in enumerate(normal) if i not in taken and any(n in h for n in names)),
            None,
        )

    email_at = next((i for i, h in enumerate(normal) if "mail" in h or "почт" in h), None)
    if email_at is None:
        sample = next((row for _, row in rows if any("@" in c for c in row)), [])
        email_at = next((i for i, cell in enumerate(sample) if "@" in cell), None)
    if email_at is None:
        raise CsvProblem(f"no email column in the header row ({', '.join(header)})")
    taken = {email_at}
    nickname_at = named(_NICKNAME_HEADERS, taken=taken)
    if nickname_at is not None:
        taken.add(nickname_at)
    household_at = named(_HOUSEHOLD_HEADERS, taken=taken)
    if household_at is not None:
        taken.add(household_at)
    name_at = named(_NAME_HEADERS, taken=taken)
    if name_at is None:
        name_at = next(
            (i for i, h in enumerate(normal) if i not in taken and ("name" in h or "имя" in h)),
            None,
        )
    return _Columns(email_at, name_at, household_at, nickname_at)


def _cell(row: list[str], at: int | None) -> str:
    return row[at] if at is not None and at < len(row) else ""


def _by_columns(line: int, row: list[str], c: _Columns) -> Person:
    return Person(
        line,
        _cell(row, c.email).strip(),
        _clean(_cell(row, c.name)),
        _clean(_cell(row, c.household)),
        _clean(_cell(row, c.nickname)),
    )


def _guess(line: int, row: list[str]) -> Person:
    """A row of a file without header: the cell with an ``@`` is the email."""
    email_at = next((i for i, cell in enumerate(row) if "@" in cell), None)
    rest = [cell for i, cell in enumerate(row) if i != email_at]
    email = row[email_at].strip() if email_at is not None else ""
    if email_at is None and len(row) == 1:  # a lone word: meant as an address
        return Person(line, row[0].strip(), None)
    name, household, nickname = ([*rest, "", "", ""])[:3]
    return Person(line, email, _clean(name), _clean(household), _clean(nickname))


def _clean(value: str) -> str | None:
    """One line without control characters (the API refuses both)."""
    cleaned = " ".join(_CONTROL.sub(" ", value).split())
    return cleaned or None
