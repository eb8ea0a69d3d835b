from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="HouseholdUpdate")


@_attrs_define
class HouseholdUpdate:
    """
    Attributes:
        name (None | str | Unset):
        participant_ids (list[UUID] | None | Unset):
    """

    name: None | str | Unset = UNSET
    participant_ids: list[UUID] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        participant_ids: list[str] | None | Unset
        if isinstance(self.participant_ids, Unset):
            participant_ids = UNSET
        elif isinstance(self.participant_ids, list):
            participant_ids = []
            for participant_ids_type_0_item_data in self.participant_ids:
                participant_ids_type_0_item = str(participant_ids_type_0_item_data)
                participant_ids.append(participant_ids_type_0_item)

        else:
            participant_ids = self.participant_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if participant_ids is not UNSET:
            field_dict["participant_ids"] = participant_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_participant_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                participant_ids_type_0 = []
                _participant_ids_type_0 = data
                for participant_ids_type_0_item_data in _participant_ids_type_0:
                    participant_ids_type_0_item = UUID(participant_ids_type_0_item_data)

                    participant_ids_type_0.append(participant_ids_type_0_item)

                return participant_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        participant_ids = _parse_participant_ids(d.pop("participant_ids", UNSET))

        household_update = cls(
            name=name,
            participant_ids=participant_ids,
        )

        return household_update
