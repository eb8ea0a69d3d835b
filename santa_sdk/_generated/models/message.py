from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.message_author import check_message_author
from ..models.message_author import MessageAuthor
from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """
    Attributes:
        author (MessageAuthor):
        author_label (str):
        body (None | str):
        created_at (datetime.datetime):
        deleted (bool):
        editable_until (datetime.datetime | None):
        edited_at (datetime.datetime | None):
        id (UUID):
        pair_id (str):
        read (bool):
    """

    author: MessageAuthor
    author_label: str
    body: None | str
    created_at: datetime.datetime
    deleted: bool
    editable_until: datetime.datetime | None
    edited_at: datetime.datetime | None
    id: UUID
    pair_id: str
    read: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author: str = self.author

        author_label = self.author_label

        body: None | str
        body = self.body

        created_at = self.created_at.isoformat()

        deleted = self.deleted

        editable_until: None | str
        if isinstance(self.editable_until, datetime.datetime):
            editable_until = self.editable_until.isoformat()
        else:
            editable_until = self.editable_until

        edited_at: None | str
        if isinstance(self.edited_at, datetime.datetime):
            edited_at = self.edited_at.isoformat()
        else:
            edited_at = self.edited_at

        id = str(self.id)

        pair_id = self.pair_id

        read = self.read

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "author": author,
                "author_label": author_label,
                "body": body,
                "created_at": created_at,
                "deleted": deleted,
                "editable_until": editable_until,
                "edited_at": edited_at,
                "id": id,
                "pair_id": pair_id,
                "read": read,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author = check_message_author(d.pop("author"))

        author_label = d.pop("author_label")

        def _parse_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body = _parse_body(d.pop("body"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        deleted = d.pop("deleted")

        def _parse_editable_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                editable_until_type_0 = datetime.datetime.fromisoformat(data)

                return editable_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        editable_until = _parse_editable_until(d.pop("editable_until"))

        def _parse_edited_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                edited_at_type_0 = datetime.datetime.fromisoformat(data)

                return edited_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        edited_at = _parse_edited_at(d.pop("edited_at"))

        id = UUID(d.pop("id"))

        pair_id = d.pop("pair_id")

        read = d.pop("read")

        message = cls(
            author=author,
            author_label=author_label,
            body=body,
            created_at=created_at,
            deleted=deleted,
            editable_until=editable_until,
            edited_at=edited_at,
            id=id,
            pair_id=pair_id,
            read=read,
        )

        message.additional_properties = d
        return message

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
