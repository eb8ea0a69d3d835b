"""Secrecy: warn before drawing when participants could deduce others' pairs."""

from __future__ import annotations

from santa_core.draw.engine import Draw, analyse_secrecy, parse_input, solve


def test_two_couples_leave_four_draws_and_deducible_pairs() -> None:
    data = parse_input({"participants": ["a", "b", "c", "d"], "groups": [["a", "b"], ["c", "d"]]})
    report = analyse_secrecy(data)
    assert report.count == 4
    assert report.at_risk
    notice = next(n for n in report.notices if n.code == "deducible")
    assert "Only 4 valid draws" in notice.text.en
    assert "всего 4" in notice.text.ru
    result = solve(data, seed="x")
    assert isinstance(result, Draw)
    assert result.as_json()["warnings"]


def test_free_box_is_not_at_risk() -> None:
    data = parse_input({"participants": [f"p{i}" for i in range(8)]})
    report = analyse_secrecy(data)
    assert report.count == 14833  # derangements of 8
    assert not report.at_risk


def test_four_people_without_rules_reveal_nothing_for_sure() -> None:
    report = analyse_secrecy(parse_input({"participants": ["a", "b", "c", "d"]}))
    assert report.count == 9
    assert not report.at_risk


def test_determined_pair_in_a_medium_box() -> None:
    ids = [f"p{i:02d}" for i in range(40)]
    # p00 may only give to p01: everyone who knows the rules knows that pair.
    exclusions = [["p00", g] for g in ids if g not in ("p00", "p01")]
    report = analyse_secrecy(parse_input({"participants": ids, "exclusions": exclusions}))
    assert report.checked
    notice = next(n for n in report.notices if n.code == "determined")
    assert ("p00", "p01") in notice.pairs


def test_forced_pairs_are_not_reported() -> None:
    ids = [f"p{i:02d}" for i in range(30)]
    report = analyse_secrecy(parse_input({"participants": ids, "forced": [["p00", "p01"]]}))
    assert not report.at_risk


def test_large_box_is_not_analysed() -> None:
    report = analyse_secrecy(parse_input({"participants": [f"p{i}" for i in range(600)]}))
    assert not report.checked
    assert not report.at_risk
