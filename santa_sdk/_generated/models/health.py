from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_status import check_health_status
from ..models.health_status import HealthStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.component_status import ComponentStatus


T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """
    Attributes:
        database (ComponentStatus):
        environment (str):
        queue (ComponentStatus):
        status (HealthStatus):
        version (str):
        rate_limits (ComponentStatus | None | Unset):
    """

    database: ComponentStatus
    environment: str
    queue: ComponentStatus
    status: HealthStatus
    version: str
    rate_limits: ComponentStatus | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.component_status import ComponentStatus  # noqa: PLC0415

        database = self.database.to_dict()

        environment = self.environment

        queue = self.queue.to_dict()

        status: str = self.status

        version = self.version

        rate_limits: dict[str, Any] | None | Unset
        if isinstance(self.rate_limits, Unset):
            rate_limits = UNSET
        elif isinstance(self.rate_limits, ComponentStatus):
            rate_limits = self.rate_limits.to_dict()
        else:
            rate_limits = self.rate_limits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "database": database,
                "environment": environment,
                "queue": queue,
                "status": status,
                "version": version,
            }
        )
        if rate_limits is not UNSET:
            field_dict["rate_limits"] = rate_limits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.component_status import ComponentStatus  # noqa: PLC0415

        d = dict(src_dict)
        database = ComponentStatus.from_dict(d.pop("database"))

        environment = d.pop("environment")

        queue = ComponentStatus.from_dict(d.pop("queue"))

        status = check_health_status(d.pop("status"))

        version = d.pop("version")

        def _parse_rate_limits(data: object) -> ComponentStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rate_limits_type_0 = ComponentStatus.from_dict(data)

                return rate_limits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComponentStatus | None | Unset, data)

        rate_limits = _parse_rate_limits(d.pop("rate_limits", UNSET))

        health = cls(
            database=database,
            environment=environment,
            queue=queue,
            status=status,
            version=version,
            rate_limits=rate_limits,
        )

        health.additional_properties = d
        return health

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
