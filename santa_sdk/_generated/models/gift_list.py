from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.gift import Gift


T = TypeVar("T", bound="GiftList")


@_attrs_define
class GiftList:
    """
    Attributes:
        items (list[Gift]):
        shipping_deadline (datetime.datetime | None):
    """

    items: list[Gift]
    shipping_deadline: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.gift import Gift  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        shipping_deadline: None | str
        if isinstance(self.shipping_deadline, datetime.datetime):
            shipping_deadline = self.shipping_deadline.isoformat()
        else:
            shipping_deadline = self.shipping_deadline

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "shipping_deadline": shipping_deadline,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gift import Gift  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Gift.from_dict(items_item_data)

            items.append(items_item)

        def _parse_shipping_deadline(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shipping_deadline_type_0 = datetime.datetime.fromisoformat(data)

                return shipping_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        shipping_deadline = _parse_shipping_deadline(d.pop("shipping_deadline"))

        gift_list = cls(
            items=items,
            shipping_deadline=shipping_deadline,
        )

        gift_list.additional_properties = d
        return gift_list

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
