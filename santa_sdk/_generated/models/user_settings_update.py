from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.user_settings_update_preferences_type_0 import (
        UserSettingsUpdatePreferencesType0,
    )


T = TypeVar("T", bound="UserSettingsUpdate")


@_attrs_define
class UserSettingsUpdate:
    """
    Attributes:
        email_notifications (bool | None | Unset):
        preferences (None | Unset | UserSettingsUpdatePreferencesType0):
        telegram_notifications (bool | None | Unset):
        vk_notifications (bool | None | Unset):
    """

    email_notifications: bool | None | Unset = UNSET
    preferences: None | Unset | UserSettingsUpdatePreferencesType0 = UNSET
    telegram_notifications: bool | None | Unset = UNSET
    vk_notifications: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_settings_update_preferences_type_0 import (
            UserSettingsUpdatePreferencesType0,
        )  # noqa: PLC0415

        email_notifications: bool | None | Unset
        if isinstance(self.email_notifications, Unset):
            email_notifications = UNSET
        else:
            email_notifications = self.email_notifications

        preferences: dict[str, Any] | None | Unset
        if isinstance(self.preferences, Unset):
            preferences = UNSET
        elif isinstance(self.preferences, UserSettingsUpdatePreferencesType0):
            preferences = self.preferences.to_dict()
        else:
            preferences = self.preferences

        telegram_notifications: bool | None | Unset
        if isinstance(self.telegram_notifications, Unset):
            telegram_notifications = UNSET
        else:
            telegram_notifications = self.telegram_notifications

        vk_notifications: bool | None | Unset
        if isinstance(self.vk_notifications, Unset):
            vk_notifications = UNSET
        else:
            vk_notifications = self.vk_notifications

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email_notifications is not UNSET:
            field_dict["email_notifications"] = email_notifications
        if preferences is not UNSET:
            field_dict["preferences"] = preferences
        if telegram_notifications is not UNSET:
            field_dict["telegram_notifications"] = telegram_notifications
        if vk_notifications is not UNSET:
            field_dict["vk_notifications"] = vk_notifications

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_settings_update_preferences_type_0 import (
            UserSettingsUpdatePreferencesType0,
        )  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_email_notifications(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        email_notifications = _parse_email_notifications(
            d.pop("email_notifications", UNSET)
        )

        def _parse_preferences(
            data: object,
        ) -> None | Unset | UserSettingsUpdatePreferencesType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                preferences_type_0 = UserSettingsUpdatePreferencesType0.from_dict(data)

                return preferences_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserSettingsUpdatePreferencesType0, data)

        preferences = _parse_preferences(d.pop("preferences", UNSET))

        def _parse_telegram_notifications(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        telegram_notifications = _parse_telegram_notifications(
            d.pop("telegram_notifications", UNSET)
        )

        def _parse_vk_notifications(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        vk_notifications = _parse_vk_notifications(d.pop("vk_notifications", UNSET))

        user_settings_update = cls(
            email_notifications=email_notifications,
            preferences=preferences,
            telegram_notifications=telegram_notifications,
            vk_notifications=vk_notifications,
        )

        return user_settings_update
