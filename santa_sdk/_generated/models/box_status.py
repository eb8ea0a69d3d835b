from typing import Literal

BoxStatus = Literal["archived", "draft", "drawing", "matched", "ready"]

BOX_STATUS_VALUES: set[BoxStatus] = {
    "archived",
    "draft",
    "drawing",
    "matched",
    "ready",
}


def check_box_status(value: str) -> BoxStatus:
    if value in BOX_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BOX_STATUS_VALUES!r}"
    )
