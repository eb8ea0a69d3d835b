from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
    from ..models.pair import Pair


T = TypeVar("T", bound="PairsReveal")


@_attrs_define
class PairsReveal:
    """
    Attributes:
        box_id (UUID):
        pairs (list[Pair]):
        revealed_at (datetime.datetime):
    """

    box_id: UUID
    pairs: list[Pair]
    revealed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.pair import Pair  # noqa: PLC0415

        box_id = str(self.box_id)

        pairs = []
        for pairs_item_data in self.pairs:
            pairs_item = pairs_item_data.to_dict()
            pairs.append(pairs_item)

        revealed_at = self.revealed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "box_id": box_id,
                "pairs": pairs,
                "revealed_at": revealed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pair import Pair  # noqa: PLC0415

        d = dict(src_dict)
        box_id = UUID(d.pop("box_id"))

        pairs = []
        _pairs = d.pop("pairs")
        for pairs_item_data in _pairs:
            pairs_item = Pair.from_dict(pairs_item_data)

            pairs.append(pairs_item)

        revealed_at = datetime.datetime.fromisoformat(d.pop("revealed_at"))

        pairs_reveal = cls(
            box_id=box_id,
            pairs=pairs,
            revealed_at=revealed_at,
        )

        pairs_reveal.additional_properties = d
        return pairs_reveal

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
