"""A throw-away PostgreSQL server on loopback, for the tests and the hosted benchmark.

Debian's ``postgresql`` package (``initdb``, ``pg_ctl``) in a temporary directory; the server refuses to run as
root, so as root it runs as the ``postgres`` user. Two login roles, as in production (README, "Run Rebond for an
organisation"): ``rebond_owner`` owns the database and runs the migrations; ``rebond_app`` owns nothing and is
subject to row-level security.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

OWNER_ROLE = "rebond_owner"
APP_ROLE = "rebond_app"
DATABASE = "rebond"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL is not installed here, or would not start; the message says which."""


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresUnavailable("PostgreSQL is not installed (no initdb; Debian: apt-get install -y postgresql)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """``with PostgresServer() as pg:`` a fresh server; ``pg.owner_url`` and ``pg.app_url`` reach its database."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.port = _free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="rebond-pg-"))
        self.data = self.dir / "data"
        self._as_postgres = os.geteuid() == 0

    def url(self, role: str, driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{role}@127.0.0.1:{self.port}/{DATABASE}"

    @property
    def owner_url(self) -> str:
        return self.url(OWNER_ROLE)

    @property
    def app_url(self) -> str:
        return self.url(APP_ROLE)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(a) for a in args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120, cwd=self.dir)

    def start(self) -> PostgresServer:
        if self._as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        try:
            self._run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                      "--no-sync", "--locale=C.UTF-8")  # fmt: skip
            options = f"-p {self.port} -k {self.dir} -h 127.0.0.1 -c fsync=off -c max_connections=200"
            self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.dir / "log", "-w", "-o", options, "start")
        except (subprocess.CalledProcessError, OSError, subprocess.TimeoutExpired) as exc:
            detail = getattr(exc, "stderr", "") or str(exc)
            self.stop()
            raise PostgresUnavailable(f"PostgreSQL would not start: {detail.strip()[:400]}") from None
        try:
            self.psql(f"CREATE ROLE {OWNER_ROLE} LOGIN; CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS",
                      database="postgres")  # fmt: skip
            self.psql(f"CREATE DATABASE {DATABASE} OWNER {OWNER_ROLE}", database="postgres")
            # Only the owner role creates objects; the app role gets what the migrations grant it.
            self.psql(f"REVOKE CREATE ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO {OWNER_ROLE}")
        except subprocess.CalledProcessError as exc:
            self.stop()
            raise PostgresUnavailable(f"PostgreSQL started but could not be set up: {exc.stderr.strip()[:400]}") from None
        return self

    def psql(self, sql: str, database: str = DATABASE, user: str = "postgres") -> str:
        psql = self.bin / "psql"
        done = self._run(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port),
                         "-U", user, "-d", database, "-At", "-c", sql)  # fmt: skip
        return done.stdout

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
