from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="ForcedPair")


@_attrs_define
class ForcedPair:
    """``santa`` must give to ``giftee``: an assignment chosen by the organizers.

    Attributes:
        created_at (datetime.datetime):
        giftee_participant_id (UUID):
        id (UUID):
        santa_participant_id (UUID):
    """

    created_at: datetime.datetime
    giftee_participant_id: UUID
    id: UUID
    santa_participant_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        giftee_participant_id = str(self.giftee_participant_id)

        id = str(self.id)

        santa_participant_id = str(self.santa_participant_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "giftee_participant_id": giftee_participant_id,
                "id": id,
                "santa_participant_id": santa_participant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        giftee_participant_id = UUID(d.pop("giftee_participant_id"))

        id = UUID(d.pop("id"))

        santa_participant_id = UUID(d.pop("santa_participant_id"))

        forced_pair = cls(
            created_at=created_at,
            giftee_participant_id=giftee_participant_id,
            id=id,
            santa_participant_id=santa_participant_id,
        )

        forced_pair.additional_properties = d
        return forced_pair

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
