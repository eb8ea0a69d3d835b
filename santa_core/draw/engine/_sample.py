"""Choosing a draw among all valid ones (one gift each), as uniformly as is computable.

The methods, tried in this order (the result names the one that produced it):

``rejection``
    Draw a uniformly random permutation (a uniformly random single loop in
    single-loop mode, as Sattolo's algorithm would) and keep it if valid. Exactly
    uniform. Tried while the expected cost, estimated from the rules as
    ``m * exp(expected violations)``, fits ``REJECTION_BUDGET`` element operations
    (capped at ``SMALL_ATTEMPTS`` attempts for boxes the exact methods cover).
``exact-dp`` / ``exact-enumeration``
    Boxes of at most ``PERMANENT_LIMIT`` people (``CYCLE_LIMIT`` for a single
    loop): count every valid draw by dynamic programming over subsets and pick
    one with exactly uniform probability. Two-loop avoidance is added by
    enumerating the draws when there are at most ``ENUMERATION_LIMIT`` of them,
    else by rejection on top of the exact sampler.
``markov-chain``
    Everything larger: the uniform-stationary swap chain of :mod:`._chain`,
    started from a uniformly random permutation with its few bad pairs
    repaired. Approximately uniform.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from santa_core.draw.engine import _chain, _exact, _flow, _search
from santa_core.draw.engine._problem import BoolArray, IntArray, Problem

#: Element operations the rejection sampler may spend on large boxes.
REJECTION_BUDGET = 40_000_000
#: Rejection attempts on boxes that an exact method covers anyway.
SMALL_ATTEMPTS = 20_000
#: Most draws listed one by one (two-loop avoidance, secrecy analysis).
ENUMERATION_LIMIT = 50_000
#: Attempts of rejection on top of the exact sampler (two-loop avoidance).
EXACT_REJECTION_ATTEMPTS = 4_000

Mode = Literal["plain", "two", "cycle"]
Uniformity = Literal["exact", "approximate"]

#: Repair rounds for a random single loop before falling back to search.
_ROUNDS = 40


@dataclass
class Sampled:
    sigma: IntArray | None
    method: str
    uniform: Uniformity
    details: dict[str, Any] = field(default_factory=dict)
    #: Exact number of valid draws, when a method computed it.
    count: int | None = None
    #: With ``sigma`` None: True when there is provably no draw.
    proved: bool = True


def mode_of(problem: Problem) -> Mode:
    if problem.options.single_cycle:
        return "cycle"
    return "two" if problem.options.avoid_two_cycles else "plain"


def valid(problem: Problem, sigma: IntArray, mode: Mode) -> bool:
    if not _flow.valid_pairs(problem, sigma).all():
        return False
    if mode != "plain" and _chain.two_cycles(problem, sigma).any():
        return False
    return mode != "cycle" or _chain.sigma_to_order(sigma) is not None


def expected_violations(problem: Problem, mode: Mode) -> float:
    """Mean number of broken rules in a uniformly random draw (Poisson estimate)."""
    size = int(max(problem.gs.max(initial=0), problem.gg.max(initial=0))) + 1
    per_label = np.bincount(problem.gg, minlength=size)
    same = per_label[problem.gs].sum()
    lam = float(same + problem.forbid.counts().sum()) / max(problem.m, 1)
    return lam + (0.5 if mode == "two" else 0.0)


def sample(
    problem: Problem,
    sigma0: IntArray,
    repaired: int,
    rng: np.random.Generator,
    *,
    force: str | None = None,
) -> Sampled:
    """A draw, given a valid plain start ``sigma0`` (which proves feasibility of the pairs).

    ``force`` restricts to one method (tests use it to check each method's uniformity).
    """
    mode = mode_of(problem)
    m = problem.m
    if force in (None, "rejection"):
        if repaired == 0 and mode != "cycle" and force is None and valid(problem, sigma0, mode):
            # sigma0 is the first attempt of rejection sampling, and it was accepted.
            return Sampled(sigma0, "rejection", "exact", {"attempts": 1})
        exact_covers = m <= (_exact.CYCLE_LIMIT if mode == "cycle" else _exact.PERMANENT_LIMIT)
        if exact_covers:
            attempts = SMALL_ATTEMPTS
        else:
            attempts = REJECTION_BUDGET // m
            if math.exp(min(expected_violations(problem, mode), 50.0)) > attempts / 4:
                attempts = 0
        if force == "rejection":
            attempts = max(attempts, SMALL_ATTEMPTS)
        if attempts:
            found, used = rejection(problem, rng, mode, attempts)
            if found is not None:
                return Sampled(found, "rejection", "exact", {"attempts": used})
    if force in (None, "exact") and m <= (
        _exact.CYCLE_LIMIT if mode == "cycle" else _exact.PERMANENT_LIMIT
    ):
        return exact(problem, rng, mode)
    if force not in (None, "markov-chain"):
        raise ValueError(f"method {force!r} does not apply to this box")
    return chain(problem, sigma0, repaired, rng, mode)


def rejection(
    problem: Problem, rng: np.random.Generator, mode: Mode, attempts: int
) -> tuple[IntArray | None, int]:
    m = problem.m
    batch = max(1, min(1024, 65536 // max(m, 1)))
    used = 0
    nodes = np.arange(m, dtype=np.int64)
    while used < attempts:
        b = min(batch, attempts - used)
        if b == 1:
            rows = rng.permutation(m)[None, :].astype(np.int64)
        else:
            rows = rng.permuted(np.broadcast_to(nodes, (b, m)), axis=1).astype(np.int64)
        if mode == "cycle":
            sigmas = np.empty_like(rows)
            np.put_along_axis(sigmas, rows, np.roll(rows, -1, axis=1), axis=1)
        else:
            sigmas = rows
        good: BoolArray = np.asarray(problem.allowed_rows(sigmas).all(axis=1))
        if mode != "plain":
            for r in np.flatnonzero(good).tolist():
                if _chain.two_cycles(problem, sigmas[r]).any():
                    good[r] = False
        hits = np.flatnonzero(good)
        if hits.size:
            return sigmas[int(hits[0])].copy(), used + int(hits[0]) + 1
        used += b
    return None, used


def exact(problem: Problem, rng: np.random.Generator, mode: Mode) -> Sampled:
    allowed = problem.allowed_matrix()
    if mode == "cycle":
        table = _exact.cycle_table(allowed)
        count = _exact.cycle_count(allowed, table)
        if mode == "cycle" and problem.options.avoid_two_cycles and problem.m == 2:
            count = 0 if problem.single.all() else count
        if count == 0:
            return Sampled(None, "exact-dp", "exact", count=0)
        return Sampled(_exact.sample_cycle(allowed, table, rng), "exact-dp", "exact", count=count)
    table = _exact.permanent_table(allowed)
    total = int(table[-1])
    if mode == "plain":
        sigma = _exact.sample_permanent(allowed, table, rng) if total else None
        return Sampled(sigma, "exact-dp", "exact", count=total)
    if total <= ENUMERATION_LIMIT:
        draws = [
            s
            for s in _exact.iter_permanent(allowed, table)
            if not _chain.two_cycles(problem, s).any()
        ]
        if not draws:
            return Sampled(None, "exact-enumeration", "exact", count=0)
        pick = draws[int(rng.integers(0, len(draws)))]
        return Sampled(pick, "exact-enumeration", "exact", count=len(draws))
    for attempt in range(1, EXACT_REJECTION_ATTEMPTS + 1):
        sigma = _exact.sample_permanent(allowed, table, rng)
        if not _chain.two_cycles(problem, sigma).any():
            return Sampled(sigma, "exact-dp", "exact", {"attempts": attempt})
    return chain(problem, _exact.sample_permanent(allowed, table, rng), problem.m, rng, mode)


def chain(
    problem: Problem, sigma0: IntArray, repaired: int, rng: np.random.Generator, mode: Mode
) -> Sampled:
    m = problem.m
    if mode == "plain":
        sigma = sigma0.copy()
        sweeps = _chain.sweeps_for(m, repaired)
        _chain.run_plain(problem, sigma, rng, sweeps)
        return Sampled(sigma, "markov-chain", "approximate", {"sweeps": sweeps})
    if mode == "two":
        sigma = sigma0.copy()
        fixed = _fix_two_cycles(problem, sigma, rng)
        if fixed is None:
            return _from_search(problem, rng, mode)
        sweeps = _chain.sweeps_for(m, repaired + fixed)
        _chain.run_two(problem, sigma, rng, sweeps)
        return Sampled(sigma, "markov-chain", "approximate", {"sweeps": sweeps})
    order = rng.permutation(m).astype(np.int64)
    moved = _fix_cycle(problem, order, rng)
    if moved is None or not valid(problem, _chain.order_to_sigma(order), mode):
        return _from_search(problem, rng, mode)
    sweeps = _chain.sweeps_for(m, moved)
    _chain.run_cycle(problem, order, rng, sweeps)
    return Sampled(_chain.order_to_sigma(order), "markov-chain", "approximate", {"sweeps": sweeps})


def _from_search(problem: Problem, rng: np.random.Generator, mode: Mode) -> Sampled:
    """The cycle options when random repair got stuck: search, then mix from what it found."""
    m = problem.m
    if m > _search.SEARCH_LIMIT:
        return Sampled(None, "search", "exact", {"search": "too large"}, proved=False)
    allowed = problem.allowed_matrix()
    if mode == "cycle":
        out = _search.search_cycles(allowed, want=1, rng=rng)
    else:
        out = _search.search_permutations(allowed, problem.single, avoid_two=True, want=1, rng=rng)
    details: dict[str, Any] = {"search_nodes": out.nodes}
    if mode == "cycle" and out.found and not valid(problem, out.found[0], mode):
        # Two people in one loop is a two-person loop: the only loop there is.
        return Sampled(None, "search", "exact", details, count=0, proved=True)
    if not out.found:
        return Sampled(
            None, "search", "exact", details, count=0 if out.complete else None, proved=out.complete
        )
    sigma = out.found[0]
    sweeps = _chain.heavy_sweeps(m)
    if mode == "cycle":
        order = _chain.sigma_to_order(sigma)
        assert order is not None
        _chain.run_cycle(problem, order, rng, sweeps)
        sigma = _chain.order_to_sigma(order)
    else:
        _chain.run_two(problem, sigma, rng, sweeps)
    return Sampled(sigma, "markov-chain", "approximate", {**details, "sweeps": sweeps})


def _fix_two_cycles(problem: Problem, sigma: IntArray, rng: np.random.Generator) -> int | None:
    """Break two-person loops by random swaps; how many were broken, or None if stuck."""
    bad = np.flatnonzero(_chain.two_cycles(problem, sigma))
    if not bad.size:
        return 0
    m = problem.m
    sig = sigma.tolist()
    single = problem.single.tolist()
    ok1 = problem.allowed1

    def loops(x: int) -> bool:
        y = sig[x]
        return bool(y != x and single[x] and single[y] and sig[y] == x)

    broken = 0
    for _ in range(8):
        todo = [x for x in bad.tolist() if loops(x)]
        if not todo:
            break
        for x in todo:
            if not loops(x):
                continue
            for y in rng.integers(0, m, 64).tolist():
                if y == x or not (ok1(x, sig[y]) and ok1(y, sig[x])):
                    continue
                sig[x], sig[y] = sig[y], sig[x]
                if loops(x) or loops(y):
                    sig[x], sig[y] = sig[y], sig[x]
                    continue
                broken += 1
                break
        bad = np.flatnonzero(_chain.two_cycles(problem, np.array(sig, dtype=np.int64)))
    sigma[:] = sig
    if _chain.two_cycles(problem, sigma).any():
        return None
    return broken


def _fix_cycle(problem: Problem, order: IntArray, rng: np.random.Generator) -> int | None:
    """Repair bad pairs of a random loop by swapping positions; None if stuck."""
    m = problem.m
    if m < 4:
        return None if not _edges_ok(problem, order).all() else 0
    moved = 0
    for _ in range(_ROUNDS):
        bad = np.flatnonzero(~_edges_ok(problem, order))
        if not bad.size:
            return moved
        if bad.size > 64:
            moved += _cycle_round(problem, order, bad, rng)
            continue
        ordl: list[int] = order.tolist()
        ok1 = problem.allowed1

        for p in bad.tolist():
            if ok1(ordl[p], ordl[(p + 1) % m]):
                continue
            a = (p + 1) % m
            for q in rng.integers(0, m, 64).tolist():
                if q == a:
                    continue
                touched = {(a - 1) % m, a, (q - 1) % m, q}
                ordl[a], ordl[q] = ordl[q], ordl[a]
                if all(ok1(ordl[t], ordl[(t + 1) % m]) for t in touched):
                    moved += 1
                    break
                ordl[a], ordl[q] = ordl[q], ordl[a]
        order[:] = ordl
    return moved if _edges_ok(problem, order).all() else None


def _edges_ok(problem: Problem, order: IntArray) -> BoolArray:
    return problem.allowed(order, np.roll(order, -1))


def _cycle_round(problem: Problem, order: IntArray, bad: IntArray, rng: np.random.Generator) -> int:
    """One vectorized round: for each bad pair at p, swap position p+1 with a random q."""
    m = problem.m
    a = (bad + 1) % m
    q = rng.integers(0, m, a.size).astype(np.int64)
    # Keep swaps whose windows (position and both neighbours) touch no other swap.
    win = np.concatenate([a - 1, a, a + 1, q - 1, q, q + 1]) % m
    counts = np.bincount(win, minlength=m)
    keep = (
        (counts[(a - 1) % m] == 1)
        & (counts[a] == 1)
        & (counts[(a + 1) % m] == 1)
        & (counts[(q - 1) % m] == 1)
        & (counts[q] == 1)
        & (counts[(q + 1) % m] == 1)
    )
    a, q = a[keep], q[keep]
    ca, cq = order[a], order[q]
    ok = (
        problem.allowed(order[(a - 1) % m], cq)
        & problem.allowed(cq, order[(a + 1) % m])
        & problem.allowed(order[(q - 1) % m], ca)
        & problem.allowed(ca, order[(q + 1) % m])
    )
    order[a[ok]] = cq[ok]
    order[q[ok]] = ca[ok]
    return int(ok.sum())
