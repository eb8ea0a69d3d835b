from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.draw_warning import DrawWarning


T = TypeVar("T", bound="DrawPreview")


@_attrs_define
class DrawPreview:
    """Whether a draw exists now, and what people could deduce. Reveals no pair.

    Attributes:
        feasible (bool):
        not_joined_count (int):
        participant_count (int):
        requires_acknowledgement (bool):
        secrecy_checked (bool):
        explanation (None | str | Unset):
        reason (None | str | Unset):
        suggestion (None | str | Unset):
        valid_draws (int | None | Unset):
        warnings (list[DrawWarning] | Unset):
    """

    feasible: bool
    not_joined_count: int
    participant_count: int
    requires_acknowledgement: bool
    secrecy_checked: bool
    explanation: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    suggestion: None | str | Unset = UNSET
    valid_draws: int | None | Unset = UNSET
    warnings: list[DrawWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.draw_warning import DrawWarning  # noqa: PLC0415

        feasible = self.feasible

        not_joined_count = self.not_joined_count

        participant_count = self.participant_count

        requires_acknowledgement = self.requires_acknowledgement

        secrecy_checked = self.secrecy_checked

        explanation: None | str | Unset
        if isinstance(self.explanation, Unset):
            explanation = UNSET
        else:
            explanation = self.explanation

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        suggestion: None | str | Unset
        if isinstance(self.suggestion, Unset):
            suggestion = UNSET
        else:
            suggestion = self.suggestion

        valid_draws: int | None | Unset
        if isinstance(self.valid_draws, Unset):
            valid_draws = UNSET
        else:
            valid_draws = self.valid_draws

        warnings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = []
            for warnings_item_data in self.warnings:
                warnings_item = warnings_item_data.to_dict()
                warnings.append(warnings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feasible": feasible,
                "not_joined_count": not_joined_count,
                "participant_count": participant_count,
                "requires_acknowledgement": requires_acknowledgement,
                "secrecy_checked": secrecy_checked,
            }
        )
        if explanation is not UNSET:
            field_dict["explanation"] = explanation
        if reason is not UNSET:
            field_dict["reason"] = reason
        if suggestion is not UNSET:
            field_dict["suggestion"] = suggestion
        if valid_draws is not UNSET:
            field_dict["valid_draws"] = valid_draws
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.draw_warning import DrawWarning  # noqa: PLC0415

        d = dict(src_dict)
        feasible = d.pop("feasible")

        not_joined_count = d.pop("not_joined_count")

        participant_count = d.pop("participant_count")

        requires_acknowledgement = d.pop("requires_acknowledgement")

        secrecy_checked = d.pop("secrecy_checked")

        def _parse_explanation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        explanation = _parse_explanation(d.pop("explanation", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_suggestion(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        suggestion = _parse_suggestion(d.pop("suggestion", UNSET))

        def _parse_valid_draws(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_draws = _parse_valid_draws(d.pop("valid_draws", UNSET))

        _warnings = d.pop("warnings", UNSET)
        warnings: list[DrawWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = DrawWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        draw_preview = cls(
            feasible=feasible,
            not_joined_count=not_joined_count,
            participant_count=participant_count,
            requires_acknowledgement=requires_acknowledgement,
            secrecy_checked=secrecy_checked,
            explanation=explanation,
            reason=reason,
            suggestion=suggestion,
            valid_draws=valid_draws,
            warnings=warnings,
        )

        draw_preview.additional_properties = d
        return draw_preview

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
