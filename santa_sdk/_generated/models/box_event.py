from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.box_event_data import BoxEventData


T = TypeVar("T", bound="BoxEvent")


@_attrs_define
class BoxEvent:
    """
    Attributes:
        at (datetime.datetime):
        cursor (int):
        data (BoxEventData):
        kind (str):
    """

    at: datetime.datetime
    cursor: int
    data: BoxEventData
    kind: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.box_event_data import BoxEventData  # noqa: PLC0415

        at = self.at.isoformat()

        cursor = self.cursor

        data = self.data.to_dict()

        kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "cursor": cursor,
                "data": data,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.box_event_data import BoxEventData  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        cursor = d.pop("cursor")

        data = BoxEventData.from_dict(d.pop("data"))

        kind = d.pop("kind")

        box_event = cls(
            at=at,
            cursor=cursor,
            data=data,
            kind=kind,
        )

        box_event.additional_properties = d
        return box_event

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
