from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.language import check_language
from ..models.language import Language
from ..models.time_zone import check_time_zone
from ..models.time_zone import TimeZone
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="UserUpdate")


@_attrs_define
class UserUpdate:
    """
    Attributes:
        full_name (None | str | Unset):
        language (Language | None | Unset):
        timezone (None | TimeZone | Unset):
    """

    full_name: None | str | Unset = UNSET
    language: Language | None | Unset = UNSET
    timezone: None | TimeZone | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, str):
            language = self.language
        else:
            language = self.language

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        elif isinstance(self.timezone, str):
            timezone = self.timezone
        else:
            timezone = self.timezone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if language is not UNSET:
            field_dict["language"] = language
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("full_name", UNSET))

        def _parse_language(data: object) -> Language | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = check_language(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Language | None | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_timezone(data: object) -> None | TimeZone | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timezone_type_0 = check_time_zone(data)

                return timezone_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeZone | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        user_update = cls(
            full_name=full_name,
            language=language,
            timezone=timezone,
        )

        return user_update
