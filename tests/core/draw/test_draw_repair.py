"""Repair after someone leaves or joins: only the pairs that must change do."""

from __future__ import annotations

import pytest

from santa_core.draw.engine import (
    Draw,
    DrawInput,
    DrawOptions,
    Infeasible,
    Repair,
    parse_input,
    repair,
    solve,
)
from tests.core.draw.draw_brute import is_valid

IDS = [f"p{i:02d}" for i in range(16)]
GROUPS = [IDS[0:2], IDS[2:4], IDS[4:7]]


def box(ids: list[str], **options: bool) -> DrawInput:
    groups = [[p for p in g if p in ids] for g in GROUPS]
    return parse_input({"participants": ids, "groups": groups, "options": options})


def first_draw(data: DrawInput, seed: str) -> dict[str, tuple[str, ...]]:
    result = solve(data, seed=seed)
    assert isinstance(result, Draw)
    return dict(result.assignments)


def repaired(data: DrawInput, current: dict[str, tuple[str, ...]], **kw: object) -> Repair:
    result = repair(data, current, **kw)  # type: ignore[arg-type]
    assert isinstance(result, Repair)
    assert is_valid(data, result.assignments)
    assert not result.redrawn
    return result


def assert_unaffected_kept(old: dict[str, tuple[str, ...]], new: Repair) -> None:
    for santa, giftees in old.items():
        if santa in new.assignments and santa not in new.changed:
            assert new.assignments[santa] == giftees


OPTIONS = [{}, {"avoid_two_cycles": True}, {"single_cycle": True}]
#: Most santas a removal may move: the leaver's santa, plus one more when the direct
#: fix is forbidden; a single loop may need to cut once more to reconnect.
MOST_MOVED = {(): 2, ("avoid_two_cycles",): 3, ("single_cycle",): 3}


class TestRemove:
    @pytest.mark.parametrize("options", OPTIONS)
    @pytest.mark.parametrize("seed", range(8))
    def test_only_the_santa_of_the_leaver_and_at_most_one_more(
        self, options: dict[str, bool], seed: int
    ) -> None:
        old = first_draw(box(IDS, **options), f"old{seed}")
        leaver = IDS[seed]
        result = repaired(box([p for p in IDS if p != leaver], **options), old, seed=str(seed))
        assert result.removed == (leaver,)
        santa_of_leaver = next(s for s, g in old.items() if leaver in g)
        assert santa_of_leaver in result.changed
        assert len(result.changed) <= MOST_MOVED[tuple(options)]
        assert_unaffected_kept(old, result)

    def test_prefers_santas_who_have_not_opened(self) -> None:
        for seed in range(8):
            old = first_draw(box(IDS), f"old{seed}")
            leaver = IDS[10]
            santa_of_leaver = next(s for s, g in old.items() if leaver in g)
            opened = [p for p in IDS if p not in (santa_of_leaver, IDS[15], IDS[14])]
            result = repaired(
                box([p for p in IDS if p != leaver]), old, opened=opened, seed=str(seed)
            )
            assert result.changed_opened == ()


class TestAdd:
    @pytest.mark.parametrize("options", OPTIONS)
    @pytest.mark.parametrize("seed", range(8))
    def test_newcomer_plus_exactly_one_santa(self, options: dict[str, bool], seed: int) -> None:
        old = first_draw(box(IDS, **options), f"old{seed}")
        result = repaired(box([*IDS, "new"], **options), old, seed=str(seed))
        assert result.added == ("new",)
        assert "new" in result.changed
        assert len(result.changed) == 2
        assert result.kept == len(IDS) - 1
        assert_unaffected_kept(old, result)

    def test_who_moves_is_random_among_the_unopened(self) -> None:
        old = first_draw(box(IDS), "old")
        unopened = {IDS[3], IDS[8], IDS[12]}
        moved = set()
        for seed in range(30):
            result = repaired(
                box([*IDS, "new"]),
                old,
                opened=[p for p in IDS if p not in unopened],
                seed=str(seed),
            )
            (santa,) = set(result.changed) - {"new"}
            moved.add(santa)
        assert moved <= unopened
        assert len(moved) > 1


class TestRulesRechecked:
    def test_new_exclusion_breaks_a_pair(self) -> None:
        old = first_draw(box(IDS), "old")
        santa, (giftee,) = next(iter(old.items()))
        data = parse_input({"participants": IDS, "groups": GROUPS, "exclusions": [[santa, giftee]]})
        result = repaired(data, old, seed="x")
        assert santa in result.changed
        assert giftee not in result.assignments[santa]
        assert_unaffected_kept(old, result)

    def test_several_gifts_each(self) -> None:
        data = DrawInput(participants=tuple(IDS), options=DrawOptions(gifts_per_person=2))
        old = first_draw(data, "old")
        smaller = DrawInput(participants=tuple(IDS[1:]), options=DrawOptions(gifts_per_person=2))
        result = repaired(smaller, old, seed="x")
        assert_unaffected_kept(old, result)
        assert len(result.changed) <= 4

    def test_impossible_after_change_is_explained(self) -> None:
        old = first_draw(box(IDS[:4]), "old")
        result = repair(box(IDS[:3]), old, seed="x")
        assert isinstance(result, Infeasible)
        assert result.reason == "hall"


@pytest.mark.parametrize("options", [{}, {"single_cycle": True}, {"gifts_per_person": 2}])
def test_a_forced_pair_now_against_a_rule_is_infeasible(options: dict[str, object]) -> None:
    before = {"participants": ["a", "b", "c", "d"], "forced": [["a", "b"]], "options": options}
    current = first_draw(parse_input(before), "f")
    after = parse_input(before | {"exclusions": [["a", "b"]]})
    result = repair(after, current, seed="f")
    assert isinstance(result, Infeasible)
    assert result.reason == "forced_conflict"
    assert result.witness == ("a",)
