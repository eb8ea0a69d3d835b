"""Several gifts each: the samplers stay uniform where switches alone get stuck, and an
absurd number of gifts is refused with a witness instead of exhausting memory."""

from __future__ import annotations

from collections import Counter

import pytest

from santa_core.draw.engine import (
    Draw,
    DrawInput,
    DrawOptions,
    Infeasible,
    parse_input,
    repair,
    solve,
)
from santa_core.draw.engine._solve import draw_prepared, prepare
from tests.core.draw.draw_brute import all_draws, draw_key, is_valid
from tests.core.draw.test_draw_uniformity import chi_square_p_value

#: Two gifts each, no two people giving to each other: 12 draws, and from each one
#: no switch of two pairs leads to another (they differ by reversed loops of three).
RIGID = DrawInput(
    participants=tuple("abcde"),
    exclusions=(("c", "d"),),
    options=DrawOptions(gifts_per_person=2, avoid_two_cycles=True),
)

#: Three valid draws among 12!/2**6 stub pairings: rejection sampling gives up here.
SCARCE = DrawInput(
    participants=tuple("abcdef"),
    exclusions=(
        ("a", "d"),
        ("a", "f"),
        ("b", "a"),
        ("c", "b"),
        ("c", "e"),
        ("d", "a"),
        ("d", "c"),
        ("d", "e"),
        ("e", "f"),
    ),
    options=DrawOptions(gifts_per_person=2, avoid_two_cycles=True),
)


def spread(data: DrawInput, method: str, per_cell: int) -> tuple[Counter[object], int]:
    draws = {draw_key_of(d) for d in all_draws(data)}
    prepared = prepare(data)
    seen: Counter[object] = Counter()
    for i in range(per_cell * len(draws)):
        result = draw_prepared(prepared, seed=f"m{i}", method=method, secrecy=False)
        assert isinstance(result, Draw)
        assert is_valid(data, result.assignments)
        seen[draw_key(result)] += 1
    assert set(seen) <= draws
    return seen, len(draws)


def draw_key_of(assignments: dict[str, tuple[str, ...]]) -> object:
    return tuple(sorted((s, tuple(sorted(g))) for s, g in assignments.items()))


@pytest.mark.parametrize("method", ["markov-chain", "exact"])
def test_rigid_box_is_drawn_uniformly(method: str) -> None:
    seen, total = spread(RIGID, method, per_cell=50)
    assert total == 12
    expected = sum(seen.values()) / total
    stat = sum((seen[k] - expected) ** 2 / expected for k in seen) + expected * (total - len(seen))
    assert chi_square_p_value(stat, total - 1) > 1e-6, seen


def test_scarce_box_is_listed_exactly() -> None:
    result = solve(SCARCE, seed="scarce")
    assert isinstance(result, Draw)
    assert result.method == "exact-enumeration"
    assert result.uniform == "exact"
    assert result.count == len(all_draws(SCARCE)) == 3
    assert is_valid(SCARCE, result.assignments)


def test_exact_enumeration_proves_there_is_no_draw() -> None:
    # Everyone gives 2 and receives 2 among 4 people with no pair both ways: each person
    # would need 4 different partners among 3 others.
    data = DrawInput(
        participants=tuple("abcd"),
        options=DrawOptions(gifts_per_person=2, avoid_two_cycles=True),
    )
    result = solve(data, seed="x", method="exact")
    assert isinstance(result, Infeasible)
    assert result.reason == "two_cycles"
    assert result.proved


@pytest.mark.parametrize("k", [3, 5, 10**8, 10**23])
def test_more_gifts_than_people_is_infeasible_with_a_witness(k: int) -> None:
    data = parse_input(
        {
            "participants": ["a", "b", "c"],
            "forced": [["a", "b"]],
            "options": {"gifts_per_person": k},
        }
    )
    result = solve(data, seed="k")
    assert isinstance(result, Infeasible)
    assert result.reason == "hall"
    assert result.proved
    assert result.witness == ("a",)
    assert set(result.giftees) == {"c"}
    assert f"a must give {k - 1} gifts" in result.explanation.en
    fixed = repair(data, {"a": ["b", "c"], "b": ["a", "c"], "c": ["a", "b"]}, seed="k")
    assert isinstance(fixed, Infeasible)
