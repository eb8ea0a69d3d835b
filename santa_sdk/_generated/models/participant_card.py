from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.participant_role import check_participant_role
from ..models.participant_role import ParticipantRole
from ..models.participant_status import check_participant_status
from ..models.participant_status import ParticipantStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
    from ..models.wish_item import WishItem


T = TypeVar("T", bound="ParticipantCard")


@_attrs_define
class ParticipantCard:
    """A member with their card. The card fields are filled for the person themselves
    and for organizers of offline people; otherwise they are null.

        Attributes:
            created_at (datetime.datetime):
            display_name (str):
            household_id (None | UUID):
            id (UUID):
            is_me (bool):
            is_offline (bool):
            nickname (None | str):
            role (ParticipantRole):
            status (ParticipantStatus):
            takes_part (bool):
            address (None | str | Unset):
            email (None | str | Unset):
            has_address (bool | None | Unset):
            has_wishes (bool | None | Unset):
            phone (None | str | Unset):
            wish_items (list[WishItem] | None | Unset):
            wishes (None | str | Unset):
            wishes_updated_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    display_name: str
    household_id: None | UUID
    id: UUID
    is_me: bool
    is_offline: bool
    nickname: None | str
    role: ParticipantRole
    status: ParticipantStatus
    takes_part: bool
    address: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    has_address: bool | None | Unset = UNSET
    has_wishes: bool | None | Unset = UNSET
    phone: None | str | Unset = UNSET
    wish_items: list[WishItem] | None | Unset = UNSET
    wishes: None | str | Unset = UNSET
    wishes_updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.wish_item import WishItem  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        display_name = self.display_name

        household_id: None | str
        if isinstance(self.household_id, UUID):
            household_id = str(self.household_id)
        else:
            household_id = self.household_id

        id = str(self.id)

        is_me = self.is_me

        is_offline = self.is_offline

        nickname: None | str
        nickname = self.nickname

        role: str = self.role

        status: str = self.status

        takes_part = self.takes_part

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        has_address: bool | None | Unset
        if isinstance(self.has_address, Unset):
            has_address = UNSET
        else:
            has_address = self.has_address

        has_wishes: bool | None | Unset
        if isinstance(self.has_wishes, Unset):
            has_wishes = UNSET
        else:
            has_wishes = self.has_wishes

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        wish_items: list[dict[str, Any]] | None | Unset
        if isinstance(self.wish_items, Unset):
            wish_items = UNSET
        elif isinstance(self.wish_items, list):
            wish_items = []
            for wish_items_type_0_item_data in self.wish_items:
                wish_items_type_0_item = wish_items_type_0_item_data.to_dict()
                wish_items.append(wish_items_type_0_item)

        else:
            wish_items = self.wish_items

        wishes: None | str | Unset
        if isinstance(self.wishes, Unset):
            wishes = UNSET
        else:
            wishes = self.wishes

        wishes_updated_at: None | str | Unset
        if isinstance(self.wishes_updated_at, Unset):
            wishes_updated_at = UNSET
        elif isinstance(self.wishes_updated_at, datetime.datetime):
            wishes_updated_at = self.wishes_updated_at.isoformat()
        else:
            wishes_updated_at = self.wishes_updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "display_name": display_name,
                "household_id": household_id,
                "id": id,
                "is_me": is_me,
                "is_offline": is_offline,
                "nickname": nickname,
                "role": role,
                "status": status,
                "takes_part": takes_part,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if email is not UNSET:
            field_dict["email"] = email
        if has_address is not UNSET:
            field_dict["has_address"] = has_address
        if has_wishes is not UNSET:
            field_dict["has_wishes"] = has_wishes
        if phone is not UNSET:
            field_dict["phone"] = phone
        if wish_items is not UNSET:
            field_dict["wish_items"] = wish_items
        if wishes is not UNSET:
            field_dict["wishes"] = wishes
        if wishes_updated_at is not UNSET:
            field_dict["wishes_updated_at"] = wishes_updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wish_item import WishItem  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        display_name = d.pop("display_name")

        def _parse_household_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                household_id_type_0 = UUID(data)

                return household_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        household_id = _parse_household_id(d.pop("household_id"))

        id = UUID(d.pop("id"))

        is_me = d.pop("is_me")

        is_offline = d.pop("is_offline")

        def _parse_nickname(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nickname = _parse_nickname(d.pop("nickname"))

        role = check_participant_role(d.pop("role"))

        status = check_participant_status(d.pop("status"))

        takes_part = d.pop("takes_part")

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_has_address(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_address = _parse_has_address(d.pop("has_address", UNSET))

        def _parse_has_wishes(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_wishes = _parse_has_wishes(d.pop("has_wishes", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_wish_items(data: object) -> list[WishItem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                wish_items_type_0 = []
                _wish_items_type_0 = data
                for wish_items_type_0_item_data in _wish_items_type_0:
                    wish_items_type_0_item = WishItem.from_dict(
                        wish_items_type_0_item_data
                    )

                    wish_items_type_0.append(wish_items_type_0_item)

                return wish_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WishItem] | None | Unset, data)

        wish_items = _parse_wish_items(d.pop("wish_items", UNSET))

        def _parse_wishes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wishes = _parse_wishes(d.pop("wishes", UNSET))

        def _parse_wishes_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                wishes_updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return wishes_updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        wishes_updated_at = _parse_wishes_updated_at(d.pop("wishes_updated_at", UNSET))

        participant_card = cls(
            created_at=created_at,
            display_name=display_name,
            household_id=household_id,
            id=id,
            is_me=is_me,
            is_offline=is_offline,
            nickname=nickname,
            role=role,
            status=status,
            takes_part=takes_part,
            address=address,
            email=email,
            has_address=has_address,
            has_wishes=has_wishes,
            phone=phone,
            wish_items=wish_items,
            wishes=wishes,
            wishes_updated_at=wishes_updated_at,
        )

        participant_card.additional_properties = d
        return participant_card

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
