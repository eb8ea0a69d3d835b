from typing import Literal

ParticipantRole = Literal["co_organizer", "organizer", "participant"]

PARTICIPANT_ROLE_VALUES: set[ParticipantRole] = {
    "co_organizer",
    "organizer",
    "participant",
}


def check_participant_role(value: str) -> ParticipantRole:
    if value in PARTICIPANT_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PARTICIPANT_ROLE_VALUES!r}"
    )
