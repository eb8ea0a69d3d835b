from typing import Literal

InviteStatus = Literal["accepted", "declined", "expired", "pending", "revoked"]

INVITE_STATUS_VALUES: set[InviteStatus] = {
    "accepted",
    "declined",
    "expired",
    "pending",
    "revoked",
}


def check_invite_status(value: str) -> InviteStatus:
    if value in INVITE_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INVITE_STATUS_VALUES!r}"
    )
