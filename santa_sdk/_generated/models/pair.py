from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.pair_person import PairPerson


T = TypeVar("T", bound="Pair")


@_attrs_define
class Pair:
    """
    Attributes:
        giftee (PairPerson):
        santa (PairPerson):
    """

    giftee: PairPerson
    santa: PairPerson
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.pair_person import PairPerson  # noqa: PLC0415

        giftee = self.giftee.to_dict()

        santa = self.santa.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "giftee": giftee,
                "santa": santa,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pair_person import PairPerson  # noqa: PLC0415

        d = dict(src_dict)
        giftee = PairPerson.from_dict(d.pop("giftee"))

        santa = PairPerson.from_dict(d.pop("santa"))

        pair = cls(
            giftee=giftee,
            santa=santa,
        )

        pair.additional_properties = d
        return pair

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
