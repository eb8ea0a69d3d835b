"""The approximately uniform method for boxes too large for exact sampling.

A swap Markov chain on valid draws whose stationary distribution is exactly
uniform. One sweep draws a random pairing of santas (independent of the current
draw) and, for each pair, swaps their giftees when both new pairs are allowed.
The pairs are disjoint, so the sweep is a product of commuting moves, and with
the same pairing it maps the result back to where it started: the kernel is
symmetric, hence doubly stochastic, hence uniform-stationary. Variants:

- avoid two-person loops: only santas ``x`` with a random bit set whose giftee's
  bit is clear take part, so no giftee of a moving santa moves in the same sweep
  and the two-loop test against the current draw is exact (the set is the same
  before and after, so the symmetry argument still holds);
- single loop: the loop is an array of positions; a half-sweep swaps the people
  at random pairs of same-parity positions when the four new pairs are allowed
  (their neighbours, of the other parity, do not move); each sweep starts by
  rotating the array by a random offset, which changes no loop.

Swaps split and merge loops; on very small boxes with the cycle options they may
not connect all valid draws (five people with no two-person loops are all in
one five-person loop, and no swap keeps that), which is why small boxes always
take the exact methods.

The chain starts from the constructed draw. When that draw is a uniformly random
permutation in which only a few pairs (at most sqrt(m)) had to be repaired, it is
already close to uniform and, on boxes of at least ``LIGHT_MIN_NODES``,
``LIGHT_SWEEPS`` sweeps re-randomize the repaired neighbourhoods; otherwise the
chain runs ``heavy_sweeps(m)`` sweeps. Swaps alone
might not connect every valid draw of a very constrained box; such boxes are
small and take the exact methods instead. This is the "markov-chain" method.
"""

from __future__ import annotations

import math

import numpy as np

from santa_core.draw.engine._problem import BoolArray, IntArray, Problem

LIGHT_SWEEPS = 4
#: Below this many nodes a few repaired pairs are a large share: always sweep heavily.
LIGHT_MIN_NODES = 1000


def heavy_sweeps(m: int) -> int:
    return max(64, 16 + 4 * math.ceil(math.log2(m + 1)))


def sweeps_for(m: int, repaired: int) -> int:
    light = m >= LIGHT_MIN_NODES and repaired <= math.isqrt(m)
    return LIGHT_SWEEPS if light else heavy_sweeps(m)


def two_cycles(problem: Problem, sigma: IntArray) -> BoolArray:
    """Nodes on a loop of two people (contracted nodes of one person each)."""
    nodes = np.arange(problem.m, dtype=np.int64)
    out: BoolArray = (
        (sigma[sigma] == nodes) & (sigma != nodes) & problem.single & problem.single[sigma]
    )
    return out


def run_plain(problem: Problem, sigma: IntArray, rng: np.random.Generator, sweeps: int) -> None:
    m = problem.m
    h = m // 2
    if h == 0:
        return
    for _ in range(sweeps):
        perm = rng.permutation(m)
        a, b = perm[:h], perm[h : 2 * h]
        sa, sb = sigma[a], sigma[b]
        ok = problem.allowed(a, sb) & problem.allowed(b, sa)
        sigma[a[ok]] = sb[ok]
        sigma[b[ok]] = sa[ok]


def run_two(problem: Problem, sigma: IntArray, rng: np.random.Generator, sweeps: int) -> None:
    m = problem.m
    single = problem.single
    for _ in range(4 * sweeps):  # a quarter of the santas move per sweep
        bit = rng.integers(0, 2, m).astype(np.bool_)
        movers = np.flatnonzero(bit & ~bit[sigma])
        movers = movers[rng.permutation(movers.size)]
        h = movers.size // 2
        if h == 0:
            continue
        a, b = movers[:h], movers[h : 2 * h]
        sa, sb = sigma[a], sigma[b]
        ok = problem.allowed(a, sb) & problem.allowed(b, sa)
        # a takes sb, whose giftee does not move this sweep: a two-loop iff it is a.
        ok &= ~((sigma[sb] == a) & (sb != a) & single[a] & single[sb])
        ok &= ~((sigma[sa] == b) & (sa != b) & single[b] & single[sa])
        sigma[a[ok]] = sb[ok]
        sigma[b[ok]] = sa[ok]


def run_cycle(problem: Problem, order: IntArray, rng: np.random.Generator, sweeps: int) -> None:
    """``order`` lists the loop: ``order[i]`` gives to ``order[i + 1]`` (cyclically)."""
    m = problem.m
    if m < 4:
        return
    for _ in range(sweeps):
        # Rotating the array changes no loop, and lets people change parity class:
        # without it, whoever starts at an even position would stay on even ones.
        order[:] = np.roll(order, int(rng.integers(0, m)))
        for parity in (0, 1):
            pos = np.arange(parity, m, 2, dtype=np.int64)
            if m % 2 and parity == 0:
                pos = pos[:-1]  # positions m-1 and 0 are neighbours
            pos = pos[rng.permutation(pos.size)]
            h = pos.size // 2
            if h == 0:
                continue
            p, q = pos[:h], pos[h : 2 * h]
            cp, cq = order[p], order[q]
            before_p, after_p = order[(p - 1) % m], order[(p + 1) % m]
            before_q, after_q = order[(q - 1) % m], order[(q + 1) % m]
            ok = (
                problem.allowed(before_p, cq)
                & problem.allowed(cq, after_p)
                & problem.allowed(before_q, cp)
                & problem.allowed(cp, after_q)
            )
            order[p[ok]] = cq[ok]
            order[q[ok]] = cp[ok]


def order_to_sigma(order: IntArray) -> IntArray:
    sigma = np.empty_like(order)
    sigma[order] = np.roll(order, -1)
    return sigma


def sigma_to_order(sigma: IntArray) -> IntArray | None:
    """The loop as positions, or None when ``sigma`` is not a single loop."""
    m = sigma.size
    order = np.empty(m, dtype=np.int64)
    sig = sigma.tolist()
    cur = 0
    for i in range(m):
        order[i] = cur
        cur = sig[cur]
        if cur == 0 and i < m - 1:
            return None
    return order if cur == 0 else None
