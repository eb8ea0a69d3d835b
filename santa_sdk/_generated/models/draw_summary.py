from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="DrawSummary")


@_attrs_define
class DrawSummary:
    """The current draw of a box, as any member may see it (no pairs, no seed).

    Attributes:
        box_id (UUID):
        commitment (None | str):
        created_at (datetime.datetime):
        engine_version (str):
        method (str):
        participant_count (int):
        round_ (int):
    """

    box_id: UUID
    commitment: None | str
    created_at: datetime.datetime
    engine_version: str
    method: str
    participant_count: int
    round_: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        box_id = str(self.box_id)

        commitment: None | str
        commitment = self.commitment

        created_at = self.created_at.isoformat()

        engine_version = self.engine_version

        method = self.method

        participant_count = self.participant_count

        round_ = self.round_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "box_id": box_id,
                "commitment": commitment,
                "created_at": created_at,
                "engine_version": engine_version,
                "method": method,
                "participant_count": participant_count,
                "round": round_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        box_id = UUID(d.pop("box_id"))

        def _parse_commitment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        commitment = _parse_commitment(d.pop("commitment"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        engine_version = d.pop("engine_version")

        method = d.pop("method")

        participant_count = d.pop("participant_count")

        round_ = d.pop("round")

        draw_summary = cls(
            box_id=box_id,
            commitment=commitment,
            created_at=created_at,
            engine_version=engine_version,
            method=method,
            participant_count=participant_count,
            round_=round_,
        )

        draw_summary.additional_properties = d
        return draw_summary

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
