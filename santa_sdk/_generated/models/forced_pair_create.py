from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID


T = TypeVar("T", bound="ForcedPairCreate")


@_attrs_define
class ForcedPairCreate:
    """
    Attributes:
        giftee_participant_id (UUID):
        santa_participant_id (UUID):
    """

    giftee_participant_id: UUID
    santa_participant_id: UUID

    def to_dict(self) -> dict[str, Any]:
        giftee_participant_id = str(self.giftee_participant_id)

        santa_participant_id = str(self.santa_participant_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "giftee_participant_id": giftee_participant_id,
                "santa_participant_id": santa_participant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        giftee_participant_id = UUID(d.pop("giftee_participant_id"))

        santa_participant_id = UUID(d.pop("santa_participant_id"))

        forced_pair_create = cls(
            giftee_participant_id=giftee_participant_id,
            santa_participant_id=santa_participant_id,
        )

        return forced_pair_create
