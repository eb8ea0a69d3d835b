from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.user_settings_preferences import UserSettingsPreferences


T = TypeVar("T", bound="UserSettings")


@_attrs_define
class UserSettings:
    """
    Attributes:
        email_notifications (bool):
        preferences (UserSettingsPreferences): Free-form JSON, e.g. `{"muted": ["wishlist_changed"]}`. Values are
            strings, numbers, booleans, null, objects of the same kind, or lists of those (a list holds no list); no key or
            string may contain NUL; under 16384 bytes as JSON.
        telegram_chat_id (None | str):
        telegram_notifications (bool):
        vk_notifications (bool):
        vk_user_id (None | str):
    """

    email_notifications: bool
    preferences: UserSettingsPreferences
    telegram_chat_id: None | str
    telegram_notifications: bool
    vk_notifications: bool
    vk_user_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_settings_preferences import UserSettingsPreferences  # noqa: PLC0415

        email_notifications = self.email_notifications

        preferences = self.preferences.to_dict()

        telegram_chat_id: None | str
        telegram_chat_id = self.telegram_chat_id

        telegram_notifications = self.telegram_notifications

        vk_notifications = self.vk_notifications

        vk_user_id: None | str
        vk_user_id = self.vk_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email_notifications": email_notifications,
                "preferences": preferences,
                "telegram_chat_id": telegram_chat_id,
                "telegram_notifications": telegram_notifications,
                "vk_notifications": vk_notifications,
                "vk_user_id": vk_user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_settings_preferences import UserSettingsPreferences  # noqa: PLC0415

        d = dict(src_dict)
        email_notifications = d.pop("email_notifications")

        preferences = UserSettingsPreferences.from_dict(d.pop("preferences"))

        def _parse_telegram_chat_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        telegram_chat_id = _parse_telegram_chat_id(d.pop("telegram_chat_id"))

        telegram_notifications = d.pop("telegram_notifications")

        vk_notifications = d.pop("vk_notifications")

        def _parse_vk_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        vk_user_id = _parse_vk_user_id(d.pop("vk_user_id"))

        user_settings = cls(
            email_notifications=email_notifications,
            preferences=preferences,
            telegram_chat_id=telegram_chat_id,
            telegram_notifications=telegram_notifications,
            vk_notifications=vk_notifications,
            vk_user_id=vk_user_id,
        )

        user_settings.additional_properties = d
        return user_settings

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
