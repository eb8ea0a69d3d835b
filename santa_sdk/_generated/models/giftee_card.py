from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.wish_item import WishItem


T = TypeVar("T", bound="GifteeCard")


@_attrs_define
class GifteeCard:
    """
    Attributes:
        address (None | str):
        display_name (str):
        participant_id (UUID):
        phone (None | str):
        wish_items (list[WishItem]):
        wishes (str):
    """

    address: None | str
    display_name: str
    participant_id: UUID
    phone: None | str
    wish_items: list[WishItem]
    wishes: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.wish_item import WishItem  # noqa: PLC0415

        address: None | str
        address = self.address

        display_name = self.display_name

        participant_id = str(self.participant_id)

        phone: None | str
        phone = self.phone

        wish_items = []
        for wish_items_item_data in self.wish_items:
            wish_items_item = wish_items_item_data.to_dict()
            wish_items.append(wish_items_item)

        wishes = self.wishes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "display_name": display_name,
                "participant_id": participant_id,
                "phone": phone,
                "wish_items": wish_items,
                "wishes": wishes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wish_item import WishItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        display_name = d.pop("display_name")

        participant_id = UUID(d.pop("participant_id"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        wish_items = []
        _wish_items = d.pop("wish_items")
        for wish_items_item_data in _wish_items:
            wish_items_item = WishItem.from_dict(wish_items_item_data)

            wish_items.append(wish_items_item)

        wishes = d.pop("wishes")

        giftee_card = cls(
            address=address,
            display_name=display_name,
            participant_id=participant_id,
            phone=phone,
            wish_items=wish_items,
            wishes=wishes,
        )

        giftee_card.additional_properties = d
        return giftee_card

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
