"""``santa_sdk.types``: ``santa_sdk/_generated/types`` under its public name."""

from santa_sdk._generated.types import *  # noqa: F403
from santa_sdk._generated.types import __all__ as __all__
