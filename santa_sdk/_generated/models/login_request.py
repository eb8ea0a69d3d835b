from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.login_request_transport import check_login_request_transport
from ..models.login_request_transport import LoginRequestTransport
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="LoginRequest")


@_attrs_define
class LoginRequest:
    """
    Attributes:
        email (str):
        password (str):
        transport (LoginRequestTransport | Unset):  Default: 'cookie'.
    """

    email: str
    password: str
    transport: LoginRequestTransport | Unset = "cookie"

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        transport: str | Unset = UNSET
        if not isinstance(self.transport, Unset):
            transport = self.transport

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "password": password,
            }
        )
        if transport is not UNSET:
            field_dict["transport"] = transport

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        _transport = d.pop("transport", UNSET)
        transport: LoginRequestTransport | Unset
        if isinstance(_transport, Unset):
            transport = UNSET
        else:
            transport = check_login_request_transport(_transport)

        login_request = cls(
            email=email,
            password=password,
            transport=transport,
        )

        return login_request
