from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.draw_options import DrawOptions


T = TypeVar("T", bound="BoxUpdate")


@_attrs_define
class BoxUpdate:
    """Partial update: only the fields sent are changed (``null`` clears optional ones).

    Attributes:
        auto_draw (bool | Unset):
        cover (None | str | Unset):
        currency (str | Unset):
        description (str | Unset):
        draw_options (DrawOptions | Unset): How the draw is shaped (checked again by the engine).
        event_date (datetime.date | None | Unset):
        is_private_names (bool | Unset):
        max_budget (float | None | str | Unset):
        min_budget (float | None | str | Unset):
        name (str | Unset):
        organizer_participates (bool | Unset):
        rules (str | Unset):
        shipping_deadline (datetime.datetime | None | Unset):
        signup_deadline (datetime.datetime | None | Unset):
    """

    auto_draw: bool | Unset = UNSET
    cover: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    description: str | Unset = UNSET
    draw_options: DrawOptions | Unset = UNSET
    event_date: datetime.date | None | Unset = UNSET
    is_private_names: bool | Unset = UNSET
    max_budget: float | None | str | Unset = UNSET
    min_budget: float | None | str | Unset = UNSET
    name: str | Unset = UNSET
    organizer_participates: bool | Unset = UNSET
    rules: str | Unset = UNSET
    shipping_deadline: datetime.datetime | None | Unset = UNSET
    signup_deadline: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.draw_options import DrawOptions  # noqa: PLC0415

        auto_draw = self.auto_draw

        cover: None | str | Unset
        if isinstance(self.cover, Unset):
            cover = UNSET
        else:
            cover = self.cover

        currency = self.currency

        description = self.description

        draw_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.draw_options, Unset):
            draw_options = self.draw_options.to_dict()

        event_date: None | str | Unset
        if isinstance(self.event_date, Unset):
            event_date = UNSET
        elif isinstance(self.event_date, datetime.date):
            event_date = self.event_date.isoformat()
        else:
            event_date = self.event_date

        is_private_names = self.is_private_names

        max_budget: float | None | str | Unset
        if isinstance(self.max_budget, Unset):
            max_budget = UNSET
        else:
            max_budget = self.max_budget

        min_budget: float | None | str | Unset
        if isinstance(self.min_budget, Unset):
            min_budget = UNSET
        else:
            min_budget = self.min_budget

        name = self.name

        organizer_participates = self.organizer_participates

        rules = self.rules

        shipping_deadline: None | str | Unset
        if isinstance(self.shipping_deadline, Unset):
            shipping_deadline = UNSET
        elif isinstance(self.shipping_deadline, datetime.datetime):
            shipping_deadline = self.shipping_deadline.isoformat()
        else:
            shipping_deadline = self.shipping_deadline

        signup_deadline: None | str | Unset
        if isinstance(self.signup_deadline, Unset):
            signup_deadline = UNSET
        elif isinstance(self.signup_deadline, datetime.datetime):
            signup_deadline = self.signup_deadline.isoformat()
        else:
            signup_deadline = self.signup_deadline

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if auto_draw is not UNSET:
            field_dict["auto_draw"] = auto_draw
        if cover is not UNSET:
            field_dict["cover"] = cover
        if currency is not UNSET:
            field_dict["currency"] = currency
        if description is not UNSET:
            field_dict["description"] = description
        if draw_options is not UNSET:
            field_dict["draw_options"] = draw_options
        if event_date is not UNSET:
            field_dict["event_date"] = event_date
        if is_private_names is not UNSET:
            field_dict["is_private_names"] = is_private_names
        if max_budget is not UNSET:
            field_dict["max_budget"] = max_budget
        if min_budget is not UNSET:
            field_dict["min_budget"] = min_budget
        if name is not UNSET:
            field_dict["name"] = name
        if organizer_participates is not UNSET:
            field_dict["organizer_participates"] = organizer_participates
        if rules is not UNSET:
            field_dict["rules"] = rules
        if shipping_deadline is not UNSET:
            field_dict["shipping_deadline"] = shipping_deadline
        if signup_deadline is not UNSET:
            field_dict["signup_deadline"] = signup_deadline

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.draw_options import DrawOptions  # noqa: PLC0415

        d = dict(src_dict)
        auto_draw = d.pop("auto_draw", UNSET)

        def _parse_cover(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cover = _parse_cover(d.pop("cover", UNSET))

        currency = d.pop("currency", UNSET)

        description = d.pop("description", UNSET)

        _draw_options = d.pop("draw_options", UNSET)
        draw_options: DrawOptions | Unset
        if isinstance(_draw_options, Unset):
            draw_options = UNSET
        else:
            draw_options = DrawOptions.from_dict(_draw_options)

        def _parse_event_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_date_type_0 = datetime.date.fromisoformat(data)

                return event_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        event_date = _parse_event_date(d.pop("event_date", UNSET))

        is_private_names = d.pop("is_private_names", UNSET)

        def _parse_max_budget(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        max_budget = _parse_max_budget(d.pop("max_budget", UNSET))

        def _parse_min_budget(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        min_budget = _parse_min_budget(d.pop("min_budget", UNSET))

        name = d.pop("name", UNSET)

        organizer_participates = d.pop("organizer_participates", UNSET)

        rules = d.pop("rules", UNSET)

        def _parse_shipping_deadline(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shipping_deadline_type_0 = datetime.datetime.fromisoformat(data)

                return shipping_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        shipping_deadline = _parse_shipping_deadline(d.pop("shipping_deadline", UNSET))

        def _parse_signup_deadline(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signup_deadline_type_0 = datetime.datetime.fromisoformat(data)

                return signup_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        signup_deadline = _parse_signup_deadline(d.pop("signup_deadline", UNSET))

        box_update = cls(
            auto_draw=auto_draw,
            cover=cover,
            currency=currency,
            description=description,
            draw_options=draw_options,
            event_date=event_date,
            is_private_names=is_private_names,
            max_budget=max_budget,
            min_budget=min_budget,
            name=name,
            organizer_participates=organizer_participates,
            rules=rules,
            shipping_deadline=shipping_deadline,
            signup_deadline=signup_deadline,
        )

        return box_update
