from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="RevealRequest")


@_attrs_define
class RevealRequest:
    """Break-glass: show every pair. Audited, and every participant is told.

    Attributes:
        confirm (bool):
        reason (str):
    """

    confirm: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        confirm = self.confirm

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "confirm": confirm,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confirm = d.pop("confirm")

        reason = d.pop("reason")

        reveal_request = cls(
            confirm=confirm,
            reason=reason,
        )

        return reveal_request
