"""Every setting is documented: the README's configuration table names each ``SANTA_*`` variable."""

from __future__ import annotations

from pathlib import Path

from santa_core.config import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## Configuration") :]
    missing = [
        f"SANTA_{name.upper()}"
        for name in Settings.model_fields
        if f"`SANTA_{name.upper()}`" not in table
    ]
    assert missing == [], f"add these to the README's configuration table: {missing}"
