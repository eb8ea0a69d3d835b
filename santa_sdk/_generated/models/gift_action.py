from typing import Literal

GiftAction = Literal["bought", "missing", "received", "sent"]

GIFT_ACTION_VALUES: set[GiftAction] = {
    "bought",
    "missing",
    "received",
    "sent",
}


def check_gift_action(value: str) -> GiftAction:
    if value in GIFT_ACTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GIFT_ACTION_VALUES!r}"
    )
