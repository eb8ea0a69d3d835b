"""Boxes built to break weaker engines: unique draws, half-box households, greedy traps."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

import numpy as np
import pytest

from santa_core.draw.engine import (
    Draw,
    DrawInput,
    DrawOptions,
    IndexedInput,
    Infeasible,
    parse_input,
    solve,
)
from tests.core.draw.draw_brute import all_draws, hall_holds_for, is_valid


def people(n: int) -> list[str]:
    return [f"p{i:04d}" for i in range(n)]


def only_allowed(ids: list[str], allowed: dict[str, set[str]]) -> list[list[str]]:
    """Exclusions that leave exactly ``allowed`` (plus whatever is listed) to each santa."""
    return [[s, g] for s in ids for g in ids if g != s and g not in allowed.get(s, set(ids))]


class TestExactlyOneDraw:
    def test_found_small(self) -> None:
        ids = people(6)
        ring = {s: {ids[(i + 1) % 6]} for i, s in enumerate(ids)}
        data = parse_input({"participants": ids, "exclusions": only_allowed(ids, ring)})
        result = solve(data, seed="one")
        assert isinstance(result, Draw)
        assert result.count == 1
        assert all(result.giftee_of(s) == next(iter(ring[s])) for s in ids)
        assert any(n.code == "determined" for n in result.notices)

    def test_found_large(self) -> None:
        # 60 people, each may give to two, but only one way closes into a draw.
        ids = people(60)
        allowed = {s: {ids[(i + 1) % 60], ids[(i + 2) % 60]} for i, s in enumerate(ids)}
        allowed[ids[58]] = {ids[59]}
        allowed[ids[59]] = {ids[0]}
        data = parse_input({"participants": ids, "exclusions": only_allowed(ids, allowed)})
        result = solve(data, seed="one-large")
        assert isinstance(result, Draw)
        assert all(result.giftee_of(s) == ids[(i + 1) % 60] for i, s in enumerate(ids))


class TestHouseholds:
    @pytest.mark.parametrize("n", [2, 10, 2_000, 50_000])
    def test_household_of_exactly_half_is_drawn(self, n: int) -> None:
        ids = people(n)
        half = ids[: n // 2]
        data = parse_input({"participants": ids, "groups": [half]})
        result = solve(data, seed=f"half-{n}")
        assert isinstance(result, Draw)
        inside = set(half)
        for s, (g,) in result.assignments.items():
            assert (s in inside) != (g in inside)

    @pytest.mark.parametrize("n", [3, 11, 2_001, 50_001])
    def test_household_of_more_than_half_is_the_witness(self, n: int) -> None:
        ids = people(n)
        big = ids[: n // 2 + 1]
        data = parse_input({"participants": ids, "groups": [big]})
        result = solve(data, seed="big")
        assert isinstance(result, Infeasible)
        assert result.reason == "hall"
        assert result.proved
        assert set(result.witness) == set(big)
        assert set(result.giftees) == set(ids) - set(big)
        assert result.suggestion is not None
        assert result.suggestion.kind == "group"

    def test_witness_names_people_and_counts(self) -> None:
        data = parse_input(
            {"participants": ["ann", "bob", "cy", "dee", "eve"], "groups": [["ann", "bob", "cy"]]}
        )
        result = solve(data)
        assert isinstance(result, Infeasible)
        assert result.explanation.en == (
            "ann, bob and cy may only give to dee and eve: 3 people for 2 giftees, "
            "so no draw exists."
        )
        assert "могут дарить только dee и eve" in result.explanation.ru

    def test_million_indexed_households_with_history(self) -> None:
        rng = np.random.default_rng(0)
        n = 200_000
        group = np.repeat(np.arange(n), rng.integers(1, 5, n))[:n].astype(np.int64)
        last = solve(IndexedInput(n=n, group=group), seed="last-year", secrecy=False)
        assert isinstance(last, Draw)
        result = solve(IndexedInput(n=n, group=group, history=(last.giftees,)), seed="this")
        assert isinstance(result, Draw)
        g = result.giftees
        assert np.array_equal(np.sort(g), np.arange(n))
        assert (group[g] != group).all()
        assert (g != last.giftees).all()


class TestGreedyTraps:
    def test_first_choice_blocks_the_rest(self) -> None:
        # p0 may give to p1 or p2; if p0 takes p2 (a greedy pick), p1 has nobody.
        ids = people(4)
        allowed = {
            ids[0]: {ids[1], ids[2]},
            ids[1]: {ids[2]},
            ids[2]: {ids[3]},
            ids[3]: {ids[0], ids[1]},
        }
        data = parse_input({"participants": ids, "exclusions": only_allowed(ids, allowed)})
        for seed in range(20):
            result = solve(data, seed=str(seed))
            assert isinstance(result, Draw)
            assert is_valid(data, result.assignments)

    def test_many_tight_chains(self) -> None:
        # Blocks of three where the middle person has one choice and the others two:
        # random greedy orders fail often, augmenting paths never do.
        ids = people(300)
        allowed: dict[str, set[str]] = {}
        for b in range(0, 300, 3):
            a, m, c = ids[b], ids[b + 1], ids[b + 2]
            nxt = ids[(b + 3) % 300]
            allowed[a] = {m, c}
            allowed[m] = {c}
            allowed[c] = {a, nxt}
        data = parse_input({"participants": ids, "exclusions": only_allowed(ids, allowed)})
        result = solve(data, seed="chains")
        assert isinstance(result, Draw)
        assert all(g[0] in allowed[s] for s, g in result.assignments.items())

    def test_retry_capped_shuffles_would_miss_this(self) -> None:
        # 12 people, 3 households of 4: valid draws are a tiny share of all permutations.
        ids = people(12)
        data = parse_input(
            {
                "participants": ids,
                "groups": [ids[0:4], ids[4:8], ids[8:12]],
                "exclusions": [[ids[0], ids[4]], [ids[0], ids[5]], [ids[0], ids[6]]],
            }
        )
        result = solve(data, seed="tight")
        assert isinstance(result, Draw)
        assert is_valid(data, result.assignments)


class TestCycleOptions:
    def test_single_loop_found_and_counted(self) -> None:
        ids = people(8)
        data = DrawInput(
            participants=tuple(ids),
            groups=((ids[0], ids[1]), (ids[2], ids[3])),
            options=DrawOptions(single_cycle=True),
        )
        result = solve(data, seed="loop")
        assert isinstance(result, Draw)
        assert is_valid(data, result.assignments)
        assert result.count == len(all_draws(data))

    def test_single_loop_proved_impossible(self) -> None:
        # Two halves that may only give within themselves: draws exist, one loop cannot.
        ids = people(30)
        left, right = set(ids[:15]), set(ids[15:])
        allowed = {s: (left if s in left else right) - {s} for s in ids}
        data = parse_input(
            {
                "participants": ids,
                "exclusions": only_allowed(ids, allowed),
                "options": {"single_cycle": True},
            }
        )
        result = solve(data, seed="split")
        assert isinstance(result, Infeasible)
        assert result.reason == "single_cycle"
        assert result.proved
        assert "proved" in result.explanation.en
        assert result.suggestion is not None
        assert result.suggestion.option == "single_cycle"

    def test_search_limit_is_said_honestly(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from santa_core.draw.engine import _sample, _search

        # Loops exist (everyone to the next) but are rare; the search is made to give up.
        monkeypatch.setattr(_search, "NODE_BUDGET", 5)
        monkeypatch.setattr(_sample, "SMALL_ATTEMPTS", 1)
        monkeypatch.setattr(_sample, "REJECTION_BUDGET", 1)
        ids = people(40)
        allowed = {s: {ids[(i + 1) % 40], ids[(i + 3) % 40]} for i, s in enumerate(ids)}
        data = parse_input(
            {
                "participants": ids,
                "exclusions": only_allowed(ids, allowed),
                "options": {"single_cycle": True},
            }
        )
        monkeypatch.setattr(
            _search,
            "search_cycles",
            lambda allowed, *, want, rng, budget=5: _search.SearchOutcome(nodes=budget),
        )
        result = solve(data, seed="limit", suggest=False)
        assert isinstance(result, Infeasible)
        assert not result.proved
        assert "within the search limit" in result.explanation.en

    def test_two_person_loops_avoided(self) -> None:
        ids = people(9)
        data = DrawInput(
            participants=tuple(ids),
            groups=((ids[0], ids[1], ids[2]),),
            options=DrawOptions(avoid_two_cycles=True),
        )
        for seed in range(10):
            result = solve(data, seed=str(seed))
            assert isinstance(result, Draw)
            assert is_valid(data, result.assignments)

    def test_two_people_with_no_mutual_giving_is_impossible(self) -> None:
        data = DrawInput(participants=("a", "b"), options=DrawOptions(avoid_two_cycles=True))
        result = solve(data)
        assert isinstance(result, Infeasible)
        assert result.proved
        assert result.reason == "two_cycles"


class TestForcedPairs:
    def test_forced_pair_in_every_draw(self) -> None:
        ids = people(7)
        data = parse_input({"participants": ids, "forced": [[ids[0], ids[5]], [ids[5], ids[2]]]})
        for seed in range(10):
            result = solve(data, seed=str(seed))
            assert isinstance(result, Draw)
            assert result.giftee_of(ids[0]) == ids[5]
            assert result.giftee_of(ids[5]) == ids[2]
            assert is_valid(data, result.assignments)

    def test_forced_pair_against_a_group(self) -> None:
        data = parse_input(
            {
                "participants": ["ann", "bob", "cy"],
                "groups": [["ann", "bob"]],
                "forced": [["ann", "bob"]],
            }
        )
        result = solve(data)
        assert isinstance(result, Infeasible)
        assert result.reason == "forced_conflict"
        assert (
            result.explanation.en == "ann is forced to give to bob, but they are in the same group."
        )

    def test_everyone_forced(self) -> None:
        data = parse_input(
            {"participants": ["a", "b", "c"], "forced": [["a", "b"], ["b", "c"], ["c", "a"]]}
        )
        result = solve(data)
        assert isinstance(result, Draw)
        assert result.method == "forced"
        assert result.assignments == {"a": ("b",), "b": ("c",), "c": ("a",)}


class TestHistorySuggestions:
    YEARS: ClassVar[list[dict[str, str]]] = [
        {"a": "b", "b": "c", "c": "d", "d": "a"},
        {"a": "c", "b": "d", "c": "a", "d": "b"},
        {"a": "d", "b": "a", "c": "b", "d": "c"},
    ]

    def test_exhausted_history_suggests_remembering_fewer_years(self) -> None:
        data = parse_input({"participants": ["a", "b", "c", "d"], "history": self.YEARS})
        result = solve(data, seed="h")
        assert isinstance(result, Infeasible)
        assert result.suggestion is not None  # no single pair is enough here
        assert result.suggestion.kind == "history_years"
        assert result.suggestion.years == 2  # the most years that still leave a draw
        assert result.suggestion.as_json() == {"kind": "history_years", "years": 2}
        assert result.suggestion.text.en == "Only avoid repeating pairs of the last 2 years."
        assert "последние 2 года" in result.suggestion.text.ru
        fewer = replace(data, options=replace(data.options, history_years=2))
        assert isinstance(solve(fewer, seed="h"), Draw)

    def test_the_explanation_does_not_depend_on_the_seed(self) -> None:
        data = parse_input({"participants": ["a", "b", "c", "d"], "history": self.YEARS})
        results = [solve(data, seed=str(seed)) for seed in range(8)]
        assert all(isinstance(r, Infeasible) for r in results)
        assert len({r.as_json()["explanation"] for r in results}) == 1
        two_gifts = parse_input(
            {"participants": list("abcdef"), "groups": [list("abcd")],
             "options": {"gifts_per_person": 2}}
        )  # fmt: skip
        assert len({solve(two_gifts, seed=str(s)).as_json()["explanation"] for s in range(8)}) == 1

    def test_the_suggestion_does_not_depend_on_the_order_of_rules(self) -> None:
        # a may give to nobody; dropping either exclusion works, the same one is named.
        rules = [["a", "c"], ["a", "b"]]
        results = [
            solve(parse_input({"participants": ["a", "b", "c"], "exclusions": order}), seed="o")
            for order in (rules, rules[::-1])
        ]
        suggestions = [r.suggestion for r in results if isinstance(r, Infeasible)]
        assert len(suggestions) == 2
        assert all(s is not None and s.as_json() == {"kind": "exclusion", "santa": "a",
                   "giftee": "b"} for s in suggestions)  # fmt: skip

    def test_a_single_pair_is_preferred_when_it_is_enough(self) -> None:
        data = parse_input(
            {"participants": ["a", "b", "c"], "history": [{"a": "b", "b": "c", "c": "a"}],
             "exclusions": [["a", "c"]]}
        )  # fmt: skip
        result = solve(data, seed="h")
        assert isinstance(result, Infeasible)
        assert result.suggestion is not None
        assert result.suggestion.kind in {"history", "exclusion"}


class TestSeveralGifts:
    def test_k_too_large_is_explained(self) -> None:
        data = DrawInput(participants=("a", "b", "c"), options=DrawOptions(gifts_per_person=3))
        result = solve(data)
        assert isinstance(result, Infeasible)
        assert result.reason == "hall"
        assert hall_holds_for(data, result.witness)
        assert "gifts in total" in result.explanation.en
        # everyone the witness may give to is named, and the bound is the true one
        assert len(result.witness) == 1
        assert sorted(result.giftees) == sorted({"a", "b", "c"} - set(result.witness))
        assert result.details == {"need": 3, "room": 2}
        assert "can receive at most 2 of them" in result.explanation.en
        assert "нужно вручить 3 подарка" in result.explanation.ru

    def test_group_witness_with_two_gifts_names_its_giftees(self) -> None:
        data = parse_input(
            {
                "participants": ["a", "b", "c", "d", "e"],
                "groups": [["a", "b", "c"]],
                "options": {"gifts_per_person": 2},
            }
        )
        result = solve(data)
        assert isinstance(result, Infeasible)
        assert result.witness == ("a", "b", "c")
        assert result.giftees == ("d", "e")
        assert result.details == {"need": 6, "room": 4}

    def test_households_with_two_gifts(self) -> None:
        ids = people(400)
        groups = [ids[i : i + 4] for i in range(0, 400, 4)]
        data = DrawInput(
            participants=tuple(ids),
            groups=tuple(tuple(g) for g in groups),
            options=DrawOptions(gifts_per_person=2, avoid_two_cycles=True),
        )
        result = solve(data, seed="k2")
        assert isinstance(result, Draw)
        assert is_valid(data, result.assignments)


def test_large_box_with_two_gifts_uses_the_batched_switch_chain() -> None:
    n = 2_500
    ids = people(n)
    groups = [ids[i : i + 3] for i in range(0, n, 3)]
    data = DrawInput(
        participants=tuple(ids),
        groups=tuple(tuple(g) for g in groups),
        options=DrawOptions(gifts_per_person=2, avoid_two_cycles=True),
    )
    result = solve(data, seed="k2-large", method="markov-chain")
    assert isinstance(result, Draw)
    assert result.details.get("sweeps")
    home = {p: i for i, g in enumerate(groups) for p in g}
    edges = {(s, g) for s, gs in result.assignments.items() for g in gs}
    assert len(edges) == 2 * n
    assert all(home[s] != home[g] for s, g in edges)
    assert not any((g, s) in edges for s, g in edges)
    received: dict[str, int] = {}
    for _, g in edges:
        received[g] = received.get(g, 0) + 1
    assert set(received.values()) == {2}
