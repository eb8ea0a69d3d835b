"""``santa logout``: end the kept session on the server and forget it here."""

from __future__ import annotations

from contextlib import suppress

from santa_cli.api import Json, forget_session, load_session
from santa_cli.output import print_json, say


def logout(as_json: Json = False) -> None:
    """Sign out: the server ends the session, and the kept tokens are deleted.

    \b
    Example:
      santa logout
    """
    kept = load_session()
    server = kept.get("server")
    if kept.get("access_token") and server:
        from santa_sdk import ApiError, connect
        from santa_sdk import logout as sdk_logout

        with (
            suppress(ApiError, OSError),
            connect(
                server,
                token=kept["access_token"],
                refresh_token=kept.get("refresh_token") or None,
                raise_on_error=True,
            ) as client,
        ):
            sdk_logout(client)
    forget_session()
    if as_json:
        print_json({"signed_out": bool(server), "server": server})
        return
    say(f"signed out of {server}" if server else "not signed in")
