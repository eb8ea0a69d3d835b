"""Input validation: malformed input is a DrawInputError with a one-line message."""

from __future__ import annotations

from typing import Any

import pytest

from santa_core.draw.engine import (
    Draw,
    DrawInputError,
    DrawOptions,
    IndexedInput,
    parse_input,
    solve,
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "input must be a JSON object"),
        ({}, "missing key 'participants'"),
        ({"participants": ["a", "a"]}, "duplicate participant id 'a'"),
        ({"participants": []}, "participants must not be empty"),
        ({"participants": "abc"}, "participants must be a list"),
        ({"participants": ["a", 1]}, "participants must be non-empty strings, got 1"),
        ({"participants": ["a", ""]}, "participants must be non-empty strings"),
        ({"participants": ["a", "b"], "groups": [["a", "z"]]}, "unknown participant 'z'"),
        ({"participants": ["a", "b"], "groups": [["a", "a"]]}, "duplicate member 'a'"),
        ({"participants": ["a", "b"], "exclusions": [["a"]]}, "must be a [santa, giftee] pair"),
        ({"participants": ["a", "b"], "exclusions": [["a", "z"]]}, "unknown participant 'z'"),
        ({"participants": ["a", "b"], "forced": [["a", "a"]]}, "cannot give to themselves"),
        (
            {"participants": ["a", "b", "c"], "forced": [["a", "b"], ["a", "c"]]},
            "forced to give more than 1",
        ),
        ({"participants": ["a", "b"], "forced": [["a", "b"], ["a", "b"]]}, "appears twice"),
        ({"participants": ["a", "b"], "history": {"a": "b"}}, "history must be a list"),
        ({"participants": ["a", "b"], "history": [{"a": 3}]}, "must be an id or a list of ids"),
        ({"participants": ["a", "b"], "options": []}, "options must be an object"),
        ({"participants": ["a", "b"], "history": ""}, "history must be a list"),
        ({"participants": ["a", "b"], "groups": 0}, "groups must be a list"),
        ({"participants": ["a", "b"], "exclusions": False}, "exclusions must be a list"),
        ({"participants": ["a", "b"], "forced": {}}, "forced must be a list"),
        ({"participants": ["a", "b"], "exclusion": []}, "unknown key 'exclusion'"),
        ({"participants": ["a", "b"], "options": {"k": 2}}, "unknown option 'k'"),
        (
            {"participants": ["a", "b"], "options": {"gifts_per_person": 0}},
            "gifts_per_person must be an integer >= 1",
        ),
        (
            {"participants": ["a", "b"], "options": {"gifts_per_person": True}},
            "gifts_per_person must be an integer >= 1",
        ),
        (
            {"participants": ["a", "b"], "options": {"avoid_two_cycles": "yes"}},
            "avoid_two_cycles must be true or false",
        ),
        (
            {
                "participants": ["a", "b", "c"],
                "options": {"single_cycle": True, "gifts_per_person": 2},
            },
            "single_cycle needs gifts_per_person 1",
        ),
    ],
)
def test_malformed_input(data: Any, message: str) -> None:
    with pytest.raises(DrawInputError) as exc:
        parse_input(data)
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)


def test_history_may_mention_people_who_left() -> None:
    data = parse_input(
        {"participants": ["a", "b", "c"], "history": [{"a": "b", "zed": "a", "b": ["c", "x"]}]}
    )
    result = solve(data, seed="1")
    assert isinstance(result, Draw)
    assert result.giftee_of("a") != "b"
    assert result.giftee_of("b") != "c"


def test_history_years_keeps_the_last_ones() -> None:
    years = [{"a": "b", "b": "c", "c": "a"}, {"a": "c", "b": "a", "c": "b"}]
    only_last = parse_input(
        {"participants": ["a", "b", "c"], "history": years, "options": {"history_years": 1}}
    )
    result = solve(only_last, seed="1")
    assert isinstance(result, Draw)
    assert result.assignments == {"a": ("b",), "b": ("c",), "c": ("a",)}
    both = parse_input({"participants": ["a", "b", "c"], "history": years})
    assert not isinstance(solve(both, seed="1"), Draw)


def test_indexed_input_is_checked() -> None:
    import numpy as np

    with pytest.raises(DrawInputError):
        IndexedInput(n=3, group=np.zeros(2, dtype=np.int64))
    with pytest.raises(DrawInputError):
        IndexedInput(n=3, group=np.zeros(3, dtype=np.int64), forced=np.array([[0, 0]]))
    with pytest.raises(DrawInputError):
        IndexedInput(
            n=3,
            group=np.full(3, -1, dtype=np.int64),
            history=(np.array([1, 2, 5]),),
        )
    ok = IndexedInput(n=3, group=np.full(3, -1, dtype=np.int64), options=DrawOptions())
    assert isinstance(solve(ok, seed="1"), Draw)


def test_unknown_method_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown method"):
        solve(parse_input({"participants": ["a", "b"]}), method="guess")
    large = parse_input({"participants": [f"p{i}" for i in range(40)]})
    with pytest.raises(ValueError, match="does not apply"):
        solve(large, method="exact")
