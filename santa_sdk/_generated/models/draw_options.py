from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="DrawOptions")


@_attrs_define
class DrawOptions:
    """How the draw is shaped (checked again by the engine).

    Attributes:
        avoid_two_cycles (bool | Unset):  Default: False.
        gifts_per_person (int | Unset):  Default: 1.
        history_years (int | None | Unset):
        single_cycle (bool | Unset):  Default: False.
    """

    avoid_two_cycles: bool | Unset = False
    gifts_per_person: int | Unset = 1
    history_years: int | None | Unset = UNSET
    single_cycle: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        avoid_two_cycles = self.avoid_two_cycles

        gifts_per_person = self.gifts_per_person

        history_years: int | None | Unset
        if isinstance(self.history_years, Unset):
            history_years = UNSET
        else:
            history_years = self.history_years

        single_cycle = self.single_cycle

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if avoid_two_cycles is not UNSET:
            field_dict["avoid_two_cycles"] = avoid_two_cycles
        if gifts_per_person is not UNSET:
            field_dict["gifts_per_person"] = gifts_per_person
        if history_years is not UNSET:
            field_dict["history_years"] = history_years
        if single_cycle is not UNSET:
            field_dict["single_cycle"] = single_cycle

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        avoid_two_cycles = d.pop("avoid_two_cycles", UNSET)

        gifts_per_person = d.pop("gifts_per_person", UNSET)

        def _parse_history_years(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        history_years = _parse_history_years(d.pop("history_years", UNSET))

        single_cycle = d.pop("single_cycle", UNSET)

        draw_options = cls(
            avoid_two_cycles=avoid_two_cycles,
            gifts_per_person=gifts_per_person,
            history_years=history_years,
            single_cycle=single_cycle,
        )

        return draw_options
