from typing import Literal

InvitationSignupTransport = Literal["body", "cookie"]

INVITATION_SIGNUP_TRANSPORT_VALUES: set[InvitationSignupTransport] = {
    "body",
    "cookie",
}


def check_invitation_signup_transport(value: str) -> InvitationSignupTransport:
    if value in INVITATION_SIGNUP_TRANSPORT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INVITATION_SIGNUP_TRANSPORT_VALUES!r}"
    )
