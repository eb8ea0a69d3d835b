from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.gift_status import check_gift_status
from ..models.gift_status import GiftStatus
from ..models.message_side import check_message_side
from ..models.message_side import MessageSide
from typing import cast
import datetime


T = TypeVar("T", bound="Thread")


@_attrs_define
class Thread:
    """My conversation with one giftee, or with one of my santas.

    Attributes:
        gift_status (GiftStatus):
        last_message_at (datetime.datetime | None):
        message_count (int):
        my_role (MessageSide):
        pair_id (str):
        santa_number (int):
        title (str):
        unread_count (int):
    """

    gift_status: GiftStatus
    last_message_at: datetime.datetime | None
    message_count: int
    my_role: MessageSide
    pair_id: str
    santa_number: int
    title: str
    unread_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gift_status: str = self.gift_status

        last_message_at: None | str
        if isinstance(self.last_message_at, datetime.datetime):
            last_message_at = self.last_message_at.isoformat()
        else:
            last_message_at = self.last_message_at

        message_count = self.message_count

        my_role: str = self.my_role

        pair_id = self.pair_id

        santa_number = self.santa_number

        title = self.title

        unread_count = self.unread_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gift_status": gift_status,
                "last_message_at": last_message_at,
                "message_count": message_count,
                "my_role": my_role,
                "pair_id": pair_id,
                "santa_number": santa_number,
                "title": title,
                "unread_count": unread_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gift_status = check_gift_status(d.pop("gift_status"))

        def _parse_last_message_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_message_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_message_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_message_at = _parse_last_message_at(d.pop("last_message_at"))

        message_count = d.pop("message_count")

        my_role = check_message_side(d.pop("my_role"))

        pair_id = d.pop("pair_id")

        santa_number = d.pop("santa_number")

        title = d.pop("title")

        unread_count = d.pop("unread_count")

        thread = cls(
            gift_status=gift_status,
            last_message_at=last_message_at,
            message_count=message_count,
            my_role=my_role,
            pair_id=pair_id,
            santa_number=santa_number,
            title=title,
            unread_count=unread_count,
        )

        thread.additional_properties = d
        return thread

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
