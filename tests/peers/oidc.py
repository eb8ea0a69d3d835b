"""A real OpenID Connect provider on loopback: nanoidp, run in its own environment by uvx.

nanoidp implements the authorization code flow and refuses a code whose PKCE
verifier is wrong or missing (``require_pkce``). Its login page is a plain
form, so a test plays the browser with httpx.

Warm the uv cache once (CI does it in ``.ci/run``)::

    UV_PYTHON_DOWNLOADS=never uvx --from nanoidp==3.4.0 nanoidp --help
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.peers._net import free_port

NANOIDP = "nanoidp==3.4.0"
CLIENT_ID = "santa-test"
CLIENT_SECRET = "santa-test-client-secret"
REDIRECT_URI = "http://testserver/api/v1/auth/oauth/google/callback"
USERS = {
    "alice": ("alice-password", "alice@example.org"),
    "bob": ("bob-password", "bob@example.org"),
}


@dataclass(frozen=True)
class OIDCProvider:
    issuer: str
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def sign_in(self, authorization_url: str, username: str) -> str:
        """Play the browser at the provider: open the login page, submit the form.

        Returns the URL the provider redirects back to (with ``code`` and ``state``).
        """
        password, _ = USERS[username]
        with httpx.Client(follow_redirects=False, timeout=10) as browser:
            page = browser.get(authorization_url)
            page.raise_for_status()
            found = re.search(r'name="transaction_id" value="([^"]+)"', page.text)
            assert found, "nanoidp login page without a transaction"
            answer = browser.post(
                f"{self.issuer}/authorize",
                data={
                    "transaction_id": found.group(1),
                    "username": username,
                    "password": password,
                },
            )
        assert answer.status_code in (302, 303), answer.text[:500]
        return answer.headers["location"]


def _write_config(directory: Path, issuer: str, port: int) -> None:
    users = "\n".join(
        f'  {name}:\n    password: "{password}"\n    email: "{email}"'
        for name, (password, email) in USERS.items()
    )
    keys_dir = directory / "keys"
    (directory / "settings.yaml").write_text(
        f"""config_version: 1
server:
  host: "127.0.0.1"
  port: {port}
oauth:
  issuer: "{issuer}"
  audience: "{CLIENT_ID}"
  require_pkce: true
  clients:
    - client_id: "{CLIENT_ID}"
      client_secret: "{CLIENT_SECRET}"
      token_endpoint_auth_method: client_secret_post
      redirect_uris: ["{REDIRECT_URI}"]
jwt:
  keys_dir: "{keys_dir}"
session:
  enforce_password_check: true
  secret_key: "nanoidp-session-secret-for-santa-tests"
logging:
  level: WARNING
  verbose_logging: false
  log_token_requests: false
"""
    )
    (directory / "users.yaml").write_text(f"config_version: 1\nusers:\n{users}\n")


@contextmanager
def run_nanoidp(directory: Path, *, startup_timeout: float = 120.0) -> Iterator[OIDCProvider]:
    """Start nanoidp on a free loopback port; stop it (and its process group) after."""
    uvx = shutil.which("uvx")
    if uvx is None:
        raise RuntimeError("uvx is not installed (pip install uv)")
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    _write_config(directory, issuer, port)
    log = (directory / "nanoidp.log").open("wb")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    proc = subprocess.Popen(
        [uvx, "--from", NANOIDP, "nanoidp", "--config", str(directory), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=directory,
        start_new_session=True,
    )
    provider = OIDCProvider(issuer=issuer)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"nanoidp exited with {proc.returncode}: "
                    + (directory / "nanoidp.log").read_text(errors="replace")[-2000:]
                )
            try:
                if httpx.get(provider.discovery_url, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"nanoidp did not answer on {issuer} in {startup_timeout}s")
            time.sleep(0.2)
        yield provider
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()
