"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rebond.testing import ScriptedServer
from rebond.testing.postgres import PostgresServer, PostgresUnavailable


@pytest.fixture
def openai_server() -> Iterator[ScriptedServer]:
    """A scripted OpenAI-compatible endpoint on loopback (``rebond.testing``): script its answers, read its requests."""
    with ScriptedServer() as server:
        yield server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole run (``rebond.testing.postgres``), migrated as the owner role.

    Skips, saying why, only where PostgreSQL is not installed or will not start; ``.ci/run`` installs it.
    """
    from rebond.storage.database import upgrade

    try:
        server = PostgresServer().start()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        upgrade(server.owner_url)
        yield server
    finally:
        server.stop()
