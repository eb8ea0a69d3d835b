"""The UI's own translations (``frontend/src/i18n/<lang>/<namespace>.json``).

The browser tests find controls by the same texts users read, in either language,
so a wording change in the JSON does not break them and the Russian checks compare
with what the translators wrote, not with a copy of it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

I18N = Path(__file__).resolve().parents[2] / "frontend" / "src" / "i18n"


@cache
def _namespace(lang: str, ns: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((I18N / lang / f"{ns}.json").read_text())
    return data


def t(key: str, lang: str = "en", **values: object) -> str:
    """``t("auth:sign_up")``, ``t("boxes:wizard.next", "ru")``, with ``{{name}}`` filled in."""
    ns, _, path = key.partition(":")
    node: object = _namespace(lang, ns)
    for part in path.split("."):
        assert isinstance(node, dict), f"{key}: {part} is not a section"
        node = node[part]
    assert isinstance(node, str), f"{key} is a section, not a text"
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: str(values.get(m.group(1), m.group(0))), node)


def pattern(key: str, lang: str = "en") -> re.Pattern[str]:
    """A regex for a text with placeholders (``Hello, {{name}}!`` matches any name)."""
    parts = re.split(r"\{\{\s*\w+\s*\}\}", t(key, lang))
    return re.compile(".+?".join(re.escape(p) for p in parts))
