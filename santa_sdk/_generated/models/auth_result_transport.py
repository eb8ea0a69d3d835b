from typing import Literal

AuthResultTransport = Literal["body", "cookie"]

AUTH_RESULT_TRANSPORT_VALUES: set[AuthResultTransport] = {
    "body",
    "cookie",
}


def check_auth_result_transport(value: str) -> AuthResultTransport:
    if value in AUTH_RESULT_TRANSPORT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AUTH_RESULT_TRANSPORT_VALUES!r}"
    )
