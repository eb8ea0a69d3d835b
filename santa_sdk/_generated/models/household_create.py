from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="HouseholdCreate")


@_attrs_define
class HouseholdCreate:
    """People who give no gifts to each other, both ways, set in one step.

    Attributes:
        participant_ids (list[UUID]):
        name (str | Unset):  Default: ''.
    """

    participant_ids: list[UUID]
    name: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        participant_ids = []
        for participant_ids_item_data in self.participant_ids:
            participant_ids_item = str(participant_ids_item_data)
            participant_ids.append(participant_ids_item)

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "participant_ids": participant_ids,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_ids = []
        _participant_ids = d.pop("participant_ids")
        for participant_ids_item_data in _participant_ids:
            participant_ids_item = UUID(participant_ids_item_data)

            participant_ids.append(participant_ids_item)

        name = d.pop("name", UNSET)

        household_create = cls(
            participant_ids=participant_ids,
            name=name,
        )

        return household_create
