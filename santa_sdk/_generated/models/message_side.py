from typing import Literal

MessageSide = Literal["giftee", "santa"]

MESSAGE_SIDE_VALUES: set[MessageSide] = {
    "giftee",
    "santa",
}


def check_message_side(value: str) -> MessageSide:
    if value in MESSAGE_SIDE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MESSAGE_SIDE_VALUES!r}"
    )
