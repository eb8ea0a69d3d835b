"""Uniformity: over all valid draws of small constrained boxes, each method's draws are
spread as a uniform distribution would be (chi-square goodness of fit).

Fixed seeds, so the outcome is the same on every run; the threshold is generous
(p < 1e-6 fails), so only a real bias fails it.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest

from santa_core.draw.engine import Draw, DrawInput, DrawOptions
from santa_core.draw.engine._solve import draw_prepared, prepare
from tests.core.draw.draw_brute import all_draws

BOXES = {
    "no rules": DrawInput(participants=tuple("abcd")),
    "couples and an exclusion": DrawInput(
        participants=tuple("abcdef"), groups=(("a", "b"), ("c", "d")), exclusions=(("e", "f"),)
    ),
    "history": DrawInput(
        participants=tuple("abcde"),
        groups=(("a", "b"),),
        history=((("a", "c"), ("b", "d"), ("c", "e"), ("d", "a"), ("e", "b")),),
    ),
    "forced pair": DrawInput(
        participants=tuple("abcdef"), forced=(("a", "b"),), groups=(("c", "d"),)
    ),
    "no two-person loops": DrawInput(
        participants=tuple("abcdef"),
        groups=(("a", "b", "c"),),
        options=DrawOptions(avoid_two_cycles=True),
    ),
    "single loop": DrawInput(
        participants=tuple("abcde"), groups=(("a", "b"),), options=DrawOptions(single_cycle=True)
    ),
    "two gifts each": DrawInput(
        participants=tuple("abcd"), options=DrawOptions(gifts_per_person=2)
    ),
}

CASES = [
    ("no rules", "rejection"),
    ("no rules", "exact"),
    ("no rules", "markov-chain"),
    ("couples and an exclusion", "rejection"),
    ("couples and an exclusion", "exact"),
    ("history", "rejection"),
    ("history", "exact"),
    ("history", "markov-chain"),
    ("forced pair", "exact"),
    ("forced pair", "rejection"),
    ("no two-person loops", "rejection"),
    ("no two-person loops", "exact"),
    ("single loop", "rejection"),
    ("single loop", "exact"),
    ("single loop", "markov-chain"),
    ("two gifts each", "rejection"),
    ("two gifts each", "markov-chain"),
]

PER_CELL = 60


def chi_square_p_value(stat: float, dof: int) -> float:
    """Upper tail of chi-square (Wilson-Hilferty normal approximation)."""
    z = ((stat / dof) ** (1 / 3) - (1 - 2 / (9 * dof))) / math.sqrt(2 / (9 * dof))
    return 0.5 * math.erfc(z / math.sqrt(2))


def key(draw: Draw) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((s, tuple(sorted(g))) for s, g in draw.assignments.items()))


@pytest.mark.parametrize(("box", "method"), CASES)
def test_draws_are_uniform(box: str, method: str) -> None:
    data = BOXES[box]
    support = {tuple(sorted((s, tuple(sorted(g))) for s, g in d.items())) for d in all_draws(data)}
    prepared = prepare(data)
    samples = PER_CELL * len(support)
    counts: Counter[tuple[tuple[str, tuple[str, ...]], ...]] = Counter()
    methods = set()
    for i in range(samples):
        result = draw_prepared(
            prepared, seed=f"{box}/{method}/{i}", method=method, secrecy=False, suggest=False
        )
        assert isinstance(result, Draw)
        methods.add(result.method)
        counts[key(result)] += 1
    assert set(counts) <= support, "a draw outside the valid set"
    assert set(counts) == support, "some valid draws never came up"
    expected = samples / len(support)
    stat = sum((counts[k] - expected) ** 2 / expected for k in support)
    p = chi_square_p_value(stat, len(support) - 1)
    assert p > 1e-6, f"chi-square {stat:.1f} on {len(support) - 1} dof (p={p:.2g}), {methods}"
    expected_name = "exact-dp" if method == "exact" else method
    assert methods <= {expected_name, "exact-enumeration"}


def test_chi_square_check_detects_bias() -> None:
    # The check itself: a clearly skewed sample must fail it.
    stat = sum((c - 60) ** 2 / 60 for c in [120, 30, 30, 60, 60, 60, 60, 60, 60])
    assert chi_square_p_value(stat, 8) < 1e-6
