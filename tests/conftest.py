"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rebond.testing import ScriptedServer


@pytest.fixture
def openai_server() -> Iterator[ScriptedServer]:
    """A scripted OpenAI-compatible endpoint on loopback (``rebond.testing``): script its answers, read its requests."""
    with ScriptedServer() as server:
        yield server
