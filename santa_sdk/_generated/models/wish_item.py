from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="WishItem")


@_attrs_define
class WishItem:
    """
    Attributes:
        title (str):
        note (str | Unset):  Default: ''.
        url (None | str | Unset):
    """

    title: str
    note: str | Unset = ""
    url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        note = self.note

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        note = d.pop("note", UNSET)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        wish_item = cls(
            title=title,
            note=note,
            url=url,
        )

        return wish_item
