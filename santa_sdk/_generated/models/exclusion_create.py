from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID


T = TypeVar("T", bound="ExclusionCreate")


@_attrs_define
class ExclusionCreate:
    """
    Attributes:
        giftee_participant_id (UUID):
        santa_participant_id (UUID):
        both_ways (bool | Unset):  Default: False.
    """

    giftee_participant_id: UUID
    santa_participant_id: UUID
    both_ways: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        giftee_participant_id = str(self.giftee_participant_id)

        santa_participant_id = str(self.santa_participant_id)

        both_ways = self.both_ways

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "giftee_participant_id": giftee_participant_id,
                "santa_participant_id": santa_participant_id,
            }
        )
        if both_ways is not UNSET:
            field_dict["both_ways"] = both_ways

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        giftee_participant_id = UUID(d.pop("giftee_participant_id"))

        santa_participant_id = UUID(d.pop("santa_participant_id"))

        both_ways = d.pop("both_ways", UNSET)

        exclusion_create = cls(
            giftee_participant_id=giftee_participant_id,
            santa_participant_id=santa_participant_id,
            both_ways=both_ways,
        )

        return exclusion_create
