"""``santa_sdk.errors``: ``santa_sdk/_generated/errors`` under its public name."""

from santa_sdk._generated.errors import *  # noqa: F403
from santa_sdk._generated.errors import __all__ as __all__
