"""Write the app's OpenAPI spec to openapi.json (deterministic: sorted keys, no machine data).

Usage: uv run python scripts/openapi_dump.py [--check] [PATH]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_spec() -> str:
    from santa_core.config import Settings
    from santa_server.app import create_app
    from santa_server.openapi import dump

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), database_url=f"sqlite:///{tmp}/spec.db")
        app = create_app(settings)
        text = dump(app)
        app.state.engine.dispose()
        return text


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    path = Path(args[0]) if args else ROOT / "openapi.json"
    spec = build_spec()
    if check:
        if not path.exists() or path.read_text() != spec:
            sys.stderr.write(
                f"{path.name} is out of date with the code: run `uv run nox -s sdk` and commit\n"
            )
            return 1
        return 0
    path.write_text(spec)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
