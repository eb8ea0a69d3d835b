"""Several gifts each: every santa gives k and receives k, all to different people.

A draw is a k-regular simple directed graph on the allowed pairs (forced pairs
are already-used edges; the rest of each person's capacity is drawn).
Feasibility is a flow (:func:`._flow.complete`). Sampling:

``rejection``
    The configuration model: pair the remaining gift "stubs" of santas with those
    of giftees by one uniformly random permutation, keep the result when it has
    no forbidden, repeated or (with the option) mutual pair. Every valid draw
    arises from the same number of stub pairings, so this is exactly uniform.
``markov-chain``
    The switch chain: pick two drawn pairs ``a -> b``, ``c -> d`` at random and
    switch them to ``a -> d``, ``c -> b`` when allowed, or (half of the proposals,
    sequential chain only) reverse a drawn loop ``a -> b -> c -> a``. Symmetric
    proposals, so the stationary distribution is uniform; ``SWITCH_SWEEPS`` proposals
    per drawn pair, or on large boxes ``4 * SWITCH_SWEEPS`` vectorized sweeps
    (:func:`_switch_batched`, switches only).

``exact-enumeration``
    When rejection finds nothing on a box of at most ``ENUMERATION_NODES`` people:
    list every valid draw (at most ``ENUMERATION_LIMIT``, within
    ``ENUMERATION_BUDGET`` search nodes) and pick one uniformly. Exactly uniform.
    Rejection failing on a small box means there are few valid draws, which is
    where the switch chain is least trustworthy: it is not irreducible in general
    (two draws may differ only by a reversed loop of three).

When mutual pairs are forbidden and the chain cannot start (every draw found has
one), boxes up to ``SEARCH_LIMIT`` people are searched exhaustively within
``SEARCH_BUDGET`` nodes, which proves impossibility or provides the start.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from santa_core.draw.engine._flow import Witness, complete, group_witness
from santa_core.draw.engine._problem import IntArray, Problem

SWITCH_SWEEPS = 40
#: Drawn pairs up to which the chain runs one switch at a time (in Python).
SEQUENTIAL_LIMIT = 4_000
#: Exhaustive search (mutual pairs forbidden) on boxes up to this size, within a node budget.
SEARCH_LIMIT = 60
SEARCH_BUDGET = 200_000
#: Stub operations the configuration-model sampler may spend.
REJECTION_BUDGET = 20_000_000
MAX_ATTEMPTS = 20_000
#: Boxes (in people) small enough to list every draw when rejection fails.
ENUMERATION_NODES = 10
#: Most draws listed, and search nodes spent listing them.
ENUMERATION_LIMIT = 20_000
ENUMERATION_BUDGET = 150_000

Out = list[list[int]]


def find(problem: Problem, rng: np.random.Generator) -> tuple[Out | None, Witness | None]:
    if problem.k >= problem.n:
        # More gifts than other people: the first santa proves it on their own.
        others = np.flatnonzero(
            problem.allowed(np.zeros(problem.m, dtype=np.int64), np.arange(problem.m))
        )
        return None, Witness((0,), tuple(others.tolist()))
    quick = group_witness(problem)
    if quick is not None:
        return None, quick
    xs, ys = _stubs(problem, rng)
    ok = problem.allowed(xs, ys)
    codes = xs * problem.m + ys
    _, first = np.unique(codes, return_index=True)
    keep = np.zeros(xs.size, dtype=np.bool_)
    keep[first] = True
    keep &= ok
    out: Out = [[] for _ in range(problem.m)]
    for x, y in zip(xs[keep].tolist(), ys[keep].tolist(), strict=True):
        out[x].append(y)
    witness = complete(problem, out, rng)
    return (None, witness) if witness is not None else (out, None)


def _stubs(problem: Problem, rng: np.random.Generator) -> tuple[IntArray, IntArray]:
    nodes = np.arange(problem.m, dtype=np.int64)
    xs = np.repeat(nodes, problem.cap_out)
    ys = np.repeat(nodes, problem.cap_in)
    return xs, ys[rng.permutation(ys.size)]


def _fixed_codes(problem: Problem) -> IntArray:
    return np.array([s * problem.m + g for s, g in problem.fixed], dtype=np.int64)


def _mutual(problem: Problem, codes: IntArray) -> bool:
    m = problem.m
    allc = np.sort(np.concatenate([codes, _fixed_codes(problem)]))
    rev = (allc % m) * m + allc // m
    pos = np.searchsorted(allc, rev)
    pos[pos == allc.size] = 0
    return bool((allc[pos] == rev).any())


def sample(
    problem: Problem, out0: Out, rng: np.random.Generator, *, force: str | None = None
) -> tuple[Out | None, str, dict[str, Any]]:
    stubs = int(problem.cap_out.sum())
    if stubs == 0:
        return [[] for _ in range(problem.m)], "forced", {}
    avoid_two = problem.options.avoid_two_cycles
    if force in (None, "rejection"):
        attempts = min(MAX_ATTEMPTS, max(1, REJECTION_BUDGET // stubs))
        for attempt in range(1, attempts + 1):
            xs, ys = _stubs(problem, rng)
            if not problem.allowed(xs, ys).all():
                continue
            codes = xs * problem.m + ys
            if np.unique(codes).size != codes.size:
                continue
            if avoid_two and _mutual(problem, codes):
                continue
            drawn: Out = [[] for _ in range(problem.m)]
            for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
                drawn[x].append(y)
            return drawn, "rejection", {"attempts": attempt}
    if force in (None, "exact") and problem.m <= ENUMERATION_NODES:
        draws, complete, nodes = enumerate_draws(problem)
        if complete:
            if not draws:
                return None, "exact-enumeration", {"search_nodes": nodes, "proved": True}
            pick = draws[int(rng.integers(0, len(draws)))]
            return pick, "exact-enumeration", {"search_nodes": nodes, "count": len(draws)}
    if force not in (None, "markov-chain"):
        raise ValueError(f"method {force!r} does not apply to this box")
    out, used, details = _switch(problem, out0, rng)
    if out is not None or problem.m > SEARCH_LIMIT:
        return out, used, details
    # The switch chain could not start (mutual pairs everywhere): search exhaustively.
    found, complete, nodes = search_draw(problem, rng)
    if found is None:
        return None, "search", {"search_nodes": nodes, "proved": complete}
    out, used, details = _switch(problem, found, rng)
    return out, used, {**details, "search_nodes": nodes}


def search_draw(problem: Problem, rng: np.random.Generator) -> tuple[Out | None, bool, int]:
    """Depth-first search for a draw without mutual pairs: (draw, explored all, nodes)."""
    found, complete, nodes = _search(problem, rng, want=1, avoid_two=True, budget=SEARCH_BUDGET)
    return (found[0] if found else None), complete, nodes


def enumerate_draws(problem: Problem) -> tuple[list[Out], bool, int]:
    """Every valid draw (cycle options included), while there are at most
    ``ENUMERATION_LIMIT`` of them: (draws, explored all, nodes)."""
    return _search(
        problem,
        None,
        want=ENUMERATION_LIMIT + 1,
        avoid_two=problem.options.avoid_two_cycles,
        budget=ENUMERATION_BUDGET,
    )


def _search(
    problem: Problem,
    rng: np.random.Generator | None,
    *,
    want: int,
    avoid_two: bool,
    budget: int,
) -> tuple[list[Out], bool, int]:
    """Depth-first search over santas in order: up to ``want`` draws, within ``budget``
    nodes (``rng`` None: candidates in a fixed order)."""
    m = problem.m
    allowed = problem.allowed_matrix()
    cap_out = problem.cap_out.tolist()
    left = problem.cap_in.copy()
    have = np.zeros((m, m), dtype=np.bool_)
    for s, g in problem.fixed:
        have[s, g] = True
    out: Out = [[] for _ in range(m)]
    found: list[Out] = []
    nodes = 0

    class Stop(Exception):
        pass

    def walk(x: int) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > budget:
            raise Stop
        if x == m:
            found.append([list(ys) for ys in out])
            if len(found) >= want:
                raise Stop
            return
        # Every giftee still needs enough santas among those not yet placed.
        later = allowed[x:].sum(axis=0)
        if (left > later).any():
            return
        usable = allowed[x] & (left > 0)
        if avoid_two:
            usable &= ~have[:, x]
        cands = np.flatnonzero(usable)
        if rng is not None:
            cands = cands[rng.permutation(cands.size)]
        for combo in itertools.combinations(cands.tolist(), cap_out[x]):
            for y in combo:
                have[x, y] = True
                left[y] -= 1
            out[x] = list(combo)
            walk(x + 1)
            for y in combo:
                have[x, y] = False
                left[y] += 1
        out[x] = []

    try:
        walk(0)
    except Stop:
        return found, False, nodes
    return found, True, nodes


def _switch(
    problem: Problem, out0: Out, rng: np.random.Generator
) -> tuple[Out | None, str, dict[str, Any]]:
    m = problem.m
    edges = [(x, y) for x, ys in enumerate(out0) for y in ys]
    have = set(edges) | set(problem.fixed)
    avoid_two = problem.options.avoid_two_cycles
    ok1 = problem.allowed1
    if avoid_two and not _break_mutual(problem, edges, have, rng):
        return None, "markov-chain", {"stuck": "mutual pairs"}
    e = len(edges)
    if e > SEQUENTIAL_LIMIT:
        return _switch_batched(problem, edges, rng)
    proposals = SWITCH_SWEEPS * e
    picks = rng.integers(0, e, size=(proposals, 2)).tolist() if e > 1 else []
    coins = rng.random(len(picks)).tolist()
    # Edges keep their santa through both moves, so each santa's edge indices are fixed.
    by_tail: list[list[int]] = [[] for _ in range(m)]
    for i, (x, _) in enumerate(edges):
        by_tail[x].append(i)
    for (i, j), coin in zip(picks, coins, strict=True):
        if coin >= 0.5:
            _reverse_triangle(edges, have, by_tail, i, coin, ok1)
            continue
        if i == j:
            continue
        a, b = edges[i]
        c, d = edges[j]
        if a == c or b == d or (a, d) in have or (c, b) in have:
            continue
        if not (ok1(a, d) and ok1(c, b)):
            continue
        if avoid_two and ((d, a) in have or (b, c) in have):
            continue
        have.difference_update(((a, b), (c, d)))
        have.update(((a, d), (c, b)))
        edges[i], edges[j] = (a, d), (c, b)
    out: Out = [[] for _ in range(m)]
    for x, y in edges:
        out[x].append(y)
    return out, "markov-chain", {"proposals": proposals}


def _reverse_triangle(
    edges: list[tuple[int, int]],
    have: set[tuple[int, int]],
    by_tail: list[list[int]],
    i: int,
    coin: float,
    ok1: Callable[[int, int], bool],
) -> None:
    """Propose reversing the loop ``a -> b -> c -> a`` that starts with edge ``i``.

    Switches alone do not connect all draws (two draws may differ only by the
    direction of a loop of three). The loop is proposed with probability
    ``sum(1 / drawn_out(v) for v in (a, b, c)) / edges``, the same for the loop
    and its reverse, so the chain stays symmetric and uniform-stationary.
    """
    a, b = edges[i]
    mine = by_tail[b]
    if not mine:
        return
    j = mine[min(len(mine) - 1, int((coin - 0.5) * 2 * len(mine)))]
    c = edges[j][1]
    if c == a:
        return
    back = next((h for h in by_tail[c] if edges[h][1] == a), None)
    if back is None:  # c -> a is not drawn, or is a forced pair (which stays)
        return
    if (a, c) in have or (c, b) in have or (b, a) in have:
        return
    if not (ok1(a, c) and ok1(c, b) and ok1(b, a)):
        return
    have.difference_update(((a, b), (b, c), (c, a)))
    have.update(((a, c), (b, a), (c, b)))
    edges[i], edges[j], edges[back] = (a, c), (b, a), (c, b)


def _switch_batched(
    problem: Problem, edge_list: list[tuple[int, int]], rng: np.random.Generator
) -> tuple[Out | None, str, dict[str, Any]]:
    """The switch chain in vectorized sweeps, for large boxes.

    Each sweep gives everyone a random bit; every santa with bit 1 offers one of
    their drawn pairs at random, kept if the giftee's bit is 0 and no other offered
    pair has the same giftee; offered pairs are matched at random and switched
    when allowed. A santa moves at most one pair and no moving santa is a giftee
    of a moving pair, so every check against the current pairs concerns pairs that
    do not move in the sweep, and the same offers map the result back: the sweep
    is symmetric, so the chain stays uniform-stationary.
    """
    m = problem.m
    arr = np.array(edge_list, dtype=np.int64).reshape(-1, 2)
    order = np.argsort(arr[:, 0], kind="stable")
    santa, giftee = arr[order, 0], arr[order, 1].copy()
    counts = np.bincount(santa, minlength=m)
    start = np.concatenate([[0], np.cumsum(counts)[:-1]])
    fixed = _fixed_codes(problem)
    avoid_two = problem.options.avoid_two_cycles
    sweeps = 4 * SWITCH_SWEEPS
    for _ in range(sweeps):
        bit = rng.integers(0, 2, m).astype(np.bool_)
        offer = np.flatnonzero(bit & (counts > 0))
        slot = start[offer] + (rng.random(offer.size) * counts[offer]).astype(np.int64)
        slot = slot[~bit[giftee[slot]]]
        slot = slot[np.bincount(giftee[slot], minlength=m)[giftee[slot]] == 1]
        slot = slot[rng.permutation(slot.size)]
        h = slot.size // 2
        if h == 0:
            continue
        i, j = slot[:h], slot[h : 2 * h]
        a, b, c, d = santa[i], giftee[i], santa[j], giftee[j]
        codes = np.sort(np.concatenate([santa * m + giftee, fixed]))
        ok = problem.allowed(a, d) & problem.allowed(c, b)
        ok &= ~_member(codes, a * m + d) & ~_member(codes, c * m + b)
        if avoid_two:
            ok &= ~_member(codes, d * m + a) & ~_member(codes, b * m + c)
        giftee[i[ok]] = d[ok]
        giftee[j[ok]] = b[ok]
    out: Out = [[] for _ in range(m)]
    for x, y in zip(santa.tolist(), giftee.tolist(), strict=True):
        out[x].append(y)
    return out, "markov-chain", {"sweeps": sweeps}


def _member(sorted_codes: IntArray, codes: IntArray) -> npt.NDArray[np.bool_]:
    pos = np.searchsorted(sorted_codes, codes)
    pos[pos == sorted_codes.size] = 0
    found: npt.NDArray[np.bool_] = sorted_codes[pos] == codes
    return found


def _break_mutual(
    problem: Problem,
    edges: list[tuple[int, int]],
    have: set[tuple[int, int]],
    rng: np.random.Generator,
) -> bool:
    """Remove mutual pairs by random switches (the chain needs a valid start)."""
    ok1 = problem.allowed1
    e = len(edges)
    for _ in range(20):
        bad = [i for i, (a, b) in enumerate(edges) if (b, a) in have]
        if not bad:
            return True
        for i in bad:
            a, b = edges[i]
            if (b, a) not in have:
                continue
            for j in rng.integers(0, e, 64).tolist():
                c, d = edges[j]
                if j == i or a == c or b == d or (a, d) in have or (c, b) in have:
                    continue
                if not (ok1(a, d) and ok1(c, b)) or (d, a) in have or (b, c) in have:
                    continue
                have.difference_update(((a, b), (c, d)))
                have.update(((a, d), (c, b)))
                edges[i], edges[j] = (a, d), (c, b)
                break
    return not any((b, a) in have for a, b in edges)
