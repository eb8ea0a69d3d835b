"""The people in a CSV file, as ``santa boxes invite`` reads them.

Spreadsheets export CSV in many shapes, so the reader accepts: UTF-8 with or
without a BOM (and UTF-16 with a BOM), commas, semicolons or tabs, quoted
cells, blank lines, a header row or none. With a header, the email column is
the one named like "email"/"E-mail address"/"почта" and the name column
"name"/"full name"/"имя"; without one, the email is the cell holding an ``@``
and the name the first other cell. Every address is checked with the API's own
rule before anything is sent, so a bad line stops the import with its number.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass

#: The API's limit on a display name.
MAX_NAME = 200
DELIMITERS = (",", ";", "\t")
SHOWN_PROBLEMS = 3
_NAME_HEADERS = ("name", "display_name", "full_name", "fullname", "имя", "фио")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class CsvProblem(ValueError):
    """The file cannot be imported as it is (one line, for the user)."""


@dataclass(frozen=True)
class Person:
    line: int
    email: str
    name: str | None


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


def read_people(text: str) -> list[Person]:
    """Everyone with an email address, in file order, with the line each starts on."""
    rows = list(_rows(text))
    if not rows:
        return []
    first = rows[0][1]
    if any("@" in cell for cell in first):  # no header row
        return [p for line, row in rows if (p := _guess(line, row)) is not None]
    email_at, name_at = _columns([c.strip().lower() for c in first], rows[1:])
    people = []
    for line, row in rows[1:]:
        email = row[email_at].strip() if email_at < len(row) else ""
        name = row[name_at] if name_at is not None and name_at < len(row) else ""
        if email:
            people.append(Person(line, email, _clean_name(name)))
    return people


def check(people: list[Person]) -> None:
    """Refuse the file when an address or a name would be refused by the API."""
    from pydantic import EmailStr, TypeAdapter, ValidationError

    adapter = TypeAdapter(EmailStr)
    problems = []
    for p in people:
        try:
            adapter.validate_python(p.email)
        except ValidationError as exc:
            reason = str(exc.errors()[0]["msg"]).removeprefix(
                "value is not a valid email address: "
            )
            problems.append(f"line {p.line}: {p.email!r} is not an email address ({reason})")
            continue
        if p.name is not None and len(p.name) > MAX_NAME:
            problems.append(f"line {p.line}: the name is longer than {MAX_NAME} characters")
    if problems:
        more = len(problems) - SHOWN_PROBLEMS
        raise CsvProblem(
            "; ".join(problems[:SHOWN_PROBLEMS])
            + (f" (and {more} more)" if more > 0 else "")
            + "; nobody was invited"
        )


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


def _columns(header: list[str], rows: list[tuple[int, list[str]]]) -> tuple[int, int | None]:
    normal = [re.sub(r"[\s\-]+", "_", h) for h in header]
    email_at = next(
        (i for i, h in enumerate(normal) if "mail" in h or "почт" in h),
        None,
    )
    if email_at is None:
        sample = next((row for _, row in rows if any("@" in c for c in row)), [])
        email_at = next((i for i, cell in enumerate(sample) if "@" in cell), None)
    if email_at is None:
        raise CsvProblem(f"no email column in the header row ({', '.join(header)})")
    name_at = next((i for i, h in enumerate(normal) if h in _NAME_HEADERS), None)
    if name_at is None:
        name_at = next(
            (i for i, h in enumerate(normal) if i != email_at and ("name" in h or "имя" in h)),
            None,
        )
    return email_at, name_at


def _guess(line: int, row: list[str]) -> Person | None:
    email_at = next((i for i, cell in enumerate(row) if "@" in cell), None)
    if email_at is None:
        first = row[0].strip()
        return Person(line, first, None) if first else None
    name = next((cell for i, cell in enumerate(row) if i != email_at and cell.strip()), "")
    return Person(line, row[email_at].strip(), _clean_name(name))


def _clean_name(name: str) -> str | None:
    """One line without control characters (the API refuses both)."""
    cleaned = " ".join(_CONTROL.sub(" ", name).split())
    return cleaned or None
