from typing import Literal

GiftStatus = Literal["bought", "pending", "received", "sent"]

GIFT_STATUS_VALUES: set[GiftStatus] = {
    "bought",
    "pending",
    "received",
    "sent",
}


def check_gift_status(value: str) -> GiftStatus:
    if value in GIFT_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GIFT_STATUS_VALUES!r}"
    )
