from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="MessageCreate")


@_attrs_define
class MessageCreate:
    """
    Attributes:
        body (str):
        confirm_reveal (bool | Unset):  Default: False.
    """

    body: str
    confirm_reveal: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        confirm_reveal = self.confirm_reveal

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
            }
        )
        if confirm_reveal is not UNSET:
            field_dict["confirm_reveal"] = confirm_reveal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        confirm_reveal = d.pop("confirm_reveal", UNSET)

        message_create = cls(
            body=body,
            confirm_reveal=confirm_reveal,
        )

        return message_create
