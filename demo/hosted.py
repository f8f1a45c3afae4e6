"""Hosted mode on one machine: a local OpenID Connect test provider with two people, and Rebond signing them in.

`make demo-hosted` runs this; the browser tests start the same two processes. Everything listens on
127.0.0.1; the provider lets anyone in as one of its test users (it is for trying, never for real use).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Same e-mail on purpose: Rebond tells people apart by issuer + subject, never by e-mail.
TEST_USERS = (
    {"sub": "alice-7f3a", "name": "Alice Martin", "email": "shared-inbox@example.test"},
    {"sub": "bob-19c2", "name": "Bob Tremblay", "email": "shared-inbox@example.test"},
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, proc: subprocess.Popen, log: Path, seconds: float = 30) -> None:
    """Until ``url`` answers 200; raises with the end of the log when the process dies or time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not come up; log:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@contextmanager
def running_provider(workdir: Path, port: int | None = None, users=TEST_USERS) -> Iterator[str]:
    """`oidc-provider-mock` on 127.0.0.1 with the test users; yields its issuer URL."""
    port = port or free_port()
    log = workdir / "oidc-provider.log"
    args = [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)]
    for user in users:
        args += ["--user-claims", json.dumps(user)]
    with log.open("w") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)
    issuer = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{issuer}/.well-known/openid-configuration", proc, log)
        yield issuer
    finally:
        _stop(proc)


def write_secrets(path: Path, app_url: str, issuer: str, cookie_secret: str | None = None) -> Path:
    """A secrets.toml whose ``[auth]`` section turns hosted mode on against ``issuer``."""
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "{app_url}/oauth2callback"\n'
        f'cookie_secret = "{cookie_secret or secrets.token_urlsafe(32)}"\n'
        'client_id = "rebond-demo"\n'
        'client_secret = "rebond-demo-secret"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
        # The test provider's form is the "account picker"; a real provider keeps its default.
        'client_kwargs = { prompt = "login" }\n',
        encoding="utf-8",
    )
    return path


@contextmanager
def running_rebond(
    workdir: Path, secrets_file: Path | None, port: int, env: Mapping[str, str] | None = None
) -> Iterator[str]:
    """`streamlit run app.py` on 127.0.0.1:``port``, offline, journal in ``workdir``; yields its URL.

    ``env`` adds to (or overrides) that environment: several replicas on one ``REBOND_DATABASE_URL``, the LLM engine.
    """
    log = workdir / f"streamlit-{port}.log"  # one per replica when several share a folder
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REBOND_"))}
    environment.update(REBOND_DB_PATH=str(workdir / "journal.sqlite3"), REBOND_ENGINE="offline")
    environment.update(env or {})  # may set another engine, a database server, an endpoint
    args = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false"]  # fmt: skip
    if secrets_file is not None:
        args += ["--secrets.files", str(secrets_file)]
    with log.open("w") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/_stcore/health", proc, log)
        yield url
    finally:
        _stop(proc)


@contextmanager
def hosted_replicas(workdir: Path, issuer: str, count: int = 2, env: Mapping[str, str] | None = None) -> Iterator[list[str]]:
    """``count`` Rebond replicas in hosted mode against ``issuer``, each on its own port; yields their URLs.

    They share one cookie secret, as replicas behind a proxy must; with ``REBOND_DATABASE_URL`` in ``env`` they
    share one journal. Without a proxy here, each browser stays on the replica it signed in to (sticky sessions).
    """
    cookie_secret = secrets.token_urlsafe(32)
    with ExitStack() as stack:
        urls = []
        for index in range(count):
            port = free_port()
            secrets_file = write_secrets(workdir / f"secrets-{index}.toml", f"http://127.0.0.1:{port}", issuer,
                                         cookie_secret)  # fmt: skip
            urls.append(stack.enter_context(running_rebond(workdir, secrets_file, port, env)))
        yield urls


@contextmanager
def hosted_demo(workdir: Path, app_port: int | None = None, provider_port: int | None = None) -> Iterator[tuple[str, str]]:
    """The provider and Rebond in hosted mode; yields (Rebond's URL, the issuer)."""
    app_port = app_port or free_port()
    with running_provider(workdir, provider_port) as issuer:
        secrets_file = write_secrets(workdir / "secrets.toml", f"http://127.0.0.1:{app_port}", issuer)
        with running_rebond(workdir, secrets_file, app_port) as url:
            yield url, issuer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8501, help="Rebond's port")
    parser.add_argument("--provider-port", type=int, default=9400, help="the test provider's port")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rebond-demo-hosted-") as tmp, \
            hosted_demo(Path(tmp), options.port, options.provider_port) as (url, issuer):  # fmt: skip
        print(f"Rebond, hosted mode: {url}")
        print(f"Test sign-in provider: {issuer} — choose {' or '.join(u['sub'] for u in TEST_USERS)} on its form.")
        print("Open two browser profiles (or a private window) to be both people at once. Ctrl-C stops both.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
