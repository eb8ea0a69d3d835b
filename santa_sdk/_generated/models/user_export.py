from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
    from ..models.user_export_account import UserExportAccount
    from ..models.user_export_box_names import UserExportBoxNames


T = TypeVar("T", bound="UserExport")


@_attrs_define
class UserExport:
    """Everything santa holds about the signed-in person (GDPR export, ``santa-export/1``).

    ``account`` is their user row; every other key is a section named after what
    it holds (``memberships``, ``invitations``, ``sessions``, ``notifications``,
    ``audit_events``, ...), a list of rows with every column but hashed secrets.

        Attributes:
            account (UserExportAccount):
            box_names (UserExportBoxNames):
            format_ (str):
            generated_at (datetime.datetime):
            user_id (UUID):
    """

    account: UserExportAccount
    box_names: UserExportBoxNames
    format_: str
    generated_at: datetime.datetime
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_export_account import UserExportAccount  # noqa: PLC0415
        from ..models.user_export_box_names import UserExportBoxNames  # noqa: PLC0415

        account = self.account.to_dict()

        box_names = self.box_names.to_dict()

        format_ = self.format_

        generated_at = self.generated_at.isoformat()

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "box_names": box_names,
                "format": format_,
                "generated_at": generated_at,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_export_account import UserExportAccount  # noqa: PLC0415
        from ..models.user_export_box_names import UserExportBoxNames  # noqa: PLC0415

        d = dict(src_dict)
        account = UserExportAccount.from_dict(d.pop("account"))

        box_names = UserExportBoxNames.from_dict(d.pop("box_names"))

        format_ = d.pop("format")

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        user_id = UUID(d.pop("user_id"))

        user_export = cls(
            account=account,
            box_names=box_names,
            format_=format_,
            generated_at=generated_at,
            user_id=user_id,
        )

        user_export.additional_properties = d
        return user_export

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
