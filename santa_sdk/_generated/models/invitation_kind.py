from typing import Literal

InvitationKind = Literal["email", "link"]

INVITATION_KIND_VALUES: set[InvitationKind] = {
    "email",
    "link",
}


def check_invitation_kind(value: str) -> InvitationKind:
    if value in INVITATION_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INVITATION_KIND_VALUES!r}"
    )
