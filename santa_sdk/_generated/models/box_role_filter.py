from typing import Literal

BoxRoleFilter = Literal["any", "organizer", "participant"]

BOX_ROLE_FILTER_VALUES: set[BoxRoleFilter] = {
    "any",
    "organizer",
    "participant",
}


def check_box_role_filter(value: str) -> BoxRoleFilter:
    if value in BOX_ROLE_FILTER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BOX_ROLE_FILTER_VALUES!r}"
    )
