from typing import Literal

TelegramSignInTransport = Literal["body", "cookie"]

TELEGRAM_SIGN_IN_TRANSPORT_VALUES: set[TelegramSignInTransport] = {
    "body",
    "cookie",
}


def check_telegram_sign_in_transport(value: str) -> TelegramSignInTransport:
    if value in TELEGRAM_SIGN_IN_TRANSPORT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TELEGRAM_SIGN_IN_TRANSPORT_VALUES!r}"
    )
