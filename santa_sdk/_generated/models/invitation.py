from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invitation_kind import check_invitation_kind
from ..models.invitation_kind import InvitationKind
from ..models.invite_status import check_invite_status
from ..models.invite_status import InviteStatus
from typing import cast
import datetime


T = TypeVar("T", bound="Invitation")


@_attrs_define
class Invitation:
    """What a code opens, as anyone holding the code may see it (no sign-in needed).

    Attributes:
        box_name (str):
        currency (str):
        description (str):
        event_date (datetime.date | None):
        expires_at (datetime.datetime | None):
        inviter_name (str):
        kind (InvitationKind):
        max_budget (None | str):
        min_budget (None | str):
        open_ (bool):
        signup_deadline (datetime.datetime | None):
        status (InviteStatus):
    """

    box_name: str
    currency: str
    description: str
    event_date: datetime.date | None
    expires_at: datetime.datetime | None
    inviter_name: str
    kind: InvitationKind
    max_budget: None | str
    min_budget: None | str
    open_: bool
    signup_deadline: datetime.datetime | None
    status: InviteStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        box_name = self.box_name

        currency = self.currency

        description = self.description

        event_date: None | str
        if isinstance(self.event_date, datetime.date):
            event_date = self.event_date.isoformat()
        else:
            event_date = self.event_date

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        inviter_name = self.inviter_name

        kind: str = self.kind

        max_budget: None | str
        max_budget = self.max_budget

        min_budget: None | str
        min_budget = self.min_budget

        open_ = self.open_

        signup_deadline: None | str
        if isinstance(self.signup_deadline, datetime.datetime):
            signup_deadline = self.signup_deadline.isoformat()
        else:
            signup_deadline = self.signup_deadline

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "box_name": box_name,
                "currency": currency,
                "description": description,
                "event_date": event_date,
                "expires_at": expires_at,
                "inviter_name": inviter_name,
                "kind": kind,
                "max_budget": max_budget,
                "min_budget": min_budget,
                "open": open_,
                "signup_deadline": signup_deadline,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        box_name = d.pop("box_name")

        currency = d.pop("currency")

        description = d.pop("description")

        def _parse_event_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_date_type_0 = datetime.date.fromisoformat(data)

                return event_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        event_date = _parse_event_date(d.pop("event_date"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        inviter_name = d.pop("inviter_name")

        kind = check_invitation_kind(d.pop("kind"))

        def _parse_max_budget(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        max_budget = _parse_max_budget(d.pop("max_budget"))

        def _parse_min_budget(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        min_budget = _parse_min_budget(d.pop("min_budget"))

        open_ = d.pop("open")

        def _parse_signup_deadline(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signup_deadline_type_0 = datetime.datetime.fromisoformat(data)

                return signup_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signup_deadline = _parse_signup_deadline(d.pop("signup_deadline"))

        status = check_invite_status(d.pop("status"))

        invitation = cls(
            box_name=box_name,
            currency=currency,
            description=description,
            event_date=event_date,
            expires_at=expires_at,
            inviter_name=inviter_name,
            kind=kind,
            max_budget=max_budget,
            min_budget=min_budget,
            open_=open_,
            signup_deadline=signup_deadline,
            status=status,
        )

        invitation.additional_properties = d
        return invitation

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
