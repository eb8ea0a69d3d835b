from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="RevealSettingsUpdate")


@_attrs_define
class RevealSettingsUpdate:
    """
    Attributes:
        allow_reveal (bool):
    """

    allow_reveal: bool

    def to_dict(self) -> dict[str, Any]:
        allow_reveal = self.allow_reveal

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "allow_reveal": allow_reveal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allow_reveal = d.pop("allow_reveal")

        reveal_settings_update = cls(
            allow_reveal=allow_reveal,
        )

        return reveal_settings_update
