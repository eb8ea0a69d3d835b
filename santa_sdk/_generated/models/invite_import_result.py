from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.skipped_invite import SkippedInvite


T = TypeVar("T", bound="InviteImportResult")


@_attrs_define
class InviteImportResult:
    """
    Attributes:
        created (int):
        skipped (list[SkippedInvite]):
    """

    created: int
    skipped: list[SkippedInvite]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.skipped_invite import SkippedInvite  # noqa: PLC0415

        created = self.created

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "skipped": skipped,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.skipped_invite import SkippedInvite  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in _skipped:
            skipped_item = SkippedInvite.from_dict(skipped_item_data)

            skipped.append(skipped_item)

        invite_import_result = cls(
            created=created,
            skipped=skipped,
        )

        invite_import_result.additional_properties = d
        return invite_import_result

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
