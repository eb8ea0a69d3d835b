from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.invite_import_entry import InviteImportEntry


T = TypeVar("T", bound="InviteImport")


@_attrs_define
class InviteImport:
    """Many invitations at once (the CLI uploads a CSV file through this).

    Attributes:
        invites (list[InviteImportEntry]):
        message (None | str | Unset):
    """

    invites: list[InviteImportEntry]
    message: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.invite_import_entry import InviteImportEntry  # noqa: PLC0415

        invites = []
        for invites_item_data in self.invites:
            invites_item = invites_item_data.to_dict()
            invites.append(invites_item)

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "invites": invites,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invite_import_entry import InviteImportEntry  # noqa: PLC0415

        d = dict(src_dict)
        invites = []
        _invites = d.pop("invites")
        for invites_item_data in _invites:
            invites_item = InviteImportEntry.from_dict(invites_item_data)

            invites.append(invites_item)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        invite_import = cls(
            invites=invites,
            message=message,
        )

        return invite_import
