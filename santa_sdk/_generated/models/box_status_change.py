from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.box_status import BoxStatus
from ..models.box_status import check_box_status
from typing import cast


T = TypeVar("T", bound="BoxStatusChange")


@_attrs_define
class BoxStatusChange:
    """
    Attributes:
        status (BoxStatus):
    """

    status: BoxStatus

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_box_status(d.pop("status"))

        box_status_change = cls(
            status=status,
        )

        return box_status_change
