from typing import Literal

StartOauthLinkProvider = Literal["google", "vk"]

START_OAUTH_LINK_PROVIDER_VALUES: set[StartOauthLinkProvider] = {
    "google",
    "vk",
}


def check_start_oauth_link_provider(value: str) -> StartOauthLinkProvider:
    if value in START_OAUTH_LINK_PROVIDER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {START_OAUTH_LINK_PROVIDER_VALUES!r}"
    )
