from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.gift_action import check_gift_action
from ..models.gift_action import GiftAction
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="GiftMove")


@_attrs_define
class GiftMove:
    """
    Attributes:
        action (GiftAction):
        carrier (None | str | Unset):
        thank_you (None | str | Unset):
        tracking (None | str | Unset):
    """

    action: GiftAction
    carrier: None | str | Unset = UNSET
    thank_you: None | str | Unset = UNSET
    tracking: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        else:
            carrier = self.carrier

        thank_you: None | str | Unset
        if isinstance(self.thank_you, Unset):
            thank_you = UNSET
        else:
            thank_you = self.thank_you

        tracking: None | str | Unset
        if isinstance(self.tracking, Unset):
            tracking = UNSET
        else:
            tracking = self.tracking

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
            }
        )
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if thank_you is not UNSET:
            field_dict["thank_you"] = thank_you
        if tracking is not UNSET:
            field_dict["tracking"] = tracking

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = check_gift_action(d.pop("action"))

        def _parse_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))

        def _parse_thank_you(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thank_you = _parse_thank_you(d.pop("thank_you", UNSET))

        def _parse_tracking(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracking = _parse_tracking(d.pop("tracking", UNSET))

        gift_move = cls(
            action=action,
            carrier=carrier,
            thank_you=thank_you,
            tracking=tracking,
        )

        return gift_move
