from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.auth_providers_oauth_item import AuthProvidersOauthItem
from ..models.auth_providers_oauth_item import check_auth_providers_oauth_item
from typing import cast


T = TypeVar("T", bound="AuthProviders")


@_attrs_define
class AuthProviders:
    """Which sign-in buttons to show.

    Attributes:
        oauth (list[AuthProvidersOauthItem]):
        telegram_bot_username (None | str):
    """

    oauth: list[AuthProvidersOauthItem]
    telegram_bot_username: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        oauth = []
        for oauth_item_data in self.oauth:
            oauth_item: str = oauth_item_data
            oauth.append(oauth_item)

        telegram_bot_username: None | str
        telegram_bot_username = self.telegram_bot_username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "oauth": oauth,
                "telegram_bot_username": telegram_bot_username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        oauth = []
        _oauth = d.pop("oauth")
        for oauth_item_data in _oauth:
            oauth_item = check_auth_providers_oauth_item(oauth_item_data)

            oauth.append(oauth_item)

        def _parse_telegram_bot_username(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        telegram_bot_username = _parse_telegram_bot_username(
            d.pop("telegram_bot_username")
        )

        auth_providers = cls(
            oauth=oauth,
            telegram_bot_username=telegram_bot_username,
        )

        auth_providers.additional_properties = d
        return auth_providers

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
