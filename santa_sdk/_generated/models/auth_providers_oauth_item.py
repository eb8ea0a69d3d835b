from typing import Literal

AuthProvidersOauthItem = Literal["google", "vk"]

AUTH_PROVIDERS_OAUTH_ITEM_VALUES: set[AuthProvidersOauthItem] = {
    "google",
    "vk",
}


def check_auth_providers_oauth_item(value: str) -> AuthProvidersOauthItem:
    if value in AUTH_PROVIDERS_OAUTH_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AUTH_PROVIDERS_OAUTH_ITEM_VALUES!r}"
    )
