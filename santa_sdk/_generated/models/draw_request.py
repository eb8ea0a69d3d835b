from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="DrawRequest")


@_attrs_define
class DrawRequest:
    """
    Attributes:
        acknowledge_secrecy_warning (bool | Unset):  Default: False.
    """

    acknowledge_secrecy_warning: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        acknowledge_secrecy_warning = self.acknowledge_secrecy_warning

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if acknowledge_secrecy_warning is not UNSET:
            field_dict["acknowledge_secrecy_warning"] = acknowledge_secrecy_warning

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acknowledge_secrecy_warning = d.pop("acknowledge_secrecy_warning", UNSET)

        draw_request = cls(
            acknowledge_secrecy_warning=acknowledge_secrecy_warning,
        )

        return draw_request
