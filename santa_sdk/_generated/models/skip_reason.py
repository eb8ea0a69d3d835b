from typing import Literal

SkipReason = Literal["already_invited", "already_member", "duplicate"]

SKIP_REASON_VALUES: set[SkipReason] = {
    "already_invited",
    "already_member",
    "duplicate",
}


def check_skip_reason(value: str) -> SkipReason:
    if value in SKIP_REASON_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SKIP_REASON_VALUES!r}"
    )
