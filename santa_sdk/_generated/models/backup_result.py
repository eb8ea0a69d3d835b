from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="BackupResult")


@_attrs_define
class BackupResult:
    """
    Attributes:
        chosen_by_organizer (bool):
        giftee_name (str):
        new_pair_id (str):
        pair_id (str):
    """

    chosen_by_organizer: bool
    giftee_name: str
    new_pair_id: str
    pair_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chosen_by_organizer = self.chosen_by_organizer

        giftee_name = self.giftee_name

        new_pair_id = self.new_pair_id

        pair_id = self.pair_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chosen_by_organizer": chosen_by_organizer,
                "giftee_name": giftee_name,
                "new_pair_id": new_pair_id,
                "pair_id": pair_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chosen_by_organizer = d.pop("chosen_by_organizer")

        giftee_name = d.pop("giftee_name")

        new_pair_id = d.pop("new_pair_id")

        pair_id = d.pop("pair_id")

        backup_result = cls(
            chosen_by_organizer=chosen_by_organizer,
            giftee_name=giftee_name,
            new_pair_id=new_pair_id,
            pair_id=pair_id,
        )

        backup_result.additional_properties = d
        return backup_result

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
