from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.telegram_sign_in_transport import check_telegram_sign_in_transport
from ..models.telegram_sign_in_transport import TelegramSignInTransport
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.telegram_login_data import TelegramLoginData


T = TypeVar("T", bound="TelegramSignIn")


@_attrs_define
class TelegramSignIn:
    """
    Attributes:
        data (TelegramLoginData): The object the Telegram login widget hands over (fields as Telegram names them).
        transport (TelegramSignInTransport | Unset):  Default: 'cookie'.
    """

    data: TelegramLoginData
    transport: TelegramSignInTransport | Unset = "cookie"

    def to_dict(self) -> dict[str, Any]:
        from ..models.telegram_login_data import TelegramLoginData  # noqa: PLC0415

        data = self.data.to_dict()

        transport: str | Unset = UNSET
        if not isinstance(self.transport, Unset):
            transport = self.transport

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )
        if transport is not UNSET:
            field_dict["transport"] = transport

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.telegram_login_data import TelegramLoginData  # noqa: PLC0415

        d = dict(src_dict)
        data = TelegramLoginData.from_dict(d.pop("data"))

        _transport = d.pop("transport", UNSET)
        transport: TelegramSignInTransport | Unset
        if isinstance(_transport, Unset):
            transport = UNSET
        else:
            transport = check_telegram_sign_in_transport(_transport)

        telegram_sign_in = cls(
            data=data,
            transport=transport,
        )

        return telegram_sign_in
