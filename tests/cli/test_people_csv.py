"""How ``santa people import`` reads a CSV file, and which rows it refuses (no server)."""

from __future__ import annotations

import pytest

from santa_cli.commands.people._csv import CsvProblem, Person, check, decode, read_people


def emails(text: str) -> list[tuple[str, str | None]]:
    return [(p.email, p.name) for p in read_people(text)]


class TestReadPeople:
    def test_with_and_without_header(self) -> None:
        assert emails("Email,Name\na@x.org,Ann\n\nb@x.org,\n") == [
            ("a@x.org", "Ann"),
            ("b@x.org", None),
        ]
        assert emails("c@x.org\nd@x.org,Dan\n") == [("c@x.org", None), ("d@x.org", "Dan")]

    def test_semicolons_tabs_and_quoted_commas(self) -> None:
        expected = [("a@x.org", "Doe, Ann"), ("b@x.org", "Bo")]
        assert emails('email;name\na@x.org;"Doe, Ann"\nb@x.org;Bo\n') == expected
        assert emails('email\tname\na@x.org\t"Doe, Ann"\nb@x.org\tBo\n') == expected
        assert emails('name,email\n"Doe, Ann",a@x.org\nBo,b@x.org\n') == expected
        assert emails('"Doe, Ann";a@x.org\nBo;b@x.org\n') == expected

    def test_spreadsheet_headers(self) -> None:
        assert emails("First Name;E-mail Address\nAnn;a@x.org\n") == [("a@x.org", "Ann")]
        assert emails("Имя,Электронная почта\nАня,a@x.org\n") == [("a@x.org", "Аня")]
        assert emails("who,contact\nAnn,a@x.org\n") == [("a@x.org", None)]
        with pytest.raises(CsvProblem, match="no email column"):
            read_people("who,what\nAnn,Bob\n")

    def test_household_and_nickname_columns(self) -> None:
        text = "name,email,household,nickname\nAnn,a@x.org,Lees,Elf\nBob,b@x.org,Lees,\n"
        assert read_people(text) == [
            Person(2, "a@x.org", "Ann", "Lees", "Elf"),
            Person(3, "b@x.org", "Bob", "Lees", None),
        ]
        assert read_people("Ник;Почта;Семья;Имя\nЁж;a@x.org;Ивановы;Аня\n") == [
            Person(2, "a@x.org", "Аня", "Ивановы", "Ёж")
        ]
        # Without a header the columns are name, email, household, nickname.
        assert read_people("Ann,a@x.org,Lees,Elf\n") == [Person(1, "a@x.org", "Ann", "Lees", "Elf")]

    def test_line_numbers_count_blank_and_multiline_rows(self) -> None:
        people = read_people('email,name\n\na@x.org,"two\nlines"\n\n,\nb@x.org,B\n')
        assert people == [Person(3, "a@x.org", "two lines"), Person(7, "b@x.org", "B")]

    def test_encodings(self) -> None:
        text = "email,name\na@x.org,Юля\n"
        assert decode(b"\xef\xbb\xbf" + text.encode()) == text
        assert decode(text.encode("utf-16")) == text
        with pytest.raises(CsvProblem, match="line 2 is not UTF-8"):
            decode("email,name\na@x.org,José\n".encode("latin-1"))


class TestCheck:
    def test_every_bad_row_is_named(self) -> None:
        people = read_people(
            "name,email\nGood,good@x.org\nBad,not-an-email\nNo Mail,\n\nAlso,also@bad\n"
            "Twice,GOOD@x.org\n"
        )
        problems = [str(p) for p in check(people)]
        assert problems == [
            "line 3: 'not-an-email' is not an email address"
            " (An email address must have an @-sign.)",
            "line 4: 'No Mail' has no email address",
            "line 6: 'also@bad' is not an email address"
            " (The part after the @-sign is not valid. It should have a period.)",
            "line 7: GOOD@x.org is already on line 2",
        ]

    def test_a_name_without_an_email_is_not_dropped(self) -> None:
        (problem,) = check(read_people("Ann Lee,\nbob@x.org,Bob\n"))
        assert (problem.line, problem.message) == (1, "'Ann Lee' has no email address")

    def test_limits(self) -> None:
        assert [p.message for p in check([Person(2, "a@x.org", "x" * 201)])] == [
            "the name is longer than 200 characters"
        ]
        assert check([Person(2, "a@x.org", "x" * 200, "h" * 200, "n" * 100)]) == []
        assert [p.message for p in check([Person(2, "a@x.org", None, None, "n" * 101)])] == [
            "the nickname is longer than 100 characters"
        ]
