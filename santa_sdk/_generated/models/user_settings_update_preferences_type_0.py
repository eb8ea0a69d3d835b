from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.preferences import Preferences


T = TypeVar("T", bound="UserSettingsUpdatePreferencesType0")


@_attrs_define
class UserSettingsUpdatePreferencesType0:
    """Free-form JSON, e.g. `{"muted": ["wishlist_changed"]}`. Values are strings, numbers, booleans, null, objects of the
    same kind, or lists of those (a list holds no list); no key or string may contain NUL; under 16384 bytes as JSON.

    """

    additional_properties: dict[
        str,
        bool
        | float
        | list[bool | float | None | Preferences | str]
        | None
        | Preferences
        | str,
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.preferences import Preferences  # noqa: PLC0415

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, Preferences):
                field_dict[prop_name] = prop.to_dict()
            elif isinstance(prop, list):
                field_dict[prop_name] = []
                for additional_property_type_5_item_data in prop:
                    additional_property_type_5_item: (
                        bool | dict[str, Any] | float | None | str
                    )
                    if isinstance(additional_property_type_5_item_data, Preferences):
                        additional_property_type_5_item = (
                            additional_property_type_5_item_data.to_dict()
                        )
                    else:
                        additional_property_type_5_item = (
                            additional_property_type_5_item_data
                        )
                    field_dict[prop_name].append(additional_property_type_5_item)

            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preferences import Preferences  # noqa: PLC0415

        d = dict(src_dict)
        user_settings_update_preferences_type_0 = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> (
                bool
                | float
                | list[bool | float | None | Preferences | str]
                | None
                | Preferences
                | str
            ):
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    additional_property_type_4 = Preferences.from_dict(data)

                    return additional_property_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    additional_property_type_5 = []
                    _additional_property_type_5 = data
                    for (
                        additional_property_type_5_item_data
                    ) in _additional_property_type_5:

                        def _parse_additional_property_type_5_item(
                            data: object,
                        ) -> bool | float | None | Preferences | str:
                            if data is None:
                                return data
                            try:
                                if not isinstance(data, dict):
                                    raise TypeError()
                                additional_property_type_5_item_type_4 = (
                                    Preferences.from_dict(data)
                                )

                                return additional_property_type_5_item_type_4
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            return cast(bool | float | None | Preferences | str, data)

                        additional_property_type_5_item = (
                            _parse_additional_property_type_5_item(
                                additional_property_type_5_item_data
                            )
                        )

                        additional_property_type_5.append(
                            additional_property_type_5_item
                        )

                    return additional_property_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    bool
                    | float
                    | list[bool | float | None | Preferences | str]
                    | None
                    | Preferences
                    | str,
                    data,
                )

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        user_settings_update_preferences_type_0.additional_properties = (
            additional_properties
        )
        return user_settings_update_preferences_type_0

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(
        self, key: str
    ) -> (
        bool
        | float
        | list[bool | float | None | Preferences | str]
        | None
        | Preferences
        | str
    ):
        return self.additional_properties[key]

    def __setitem__(
        self,
        key: str,
        value: bool
        | float
        | list[bool | float | None | Preferences | str]
        | None
        | Preferences
        | str,
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
