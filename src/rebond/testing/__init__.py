"""Test helpers that ship with Rebond: a scripted OpenAI-compatible endpoint on loopback.

Nothing in the product imports this package; the tests, the fault drill and the
overhead benchmark do. Standard library only.
"""

from rebond.testing.openai_server import (
    KEEP_ALIVE,
    MODEL,
    USAGE,
    Answer,
    Request,
    ScriptedServer,
    completion,
    error_body,
    sse_event,
    sse_events,
    tool_call_events,
)

__all__ = [
    "KEEP_ALIVE", "MODEL", "USAGE", "Answer", "Request", "ScriptedServer",
    "completion", "error_body", "sse_event", "sse_events", "tool_call_events",
]
