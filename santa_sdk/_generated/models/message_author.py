from typing import Literal

MessageAuthor = Literal["giftee", "me", "santa"]

MESSAGE_AUTHOR_VALUES: set[MessageAuthor] = {
    "giftee",
    "me",
    "santa",
}


def check_message_author(value: str) -> MessageAuthor:
    if value in MESSAGE_AUTHOR_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MESSAGE_AUTHOR_VALUES!r}"
    )
