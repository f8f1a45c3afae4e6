"""Hardening tests: loopback only, none of the machine's settings, a fresh journal each, and a summary of what was measured."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

import pytest

from hardening_support import REPORT

_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def _is_loopback(host: object) -> bool:
    if str(host) in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails any test that connects or resolves beyond loopback (same guard as tests/llm)."""
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def guarded_connect(self: socket.socket, address: object) -> object:
        if isinstance(address, tuple) and not _is_loopback(address[0]):
            raise AssertionError(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)

    def guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if not _is_loopback(host):
            raise AssertionError(f"test tried to resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)


@pytest.fixture(autouse=True)
def app_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No OPENAI_*/REBOND_* from the shell, no .env or secrets.toml (cwd is empty), offline, a fresh journal."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "REBOND_")) and name != "REBOND_PROMPTS_DIR":
            monkeypatch.delenv(name, raising=False)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    db = tmp_path / "journal.sqlite3"
    monkeypatch.setenv("REBOND_DB_PATH", str(db))
    monkeypatch.setenv("REBOND_ENGINE", "offline")
    return db


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if REPORT:
        terminalreporter.section("hardening: what was measured")
        for name, line in REPORT.items():
            terminalreporter.write_line(f"{name}: {line}")
