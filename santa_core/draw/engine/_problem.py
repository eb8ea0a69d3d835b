"""The integer form every algorithm works on.

Rules become three things that vectorize: a group label per side (``gs`` for the
giving side, ``gg`` for the receiving side; equal labels may not pair, and a
person without a group has a label of their own, which also forbids giving to
oneself), a table of explicitly forbidden pairs (exclusions, history, people in
several groups), and forced pairs.

With one gift each, forced pairs are contracted: a forced chain ``a -> b -> c``
becomes one node that receives as ``a`` and gives as ``c``. Draws of the
contracted nodes correspond one to one to draws of the people that honour the
forced pairs, so every sampler stays exact without knowing about them. With
several gifts each, forced pairs are kept as already-used edges and the
remaining capacity (``cap_out``, ``cap_in``) is what is left to draw.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from santa_core.draw.engine._errors import DrawInputError
from santa_core.draw.engine._model import DrawInput, DrawOptions

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: Rows with more explicit forbidden pairs than this go to a sorted overflow index.
_DENSE_COLUMNS = 16
#: Scalar lookups answered from numpy before converting whole arrays to lists.
_SCALAR_WARMUP = 20_000


@dataclass(frozen=True)
class IndexedInput:
    """A box in integer form, for very large boxes where string ids cost more than the draw.

    People are ``0..n-1``. ``group[i]`` is a group label (``-1``: none; a person is in at
    most one group here, overlapping groups go to ``forbidden``). ``history`` holds dense
    years (``history[y][i]`` is the giftee of ``i`` that year, ``-1``: none);
    ``forbidden`` and ``forced`` are ``(p, 2)`` arrays of ``[santa, giftee]``.
    """

    n: int
    group: IntArray
    history: tuple[IntArray, ...] = ()
    forbidden: IntArray | None = None
    forced: IntArray | None = None
    options: DrawOptions = field(default_factory=DrawOptions)

    def __post_init__(self) -> None:
        n = self.n
        if n < 1:
            raise DrawInputError("participants must not be empty")
        if self.group.shape != (n,):
            raise DrawInputError("group must have one label per participant")
        for year in self.history:
            if year.shape != (n,) or (year.size and (year.min() < -1 or year.max() >= n)):
                raise DrawInputError("history years must be arrays of n giftee indices or -1")
        for name in ("forbidden", "forced"):
            arr = getattr(self, name)
            if (
                arr is not None
                and arr.size
                and (arr.ndim != 2 or arr.shape[1] != 2 or arr.min() < 0 or arr.max() >= n)
            ):
                raise DrawInputError(f"{name} must be an array of [santa, giftee] indices")
        forced = self.forced
        if forced is not None and forced.size:
            if (forced[:, 0] == forced[:, 1]).any():
                raise DrawInputError("a forced pair gives to themselves")
            k = self.options.gifts_per_person
            if (
                np.bincount(forced[:, 0], minlength=n).max() > k
                or np.bincount(forced[:, 1], minlength=n).max() > k
            ):
                raise DrawInputError(f"someone is forced to give or receive more than {k} gift(s)")
            if len(np.unique(forced[:, 0] * n + forced[:, 1])) != len(forced):
                raise DrawInputError("a forced pair appears twice")


class ForbidTable:
    """Explicitly forbidden ``(x, y)`` pairs of a node space, checkable in bulk."""

    def __init__(self, m: int, dense: Sequence[IntArray], xs: IntArray, ys: IntArray) -> None:
        self.m = m
        self.columns: list[IntArray] = [c for c in dense if (c >= 0).any()]
        keep = (xs >= 0) & (ys >= 0)
        xs, ys = xs[keep], ys[keep]
        self.overflow = np.zeros(0, dtype=np.int64)
        if xs.size:
            codes = np.unique(xs * m + ys)
            xs, ys = codes // m, codes % m
            counts = np.bincount(xs, minlength=m)
            heavy = counts[xs] > _DENSE_COLUMNS
            self.overflow = codes[heavy]
            xs, ys = xs[~heavy], ys[~heavy]
            if xs.size:
                start = np.searchsorted(xs, xs, side="left")
                rank = np.arange(xs.size) - start
                for r in range(int(rank.max()) + 1):
                    col = np.full(m, -1, dtype=np.int64)
                    sel = rank == r
                    col[xs[sel]] = ys[sel]
                    self.columns.append(col)
        self._rows: dict[int, frozenset[int]] = {}
        self._lists: list[list[int]] | None = None

    def contains(self, xs: IntArray, ys: IntArray) -> BoolArray:
        out = np.zeros(xs.shape, dtype=np.bool_)
        for col in self.columns:
            out |= col[xs] == ys
        if self.overflow.size:
            codes = xs * self.m + ys
            pos = np.searchsorted(self.overflow, codes)
            pos[pos == self.overflow.size] = 0
            out |= self.overflow[pos] == codes
        return out

    def row(self, x: int) -> frozenset[int]:
        """The forbidden ``y`` of one ``x`` (cached; for the scalar algorithms)."""
        cached = self._rows.get(x)
        if cached is not None:
            return cached
        if self._lists is None and len(self._rows) >= _SCALAR_WARMUP:
            self._lists = [c.tolist() for c in self.columns]
        if self._lists is not None:
            items = {c[x] for c in self._lists if c[x] >= 0}
        else:
            items = {v for c in self.columns if (v := c.item(x)) >= 0}
        if self.overflow.size:
            lo = np.searchsorted(self.overflow, x * self.m)
            hi = np.searchsorted(self.overflow, (x + 1) * self.m)
            items.update((self.overflow[lo:hi] % self.m).tolist())
        row = frozenset(items)
        self._rows[x] = row
        return row

    def counts(self) -> IntArray:
        """Forbidden pairs per ``x`` (an upper bound; duplicates across columns count twice)."""
        out = np.zeros(self.m, dtype=np.int64)
        for col in self.columns:
            out += col >= 0
        if self.overflow.size:
            out += np.bincount(self.overflow // self.m, minlength=self.m)
        return out


@dataclass
class Problem:
    """A compiled box. See the module docstring for the node space."""

    n: int
    k: int
    options: DrawOptions
    m: int
    tail: IntArray
    head: IntArray
    single: BoolArray
    gs: IntArray
    gg: IntArray
    forbid: ForbidTable
    label: IntArray
    #: Forced pairs (person space), part of every draw.
    fixed: list[tuple[int, int]]
    #: Forced pairs that break another rule: (santa, giftee, why).
    conflicts: list[tuple[int, int, str]]
    cap_out: IntArray
    cap_in: IntArray
    #: Loops made of forced pairs only (one gift each): settled, outside the node space.
    cycles: list[list[int]] = field(default_factory=list)
    ids: tuple[str, ...] | None = None
    _scalar: dict[str, Any] = field(default_factory=dict)

    def allowed(self, xs: IntArray, ys: IntArray) -> BoolArray:
        """Whether node ``x`` may give to node ``y``, elementwise (cycle options aside)."""
        out: BoolArray = (self.gs[xs] != self.gg[ys]) & ~self.forbid.contains(xs, ys)
        return out

    def allowed_rows(self, sigmas: IntArray) -> BoolArray:
        """:meth:`allowed` for whole draws: row ``r`` gives node ``x`` to ``sigmas[r, x]``.

        The giving side is the identity, so it needs no gathers (rejection's hot loop).
        """
        out: BoolArray = self.gs[None, :] != self.gg[sigmas]
        for col in self.forbid.columns:
            out &= col[None, :] != sigmas
        if self.forbid.overflow.size:
            xs = np.broadcast_to(np.arange(self.m, dtype=np.int64), sigmas.shape)
            out &= ~self.forbid.contains(xs.ravel(), sigmas.ravel()).reshape(sigmas.shape)
        return out

    def allowed1(self, x: int, y: int) -> bool:
        """Scalar :meth:`allowed`; switches to Python lists once it is used a lot."""
        s = self._scalar
        if "gs" not in s:
            calls = s["calls"] = s.get("calls", 0) + 1
            if calls < _SCALAR_WARMUP:
                return bool(self.gs.item(x) != self.gg.item(y) and y not in self.forbid.row(x))
            s["gs"] = self.gs.tolist()
            s["gg"] = self.gg.tolist()
        return bool(s["gs"][x] != s["gg"][y] and y not in self.forbid.row(x))

    def allowed_matrix(self) -> BoolArray:
        """The full ``m x m`` allowed matrix (small boxes only)."""
        xs = np.repeat(np.arange(self.m, dtype=np.int64), self.m)
        ys = np.tile(np.arange(self.m, dtype=np.int64), self.m)
        return self.allowed(xs, ys).reshape(self.m, self.m)

    def name(self, person: int) -> str:
        return self.ids[person] if self.ids is not None else str(person)

    def expand(self, sigma: IntArray) -> IntArray:
        """Giftee of every person, from a node permutation (one gift each)."""
        out = np.full(self.n, -1, dtype=np.int64)
        out[self.tail] = self.head[sigma]
        for santa, giftee in self.fixed:
            out[santa] = giftee
        return out


def compile_input(data: DrawInput, *, contract: bool = True) -> Problem:
    """Index a validated :class:`DrawInput` in canonical (sorted) order.

    ``contract=False`` keeps people as nodes even with one gift each (forced pairs
    become used edges), which is what repairing an existing draw needs.
    """
    canon = data.canonical()
    ids: list[str] = canon["participants"]
    n = len(ids)
    groups: list[list[int]] = canon["groups"]
    flat = np.fromiter(itertools.chain.from_iterable(groups), dtype=np.int64)
    gid = np.repeat(np.arange(len(groups), dtype=np.int64), [len(g) for g in groups])
    # Everyone is labelled by their first group; pairs from later groups become explicit.
    group = np.full(n, len(groups), dtype=np.int64)
    np.minimum.at(group, flat, gid)
    group[group == len(groups)] = -1
    extra: list[list[int]] = []
    if flat.size and np.bincount(flat, minlength=n).max() > 1:
        for gi in np.unique(gid[group[flat] != gid]).tolist():
            members = groups[gi]
            extra.extend(
                [a, b] for a in members for b in members if a != b and group[a] != group[b]
            )
    pairs: list[list[int]] = list(canon["exclusions"])
    for year in canon["history"]:
        pairs.extend(year)
    pairs.extend(extra)
    indexed = IndexedInput(
        n=n,
        group=group,
        forbidden=np.array(pairs, dtype=np.int64).reshape(-1, 2),
        forced=np.array(canon["forced"], dtype=np.int64).reshape(-1, 2),
        options=data.options,
    )
    return compile_indexed(indexed, ids=tuple(ids), contract=contract)


def compile_indexed(
    data: IndexedInput, *, ids: tuple[str, ...] | None = None, contract: bool = True
) -> Problem:
    """Build the node space (see the module docstring)."""
    n, k = data.n, data.options.gifts_per_person
    label = data.group.astype(np.int64, copy=True)
    if label.size and label.max() > 4 * n:  # keep labels small enough to bincount
        grouped = label >= 0
        label[grouped] = np.unique(label[grouped], return_inverse=True)[1]
    lone = label < 0
    base = int(label.max()) + 1 if n else 0
    label[lone] = base + np.flatnonzero(lone)
    fb = data.forbidden if data.forbidden is not None else np.zeros((0, 2), dtype=np.int64)
    forced = data.forced if data.forced is not None else np.zeros((0, 2), dtype=np.int64)
    conflicts = _forced_conflicts(data, label, fb, forced)
    if k == 1 and contract:
        return _contract(data, label, fb, forced, conflicts, ids)
    people = np.arange(n, dtype=np.int64)
    xs = np.concatenate([fb[:, 0], forced[:, 0]])
    ys = np.concatenate([fb[:, 1], forced[:, 1]])
    dense = list(data.history)
    # Nobody can give more than n - 1 gifts; the capacity stays small (and in int64)
    # for absurd k, which the samplers then refuse with a witness (``_multi.find``).
    cap = min(k, n)
    cap_out = cap - np.bincount(forced[:, 0], minlength=n).astype(np.int64)
    cap_in = cap - np.bincount(forced[:, 1], minlength=n).astype(np.int64)
    return Problem(
        n=n,
        k=k,
        options=data.options,
        m=n,
        tail=people,
        head=people,
        single=np.ones(n, dtype=np.bool_),
        gs=label,
        gg=label,
        forbid=ForbidTable(n, dense, xs, ys),
        label=label,
        fixed=[(int(s), int(g)) for s, g in forced.tolist()],
        conflicts=conflicts,
        cap_out=cap_out,
        cap_in=cap_in,
        ids=ids,
    )


def _forced_conflicts(
    data: IndexedInput, label: IntArray, fb: IntArray, forced: IntArray
) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    if not forced.size:
        return out
    n = data.n
    banned = set((fb[:, 0] * n + fb[:, 1]).tolist())
    history = [y.tolist() for y in data.history]
    pairs = set(map(tuple, forced.tolist()))
    for s, g in forced.tolist():
        if label[s] == label[g]:
            out.append((s, g, "group"))
        elif s * n + g in banned or any(year[s] == g for year in history):
            out.append((s, g, "rule"))
        elif data.options.avoid_two_cycles and (g, s) in pairs and s < g:
            out.append((s, g, "two_cycle"))
    return out


def _contract(
    data: IndexedInput,
    label: IntArray,
    fb: IntArray,
    forced: IntArray,
    conflicts: list[tuple[int, int, str]],
    ids: tuple[str, ...] | None,
) -> Problem:
    n = data.n
    nxt = np.full(n, -1, dtype=np.int64)
    has_prev = np.zeros(n, dtype=np.bool_)
    if forced.size:
        nxt[forced[:, 0]] = forced[:, 1]
        has_prev[forced[:, 1]] = True
    heads = np.flatnonzero(~has_prev).astype(np.int64)
    tails = heads.copy()
    size = np.ones(heads.size, dtype=np.int64)
    cycles: list[list[int]] = []
    if forced.size:
        # Walk the (few) forced chains in Python; everyone else is their own node.
        nxt_l = nxt.tolist()
        tl = tails.tolist()
        sz = size.tolist()
        seen = set(heads.tolist())
        for i, h in enumerate(heads.tolist()):
            cur, length = h, 1
            while nxt_l[cur] >= 0:
                cur = nxt_l[cur]
                seen.add(cur)
                length += 1
            tl[i], sz[i] = cur, length
        tails = np.array(tl, dtype=np.int64)
        size = np.array(sz, dtype=np.int64)
        # Whoever no chain reached sits on a loop made of forced pairs only.
        for start in forced[:, 0].tolist():
            if start in seen:
                continue
            cycle = [start]
            seen.add(start)
            cur = nxt_l[start]
            while cur != start:
                cycle.append(cur)
                seen.add(cur)
                cur = nxt_l[cur]
            cycles.append(cycle)
    m = int(heads.size)
    node_of_head = np.full(n, -1, dtype=np.int64)
    node_of_head[heads] = np.arange(m, dtype=np.int64)
    node_of_tail = np.full(n, -1, dtype=np.int64)
    node_of_tail[tails] = np.arange(m, dtype=np.int64)

    def to_nodes(s: IntArray, g: IntArray) -> tuple[IntArray, IntArray]:
        xs = node_of_tail[s]
        ys = node_of_head[np.maximum(g, 0)]
        ys[g < 0] = -1
        return xs, ys

    dense: list[IntArray] = []
    for year in data.history:
        col = np.full(m, -1, dtype=np.int64)
        g = year[tails]
        ys = node_of_head[np.maximum(g, 0)]
        ys[g < 0] = -1
        col[:] = ys
        dense.append(col)
    xs, ys = to_nodes(fb[:, 0], fb[:, 1])
    single = size == 1
    if data.options.avoid_two_cycles:
        # Closing a forced pair a -> b into b -> a would be a two-person loop.
        pairs_nodes = np.flatnonzero(size == 2).astype(np.int64)
        xs = np.concatenate([xs, pairs_nodes])
        ys = np.concatenate([ys, pairs_nodes])
    return Problem(
        n=n,
        k=1,
        options=data.options,
        m=m,
        tail=tails,
        head=heads,
        single=single,
        gs=label[tails],
        gg=label[heads],
        forbid=ForbidTable(m, dense, xs, ys),
        label=label,
        fixed=[(int(s), int(g)) for s, g in forced.tolist()],
        conflicts=conflicts,
        cycles=cycles,
        cap_out=np.ones(m, dtype=np.int64),
        cap_in=np.ones(m, dtype=np.int64),
        ids=ids,
    )
