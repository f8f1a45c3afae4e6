"""OpenAI Chat Completions answers as the real API shapes them, scripted for the loopback endpoint (``rebond.testing``)."""

from __future__ import annotations

from typing import Any

from rebond.testing import MODEL, USAGE, Answer, completion, sse_events

__all__ = ["MODEL", "USAGE", "completion", "sse", "ok", "streamed", "error"]


def sse(text: str, model: str = MODEL, piece: int = 12) -> bytes:
    """A streamed chat completion of ``text``, ``piece`` characters a chunk, usage last, then [DONE]."""
    return b"".join(sse_events(text, piece, model))


def ok(body: dict[str, Any]) -> Answer:
    return Answer.json(body)


def streamed(text: str) -> Answer:
    return Answer.sse(text)


def error(status: int, message: str = "error") -> Answer:
    # retry-after-ms keeps the client's own retries instant in tests.
    return Answer.error(status, message, retry_after_ms="1")
