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
    from ..models.giftee_card import GifteeCard


T = TypeVar("T", bound="Assignment")


@_attrs_define
class Assignment:
    """Who the santa gives to (several giftees when each person gives several gifts).

    Attributes:
        box_id (UUID):
        giftees (list[GifteeCard]):
        opened_at (datetime.datetime | None):
        pairs_revealed_at (datetime.datetime | None):
        santa_participant_id (UUID):
    """

    box_id: UUID
    giftees: list[GifteeCard]
    opened_at: datetime.datetime | None
    pairs_revealed_at: datetime.datetime | None
    santa_participant_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.giftee_card import GifteeCard  # noqa: PLC0415

        box_id = str(self.box_id)

        giftees = []
        for giftees_item_data in self.giftees:
            giftees_item = giftees_item_data.to_dict()
            giftees.append(giftees_item)

        opened_at: None | str
        if isinstance(self.opened_at, datetime.datetime):
            opened_at = self.opened_at.isoformat()
        else:
            opened_at = self.opened_at

        pairs_revealed_at: None | str
        if isinstance(self.pairs_revealed_at, datetime.datetime):
            pairs_revealed_at = self.pairs_revealed_at.isoformat()
        else:
            pairs_revealed_at = self.pairs_revealed_at

        santa_participant_id = str(self.santa_participant_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "box_id": box_id,
                "giftees": giftees,
                "opened_at": opened_at,
                "pairs_revealed_at": pairs_revealed_at,
                "santa_participant_id": santa_participant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.giftee_card import GifteeCard  # noqa: PLC0415

        d = dict(src_dict)
        box_id = UUID(d.pop("box_id"))

        giftees = []
        _giftees = d.pop("giftees")
        for giftees_item_data in _giftees:
            giftees_item = GifteeCard.from_dict(giftees_item_data)

            giftees.append(giftees_item)

        def _parse_opened_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_at_type_0 = datetime.datetime.fromisoformat(data)

                return opened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        opened_at = _parse_opened_at(d.pop("opened_at"))

        def _parse_pairs_revealed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pairs_revealed_at_type_0 = datetime.datetime.fromisoformat(data)

                return pairs_revealed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        pairs_revealed_at = _parse_pairs_revealed_at(d.pop("pairs_revealed_at"))

        santa_participant_id = UUID(d.pop("santa_participant_id"))

        assignment = cls(
            box_id=box_id,
            giftees=giftees,
            opened_at=opened_at,
            pairs_revealed_at=pairs_revealed_at,
            santa_participant_id=santa_participant_id,
        )

        assignment.additional_properties = d
        return assignment

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
