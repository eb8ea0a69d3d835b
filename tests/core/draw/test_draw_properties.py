"""Property tests: on random small boxes the engine agrees with brute force.

Deterministic (``derandomize=True``): the same examples run every time.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from santa_core.draw.engine import Draw, DrawInput, DrawOptions, Infeasible, Relaxation, solve
from tests.core.draw.draw_brute import all_draws, hall_holds_for, is_valid

SETTINGS = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def boxes(draw: st.DrawFn, *, max_n: int = 7, k: int = 1) -> DrawInput:
    n = draw(st.integers(min_value=1, max_value=max_n))
    people = [f"p{i}" for i in range(n)]
    person = st.sampled_from(people)
    groups = draw(st.lists(st.lists(person, min_size=1, max_size=4, unique=True), max_size=3))
    exclusions = draw(st.lists(st.tuples(person, person), max_size=n))
    history = [
        dict(zip(people, draw(st.permutations(people)), strict=True))
        for _ in range(draw(st.integers(0, 2)))
    ]
    forced: list[tuple[str, str]] = []
    for s, g in draw(st.lists(st.tuples(person, person), max_size=2)):
        if s != g and all(s != a and g != b for a, b in forced):
            forced.append((s, g))
    options = DrawOptions(
        avoid_two_cycles=draw(st.booleans()),
        single_cycle=k == 1 and draw(st.booleans()),
        gifts_per_person=k,
        history_years=draw(st.one_of(st.none(), st.integers(0, 2))),
    )
    return DrawInput(
        participants=tuple(people),
        groups=tuple(tuple(g) for g in groups),
        exclusions=tuple(exclusions),
        forced=tuple(forced),
        history=tuple(tuple(y.items()) for y in history),
        options=options,
    )


def relaxed(data: DrawInput, relaxation: Relaxation) -> DrawInput:
    pair = (relaxation.santa, relaxation.giftee)
    if relaxation.kind == "history":
        return replace(data, history=tuple(tuple(p for p in y if p != pair) for y in data.history))
    if relaxation.kind == "exclusion":
        return replace(data, exclusions=tuple(p for p in data.exclusions if p != pair))
    if relaxation.kind == "forced":
        return replace(data, forced=tuple(p for p in data.forced if p != pair))
    if relaxation.kind == "history_years":
        return replace(data, options=replace(data.options, history_years=relaxation.years))
    if relaxation.kind == "group":
        i = data.groups.index(relaxation.members)
        return replace(data, groups=data.groups[:i] + data.groups[i + 1 :])
    assert relaxation.option is not None
    return replace(data, options=replace(data.options, **{relaxation.option: False}))


def check_against_brute_force(data: DrawInput, seed: str) -> None:
    draws = all_draws(data)
    result = solve(data, seed=seed)
    if isinstance(result, Draw):
        assert is_valid(data, result.assignments), result.assignments
        if result.count is not None:
            assert result.count == len(draws)
        return
    assert isinstance(result, Infeasible)
    assert not draws, f"engine missed a draw: {draws[0]}"
    assert result.proved, "small boxes are settled exactly"
    if result.reason == "hall" and not data.forced:
        assert hall_holds_for(data, result.witness), result.witness
    if result.suggestion is not None:
        assert isinstance(solve(relaxed(data, result.suggestion), seed=seed), Draw)


class TestOneGiftEach:
    @SETTINGS
    @given(boxes())
    def test_agrees_with_brute_force(self, data: DrawInput) -> None:
        check_against_brute_force(data, "property")

    @SETTINGS
    @given(boxes(max_n=6), st.sampled_from(["rejection", "exact", "markov-chain"]))
    def test_every_method_returns_valid_draws(self, data: DrawInput, method: str) -> None:
        try:
            result = solve(data, seed="method", method=method, secrecy=False)
        except ValueError:
            return  # that method does not apply to this box (e.g. exact on a large one)
        if isinstance(result, Draw):
            assert is_valid(data, result.assignments)
        else:
            assert not all_draws(data) or not result.proved


class TestSeveralGiftsEach:
    @settings(SETTINGS, max_examples=120)
    @given(boxes(max_n=5, k=2))
    def test_agrees_with_brute_force(self, data: DrawInput) -> None:
        check_against_brute_force(data, "property-k2")
