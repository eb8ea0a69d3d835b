from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.language import check_language
from ..models.language import Language
from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """The signed-in person, as they see themselves.

    Attributes:
        created_at (datetime.datetime):
        email (None | str):
        email_verified (bool):
        full_name (str):
        has_password (bool):
        id (UUID):
        is_superuser (bool):
        language (Language):
        timezone (str):
    """

    created_at: datetime.datetime
    email: None | str
    email_verified: bool
    full_name: str
    has_password: bool
    id: UUID
    is_superuser: bool
    language: Language
    timezone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email: None | str
        email = self.email

        email_verified = self.email_verified

        full_name = self.full_name

        has_password = self.has_password

        id = str(self.id)

        is_superuser = self.is_superuser

        language: str = self.language

        timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "email_verified": email_verified,
                "full_name": full_name,
                "has_password": has_password,
                "id": id,
                "is_superuser": is_superuser,
                "language": language,
                "timezone": timezone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        email_verified = d.pop("email_verified")

        full_name = d.pop("full_name")

        has_password = d.pop("has_password")

        id = UUID(d.pop("id"))

        is_superuser = d.pop("is_superuser")

        language = check_language(d.pop("language"))

        timezone = d.pop("timezone")

        user = cls(
            created_at=created_at,
            email=email,
            email_verified=email_verified,
            full_name=full_name,
            has_password=has_password,
            id=id,
            is_superuser=is_superuser,
            language=language,
            timezone=timezone,
        )

        user.additional_properties = d
        return user

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
