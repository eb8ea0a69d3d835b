from typing import Literal

CompleteOauthProvider = Literal["google", "vk"]

COMPLETE_OAUTH_PROVIDER_VALUES: set[CompleteOauthProvider] = {
    "google",
    "vk",
}


def check_complete_oauth_provider(value: str) -> CompleteOauthProvider:
    if value in COMPLETE_OAUTH_PROVIDER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {COMPLETE_OAUTH_PROVIDER_VALUES!r}"
    )
