"""Exact counting and sampling for small boxes, by dynamic programming over subsets.

``permanent_table`` counts, for every set of giftees, the ways to give them to the
first santas (santa ``p`` takes one of the set of size ``p + 1``): the last entry
is the number of valid draws, and walking the table backwards with weights picks
a draw with exactly uniform probability. ``cycle_table`` is the Held-Karp
analogue for single loops (paths from node 0). Both are vectorized per layer of
equal popcount; counts fit in int64 up to the limits below (20! < 2**63).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

from santa_core.draw.engine._problem import BoolArray, IntArray

#: Largest node count for the permanent table (2**20 int64 = 8 MB, ~0.3 s).
PERMANENT_LIMIT = 20
#: Largest node count for the Held-Karp table (2**16 x 16 int64 = 8 MB).
CYCLE_LIMIT = 16

Table = npt.NDArray[np.int64]


def _layers(m: int) -> list[IntArray]:
    masks = np.arange(1 << m, dtype=np.int64)
    pc = np.bitwise_count(masks)
    order = np.argsort(pc, kind="stable")
    bounds = np.searchsorted(pc[order], np.arange(m + 2))
    return [order[bounds[p] : bounds[p + 1]] for p in range(m + 1)]


def permanent_table(allowed: BoolArray) -> Table:
    m = allowed.shape[0]
    dp = np.zeros(1 << m, dtype=np.int64)
    dp[0] = 1
    for p, masks in enumerate(_layers(m)):
        if p == 0:
            continue
        santa = p - 1
        acc = np.zeros(masks.size, dtype=np.int64)
        for j in np.flatnonzero(allowed[santa]).tolist():
            has = ((masks >> j) & 1).astype(np.bool_)
            acc[has] += dp[masks[has] ^ (1 << j)]
        dp[masks] = acc
    return dp


def sample_permanent(allowed: BoolArray, dp: Table, rng: np.random.Generator) -> IntArray:
    m = allowed.shape[0]
    sigma = np.empty(m, dtype=np.int64)
    mask = (1 << m) - 1
    for santa in range(m - 1, -1, -1):
        r = int(rng.integers(0, int(dp[mask])))
        for j in np.flatnonzero(allowed[santa]).tolist():
            if not (mask >> j) & 1:
                continue
            w = int(dp[mask ^ (1 << j)])
            if r < w:
                sigma[santa] = j
                mask ^= 1 << j
                break
            r -= w
    return sigma


def iter_permanent(allowed: BoolArray, dp: Table) -> Iterator[IntArray]:
    """Every draw counted by the table, without dead ends."""
    m = allowed.shape[0]
    sigma = np.empty(m, dtype=np.int64)
    cands = [np.flatnonzero(allowed[s]).tolist() for s in range(m)]

    def walk(santa: int, mask: int) -> Iterator[IntArray]:
        if santa < 0:
            yield sigma.copy()
            return
        for j in cands[santa]:
            if (mask >> j) & 1 and dp[mask ^ (1 << j)]:
                sigma[santa] = j
                yield from walk(santa - 1, mask ^ (1 << j))

    yield from walk(m - 1, (1 << m) - 1)


def cycle_table(allowed: BoolArray) -> Table:
    """``dp[mask, v]``: paths from node 0 through exactly ``mask``, ending at ``v``."""
    m = allowed.shape[0]
    dp = np.zeros((1 << m, m), dtype=np.int64)
    dp[1, 0] = 1
    a = allowed.astype(np.int64)
    for p, masks in enumerate(_layers(m)):
        if p < 2:
            continue
        masks = masks[(masks & 1) == 1]
        for v in range(1, m):
            sel = masks[((masks >> v) & 1).astype(np.bool_)]
            if sel.size:
                dp[sel, v] = dp[sel ^ (1 << v)] @ a[:, v]
    return dp


def cycle_count(allowed: BoolArray, dp: Table) -> int:
    m = allowed.shape[0]
    if m == 1:
        return int(allowed[0, 0])
    full = (1 << m) - 1
    return int(dp[full] @ allowed[:, 0].astype(np.int64))


def sample_cycle(allowed: BoolArray, dp: Table, rng: np.random.Generator) -> IntArray:
    m = allowed.shape[0]
    sigma = np.empty(m, dtype=np.int64)
    if m == 1:
        sigma[0] = 0
        return sigma
    mask = (1 << m) - 1
    weights = dp[mask] * allowed[:, 0]
    nxt = 0
    while True:
        r = int(rng.integers(0, int(weights.sum())))
        v = int(np.searchsorted(np.cumsum(weights), r, side="right"))
        sigma[v] = nxt
        if v == 0:
            return sigma
        mask ^= 1 << v
        nxt = v
        weights = dp[mask] * allowed[:, v]


def iter_cycles(allowed: BoolArray, dp: Table) -> Iterator[IntArray]:
    m = allowed.shape[0]
    if m == 1:
        if allowed[0, 0]:
            yield np.zeros(1, dtype=np.int64)
        return
    sigma = np.empty(m, dtype=np.int64)

    def walk(mask: int, nxt: int) -> Iterator[IntArray]:
        for v in range(m):
            if not allowed[v, nxt] or not dp[mask, v]:
                continue
            sigma[v] = nxt
            if v == 0:
                if mask == 1:
                    yield sigma.copy()
                continue
            yield from walk(mask ^ (1 << v), v)

    yield from walk((1 << m) - 1, 0)
