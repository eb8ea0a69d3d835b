from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.participant_role import check_participant_role
from ..models.participant_role import ParticipantRole
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.wish_item import WishItem


T = TypeVar("T", bound="ParticipantUpdate")


@_attrs_define
class ParticipantUpdate:
    """What organizers change about a member. Card fields only for offline people.

    Attributes:
        address (None | str | Unset):
        display_name (str | Unset):
        nickname (None | str | Unset):
        phone (None | str | Unset):
        role (None | ParticipantRole | Unset):
        takes_part (bool | None | Unset):
        wish_items (list[WishItem] | Unset):
        wishes (str | Unset):
    """

    address: None | str | Unset = UNSET
    display_name: str | Unset = UNSET
    nickname: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    role: None | ParticipantRole | Unset = UNSET
    takes_part: bool | None | Unset = UNSET
    wish_items: list[WishItem] | Unset = UNSET
    wishes: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.wish_item import WishItem  # noqa: PLC0415

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        display_name = self.display_name

        nickname: None | str | Unset
        if isinstance(self.nickname, Unset):
            nickname = UNSET
        else:
            nickname = self.nickname

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, str):
            role = self.role
        else:
            role = self.role

        takes_part: bool | None | Unset
        if isinstance(self.takes_part, Unset):
            takes_part = UNSET
        else:
            takes_part = self.takes_part

        wish_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.wish_items, Unset):
            wish_items = []
            for wish_items_item_data in self.wish_items:
                wish_items_item = wish_items_item_data.to_dict()
                wish_items.append(wish_items_item)

        wishes = self.wishes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if phone is not UNSET:
            field_dict["phone"] = phone
        if role is not UNSET:
            field_dict["role"] = role
        if takes_part is not UNSET:
            field_dict["takes_part"] = takes_part
        if wish_items is not UNSET:
            field_dict["wish_items"] = wish_items
        if wishes is not UNSET:
            field_dict["wishes"] = wishes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wish_item import WishItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        display_name = d.pop("display_name", UNSET)

        def _parse_nickname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nickname = _parse_nickname(d.pop("nickname", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_role(data: object) -> None | ParticipantRole | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = check_participant_role(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParticipantRole | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_takes_part(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        takes_part = _parse_takes_part(d.pop("takes_part", UNSET))

        _wish_items = d.pop("wish_items", UNSET)
        wish_items: list[WishItem] | Unset = UNSET
        if _wish_items is not UNSET:
            wish_items = []
            for wish_items_item_data in _wish_items:
                wish_items_item = WishItem.from_dict(wish_items_item_data)

                wish_items.append(wish_items_item)

        wishes = d.pop("wishes", UNSET)

        participant_update = cls(
            address=address,
            display_name=display_name,
            nickname=nickname,
            phone=phone,
            role=role,
            takes_part=takes_part,
            wish_items=wish_items,
            wishes=wishes,
        )

        return participant_update
