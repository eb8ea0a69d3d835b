from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID


T = TypeVar("T", bound="LatecomerResult")


@_attrs_define
class LatecomerResult:
    """
    Attributes:
        changed_pairs (int):
        moved_santas (int):
        participant_id (UUID):
        redrawn (bool):
    """

    changed_pairs: int
    moved_santas: int
    participant_id: UUID
    redrawn: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed_pairs = self.changed_pairs

        moved_santas = self.moved_santas

        participant_id = str(self.participant_id)

        redrawn = self.redrawn

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_pairs": changed_pairs,
                "moved_santas": moved_santas,
                "participant_id": participant_id,
                "redrawn": redrawn,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed_pairs = d.pop("changed_pairs")

        moved_santas = d.pop("moved_santas")

        participant_id = UUID(d.pop("participant_id"))

        redrawn = d.pop("redrawn")

        latecomer_result = cls(
            changed_pairs=changed_pairs,
            moved_santas=moved_santas,
            participant_id=participant_id,
            redrawn=redrawn,
        )

        latecomer_result.additional_properties = d
        return latecomer_result

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
