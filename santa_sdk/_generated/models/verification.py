from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.verification_document_type_0 import VerificationDocumentType0


T = TypeVar("T", bound="Verification")


@_attrs_define
class Verification:
    """Before the reveal: the commitment. After it: the whole document to check offline.

    Attributes:
        box_id (UUID):
        commitment (None | str):
        engine_version (None | str):
        revealed (bool):
        document (None | Unset | VerificationDocumentType0):
    """

    box_id: UUID
    commitment: None | str
    engine_version: None | str
    revealed: bool
    document: None | Unset | VerificationDocumentType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.verification_document_type_0 import VerificationDocumentType0  # noqa: PLC0415

        box_id = str(self.box_id)

        commitment: None | str
        commitment = self.commitment

        engine_version: None | str
        engine_version = self.engine_version

        revealed = self.revealed

        document: dict[str, Any] | None | Unset
        if isinstance(self.document, Unset):
            document = UNSET
        elif isinstance(self.document, VerificationDocumentType0):
            document = self.document.to_dict()
        else:
            document = self.document

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "box_id": box_id,
                "commitment": commitment,
                "engine_version": engine_version,
                "revealed": revealed,
            }
        )
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verification_document_type_0 import VerificationDocumentType0  # noqa: PLC0415

        d = dict(src_dict)
        box_id = UUID(d.pop("box_id"))

        def _parse_commitment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        commitment = _parse_commitment(d.pop("commitment"))

        def _parse_engine_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        engine_version = _parse_engine_version(d.pop("engine_version"))

        revealed = d.pop("revealed")

        def _parse_document(data: object) -> None | Unset | VerificationDocumentType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                document_type_0 = VerificationDocumentType0.from_dict(data)

                return document_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationDocumentType0, data)

        document = _parse_document(d.pop("document", UNSET))

        verification = cls(
            box_id=box_id,
            commitment=commitment,
            engine_version=engine_version,
            revealed=revealed,
            document=document,
        )

        verification.additional_properties = d
        return verification

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
