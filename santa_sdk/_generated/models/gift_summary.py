from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.gift_issue import GiftIssue


T = TypeVar("T", bound="GiftSummary")


@_attrs_define
class GiftSummary:
    """Counts for the organizers (sent 12 / received 9); no pair is shown.

    Attributes:
        bought (int):
        pairs (int):
        pending (int):
        received (int):
        sent (int):
        issues (list[GiftIssue] | Unset):
    """

    bought: int
    pairs: int
    pending: int
    received: int
    sent: int
    issues: list[GiftIssue] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.gift_issue import GiftIssue  # noqa: PLC0415

        bought = self.bought

        pairs = self.pairs

        pending = self.pending

        received = self.received

        sent = self.sent

        issues: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.issues, Unset):
            issues = []
            for issues_item_data in self.issues:
                issues_item = issues_item_data.to_dict()
                issues.append(issues_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bought": bought,
                "pairs": pairs,
                "pending": pending,
                "received": received,
                "sent": sent,
            }
        )
        if issues is not UNSET:
            field_dict["issues"] = issues

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gift_issue import GiftIssue  # noqa: PLC0415

        d = dict(src_dict)
        bought = d.pop("bought")

        pairs = d.pop("pairs")

        pending = d.pop("pending")

        received = d.pop("received")

        sent = d.pop("sent")

        _issues = d.pop("issues", UNSET)
        issues: list[GiftIssue] | Unset = UNSET
        if _issues is not UNSET:
            issues = []
            for issues_item_data in _issues:
                issues_item = GiftIssue.from_dict(issues_item_data)

                issues.append(issues_item)

        gift_summary = cls(
            bought=bought,
            pairs=pairs,
            pending=pending,
            received=received,
            sent=sent,
            issues=issues,
        )

        gift_summary.additional_properties = d
        return gift_summary

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
