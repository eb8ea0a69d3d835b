from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.auth_result import AuthResult
    from ..models.membership import Membership


T = TypeVar("T", bound="JoinResult")


@_attrs_define
class JoinResult:
    """
    Attributes:
        auth (AuthResult | None):
        membership (Membership): The result of accepting an invitation or joining by link.
    """

    auth: AuthResult | None
    membership: Membership
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.auth_result import AuthResult  # noqa: PLC0415
        from ..models.membership import Membership  # noqa: PLC0415

        auth: dict[str, Any] | None
        if isinstance(self.auth, AuthResult):
            auth = self.auth.to_dict()
        else:
            auth = self.auth

        membership = self.membership.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auth": auth,
                "membership": membership,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auth_result import AuthResult  # noqa: PLC0415
        from ..models.membership import Membership  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_auth(data: object) -> AuthResult | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                auth_type_0 = AuthResult.from_dict(data)

                return auth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthResult | None, data)

        auth = _parse_auth(d.pop("auth"))

        membership = Membership.from_dict(d.pop("membership"))

        join_result = cls(
            auth=auth,
            membership=membership,
        )

        join_result.additional_properties = d
        return join_result

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
