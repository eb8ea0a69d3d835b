from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.auth_result_transport import AuthResultTransport
from ..models.auth_result_transport import check_auth_result_transport
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.user import User


T = TypeVar("T", bound="AuthResult")


@_attrs_define
class AuthResult:
    """A signed-in session.

    Attributes:
        expires_in (int):
        session_id (UUID):
        transport (AuthResultTransport):
        user (User): The signed-in person, as they see themselves.
        access_token (None | str | Unset):
        csrf_token (None | str | Unset):
        refresh_token (None | str | Unset):
        token_type (Literal['bearer'] | Unset):  Default: 'bearer'.
    """

    expires_in: int
    session_id: UUID
    transport: AuthResultTransport
    user: User
    access_token: None | str | Unset = UNSET
    csrf_token: None | str | Unset = UNSET
    refresh_token: None | str | Unset = UNSET
    token_type: Literal["bearer"] | Unset = "bearer"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user import User  # noqa: PLC0415

        expires_in = self.expires_in

        session_id = str(self.session_id)

        transport: str = self.transport

        user = self.user.to_dict()

        access_token: None | str | Unset
        if isinstance(self.access_token, Unset):
            access_token = UNSET
        else:
            access_token = self.access_token

        csrf_token: None | str | Unset
        if isinstance(self.csrf_token, Unset):
            csrf_token = UNSET
        else:
            csrf_token = self.csrf_token

        refresh_token: None | str | Unset
        if isinstance(self.refresh_token, Unset):
            refresh_token = UNSET
        else:
            refresh_token = self.refresh_token

        token_type = self.token_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expires_in": expires_in,
                "session_id": session_id,
                "transport": transport,
                "user": user,
            }
        )
        if access_token is not UNSET:
            field_dict["access_token"] = access_token
        if csrf_token is not UNSET:
            field_dict["csrf_token"] = csrf_token
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if token_type is not UNSET:
            field_dict["token_type"] = token_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user import User  # noqa: PLC0415

        d = dict(src_dict)
        expires_in = d.pop("expires_in")

        session_id = UUID(d.pop("session_id"))

        transport = check_auth_result_transport(d.pop("transport"))

        user = User.from_dict(d.pop("user"))

        def _parse_access_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access_token = _parse_access_token(d.pop("access_token", UNSET))

        def _parse_csrf_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        csrf_token = _parse_csrf_token(d.pop("csrf_token", UNSET))

        def _parse_refresh_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        refresh_token = _parse_refresh_token(d.pop("refresh_token", UNSET))

        token_type = cast(Literal["bearer"] | Unset, d.pop("token_type", UNSET))
        if token_type != "bearer" and not isinstance(token_type, Unset):
            raise ValueError(
                f"token_type must match const 'bearer', got '{token_type}'"
            )

        auth_result = cls(
            expires_in=expires_in,
            session_id=session_id,
            transport=transport,
            user=user,
            access_token=access_token,
            csrf_token=csrf_token,
            refresh_token=refresh_token,
            token_type=token_type,
        )

        auth_result.additional_properties = d
        return auth_result

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
