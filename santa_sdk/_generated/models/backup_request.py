from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="BackupRequest")


@_attrs_define
class BackupRequest:
    """
    Attributes:
        santa_participant_id (None | Unset | UUID):
    """

    santa_participant_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        santa_participant_id: None | str | Unset
        if isinstance(self.santa_participant_id, Unset):
            santa_participant_id = UNSET
        elif isinstance(self.santa_participant_id, UUID):
            santa_participant_id = str(self.santa_participant_id)
        else:
            santa_participant_id = self.santa_participant_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if santa_participant_id is not UNSET:
            field_dict["santa_participant_id"] = santa_participant_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_santa_participant_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                santa_participant_id_type_0 = UUID(data)

                return santa_participant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        santa_participant_id = _parse_santa_participant_id(
            d.pop("santa_participant_id", UNSET)
        )

        backup_request = cls(
            santa_participant_id=santa_participant_id,
        )

        return backup_request
