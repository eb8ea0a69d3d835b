"""What a draw is asked to satisfy: participants, rules and options, validated once.

Ids are strings chosen by the caller (participant UUIDs in the service, names in
the CLI). Rules naming an unknown id are malformed input, except history: earlier
years naturally mention people who left, so their pairs are ignored.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np

from santa_core.draw.engine._errors import DrawInputError

Pair = tuple[str, str]
Year = tuple[Pair, ...]


@dataclass(frozen=True, slots=True)
class DrawOptions:
    """How the draw is shaped.

    ``history_years`` keeps only the last N years of ``history`` (None: all of it).
    """

    avoid_two_cycles: bool = False
    single_cycle: bool = False
    gifts_per_person: int = 1
    history_years: int | None = None

    def __post_init__(self) -> None:
        for name in ("avoid_two_cycles", "single_cycle"):
            if not isinstance(getattr(self, name), bool):
                raise DrawInputError(f"option {name} must be true or false")
        k = self.gifts_per_person
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise DrawInputError("option gifts_per_person must be an integer >= 1")
        years = self.history_years
        if years is not None and (
            not isinstance(years, int) or isinstance(years, bool) or years < 0
        ):
            raise DrawInputError("option history_years must be an integer >= 0 or null")
        if self.single_cycle and k > 1:
            raise DrawInputError("option single_cycle needs gifts_per_person 1")

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class DrawInput:
    """A box as the engine sees it. Construction validates; instances are always sound.

    ``history`` lists earlier years oldest first; each year is a tuple of
    ``(santa, giftee)`` pairs (several per santa when they gave several gifts).
    """

    participants: tuple[str, ...]
    groups: tuple[tuple[str, ...], ...] = ()
    exclusions: tuple[Pair, ...] = ()
    forced: tuple[Pair, ...] = ()
    history: tuple[Year, ...] = ()
    options: DrawOptions = field(default_factory=DrawOptions)
    _canonical: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _set = object.__setattr__
        _set(self, "participants", _ids(self.participants, "participants"))
        known = set(self.participants)
        if len(known) != len(self.participants):
            raise DrawInputError(
                f"duplicate participant id {_first_duplicate(self.participants)!r}"
            )
        if not self.participants:
            raise DrawInputError("participants must not be empty")
        _set(self, "groups", _groups(self.groups, known))
        _set(self, "exclusions", _pairs(self.exclusions, "exclusions", known))
        _set(self, "forced", _pairs(self.forced, "forced", known))
        _set(
            self, "history", tuple(_year(y, i) for i, y in enumerate(_seq(self.history, "history")))
        )
        if not isinstance(self.options, DrawOptions):
            raise DrawInputError("options must be DrawOptions")
        _check_forced(self.forced, self.options.gifts_per_person)

    @property
    def k(self) -> int:
        return self.options.gifts_per_person

    def history_in_force(self) -> tuple[Year, ...]:
        """The years that count: the last ``history_years`` of them."""
        years = self.options.history_years
        if years is None:
            return self.history
        return self.history[len(self.history) - years :] if years else ()

    def canonical(self) -> dict[str, Any]:
        """The box state the draw depends on, independent of input order.

        ``participants`` sorted; every rule as indices into that list, sorted and
        without duplicates (groups of one, self-exclusions and history pairs with
        people no longer in the box dropped); only the history years in force.
        The engine draws from this form, so inputs with the same canonical form
        and seed give the same draw, and the commitment covers exactly what matters.
        """
        if self._canonical is not None:
            return self._canonical
        ids = sorted(self.participants)
        index = dict(zip(ids, range(len(ids)), strict=True))
        n = len(ids)
        groups = sorted(sorted(map(index.__getitem__, g)) for g in self.groups if len(g) > 1)
        canon = {
            "participants": ids,
            "groups": groups,
            "exclusions": _index_pairs(self.exclusions, index, n),
            "forced": _index_pairs(self.forced, index, n),
            "history": [_index_pairs(year, index, n) for year in self.history_in_force()],
            "options": {**self.options.as_dict(), "history_years": None},
        }
        object.__setattr__(self, "_canonical", canon)
        return canon

    def canonical_json(self) -> bytes:
        return json.dumps(
            self.canonical(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()


def parse_input(data: object) -> DrawInput:
    """Build a :class:`DrawInput` from decoded JSON (the CLI and API format).

    Only ``participants`` is required; unknown keys are rejected so that a typo
    (``"exclusion"``) is an error rather than a silently ignored rule.
    """
    if not isinstance(data, Mapping):
        raise DrawInputError("input must be a JSON object")
    allowed = {"participants", "groups", "exclusions", "forced", "history", "options"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise DrawInputError(
            f"unknown key {unknown[0]!r} (expected one of {', '.join(sorted(allowed))})"
        )
    if "participants" not in data:
        raise DrawInputError("missing key 'participants'")
    # null means absent; any other value must have the right type ([] is no object).
    options = _given(data, "options", {})
    if not isinstance(options, Mapping):
        raise DrawInputError("options must be an object")
    option_names = {f.name for f in fields(DrawOptions)}
    bad = sorted(set(options) - option_names)
    if bad:
        raise DrawInputError(f"unknown option {bad[0]!r}")
    history = _given(data, "history", [])
    if not isinstance(history, list):
        raise DrawInputError("history must be a list of objects")
    return DrawInput(
        participants=data["participants"],
        groups=_given(data, "groups", ()),
        exclusions=_given(data, "exclusions", ()),
        forced=_given(data, "forced", ()),
        history=tuple(_year_from_json(y, i) for i, y in enumerate(history)),
        options=DrawOptions(**options),
    )


def _given(data: Mapping[str, Any], key: str, default: Any) -> Any:
    value = data.get(key)
    return default if value is None else value


def _index_pairs(pairs: Sequence[Pair], index: dict[str, int], n: int) -> list[list[int]]:
    """Pairs as sorted unique ``[santa, giftee]`` indices; unknown ids and self-pairs dropped."""
    if not pairs:
        return []
    ids = list(itertools.chain.from_iterable(pairs))
    if index.keys() >= set(ids):
        flat = np.fromiter(map(index.__getitem__, ids), dtype=np.int64, count=len(ids))
    else:
        flat = np.fromiter((index.get(x, -1) for x in ids), dtype=np.int64, count=len(ids))
    flat = flat.reshape(-1, 2)
    flat = flat[(flat >= 0).all(axis=1) & (flat[:, 0] != flat[:, 1])]
    codes = np.unique(flat[:, 0] * n + flat[:, 1])
    out: list[list[int]] = np.stack([codes // n, codes % n], axis=1).tolist()
    return out


def _seq(value: object, what: str) -> Sequence[Any]:
    if type(value) is list or type(value) is tuple:  # the common case, without ABC checks
        return value
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
        raise DrawInputError(f"{what} must be a list")
    return value


def _ids(value: object, what: str) -> tuple[str, ...]:
    items = tuple(_seq(value, what))
    if not (set(map(type, items)) <= {str} and all(items)):
        bad = next(item for item in items if not isinstance(item, str) or not item)
        raise DrawInputError(f"{what} must be non-empty strings, got {bad!r}")
    return items


def _first_duplicate(items: Iterable[str]) -> str:
    seen: set[str] = set()
    for item in items:
        if item in seen:
            return item
        seen.add(item)
    raise AssertionError("no duplicate")


def _known(pid: object, known: set[str], where: str) -> str:
    if not isinstance(pid, str):
        raise DrawInputError(f"{where}: ids must be strings, got {pid!r}")
    if pid not in known:
        raise DrawInputError(f"{where}: unknown participant {pid!r}")
    return pid


def _groups(value: object, known: set[str]) -> tuple[tuple[str, ...], ...]:
    groups = _seq(value, "groups")
    # Fast path, all C-level: lists of known ids without repeats.
    if set(map(type, groups)) <= {list, tuple}:
        members = list(itertools.chain.from_iterable(groups))
        if (
            set(map(type, members)) <= {str}
            and known.issuperset(members)
            and sum(map(len, map(set, groups))) == len(members)
        ):
            return tuple(map(tuple, groups))
    return tuple(_group(g, i, known) for i, g in enumerate(groups))


def _group(value: object, i: int, known: set[str]) -> tuple[str, ...]:
    members = tuple(_seq(value, f"groups[{i}]"))
    if not all(type(p) is str and p in known for p in members):
        for p in members:
            _known(p, known, f"groups[{i}]")
    if len(set(members)) != len(members):
        raise DrawInputError(f"groups[{i}]: duplicate member {_first_duplicate(members)!r}")
    return members


def _pairs(value: object, what: str, known: set[str]) -> tuple[Pair, ...]:
    out: list[Pair] = []
    for i, item in enumerate(_seq(value, what)):
        pair = tuple(_seq(item, f"{what}[{i}]"))
        if len(pair) != 2:
            raise DrawInputError(f"{what}[{i}] must be a [santa, giftee] pair")
        santa = _known(pair[0], known, f"{what}[{i}]")
        giftee = _known(pair[1], known, f"{what}[{i}]")
        if what == "forced" and santa == giftee:
            raise DrawInputError(f"forced[{i}]: {santa!r} cannot give to themselves")
        out.append((santa, giftee))
    return tuple(out)


def _year(value: object, i: int) -> Year:
    """A history year: pairs, or a santa -> giftee(s) mapping. Unknown ids are kept here
    and ignored by the engine (people who left)."""
    if isinstance(value, Mapping):
        return _year_from_json(value, i)
    items = _seq(value, f"history[{i}]")
    if (
        set(map(type, items)) <= {tuple}
        and set(map(len, items)) <= {2}
        and set(map(type, itertools.chain.from_iterable(items))) <= {str}
    ):
        return tuple(items)
    out: list[Pair] = []
    for j, item in enumerate(items):
        pair = tuple(_seq(item, f"history[{i}][{j}]"))
        if len(pair) != 2 or not all(isinstance(p, str) for p in pair):
            raise DrawInputError(f"history[{i}][{j}] must be a [santa, giftee] pair of ids")
        out.append((pair[0], pair[1]))
    return tuple(out)


def _year_from_json(value: object, i: int) -> Year:
    if not isinstance(value, Mapping):
        raise DrawInputError(f"history[{i}] must be an object mapping santa to giftee")
    if set(map(type, value.keys())) <= {str} and set(map(type, value.values())) <= {str}:
        return tuple(value.items())
    out: list[Pair] = []
    for santa, giftees in value.items():
        if not isinstance(santa, str):
            raise DrawInputError(f"history[{i}]: ids must be strings")
        targets = [giftees] if isinstance(giftees, str) else giftees
        if not isinstance(targets, list) or not all(isinstance(g, str) for g in targets):
            raise DrawInputError(f"history[{i}][{santa!r}] must be an id or a list of ids")
        out.extend((santa, g) for g in targets)
    return tuple(out)


def _check_forced(forced: tuple[Pair, ...], k: int) -> None:
    if len(set(forced)) != len(forced):
        dup = next(p for i, p in enumerate(forced) if p in forced[:i])
        raise DrawInputError(f"forced pair {list(dup)} appears twice")
    gives: dict[str, int] = {}
    gets: dict[str, int] = {}
    for santa, giftee in forced:
        gives[santa] = gives.get(santa, 0) + 1
        gets[giftee] = gets.get(giftee, 0) + 1
        if gives[santa] > k:
            raise DrawInputError(f"{santa!r} is forced to give more than {k} gift(s)")
        if gets[giftee] > k:
            raise DrawInputError(f"{giftee!r} is forced to receive more than {k} gift(s)")
