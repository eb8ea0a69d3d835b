from typing import Literal

LoginRequestTransport = Literal["body", "cookie"]

LOGIN_REQUEST_TRANSPORT_VALUES: set[LoginRequestTransport] = {
    "body",
    "cookie",
}


def check_login_request_transport(value: str) -> LoginRequestTransport:
    if value in LOGIN_REQUEST_TRANSPORT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LOGIN_REQUEST_TRANSPORT_VALUES!r}"
    )
