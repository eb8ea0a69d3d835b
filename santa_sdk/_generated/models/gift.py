from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.gift_action import check_gift_action
from ..models.gift_action import GiftAction
from ..models.gift_status import check_gift_status
from ..models.gift_status import GiftStatus
from ..models.message_side import check_message_side
from ..models.message_side import MessageSide
from typing import cast
import datetime


T = TypeVar("T", bound="Gift")


@_attrs_define
class Gift:
    """
    Attributes:
        allowed_actions (list[GiftAction]):
        bought_at (datetime.datetime | None):
        carrier (None | str):
        missing_reported_at (datetime.datetime | None):
        my_role (MessageSide):
        pair_id (str):
        received_at (datetime.datetime | None):
        sent_at (datetime.datetime | None):
        status (GiftStatus):
        thank_you (None | str):
        title (str):
        tracking (None | str):
    """

    allowed_actions: list[GiftAction]
    bought_at: datetime.datetime | None
    carrier: None | str
    missing_reported_at: datetime.datetime | None
    my_role: MessageSide
    pair_id: str
    received_at: datetime.datetime | None
    sent_at: datetime.datetime | None
    status: GiftStatus
    thank_you: None | str
    title: str
    tracking: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed_actions = []
        for allowed_actions_item_data in self.allowed_actions:
            allowed_actions_item: str = allowed_actions_item_data
            allowed_actions.append(allowed_actions_item)

        bought_at: None | str
        if isinstance(self.bought_at, datetime.datetime):
            bought_at = self.bought_at.isoformat()
        else:
            bought_at = self.bought_at

        carrier: None | str
        carrier = self.carrier

        missing_reported_at: None | str
        if isinstance(self.missing_reported_at, datetime.datetime):
            missing_reported_at = self.missing_reported_at.isoformat()
        else:
            missing_reported_at = self.missing_reported_at

        my_role: str = self.my_role

        pair_id = self.pair_id

        received_at: None | str
        if isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        status: str = self.status

        thank_you: None | str
        thank_you = self.thank_you

        title = self.title

        tracking: None | str
        tracking = self.tracking

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed_actions": allowed_actions,
                "bought_at": bought_at,
                "carrier": carrier,
                "missing_reported_at": missing_reported_at,
                "my_role": my_role,
                "pair_id": pair_id,
                "received_at": received_at,
                "sent_at": sent_at,
                "status": status,
                "thank_you": thank_you,
                "title": title,
                "tracking": tracking,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allowed_actions = []
        _allowed_actions = d.pop("allowed_actions")
        for allowed_actions_item_data in _allowed_actions:
            allowed_actions_item = check_gift_action(allowed_actions_item_data)

            allowed_actions.append(allowed_actions_item)

        def _parse_bought_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bought_at_type_0 = datetime.datetime.fromisoformat(data)

                return bought_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        bought_at = _parse_bought_at(d.pop("bought_at"))

        def _parse_carrier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        carrier = _parse_carrier(d.pop("carrier"))

        def _parse_missing_reported_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                missing_reported_at_type_0 = datetime.datetime.fromisoformat(data)

                return missing_reported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        missing_reported_at = _parse_missing_reported_at(d.pop("missing_reported_at"))

        my_role = check_message_side(d.pop("my_role"))

        pair_id = d.pop("pair_id")

        def _parse_received_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        received_at = _parse_received_at(d.pop("received_at"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        status = check_gift_status(d.pop("status"))

        def _parse_thank_you(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        thank_you = _parse_thank_you(d.pop("thank_you"))

        title = d.pop("title")

        def _parse_tracking(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tracking = _parse_tracking(d.pop("tracking"))

        gift = cls(
            allowed_actions=allowed_actions,
            bought_at=bought_at,
            carrier=carrier,
            missing_reported_at=missing_reported_at,
            my_role=my_role,
            pair_id=pair_id,
            received_at=received_at,
            sent_at=sent_at,
            status=status,
            thank_you=thank_you,
            title=title,
            tracking=tracking,
        )

        gift.additional_properties = d
        return gift

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
