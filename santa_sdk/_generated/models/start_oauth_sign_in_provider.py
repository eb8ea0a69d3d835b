from typing import Literal

StartOauthSignInProvider = Literal["google", "vk"]

START_OAUTH_SIGN_IN_PROVIDER_VALUES: set[StartOauthSignInProvider] = {
    "google",
    "vk",
}


def check_start_oauth_sign_in_provider(value: str) -> StartOauthSignInProvider:
    if value in START_OAUTH_SIGN_IN_PROVIDER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {START_OAUTH_SIGN_IN_PROVIDER_VALUES!r}"
    )
