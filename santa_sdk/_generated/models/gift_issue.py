from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID


T = TypeVar("T", bound="GiftIssue")


@_attrs_define
class GiftIssue:
    """A gift the organizers should look at: named by its giftee only.

    Attributes:
        backup_assigned (bool):
        giftee_name (str):
        giftee_participant_id (UUID):
        pair_id (str):
        reason (str):
    """

    backup_assigned: bool
    giftee_name: str
    giftee_participant_id: UUID
    pair_id: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backup_assigned = self.backup_assigned

        giftee_name = self.giftee_name

        giftee_participant_id = str(self.giftee_participant_id)

        pair_id = self.pair_id

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backup_assigned": backup_assigned,
                "giftee_name": giftee_name,
                "giftee_participant_id": giftee_participant_id,
                "pair_id": pair_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backup_assigned = d.pop("backup_assigned")

        giftee_name = d.pop("giftee_name")

        giftee_participant_id = UUID(d.pop("giftee_participant_id"))

        pair_id = d.pop("pair_id")

        reason = d.pop("reason")

        gift_issue = cls(
            backup_assigned=backup_assigned,
            giftee_name=giftee_name,
            giftee_participant_id=giftee_participant_id,
            pair_id=pair_id,
            reason=reason,
        )

        gift_issue.additional_properties = d
        return gift_issue

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
