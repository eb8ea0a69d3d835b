from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.participant_status import check_participant_status
from ..models.participant_status import ParticipantStatus
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="Membership")


@_attrs_define
class Membership:
    """The result of accepting an invitation or joining by link.

    Attributes:
        box_id (UUID):
        participant_id (UUID):
        status (ParticipantStatus):
    """

    box_id: UUID
    participant_id: UUID
    status: ParticipantStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        box_id = str(self.box_id)

        participant_id = str(self.participant_id)

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "box_id": box_id,
                "participant_id": participant_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        box_id = UUID(d.pop("box_id"))

        participant_id = UUID(d.pop("participant_id"))

        status = check_participant_status(d.pop("status"))

        membership = cls(
            box_id=box_id,
            participant_id=participant_id,
            status=status,
        )

        membership.additional_properties = d
        return membership

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
