"""Moved to :mod:`santa_core.kit.types` (kept for imports written before the move)."""

from santa_core.kit.types import *  # noqa: F403
