from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.box_status import BoxStatus
from ..models.box_status import check_box_status
from ..models.participant_role import check_participant_role
from ..models.participant_role import ParticipantRole
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
    from ..models.draw_options import DrawOptions


T = TypeVar("T", bound="Box")


@_attrs_define
class Box:
    """
    Attributes:
        auto_draw (bool):
        cover (None | str):
        created_at (datetime.datetime):
        currency (str):
        description (str):
        draw_options (DrawOptions): How the draw is shaped (checked again by the engine).
        drawn_at (datetime.datetime | None):
        event_date (datetime.date | None):
        id (UUID):
        is_private_names (bool):
        max_budget (None | str):
        min_budget (None | str):
        name (str):
        organizer_id (UUID):
        organizer_participates (bool):
        pairs_revealed_at (datetime.datetime | None):
        previous_box_id (None | UUID):
        rules (str):
        series_id (UUID):
        shipping_deadline (datetime.datetime | None):
        signup_deadline (datetime.datetime | None):
        slug (str):
        status (BoxStatus):
        updated_at (datetime.datetime):
        year (int | None):
        can_manage (bool | Unset):  Default: False.
        my_role (None | ParticipantRole | Unset):
        participant_count (int | Unset):  Default: 0.
    """

    auto_draw: bool
    cover: None | str
    created_at: datetime.datetime
    currency: str
    description: str
    draw_options: DrawOptions
    drawn_at: datetime.datetime | None
    event_date: datetime.date | None
    id: UUID
    is_private_names: bool
    max_budget: None | str
    min_budget: None | str
    name: str
    organizer_id: UUID
    organizer_participates: bool
    pairs_revealed_at: datetime.datetime | None
    previous_box_id: None | UUID
    rules: str
    series_id: UUID
    shipping_deadline: datetime.datetime | None
    signup_deadline: datetime.datetime | None
    slug: str
    status: BoxStatus
    updated_at: datetime.datetime
    year: int | None
    can_manage: bool | Unset = False
    my_role: None | ParticipantRole | Unset = UNSET
    participant_count: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.draw_options import DrawOptions  # noqa: PLC0415

        auto_draw = self.auto_draw

        cover: None | str
        cover = self.cover

        created_at = self.created_at.isoformat()

        currency = self.currency

        description = self.description

        draw_options = self.draw_options.to_dict()

        drawn_at: None | str
        if isinstance(self.drawn_at, datetime.datetime):
            drawn_at = self.drawn_at.isoformat()
        else:
            drawn_at = self.drawn_at

        event_date: None | str
        if isinstance(self.event_date, datetime.date):
            event_date = self.event_date.isoformat()
        else:
            event_date = self.event_date

        id = str(self.id)

        is_private_names = self.is_private_names

        max_budget: None | str
        max_budget = self.max_budget

        min_budget: None | str
        min_budget = self.min_budget

        name = self.name

        organizer_id = str(self.organizer_id)

        organizer_participates = self.organizer_participates

        pairs_revealed_at: None | str
        if isinstance(self.pairs_revealed_at, datetime.datetime):
            pairs_revealed_at = self.pairs_revealed_at.isoformat()
        else:
            pairs_revealed_at = self.pairs_revealed_at

        previous_box_id: None | str
        if isinstance(self.previous_box_id, UUID):
            previous_box_id = str(self.previous_box_id)
        else:
            previous_box_id = self.previous_box_id

        rules = self.rules

        series_id = str(self.series_id)

        shipping_deadline: None | str
        if isinstance(self.shipping_deadline, datetime.datetime):
            shipping_deadline = self.shipping_deadline.isoformat()
        else:
            shipping_deadline = self.shipping_deadline

        signup_deadline: None | str
        if isinstance(self.signup_deadline, datetime.datetime):
            signup_deadline = self.signup_deadline.isoformat()
        else:
            signup_deadline = self.signup_deadline

        slug = self.slug

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        year: int | None
        year = self.year

        can_manage = self.can_manage

        my_role: None | str | Unset
        if isinstance(self.my_role, Unset):
            my_role = UNSET
        elif isinstance(self.my_role, str):
            my_role = self.my_role
        else:
            my_role = self.my_role

        participant_count = self.participant_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auto_draw": auto_draw,
                "cover": cover,
                "created_at": created_at,
                "currency": currency,
                "description": description,
                "draw_options": draw_options,
                "drawn_at": drawn_at,
                "event_date": event_date,
                "id": id,
                "is_private_names": is_private_names,
                "max_budget": max_budget,
                "min_budget": min_budget,
                "name": name,
                "organizer_id": organizer_id,
                "organizer_participates": organizer_participates,
                "pairs_revealed_at": pairs_revealed_at,
                "previous_box_id": previous_box_id,
                "rules": rules,
                "series_id": series_id,
                "shipping_deadline": shipping_deadline,
                "signup_deadline": signup_deadline,
                "slug": slug,
                "status": status,
                "updated_at": updated_at,
                "year": year,
            }
        )
        if can_manage is not UNSET:
            field_dict["can_manage"] = can_manage
        if my_role is not UNSET:
            field_dict["my_role"] = my_role
        if participant_count is not UNSET:
            field_dict["participant_count"] = participant_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.draw_options import DrawOptions  # noqa: PLC0415

        d = dict(src_dict)
        auto_draw = d.pop("auto_draw")

        def _parse_cover(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cover = _parse_cover(d.pop("cover"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        description = d.pop("description")

        draw_options = DrawOptions.from_dict(d.pop("draw_options"))

        def _parse_drawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                drawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return drawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        drawn_at = _parse_drawn_at(d.pop("drawn_at"))

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

        id = UUID(d.pop("id"))

        is_private_names = d.pop("is_private_names")

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

        name = d.pop("name")

        organizer_id = UUID(d.pop("organizer_id"))

        organizer_participates = d.pop("organizer_participates")

        def _parse_pairs_revealed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pairs_revealed_at_type_0 = datetime.datetime.fromisoformat(data)

                return pairs_revealed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        pairs_revealed_at = _parse_pairs_revealed_at(d.pop("pairs_revealed_at"))

        def _parse_previous_box_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_box_id_type_0 = UUID(data)

                return previous_box_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        previous_box_id = _parse_previous_box_id(d.pop("previous_box_id"))

        rules = d.pop("rules")

        series_id = UUID(d.pop("series_id"))

        def _parse_shipping_deadline(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shipping_deadline_type_0 = datetime.datetime.fromisoformat(data)

                return shipping_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        shipping_deadline = _parse_shipping_deadline(d.pop("shipping_deadline"))

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

        slug = d.pop("slug")

        status = check_box_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        year = _parse_year(d.pop("year"))

        can_manage = d.pop("can_manage", UNSET)

        def _parse_my_role(data: object) -> None | ParticipantRole | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                my_role_type_0 = check_participant_role(data)

                return my_role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParticipantRole | Unset, data)

        my_role = _parse_my_role(d.pop("my_role", UNSET))

        participant_count = d.pop("participant_count", UNSET)

        box = cls(
            auto_draw=auto_draw,
            cover=cover,
            created_at=created_at,
            currency=currency,
            description=description,
            draw_options=draw_options,
            drawn_at=drawn_at,
            event_date=event_date,
            id=id,
            is_private_names=is_private_names,
            max_budget=max_budget,
            min_budget=min_budget,
            name=name,
            organizer_id=organizer_id,
            organizer_participates=organizer_participates,
            pairs_revealed_at=pairs_revealed_at,
            previous_box_id=previous_box_id,
            rules=rules,
            series_id=series_id,
            shipping_deadline=shipping_deadline,
            signup_deadline=signup_deadline,
            slug=slug,
            status=status,
            updated_at=updated_at,
            year=year,
            can_manage=can_manage,
            my_role=my_role,
            participant_count=participant_count,
        )

        box.additional_properties = d
        return box

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
