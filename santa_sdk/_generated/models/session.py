from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """One signed-in device or client.

    Attributes:
        current (bool):
        expires_at (datetime.datetime):
        id (UUID):
        ip_address (None | str):
        last_used_at (datetime.datetime):
        signed_in_at (datetime.datetime):
        user_agent (None | str):
    """

    current: bool
    expires_at: datetime.datetime
    id: UUID
    ip_address: None | str
    last_used_at: datetime.datetime
    signed_in_at: datetime.datetime
    user_agent: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current = self.current

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        ip_address: None | str
        ip_address = self.ip_address

        last_used_at = self.last_used_at.isoformat()

        signed_in_at = self.signed_in_at.isoformat()

        user_agent: None | str
        user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current": current,
                "expires_at": expires_at,
                "id": id,
                "ip_address": ip_address,
                "last_used_at": last_used_at,
                "signed_in_at": signed_in_at,
                "user_agent": user_agent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        current = d.pop("current")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = UUID(d.pop("id"))

        def _parse_ip_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip_address = _parse_ip_address(d.pop("ip_address"))

        last_used_at = datetime.datetime.fromisoformat(d.pop("last_used_at"))

        signed_in_at = datetime.datetime.fromisoformat(d.pop("signed_in_at"))

        def _parse_user_agent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_agent = _parse_user_agent(d.pop("user_agent"))

        session = cls(
            current=current,
            expires_at=expires_at,
            id=id,
            ip_address=ip_address,
            last_used_at=last_used_at,
            signed_in_at=signed_in_at,
            user_agent=user_agent,
        )

        session.additional_properties = d
        return session

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
