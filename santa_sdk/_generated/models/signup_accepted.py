from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="SignupAccepted")


@_attrs_define
class SignupAccepted:
    """The answer to a sign-up, the same whether or not the address already had an account.

    Next step: sign in with the address and password. A new account that must
    confirm its address first gets ``email_not_verified`` until the emailed link
    is opened; if the address already had an account, its owner was emailed
    instead and only that account's own password signs in.

        Attributes:
            email (str):
            verification_required (bool):
    """

    email: str
    verification_required: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        verification_required = self.verification_required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "verification_required": verification_required,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        verification_required = d.pop("verification_required")

        signup_accepted = cls(
            email=email,
            verification_required=verification_required,
        )

        signup_accepted.additional_properties = d
        return signup_accepted

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
