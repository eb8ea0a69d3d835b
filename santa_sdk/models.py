"""``santa_sdk.models``: ``santa_sdk/_generated/models`` under its public name."""

from santa_sdk._generated.models import *  # noqa: F403
from santa_sdk._generated.models import __all__ as __all__
